import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { uploadedFile } from '../http/upload.ts';
import { issueChallenge } from './challenge.ts';
import {
  BreachList,
  Challenge,
  ComplaintActionInput,
  ComplaintActionResult,
  ComplaintCodeParams,
  ComplaintDetail,
  ComplaintIdParams,
  ComplaintList,
  ComplaintReceipt,
  FileStored,
  PublicComplaint,
  PublicComplaintInput,
  StaffComplaintInput,
  UnitCodeParams,
} from './complaints.schema.ts';
import {
  actOnComplaint,
  attachComplaintFile,
  type ComplaintEnv,
  filePublicComplaint,
  fileStaffComplaint,
  getComplaint,
  listBreaches,
  listComplaints,
  maxFileBytes,
  publicDecisionPdf,
  receiptPdf,
  staffDecisionPdf,
  timerSettingsOf,
  trackComplaint,
} from './complaints.service.ts';

export function complaintEnvOf(app: FastifyInstance): ComplaintEnv {
  return {
    settings: timerSettingsOf(app.config),
    publicUrl: app.config.publicUrl,
    challengeKey: app.keys.challenge,
    now: () => new Date(app.clock.now()),
  };
}

/** Complaints: the public form and tracking, and the office's queue and steps. */
export const complaintsRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = complaintEnvOf(app);
  const publicLimit = { rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' } };
  // Filing and attaching write: a tighter limit per address than reading.
  const writeLimit = {
    rateLimit: { max: Math.max(1, Math.floor(app.config.publicRateLimit / 30)), timeWindow: '1 minute' },
  };

  app.get(
    '/api/public/complaints/challenge',
    { schema: { tags: ['public'], response: { 200: Challenge } }, config: publicLimit },
    async () => {
      const { answer: _a, ...c } = issueChallenge(env.challengeKey, env.now());
      return c;
    },
  );

  app.post(
    '/api/public/units/:unit/complaints',
    {
      schema: {
        tags: ['public'],
        params: UnitCodeParams,
        body: PublicComplaintInput,
        response: { 201: ComplaintReceipt },
      },
      config: { ...writeLimit, noSession: true },
      bodyLimit: 64 * 1024,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await filePublicComplaint(
            app.db,
            env,
            request.params.unit,
            request.body,
            actorOf(null, clientOf(request)),
          ),
        ),
  );

  app.post(
    '/api/public/complaints/:code/files',
    {
      schema: { tags: ['public'], params: ComplaintCodeParams, response: { 201: FileStored } },
      config: { ...writeLimit, noSession: true },
    },
    async (request, reply) => {
      const file = await uploadedFile(request, { fileSize: maxFileBytes, files: 1 });
      if (!file) throw new DomainError('request.file_missing');
      const bytes = await file.toBuffer();
      return reply
        .status(201)
        .send(await attachComplaintFile(app.db, app.files, env, request.params.code, bytes));
    },
  );

  app.get(
    '/api/public/complaints/:code',
    {
      schema: { tags: ['public'], params: ComplaintCodeParams, response: { 200: PublicComplaint } },
      config: publicLimit,
    },
    async (request) => trackComplaint(app.db, env, request.params.code),
  );

  // Binary: application/pdf (listed in test/http/contracts.test.ts).
  app.get(
    '/api/public/complaints/:code/receipt',
    { schema: { tags: ['public'], params: ComplaintCodeParams }, config: publicLimit },
    async (request, reply) => {
      const { fileName, pdf } = await receiptPdf(app.db, env, request.params.code);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/public/complaints/:code/decision',
    { schema: { tags: ['public'], params: ComplaintCodeParams }, config: publicLimit },
    async (request, reply) => {
      const { fileName, pdf } = await publicDecisionPdf(app.db, app.files, request.params.code);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/complaints',
    {
      schema: { tags: ['complaints'], response: { 200: ComplaintList } },
      preValidation: guard('complaints.handle'),
    },
    async (request) => listComplaints(app.db, requireAuth(request)),
  );

  app.post(
    '/api/complaints',
    {
      schema: { tags: ['complaints'], body: StaffComplaintInput, response: { 201: ComplaintReceipt } },
      preValidation: guard('complaints.handle'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      return reply
        .status(201)
        .send(await fileStaffComplaint(app.db, env, ctx, request.body, actorOf(ctx, clientOf(request))));
    },
  );

  app.get(
    '/api/complaints/breaches',
    {
      schema: { tags: ['complaints'], response: { 200: BreachList } },
      preValidation: guard('complaints.handle'),
    },
    async (request) => listBreaches(app.db, requireAuth(request)),
  );

  app.get(
    '/api/complaints/:id',
    {
      schema: { tags: ['complaints'], params: ComplaintIdParams, response: { 200: ComplaintDetail } },
      preValidation: guard('complaints.handle'),
    },
    async (request) => getComplaint(app.db, env, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/complaints/:id/actions',
    {
      schema: {
        tags: ['complaints'],
        params: ComplaintIdParams,
        body: ComplaintActionInput,
        response: { 200: ComplaintActionResult },
      },
      preValidation: guard('complaints.handle'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return actOnComplaint(
        app.db,
        app.files,
        env,
        ctx,
        request.params.id,
        request.body,
        actorOf(ctx, clientOf(request)),
      );
    },
  );

  app.get(
    '/api/complaints/:id/decision',
    {
      schema: { tags: ['complaints'], params: ComplaintIdParams },
      preValidation: guard('complaints.handle'),
    },
    async (request, reply) => {
      const { fileName, pdf } = await staffDecisionPdf(
        app.db,
        app.files,
        requireAuth(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );
};
