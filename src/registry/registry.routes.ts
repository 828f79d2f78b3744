import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import { type AuthContext, actorOf, hasPermission } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { IdParam } from '../core/ids.ts';
import { safeEqual } from '../core/keys.ts';
import { maskNik } from '../core/privacy.ts';
import { childrenOf, getVillage } from '../core/regions.ts';
import { requestErrorCode } from '../http/errors.ts';
import { type ExportNumbers, exportBatches, writeExport, writeTemplate } from './export.ts';
import { checkImportFile, createImport, failStaleImports, runImport } from './import/import.service.ts';
import { ExportBody, ImportOptions, RevealBody, SearchQuery } from './registry.api.ts';
import {
  checkVillage,
  getFamily,
  registerTotals,
  revealNumber,
  scopeOf,
  searchPeople,
  searchTerm,
} from './registry.service.ts';
import { registryImports } from './registry.tables.ts';

const IdParams = z.object({ id: IdParam });

interface PendingExport {
  userId: number;
  unitId: number;
  expires: number;
  format: 'csv' | 'xlsx';
  filter: { q?: string | undefined; village?: string | undefined };
  scope: ReturnType<typeof scopeOf>;
  numbers: ExportNumbers;
}

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const importsDir = path.resolve(app.config.dataDir, 'imports');
  const exports = new Map<string, PendingExport>();
  /**
   * The imports this process runs, by id: the job, the key their uploader was given, and their
   * record as it progresses. The record is read here without the database: on the embedded
   * engine the import's transaction holds it (and every signed-in request, which looks up its
   * session there), so the upload page follows the import here.
   */
  const running = new Map<number, { job: Promise<unknown>; key: string; row: ImportRow }>();
  /**
   * The imports a caller may see: their unit's; a village operator only their own, which were
   * confined to their village (a unit-wide import's problem file holds every village's NIKs).
   */
  const visibleImports = (ctx: AuthContext) =>
    scopeOf(ctx).village
      ? and(eq(registryImports.unitId, ctx.unit.id), eq(registryImports.userId, ctx.user.id))
      : eq(registryImports.unitId, ctx.unit.id);
  /** An import the caller may see, or `registry.import_not_found`. */
  const findImport = async (id: number, ctx: AuthContext) => {
    const [row] = await app.db
      .select()
      .from(registryImports)
      .where(and(eq(registryImports.id, id), visibleImports(ctx)));
    if (!row) throw new DomainError('registry.import_not_found');
    return row;
  };
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running.values()].map((r) => r.job));
  });

  app.get('/api/registry/summary', { preValidation: guard('registry.read') }, async (request) => {
    const ctx = requireAuth(request);
    const scope = scopeOf(ctx);
    return {
      totals: await registerTotals(app.db, scope),
      unit: { name: ctx.unit.name, regionCode: ctx.unit.regionCode },
      village: scope.village
        ? { code: scope.village, name: getVillage(scope.village)?.name ?? scope.village }
        : null,
      villages: scope.village ? [] : villagesUnder(ctx.unit.regionCode),
    };
  });

  app.get(
    '/api/registry/people',
    { schema: { tags: ['registry'], querystring: SearchQuery }, preValidation: guard('registry.read') },
    async (request) => searchPeople(app.db, scopeOf(requireAuth(request)), request.query),
  );

  app.get(
    '/api/registry/families/:id',
    {
      schema: {
        tags: ['registry'],
        params: IdParams,
        querystring: z.object({ asOf: z.iso.date().optional() }),
      },
      preValidation: guard('registry.read'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return getFamily(app.db, scopeOf(ctx), request.params.id, {
        asOf: request.query.asOf,
        timeZone: ctx.unit.timeZone,
      });
    },
  );

  app.post(
    '/api/registry/reveal',
    { schema: { tags: ['registry'], body: RevealBody }, preValidation: guard('registry.reveal') },
    async (request) => revealNumber(app.db, requireAuth(request), request.body, clientOf(request)),
  );

  // An export is asked for with a reason (audited), then downloaded once by a plain link, so
  // the browser streams a large file to disk instead of holding it in memory.
  app.post(
    '/api/registry/exports',
    { schema: { tags: ['registry'], body: ExportBody }, preValidation: guard('registry.export') },
    async (request) => {
      const ctx = requireAuth(request);
      const scope = scopeOf(ctx);
      const { format, q, village, reason } = request.body;
      // Refuse a bad selection now, not halfway through the download.
      const term = searchTerm(q);
      if (village) checkVillage(scope, village);
      // Full numbers only for a role that may reveal one (a village operator may not).
      const numbers: ExportNumbers = hasPermission(ctx, 'registry.reveal') ? 'full' : 'masked';
      const token = randomBytes(24).toString('base64url');
      const now = Date.now();
      for (const [key, e] of exports) if (e.expires < now) exports.delete(key);
      exports.set(token, {
        userId: ctx.user.id,
        unitId: ctx.unit.id,
        expires: now + 10 * 60_000,
        format,
        filter: { q, village },
        scope,
        numbers,
      });
      await recordAudit(app.db, actorOf(ctx, clientOf(request)), {
        action: 'registry.export',
        entity: 'registry',
        entityId: ctx.unit.id,
        after: {
          format,
          q: term.kind === 'id' ? maskNik(term.digits) : (q ?? null),
          village: scope.village ?? village ?? null,
          numbers,
          reason,
        },
      });
      return { url: `/api/registry/exports/${token}`, expiresAt: new Date(now + 10 * 60_000).toISOString() };
    },
  );

  app.get(
    '/api/registry/exports/:token',
    {
      schema: { tags: ['registry'], params: z.object({ token: z.string().min(10).max(64) }) },
      preValidation: guard('registry.export'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const pending = exports.get(request.params.token);
      if (
        !pending ||
        pending.expires < Date.now() ||
        pending.userId !== ctx.user.id ||
        pending.unitId !== ctx.unit.id
      )
        throw new DomainError('registry.export_not_found');
      exports.delete(request.params.token);
      const stamp = new Date().toISOString().slice(0, 10);
      const body = new PassThrough();
      reply
        .header(
          'content-type',
          pending.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="register-${stamp}.${pending.format}"`);
      writeExport(
        exportBatches(app.db, pending.scope, pending.filter, pending.numbers),
        pending.format,
        body,
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'register export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply.send(body);
    },
  );

  app.get(
    '/api/registry/template.:format',
    {
      schema: { tags: ['registry'], params: z.object({ format: z.enum(['csv', 'xlsx']) }) },
      preValidation: guard('registry.read'),
    },
    async (request, reply) => {
      const body = new PassThrough();
      const format = request.params.format;
      reply
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="templat-register.${format}"`);
      void writeTemplate(format, body);
      return reply.send(body);
    },
  );

  /**
   * Takes an upload into a file of its own and opens its import record. A refusal on the way
   * (another import running, no file, too large, the wrong kind, a broken or aborted upload)
   * removes the file and is audited with its reason.
   */
  const receiveImport = async (request: FastifyRequest, ctx: AuthContext, options: ImportOptions) => {
    const actor = actorOf(ctx, clientOf(request));
    let upload: string | undefined;
    let fileName: string | undefined;
    try {
      await failStaleImports(app.db);
      const [busy] = await app.db
        .select({ id: registryImports.id })
        .from(registryImports)
        .where(and(eq(registryImports.unitId, ctx.unit.id), eq(registryImports.status, 'running')))
        .limit(1);
      if (busy) throw new DomainError('registry.import_running', { id: busy.id });
      const file = await request.file({ limits: { fileSize: app.config.importMaxBytes, files: 1 } });
      if (!file) throw new DomainError('registry.import_file_missing');
      fileName = file.filename;
      await mkdir(importsDir, { recursive: true });
      upload = path.join(importsDir, `unggah-${randomBytes(8).toString('hex')}`);
      await pipeline(file.file, createWriteStream(upload));
      if (file.file.truncated)
        throw new DomainError('registry.import_too_large', { limit: sizeText(app.config.importMaxBytes) });
      const format = await checkImportFile(upload, file.filename);
      const { size } = await stat(upload);
      const record = await createImport(app.db, {
        unitId: ctx.unit.id,
        actor,
        options,
        fileName: file.filename,
        format,
        fileBytes: size,
      });
      return { actor, upload, fileName: file.filename, format, record };
    } catch (error) {
      if (upload) await rm(upload, { force: true });
      const reason = error instanceof DomainError ? error.code : requestErrorCode(error, request);
      if (reason)
        await recordAudit(app.db, actor, {
          action: 'registry.import_rejected',
          entity: 'registry_import',
          unitId: ctx.unit.id,
          after: {
            reason,
            file: fileName ?? null,
            ...(error instanceof DomainError && Object.keys(error.details).length > 0
              ? { details: error.details }
              : {}),
          },
        }).catch((auditError: unknown) =>
          request.log.error({ err: auditError }, 'refused import not audited'),
        );
      throw error;
    }
  };

  app.post(
    '/api/registry/imports',
    { schema: { tags: ['registry'], querystring: ImportOptions }, preValidation: guard('registry.import') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const scope = scopeOf(ctx);
      const { actor, upload, fileName, format, record } = await receiveImport(request, ctx, request.query);
      const importId = record.id;
      const job = runImport(app.database, {
        file: upload,
        fileName,
        unitId: ctx.unit.id,
        regionCode: ctx.unit.regionCode,
        villageCode: scope.village,
        actor,
        options: request.query,
        errorDir: importsDir,
        importId,
        format,
        onProgress: (p) => {
          const entry = running.get(importId);
          if (!entry) return;
          const { rowsRead, bytesRead } = p;
          const phase = p.phase === 'selesai' ? entry.row.phase : p.phase;
          entry.row = { ...entry.row, phase, rowsRead, bytesRead, heartbeatAt: new Date() };
        },
      })
        .catch((error: unknown) => request.log.error({ err: error, importId }, 'register import failed'))
        .finally(async () => {
          running.delete(importId);
          await rm(upload, { force: true });
        });
      const key = randomBytes(16).toString('hex');
      running.set(importId, { job, key, row: record });
      return reply.status(202).send({ id: importId, key });
    },
  );

  app.get('/api/registry/imports', { preValidation: guard('registry.import') }, async (request) => {
    const ctx = requireAuth(request);
    const list = await app.db
      .select()
      .from(registryImports)
      .where(visibleImports(ctx))
      .orderBy(desc(registryImports.id))
      .limit(50);
    return { imports: list.map(view) };
  });

  app.get(
    '/api/registry/imports/:id',
    { schema: { tags: ['registry'], params: IdParams }, preValidation: guard('registry.import') },
    async (request) => {
      const ctx = requireAuth(request);
      const row = await findImport(request.params.id, ctx);
      return view(row);
    },
  );

  // The progress of a running import, for the page that started it: the key from the upload's
  // answer stands in for the session (counts only, no personal data). Once the import ends, or
  // for a wrong key, there is nothing (204): the record has the summary.
  app.get(
    '/api/registry/imports/:id/live',
    {
      config: { noSession: true },
      schema: {
        tags: ['registry'],
        params: IdParams,
        querystring: z.object({ key: z.string().regex(/^[0-9a-f]{32}$/) }),
      },
    },
    async (request, reply) => {
      const entry = running.get(request.params.id);
      if (!entry || !safeEqual(entry.key, request.query.key)) return reply.status(204).send();
      // What the progress panel shows, and nothing else: not who started it, nor a new column
      // of the record by default.
      const shown = view(entry.row);
      return Object.fromEntries(liveFields.map((f) => [f, shown[f]]));
    },
  );

  app.get(
    '/api/registry/imports/:id/errors',
    { schema: { tags: ['registry'], params: IdParams }, preValidation: guard('registry.import') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const row = await findImport(request.params.id, ctx);
      if (!row.errorFile) throw new DomainError('registry.import_not_found');
      const file = path.join(importsDir, path.basename(row.errorFile));
      if (!existsSync(file)) throw new DomainError('registry.import_not_found');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${path.basename(row.errorFile)}"`)
        .send(createReadStream(file));
    },
  );
};

type ImportRow = typeof registryImports.$inferSelect;

/** A byte count as the upload limit is told: "1 GB", "50 MB", "900 bita". */
function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  return `${bytes} bita`;
}

