/** The route guard and the request's signed-in context, for every module's routes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';
import type { AuthContext, AuthEnv, ClientInfo } from './auth.service.ts';
import { hasPermission, needsTotpEnrolment } from './auth.service.ts';
import type { Permission } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in context, set from the session cookie by `registerSecurity`. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Permission a route requires; set by `guard`. */
    permission?: Permission;
    /**
     * The route answers without the session, so its cookie is not looked up (on the embedded
     * engine a long import holds the database, and the lookup would wait for it).
     */
    noSession?: boolean;
    /** A session that must first enrol an authenticator (`needsTotpEnrolment`) may use the route. */
    allowDuringTotpEnrolment?: boolean;
  }
}

export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: String(request.id) };
}

/** What the sign-in rules need from the app: settings, clock, TOTP key. */
export function authEnvOf(app: FastifyInstance): AuthEnv {
  const { sessionDays, loginMaxAttempts, loginMaxDelaySeconds } = app.config;
  return { sessionDays, loginMaxAttempts, loginMaxDelaySeconds, clock: app.clock, totpKey: app.keys.totp };
}

/**
 * The signed-in context, or `auth.unauthenticated`; a session that must first enrol an
 * authenticator gets `auth.totp_enrolment_required` outside the few routes that allow it.
 */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new DomainError('auth.unauthenticated');
  if (needsTotpEnrolment(request.auth) && !request.routeOptions.config?.allowDuringTotpEnrolment)
    throw new DomainError('auth.totp_enrolment_required');
  return request.auth;
}

/**
 * A preHandler that refuses requests without a session (401) or without the permission (403);
 * given several permissions, any one of them will do.
 */
export function guard(...permissions: [Permission, ...Permission[]]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const ctx = requireAuth(request);
    if (!permissions.some((p) => hasPermission(ctx, p)))
      throw new DomainError('auth.forbidden', { permission: permissions.join(' | ') });
  };
}
