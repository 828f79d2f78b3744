import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachSignedLetter, findLetterOfCase } from '../../src/documents/letters.service.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * Issue 12, finding 2: read-only roles wrote evidence. Writing to a case (documents, signed
 * letters, actions) needs a write permission, a role of the case's workflow and an open case;
 * a closed case's signed scan is replaced only by the signer's role, with a reason, and the
 * earlier scan is kept.
 */
describe('who writes to a case', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let auditor: Agent;
  let kabid: Agent;
  let admin: Agent;
  let anonymous: Agent;
  let caseId = 0;
  let letter = { id: 0, verificationCode: '' };
  const police = Buffer.from('%PDF-1.4 surat keterangan kepolisian');
  const firstScan = Buffer.from('%PDF-1.4 signed scan, first');
  const secondScan = Buffer.from('%PDF-1.4 signed scan, legible');
  const signedUrl = () => `/api/cases/${caseId}/letters/${letter.id}/signed`;
  const count = async (query: ReturnType<typeof sql>) =>
    Number(((await t.database.db.execute(query)) as unknown as { rows: Array<{ n: string }> }).rows[0]?.n);
  const verify = async (bytes: Buffer) =>
    (await anonymous.upload(`/api/public/verify/${letter.verificationCode}`, bytes)).json();

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo', '10.12.0.1');
    officer = await signedIn(t.app, 'sragen.fungsional', '10.12.0.2');
    auditor = await signedIn(t.app, 'sragen.auditor', '10.12.0.3');
    kabid = await signedIn(t.app, 'sragen.kabid', '10.12.0.4');
    admin = await signedIn(t.app, 'admin', '10.12.0.5');
    anonymous = new Agent(t.app, '10.12.0.6');
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno', nik: '3314011708900001' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
  });
  afterAll(() => t.close());

  it('refuses the auditor’s requirement document (it was 201) and roles outside the workflow', async () => {
    const url = `/api/cases/${caseId}/documents/surat-keterangan-kepolisian`;
    const byAuditor = await auditor.upload(url, police);
    expect(byAuditor.statusCode).toBe(403);
    expect(byAuditor.json().error.code).toBe('auth.forbidden');
    // Both may act on cases, but no step of Kehabisan Bekal is theirs.
    for (const agent of [kabid, admin]) {
      const res = await agent.upload(url, police);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('case.wrong_role');
    }
    expect(await count(sql`SELECT count(*) AS n FROM case_documents WHERE case_id = ${caseId}`)).toBe(0);
    // The front office takes intake documents.
    expect((await fo.upload(url, police)).statusCode).toBe(201);
  });

  it('refuses the auditor’s and other roles’ actions', async () => {
    const byAuditor = await auditor.post(`/api/cases/${caseId}/actions`, { action: 'claim', version: 1 });
    expect(byAuditor.statusCode).toBe(403);
    expect(byAuditor.json().error.code).toBe('auth.forbidden');
    const byAdmin = await admin.post(`/api/cases/${caseId}/actions`, { action: 'claim', version: 1 });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe('case.wrong_role');
    expect((await fo.get(`/api/cases/${caseId}`)).json().case.version).toBe(1);
  });

  it('closes the case with the payment and its letter; a closed case takes no document', async () => {
    expect(
      (await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 })).statusCode,
    ).toBe(200);
    const paid = await officer.post(`/api/cases/${caseId}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().state.status).toBe('done');
    letter = paid.json().letters[0];
    const late = await fo.upload(`/api/cases/${caseId}/documents/surat-keterangan-kepolisian`, police);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('case.closed');
  });

  it('takes the first signed scan of a closed case from the signer’s role, without a reason', async () => {
    const res = await officer.upload(signedUrl(), firstScan);
    expect(res.statusCode, res.body).toBe(201);
    expect((await verify(firstScan)).matches).toBe(true);
  });

  it('refuses the auditor’s replacement of the signed scan (it was 201)', async () => {
    const res = await auditor.upload(signedUrl(), secondScan, 'scan.pdf', { reason: 'pindaian lebih jelas' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    expect((await verify(firstScan)).matches).toBe(true);
    expect((await verify(secondScan)).matches).toBe(false);
  });

  it('refuses a replacement by a role that did not sign the letter', async () => {
    // The front office acts on this workflow, but the letter was issued at the payment step.
    const res = await fo.upload(signedUrl(), secondScan, 'scan.pdf', { reason: 'pindaian lebih jelas' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'case.wrong_role', details: { role: 'fungsional' } });
    expect((await verify(secondScan)).matches).toBe(false);
  });

  it('refuses the signer’s replacement without a reason (422)', async () => {
    const res = await officer.upload(signedUrl(), secondScan);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('case.reason_required');
    const blank = await officer.upload(signedUrl(), secondScan, 'scan.pdf', { reason: '   ' });
    expect(blank.statusCode).toBe(422);
    expect((await verify(secondScan)).matches).toBe(false);
  });

  it('replaces the scan by the signer’s role with a reason, audited, keeping the earlier one', async () => {
    const res = await officer.upload(signedUrl(), secondScan, 'scan.pdf', {
      reason: 'Pindaian pertama buram',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await verify(secondScan)).toMatchObject({ matches: true, matched: 'signed' });
    const earlier = await verify(firstScan);
    expect(earlier).toMatchObject({ matches: false, matched: 'replaced' });
    expect(Date.parse(earlier.replacedAt)).not.toBeNaN();

    const view = (await fo.get(`/api/cases/${caseId}`)).json();
    const scans = view.letters[0].signedScans as Array<Record<string, unknown>>;
    expect(scans.map((s) => [s.reason, s.replaced])).toEqual([
      [null, true],
      ['Pindaian pertama buram', false],
    ]);
    expect(scans[1]?.uploadedBy).toMatchObject({ name: 'Agus Prasetyo' });
    expect(view.letters[0].signedSha256).toBe(scans[1]?.sha256);

    const audit = (await t.database.db.execute(
      sql`SELECT after FROM audit_log WHERE action = 'letter.attach_signed' AND entity_id = ${String(letter.id)} ORDER BY seq`,
    )) as unknown as { rows: Array<{ after: Record<string, unknown> }> };
    expect(audit.rows.map((r) => r.after.reason ?? null)).toEqual([null, 'Pindaian pertama buram']);
  });

  it('refuses a replacement based on a scan that was replaced meanwhile (letter.conflict)', async () => {
    const stale = await findLetterOfCase(t.database.db, caseId, letter.id);
    const scans = sql`SELECT count(*) AS n FROM letter_signed_scans WHERE letter_id = ${letter.id}`;
    const before = await count(scans);
    const by = { userId: 1, reason: 'uji' };
    await t.database.db.transaction((tx) =>
      attachSignedLetter(tx, t.app.files, stale, Buffer.from('%PDF-1.4 third'), by),
    );
    await expect(
      t.database.db.transaction((tx) =>
        attachSignedLetter(tx, t.app.files, stale, Buffer.from('%PDF-1.4 fourth'), by),
      ),
    ).rejects.toMatchObject({ code: 'letter.conflict' });
    expect(await count(scans)).toBe(before + 1);
    expect((await verify(Buffer.from('%PDF-1.4 third'))).matched).toBe('signed');
  });
});
