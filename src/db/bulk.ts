import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client.ts';

/**
 * One database session for bulk work: raw queries, `COPY … FROM` in text format, and a Drizzle
 * handle on the same session, so temporary tables made by one are seen by the others. On
 * PostgreSQL it holds one pooled connection until released; PGlite has a single session.
 */
export interface BulkSession {
  kind: Database['kind'];
  db: Db;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several `;`-separated statements (no parameters) in one round trip. */
  exec(text: string): Promise<void>;
  /** Loads COPY text-format lines (already escaped, each ending in `\n`), as text or UTF-8 bytes. */
  copyIn(table: string, columns: readonly string[], data: string | Uint8Array): Promise<void>;
  /**
   * Runs `work` in one transaction on this session: its `db`, queries and COPYs are all inside
   * it. On PGlite the transaction holds the engine's lock, so other requests wait for it.
   */
  transaction<T>(work: (tx: BulkSession) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

/**
 * The bytes of a COPY for PGlite's `/dev/blob`. A `Blob` would copy a batch twice (into the
 * blob, then out of it): at a million rows those megabytes of garbage a batch kept the
 * process's memory high. PGlite (0.5) reads a blob only through `arrayBuffer()`, which must be
 * exactly the bytes: a whole buffer goes as it is, a view into a larger one (or text) is copied
 * once. Every PGlite import test COPYs through here, so a PGlite that read blobs otherwise would
 * fail them all.
 */
function bytesBlob(data: string | Uint8Array): Blob {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  // (A copy: `slice` of a Node Buffer would be a view.)
  const buffer = whole ? bytes.buffer : new Uint8Array(bytes).buffer;
  return { size: bytes.byteLength, arrayBuffer: async () => buffer } as Blob;
}

export async function openBulkSession(database: Database): Promise<BulkSession> {
  if (database.kind === 'postgres' && database.pool) {
    const client: pg.PoolClient = await database.pool.connect();
    const onClient = (db: Db): BulkSession => ({
      kind: 'postgres',
      db,
      async query<T>(text: string, params: unknown[] = []) {
        return (await client.query(text, params)).rows as T[];
      },
      async exec(text) {
        await client.query(text);
      },
      async copyIn(table, columns, data) {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(
          (async function* () {
            yield data;
          })(),
          stream,
        );
      },
      // Drizzle's transaction on this one client: raw queries and COPYs on it are inside it too.
      transaction: (work) => db.transaction((tx) => work(onClient(tx as unknown as Db))),
      async release() {
        client.release();
      },
    });
    return onClient(drizzleNodePg(client) as unknown as Db);
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('PGlite instance missing');
  // PGlite runs in this thread and each statement holds it until done; bulk work issues them
  // back to back through promise continuations, which never let the event loop take other
  // I/O. A turn of the loop before each statement lets the server answer meanwhile (an
  // upload's progress, for one).
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const onPglite = (db: Db, client: Pick<PGlite, 'query' | 'exec'>): BulkSession => ({
    kind: 'pglite',
    db,
    async query<T>(text: string, params: unknown[] = []) {
      await turn();
      return (await client.query<T>(text, params)).rows;
    },
    async exec(text) {
      await turn();
      await client.exec(text);
    },
    async copyIn(table, columns, data) {
      await turn();
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: bytesBlob(data),
      });
    },
    // Inside PGlite's transaction every statement must go through its handle: the instance
    // itself waits for the transaction to end. Drizzle's transaction object carries it.
    transaction: (work) =>
      db.transaction((tx) =>
        work(
          onPglite(
            tx as unknown as Db,
            (tx as unknown as { session: { client: Pick<PGlite, 'query' | 'exec'> } }).session.client,
          ),
        ),
      ),
    async release() {},
  });
  return onPglite(database.db, pglite);
}
