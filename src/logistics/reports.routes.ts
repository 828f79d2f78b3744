import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, requireAuth } from '../auth/guard.ts';
import { todayIn } from '../core/dates.ts';
import { distributionWorkbook, requestAgeWorkbook } from './reports.export.ts';
import {
  DistributionQuery,
  DistributionReport,
  PublicEmergency,
  PublicEmergencyList,
  PublicEmergencyListParams,
  PublicEmergencyParams,
  RequestAgeQuery,
  RequestAgeReport,
} from './reports.schema.ts';
import {
  distributionReport,
  publicEmergencies,
  publicEmergency,
  requestAgeReport,
} from './reports.service.ts';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The reports of relief logistics: distributions per emergency and regency, requests by status
 * and age (each as JSON and XLSX, for those who see the stock), and the public page of an
 * emergency, which names no person.
 */
export const logisticsReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The office's own date, as its staff would write it on the file.
  const day = (unit: { timeZone: string }) => todayIn(unit.timeZone, new Date(app.clock.now()));

  app.get(
    '/api/logistics/distributions',
    {
      schema: { tags: ['logistics'], querystring: DistributionQuery, response: { 200: DistributionReport } },
      preValidation: guard('stock.read'),
    },
    async (request) => distributionReport(app.db, requireAuth(request).unit, request.query, app.clock),
  );

  // Binary: answers XLSX (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/logistics/distributions.xlsx',
    { schema: { tags: ['logistics'], querystring: DistributionQuery }, preValidation: guard('stock.read') },
    async (request, reply) => {
      const { unit } = requireAuth(request);
      const report = await distributionReport(app.db, unit, request.query, app.clock);
      const only = request.query.emergencyId === undefined ? '' : `-${request.query.emergencyId}`;
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="penyaluran-logistik${only}-${day(unit)}.xlsx"`)
        .send(await distributionWorkbook(`Penyaluran bantuan logistik ${unit.name}, ${day(unit)}`, report));
    },
  );

  app.get(
    '/api/logistics/requests',
    {
      schema: { tags: ['logistics'], querystring: RequestAgeQuery, response: { 200: RequestAgeReport } },
      preValidation: guard('stock.read'),
    },
    async (request) => requestAgeReport(app.db, requireAuth(request).unit, request.query, app.clock),
  );

  // Binary: answers XLSX (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/logistics/requests.xlsx',
    { schema: { tags: ['logistics'], querystring: RequestAgeQuery }, preValidation: guard('stock.read') },
    async (request, reply) => {
      const { unit } = requireAuth(request);
      const report = await requestAgeReport(app.db, unit, request.query, app.clock);
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="umur-permohonan-logistik-${day(unit)}.xlsx"`)
        .send(
          await requestAgeWorkbook(
            `Permohonan bantuan logistik menurut status dan umur, ${unit.name}, ${day(unit)}`,
            report,
          ),
        );
    },
  );

  // Public: an emergency's decrees and what was sent where hold no personal data.
  const publicLimit = { rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/api/public/units/:unit/emergencies',
    {
      schema: { tags: ['public'], params: PublicEmergencyListParams, response: { 200: PublicEmergencyList } },
      config: publicLimit,
    },
    async (request) => publicEmergencies(app.db, request.params.unit, app.clock),
  );

  app.get(
    '/api/public/units/:unit/emergencies/:id',
    {
      schema: { tags: ['public'], params: PublicEmergencyParams, response: { 200: PublicEmergency } },
      config: publicLimit,
    },
    async (request) => publicEmergency(app.db, request.params.unit, request.params.id, app.clock),
  );
};
