import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { clientOf, guard, requireAuth } from '../http/context.ts';
import { clearSessionCookie, ensureCsrfToken, setSessionCookie } from '../http/security.ts';
import { listUnits } from './auth.repository.ts';
import { LoginInput, PasswordChangeInput, SessionUser, SwitchUnitInput } from './auth.schema.ts';
import { changePassword, login, logout, switchUnit, toSessionUser } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.config.secureCookies;

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], response: { 200: z.object({ token: z.string() }) } } },
    async (request, reply) => ({ token: ensureCsrfToken(request, reply, secure) }),
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: z.object({ user: SessionUser }) } } },
    async (request, reply) => {
      ensureCsrfToken(request, reply, secure);
      return { user: toSessionUser(requireAuth(request)) };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginInput, response: { 200: z.object({ user: SessionUser }) } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, ctx } = await login(app.db, request.body, clientOf(request), app.config);
      setSessionCookie(reply, token, app.config.sessionDays, secure);
      return { user: toSessionUser(ctx) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    if (request.auth) await logout(app.db, request.auth, clientOf(request));
    clearSessionCookie(reply, secure);
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: PasswordChangeInput }, preValidation: guard('home.view') },
    async (request, reply) => {
      await changePassword(app.db, requireAuth(request), request.body, clientOf(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['auth'],
        response: { 200: z.object({ units: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
      preValidation: guard('units.switch'),
    },
    async () => ({ units: (await listUnits(app.db)).map((u) => ({ code: u.code, name: u.name })) }),
  );

  app.post(
    '/api/auth/unit',
    {
      schema: { tags: ['auth'], body: SwitchUnitInput, response: { 200: z.object({ user: SessionUser }) } },
      preValidation: guard('units.switch'),
    },
    async (request) => {
      const ctx = await switchUnit(app.db, requireAuth(request), request.body.unitCode, clientOf(request));
      if (!ctx) throw new DomainError('auth.unauthenticated');
      return { user: toSessionUser(ctx) };
    },
  );
};
