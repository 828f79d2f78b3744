import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { NoContent } from '../core/contract.ts';
import { DomainError } from '../core/errors.ts';
import { pickLanguage } from '../core/i18n.ts';
import { uploadedFile } from '../http/upload.ts';
import {
  FollowUpChange,
  FollowUpInput,
  FollowUpMade,
  FollowUpParams,
  ImportDone,
  ImportQuery,
  IndexQuery,
  KioskAnswer,
  KioskForm,
  PeriodClosed,
  PeriodInput,
  PublicSurveyIndex,
  QuestionInput,
  QuestionMade,
  QuestionOrder,
  QuestionParams,
  SurveyAnswer,
  SurveyForm,
  SurveyIndex,
  SurveyReport,
  SurveyThanks,
  SurveyTokenParams,
  SurveyUnitParams,
  TrackCodeParams,
  TrackSurveyLink,
  UnitQuestions,
} from './survey.schema.ts';
import {
  answerAtKiosk,
  answerByToken,
  kioskFormOf,
  publicSurveyIndexOf,
  surveyFormOf,
  surveyIndexOf,
  trackSurveyLinkOf,
} from './survey.service.ts';
import {
  changeFollowUp,
  closeSurveyPeriod,
  importPaperResponses,
  recordFollowUp,
  surveyReportOf,
} from './survey-office.service.ts';
import {
  changeQuestion,
  createQuestion,
  orderQuestions,
  retireQuestion,
  unitQuestionsOf,
} from './survey-questions.service.ts';
import { surveyReportPdf, surveyReportXlsx } from './survey-report.ts';

