import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { pickLanguage } from '../core/i18n.ts';
import { uploadedFile } from '../http/upload.ts';
import { complaintEnvOf } from './complaints.routes.ts';
import { ComplaintIdParams } from './complaints.schema.ts';
import {
  FollowUpCreated,
  FollowUpList,
  FollowUpQuery,
  LaporComplaintView,
  LaporFollowUpInput,
  LaporImportDone,
  LaporMappingInput,
  LaporMappingView,
  LaporPreview,
} from './lapor.schema.ts';
import {
  exportLaporFollowUps,
  importLaporFile,
  type LaporFile,
  laporMappingOf,
  laporOfComplaint,
  listLaporFollowUps,
  previewLaporImport,
  recordLaporFollowUp,
  saveLaporMapping,
} from './lapor.service.ts';

const tags = ['complaints'];
const maxFileBytes = 10 * 1024 * 1024;

async function laporFileOf(request: FastifyRequest): Promise<LaporFile> {
  const file = await uploadedFile(request, { fileSize: maxFileBytes, files: 1 });
  if (!file) throw new DomainError('request.file_missing');
  return { bytes: await file.toBuffer(), fileName: file.filename };
}

/** SP4N-LAPOR!: the import of its reports, the column mapping, follow-ups and their export. */
export const laporRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = complaintEnvOf(app);
  const handle = guard('complaints.handle');

  app.get(
    '/api/complaints/lapor/mapping',
    { schema: { tags, response: { 200: LaporMappingView } }, preValidation: handle },
    async (request) => laporMappingOf(app.db, requireAuth(request)),
  );

  app.put(
    '/api/complaints/lapor/mapping',
    { schema: { tags, body: LaporMappingInput, response: { 200: LaporMappingView } }, preValidation: handle },
    async (request) => {
      const ctx = requireAuth(request);
      return saveLaporMapping(app.db, ctx, actorOf(ctx, clientOf(request)), request.body, env.now());
    },
  );

  // What the file would bring, row by row; nothing is written.
  app.post(
    '/api/complaints/lapor/imports/preview',
    { schema: { tags, response: { 200: LaporPreview } }, preValidation: handle },
    async (request) =>
      previewLaporImport(
        app.db,
        requireAuth(request),
        await laporFileOf(request),
        pickLanguage(request.headers['accept-language']),
        env.now(),
      ),
  );

  // The whole file or nothing; LAPOR! ids already held are reported, not added again.
  app.post(
    '/api/complaints/lapor/imports',
    { schema: { tags, response: { 201: LaporImportDone } }, preValidation: handle },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const file = await laporFileOf(request);
      return reply
        .status(201)
        .send(await importLaporFile(app.db, env, ctx, actorOf(ctx, clientOf(request)), file));
    },
  );

  app.get(
    '/api/complaints/lapor/follow-ups',
    { schema: { tags, querystring: FollowUpQuery, response: { 200: FollowUpList } }, preValidation: handle },
    async (request) => listLaporFollowUps(app.db, requireAuth(request), request.query, env.now()),
  );

  // Binary: text/csv or XLSX (listed in test/http/contracts.test.ts).
  app.get(
    '/api/complaints/lapor/follow-ups.:format',
    {
      schema: { tags, params: z.object({ format: z.enum(['csv', 'xlsx']) }), querystring: FollowUpQuery },
      preValidation: handle,
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const file = await exportLaporFollowUps(
        app.db,
        ctx,
        actorOf(ctx, clientOf(request)),
        request.query,
        request.params.format,
        env.now(),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.get(
    '/api/complaints/:id/lapor',
    {
      schema: { tags, params: ComplaintIdParams, response: { 200: LaporComplaintView } },
      preValidation: handle,
    },
    async (request) => laporOfComplaint(app.db, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/complaints/:id/lapor/follow-ups',
    {
      schema: {
        tags,
        params: ComplaintIdParams,
        body: LaporFollowUpInput,
        response: { 201: FollowUpCreated },
      },
      preValidation: handle,
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      return reply
        .status(201)
        .send(
          await recordLaporFollowUp(
            app.db,
            env,
            ctx,
            actorOf(ctx, clientOf(request)),
            request.params.id,
            request.body,
          ),
        );
    },
  );
};
