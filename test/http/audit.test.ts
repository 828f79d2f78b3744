import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

describe('audit verify and checkpoints over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs a checkpoint on demand, only when the chain grew, and lists it for printing', async () => {
    const auditor = await signedIn(t.app, 'sragen.auditor');
    const made = await auditor.post('/api/audit/checkpoints');
    expect(made.statusCode, made.body).toBe(201);
    const { checkpoint } = made.json();
    expect(checkpoint).toMatchObject({ reason: 'manual', trusted: true, alg: 'HMAC-SHA256' });
    expect(checkpoint.text).toContain('Unit                       : Dinas Sosial Kabupaten Sragen');
    expect(checkpoint.text).toContain(`Tanda tangan / HMAC-SHA256: ${checkpoint.sig}`);
    const same = await auditor.post('/api/audit/checkpoints');
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ written: false, checkpoint: { seq: checkpoint.seq } });

    const file = t.app.auditAnchor.file.file;
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    const list = await auditor.get('/api/audit/checkpoints?limit=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().checkpoints).toEqual([checkpoint]);

    const verify = await auditor.get('/api/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({
      ok: true,
      problems: [],
      checkpoint: { file, read: 1, trusted: 1, latest: { seq: checkpoint.seq, holds: true } },
    });
  });

  it('lists every problem, in the reader’s language', async () => {
    const auditor = await signedIn(t.app, 'sragen.auditor', '10.0.0.9');
    await auditor.post('/api/audit/checkpoints');
    const db = t.database.db;
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`UPDATE audit_log SET ip = '10.6.6.6' WHERE seq = 2`);
    await db.execute(sql`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const id = (await auditor.get('/api/audit/verify')).json();
    expect(id.ok).toBe(false);
    expect(id.problems.map((p: { kind: string }) => p.kind)).toEqual(['altered', 'truncated']);
    expect(id.problems[0].message).toBe('entri 2: isi tidak cocok dengan hash-nya (diubah)');
    const en = (await auditor.get('/api/audit/verify', { 'accept-language': 'en' })).json();
    expect(en.problems[0].message).toBe('entry 2: content does not match its hash (altered)');
    expect(en.problems[1].message).toMatch(/^the chain ends at entry \d+ but the signed checkpoint/);
  });
});
