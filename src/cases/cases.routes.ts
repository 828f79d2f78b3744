import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import { actorOf } from '../auth/auth.service.ts';
import { DomainError } from '../core/errors.ts';
import { IdParam } from '../core/ids.ts';
import { sniffMimeType } from '../documents/file-store.ts';
import { attachSignedLetter, findLetterOfCase, verifyLetter } from '../documents/letters.service.ts';
import { clientOf, guard, requireAuth } from '../http/context.ts';
import { ActInput, OpenCaseInput } from './cases.schema.ts';
import { act, addDocument, caseQueue, getCase, openCase, publicTracking } from './cases.service.ts';
import { slaReport } from './sla.service.ts';

const IdParams = z.object({ id: IdParam });

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => getCase(app.db, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/actions',
    { schema: { tags: ['cases'], params: IdParams, body: ActInput }, preValidation: guard('cases.read') },
    async (request) =>
      act(
        app.db,
        { files: app.files, publicUrl: app.config.publicUrl },
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
      preValidation: guard('cases.read'),
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
      await getCase(app.db, ctx, request.params.id);
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
    { schema: { tags: ['cases'], params: LetterParams }, preValidation: guard('cases.read') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await getCase(app.db, ctx, request.params.id);
      const letter = await findLetterOfCase(app.db, request.params.id, request.params.letterId);
      const file = await request.file();
      const bytes = file ? await file.toBuffer() : Buffer.alloc(0);
      if (!sniffMimeType(bytes)) throw new DomainError('document.type', {});
      const sha256 = await app.db.transaction(async (tx) => {
        const sha = await attachSignedLetter(tx, app.files, letter, bytes);
        await recordAudit(tx, actorOf(ctx, clientOf(request)), {
          action: 'letter.attach_signed',
          entity: 'letter',
          entityId: letter.id,
          before: { signedSha256: letter.signedSha256 },
          after: { signedSha256: sha },
        });
        return sha;
      });
      return reply.status(201).send({ signedSha256: sha256 });
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
