import { Navigate, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { signInHref } from '../return-to.ts';
import { useSession } from '../session.ts';
import type { SessionUser } from '../types.ts';
import { QueryView } from './query-view.tsx';

/**
 * Renders children only for a signed-in user; sends others to the sign-in page (which brings
 * them back here), and a user who must first set up an authenticator app to the account page
 * (unless `enrolment` says this is it).
 */
export function RequireSession({
  children,
  enrolment = false,
}: {
  children: (user: SessionUser) => ReactNode;
  enrolment?: boolean;
}) {
  const session = useSession();
  const href = useLocation({ select: (l) => l.href });
  return (
    <QueryView query={session}>
      {(user) => {
        // Still drawn for a moment once on the sign-in page: a second redirect would lose `next`.
        if (!user)
          return href.startsWith('/masuk') ? null : (
            <Navigate {...signInHref(href, window.location.origin)} />
          );
        if (!enrolment && user.totp.required && !user.totp.enabled) return <Navigate to="/staf/akun" />;
        return children(user);
      }}
    </QueryView>
  );
}
