import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { IdParam } from '../core/ids.ts';
import {
  DeclareEmergencyInput,
  Emergency,
  EmergencyList,
  EndEmergencyInput,
  ExtendEmergencyInput,
} from './emergencies.schema.ts';
import {
  declareEmergency,
  endEmergency,
  extendEmergency,
  getEmergency,
  listEmergencies,
} from './emergencies.service.ts';

const params = z.object({ id: IdParam });

/** Emergencies (status tanggap darurat) of the session's unit: list, declare, extend, end. */
export const emergenciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/emergencies',
    { schema: { tags: ['logistics'], response: { 200: EmergencyList } }, preValidation: guard('cases.read') },
    async (request) => ({ emergencies: await listEmergencies(app.db, requireAuth(request).unit, app.clock) }),
  );

  app.get(
    '/api/emergencies/:id',
    {
      schema: { tags: ['logistics'], params, response: { 200: Emergency } },
      preValidation: guard('cases.read'),
    },
    async (request) => getEmergency(app.db, requireAuth(request).unit, request.params.id, app.clock),
  );

  app.post(
    '/api/emergencies',
    {
      schema: { tags: ['logistics'], body: DeclareEmergencyInput, response: { 201: Emergency } },
      preValidation: guard('emergencies.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const created = await declareEmergency(
        app.db,
        actorOf(ctx, clientOf(request)),
        ctx.unit,
        request.body,
        app.clock,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/emergencies/:id/extensions',
    {
      schema: { tags: ['logistics'], params, body: ExtendEmergencyInput, response: { 200: Emergency } },
      preValidation: guard('emergencies.manage'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return extendEmergency(
        app.db,
        actorOf(ctx, clientOf(request)),
        ctx.unit,
        request.params.id,
        request.body,
        app.clock,
      );
    },
  );

  app.post(
    '/api/emergencies/:id/end',
    {
      schema: { tags: ['logistics'], params, body: EndEmergencyInput, response: { 200: Emergency } },
      preValidation: guard('emergencies.manage'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return endEmergency(
        app.db,
        actorOf(ctx, clientOf(request)),
        ctx.unit,
        request.params.id,
        request.body,
        app.clock,
      );
    },
  );
};
