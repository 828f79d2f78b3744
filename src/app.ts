import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { type AuditAnchor, keyWarning, openAuditAnchor } from './audit/checkpoints.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { actorOf } from './auth/auth.service.ts';
import { clientOf, guard, requireAuth } from './auth/guard.ts';
import { trailPeople, trailUsersOf } from './auth/people.ts';
import { isProcedureActor, RoleLabels } from './auth/roles.ts';
import { registerSecurity } from './auth/security.ts';
import { usersRoutes } from './auth/users.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { CaseChanges } from './cases/case-changes.ts';
import { caseListRoutes, publishCaseWrites } from './cases/case-list.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { type Effects, joinEffects } from './cases/effects.ts';
import { submittedRoutes } from './cases/submitted.routes.ts';
import { complaintStatsRoutes } from './complaints/complaint-stats.routes.ts';
import { complaintsRoutes } from './complaints/complaints.routes.ts';
import { complaintJobs } from './complaints/complaints.service.ts';
import { laporRoutes } from './complaints/lapor.routes.ts';
import { open311Routes } from './complaints/open311.routes.ts';
import { type Clock, clockFromSettings, TestClock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { Health, OpenApiDocument } from './core/contract.ts';
import { errorMessage, pickLanguage } from './core/i18n.ts';
import { loadServerKeys, type ServerKeys } from './core/keys.ts';
import type { Database, Db } from './db/client.ts';
import { type FileStore, LocalFileStore } from './documents/file-store.ts';
import { homeRoutes } from './home.routes.ts';
import { refuseUndocumentedStatuses } from './http/documented-status.ts';
import { createErrorHandler } from './http/errors.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerNoStore } from './http/no-store.ts';
import { bilingualValidatorCompiler } from './http/validation.ts';
import { emergenciesRoutes } from './logistics/emergencies.routes.ts';
import { logisticsEffects } from './logistics/logistics.effects.ts';
import { papersRoutes } from './logistics/papers.routes.ts';
import { logisticsReportsRoutes } from './logistics/reports.routes.ts';
import { stockRoutes } from './logistics/stock.routes.ts';
import { submissionsRoutes } from './logistics/submissions.routes.ts';
import { documentOperation, securitySchemes } from './openapi.ts';
import { regionsRoutes } from './regions/regions.routes.ts';
import { registryRoutes } from './registry/registry.routes.ts';
import { reliefRoutes } from './relief/relief.routes.ts';
import { reliefEffects } from './relief/relief.service.ts';
import { standardsRoutes } from './standards/standards.routes.ts';
import { surveyRoutes } from './survey/survey.routes.ts';

/** What `buildApp` decorates the instance with, for every module's routes. */
declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    files: FileStore;
    /** The audit checkpoints' key and file. */
    auditAnchor: AuditAnchor;
    /** Every route registered, `{ method, url }`, and whether it declares its answer's schema. */
    routeList: ReadonlyArray<{ method: string; url: string; responseSchema: boolean }>;
    clock: Clock;
    keys: ServerKeys;
  }
}

/** Every module's workflow effects: what the case engine may run and the standards linter accepts. */
export const effects: Effects = joinEffects(reliefEffects, logisticsEffects);

/** Every module's background jobs: the server runs each every `everyMs` on its one clock. */
export const jobs = [...complaintJobs];

export interface AppOptions {
  config: Config;
  database: Database;
  /** Tests: refuse an answer whose success status the route's schema does not declare. */
  strictStatuses?: boolean;
  /** Pino logging; off in tests. */
  logger?: boolean;
  /**
   * The server's one clock (sign-in rules, the case engine's time limits); tests pass one they
   * move by hand. Default: the real time, or the test clock the configuration sets.
   */
  clock?: Clock;
}

