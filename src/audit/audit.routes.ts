import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayIn } from '../core/dates.ts';
import { pickLanguage } from '../core/i18n.ts';
import type { Db } from '../db/client.ts';
import {
  AuditActors,
  AuditExportQuery,
  AuditList,
  AuditListQuery,
  CheckpointList,
  CheckpointsQuery,
  CheckpointWritten,
  VerifyResult,
} from './audit.schema.ts';
import {
  type Actor,
  auditHead,
  auditTrail,
  checkAuditFilter,
  recordAudit,
  type TrailPeople,
  verifyAuditChain,
} from './audit.service.ts';
import { auditWorkbook } from './audit-export.ts';
import { checkpointNow, checkpointViews } from './checkpoints.ts';

/**
 * What the audit routes need of sign-in. Auth writes the audit log, so audit sits below auth and
 * cannot import its guard: the app hands auth's `guard` and `requireAuth` in.
 */
export interface AuditRouteOptions {
  guard: (
    permission: 'audit.read' | 'audit.verify',
  ) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  requireAuth: (request: FastifyRequest) => { unit: { id: number; name: string; timeZone: string } };
  /** The signed-in user as the audit log records them (for the export's own entry). */
  actorOf: (request: FastifyRequest) => Actor;
  /** Names and role labels of the people the trail names. */
  people: TrailPeople;
  /** The unit's users, to filter the trail by. */
  usersOf: (
    db: Db,
    unitId: number,
  ) => Promise<Array<{ id: number; name: string; username: string; roles: string[] }>>;
}

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteOptions> = async (
  app,
  { guard, requireAuth, actorOf, people, usersOf },
) => {
  // The unit's trail, filtered, one keyset page at a time (newest first).
  app.get(
    '/api/audit',
    {
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditList } },
      preValidation: guard('audit.read'),
    },
    async (request) =>
      auditTrail(
        app.db,
        requireAuth(request).unit,
        request.query,
        people,
        pickLanguage(request.headers['accept-language']),
      ),
  );

  // The filtered trail as a workbook for the Inspektorat; the export is itself audited.
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: { tags: ['audit'], querystring: AuditExportQuery },
      preValidation: guard('audit.read'),
    },
    async (request, reply) => {
      const { unit } = requireAuth(request);
      const { lang: asked, ...filter } = request.query;
      checkAuditFilter(filter);
      const upTo = await auditHead(app.db);
      await recordAudit(app.db, actorOf(request), {
        action: 'audit.export',
        entity: 'audit',
        unitId: unit.id,
        after: { filter, upTo },
      });
      const lang = asked ?? pickLanguage(request.headers['accept-language']);
      const day = todayIn(unit.timeZone, new Date(app.clock.now()));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="log-audit-${day}.xlsx"`)
        .send(auditWorkbook(app.db, unit, filter, upTo, people, lang));
    },
  );

  app.get(
    '/api/audit/actors',
    {
      schema: { tags: ['audit'], response: { 200: AuditActors } },
      preValidation: guard('audit.read'),
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language']);
      const users = await usersOf(app.db, requireAuth(request).unit.id);
      return {
        actors: users.map((u) => ({
          id: u.id,
          name: u.name,
          username: u.username,
          roleLabel: u.roles.map((r) => people.roleLabel(r)?.[lang] ?? r).join(', '),
        })),
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: { tags: ['audit'], response: { 200: VerifyResult } },
      preValidation: guard('audit.verify'),
    },
    async (request) =>
      verifyAuditChain(app.db, {
        anchor: app.auditAnchor,
        lang: pickLanguage(request.headers['accept-language']),
      }),
  );

  // The latest signed checkpoints, each with a text an auditor prints and signs.
  app.get(
    '/api/audit/checkpoints',
    {
      schema: { tags: ['audit'], querystring: CheckpointsQuery, response: { 200: CheckpointList } },
      preValidation: guard('audit.verify'),
    },
    async (request) => ({
      checkpoints: await checkpointViews(
        app.auditAnchor,
        request.query.limit,
        requireAuth(request).unit.name,
      ),
    }),
  );

  // A checkpoint now (when the chain grew since the last one), e.g. before an audit visit.
  app.post(
    '/api/audit/checkpoints',
    {
      schema: { tags: ['audit'], response: { 200: CheckpointWritten, 201: CheckpointWritten } },
      preValidation: guard('audit.verify'),
    },
    async (request, reply) => {
      const result = await checkpointNow(app.db, app.auditAnchor, requireAuth(request).unit.name);
      return reply.status(result.written ? 201 : 200).send(result);
    },
  );
};
