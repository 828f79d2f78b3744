import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../test/app.ts';
import { rows } from '../db/client.ts';
import { recordBreaches, slaReport } from './sla.service.ts';

describe('time limits: breaches and the per-service report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records a breach once when a case passes its due time, and reports it', async () => {
    const fo = await signedIn(t.app, 'tarakan.fo');
    const open = async () =>
      (
        await fo.post('/api/cases', {
          standardId: 'sembako',
          product: 'kks-baru',
          applicant: { name: 'Andi' },
        })
      ).json().id as number;
    const late = await open();
    const onTime = await open();
    await t.database.db.execute(
      sql`UPDATE cases SET due_at = now() - interval '5 minutes' WHERE id = ${late}`,
    );

    expect(await recordBreaches(t.database.db)).toBe(1);
    expect(await recordBreaches(t.database.db)).toBe(0);
    const audit = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.breach' AND entity_id = ${String(late)}`,
    );
    expect(audit[0]?.n).toBe(1);

    // Durations set directly so the figures are exact: 12 minutes (on time) and 40 (late).
    await t.database.db.execute(
      sql`UPDATE cases SET closed_at = opened_at + interval '12 minutes', status = 'done' WHERE id = ${onTime}`,
    );
    await t.database.db.execute(
      sql`UPDATE cases SET closed_at = opened_at + interval '40 minutes', status = 'done' WHERE id = ${late}`,
    );
    const unit = (await t.database.db.execute(
      sql`SELECT id FROM units WHERE code = 'tarakan'`,
    )) as unknown as {
      rows: Array<{ id: number }>;
    };
    const [row] = await slaReport(
      t.database.db,
      Number(unit.rows[0]?.id),
      new Date(Date.now() - 86_400_000),
      new Date(Date.now() + 86_400_000),
    );
    expect(row).toMatchObject({
      standard: 'sembako',
      name: 'Fasilitas Program Sembako',
      cases: 2,
      closed: 2,
      open: 0,
      breached: 1,
      withinTimeShare: 0.5,
    });
    expect(row?.medianMinutes).toBe(26);
    expect(row?.p90Minutes).toBe(37.2);

    const kadis = await signedIn(t.app, 'tarakan.kadis');
    const today = new Date().toISOString().slice(0, 10);
    const res = await kadis.get(`/api/reports/sla?from=${today}&to=${today}`);
    expect(res.json().services[0]).toMatchObject({ standard: 'sembako', breached: 1 });
    expect((await fo.get(`/api/reports/sla?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});
