import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, requireAuth } from '../auth/guard.ts';
import {
  IndexQuery,
  KioskAnswer,
  KioskForm,
  PublicSurveyIndex,
  SurveyAnswer,
  SurveyForm,
  SurveyIndex,
  SurveyThanks,
  SurveyTokenParams,
  SurveyUnitParams,
  TrackCodeParams,
  TrackSurveyLink,
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
};
