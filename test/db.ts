import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, pgliteOptions } from '../src/db/client.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated and seeded database for one test file: PGlite loaded from the template
 * dump, or (DATABASE_URL set) a PostgreSQL database cloned from the template database.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplateDb');
  if (url && template) {
    const name = `jaring_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    const database = await openDatabase({ url: dbUrl, poolSize: 8 });
    return {
      ...database,
      url: dbUrl,
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const blob = new Blob([readFileSync(file)]);
  const pglite = new PGlite({ ...pgliteOptions, loadDataDir: blob });
  await pglite.waitReady;
  return openDatabase({ pglite });
}

/**
 * A connection of its own to the test's PostgreSQL database, beside the app's pool: to hold a
 * lock, or to look at locks another transaction holds.
 */
export async function secondConnection(database: Database & { url?: string }): Promise<pg.Client> {
  if (!database.url) throw new Error('the PostgreSQL test database has no address');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return client;
}

/**
 * Waits until `n` backends of the test database wait on a lock, asked on `client`; or, when
 * `unless` settles first, returns without them (a change that takes no lock does not wait).
 */
export async function lockWaiters(client: pg.Client, n: number, unless?: Promise<unknown>): Promise<boolean> {
  let settled = false;
  const mark = () => {
    settled = true;
  };
  void unless?.then(mark, mark);
  for (let i = 0; i < 400 && !settled; i++) {
    const res = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((res.rows[0]?.n ?? 0) >= n) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (settled) return false;
  throw new Error(`fewer than ${n} backends came to wait on a lock`);
}
