import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, requireAuth } from '../http/context.ts';
import { verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.tables.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
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
    { schema: { tags: ['audit'] }, preValidation: guard('audit.verify') },
    async () => verifyAuditChain(app.db),
  );
};
