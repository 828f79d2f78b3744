import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { clientOf, guard, requireAuth } from '../http/context.ts';
import { ActInput, OpenCaseInput } from './cases.schema.ts';
import { act, addDocument, caseQueue, getCase, openCase, publicTracking } from './cases.service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/cases',
    { schema: { tags: ['cases'], body: OpenCaseInput }, preValidation: guard('cases.intake') },
    async (request, reply) => {
      const created = await openCase(app.db, requireAuth(request), request.body, clientOf(request));
      return reply.status(201).send({ id: created.id, trackingCode: created.trackingCode });
    },
  );

  app.get(
    '/api/cases',
    { schema: { tags: ['cases'] }, preValidation: guard('cases.read') },
    async (request) => ({
      cases: await caseQueue(app.db, requireAuth(request)),
    }),
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags: ['cases'], params: IdParams }, preValidation: guard('cases.read') },
    async (request) => getCase(app.db, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/actions',
    { schema: { tags: ['cases'], params: IdParams, body: ActInput }, preValidation: guard('cases.read') },
    async (request) => act(app.db, requireAuth(request), request.params.id, request.body, clientOf(request)),
  );

  app.post(
    '/api/cases/:id/documents/:requirementId',
    {
      schema: {
        tags: ['cases'],
        params: IdParams.extend({ requirementId: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
      },
      preValidation: guard('cases.read'),
    },
    async (request, reply) => {
      const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!file) throw new DomainError('document.size', { size: 0 });
      const bytes = await file.toBuffer();
      const doc = await addDocument(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        { requirementId: request.params.requirementId, fileName: file.filename, bytes },
        clientOf(request),
      );
      return reply.status(201).send(doc);
    },
  );

  app.get(
    '/api/public/track/:code',
    {
      schema: { tags: ['public'], params: z.object({ code: z.string().min(5).max(20) }) },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => publicTracking(app.db, request.params.code),
  );
};
