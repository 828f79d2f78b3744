import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { and, eq, lt, not, or, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/audit.service.ts';
import { DomainError } from '../../core/errors.ts';
import { displayName, findRegion } from '../../core/regions.ts';
import { type BulkSession, openBulkSession } from '../../db/bulk.ts';
import type { Database, Db } from '../../db/client.ts';
import type { ImportOptions } from '../registry.schema.ts';
import { type ImportStatus, registryImports } from '../registry.tables.ts';
import {
  advanceSequences,
  batchMerge,
  checkStaged,
  createWorkTables,
  firstLoadIds,
  mergeStaged,
  refreshStatistics,
  tableNames,
  type WorkTables,
  writtenBy,
} from './merge.repository.ts';
import { type WrittenProblems, writeProblemFile } from './problem-file.ts';
import { type ReadBatch, type ReadOutcome, type ReadPhaseInput, readPhase } from './read-phase.ts';
import { readerModule } from './reader-bundle.ts';
import { type FileFormat, formatOf, sniffFormat } from './readers.ts';

/**
 * Import of a register file (CSV or XLSX in the template's layout), all of it in one transaction
 * (so a process killed at any point leaves the register as it was; temporary tables vanish with
 * the session), in three phases:
 *
 * 1. *membaca*: the file is streamed and each row checked on its own and across rows (one
 *    family's rows agree, a NIK once, one head per family) while reading. Batch by batch, rows
 *    new to the register are written into it at once, and rows that meet it (a NIK or a KK
 *    already there) are staged for the policy; the database takes one batch while the next is
 *    parsed. A first load into an empty register skips the staging altogether: the reader
 *    numbers the rows and they are COPYed straight into the register's tables. Problems go to
 *    a temporary problem table.
 * 2. *memeriksa*: what needs the whole file or the register runs in SQL: rows refused after they
 *    were written are taken out again, NIKs and KKs outside the caller's region are refused, the
 *    policy for NIKs already there applies, and families are counted with the members the
 *    register keeps.
 * 3. *menggabungkan*: the staged rows are merged with the earlier versions of what they change;
 *    the summary, the counts and an audit entry are written, and it commits. Under *tolak semua*
 *    any problem rolls everything back instead.
 *
 * Re-running a file is harmless: present NIKs are skipped, reported, or compared field by field
 * (identical rows count as unchanged and write nothing).
 */
export type ImportPhase = 'menunggu' | 'membaca' | 'memeriksa' | 'menggabungkan' | 'selesai';

export interface ImportProgress {
  importId: number;
  phase: ImportPhase;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  /** Seconds since the start. */
  elapsed: number;
}

export interface ImportSummary extends WrittenProblems {
  importId: number;
  status: ImportStatus;
  rowsRead: number;
  loaded: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  warnings: number;
  familiesLoaded: number;
  familiesUpdated: number;
  message: string;
  seconds: number;
}

export interface ImportRequest {
  file: string;
  /** The name the user gave the file (shown in the history). */
  fileName?: string;
  unitId: number;
  regionCode: string;
  actor: Actor;
  /** A village operator's village. */
  villageCode?: string | null;
  options: ImportOptions;
  /** Folder for error files (`<dataDir>/imports`). */
  errorDir: string;
  /** An import row made beforehand (the upload page shows its progress from the start). */
  importId?: number;
  /** The format, when the caller has already checked the file with `checkImportFile`. */
  format?: FileFormat;
  onProgress?: (p: ImportProgress) => void;
  /** Rows per COPY batch. */
  batchRows?: number;
  /** Where the file is parsed: a worker thread, this thread, or by size (default). */
  thread?: 'worker' | 'main' | 'auto';
  today?: Date;
}

/**
 * The register's advisory lock. Every writer of the register holds it for its transaction: an
 * import's checks rely on what they found staying true until it commits, and a first load
 * numbers its rows itself, on from the sequences (`firstLoadIds`). A form that edits the
 * register must take it too.
 */
const REGISTER_LOCK = 7238101;

/**
 * Held (with the import's id as second key) by the session of a running import, from before
 * its first heartbeat to its end: the database drops it when that session ends, so an import
 * whose process died is known at once, not only when its heartbeat grows old.
 */
export const IMPORT_ALIVE_LOCK = 7238102;
/** Time between an import's record being written and its session holding the lock. */
const ALIVE_LOCK_GRACE_SECONDS = 10;

/**
 * Files from this size on (about 40,000 rows) are read in a worker thread, beside the database's
 * work and with its own capped heap; starting one costs about 0.2 s, which smaller files do not
 * win back. (The reader loads no database driver and no XLSX library until a workbook comes,
 * so the worker starts light.)
 */
const WORKER_FROM_BYTES = 8 * 1024 * 1024;

/**
 * Makes the reader's module ahead of the first import (the server and the import command call
 * it as they start), so that import's worker starts at once. A failure here is the first
 * import's to report: `readerModule` tries again then.
 */
export async function prepareReader(): Promise<void> {
  await readerModule().catch(() => undefined);
}

/** The read phase: given its input, it yields the batches and returns the totals. */
interface Reader {
  read(input: ReadPhaseInput): AsyncGenerator<ReadBatch, ReadOutcome>;
  /** Stops it, whether it read or not. */
  close(): Promise<void>;
}

/**
 * The read phase, in a worker thread (large files) or this thread. The worker is started at
 * once (from the bundled reader module, `reader-bundle.ts`), so that it loads its code while
 * the import prepares the database, and is given its input when that is done. Its heap is
 * capped in proportion to the file, so the garbage of parsing is collected as it goes instead
 * of growing the process; what it keeps across rows (`FileChecks`) is about 50 bytes a row.
 */
function startReader(inWorker: boolean, totalBytes: number): Reader {
  if (!inWorker) return { read: (input) => readPhase(input), close: async () => {} };
  type Message =
    | ({ type: 'batch' } & ReadBatch)
    | { type: 'done'; outcome: ReadOutcome }
    | { type: 'error'; message: string };
  const queue: Message[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const started = readerModule().then((module) => {
    const worker = new Worker(module, {
      resourceLimits: {
        maxOldGenerationSizeMb: 128 + Math.ceil(totalBytes / 2_000_000),
        maxYoungGenerationSizeMb: 12,
      },
    });
    worker.on('message', (m: Message) => {
      queue.push(m);
      wake?.();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      failure =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error('memori untuk membaca berkas habis; bagi berkas menjadi beberapa bagian')
          : e;
      wake?.();
    });
    worker.on('exit', () => {
      exited = true;
      wake?.();
    });
    return worker;
  });
  // A failure to start is reported by `read`; until then it must not go unhandled.
  started.catch(() => undefined);
  const close = async () => {
    const worker = await started.catch(() => undefined);
    await worker?.terminate();
  };
  return {
    close,
    async *read(input) {
      // Without its module (esbuild failed) the file is read in this thread: slower, but read.
      const worker = await started.catch((error: unknown) => {
        process.emitWarning(
          `register import reads in the main thread: its reader module could not be made (${error instanceof Error ? error.message : String(error)})`,
        );
        return undefined;
      });
      if (!worker) return yield* readPhase(input);
      worker.postMessage({ input });
      try {
        for (;;) {
          while (queue.length === 0 && !failure && !exited)
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          const m = queue.shift();
          if (!m) throw failure ?? new Error('pembaca berkas berhenti tanpa hasil');
          if (m.type === 'error') throw new Error(m.message);
          if (m.type === 'done') return m.outcome;
          const { type: _, ...batch } = m;
          yield batch;
          worker.postMessage('ack');
        }
      } finally {
        await close();
      }
    },
  };
}

/**
 * Imports still marked running whose process stopped are failed; nothing was merged. Stopped:
 * no session holds the import's lock, or no heartbeat for `olderThanSeconds`. (A process killed
 * mid-import left its record running for two minutes on PostgreSQL, refusing every import of
 * the unit meanwhile.)
 */
export async function failStaleImports(db: Db, olderThanSeconds = 120): Promise<number> {
  const now = Date.now();
  // Advisory locks of this database only: another database on the server numbers its imports too.
  const lockHeld = sql`EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid::bigint = ${IMPORT_ALIVE_LOCK} AND l.objid::bigint = ${registryImports.id}
    AND l.objsubid = 2 AND l.granted)`;
  const stale = await db
    .update(registryImports)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      message: 'impor terhenti sebelum selesai (proses berhenti); register tidak berubah',
    })
    .where(
      and(
        eq(registryImports.status, 'running'),
        or(
          lt(registryImports.heartbeatAt, new Date(now - olderThanSeconds * 1000)),
          and(
            lt(registryImports.heartbeatAt, new Date(now - ALIVE_LOCK_GRACE_SECONDS * 1000)),
            not(lockHeld),
          ),
        ),
      ),
    )
    .returning({ id: registryImports.id });
  return stale.length;
}

