import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';
import { hmac, safeEqual } from '../core/keys.ts';
import { authenticate } from './auth.service.ts';
import { authEnvOf } from './guard.ts';

export const sessionCookie = 'jaring_session';
export const csrfCookie = 'jaring_csrf';
export const csrfHeader = 'x-csrf-token';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions and CSRF. The session cookie is httpOnly + SameSite=Lax. Every state-changing request
 * echoes a token in `x-csrf-token`, which a cross-site page can neither read nor set. Signed in,
 * the token is an HMAC of the session id with the server key: bound to that session, so a token
 * from another session or from before sign-in is refused, and it changes at every sign-in and
 * sign-out. Signed out (the sign-in itself), it is a random double-submit cookie. The token is
 * handed to the page in the readable `jaring_csrf` cookie (and by `GET /api/auth/csrf`).
 */
export function registerSecurity(app: FastifyInstance) {
  app.decorateRequest('auth', null);
  const env = authEnvOf(app);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token || request.routeOptions.config?.noSession) return;
    const ctx = await authenticate(app.db, token, env);
    request.auth = ctx ?? null;
  });

  app.addHook('preValidation', async (request) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    const header = request.headers[csrfHeader];
    const expected = request.auth
      ? sessionCsrfToken(app.keys.csrf, request.auth.sessionId)
      : preSessionToken(request.cookies[csrfCookie]);
    if (!expected || typeof header !== 'string' || !safeEqual(expected, header)) {
      throw new DomainError('csrf.invalid');
    }
  });
}

/** The CSRF token of a session: HMAC of its id with the server's CSRF key. */
export function sessionCsrfToken(key: Buffer, sessionId: string): string {
  return hmac(key, `csrf\n${sessionId}`);
}

function preSessionToken(cookie: string | undefined): string | undefined {
  return cookie && /^[A-Za-z0-9_-]{20,}$/.test(cookie) ? cookie : undefined;
}

/** Returns the request's CSRF token (its session's, else the pre-session one), setting the cookie when it differs. */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[csrfCookie];
  const token = request.auth
    ? sessionCsrfToken(request.server.keys.csrf, request.auth.sessionId)
    : (preSessionToken(existing) ?? randomBytes(24).toString('base64url'));
  if (existing !== token) setCsrfCookie(reply, token, secure);
  return token;
}

/** After sign-in: the new session's token. */
export function setSessionCsrfToken(reply: FastifyReply, sessionId: string, secure: boolean) {
  setCsrfCookie(reply, sessionCsrfToken(reply.server.keys.csrf, sessionId), secure);
}

/** After sign-out: a fresh pre-session token, so nothing of the ended session's is left in use. */
export function renewPreSessionCsrfToken(reply: FastifyReply, secure: boolean) {
  setCsrfCookie(reply, randomBytes(24).toString('base64url'), secure);
}

function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(csrfCookie, token, { path: '/', sameSite: 'lax', httpOnly: false, secure });
}

export function setSessionCookie(reply: FastifyReply, token: string, days: number, secure: boolean) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: days * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
