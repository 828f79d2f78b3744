import type { MaybeSession } from '@jaring/auth/auth.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';

/** The signed-in user, or null when signed out (asked without a 401, which a console shows). */
export function useSession() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => (await get<MaybeSession>('/api/auth/session')).user,
    staleTime: 30_000,
  });
}
