import { createWriteStream, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { and, eq, lt, not, or, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/audit.service.ts';
import { DomainError } from '../../core/errors.ts';
import { displayName, findRegion } from '../../core/regions.ts';
import { type BulkSession, openBulkSession } from '../../db/bulk.ts';
import { type Database, type Db, rows } from '../../db/client.ts';
import { copyValue } from '../../db/copy-text.ts';
import { csvLine, writeChunk } from '../csv.ts';
import { columnOf, FamilyFields, PersonFields } from '../registry.columns.ts';
import type { ImportOptions } from '../registry.schema.ts';
import { type ImportStatus, registryImports } from '../registry.tables.ts';
import {
  type FirstLoad,
  loadColumns,
  problemColumns,
  type ReadBatch,
  type ReadOutcome,
  type ReadPhaseInput,
  readPhase,
  stageColumns,
} from './read-phase.ts';
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

export interface ImportSummary {
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
  errorFile: string | null;
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

const personColumns = PersonFields.map(columnOf);
const familyColumns = FamilyFields.map(columnOf);

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
      const firstLoad = ids.families === 0 && ids.people === 0 ? await firstLoadIds(tx, req, importId) : null;
      const merge = batchMerge(tx, names, ids, req, importId);

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
          errorFile: await writeProblemFile(tx.db, names.problems, req.errorDir, importId),
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
 * Who and what a row written by this import carries (`changed_by`, `change_note`): as SQL
 * literals for the statements, and as COPY text for a first load's rows.
 */
function writtenBy(req: ImportRequest, importId: number) {
  const userId = req.actor.userId ?? null;
  const note = `impor #${importId}`;
  return {
    user: userId === null ? 'NULL' : String(Number(userId)),
    note: `'${note.replace(/'/g, "''")}'`,
    copy: { changedBy: copyValue(userId), note: copyValue(note) },
  };
}

interface WorkTables {
  /** Rows that meet the register (a NIK or KK already there), merged at the end by policy. */
  stage: string;
  /** The batch being loaded. */
  batch: string;
  /** Rows loaded straight into the register while reading: row, NIK, KK, relationship. */
  direct: string;
  problems: string;
}

const tableNames = (importId: number): WorkTables => ({
  stage: `registry_stage_${importId}`,
  batch: `registry_batch_${importId}`,
  direct: `registry_direct_${importId}`,
  problems: `registry_stage_problems_${importId}`,
});

/** Temporary tables of the import's session, made before its transaction (they outlive a rollback). */
async function createWorkTables(session: BulkSession, t: WorkTables): Promise<void> {
  // The staging tables take their column types from the register's tables.
  await session.query(`CREATE TEMP TABLE ${t.stage} AS
    SELECT 0 AS row_no, false AS kk_first, false AS batch_first, f.kk, p.nik, ${personColumns.map((c) => `p.${c}`).join(', ')},
      ${familyColumns.map((c) => `f.${c}`).join(', ')}, 'new'::text AS outcome, p.id AS person_id,
      p.village_code AS person_village, f.id AS family_id, f.village_code AS family_village
    FROM registry_people p, registry_families f WITH NO DATA`);
  await session.query(`ALTER TABLE ${t.stage} ALTER COLUMN outcome SET DEFAULT 'new'`);
  await session.query(`CREATE TEMP TABLE ${t.batch} (LIKE ${t.stage} INCLUDING DEFAULTS)`);
  await session.query(`CREATE TEMP TABLE ${t.direct} (row_no integer NOT NULL, nik text NOT NULL,
    kk text NOT NULL, relationship text NOT NULL, rejected boolean NOT NULL DEFAULT false)`);
  await session.query(`CREATE TEMP TABLE ${t.problems} (
    seq bigint GENERATED ALWAYS AS IDENTITY, row_no integer NOT NULL, col_order integer NOT NULL,
    col text NOT NULL, value text NOT NULL, severity text NOT NULL, message text NOT NULL)`);
}

/**
 * A first load into an empty register takes its ids from the sequences itself: the reader
 * numbers families and people on from here, and `advanceSequences` moves the sequences past
 * them. Every writer of the register holds the import lock, so no other row can take them.
 */
async function firstLoadIds(tx: BulkSession, req: ImportRequest, importId: number): Promise<FirstLoad> {
  const [ids] = await tx.query<{ families: string | number; people: string | number }>(
    `SELECT nextval(pg_get_serial_sequence('registry_families', 'id')) AS families,
      nextval(pg_get_serial_sequence('registry_people', 'id')) AS people`,
  );
  return {
    familyBase: Number(ids?.families) - 1,
    personBase: Number(ids?.people) - 1,
    ...writtenBy(req, importId).copy,
  };
}

async function advanceSequences(tx: BulkSession): Promise<void> {
  await tx.query(`SELECT setval(pg_get_serial_sequence('registry_families', 'id'), max(id)) FROM registry_families
    HAVING max(id) IS NOT NULL`);
  await tx.query(`SELECT setval(pg_get_serial_sequence('registry_people', 'id'), max(id)) FROM registry_people
    HAVING max(id) IS NOT NULL`);
}

/**
 * Loads one batch inside the import's transaction. Rows whose NIK and KK are new to the register
 * go straight into it (families first), the way a bare COPY would put them; rows that meet the
 * register (a NIK already there, or a family that was there before this import) wait in the
 * staging table for the policy and the checks at the end. Rows a later check refuses (a NIK
 * repeated further down the file, a family without one head) are taken out again at the end.
 * A first load's batch comes as COPY text for the register's tables and goes in as it is.
 */
function batchMerge(
  tx: BulkSession,
  t: WorkTables,
  ids: { families: number },
  req: ImportRequest,
  importId: number,
) {
  const { user, note } = writtenBy(req, importId);
  const direct = `b.person_id IS NULL AND (b.family_id IS NULL OR b.family_id > ${ids.families})`;
  // Rows meeting the register are marked; only they are rewritten. The lookups are subqueries,
  // one index probe a row whatever the statistics say (as a join, the planner may scan the
  // register, which grows during the import while its statistics do not).
  const person = `(SELECT p.id FROM registry_people p WHERE p.nik = b.nik)`;
  const family = `(SELECT f.id FROM registry_families f WHERE f.kk = b.kk)`;
  const lookups = `UPDATE ${t.batch} b SET person_id = ${person} WHERE ${person} IS NOT NULL;
    UPDATE ${t.batch} b SET family_id = ${family} WHERE ${family} IS NOT NULL;
    INSERT INTO ${t.stage} SELECT * FROM ${t.batch} b WHERE NOT (${direct});`;
  // One round trip for the batch's statements: while the next batch is parsed in this thread,
  // each extra round trip would wait for it.
  const statements = `${lookups}
    INSERT INTO ${t.direct} (row_no, nik, kk, relationship)
      SELECT b.row_no, b.nik, b.kk, b.relationship FROM ${t.batch} b WHERE ${direct};
    -- The batch table has no statistics: without this the planner may match each row against
    -- each new family in a nested loop.
    SET LOCAL enable_nestloop = off;
    -- A family new to the register is made from its first row in the batch (the reader has
    -- checked that its rows agree), whether or not that row's person is new. One left with
    -- nobody after the policy is taken out at the end.
    WITH made AS (
      INSERT INTO registry_families (kk, ${familyColumns.join(', ')}, changed_by, change_note)
      SELECT b.kk, ${familyColumns.map((x) => `b.${x}`).join(', ')}, ${user}, ${note}
      FROM ${t.batch} b WHERE b.batch_first AND b.family_id IS NULL
      RETURNING id, kk)
    INSERT INTO registry_people (nik, family_id, village_code, ${personColumns.join(', ')}, changed_by, change_note)
      SELECT b.nik, coalesce(b.family_id, made.id), b.village_code, ${personColumns.map((x) => `b.${x}`).join(', ')}, ${user}, ${note}
      FROM ${t.batch} b LEFT JOIN made ON made.kk = b.kk WHERE ${direct} ORDER BY b.nik;
    SET LOCAL enable_nestloop = on;
    TRUNCATE ${t.batch}`;
  return async (batch: ReadBatch) => {
    if (batch.problems) await tx.copyIn(t.problems, problemColumns, batch.problems);
    if (batch.load) {
      // A first load: the rows go in as they are, like a bare COPY.
      if (batch.load.families.length > 0)
        await tx.copyIn('registry_families', loadColumns.families, batch.load.families);
      if (batch.load.people.length > 0) {
        await tx.copyIn('registry_people', loadColumns.people, batch.load.people);
        await tx.copyIn(t.direct, loadColumns.direct, batch.load.direct);
      }
    }
    if (batch.stage.length === 0) return;
    await tx.copyIn(t.batch, stageColumns, batch.stage);
    await tx.exec(statements);
  };
}

/**
 * The end of an import, in its transaction: rows refused after they were loaded are taken out
 * again, rows that meet the register go through the policy and the checks, families get one
 * head each, then the staged rows are merged (with the earlier versions of what they change),
 * and the record, the counts and the audit entry are written. A refusal under *tolak semua*
 * throws `Refused`, which rolls everything back.
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
  const { stage: S, problems: P, direct: D } = args.names;
  const prefix = `${req.regionCode}.%`;
  const village = req.villageCode ?? null;
  const run = (text: string) => tx.query(text);
  const number = async (text: string) => Number((await tx.query<{ n: string | number }>(text))[0]?.n ?? 0);
  const errorRows = `SELECT row_no FROM ${P} WHERE severity = 'error'`;
  // Refused staged rows are marked; refused rows already loaded are deleted again. Each pass
  // looks only at the problems reported since the one before.
  let flaggedUpTo = 0;
  const rejectFlagged = async () => {
    const last = await number(`SELECT coalesce(max(seq), 0) AS n FROM ${P}`);
    if (last === flaggedUpTo) return;
    const newErrors = `SELECT row_no FROM ${P} WHERE severity = 'error' AND seq > ${flaggedUpTo} AND seq <= ${last}`;
    flaggedUpTo = last;
    await run(
      `UPDATE ${S} SET outcome = 'rejected' WHERE outcome <> 'rejected' AND row_no IN (${newErrors})`,
    );
    await run(`WITH r AS (UPDATE ${D} SET rejected = true WHERE NOT rejected AND row_no IN (${newErrors})
        RETURNING nik)
      DELETE FROM registry_people WHERE nik IN (SELECT nik FROM r)`);
  };

  // The work tables are temporary (no autovacuum): without statistics the planner guesses their
  // sizes from their pages, and a wrong guess (a nested loop over the loaded rows for each
  // problem row) once cost seconds instead of milliseconds. Their sizes are what matters, so a
  // small sample does.
  await analyzeSampled(tx, 10, `${S} (row_no, kk, nik), ${D} (row_no, kk), ${P} (row_no, severity)`);
  // Rows undone by later rows (duplicate NIKs) were reported while reading.
  await rejectFlagged();

  // What the register holds for the staged rows (families this import made included).
  await run(`UPDATE ${S} s SET person_id = p.id, person_village = p.village_code
    FROM registry_people p WHERE p.nik = s.nik`);
  await run(`UPDATE ${S} s SET family_id = f.id, family_village = f.village_code
    FROM registry_families f WHERE f.kk = s.kk`);
  const scope = (column: string) =>
    `(${column} LIKE '${prefix.replace(/'/g, "''")}'${village ? ` AND ${column} = '${village.replace(/'/g, "''")}'` : ''})`;
  await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT row_no, 1, 'NIK', nik, 'error', 'NIK sudah terdaftar di desa ' || person_village || ', di luar wilayah Anda; perpindahan diproses oleh wilayah asal'
    FROM ${S} WHERE person_id IS NOT NULL AND outcome <> 'rejected' AND NOT ${scope('person_village')}`);
  await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT row_no, 0, 'No KK', kk, 'error', 'No KK sudah terdaftar di desa ' || family_village || ', di luar wilayah Anda'
    FROM ${S} WHERE family_id IS NOT NULL AND outcome <> 'rejected' AND NOT ${scope('family_village')}`);
  await rejectFlagged();

  const policy = req.options.onExisting;
  if (policy === 'report') {
    await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT row_no, 1, 'NIK', nik, 'error', 'NIK sudah ada di register (kebijakan: laporkan)'
      FROM ${S} WHERE person_id IS NOT NULL AND outcome = 'new'`);
    await rejectFlagged();
  } else if (policy === 'skip') {
    await run(`UPDATE ${S} SET outcome = 'skipped' WHERE person_id IS NOT NULL AND outcome = 'new'`);
  } else {
    await run(`UPDATE ${S} s SET outcome = CASE WHEN
        (${personColumns.map((f) => `p.${f}`).join(', ')}, p.family_id) IS NOT DISTINCT FROM
        (${personColumns.map((f) => `s.${f}`).join(', ')}, s.family_id)
      THEN 'unchanged' ELSE 'update' END
      FROM registry_people p WHERE p.id = s.person_id AND s.outcome = 'new'`);
  }

  const live = `('new', 'update', 'unchanged')`;
  // The file's rows of a family that are still in: staged and live, or loaded and not refused.
  const fileRows = `(SELECT row_no, kk, relationship FROM ${S} WHERE outcome IN ${live}
    UNION ALL SELECT row_no, kk, relationship FROM ${D} WHERE NOT rejected)`;
  // Exactly one head per family. Families that meet the register, or lost a row after it was
  // loaded, are counted in SQL with the members the register keeps; the rest were counted
  // while reading.
  await run(`CREATE TEMP TABLE ${S}_unsettled ON COMMIT DROP AS
    SELECT DISTINCT kk FROM ${S} WHERE person_id IS NOT NULL OR family_id IS NOT NULL`);
  if (args.read.unsettledKk.length > 0)
    await run(
      `INSERT INTO ${S}_unsettled (kk) VALUES ${args.read.unsettledKk.map((k) => `('${k}')`).join(', ')}`,
    );
  const { headProblems } = args.read;
  for (let i = 0; i < headProblems.length; i += 1000) {
    const values = headProblems
      .slice(i, i + 1000)
      .map((h) => `('${h.kk}', '${h.message.replace(/'/g, "''")}')`)
      .join(', ');
    await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT s.row_no, 6, 'Hubungan Keluarga', s.relationship, 'error', b.message
      FROM ${fileRows} s JOIN (VALUES ${values}) AS b(kk, message) ON b.kk = s.kk
      WHERE b.kk NOT IN (SELECT kk FROM ${S}_unsettled)`);
  }
  await run(`WITH fh AS (
      SELECT kk, count(*) FILTER (WHERE relationship = 'kepala_keluarga') AS heads,
        string_agg(row_no::text, ', ' ORDER BY row_no) FILTER (WHERE relationship = 'kepala_keluarga') AS head_rows
      FROM ${fileRows} r WHERE kk IN (SELECT kk FROM ${S}_unsettled) GROUP BY kk),
    rh AS (
      SELECT f.kk, count(*) AS heads FROM registry_people p JOIN registry_families f ON f.id = p.family_id
      WHERE f.kk IN (SELECT kk FROM fh) AND p.relationship = 'kepala_keluarga' AND p.id <= ${ids.people}
        AND NOT EXISTS (SELECT 1 FROM ${S} x WHERE x.person_id = p.id AND x.outcome IN ${live})
      GROUP BY f.kk),
    bad AS (
      SELECT fh.kk, fh.heads + coalesce(rh.heads, 0) AS total, fh.head_rows, coalesce(rh.heads, 0) AS kept
      FROM fh LEFT JOIN rh ON rh.kk = fh.kk
      WHERE fh.heads + coalesce(rh.heads, 0) <> 1)
    INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT s.row_no, 6, 'Hubungan Keluarga', s.relationship, 'error',
      CASE WHEN b.total = 0 THEN 'keluarga No KK ' || s.kk || ' tidak punya Kepala Keluarga'
      ELSE 'keluarga No KK ' || s.kk || ' punya ' || b.total || ' Kepala Keluarga'
        || coalesce(' (baris ' || b.head_rows || ')', '')
        || CASE WHEN b.kept > 0 THEN ' termasuk yang sudah di register' ELSE '' END END
    FROM ${fileRows} s JOIN bad b ON b.kk = s.kk`);
  await rejectFlagged();

  // A person this file moves to another KK leaves a family the file does not mention: say when
  // it is left without its head, or without anyone (a warning; the move is the file's). Only
  // moves that survived every check above are said.
  const [left] = await tx.query<{ n: string | number }>(`WITH moved AS (
      SELECT s.row_no, s.kk, p.id AS person_id, p.relationship, f.id AS family_id, f.kk AS old_kk
      FROM ${S} s JOIN registry_people p ON p.id = s.person_id JOIN registry_families f ON f.id = p.family_id
      WHERE s.outcome = 'update' AND f.kk <> s.kk
        AND f.kk NOT IN (SELECT kk FROM ${S} WHERE outcome IN ${live})),
    staying AS (
      SELECT o.family_id, count(*) AS members,
        count(*) FILTER (WHERE o.relationship = 'kepala_keluarga') AS heads
      FROM registry_people o WHERE o.family_id IN (SELECT family_id FROM moved)
        AND NOT EXISTS (SELECT 1 FROM ${S} x WHERE x.person_id = o.id AND x.outcome = 'update')
      GROUP BY o.family_id),
    warned AS (
      INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT m.row_no, 0, 'No KK', m.kk, 'warning',
        CASE WHEN coalesce(st.members, 0) = 0
          THEN 'pindah dari No KK ' || m.old_kk || ', yang kini tidak punya anggota lagi'
          ELSE 'Kepala Keluarga pindah dari No KK ' || m.old_kk || ', yang kini tidak punya Kepala Keluarga' END
      FROM moved m LEFT JOIN staying st ON st.family_id = m.family_id
      WHERE coalesce(st.members, 0) = 0 OR (m.relationship = 'kepala_keluarga' AND st.heads = 0)
      RETURNING 1)
    SELECT count(*) AS n FROM warned`);
  const warnings = args.read.warnings + Number(left?.n ?? 0);
  const rejectedStaged = await number(`SELECT count(*) AS n FROM ${S} WHERE outcome = 'rejected'`);
  const rejectedDirect = await number(`SELECT count(*) AS n FROM ${D} WHERE rejected`);
  const anyError = (await number(`SELECT count(*) AS n FROM (${errorRows} LIMIT 1) e`)) > 0;
  const counts = await tx.query<{ outcome: string; n: string | number }>(
    `SELECT outcome, count(*) AS n FROM ${S} GROUP BY outcome`,
  );
  const count = (o: string) => Number(counts.find((c) => c.outcome === o)?.n ?? 0);
  const rejected = args.read.rejectedEarly + rejectedStaged + rejectedDirect;

  if (anyError && req.options.onError === 'reject_all')
    throw new Refused({
      importId,
      status: 'rejected',
      rowsRead: args.read.rowsRead,
      ...nothingMerged,
      rejected,
      warnings,
      message:
        'berkas ditolak seluruhnya karena ada baris yang salah (kebijakan: tolak semua); register tidak berubah',
      errorFile: await writeProblemFile(tx.db, P, req.errorDir, importId),
      fileSha256: args.read.fileSha256,
    });
  args.onPhase('menggabungkan');
  const { user, note: noteSql } = writtenBy(req, importId);

  // Families the file changes (policy update): keep the old state, then write the new.
  let familiesUpdated = 0;
  if (policy === 'update') {
    await run(`CREATE TEMP TABLE ${S}_fam ON COMMIT DROP AS
      SELECT f.id, ${familyColumns.map((x) => `s.${x}`).join(', ')}
      FROM ${S} s JOIN registry_families f ON f.id = s.family_id
      WHERE s.kk_first AND f.id <= ${ids.families}
        AND EXISTS (SELECT 1 FROM ${S} x WHERE x.kk = s.kk AND x.outcome IN ${live})
        AND (${familyColumns.map((x) => `s.${x}`).join(', ')}) IS DISTINCT FROM (${familyColumns.map((x) => `f.${x}`).join(', ')})`);
    await run(`INSERT INTO registry_family_versions (family_id, version, valid_from, valid_to, changed_by, change_note, data)
      SELECT f.id, f.version, f.valid_from, now(), f.changed_by, f.change_note, to_jsonb(f)
      FROM registry_families f JOIN ${S}_fam u ON u.id = f.id`);
    await run(`UPDATE registry_families f SET ${familyColumns.map((x) => `${x} = u.${x}`).join(', ')},
        version = f.version + 1, valid_from = now(), changed_by = ${user}, change_note = ${noteSql}
      FROM ${S}_fam u WHERE u.id = f.id`);
    familiesUpdated = await number(`SELECT count(*) AS n FROM ${S}_fam`);
    await run(`UPDATE registry_people p SET village_code = u.village_code
      FROM ${S}_fam u WHERE p.family_id = u.id AND p.village_code <> u.village_code`);
  }

  // Every family of the file is in the register by now: each batch made its new ones.
  await run(`INSERT INTO registry_people (nik, family_id, village_code, ${personColumns.join(', ')}, changed_by, change_note)
    SELECT s.nik, f.id, f.village_code, ${personColumns.map((x) => `s.${x}`).join(', ')}, ${user}, ${noteSql}
    FROM ${S} s JOIN registry_families f ON f.kk = s.kk WHERE s.outcome = 'new' ORDER BY s.nik`);

  if (count('update') > 0) {
    await run(`INSERT INTO registry_person_versions (person_id, version, family_id, valid_from, valid_to, changed_by, change_note, data)
      SELECT p.id, p.version, p.family_id, p.valid_from, now(), p.changed_by, p.change_note, to_jsonb(p)
      FROM registry_people p JOIN ${S} s ON s.person_id = p.id WHERE s.outcome = 'update'`);
    await run(`UPDATE registry_people p SET ${personColumns.map((x) => `${x} = s.${x}`).join(', ')},
        family_id = f.id, village_code = f.village_code,
        version = p.version + 1, valid_from = now(), changed_by = ${user}, change_note = ${noteSql}
      FROM ${S} s JOIN registry_families f ON f.kk = s.kk
      WHERE s.person_id = p.id AND s.outcome = 'update'`);
  }

  // A family made while reading whose every row was refused or skipped afterwards is taken out
  // again. Only families with such a row can be empty: those of loaded rows refused later, and
  // those of staged rows.
  await run(`DELETE FROM registry_families f WHERE f.id > ${ids.families}
    AND f.kk IN (SELECT kk FROM ${D} WHERE rejected UNION SELECT kk FROM ${S})
    AND NOT EXISTS (SELECT 1 FROM registry_people p WHERE p.family_id = f.id)`);

  // The counts of the villages this import touched, before and after a move.
  await run(`WITH touched AS (
      SELECT DISTINCT v FROM (SELECT village_code AS v FROM ${S} UNION ALL SELECT person_village FROM ${S}
        UNION ALL SELECT family_village FROM ${S}
        UNION ALL SELECT village_code FROM registry_families WHERE id > ${ids.families}) t WHERE v IS NOT NULL),
    pc AS (SELECT village_code, count(*) AS n FROM registry_people
      WHERE village_code IN (SELECT v FROM touched) GROUP BY village_code),
    fc AS (SELECT village_code, count(*) AS n FROM registry_families
      WHERE village_code IN (SELECT v FROM touched) GROUP BY village_code)
    INSERT INTO registry_village_counts (village_code, people, families)
    SELECT t.v, coalesce(pc.n, 0), coalesce(fc.n, 0)
    FROM touched t LEFT JOIN pc ON pc.village_code = t.v LEFT JOIN fc ON fc.village_code = t.v
    ON CONFLICT (village_code) DO UPDATE SET people = excluded.people, families = excluded.families`);

  // The names search matches on (see `registry_names`): the new people's and the changed ones'.
  await run(`INSERT INTO registry_names (name)
    SELECT DISTINCT name FROM (SELECT name FROM registry_people WHERE id > ${ids.people}
      UNION ALL SELECT name FROM ${S} WHERE outcome = 'update') n
    ON CONFLICT DO NOTHING`);

  const merged = {
    loaded: count('new') + (await number(`SELECT count(*) AS n FROM ${D} WHERE NOT rejected`)),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    familiesLoaded: await number(`SELECT count(*) AS n FROM registry_families WHERE id > ${ids.families}`),
    familiesUpdated,
  };
  // The import's record is closed in this transaction, so it commits with the register or not at all.
  const result = {
    importId,
    status: 'done' as const,
    message: `${merged.loaded} orang baru, ${merged.updated} diperbarui, ${merged.unchanged} tetap, ${merged.skipped} dilewati; ${merged.familiesLoaded} keluarga baru, ${merged.familiesUpdated} keluarga diperbarui`,
    rowsRead: args.read.rowsRead,
    ...merged,
    rejected,
    warnings,
    errorFile: await writeProblemFile(tx.db, P, req.errorDir, importId),
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

/**
 * After a merge that grew or changed the register by a tenth or more, the planner's statistics
 * are refreshed at once: PGlite has no autovacuum, and on PostgreSQL the searches right after a
 * large first import would otherwise be planned for an empty table.
 */
async function refreshStatistics(session: BulkSession, written: number): Promise<void> {
  if (written === 0) return;
  const [known] = await session.query<{ n: number }>(
    `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'registry_people'::regclass`,
  );
  const before = Number(known?.n ?? -1);
  if (before >= 0 && written < before / 10) return;
  // The columns searches and the import's own joins filter and join on. NIK and KK are left
  // out: a unique index already tells the planner that each matches one row. A sample of 9,000
  // rows (instead of 30,000) is plenty for choosing an index scan, and a third of the time.
  await session.transaction((tx) =>
    analyzeSampled(
      tx,
      30,
      'registry_people (family_id, village_code, name), registry_families (village_code), registry_names',
    ),
  );
}

/**
 * ANALYZE with a sample of 300 × `target` rows a table, inside the caller's transaction (the
 * setting ends with it).
 */
async function analyzeSampled(tx: BulkSession, target: number, tables: string): Promise<void> {
  await tx.exec(`SET LOCAL default_statistics_target = ${target}; ANALYZE ${tables}`);
}

/** Writes the problems, in row order, as a CSV Excel opens (UTF-8 with BOM); null when there are none. */
async function writeProblemFile(
  db: Db,
  problems: string,
  dir: string,
  importId: number,
): Promise<string | null> {
  const table = sql.raw(problems);
  const [first] = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM ${table}`);
  if (Number(first?.n ?? 0) === 0) return null;
  mkdirSync(dir, { recursive: true });
  const name = `impor-${importId}-masalah.csv`;
  const out = createWriteStream(path.join(dir, name));
  out.write(`\uFEFF${csvLine(['Baris', 'Kolom', 'Nilai', 'Tingkat', 'Pesan', 'Keterangan'])}`);
  let after = { row: -1, order: -1, seq: 0 };
  for (;;) {
    const batch = await rows<{
      row_no: number;
      col_order: number;
      col: string;
      value: string;
      severity: string;
      message: string;
      seq: string | number;
    }>(
      db,
      sql`SELECT row_no, col_order, col, value, severity, message, seq FROM ${table}
        WHERE (row_no, col_order, seq) > (${after.row}, ${after.order}, ${after.seq})
        ORDER BY row_no, col_order, seq LIMIT 20000`,
    );
    const last = batch[batch.length - 1];
    if (!last) break;
    let chunk = '';
    for (const r of batch) {
      const level = r.severity === 'error' ? 'galat' : 'peringatan';
      chunk += csvLine([
        String(r.row_no),
        r.col,
        r.value,
        level,
        r.message,
        `baris ${r.row_no}, kolom ${r.col}: ${r.message}`,
      ]);
    }
    await writeChunk(out, chunk);
    after = { row: last.row_no, order: last.col_order, seq: Number(last.seq) };
  }
  out.end();
  await finished(out);
  return name;
}
