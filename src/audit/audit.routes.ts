import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pickLanguage } from '../core/i18n.ts';
import {
  AuditList,
  AuditListQuery,
  CheckpointList,
  CheckpointsQuery,
  CheckpointWritten,
  VerifyResult,
} from './audit.schema.ts';
import { auditTrail, verifyAuditChain } from './audit.service.ts';
import { checkpointNow, checkpointViews } from './checkpoints.ts';

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
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditList } },
      preValidation: guard('audit.read'),
    },
    async (request) => ({
      entries: await auditTrail(app.db, requireAuth(request).unit.id, request.query.limit),
    }),
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
