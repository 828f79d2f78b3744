import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

/**
 * The audit log and the register export are named by the office's day. At 16:30 UTC it is
 * 23:30 in Sragen (WIB) and already 00:30 the next day in Tarakan (WITA); at 18:30 UTC it is
 * the next day in both.
 */
describe('downloads named by the office’s day', () => {
  let t: TestApp;
  const clock = new ManualClock(Date.parse('2026-06-10T16:30:00Z'));
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(async () => {
    await t.close();
  });

  const auditName = async (username: string) => {
    const res = await (await signedIn(t.app, username)).get('/api/audit/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    return res.headers['content-disposition'];
  };
  const registerName = async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const ask = await kabid.post('/api/registry/exports', { format: 'csv', reason: 'rekap harian' });
    expect(ask.statusCode, ask.body).toBe(200);
    const res = await kabid.get(ask.json().url);
    expect(res.statusCode, res.body).toBe(200);
    return res.headers['content-disposition'];
  };

  it('dates the audit log and the register export in the office’s time zone', async () => {
    expect(await auditName('sragen.auditor')).toBe('attachment; filename="log-audit-2026-06-10.xlsx"');
    expect(await auditName('tarakan.kadis')).toBe('attachment; filename="log-audit-2026-06-11.xlsx"');
    expect(await registerName()).toContain('filename="register-2026-06-10.csv"');
    clock.advance(2 * 3_600_000);
    expect(await auditName('sragen.auditor')).toBe('attachment; filename="log-audit-2026-06-11.xlsx"');
    expect(await registerName()).toContain('filename="register-2026-06-11.csv"');
  });
});
