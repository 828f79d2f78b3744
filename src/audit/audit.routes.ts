import { desc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickLanguage } from '../core/i18n.ts';
import { CheckpointView, VerifyResult } from './audit.schema.ts';
import { verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.tables.ts';
import { checkpointViews, viewOf, writeCheckpoint } from './checkpoints.ts';

/**
 * What the audit routes need of sign-in. Auth writes the audit log, so audit sits below auth and
 * cannot import its guard: the app hands auth's `guard` and `requireAuth` in.
 */
export interface AuditRouteOptions {
  guard: (
    permission: 'audit.read' | 'audit.verify',
  ) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  requireAuth: (request: FastifyRequest) => { unit: { id: number; name: string } };
}

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteOptions> = async (app, { guard, requireAuth }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
      preValidation: guard('audit.read'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const entries = await app.db
        .select({
          seq: auditLog.seq,
          at: auditLog.at,
          actorUsername: auditLog.actorUsername,
          actorRole: auditLog.actorRole,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
        })
        .from(auditLog)
        .where(eq(auditLog.unitId, ctx.unit.id))
        .orderBy(desc(auditLog.seq))
        .limit(request.query.limit);
      return { entries };
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
      schema: {
        tags: ['audit'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
        response: { 200: z.object({ checkpoints: z.array(CheckpointView) }) },
      },
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
      schema: {
        tags: ['audit'],
        response: {
          200: z.object({ written: z.boolean(), checkpoint: CheckpointView.nullable() }),
          201: z.object({ written: z.boolean(), checkpoint: CheckpointView.nullable() }),
        },
      },
      preValidation: guard('audit.verify'),
    },
    async (request, reply) => {
      const result = await writeCheckpoint(app.db, app.auditAnchor, { reason: 'manual', onlyIfMoved: true });
      const unit = requireAuth(request).unit.name;
      reply.status(result?.written ? 201 : 200);
      return {
        written: result?.written ?? false,
        checkpoint: result ? viewOf(app.auditAnchor, result.checkpoint, unit) : null,
      };
    },
  );
};
