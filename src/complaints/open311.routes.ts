import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { errorMessage, pickLanguage } from '../core/i18n.ts';
import { errorAnswer } from '../http/errors.ts';
import { complaintEnvOf } from './complaints.routes.ts';
import type { ComplaintEnv } from './complaints.service.ts';
import { parseOpen311Form } from './open311.form.ts';
import {
  Open311ClientInput,
  Open311ClientList,
  Open311ClientParams,
  Open311Client as Open311ClientView,
  Open311Created,
  Open311Discovery,
  type Open311Errors,
  Open311FormatParams,
  Open311IssuedKey,
  Open311JurisdictionQuery,
  Open311RequestInput,
  Open311RequestList,
  Open311RequestParams,
  Open311RequestsQuery,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceParams,
  Open311TokenAnswer,
  Open311TokenParams,
} from './open311.schema.ts';
import {
  clientOfKey,
  fileOpen311Request,
  getOpen311Request,
  issueOpen311Key,
  listOpen311Clients,
  listOpen311Requests,
  listOpen311Services,
  type Open311ClientRow,
  open311Discovery,
  open311ServiceDefinition,
  open311Token,
  revokeOpen311Key,
} from './open311.service.ts';
import { type Open311Root, toOpen311Xml } from './open311.xml.ts';

type Format = 'json' | 'xml';

/** The format a URL asks for by its ending; XML, the spec's required format, for anything else. */
const formatOf = (url: string): Format => (/\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml');

/** An answer in the format asked for: XML from the same value the JSON schema checks. */
function answer(reply: FastifyReply, format: Format, root: Open311Root, value: unknown, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toOpen311Xml(root, value));
  return reply.type('application/json; charset=utf-8').send(value);
}

/** A problem's path as the client named the field: `querystring.start_date` → `start_date`, `body.attribute.class` → `attribute[class]`. */
function fieldOf(path: string): string {
  const [, ...rest] = path.split('.');
  const [first = path, ...more] = rest;
  return more.length > 0 ? `${first}${more.map((m) => `[${m}]`).join('')}` : first;
}

/**
 * Every refusal as the spec's list of `{code, description}`: the app's own answer to the error
 * (its message in the client's language, one entry per problem of an input) with the spec's
 * statuses: 403 for the key, 404 for what does not exist, 400 for any other refusal.
 */
function open311Errors(error: FastifyError | Error, request: FastifyRequest) {
  const { status, body, headers } = errorAnswer(error, request);
  const code =
    status === 401 || status === 403
      ? 403
      : status === 404
        ? 404
        : status === 429 || status >= 500
          ? status
          : 400;
  const problems = body.error.problems ?? [];
  const errors: Open311Errors =
    problems.length > 0
      ? problems.map((p) => ({ code, description: `${fieldOf(p.path)}: ${p.message}` }))
      : [{ code, description: body.error.message }];
  return { code, errors, headers };
}

