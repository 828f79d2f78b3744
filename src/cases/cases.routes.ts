import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { caseWritePermissions } from '../auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { IdParam } from '../core/ids.ts';
import { findLetterOfCase, verifyLetter } from '../documents/letters.service.ts';
import { ActInput, OpenCaseInput, RevealInput } from './cases.schema.ts';
import {
  act,
  addDocument,
  attachSignedScan,
  caseQueue,
  getCase,
  openCase,
  publicTracking,
  revealApplicantNik,
} from './cases.service.ts';
import type { Effects } from './effects.ts';
import { slaReport } from './sla.service.ts';

const IdParams = z.object({ id: IdParam });
/** Writes to a case; the service then asks for a role of the case's workflow and an open case. */
const writesCase = guard(...caseWritePermissions);

/** The case routes; the app hands in the effects its workflows may name. */
export const casesRoutes: FastifyPluginAsyncZod<{ effects: Effects }> = async (app, { effects }) => {
  app.post(
    '/api/cases',
    { schema: { tags: ['cases'], body: OpenCaseInput }, preValidation: guard('cases.intake') },
    async (request, reply) => {
      const created = await openCase(app.db, requireAuth(request), request.body, clientOf(request));
      return reply.status(201).send({ id: created.id, trackingCode: created.trackingCode });
    },
  );

  app.get(
    '/api/reports/sla',
    {
      schema: {
        tags: ['reports'],
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }).refine((q) => q.from <= q.to, {
          message: 'from must not be after to',
        }),
      },
      preValidation: guard('reports.read'),
    },
    async (request) => {
      const { from, to } = request.query;
      const end = new Date(`${to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      const services = await slaReport(
        app.db,
        requireAuth(request).unit.id,
        new Date(`${from}T00:00:00Z`),
        end,
      );
      return { from, to, services };
    },
  );

  app.get(
    '/api/cases',
    { schema: { tags: ['cases'] }, preValidation: guard('cases.read') },
    async (request) => ({
      cases: await caseQueue(app.db, requireAuth(request)),
    }),
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags: ['cases'], params: IdParams }, preValidation: guard('cases.read') },
    async (request) => getCase(app.db, { effects }, requireAuth(request), request.params.id),
  );

  // Who may see the full NIK is decided by the service from the case's workflow.
  app.post(
    '/api/cases/:id/reveal',
    { schema: { tags: ['cases'], params: IdParams, body: RevealInput }, preValidation: guard('cases.read') },
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
    { schema: { tags: ['cases'], params: IdParams, body: ActInput }, preValidation: writesCase },
    async (request) =>
      act(
        app.db,
        { files: app.files, publicUrl: app.config.publicUrl, effects },
        requireAuth(request),
        request.params.id,
        request.body,
        clientOf(request),
      ),
  );

  app.post(
    '/api/cases/:id/documents/:requirementId',
    {
      schema: {
        tags: ['cases'],
        params: IdParams.extend({ requirementId: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
      },
      preValidation: writesCase,
    },
    async (request, reply) => {
      const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!file) throw new DomainError('document.size', { size: 0 });
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

  const LetterParams = IdParams.extend({ letterId: IdParam });

  app.get(
    '/api/cases/:id/letters/:letterId/pdf',
    { schema: { tags: ['cases'], params: LetterParams }, preValidation: guard('cases.read') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await getCase(app.db, { effects }, ctx, request.params.id);
      const letter = await findLetterOfCase(app.db, request.params.id, request.params.letterId);
      const pdf = await app.files.get(letter.pdfSha256);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="surat-${letter.number.replace(/[^\w.-]+/g, '-')}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/api/cases/:id/letters/:letterId/signed',
    { schema: { tags: ['cases'], params: LetterParams }, preValidation: writesCase },
    async (request, reply) => {
      const file = await request.file();
      const bytes = file ? await file.toBuffer() : Buffer.alloc(0);
      // A replacement's reason is a form field sent before the file.
      const reason = file?.fields.reason;
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
      schema: { tags: ['public'], params: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) }) },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => verifyLetter(app.db, request.params.code),
  );

  app.post(
    '/api/public/verify/:code',
    {
      schema: { tags: ['public'], params: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) }) },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) => {
      const file = await request.file();
      return verifyLetter(app.db, request.params.code, file ? await file.toBuffer() : Buffer.alloc(0));
    },
  );

  app.get(
    '/api/public/track/:code',
    {
      schema: { tags: ['public'], params: z.object({ code: z.string().min(5).max(20) }) },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => publicTracking(app.db, request.params.code),
  );
};
