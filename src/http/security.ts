import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/auth.service.ts';
import { DomainError } from '../core/errors.ts';

export const sessionCookie = 'jaring_session';
export const csrfCookie = 'jaring_csrf';
export const csrfHeader = 'x-csrf-token';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions and CSRF. The session cookie is httpOnly + SameSite=Lax; CSRF uses a double-submit
 * token: a readable cookie that the client echoes in `x-csrf-token` on every state-changing
 * request. A cross-site page can neither read the cookie nor set the header.
 */
export function registerSecurity(app: FastifyInstance) {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token || request.routeOptions.config?.noSession) return;
    const ctx = await authenticate(app.db, token, app.config);
    request.auth = ctx ?? null;
  });

  app.addHook('preValidation', async (request) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    const cookie = request.cookies[csrfCookie];
    const header = request.headers[csrfHeader];
    if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
      throw new DomainError('csrf.invalid');
    }
  });
}

/** Two secrets compared in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Returns the request's CSRF token, setting a new cookie when there is none. */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[csrfCookie];
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(csrfCookie, token, { path: '/', sameSite: 'lax', httpOnly: false, secure });
  return token;
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
