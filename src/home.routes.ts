import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, requireAuth } from './auth/guard.ts';
import { Home } from './home.schema.ts';
import { homeOf } from './home.service.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    { schema: { tags: ['home'], response: { 200: Home } }, preValidation: guard('home.view') },
    async (request) => homeOf(app.db, requireAuth(request), app.clock),
  );
};
