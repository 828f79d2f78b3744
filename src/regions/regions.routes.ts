import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard } from '../auth/guard.ts';
import { childrenOf, getProvince } from '../core/regions.ts';

/**
 * Regencies and cities with their province, for region pickers (514 rows, cached by the browser).
 * The data is core's (pure); its route needs auth's guard, so it is a module of its own above auth.
 */
export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/regions/regencies',
    {
      schema: { tags: ['regions'], querystring: z.object({}) },
      preValidation: guard('home.view'),
      config: { cacheable: true },
    },
    async (_request, reply) => {
      const regencies = childrenOf('').flatMap((p) =>
        childrenOf(p.code).map((r) => ({
          code: r.code,
          name: r.name,
          province: getProvince(p.code)?.name ?? '',
        })),
      );
      return reply.header('cache-control', 'private, max-age=86400').send({ regencies });
    },
  );
};
