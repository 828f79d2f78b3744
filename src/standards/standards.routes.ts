import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { pickLanguage } from '../core/i18n.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import type { KnownEffects } from './standard.lint.ts';
import {
  PdfQuery,
  Published,
  PublishInput,
  SippnExport,
  StaffStandardList,
  StandardPage,
  StandardParams,
  UnitList,
  UnitPage,
  UnitParams,
} from './standards.schema.ts';
import {
  getPublicStandard,
  getPublicUnit,
  listPublicUnits,
  listUnitStandards,
  publicSitemap,
  publishStandard,
  sippnExport,
  standardPdf,
} from './standards.service.ts';

/** The standards routes; the app hands in the effects a published workflow may name. */
export const standardsRoutes: FastifyPluginAsyncZod<{ effects: KnownEffects }> = async (app, { effects }) => {
  // Published standards hold no personal data: exempt from the `/api/` no-store rule.
  const publicLimit = {
    rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' },
    cacheable: true,
  };

  // For search engines: the public portal only (staff pages and the API are disallowed).
  app.get('/robots.txt', { schema: { hide: true }, config: publicLimit }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(app.config.publicUrl)),
  );
  app.get('/sitemap.xml', { schema: { hide: true }, config: publicLimit }, async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .send(sitemapXml(app.config.publicUrl, await publicSitemap(app.db))),
  );

  app.get(
    '/api/public/units',
    { schema: { tags: ['public'], response: { 200: UnitList } }, config: publicLimit },
    async () => ({ units: await listPublicUnits(app.db) }),
  );

  app.get(
    '/api/public/units/:unit',
    { schema: { tags: ['public'], params: UnitParams, response: { 200: UnitPage } }, config: publicLimit },
    async (request) => getPublicUnit(app.db, request.params.unit),
  );

  app.get(
    '/api/public/units/:unit/standards/:id',
    {
      schema: { tags: ['public'], params: StandardParams, response: { 200: StandardPage } },
      config: publicLimit,
    },
    async (request) => getPublicStandard(app.db, request.params.unit, request.params.id),
  );

  // Binary: answers application/pdf (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/public/units/:unit/standards/:id/pdf',
    { schema: { tags: ['public'], params: StandardParams, querystring: PdfQuery }, config: publicLimit },
    async (request, reply) => {
      const { fileName, pdf } = await standardPdf(
        app.db,
        request.params.unit,
        request.params.id,
        request.query.lang ?? pickLanguage(request.headers['accept-language']),
        app.config.publicUrl,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/public/sippn',
    { schema: { tags: ['public'], response: { 200: SippnExport } }, config: publicLimit },
    async (_request, reply) =>
      reply
        .header('content-disposition', 'inline; filename="jaring-sippn.json"')
        .send(await sippnExport(app.db)),
  );

  app.get(
    '/api/staff/standards',
    {
      schema: { tags: ['standards'], response: { 200: StaffStandardList } },
      preValidation: guard('standards.read'),
    },
    async (request) => ({
      standards: await listUnitStandards(app.db, requireAuth(request).unit),
    }),
  );

  app.post(
    '/api/staff/standards',
    {
      schema: { tags: ['standards'], body: PublishInput, response: { 201: Published } },
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
        pickLanguage(request.headers['accept-language']),
      );
      return reply.status(201).send(result);
    },
  );
};
