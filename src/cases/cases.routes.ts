import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { caseWritePermissions } from '../auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { pickLanguage } from '../core/i18n.ts';
import { LetterVerification, VerifyParams } from '../documents/documents.schema.ts';
import { verifyLetter } from '../documents/letters.service.ts';
import { uploadedFile } from '../http/upload.ts';
import { queueTotalOf } from './case-list.service.ts';
import { documentFileOf, letterPreviewOf, previewAction } from './case-preview.service.ts';
import { receiptPdfOf } from './case-receipt.service.ts';
import {
  ActInput,
  ActionPreview,
  ActionPreviewInput,
  CaseDetail,
  CaseDocument,
  CaseIdParams,
  CaseOpened,
  CaseQueue,
  CorrectIntakeInput,
  DocumentFileParams,
  DocumentParams,
  LetterParams,
  LetterPreviewQuery,
  NikCheck,
  NikCheckInput,
  OpenCaseInput,
  PublicTracking,
  ReceiptQuery,
  RevealedNik,
  RevealInput,
  SignedScanStored,
  SlaQuery,
  SlaReport,
  TrackParams,
} from './cases.schema.ts';
import {
  act,
  addDocument,
  attachSignedScan,
  caseQueue,
  getCase,
  letterPdfOf,
  openCase,
  publicTracking,
  removeDocument,
  replaceDocument,
  revealApplicantNik,
} from './cases.service.ts';
import type { Effects } from './effects.ts';
import { checkIntakeNik, correctIntake } from './intake.service.ts';
import { slaReportOf } from './sla.service.ts';

/** `inline` with the uploaded name: ASCII fallback, and the name itself per RFC 6266. */
function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]+/g, '_') || 'berkas';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The case page shows a scan and a letter preview in a frame of its own: those answers may be
 * framed by the app itself (the rest of the app may be framed by nothing), and run no script.
 */
const framedBySelf = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** Writes to a case; the service then asks for a role of the case's workflow and an open case. */
const writesCase = guard(...caseWritePermissions);

