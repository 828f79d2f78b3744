import { Navigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useSession } from '../session.ts';
import type { SessionUser } from '../types.ts';
import { QueryView } from './query-view.tsx';

/**
 * Renders children only for a signed-in user; sends others to the sign-in page, and a user who
 * must first set up an authenticator app to the account page (unless `enrolment` says this is it).
 */
export function RequireSession({
  children,
  enrolment = false,
}: {
  children: (user: SessionUser) => ReactNode;
  enrolment?: boolean;
}) {
  const session = useSession();
  return (
    <QueryView query={session}>
      {(user) => {
        if (!user) return <Navigate to="/masuk" />;
        if (!enrolment && user.totp.required && !user.totp.enabled) return <Navigate to="/staf/akun" />;
        return children(user);
      }}
    </QueryView>
  );
}
