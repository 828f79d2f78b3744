import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { uploadedFile } from '../http/upload.ts';
import { CaseIdParams } from './cases.schema.ts';
import {
  SubmittedDetail,
  SubmittedLetterParams,
  SubmittedList,
  SubmittedListQuery,
  SubmittedPaper,
  SubmittedPaperParams,
} from './submitted.schema.ts';
import { addSubmittedPaper, getSubmitted, listSubmitted, submittedLetterFile } from './submitted.service.ts';

/**
 * What the caller's office submitted to the office above it, followed read-only: the list, one
 * case, its papers sent while it stands at its first step, the letters issued for it. A case
 * the caller's office did not submit is not found here, whoever holds it.
 */
export const submittedRoutes: FastifyPluginAsyncZod = async (app) => {
  const submits = guard('requests.submit');

  app.get(
    '/api/submissions',
    {
      schema: { tags: ['submissions'], querystring: SubmittedListQuery, response: { 200: SubmittedList } },
      preValidation: submits,
    },
    async (request) => listSubmitted(app.db, requireAuth(request), request.query, app.clock),
  );

  app.get(
    '/api/submissions/:id',
    {
      schema: { tags: ['submissions'], params: CaseIdParams, response: { 200: SubmittedDetail } },
      preValidation: submits,
    },
    async (request) => getSubmitted(app.db, requireAuth(request), request.params.id, app.clock),
  );

  app.post(
    '/api/submissions/:id/documents/:requirementId',
    {
      schema: { tags: ['submissions'], params: SubmittedPaperParams, response: { 201: SubmittedPaper } },
      preValidation: submits,
    },
    async (request, reply) => {
      const file = await uploadedFile(request, { fileSize: 10 * 1024 * 1024, files: 1 });
      if (!file) throw new DomainError('request.file_missing');
      const paper = await addSubmittedPaper(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        {
          requirementId: request.params.requirementId,
          fileName: file.filename,
          bytes: await file.toBuffer(),
        },
        clientOf(request),
      );
      request.caseUnitWritten = paper.unitId;
      const { unitId: _unit, ...answer } = paper;
      return reply.status(201).send(answer);
    },
  );

  // Binary: the letter as issued, application/pdf (exempt from a response schema).
  app.get(
    '/api/submissions/:id/letters/:letterId/pdf',
    { schema: { tags: ['submissions'], params: SubmittedLetterParams }, preValidation: submits },
    async (request, reply) => {
      const file = await submittedLetterFile(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        request.params.letterId,
        'issued',
      );
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  // Binary: the signed scan of the letter (PDF, JPEG or PNG), e.g. the BAST signed by both parties.
  app.get(
    '/api/submissions/:id/letters/:letterId/signed',
    { schema: { tags: ['submissions'], params: SubmittedLetterParams }, preValidation: submits },
    async (request, reply) => {
      const file = await submittedLetterFile(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        request.params.letterId,
        'signed',
      );
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
};
