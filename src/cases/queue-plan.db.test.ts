import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { type Database, rows } from '../db/client.ts';
import { queueQuery } from './cases.repository.ts';

/** A literal for EXECUTE's arguments, which cannot be bound. */
const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

describe("a role's queue is read off its partial index", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  // The planner may use `cases_waiting_due` only when it can prove the query's status filter
  // implies the index's predicate, also in the generic plan of a prepared statement, where the
  // statuses are parameters. Scans and sorts are priced out so that the plan shows which it can.
  it.each(['force_custom_plan', 'force_generic_plan'])('%s: in order, without a sort', async (mode) => {
    const query = queueQuery(database.db, 1, { open: ['kabid'], scoped: [], divisionCode: undefined }, 25);
    if (!query) throw new Error('the scope holds a role');
    const { sql: text, params } = query.toSQL();
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_sort = off`);
      await tx.execute(sql.raw(`SET LOCAL plan_cache_mode = ${mode}`));
      await tx.execute(sql.raw(`PREPARE queue_plan AS ${text}`));
      const [row] = await rows<{ 'QUERY PLAN': unknown }>(
        tx,
        sql.raw(`EXPLAIN (FORMAT JSON) EXECUTE queue_plan(${params.map(literal).join(', ')})`),
      );
      await tx.execute(sql`DEALLOCATE queue_plan`);
      return JSON.stringify(row?.['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"cases_waiting_due"');
    expect(plan).not.toContain('"Node Type":"Sort"');
    expect(plan).not.toContain('"Node Type":"Incremental Sort"');
  });
});
