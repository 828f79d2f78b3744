import { pipeline } from 'node:stream/promises';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client.ts';
import * as schema from './schema.ts';

/**
 * One database session for bulk work: raw queries, `COPY … FROM` in text format, and a Drizzle
 * handle on the same session, so temporary tables made by one are seen by the others. On
 * PostgreSQL it holds one pooled connection until released; PGlite has a single session.
 */
export interface BulkSession {
  kind: Database['kind'];
  db: Db;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Loads COPY text-format lines (already escaped, each ending in `\n`), as text or UTF-8 bytes. */
  copyIn(table: string, columns: readonly string[], data: string | Uint8Array): Promise<void>;
  release(): Promise<void>;
}

export async function openBulkSession(database: Database): Promise<BulkSession> {
  if (database.kind === 'postgres' && database.pool) {
    const client: pg.PoolClient = await database.pool.connect();
    return {
      kind: 'postgres',
      db: drizzleNodePg(client, { schema }) as unknown as Db,
      async query<T>(text: string, params: unknown[] = []) {
        return (await client.query(text, params)).rows as T[];
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
      async release() {
        client.release();
      },
    };
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('PGlite instance missing');
  return {
    kind: 'pglite',
    db: database.db,
    async query<T>(text: string, params: unknown[] = []) {
      return (await pglite.query<T>(text, params)).rows;
    },
    async copyIn(table, columns, data) {
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([data as BlobPart]),
      });
    },
    async release() {},
  };
}

/** A value in COPY text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}
