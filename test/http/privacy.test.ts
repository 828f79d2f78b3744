import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor, verifyAuditChain } from '../../src/audit/audit.service.ts';
import { rows } from '../../src/db/client.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * Issue 12, finding 4: a case's and a payout's NIK reach only those who reveal it with a
 * reason; personal-data answers are not cached.
 */
describe('privacy: NIKs masked outside the answers that exist to show them', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let auditor: Agent;
  let caseId = 0;
  let trackingCode = '';
  const nik = '3314011708900001';
  const masked = '3314********0001';

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    officer = await signedIn(t.app, 'sragen.fungsional');
    auditor = await signedIn(t.app, 'sragen.auditor');
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno', nik },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    trackingCode = opened.json().trackingCode;
  });
  afterAll(() => t.close());

  it('shows a case’s applicant NIK masked to every role that reads cases', async () => {
    for (const [agent, mayReveal] of [
      [auditor, false],
      [fo, true],
      [officer, true],
    ] as const) {
      const res = await agent.get(`/api/cases/${caseId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().case.applicant).toEqual({ name: 'Bambang Sutrisno', nik: masked });
      // What the page needs to offer the reveal button, or not.
      expect(res.json().mayRevealNik).toBe(mayReveal);
      expect(res.body).not.toContain(nik);
    }
    const queue = await fo.get('/api/cases');
    expect(queue.body).toContain('Bambang Sutrisno');
    expect(queue.body).not.toContain(nik);
    const tracking = await fo.get(`/api/public/track/${trackingCode}`);
    expect(tracking.json().firstName).toBe('Bambang');
    expect(tracking.body).not.toContain(nik);
  });

  it('reveals a case’s NIK with a reason to a role of its workflow, audited; refuses without', async () => {
    const url = `/api/cases/${caseId}/reveal`;
    const none = await fo.post(url, {});
    expect(none.statusCode).toBe(422);
    expect(none.body).not.toContain(nik);
    const short = await fo.post(url, { reason: '   x   ' }, { 'accept-language': 'id' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.problems).toEqual([
      { path: 'body.reason', message: 'alasan minimal 5 karakter' },
    ]);

    // Read-only roles see the masked number only.
    for (const who of ['sragen.auditor', 'sragen.kadis']) {
      const reader = await signedIn(t.app, who);
      const refused = await reader.post(url, { reason: 'ingin melihat saja' }, { 'accept-language': 'id' });
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json().error).toMatchObject({
        code: 'case.reveal_forbidden',
        message: 'Peran Anda tidak berwenang melihat NIK lengkap pemohon.',
      });
    }
    // Nobody signed in: refused before anything is read.
    expect((await new Agent(t.app).post(url, { reason: 'cocokkan dengan KTP' })).statusCode).toBe(401);
    // Another unit's staff do not find the case at all.
    const tarakan = await signedIn(t.app, 'tarakan.kabid');
    expect((await tarakan.post(url, { reason: 'cek identitas pemohon' })).statusCode).toBe(404);

    const before = await auditCount('case.reveal');
    const shown = await fo.post(url, { reason: 'cocokkan dengan KTP' });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ value: nik });
    // A role with registry.reveal may too, outside the workflow.
    const kabid = await signedIn(t.app, 'sragen.kabid');
    expect((await kabid.post(url, { reason: 'verifikasi klaim berulang' })).json()).toEqual({ value: nik });
    const audit = await rows<{ actor_username: string; entity_id: string; after: unknown }>(
      t.database.db,
      sql`SELECT actor_username, entity_id, after FROM audit_log WHERE action = 'case.reveal' ORDER BY seq`,
    );
    expect(audit.length - before).toBe(2);
    expect(audit.slice(-2)).toEqual([
      {
        actor_username: 'sragen.fo',
        entity_id: String(caseId),
        after: { kind: 'nik', reason: 'cocokkan dengan KTP' },
      },
      {
        actor_username: 'sragen.kabid',
        entity_id: String(caseId),
        after: { kind: 'nik', reason: 'verifikasi klaim berulang' },
      },
    ]);

    const without = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Tanpa KTP' },
    });
    const noNik = await fo.post(`/api/cases/${without.json().id}/reveal`, { reason: 'cocokkan dengan KTP' });
    expect(noNik.statusCode).toBe(404);
    expect(noNik.json().error.code).toBe('case.nik_not_found');
  });

  it('masks the cash book and the repeat-claim check; the kwitansi PDF keeps the full NIK', async () => {
    const police = await fo.upload(
      `/api/cases/${caseId}/documents/surat-keterangan-kepolisian`,
      Buffer.from('%PDF-1.4 polsek'),
    );
    expect(police.statusCode).toBe(201);
    const forward = await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 });
    expect(forward.statusCode, forward.body).toBe(200);
    expect(forward.body).not.toContain(nik);
    const paid = await officer.post(`/api/cases/${caseId}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.body).not.toContain(nik);

    for (const agent of [auditor, officer]) {
      const book = await agent.get('/api/relief/payouts');
      expect(book.statusCode).toBe(200);
      expect(book.json().payouts).toHaveLength(1);
      expect(book.json().payouts[0]).toMatchObject({ name: 'Bambang Sutrisno', nik: masked });
      expect(book.body).not.toContain(nik);
    }
    const claims = await officer.get(`/api/relief/claims/${nik}`);
    expect(claims.json().claims).toHaveLength(1);
    expect(claims.body).not.toContain(nik);
    const [lookup] = await rows<{ entity_id: string }>(
      t.database.db,
      sql`SELECT entity_id FROM audit_log WHERE action = 'relief.claims_lookup' ORDER BY seq DESC LIMIT 1`,
    );
    expect(lookup?.entity_id).toBe(masked);

    // The papers handed to the traveller identify them.
    const payout = (await officer.get('/api/relief/payouts')).json().payouts[0];
    const receipt = await officer.get(`/api/relief/payouts/${payout.id}/kwitansi`);
    expect(pdfText(receipt.rawPayload)).toContain(`NIK ${nik}`);
    const letter = paid.json().letters[0];
    const pdf = await officer.get(`/api/cases/${caseId}/letters/${letter.id}/pdf`);
    expect(pdfText(pdf.rawPayload)).toContain(nik);
    const verify = await fo.get(`/api/public/verify/${letter.verificationCode}`);
    expect(verify.statusCode).toBe(200);
    expect(verify.body).not.toContain(nik);
    expect(verify.body).not.toContain('Bambang');
  });

  it('keeps full NIKs out of the audit chain, and the chain still verifies', async () => {
    await recordAudit(t.database.db, systemActor, {
      action: 'test.privacy',
      entity: 'case',
      before: { applicant: { name: 'Bambang', nik } },
      after: { kk: '3314012001240001', note: 'tetap' },
    });
    const [entry] = await rows<{ before: unknown; after: unknown }>(
      t.database.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'test.privacy'`,
    );
    expect(entry).toEqual({
      before: { applicant: { name: 'Bambang', nik: masked } },
      after: { kk: '3314********0001', note: 'tetap' },
    });
    // A 16-digit number standing alone; a hash's hex digits (a letter's sha256) are not one.
    const alone = '(^|[^0-9a-zA-Z])[0-9]{16}([^0-9a-zA-Z]|$)';
    const [full] = await rows<{ n: string | number }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM audit_log WHERE before::text ~ ${alone} OR after::text ~ ${alone} OR entity_id ~ ${alone}`,
    );
    expect(Number(full?.n)).toBe(0);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('answers personal data with Cache-Control: no-store, public standards and regions cacheable', async () => {
    const payout = (await officer.get('/api/relief/payouts')).json().payouts[0];
    const letterCode = (await fo.get(`/api/cases/${caseId}`)).json().letters[0].verificationCode;
    const noStore = [
      await auditor.get(`/api/cases/${caseId}`),
      await auditor.get('/api/cases'),
      await auditor.get('/api/relief/payouts'),
      await officer.get(`/api/relief/payouts/${payout.id}/kwitansi`),
      await fo.post(`/api/cases/${caseId}/reveal`, { reason: 'cocokkan dengan KTP' }),
      await fo.get('/api/auth/me'),
      await fo.get('/api/cases/999999'),
      await auditor.get('/api/audit'),
      // Public answers about a person or their letter, signed in or not.
      await t.app.inject({ method: 'GET', url: `/api/public/track/${trackingCode}` }),
      await t.app.inject({ method: 'GET', url: `/api/public/verify/${letterCode}` }),
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}` }),
    ];
    for (const res of noStore) expect(res.headers['cache-control'], res.body.slice(0, 80)).toBe('no-store');
    const units = await t.app.inject({ method: 'GET', url: '/api/public/units' });
    expect(units.statusCode).toBe(200);
    expect(units.headers['cache-control']).toBeUndefined();
    const regencies = await fo.get('/api/regions/regencies');
    expect(regencies.headers['cache-control']).toBe('private, max-age=86400');
  });

  const auditCount = async (action: string) =>
    Number(
      (
        await rows<{ n: string | number }>(
          t.database.db,
          sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`,
        )
      )[0]?.n,
    );
});

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');