export async function buildApp({
  config,
  database,
  logger = false,
  clock = clockFromSettings(config),
  strictStatuses = false,
}: AppOptions): Promise<FastifyInstance> {
  // Refusals name roles as the office does ("Petugas Front Office"); details keep the ids.
  const errorHandler = createErrorHandler({
    role: (id) => (isProcedureActor(id) ? RoleLabels[id] : undefined),
  });
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    genReqId: () => crypto.randomUUID().slice(0, 13),
    bodyLimit: 2 * 1024 * 1024,
    // The router's own refusals (a path parameter too long, a bad URL) answer like every error.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  // Every route as registered, for the authorization test that must cover each (HEAD mirrors GET).
  const routeList: Array<{ method: string; url: string; responseSchema: boolean }> = [];
  app.addHook('onRoute', (route) => {
    const responseSchema = route.schema?.response !== undefined;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeList.push({ method, url: route.url, responseSchema });
  });
  app.decorate('routeList', routeList);
  app.setValidatorCompiler(bilingualValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('files', new LocalFileStore(path.resolve(config.dataDir, 'files')));
  const auditAnchor = await openAuditAnchor(config, { createKey: true });
  app.decorate('auditAnchor', auditAnchor);
  const keyNote = auditAnchor.key && keyWarning(auditAnchor.key);
  if (keyNote) app.log.warn(keyNote);
  app.decorate('clock', clock);
  if (clock instanceof TestClock)
    app.log.warn(
      `TEST CLOCK ON: the server's time is ${new Date(clock.now()).toISOString()}, ${Math.round(clock.offset / 60_000)} minutes from the real time (JARING_CLOCK_OFFSET / JARING_CLOCK_START). Never in production.`,
    );
  app.decorate('keys', loadServerKeys(config.secretKey, config.dataDir));

  await app.register(swagger, {
    openapi: {
      info: { title: 'Jaring API', version: '0.1.0' },
      components: { securitySchemes },
    },
    transform: documentOperation,
  });
  if (strictStatuses) refuseUndocumentedStatuses(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // The portal is reached over plain HTTP on an office LAN or localhost.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  registerSecurity(app);
  registerNoStore(app);
  registerInputGuard(app);

  app.get('/api/health', { schema: { tags: ['meta'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    database: database.kind,
  }));
  app.get('/api/openapi.json', { schema: { hide: true, response: { 200: OpenApiDocument } } }, async () => ({
    ...app.swagger(),
  }));

  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(homeRoutes);
  await app.register(standardsRoutes, { effects });
  await app.register(auditRoutes, {
    guard,
    requireAuth,
    actorOf: (request) => actorOf(requireAuth(request), clientOf(request)),
    people: trailPeople,
    usersOf: trailUsersOf,
  });
  await app.register(calendarRoutes);
  // Live queues: each case write marks its unit changed; waiting clients are answered on close.
  const changes = new CaseChanges(database);
  await changes.start();
  app.addHook('onResponse', publishCaseWrites(changes));
  app.addHook('preClose', async () => changes.close());
  await app.register(caseListRoutes, { changes });
  await app.register(casesRoutes, { effects });
  await app.register(submittedRoutes);
  await app.register(reliefRoutes);
  await app.register(complaintsRoutes);
  await app.register(open311Routes);
  await app.register(laporRoutes);
  await app.register(complaintStatsRoutes);
  await app.register(stockRoutes);
  await app.register(emergenciesRoutes);
  await app.register(papersRoutes, { effects });
  await app.register(submissionsRoutes, { effects });
  await app.register(logisticsReportsRoutes);
  await app.register(regionsRoutes);
  await app.register(registryRoutes);
  await app.register(surveyRoutes);

  await registerWeb(app, config);
  return app;
}

/**
 * Serves the built web app and falls back to index.html for client-side routes. Files go out
 * as their brotli or gzip copy when the client accepts one (written at build time by
 * scripts/precompress-web.mjs); hashed assets are cached for a year, everything else
 * (index.html above all, which names the current assets) is revalidated on each visit.
 */
async function registerWeb(app: FastifyInstance, config: Config) {
  const root = path.resolve(config.webDir);
  const hasWeb = existsSync(path.join(root, 'index.html'));
  if (hasWeb) {
    const assets = path.join(root, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The compressed copies are served in place of their file, never under their own name.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/');
    if (isPage && hasWeb) return reply.sendFile('index.html');
    const lang = pickLanguage(request.headers['accept-language']);
    return reply.status(404).send({
      error: { code: 'not_found', message: errorMessage('not_found', lang), requestId: String(request.id) },
    });
  });
}
