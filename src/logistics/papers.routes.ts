import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, requireAuth } from '../auth/guard.ts';
import { getCase } from '../cases/cases.service.ts';
import type { Effects } from '../cases/effects.ts';
import { CaseDispositionsParams, DispositionList, DispositionParams } from './papers.schema.ts';
import { dispositionPdf, dispositionsOf } from './papers.service.ts';

/**
 * The dispositions of a relief request: listed for the case page, each printable as a lembar
 * disposisi. Whoever may read the case may read them (the case engine decides, then 404).
 */
export const papersRoutes: FastifyPluginAsyncZod<{ effects: Effects }> = async (app, { effects }) => {
  app.get(
    '/api/cases/:id/dispositions',
    {
      schema: { tags: ['logistics'], params: CaseDispositionsParams, response: { 200: DispositionList } },
      preValidation: guard('cases.read'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const detail = await getCase(app.db, { effects, clock: app.clock }, ctx, request.params.id);
      return { dispositions: await dispositionsOf(app.db, ctx.unit.id, detail.case.id) };
    },
  );

  // Binary: the lembar disposisi, application/pdf (exempt from a response schema).
  app.get(
    '/api/cases/:id/dispositions/:dispositionId/pdf',
    { schema: { tags: ['logistics'], params: DispositionParams }, preValidation: guard('cases.read') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const detail = await getCase(app.db, { effects, clock: app.clock }, ctx, request.params.id);
      const { fileName, pdf } = await dispositionPdf(
        app.db,
        ctx.unit,
        detail.case,
        request.params.dispositionId,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );
};
