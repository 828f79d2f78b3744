import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import type { Database } from '../db/client.ts';
import { recordAudit, systemActor, verifyAuditChain } from './audit.service.ts';

describe('audit chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 5; i++) {
      await recordAudit(database.db, systemActor, {
        action: 'test.write',
        entity: 'thing',
        entityId: i,
        before: { n: i },
        after: { n: i + 1, nested: { b: 2, a: 1 } },
      });
    }
  });
  afterAll(() => database.close());

  it('verifies an intact chain (seed entries included)', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses UPDATE and DELETE through the trigger', async () => {
    const cause = async (q: Promise<unknown>) => {
      try {
        await q;
        return 'no error';
      } catch (error) {
        const e = error as Error & { cause?: Error };
        return `${e.message} ${e.cause?.message ?? ''}`;
      }
    };
    expect(await cause(database.db.execute(sql`UPDATE audit_log SET action = 'x'`))).toMatch(
      /append-only \(UPDATE refused\)/,
    );
    expect(await cause(database.db.execute(sql`DELETE FROM audit_log`))).toMatch(
      /append-only \(DELETE refused\)/,
    );
  });

  it('reports the first altered row when someone bypasses the trigger', async () => {
    const [target] = (
      (await database.db.execute(
        sql`SELECT seq FROM audit_log WHERE action = 'test.write' ORDER BY seq OFFSET 2 LIMIT 1`,
      )) as unknown as { rows: Array<{ seq: number }> }
    ).rows;
    const seq = Number(target?.seq);
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await database.db.execute(sql`UPDATE audit_log SET after = '{"n": 999}'::jsonb WHERE seq = ${seq}`);
    const altered = await verifyAuditChain(database.db, 2);
    expect(altered.ok).toBe(false);
    expect(altered.broken?.seq).toBe(seq);
    expect(altered.broken?.reason).toBe('altered');

    // Removing a row instead shows up as a broken link at the row after it.
    await database.db.execute(sql`DELETE FROM audit_log WHERE seq = ${seq}`);
    const removed = await verifyAuditChain(database.db);
    expect(removed.ok).toBe(false);
    expect(removed.broken?.reason).toBe('link');
    expect(removed.broken?.seq).toBeGreaterThan(seq);
    await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });
});
