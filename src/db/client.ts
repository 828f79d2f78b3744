import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
/**
 * The common type of both drivers' databases (and of their transactions). Queries name their
 * tables themselves; db/ knows no module's tables (drizzle-kit finds them by glob).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Set for the embedded engine; used by tests and bulk loads. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * The embedded engine's options, wherever it is opened. The register's name search uses
 * trigrams. The buffer cache lives in this process's memory: with PGlite's default (128 MB)
 * opening the engine cost some 220 MB of resident memory, at 32 MB about 120 MB. Pages beyond
 * it come from the operating system's file cache, which holds the data folder anyway.
 */
export const pgliteOptions = { extensions: { pg_trgm }, postgresqlconf: ['shared_buffers = 32MB'] };

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite engine is used. */
  url?: string | undefined;
  /** Folder for the embedded engine's files; absent = in memory. */
  dataDir?: string | undefined;
  /** An already-open PGlite instance (tests load it from a template). */
  pglite?: PGlite;
  poolSize?: number;
}

/** Thrown when another live process has the embedded database's folder open. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `folder data ${dir} sedang dipakai proses lain (pid ${pid}), misalnya \`jaring serve\`; hentikan proses itu dulu, atau impor lewat halaman web / data folder ${dir} is in use by process ${pid}`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !zombie(pid);
};

/**
 * A process killed (kill -9) but not yet reaped by its parent still answers signal 0; it holds
 * no file open. On Linux its state in /proc says so; elsewhere the signal is all there is.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (name) state …`; the name may hold spaces and parentheses.
    const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/** Data folders this process has open (a lock file naming this pid may be a dead namesake's). */
const heldHere = new Set<string>();

/**
 * PGlite keeps one writer per folder and nothing stops a second process from opening it too,
 * which corrupts it. A lock file with the owner's pid keeps a second process out; one left by a
 * process that died is taken over. A lock naming this very pid that this process does not hold
 * was left by an earlier process that had the same pid (a container's first process restarted).
 */
function lockDataDir(dir: string): () => void {
  if (heldHere.has(dir)) throw new DataDirBusyError(dir, process.pid);
  const file = path.join(dir, 'jaring.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(dir);
      return () => {
        heldHere.delete(dir);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new DataDirBusyError(dir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover, a dropped database) must not
    // crash the process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`database connection lost: ${error.message}`);
    });
    // Fail fast with a clear error when the server is unreachable.
    const client = await pool.connect();
    client.release();
    const db = drizzleNodePg(pool) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  let pglite = opts.pglite;
  let unlock = () => {};
  if (!pglite) {
    if (opts.dataDir) {
      const dir = path.resolve(opts.dataDir, 'pgdata');
      mkdirSync(dir, { recursive: true });
      unlock = lockDataDir(path.resolve(opts.dataDir));
      try {
        pglite = new PGlite(dir, pgliteOptions);
        await pglite.waitReady;
      } catch (error) {
        unlock();
        throw error;
      }
    } else {
      pglite = new PGlite(pgliteOptions);
      await pglite.waitReady;
    }
  }
  const db = drizzlePglite(pglite) as unknown as Db;
  const instance = pglite;
  return {
    db,
    kind: 'pglite',
    pglite: instance,
    close: async () => {
      try {
        await instance.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Runs the committed SQL migrations (forward only); safe to call from several instances at once. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres' && database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7238001)');
      await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(7238001)').catch(() => undefined);
      client.release();
    }
    return;
  }
  if (!database.pglite) throw new Error('PGlite instance missing');
  await migratePglite(drizzlePglite(database.pglite), { migrationsFolder });
}

/** Rows of a raw query, whichever driver. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