/** The satisfaction survey: the respondent's pages (token, kiosk), the office's index, the portal's figures. */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/survey/:token',
    {
      schema: { tags: ['public'], params: SurveyTokenParams, response: { 200: SurveyForm } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => surveyFormOf(app.db, app.keys.survey, request.params.token),
  );

  app.post(
    '/api/public/survey/:token',
    {
      schema: {
        tags: ['public'],
        params: SurveyTokenParams,
        body: SurveyAnswer,
        response: { 201: SurveyThanks },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await answerByToken(app.db, app.keys.survey, request.params.token, request.body)),
  );

  // The tracking page's link to the survey, once the case is closed.
  app.get(
    '/api/public/track/:code/survey',
    {
      schema: { tags: ['public'], params: TrackCodeParams, response: { 200: TrackSurveyLink } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => trackSurveyLinkOf(app.db, app.keys.survey, request.params.code),
  );

  app.get(
    '/api/public/units/:unit/survey',
    {
      schema: { tags: ['public'], params: SurveyUnitParams, response: { 200: KioskForm } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => kioskFormOf(app.db, request.params.unit),
  );

  // The office's tablet: one device answers for many walk-in respondents, so a higher limit.
  app.post(
    '/api/public/units/:unit/survey',
    {
      schema: {
        tags: ['public'],
        params: SurveyUnitParams,
        body: KioskAnswer,
        response: { 201: SurveyThanks },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      reply.status(201).send(await answerAtKiosk(app.db, app.clock, request.params.unit, request.body)),
  );

  app.get(
    '/api/public/units/:unit/survey/index',
    {
      schema: { tags: ['public'], params: SurveyUnitParams, response: { 200: PublicSurveyIndex } },
      config: { rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => publicSurveyIndexOf(app.db, app.clock, request.params.unit),
  );

  app.get(
    '/api/survey/index',
    {
      schema: { tags: ['survey'], querystring: IndexQuery, response: { 200: SurveyIndex } },
      preValidation: guard('reports.read'),
    },
    async (request) => surveyIndexOf(app.db, requireAuth(request), request.query),
  );

  app.get(
    '/api/survey/report',
    {
      schema: { tags: ['survey'], querystring: IndexQuery, response: { 200: SurveyReport } },
      preValidation: guard('reports.read'),
    },
    async (request) => surveyReportOf(app.db, app.clock, requireAuth(request), request.query),
  );

  // Binary: the report as PDF or XLSX (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/survey/report.:format',
    {
      schema: {
        tags: ['survey'],
        params: z.object({ format: z.enum(['pdf', 'xlsx']) }),
        querystring: IndexQuery.extend({ lang: z.enum(['id', 'en']).optional() }),
      },
      preValidation: guard('reports.read'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const { lang: asked, ...query } = request.query;
      const lang = asked ?? pickLanguage(request.headers['accept-language']);
      const report = await surveyReportOf(app.db, app.clock, ctx, query);
      const name = `skm-${ctx.unit.code}-${query.year}${query.semester ? `-s${query.semester}` : ''}`;
      if (request.params.format === 'pdf')
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(await surveyReportPdf(report, ctx.unit, lang, new Date(app.clock.now())));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await surveyReportXlsx(report, ctx.unit, lang));
    },
  );

  app.post(
    '/api/survey/periods/close',
    {
      schema: { tags: ['survey'], body: PeriodInput, response: { 200: PeriodClosed } },
      preValidation: guard('survey.manage'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return closeSurveyPeriod(app.db, app.clock, ctx, actorOf(ctx, clientOf(request)), request.body);
    },
  );

  app.post(
    '/api/survey/follow-ups',
    {
      schema: { tags: ['survey'], body: FollowUpInput, response: { 201: FollowUpMade } },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      return reply
        .status(201)
        .send(await recordFollowUp(app.db, ctx, actorOf(ctx, clientOf(request)), request.body));
    },
  );

  app.put(
    '/api/survey/follow-ups/:id',
    {
      schema: {
        tags: ['survey'],
        params: FollowUpParams,
        body: FollowUpChange,
        response: { 204: NoContent },
      },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await changeFollowUp(
        app.db,
        app.clock,
        ctx,
        actorOf(ctx, clientOf(request)),
        request.params.id,
        request.body.status,
      );
      return reply.status(204).send(null);
    },
  );

  // Paper responses into a period: the whole file or nothing, every problem by row.
  app.post(
    '/api/survey/imports',
    {
      schema: { tags: ['survey'], querystring: ImportQuery, response: { 201: ImportDone } },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const file = await uploadedFile(request, { fileSize: 5 * 1024 * 1024, files: 1 });
      if (!file) throw new DomainError('request.file_missing');
      const bytes = await file.toBuffer();
      return reply.status(201).send(
        await importPaperResponses(app.db, ctx, actorOf(ctx, clientOf(request)), request.query, {
          bytes,
          fileName: file.filename,
        }),
      );
    },
  );

  // The unit's own questions, which never enter the index: read with the report, kept by the head.
  app.get(
    '/api/survey/questions',
    {
      schema: { tags: ['survey'], response: { 200: UnitQuestions } },
      preValidation: guard('reports.read'),
    },
    async (request) => unitQuestionsOf(app.db, requireAuth(request)),
  );

  app.post(
    '/api/survey/questions',
    {
      schema: { tags: ['survey'], body: QuestionInput, response: { 201: QuestionMade } },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      return reply
        .status(201)
        .send(await createQuestion(app.db, ctx, actorOf(ctx, clientOf(request)), request.body));
    },
  );

  app.put(
    '/api/survey/questions/order',
    {
      schema: { tags: ['survey'], body: QuestionOrder, response: { 204: NoContent } },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await orderQuestions(app.db, ctx, actorOf(ctx, clientOf(request)), request.body.ids);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/survey/questions/:id',
    {
      schema: {
        tags: ['survey'],
        params: QuestionParams,
        body: QuestionInput,
        response: { 204: NoContent },
      },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await changeQuestion(
        app.db,
        app.clock,
        ctx,
        actorOf(ctx, clientOf(request)),
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/survey/questions/:id/retire',
    {
      schema: { tags: ['survey'], params: QuestionParams, response: { 204: NoContent } },
      preValidation: guard('survey.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await retireQuestion(app.db, app.clock, ctx, actorOf(ctx, clientOf(request)), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
