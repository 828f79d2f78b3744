import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { type AuthContext, actorOf, type ClientInfo } from '../../auth/auth.service.ts';
import { DomainError } from '../../core/errors.ts';
import { safeEqual } from '../../core/keys.ts';
import type { Database, Db } from '../../db/client.ts';
import type { FileDownload } from '../export.service.ts';
import type {
  ImportLive,
  ImportOptions,
  ImportRecord,
  ImportStarted,
  ImportView,
} from '../registry.schema.ts';
import { scopeOf } from '../registry.service.ts';
import { registryImports } from '../registry.tables.ts';
import { checkImportFile, createImport, failStaleImports, runImport } from './import.service.ts';
import { writeProblemXlsx } from './problem-file.ts';

/** An uploaded file as the multipart reader hands it over. */
export interface UploadedFile {
  filename: string;
  file: Readable & { truncated: boolean };
}

/** How a route hands an upload to `start`: the file, read only once the import may start. */
export interface Upload {
  open: (limits: { fileSize: number; files: number }) => Promise<UploadedFile | undefined>;
  /** The error code of a broken or aborted upload (a request error), if it is one. */
  reasonOf: (error: unknown) => string | null | undefined;
  log: { error(details: object, message: string): void };
}

type ImportRow = typeof registryImports.$inferSelect;

/**
 * The register imports this process runs, from upload to summary: the upload's temporary file,
 * the one-at-a-time check per unit, the job, and its live progress for the page that started it.
 */
export function importJobs(deps: { database: Database; dataDir: string; importMaxBytes: number }) {
  const db: Db = deps.database.db;
  const importsDir = path.resolve(deps.dataDir, 'imports');
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
    const [row] = await db
      .select()
      .from(registryImports)
      .where(and(eq(registryImports.id, id), visibleImports(ctx)));
    if (!row) throw new DomainError('registry.import_not_found');
    return row;
  };

  /**
   * Takes an upload into a file of its own and opens its import record. A refusal on the way
   * (another import running, no file, too large, the wrong kind, a broken or aborted upload)
   * removes the file and is audited with its reason.
   */
  const receive = async (ctx: AuthContext, client: ClientInfo, options: ImportOptions, from: Upload) => {
    const actor = actorOf(ctx, client);
    let upload: string | undefined;
    let fileName: string | undefined;
    try {
      await failStaleImports(db);
      const [busy] = await db
        .select({ id: registryImports.id })
        .from(registryImports)
        .where(and(eq(registryImports.unitId, ctx.unit.id), eq(registryImports.status, 'running')))
        .limit(1);
      if (busy) throw new DomainError('registry.import_running', { id: busy.id });
      const file = await from.open({ fileSize: deps.importMaxBytes, files: 1 });
      if (!file) throw new DomainError('registry.import_file_missing');
      fileName = file.filename;
      await mkdir(importsDir, { recursive: true });
      upload = path.join(importsDir, `unggah-${randomBytes(8).toString('hex')}`);
      await pipeline(file.file, createWriteStream(upload));
      if (file.file.truncated)
        throw new DomainError('registry.import_too_large', { limit: sizeText(deps.importMaxBytes) });
      const format = await checkImportFile(upload, file.filename);
      const { size } = await stat(upload);
      const record = await createImport(db, {
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
      const reason = error instanceof DomainError ? error.code : from.reasonOf(error);
      if (reason)
        await recordAudit(db, actor, {
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
        }).catch((auditError: unknown) => from.log.error({ err: auditError }, 'refused import not audited'));
      throw error;
    }
  };

  return {
    /** Receives the upload and starts its import in the background. */
    async start(
      ctx: AuthContext,
      client: ClientInfo,
      options: ImportOptions,
      from: Upload,
    ): Promise<ImportStarted> {
      const { actor, upload, fileName, format, record } = await receive(ctx, client, options, from);
      const importId = record.id;
      const job = runImport(deps.database, {
        file: upload,
        fileName,
        unitId: ctx.unit.id,
        regionCode: ctx.unit.regionCode,
        villageCode: scopeOf(ctx).village,
        actor,
        options,
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
        .catch((error: unknown) => from.log.error({ err: error, importId }, 'register import failed'))
        .finally(async () => {
          running.delete(importId);
          await rm(upload, { force: true });
        });
      const key = randomBytes(16).toString('hex');
      running.set(importId, { job, key, row: record });
      return { id: importId, key };
    },

    /** The caller's last 50 imports, newest first (their problems are on each import's own page). */
    async list(ctx: AuthContext): Promise<{ imports: ImportRecord[] }> {
      const list = await db
        .select()
        .from(registryImports)
        .where(visibleImports(ctx))
        .orderBy(desc(registryImports.id))
        .limit(50);
      return {
        imports: list.map((row) => {
          const { firstProblems: _, ...record } = view(row);
          return record;
        }),
      };
    },

    async get(id: number, ctx: AuthContext): Promise<ImportView> {
      return view(await findImport(id, ctx));
    },

    /**
     * The progress of a running import, for the key its upload was answered with (counts only,
     * no personal data); nothing once it has ended or for a wrong key.
     */
    live(id: number, key: string): ImportLive | undefined {
      const entry = running.get(id);
      if (!entry || !safeEqual(entry.key, key)) return undefined;
      // What the progress panel shows, and nothing else: not who started it, nor a new column
      // of the record by default.
      const shown = view(entry.row);
      return Object.fromEntries(liveFields.map((f) => [f, shown[f]])) as ImportLive;
    },

    /**
     * An import's problem file, as CSV (`;`, for Indonesian Excel) or XLSX, or
     * `registry.import_not_found`. It holds the rejected rows' values, full NIKs among them, so
     * each download is audited like an export (UU 27/2022: who took personal data out).
     */
    async problemFile(
      id: number,
      ctx: AuthContext,
      format: 'csv' | 'xlsx',
      client?: ClientInfo,
    ): Promise<FileDownload> {
      const row = await findImport(id, ctx);
      if (!row.errorFile) throw new DomainError('registry.import_not_found');
      const file = path.join(importsDir, path.basename(row.errorFile));
      if (!existsSync(file)) throw new DomainError('registry.import_not_found');
      await recordAudit(db, actorOf(ctx, client), {
        action: 'registry.import_problems',
        entity: 'registry_import',
        entityId: row.id,
        after: { format, problems: row.problemCount },
      });
      if (format === 'csv')
        return {
          contentType: 'text/csv; charset=utf-8',
          fileName: path.basename(row.errorFile),
          stream: createReadStream(file),
        };
      const stream = new PassThrough();
      writeProblemXlsx(file, stream).catch((error: unknown) =>
        stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: path.basename(row.errorFile).replace(/\.csv$/, '.xlsx'),
        stream,
      };
    },

    /** Waits for the running imports (the server is closing). */
    async settle(): Promise<void> {
      await Promise.allSettled([...running.values()].map((r) => r.job));
    },
  };
}

export type ImportJobs = ReturnType<typeof importJobs>;

/** A byte count as the upload limit is told: "1 GB", "50 MB", "900 bita". */
function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  return `${bytes} bita`;
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
function view(row: ImportRow): ImportView {
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