/** The case routes; the app hands in the effects its workflows may name. */
export const casesRoutes: FastifyPluginAsyncZod<{ effects: Effects }> = async (app, { effects }) => {
  app.post(
    '/api/cases',
    {
      schema: { tags: ['cases'], body: OpenCaseInput, response: { 201: CaseOpened } },
      preValidation: guard('cases.intake'),
    },
    async (request, reply) => {
      const created = await openCase(
        app.db,
        { effects, files: app.files },
        requireAuth(request),
        request.body,
        clientOf(request),
        app.clock,
      );
      return reply.status(201).send({ id: created.id, trackingCode: created.trackingCode });
    },
  );

  // The NIK typed at the desk, checked as it is typed: warnings are shown before the case opens.
  app.post(
    '/api/cases/nik-check',
    {
      schema: { tags: ['cases'], body: NikCheckInput, response: { 200: NikCheck } },
      preValidation: guard('cases.intake'),
    },
    async (request) => checkIntakeNik(request.body.nik),
  );

  app.put(
    '/api/cases/:id/intake',
    {
      schema: {
        tags: ['cases'],
        params: CaseIdParams,
        body: CorrectIntakeInput,
        response: { 200: CaseDetail },
      },
      preValidation: guard('cases.intake'),
    },
    async (request) =>
      correctIntake(
        app.db,
        { files: app.files, publicUrl: app.config.publicUrl, effects, clock: app.clock },
        requireAuth(request),
        request.params.id,
        request.body,
        clientOf(request),
      ),
  );

  app.get(
    '/api/reports/sla',
    {
      schema: { tags: ['reports'], querystring: SlaQuery, response: { 200: SlaReport } },
      preValidation: guard('reports.read'),
    },
    async (request) => slaReportOf(app.db, requireAuth(request).unit.id, request.query),
  );

  app.get(
    '/api/cases',
    { schema: { tags: ['cases'], response: { 200: CaseQueue } }, preValidation: guard('cases.read') },
    async (request) => ({
      cases: await caseQueue(app.db, requireAuth(request), app.clock),
      total: await queueTotalOf(app.db, requireAuth(request)),
    }),
  );

  app.get(
    '/api/cases/:id',
    {
      schema: { tags: ['cases'], params: CaseIdParams, response: { 200: CaseDetail } },
      preValidation: guard('cases.read'),
    },
    async (request) =>
      getCase(app.db, { effects, clock: app.clock }, requireAuth(request), request.params.id),
  );

  // Who may see the full NIK is decided by the service from the case's workflow.
  app.post(
    '/api/cases/:id/reveal',
    {
      schema: { tags: ['cases'], params: CaseIdParams, body: RevealInput, response: { 200: RevealedNik } },
      preValidation: guard('cases.read'),
    },
    async (request) =>
      revealApplicantNik(
        app.db,
        requireAuth(request),
        request.params.id,
        request.body.reason,
        clientOf(request),
      ),
  );

  app.post(
    '/api/cases/:id/actions',
    {
      schema: { tags: ['cases'], params: CaseIdParams, body: ActInput, response: { 200: CaseDetail } },
      preValidation: writesCase,
    },
    async (request) =>
      act(
        app.db,
        {
          files: app.files,
          publicUrl: app.config.publicUrl,
          effects,
          clock: app.clock,
          surveyKey: app.keys.survey,
        },
        requireAuth(request),
        request.params.id,
        request.body,
        clientOf(request),
      ),
  );

  app.post(
    '/api/cases/:id/documents/:requirementId',
    {
      schema: { tags: ['cases'], params: DocumentParams, response: { 201: CaseDocument } },
      preValidation: writesCase,
    },
    async (request, reply) => {
      const file = await uploadedFile(request, { fileSize: 10 * 1024 * 1024, files: 1 });
      if (!file) throw new DomainError('request.file_missing');
      const bytes = await file.toBuffer();
      const doc = await addDocument(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        { requirementId: request.params.requirementId, fileName: file.filename, bytes },
        clientOf(request),
      );
      return reply.status(201).send(doc);
    },
  );

  // A new file for a document before the step that requires it is left; the earlier one stays
  // in the requirement's history.
  app.post(
    '/api/cases/:id/documents/:documentId/replacement',
    {
      schema: { tags: ['cases'], params: DocumentFileParams, response: { 201: CaseDocument } },
      preValidation: writesCase,
    },
    async (request, reply) => {
      const file = await uploadedFile(request, { fileSize: 10 * 1024 * 1024, files: 1 });
      if (!file) throw new DomainError('request.file_missing');
      const bytes = await file.toBuffer();
      const doc = await replaceDocument(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        request.params.documentId,
        { fileName: file.filename, bytes },
        clientOf(request),
      );
      return reply.status(201).send(doc);
    },
  );

  // Marks a document removed (by its uploader, before its step is left); nothing is deleted.
  app.delete(
    '/api/cases/:id/documents/:documentId',
    {
      schema: { tags: ['cases'], params: DocumentFileParams, response: { 200: CaseDocument } },
      preValidation: writesCase,
    },
    async (request) =>
      removeDocument(
        app.db,
        requireAuth(request),
        request.params.id,
        request.params.documentId,
        clientOf(request),
        app.clock,
      ),
  );

  // Binary: answers application/pdf (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/cases/:id/letters/:letterId/pdf',
    { schema: { tags: ['cases'], params: LetterParams }, preValidation: guard('cases.read') },
    async (request, reply) => {
      const { fileName, pdf } = await letterPdfOf(
        app.db,
        { effects, files: app.files, clock: app.clock },
        requireAuth(request),
        request.params.id,
        request.params.letterId,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  // Binary: the receipt handed to the applicant, application/pdf (exempt from a response schema).
  app.get(
    '/api/cases/:id/receipt',
    {
      schema: { tags: ['cases'], params: CaseIdParams, querystring: ReceiptQuery },
      preValidation: guard('cases.read'),
    },
    async (request, reply) => {
      const { fileName, pdf } = await receiptPdfOf(
        app.db,
        { effects, clock: app.clock, publicUrl: app.config.publicUrl, surveyKey: app.keys.survey },
        requireAuth(request),
        request.params.id,
        request.query.lang ?? pickLanguage(request.headers['accept-language']),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  // Binary: a requirement document as uploaded (PDF, JPEG or PNG), to open inline; the
  // `/api/` no-store rule keeps it out of caches.
  app.get(
    '/api/cases/:id/documents/:documentId/file',
    { schema: { tags: ['cases'], params: DocumentFileParams }, preValidation: guard('cases.read') },
    async (request, reply) => {
      const doc = await documentFileOf(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', doc.mimeType)
        .header('content-disposition', inlineDisposition(doc.fileName))
        .header('content-security-policy', framedBySelf)
        .send(doc.bytes);
    },
  );

  // What an action would do with the form's current data, before it is taken; writes nothing.
  app.post(
    '/api/cases/:id/preview',
    {
      schema: {
        tags: ['cases'],
        params: CaseIdParams,
        body: ActionPreviewInput,
        response: { 200: ActionPreview },
      },
      preValidation: writesCase,
    },
    async (request) =>
      previewAction(app.db, { effects }, requireAuth(request), request.params.id, request.body),
  );

  // Binary: the letter the action would issue, marked CONTOH / PRATINJAU; no number is taken.
  app.get(
    '/api/cases/:id/letter-preview',
    {
      schema: { tags: ['cases'], params: CaseIdParams, querystring: LetterPreviewQuery },
      preValidation: writesCase,
    },
    async (request, reply) => {
      const { action, ...data } = request.query;
      const { fileName, pdf } = await letterPreviewOf(
        app.db,
        { effects, publicUrl: app.config.publicUrl, clock: app.clock, surveyKey: app.keys.survey },
        requireAuth(request),
        request.params.id,
        action,
        data,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('content-security-policy', framedBySelf)
        .send(pdf);
    },
  );

  app.post(
    '/api/cases/:id/letters/:letterId/signed',
    {
      schema: {
        tags: ['cases'],
        params: LetterParams,
        response: { 200: SignedScanStored, 201: SignedScanStored },
      },
      preValidation: writesCase,
    },
    async (request, reply) => {
      const file = await uploadedFile(request);
      if (!file) throw new DomainError('request.file_missing');
      const bytes = await file.toBuffer();
      // A replacement's reason is a form field sent before the file.
      const reason = file.fields.reason;
      const result = await attachSignedScan(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
        request.params.letterId,
        {
          bytes,
          reason:
            reason && !Array.isArray(reason) && reason.type === 'field' ? String(reason.value) : undefined,
        },
        clientOf(request),
      );
      return reply.status(result.stored ? 201 : 200).send({ signedSha256: result.signedSha256 });
    },
  );

  /** The page a letter's QR code opens: what was issued, and whether a file matches it. */
  app.get(
    '/api/public/verify/:code',
    {
      schema: { tags: ['public'], params: VerifyParams, response: { 200: LetterVerification } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => verifyLetter(app.db, request.params.code),
  );

  app.post(
    '/api/public/verify/:code',
    {
      schema: { tags: ['public'], params: VerifyParams, response: { 200: LetterVerification } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) => {
      // The page looks a letter up with GET; this answer is for a file in hand, so it needs one.
      const file = await uploadedFile(request);
      if (!file) throw new DomainError('request.file_missing');
      return verifyLetter(app.db, request.params.code, await file.toBuffer());
    },
  );

  app.get(
    '/api/public/track/:code',
    {
      schema: { tags: ['public'], params: TrackParams, response: { 200: PublicTracking } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => publicTracking(app.db, request.params.code),
  );
};
