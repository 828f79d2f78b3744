import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { csrfCookie, csrfHeader, sessionCookie } from './auth/security.ts';

/**
 * The OpenAPI document as a client needs it: besides each operation's success answer (from its
 * zod schema), the error answers it may give with the one error body every error has
 * (`http/errors.ts`), and how it is authorised: the session cookie, plus the CSRF header on a
 * state-changing request (`auth/security.ts`). Anonymous operations are the public portal's,
 * the health check and signing in.
 */

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Operations open without a session. */
export function isAnonymousOperation(url: string): boolean {
  return (
    url.startsWith('/api/public/') ||
    url === '/api/health' ||
    url === '/api/auth/csrf' ||
    url === '/api/auth/session' ||
    url === '/api/auth/login'
  );
}

/** The error body of every error answer. */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', description: 'Stable code, e.g. `case.conflict`' },
        message: {
          type: 'string',
          description: 'In the language asked for (Accept-Language), Indonesian by default',
        },
        details: { type: 'object', additionalProperties: true },
        problems: {
          type: 'array',
          description: 'One entry per field that is wrong',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
      },
    },
  },
} as const;

const errorWords: Record<number, string> = {
  400: 'The request cannot be read',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed for this role or unit, or the CSRF token is missing or wrong',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state (a stale version, a rule of the workflow)',
  413: 'The file is too large',
  415: 'The file type is not accepted',
  422: 'The input is not valid; `problems` names each field',
  429: 'Too many requests; see `retry-after`',
  500: 'Something went wrong on the server; `requestId` finds it in the log',
};

/** The error statuses an operation may answer, by what it is. */
export function errorStatusesOf(method: string, url: string, consumes?: readonly string[]): number[] {
  const anonymous = isAnonymousOperation(url);
  const writes = stateChanging.has(method);
  const uploads = consumes?.includes('multipart/form-data') ?? false;
  return [
    400,
    ...(anonymous ? [] : [401]),
    ...(anonymous && !writes ? [] : [403]),
    404,
    ...(writes ? [409] : []),
    ...(uploads ? [413, 415] : []),
    422,
    429,
    500,
  ];
}

/** The schemes the document declares, by the names operations use. */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: 'The session cookie set by POST /api/auth/login (httpOnly, SameSite=Lax).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: csrfHeader,
    description: `Every POST, PUT, PATCH and DELETE echoes the token of the readable \`${csrfCookie}\` cookie (or of GET /api/auth/csrf) in this header.`,
  },
  csrfCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: csrfCookie,
    description: 'Before sign-in, the double-submit cookie the CSRF header must match.',
  },
} as const;

/** How an operation is authorised (OpenAPI `security`): none, the session, and the CSRF header on writes. */
export function securityOf(method: string, url: string): Array<Record<string, string[]>> {
  const writes = stateChanging.has(method);
  if (isAnonymousOperation(url)) return writes ? [{ csrf: [], csrfCookie: [] }] : [];
  return writes ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

type Transform = typeof jsonSchemaTransform;

/** The zod transform, then each /api/ operation's error answers and its security. */
export const documentOperation: Transform = (input) => {
  const out = jsonSchemaTransform(input);
  const { url } = out;
  const method = String(input.route.method).toUpperCase();
  if (!url.startsWith('/api/')) return out;
  const schema = (out.schema ?? {}) as Record<string, unknown> & {
    response?: Record<string, unknown>;
    consumes?: string[];
  };
  const response: Record<string, unknown> = { ...(schema.response ?? {}) };
  // A route that answers a file declares no schema: its success is the file.
  if (!Object.keys(response).some((code) => code.startsWith('2')))
    response[200] = { description: 'The file (PDF, XLSX or CSV, by the route)' };
  for (const status of errorStatusesOf(method, url, schema.consumes))
    if (!(String(status) in response))
      response[status] = { description: errorWords[status], ...errorBodySchema };
  return { ...out, schema: { ...schema, response, security: securityOf(method, url) } as typeof out.schema };
};
