import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { systemActor } from '../../audit/audit.service.ts';
import { units } from '../../auth/auth.tables.ts';
import type { Database } from '../../db/client.ts';
import { registryImports } from '../registry.tables.ts';
import { createImport, failStaleImports, IMPORT_ALIVE_LOCK } from './import.service.ts';

describe('an import whose process died', () => {
  let database: Database;
  let unitId = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
    const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, 'sragen'));
    unitId = unit?.id ?? 0;
  });
  afterAll(() => database.close());

  /** A record marked running whose last heartbeat was `secondsAgo` ago. */
  const running = async (secondsAgo: number) => {
    const row = await createImport(database.db, {
      unitId,
      actor: systemActor,
      options: { onError: 'load_valid', onExisting: 'skip' },
      fileName: 'register.csv',
      format: 'csv',
      fileBytes: 100,
    });
    await database.db
      .update(registryImports)
      .set({ heartbeatAt: new Date(Date.now() - secondsAgo * 1000) })
      .where(eq(registryImports.id, row.id));
    return row.id;
  };
  const status = async (id: number) =>
    (await database.db.select().from(registryImports).where(eq(registryImports.id, id)))[0]?.status;

  it('is failed as soon as no session holds its lock, not two minutes later', async () => {
    const id = await running(30);
    await failStaleImports(database.db);
    expect(await status(id)).toBe('failed');
  });

  it('stays running while a session holds its lock, whatever its heartbeat', async () => {
    const id = await running(30);
    // Another instance's import in a long statement: its session (here another connection on
    // PostgreSQL, the one session of PGlite) holds the lock.
    const client = database.pool ? await database.pool.connect() : undefined;
    const hold = (fn: string) =>
      client
        ? client.query(`SELECT ${fn}($1, $2)`, [IMPORT_ALIVE_LOCK, id])
        : database.db.execute(sql.raw(`SELECT ${fn}(${IMPORT_ALIVE_LOCK}, ${id})`));
    await hold('pg_advisory_lock');
    try {
      await failStaleImports(database.db);
      expect(await status(id)).toBe('running');
    } finally {
      await hold('pg_advisory_unlock');
      client?.release();
    }
    await failStaleImports(database.db);
    expect(await status(id)).toBe('failed');
  });

  it('is not failed in the moment between its record and its session taking the lock', async () => {
    const id = await running(0);
    await failStaleImports(database.db);
    expect(await status(id)).toBe('running');
  });
});
