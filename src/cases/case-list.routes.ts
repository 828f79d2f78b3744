import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, requireAuth } from '../auth/guard.ts';
import type { CaseChanges as Changes } from './case-changes.ts';
import {
  CaseChanges,
  CaseChangesQuery,
  CaseList,
  CaseListOptions,
  CaseListQuery,
} from './case-list.schema.ts';
import { caseListOptionsOf, listCasesOf } from './case-list.service.ts';

/** How long a change request is held open when nothing changes; the client then asks again. */
const holdMs = 25_000;

/** The office's case list and search, its filters' options, and the unit's change mark. */
export const caseListRoutes: FastifyPluginAsyncZod<{ changes: Changes }> = async (app, { changes }) => {
  app.get(
    '/api/cases/list',
    {
      schema: { tags: ['cases'], querystring: CaseListQuery, response: { 200: CaseList } },
      preValidation: guard('cases.read'),
    },
    async (request) => listCasesOf(app.db, requireAuth(request), request.query, app.clock),
  );

  app.get(
    '/api/cases/list/options',
    { schema: { tags: ['cases'], response: { 200: CaseListOptions } }, preValidation: guard('cases.read') },
    async (request) => caseListOptionsOf(app.db, requireAuth(request)),
  );

  // Without `since` (or with a stale one) answers at once; with the current mark, waits for the next.
  app.get(
    '/api/cases/changes',
    {
      schema: { tags: ['cases'], querystring: CaseChangesQuery, response: { 200: CaseChanges } },
      preValidation: guard('cases.read'),
    },
    async (request) => {
      const unitId = requireAuth(request).unit.id;
      const since = Number(request.query.since);
      if (request.query.since === undefined || !Number.isFinite(since))
        return { version: String(changes.version(unitId)) };
      const gone = new AbortController();
      request.raw.once('close', () => gone.abort());
      return { version: String(await changes.wait(unitId, since, holdMs, gone.signal)) };
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The office whose case a write touched, set by a route when it is not the caller's own
     * (a case submitted to the office above): that office's queue is the one that changed.
     */
    caseUnitWritten?: number;
  }
}

/** Routes that write to a case of another office than the caller's: they set `caseUnitWritten`. */
const submissionWrites = ['/api/submissions', '/api/logistics/requests'];

/**
 * Marks the unit's cases as changed after every successful write to a case (opening, an action,
 * a document, a scan, an intake correction, a payout); for the app's `onResponse` hook.
 */
export function publishCaseWrites(changes: Changes) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    const url = request.routeOptions.url ?? '';
    const submission = submissionWrites.some((p) => url.startsWith(p));
    if (!submission && !url.startsWith('/api/cases') && !url.startsWith('/api/relief')) return;
    if (url === '/api/cases/nik-check' || url.endsWith('/reveal')) return;
    const unitId = submission ? request.caseUnitWritten : request.auth?.unit.id;
    if (unitId !== undefined) await changes.publish(unitId).catch((e) => request.log.warn(e));
  };
}
