import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api.ts';
import type { SessionUser } from './types.ts';

/** The signed-in user, or null when signed out (401). */
export function useSession() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await get<{ user: SessionUser }>('/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}
