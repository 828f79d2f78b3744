import type { SessionAnswer } from '@jaring/auth/auth.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api.ts';

/** The signed-in user, or null when signed out (401). */
export function useSession() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await get<SessionAnswer>('/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}
