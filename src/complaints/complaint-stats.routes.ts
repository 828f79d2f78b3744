import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, requireAuth } from '../auth/guard.ts';
import { pickLanguage } from '../core/i18n.ts';
import { complaintStatsPdf } from './complaint-stats.pdf.ts';
import { ComplaintStats, StatsQuery } from './complaint-stats.schema.ts';
import { complaintStatsOf } from './complaint-stats.service.ts';
import { complaintStatsXlsx } from './complaint-stats.xlsx.ts';

/** Complaint statistics (Pasal 37(3)) of the signed-in unit, as JSON, a workbook and a PDF. */
export const complaintStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => new Date(app.clock.now());

  app.get(
    '/api/complaints/stats',
    {
      schema: { tags: ['complaints'], querystring: StatsQuery, response: { 200: ComplaintStats } },
      preValidation: guard('complaints.handle'),
    },
    async (request) => complaintStatsOf(app.db, requireAuth(request), request.query, now()),
  );

  // Binary: XLSX (listed in test/http/contracts.test.ts).
  app.get(
    '/api/complaints/stats.xlsx',
    {
      schema: {
        tags: ['complaints'],
        querystring: StatsQuery.extend({ lang: z.enum(['id', 'en']).optional() }),
      },
      preValidation: guard('complaints.handle'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const { lang: asked, ...query } = request.query;
      const lang = asked ?? pickLanguage(request.headers['accept-language']);
      const stats = await complaintStatsOf(app.db, ctx, query, now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="statistik-pengaduan-${ctx.unit.code}-${stats.from}-${stats.to}.xlsx"`,
        )
        .send(await complaintStatsXlsx(stats, lang));
    },
  );

  // Binary: PDF (listed in test/http/contracts.test.ts).
  app.get(
    '/api/complaints/stats.pdf',
    {
      schema: {
        tags: ['complaints'],
        querystring: StatsQuery.extend({ lang: z.enum(['id', 'en']).optional() }),
      },
      preValidation: guard('complaints.handle'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const { lang: asked, ...query } = request.query;
      const lang = asked ?? pickLanguage(request.headers['accept-language']);
      const stats = await complaintStatsOf(app.db, ctx, query, now());
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="statistik-pengaduan-${ctx.unit.code}-${stats.from}-${stats.to}.pdf"`,
        )
        .send(await complaintStatsPdf(stats, ctx.unit, lang, now()));
    },
  );
};
