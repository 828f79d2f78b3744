import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { IdParam } from '../core/ids.ts';
import { requestErrorCode } from '../http/errors.ts';
import { uploadedFile } from '../http/upload.ts';
import { exportTickets, type FileDownload, templateFile } from './export.service.ts';
import { importJobs } from './import/import-jobs.ts';
import {
  ExportBody,
  ExportTicket,
  FamilyView,
  ImportList,
  ImportLive,
  ImportOptions,
  ImportStarted,
  ImportView,
  NoContent,
  ProblemFileQuery,
  RegisterSummary,
  RevealAnswer,
  RevealBody,
  SearchQuery,
  SearchResult,
} from './registry.schema.ts';
import { getFamily, registerSummary, revealNumber, scopeOf, searchPeople } from './registry.service.ts';

const IdParams = z.object({ id: IdParam });
const tags = ['registry'];

// The streamed answers (an export, the template, a problem file) declare no response schema:
// their body is a CSV or XLSX file, not JSON.
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const exports = exportTickets(app.db, app.clock);
  const imports = importJobs({
    database: app.database,
    dataDir: app.config.dataDir,
    importMaxBytes: app.config.importMaxBytes,
  });
  app.addHook('onClose', () => imports.settle());

  app.get(
    '/api/registry/summary',
    { schema: { tags, response: { 200: RegisterSummary } }, preValidation: guard('registry.read') },
    async (request) => registerSummary(app.db, requireAuth(request)),
  );

  app.get(
    '/api/registry/people',
    {
      schema: { tags, querystring: SearchQuery, response: { 200: SearchResult } },
      preValidation: guard('registry.read'),
    },
    async (request) => searchPeople(app.db, scopeOf(requireAuth(request)), request.query),
  );

  app.get(
    '/api/registry/families/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ asOf: z.iso.date().optional() }),
        response: { 200: FamilyView },
      },
      preValidation: guard('registry.read'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return getFamily(app.db, scopeOf(ctx), request.params.id, {
        asOf: request.query.asOf,
        timeZone: ctx.unit.timeZone,
      });
    },
  );

  app.post(
    '/api/registry/reveal',
    {
      schema: { tags, body: RevealBody, response: { 200: RevealAnswer } },
      preValidation: guard('registry.reveal'),
    },
    async (request) => revealNumber(app.db, requireAuth(request), request.body, clientOf(request)),
  );

  app.post(
    '/api/registry/exports',
    {
      schema: { tags, body: ExportBody, response: { 200: ExportTicket } },
      preValidation: guard('registry.export'),
    },
    async (request) => exports.ask(requireAuth(request), clientOf(request), request.body),
  );

  app.get(
    '/api/registry/exports/:token',
    {
      schema: { tags, params: z.object({ token: z.string().min(10).max(64) }) },
      preValidation: guard('registry.export'),
    },
    async (request, reply) => {
      return sendFile(reply, exports.take(requireAuth(request), request.params.token, request.log));
    },
  );

  app.get(
    '/api/registry/template.:format',
    {
      schema: { tags, params: z.object({ format: z.enum(['csv', 'xlsx']) }) },
      preValidation: guard('registry.read'),
    },
    async (request, reply) => {
      return sendFile(reply, templateFile(request.params.format));
    },
  );

  app.post(
    '/api/registry/imports',
    {
      schema: { tags, querystring: ImportOptions, response: { 202: ImportStarted } },
      preValidation: guard('registry.import'),
    },
    async (request, reply) => {
      const started = await imports.start(requireAuth(request), clientOf(request), request.query, {
        open: (limits) => uploadedFile(request, limits),
        reasonOf: (error) => requestErrorCode(error, request),
        log: request.log,
      });
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/registry/imports',
    // The history is for anyone who reads the register (the head of office follows what was
    // loaded); an import's problems and its files stay with those who import.
    { schema: { tags, response: { 200: ImportList } }, preValidation: guard('registry.read') },
    async (request) => imports.list(requireAuth(request)),
  );

  app.get(
    '/api/registry/imports/:id',
    {
      schema: { tags, params: IdParams, response: { 200: ImportView } },
      preValidation: guard('registry.import'),
    },
    async (request) => imports.get(request.params.id, requireAuth(request)),
  );

  // The progress of a running import, for the page that started it: the key from the upload's
  // answer stands in for the session. Once the import ends, or for a wrong key, there is
  // nothing (204): the record has the summary.
  app.get(
    '/api/registry/imports/:id/live',
    {
      config: { noSession: true },
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ key: z.string().regex(/^[0-9a-f]{32}$/) }),
        response: { 200: ImportLive, 204: NoContent },
      },
    },
    async (request, reply) => {
      const live = imports.live(request.params.id, request.query.key);
      return live ? live : reply.status(204).send(null);
    },
  );

  app.get(
    '/api/registry/imports/:id/errors',
    {
      schema: { tags, params: IdParams, querystring: ProblemFileQuery },
      preValidation: guard('registry.import'),
    },
    async (request, reply) => {
      const file = await imports.problemFile(
        request.params.id,
        requireAuth(request),
        request.query.format,
        clientOf(request),
      );
      return sendFile(reply, file);
    },
  );
};

/** A streamed file answer, to be saved under its name. */
function sendFile(reply: FastifyReply, file: FileDownload) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.stream);
}
