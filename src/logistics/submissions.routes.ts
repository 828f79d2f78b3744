import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { CaseOpened } from '../cases/cases.schema.ts';
import type { Effects } from '../cases/effects.ts';
import { ReliefRequestForm, ReliefRequestInput } from './submissions.schema.ts';
import { reliefRequestForm, submitReliefRequest } from './submissions.service.ts';

/**
 * A regency office's relief request to the province: the form's facts, and the submission. The
 * submitter follows it, and sends its papers, through the case engine's `/api/submissions`.
 */
export const submissionsRoutes: FastifyPluginAsyncZod<{ effects: Effects }> = async (app, { effects }) => {
  app.get(
    '/api/logistics/requests/form',
    {
      schema: { tags: ['logistics'], response: { 200: ReliefRequestForm } },
      preValidation: guard('requests.submit'),
    },
    async (request) => reliefRequestForm(app.db, requireAuth(request), app.clock),
  );

  app.post(
    '/api/logistics/requests',
    {
      schema: { tags: ['logistics'], body: ReliefRequestInput, response: { 201: CaseOpened } },
      preValidation: guard('requests.submit'),
    },
    async (request, reply) => {
      const { unitId, ...opened } = await submitReliefRequest(
        app.db,
        { effects, files: app.files },
        requireAuth(request),
        request.body,
        clientOf(request),
        app.clock,
      );
      request.caseUnitWritten = unitId;
      return reply.status(201).send(opened);
    },
  );
};