export async function createImport(
  db: Db,
  req: Pick<ImportRequest, 'unitId' | 'actor' | 'options'> & {
    fileName: string;
    format: FileFormat;
    fileBytes: number;
  },
): Promise<typeof registryImports.$inferSelect> {
  const [row] = await db
    .insert(registryImports)
    .values({
      unitId: req.unitId,
      userId: req.actor.userId,
      fileName: req.fileName,
      format: req.format,
      fileBytes: req.fileBytes,
      onError: req.options.onError,
      onExisting: req.options.onExisting,
    })
    .returning();
  if (!row) throw new Error('import row not created');
  return row;
}

/** Checks the file's kind before anything is written: a precise refusal, not a parse error. */
export async function checkImportFile(file: string, fileName: string): Promise<FileFormat> {
  const sniffed = await sniffFormat(file);
  if (sniffed === 'xls') throw new DomainError('registry.import_xls');
  const byName = formatOf(fileName);
  if (sniffed === 'xlsx') return 'xlsx';
  if (byName === 'xlsx') throw new DomainError('registry.import_not_xlsx');
  return 'csv';
}

export async function runImport(database: Database, req: ImportRequest): Promise<ImportSummary> {
  const started = Date.now();
  const fileName = req.fileName ?? path.basename(req.file);
  const format = req.format ?? (await checkImportFile(req.file, fileName));
  const totalBytes = (await stat(req.file)).size;
  const region = findRegion(req.regionCode);
  const importId =
    req.importId ??
    (
      await createImport(database.db, {
        unitId: req.unitId,
        actor: req.actor,
        options: req.options,
        fileName,
        format,
        fileBytes: totalBytes,
      })
    ).id;
  const names = tableNames(importId);
  const session = await openBulkSession(database);
  let phase: ImportPhase = 'membaca';
  let rowsRead = 0;
  let bytesRead = 0;
  const report = () =>
    req.onProgress?.({
      importId,
      phase,
      rowsRead,
      bytesRead: Math.min(bytesRead, totalBytes),
      totalBytes,
      elapsed: (Date.now() - started) / 1000,
    });
  // The history's progress and heartbeat. On PGlite the import's transaction holds the engine,
  // so only the caller's progress callback hears of it until it ends.
  const beat = async () => {
    report();
    if (database.kind === 'pglite') return;
    await database.db
      .update(registryImports)
      .set({ phase, rowsRead, bytesRead: Math.min(bytesRead, totalBytes), heartbeatAt: new Date() })
      .where(eq(registryImports.id, importId));
  };

  const inWorker = req.thread === 'worker' || (req.thread !== 'main' && totalBytes >= WORKER_FROM_BYTES);
  // Started now, so that a worker loads its code while the database is prepared; nothing in it
  // can fail before `read`.
  const reader = startReader(inWorker, totalBytes);
  try {
    await session.query('SELECT pg_advisory_lock($1, $2)', [IMPORT_ALIVE_LOCK, importId]);
    await createWorkTables(session, names);
    const summary = await session.transaction(async (tx) => {
      // One import at a time across the register: what it finds there must stay true until it commits.
      // Another import holding it keeps this one waiting, with its heartbeat going, so that it is
      // not taken for dead meanwhile.
      for (;;) {
        const [lock] = await tx.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_xact_lock(${REGISTER_LOCK}) AS ok`,
        );
        if (lock?.ok) break;
        phase = 'menunggu';
        await beat();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      phase = 'membaca';
      // The general path sorts each batch by NIK in SQL; in memory, not in temporary files.
      await tx.query(`SET LOCAL work_mem = '16MB'`);
      const [before] = await tx.query<{ families: string | number; people: string | number }>(
        `SELECT (SELECT coalesce(max(id), 0) FROM registry_families) AS families,
          (SELECT coalesce(max(id), 0) FROM registry_people) AS people`,
      );
      const ids = { families: Number(before?.families ?? 0), people: Number(before?.people ?? 0) };
      const written = writtenBy(req.actor.userId ?? null, importId);
      const firstLoad = ids.families === 0 && ids.people === 0 ? await firstLoadIds(tx, written) : null;
      const merge = batchMerge(tx, names, ids, written);

      // Phase 1: read and check each row (in a worker thread for large files) and load it; the
      // database takes one batch while the next is parsed.
      const batches = reader.read({
        file: req.file,
        format,
        today: (req.today ?? new Date()).toISOString(),
        regionCode: req.regionCode,
        regionName: region ? displayName(region) : req.regionCode,
        villageCode: req.villageCode ?? null,
        batchRows: req.batchRows ?? 20_000,
        firstLoad,
      });
      let pending: Promise<void> = Promise.resolve();
      let lastBeat = Date.now();
      let read: ReadOutcome | undefined;
      try {
        for (;;) {
          const next = await batches.next();
          if (next.done) {
            read = next.value;
            break;
          }
          const batch = next.value;
          await pending;
          rowsRead = batch.rowsRead;
          bytesRead = batch.bytesRead;
          pending = merge(batch);
          // Keep a rejection from going unhandled before the next await.
          pending.catch(() => undefined);
          // The caller hears of every batch; the record is written at most once a second.
          if (Date.now() - lastBeat > 1000) {
            lastBeat = Date.now();
            await beat();
          } else report();
        }
        await pending;
      } finally {
        // A failure stops the reader (and its worker) too.
        if (!read) await batches.return(undefined as never).catch(() => undefined);
      }
      if (firstLoad) await advanceSequences(tx);
      rowsRead = read.rowsRead;
      bytesRead = totalBytes;
      if (read.refused)
        throw new Refused({
          importId,
          status: 'rejected',
          rowsRead,
          ...nothingMerged,
          rejected: 0,
          warnings: read.warnings,
          message: read.refused,
          ...(await writeProblemFile(tx.db, names.problems, req.errorDir, importId)),
          fileSha256: read.fileSha256,
        });

      phase = 'memeriksa';
      await beat();
      return finishMerge(tx, {
        importId,
        names,
        ids,
        req,
        read: { ...read, totalBytes },
        onPhase: (p) => {
          phase = p;
          report();
        },
      });
    });
    await refreshStatistics(session, summary.loaded + summary.updated);
    phase = 'selesai';
    report();
    return { ...summary, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    if (error instanceof Refused) {
      // Rolled back: the register is as it was; the record says why, with the problem file.
      const { fileSha256, ...summary } = error.summary;
      phase = 'selesai';
      await database.db.transaction(async (tx) => {
        await tx
          .update(registryImports)
          .set({
            ...summary,
            phase,
            fileSha256,
            bytesRead: totalBytes,
            finishedAt: new Date(),
            heartbeatAt: new Date(),
          })
          .where(eq(registryImports.id, importId));
        // A refused file is in the trail as much as a loaded one: who tried what, and why not.
        await recordAudit(tx, req.actor, {
          action: 'registry.import_rejected',
          entity: 'registry_import',
          entityId: importId,
          unitId: req.unitId,
          after: {
            // Rows refused under reject_all, or a file refused as a whole (its header, say).
            reason: summary.rejected > 0 ? 'rows_rejected' : 'file_refused',
            file: fileName,
            onError: req.options.onError,
            onExisting: req.options.onExisting,
            rowsRead: summary.rowsRead,
            rejected: summary.rejected,
            message: summary.message,
            sha256: fileSha256 ?? null,
          },
        });
      });
      report();
      return { ...summary, seconds: (Date.now() - started) / 1000 };
    }
    await database.db
      .update(registryImports)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        message: `impor gagal; register tidak berubah (${error instanceof Error ? error.message : String(error)})`,
      })
      .where(eq(registryImports.id, importId))
      .catch(() => undefined);
    throw error;
  } finally {
    await reader.close();
    for (const table of Object.values(names))
      await session.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await session
      .query('SELECT pg_advisory_unlock($1, $2)', [IMPORT_ALIVE_LOCK, importId])
      .catch(() => undefined);
    await session.release();
  }
}

const nothingMerged = {
  loaded: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  familiesLoaded: 0,
  familiesUpdated: 0,
};

/** A file refused as a whole: thrown inside the transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly summary: Omit<ImportSummary, 'seconds'> & { fileSha256: string }) {
    super(summary.message);
  }
}

/**
 * The end of an import, in its transaction: the checks (`checkStaged`), then, unless a refusal
 * under *tolak semua* throws `Refused` (which rolls everything back), the merge of the staged
 * rows (`mergeStaged`), and the record, the counts and the audit entry are written.
 */
async function finishMerge(
  tx: BulkSession,
  args: {
    importId: number;
    names: WorkTables;
    ids: { families: number; people: number };
    req: ImportRequest;
    read: ReadOutcome & { totalBytes: number };
    onPhase: (p: ImportPhase) => void;
  },
): Promise<Omit<ImportSummary, 'seconds'>> {
  const { importId, req, ids } = args;
  const { problems: P } = args.names;
  const checked = await checkStaged(tx, {
    names: args.names,
    ids,
    regionCode: req.regionCode,
    villageCode: req.villageCode ?? null,
    onExisting: req.options.onExisting,
    read: args.read,
  });
  const { warnings, rejected } = checked;
  if (checked.anyError && req.options.onError === 'reject_all')
    throw new Refused({
      importId,
      status: 'rejected',
      rowsRead: args.read.rowsRead,
      ...nothingMerged,
      rejected,
      warnings,
      message:
        'berkas ditolak seluruhnya karena ada baris yang salah (kebijakan: tolak semua); register tidak berubah',
      ...(await writeProblemFile(tx.db, P, req.errorDir, importId)),
      fileSha256: args.read.fileSha256,
    });
  args.onPhase('menggabungkan');
  const merged = await mergeStaged(tx, {
    names: args.names,
    ids,
    onExisting: req.options.onExisting,
    written: writtenBy(req.actor.userId ?? null, importId),
    outcomes: checked.outcomes,
  });
  // The import's record is closed in this transaction, so it commits with the register or not at all.
  const result = {
    importId,
    status: 'done' as const,
    message: `${merged.loaded} orang baru, ${merged.updated} diperbarui, ${merged.unchanged} tetap, ${merged.skipped} dilewati; ${merged.familiesLoaded} keluarga baru, ${merged.familiesUpdated} keluarga diperbarui`,
    rowsRead: args.read.rowsRead,
    ...merged,
    rejected,
    warnings,
    ...(await writeProblemFile(tx.db, P, req.errorDir, importId)),
  };
  await tx.db
    .update(registryImports)
    .set({
      ...result,
      phase: 'selesai',
      fileSha256: args.read.fileSha256,
      bytesRead: args.read.totalBytes,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    })
    .where(eq(registryImports.id, importId));
  await recordAudit(tx.db, req.actor, {
    action: 'registry.import',
    entity: 'registry_import',
    entityId: importId,
    unitId: req.unitId,
    after: {
      file: req.fileName ?? path.basename(req.file),
      onError: req.options.onError,
      onExisting: req.options.onExisting,
      loaded: result.loaded,
      updated: result.updated,
      unchanged: result.unchanged,
      skipped: result.skipped,
      rejected: result.rejected,
      familiesLoaded: result.familiesLoaded,
      familiesUpdated: result.familiesUpdated,
      sha256: args.read.fileSha256,
    },
  });
  return result;
}