/**
 * Open311 GeoReport v2 at `/open311/v2` (and its service discovery at `/open311/discovery`):
 * public reads, writes with an API key, errors in the spec's format; and the administrator's
 * routes to issue and revoke the keys.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const env = complaintEnvOf(app);

  app.get(
    '/api/open311/clients',
    {
      schema: { tags: ['open311'], response: { 200: Open311ClientList } },
      preValidation: guard('units.manage'),
    },
    async (request) => listOpen311Clients(app.db, requireAuth(request), app.config.publicUrl),
  );

  app.post(
    '/api/open311/clients',
    {
      schema: { tags: ['open311'], body: Open311ClientInput, response: { 201: Open311IssuedKey } },
      preValidation: guard('units.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const issued = await issueOpen311Key(
        app.db,
        ctx,
        request.body,
        actorOf(ctx, clientOf(request)),
        env.now(),
      );
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/api/open311/clients/:id/revoke',
    {
      schema: { tags: ['open311'], params: Open311ClientParams, response: { 200: Open311ClientView } },
      preValidation: guard('units.manage'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return revokeOpen311Key(app.db, ctx, request.params.id, actorOf(ctx, clientOf(request)), env.now());
    },
  );

  await app.register(georeport, { prefix: '/open311', env });
};

const georeport: FastifyPluginAsyncZod<{ env: ComplaintEnv }> = async (app, { env }) => {
  const config = {
    rateLimit: { max: app.config.publicRateLimit, timeWindow: '1 minute' },
    // Machine clients, no cookies: the session is never looked up.
    noSession: true,
  };
  const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);
  /** The client of the request's key, found before its body is validated (a wrong key is refused first). */
  const clients = new WeakMap<FastifyRequest, Open311ClientRow>();

  // The spec's POST body; parsed only inside this plugin.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, parseOpen311Form(String(body))),
  );
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { code, errors, headers } = open311Errors(error, request);
    return answer(reply.headers(headers), formatOf(request.url), 'errors', errors, code);
  });
  app.setNotFoundHandler((request, reply) => open311NotFound(request, reply, formatOf(request.url)));
  app.addHook('onSend', async (request, reply, payload) => {
    // Statuses change by the hour; nothing here is for a shared cache to keep.
    reply.header('cache-control', 'no-store');
    // The reads are public data, for a map on any site; a write takes a key, never from a page.
    if (request.method === 'GET' || request.method === 'HEAD')
      reply.header('access-control-allow-origin', '*');
    return payload;
  });

  app.get(
    '/discovery.:format',
    {
      schema: { tags: ['open311'], params: Open311FormatParams, response: { 200: Open311Discovery } },
      config,
    },
    async (request, reply) =>
      answer(reply, request.params.format, 'discovery', await open311Discovery(app.db, env, lang(request))),
  );

  app.get(
    '/v2/services.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311FormatParams,
        querystring: Open311JurisdictionQuery,
        response: { 200: Open311ServiceList },
      },
      config,
    },
    async (request, reply) =>
      answer(
        reply,
        request.params.format,
        'services',
        await listOpen311Services(app.db, request.query.jurisdiction_id, lang(request)),
      ),
  );

  app.get(
    '/v2/services/:service_code.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311ServiceParams,
        querystring: Open311JurisdictionQuery,
        response: { 200: Open311ServiceDefinition },
      },
      config,
    },
    async (request, reply) =>
      answer(
        reply,
        request.params.format,
        'service_definition',
        await open311ServiceDefinition(
          app.db,
          request.query.jurisdiction_id,
          request.params.service_code,
          lang(request),
        ),
      ),
  );

  app.post(
    '/v2/requests.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311FormatParams,
        body: Open311RequestInput,
        response: { 200: Open311Created },
      },
      config,
      bodyLimit: 64 * 1024,
      preValidation: async (request) => {
        const body = request.body;
        const sent =
          body !== null && typeof body === 'object' && !Array.isArray(body)
            ? (body as Record<string, unknown>).api_key
            : undefined;
        const key = sent ?? (request.query as Record<string, unknown> | undefined)?.api_key;
        clients.set(request, await clientOfKey(app.db, key));
      },
    },
    async (request, reply) => {
      const client = clients.get(request);
      if (!client) throw new DomainError('open311.key_invalid');
      const created = await fileOpen311Request(
        app.db,
        env,
        client,
        request.body,
        { ip: request.ip, requestId: String(request.id) },
        lang(request),
      );
      return answer(reply, request.params.format, 'service_requests', created);
    },
  );

  app.get(
    '/v2/requests.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311FormatParams,
        querystring: Open311RequestsQuery,
        response: { 200: Open311RequestList },
      },
      config,
    },
    async (request, reply) =>
      answer(
        reply,
        request.params.format,
        'service_requests',
        await listOpen311Requests(app.db, env, request.query, lang(request)),
      ),
  );

  app.get(
    '/v2/requests/:id.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311RequestParams,
        querystring: Open311JurisdictionQuery,
        response: { 200: Open311RequestList },
      },
      config,
    },
    async (request, reply) =>
      answer(
        reply,
        request.params.format,
        'service_requests',
        await getOpen311Request(app.db, env, request.query.jurisdiction_id, request.params.id, lang(request)),
      ),
  );

  app.get(
    '/v2/tokens/:token.:format',
    {
      schema: {
        tags: ['open311'],
        params: Open311TokenParams,
        querystring: Open311JurisdictionQuery,
        response: { 200: Open311TokenAnswer },
      },
      config,
    },
    async (request, reply) =>
      answer(
        reply,
        request.params.format,
        'service_requests',
        await open311Token(app.db, request.query.jurisdiction_id, request.params.token),
      ),
  );
};

/** No such resource under `/open311`: 404 in the spec's error format. */
function open311NotFound(request: FastifyRequest, reply: FastifyReply, format: Format) {
  const description = errorMessage('not_found', pickLanguage(request.headers['accept-language']));
  return answer(reply, format, 'errors', [{ code: 404, description }], 404);
}
