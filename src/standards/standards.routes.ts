import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { pickLanguage } from '../core/i18n.ts';
import type { KnownEffects } from './standard.lint.ts';
import { renderStandardPdf } from './standard.pdf.ts';
import {
  getPublicStandard,
  getPublicUnit,
  listPublicUnits,
  listUnitStandards,
  publishStandard,
  sippnExport,
} from './standards.service.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);

/** The standards routes; the app hands in the effects a published workflow may name. */
export const standardsRoutes: FastifyPluginAsyncZod<{ effects: KnownEffects }> = async (app, { effects }) => {
  // Published standards hold no personal data: exempt from the `/api/` no-store rule.
  const publicLimit = {
    rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' },
    cacheable: true,
  };

  app.get('/api/public/units', { schema: { tags: ['public'] }, config: publicLimit }, async () => ({
    units: await listPublicUnits(app.db),
  }));

  app.get(
    '/api/public/units/:unit',
    { schema: { tags: ['public'], params: z.object({ unit: slug }) }, config: publicLimit },
    async (request) => getPublicUnit(app.db, request.params.unit),
  );

  app.get(
    '/api/public/units/:unit/standards/:id',
    { schema: { tags: ['public'], params: z.object({ unit: slug, id: slug }) }, config: publicLimit },
    async (request) => getPublicStandard(app.db, request.params.unit, request.params.id),
  );

  app.get(
    '/api/public/units/:unit/standards/:id/pdf',
    {
      schema: {
        tags: ['public'],
        params: z.object({ unit: slug, id: slug }),
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
      },
      config: publicLimit,
    },
    async (request, reply) => {
      const { unit, standard, revision } = await getPublicStandard(
        app.db,
        request.params.unit,
        request.params.id,
      );
      const lang = request.query.lang ?? pickLanguage(request.headers['accept-language']);
      const pdf = await renderStandardPdf({
        unit,
        standard,
        revision,
        lang,
        publicUrl: app.config.publicUrl,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="standar-pelayanan-${unit.code}-${standard.id}-rev${revision.revision}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/api/public/sippn',
    { schema: { tags: ['public'] }, config: publicLimit },
    async (_request, reply) =>
      reply
        .header('content-disposition', 'inline; filename="jaring-sippn.json"')
        .send(await sippnExport(app.db)),
  );

  app.get(
    '/api/staff/standards',
    { schema: { tags: ['standards'] }, preValidation: guard('standards.read') },
    async (request) => ({
      standards: await listUnitStandards(app.db, requireAuth(request).unit),
    }),
  );

  app.post(
    '/api/staff/standards',
    {
      schema: {
        tags: ['standards'],
        body: z.object({ yaml: z.string().min(1).max(1_000_000), fileName: z.string().max(200).optional() }),
      },
      preValidation: guard('standards.publish'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const result = await publishStandard(
        app.db,
        { effects },
        actorOf(ctx, clientOf(request)),
        ctx.unit,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
};
