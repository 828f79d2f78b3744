import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { post } from './api.ts';

/**
 * Signs out and forgets the tab's answers: nothing of this user's office stays for whoever
 * signs in next. Apart from session.ts, which the portal loads, to keep the portal small.
 */
export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => post('/api/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(['me'], null);
      void navigate({ to: '/masuk' });
    },
  });
}
