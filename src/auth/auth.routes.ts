import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../core/contract.ts';
import { DomainError } from '../core/errors.ts';
import {
  CsrfToken,
  LoginInput,
  MaybeSession,
  PasswordChangeInput,
  RevokedCount,
  SessionAnswer,
  SessionIdParams,
  SessionList,
  SwitchUnitInput,
  TotpConfirmed,
  TotpConfirmInput,
  TotpDisableInput,
  TotpSetup,
  UnitList,
  UnitSecurity,
} from './auth.schema.ts';
import {
  changePassword,
  confirmTotp,
  disableTotp,
  listSessions,
  login,
  logout,
  revokeOtherSessions,
  revokeSession,
  setUnitTotpRequirement,
  setupTotp,
  switchUnit,
  toSessionUser,
  unitRefs,
} from './auth.service.ts';
import { authEnvOf, clientOf, guard, requireAuth } from './guard.ts';
import {
  clearSessionCookie,
  ensureCsrfToken,
  renewPreSessionCsrfToken,
  setSessionCookie,
  setSessionCsrfToken,
} from './security.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.config.secureCookies;
  const env = authEnvOf(app);
  // Routes a session that must first enrol an authenticator may still use.
  const duringEnrolment = { allowDuringTotpEnrolment: true };

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], response: { 200: CsrfToken } } },
    async (request, reply) => ({ token: ensureCsrfToken(request, reply, secure) }),
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], response: { 200: SessionAnswer } },
      config: duringEnrolment,
    },
    async (request, reply) => {
      ensureCsrfToken(request, reply, secure);
      return { user: toSessionUser(requireAuth(request)) };
    },
  );

  // The web app's first question: anonymous visitors get `null`, not a 401 their console shows.
  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], response: { 200: MaybeSession } }, config: duringEnrolment },
    async (request, reply) => {
      ensureCsrfToken(request, reply, secure);
      return { user: request.auth ? toSessionUser(request.auth) : null };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginInput, response: { 200: SessionAnswer } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, ctx } = await login(app.db, request.body, clientOf(request), env);
      setSessionCookie(reply, token, app.config.sessionDays, secure);
      setSessionCsrfToken(reply, ctx.sessionId, secure);
      return { user: toSessionUser(ctx) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: NoContent } } },
    async (request, reply) => {
      if (request.auth) await logout(app.db, request.auth, clientOf(request));
      clearSessionCookie(reply, secure);
      renewPreSessionCsrfToken(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: PasswordChangeInput, response: { 204: NoContent } },
      preValidation: guard('home.view'),
    },
    async (request, reply) => {
      await changePassword(app.db, requireAuth(request), request.body, clientOf(request), env);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { schema: { tags: ['auth'], response: { 200: TotpSetup } }, config: duringEnrolment },
    async (request) => setupTotp(app.db, requireAuth(request), clientOf(request), env),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        body: TotpConfirmInput,
        response: { 200: TotpConfirmed },
      },
      config: duringEnrolment,
    },
    async (request) => {
      const ctx = requireAuth(request);
      const { recoveryCodes } = await confirmTotp(app.db, ctx, request.body.code, clientOf(request), env);
      return { recoveryCodes, user: toSessionUser({ ...ctx, totp: { ...ctx.totp, enabled: true } }) };
    },
  );

  app.delete(
    '/api/auth/totp',
    {
      schema: { tags: ['auth'], body: TotpDisableInput, response: { 204: NoContent } },
      preValidation: guard('home.view'),
    },
    async (request, reply) => {
      await disableTotp(app.db, requireAuth(request), request.body, clientOf(request), env);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      schema: { tags: ['auth'], response: { 200: SessionList } },
      preValidation: guard('home.view'),
    },
    async (request) => ({ sessions: await listSessions(app.db, requireAuth(request), env) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        params: SessionIdParams,
        response: { 204: NoContent },
      },
      preValidation: guard('home.view'),
    },
    async (request, reply) => {
      const { current } = await revokeSession(
        app.db,
        requireAuth(request),
        request.params.id,
        clientOf(request),
        env,
      );
      if (current) {
        clearSessionCookie(reply, secure);
        renewPreSessionCsrfToken(reply, secure);
      }
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/auth/sessions',
    {
      schema: { tags: ['auth'], response: { 200: RevokedCount } },
      preValidation: guard('home.view'),
    },
    async (request) => ({
      revoked: await revokeOtherSessions(app.db, requireAuth(request), clientOf(request)),
    }),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['auth'],
        response: { 200: UnitList },
      },
      preValidation: guard('units.switch'),
    },
    async () => ({ units: await unitRefs(app.db) }),
  );

  app.get(
    '/api/units/current/security',
    { schema: { tags: ['auth'], response: { 200: UnitSecurity } }, preValidation: guard('units.manage') },
    async (request) => ({ requireTotp: requireAuth(request).unit.requireTotp }),
  );

  app.put(
    '/api/units/current/security',
    {
      schema: { tags: ['auth'], body: UnitSecurity, response: { 200: UnitSecurity } },
      preValidation: guard('units.manage'),
    },
    async (request) =>
      setUnitTotpRequirement(app.db, requireAuth(request), request.body.requireTotp, clientOf(request)),
  );

  app.post(
    '/api/auth/unit',
    {
      schema: { tags: ['auth'], body: SwitchUnitInput, response: { 200: SessionAnswer } },
      preValidation: guard('units.switch'),
    },
    async (request) => {
      const ctx = await switchUnit(app.db, requireAuth(request), request.body.unitCode, clientOf(request));
      if (!ctx) throw new DomainError('auth.unauthenticated');
      return { user: toSessionUser(ctx) };
    },
  );
};
