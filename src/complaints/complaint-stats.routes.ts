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

  // Binary: XLSX and PDF of the same figures (listed in test/http/contracts.test.ts).
  const files = {
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: (stats: ComplaintStats, _unit: Parameters<typeof complaintStatsPdf>[1], lang: 'id' | 'en') =>
        complaintStatsXlsx(stats, lang),
    },
    pdf: {
      type: 'application/pdf',
      render: (stats: ComplaintStats, unit: Parameters<typeof complaintStatsPdf>[1], lang: 'id' | 'en') =>
        complaintStatsPdf(stats, unit, lang, now()),
    },
  } as const;
  for (const [ext, file] of Object.entries(files))
    app.get(
      `/api/complaints/stats.${ext}`,
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
          .header('content-type', file.type)
          .header(
            'content-disposition',
            `attachment; filename="statistik-pengaduan-${ctx.unit.code}-${stats.from}-${stats.to}.${ext}"`,
          )
          .send(await file.render(stats, ctx.unit, lang));
      },
    );
};