const villageLists = new Map<string, Array<{ code: string; name: string; district: string }>>();
/** Villages of a region with their district, for the village picker. */
function villagesUnder(regionCode: string) {
  const hit = villageLists.get(regionCode);
  if (hit) return hit;
  const out: Array<{ code: string; name: string; district: string }> = [];
  const walk = (code: string) => {
    for (const child of childrenOf(code)) {
      if (child.level === 'district')
        for (const v of childrenOf(child.code))
          out.push({ code: v.code, name: v.name, district: child.name });
      else if (child.level !== 'village') walk(child.code);
    }
  };
  walk(regionCode);
  villageLists.set(regionCode, out);
  return out;
}

/** What the live progress of an import shows (`/api/registry/imports/:id/live`). */
const liveFields = [
  'id',
  'fileName',
  'format',
  'fileBytes',
  'onError',
  'onExisting',
  'status',
  'phase',
  'rowsRead',
  'bytesRead',
  'loaded',
  'updated',
  'unchanged',
  'skipped',
  'rejected',
  'warnings',
  'familiesLoaded',
  'familiesUpdated',
  'message',
  'startedAt',
  'heartbeatAt',
  'share',
  'rowsPerSecond',
  'etaSeconds',
] as const;

/** An import with its progress figures: share done, rows per second, seconds left. */
function view(row: ImportRow) {
  const end = row.finishedAt ?? row.heartbeatAt;
  const elapsed = Math.max(0.001, (end.getTime() - row.startedAt.getTime()) / 1000);
  const share =
    row.status === 'running' ? (row.fileBytes > 0 ? Math.min(1, row.bytesRead / row.fileBytes) : 0) : 1;
  const rowsPerSecond = row.rowsRead / elapsed;
  const etaSeconds =
    row.status === 'running' && share > 0.02 && row.phase === 'membaca'
      ? Math.round((elapsed / share) * (1 - share))
      : null;
  return {
    ...row,
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    share,
    rowsPerSecond: Math.round(rowsPerSecond),
    etaSeconds,
    hasErrorFile: Boolean(row.errorFile),
  };
}
