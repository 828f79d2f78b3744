import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, requireAuth } from '../auth/guard.ts';
import { AreaList, RegencyList } from './regions.schema.ts';
import { allRegencies, areasWithin } from './regions.service.ts';

/**
 * Regencies and cities with their province, for region pickers (514 rows, cached by the browser).
 * The data is core's (pure); its route needs auth's guard, so it is a module of its own above auth.
 */
export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/regions/regencies',
    {
      schema: { tags: ['regions'], querystring: z.object({}), response: { 200: RegencyList } },
      preValidation: guard('home.view'),
      config: { cacheable: true },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'private, max-age=86400').send({ regencies: allRegencies() }),
  );

  // The session's office's own areas (region, regencies, districts), for pickers of an area it
  // serves: an emergency's area, the area of a relief request.
  app.get(
    '/api/regions/areas',
    {
      schema: { tags: ['regions'], querystring: z.object({}), response: { 200: AreaList } },
      preValidation: guard('home.view'),
    },
    async (request) => ({ areas: areasWithin(requireAuth(request).unit.regionCode) }),
  );
};
