import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% scan of a paper\n');
const fixture = 'test/fixtures/standards/sragen/jamkes-fakir-miskin.yaml';
const standardId = 'jamkes-fakir-miskin';

/**
 * Conditional requirements (issue 14): a sixth service, published as a new office would, asks
 * "Pasien rawat inap?" at intake, and the engine asks for the hospital referral only when the
 * answer is yes.
 */
describe('conditional requirements: the referral letter only for inpatients', () => {
  let t: TestApp;
  let fo: Agent;
  let verifier: Agent;
  const ids = (list: Array<{ id: string }>) => list.map((m) => m.id);
  const count = async (table: 'cases' | 'audit_log') =>
    Number(
      (
        (await t.database.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`))) as unknown as {
          rows: Array<{ n: number | string }>;
        }
      ).rows[0]?.n,
    );
  const open = (intake: Record<string, unknown>, nik?: string) =>
    fo.post('/api/cases', { standardId, applicant: { name: 'Sumarni', ...(nik ? { nik } : {}) }, intake });
  const forward = async (id: number) => {
    const version = (await fo.get(`/api/cases/${id}`)).json().case.version as number;
    return fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version });
  };

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    verifier = await signedIn(t.app, 'sragen.verifikator');
    const kadis = await signedIn(t.app, 'sragen.kadis');
    const yaml = await readFile(fixture, 'utf8');
    const published = await kadis.post('/api/staff/standards', { yaml, fileName: fixture });
    expect(published.statusCode, published.body).toBe(201);
  });
  afterAll(() => t.close());

  it('publishes the condition with the requirement, and still one product', async () => {
    const page = (await fo.get(`/api/public/units/sragen/standards/${standardId}`)).json();
    const rujukan = page.standard.delivery.requirements.items.find(
      (r: { id: string }) => r.id === 'surat-rujukan',
    );
    expect(rujukan.when).toEqual({ field: 'rawatInap', equals: true, text: 'khusus pasien rawat inap' });
    expect(page.standard.delivery.products).toHaveLength(1);
    const sippn = (await fo.get('/api/public/sippn')).json();
    const service = sippn.units
      .flatMap((u: { services: unknown[] }) => u.services)
      .find((s: { nama_layanan: string }) => s.nama_layanan.startsWith('Rekomendasi Penerbitan'));
    const persyaratan = service.komponen.find((k: { kunci: string }) => k.kunci === 'persyaratan');
    expect(persyaratan.uraian).toContain('Surat rujukan rumah sakit (khusus pasien rawat inap)');
    expect((await fo.get(`/api/public/units/sragen/standards/${standardId}/pdf`)).statusCode).toBe(200);
    // The staff list gives the intake form its questions.
    const staff = (await fo.get('/api/staff/standards')).json();
    const mine = staff.standards.find((s: { id: string }) => s.id === standardId);
    expect(mine.intake.map((f: { id: string }) => f.id)).toEqual(['rawatInap', 'pengurus']);
  });

  it('refuses invalid answers with every problem at its path, and writes nothing', async () => {
    const before = { cases: await count('cases'), audit: await count('audit_log') };
    const res = await open({ rawatInap: 'ya', umur: 40 }, '3314013201900001');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('case.invalid');
    expect(res.json().error.problems).toEqual([
      { path: 'applicant.nik', message: 'tanggal lahir tidak valid (hari 32)' },
      { path: 'intake.umur', message: 'pertanyaan tidak dikenal (yang ada: rawatInap, pengurus)' },
      { path: 'intake.rawatInap', message: 'Pasien rawat inap?: jawab ya atau tidak (true/false)' },
      { path: 'intake.pengurus', message: 'Yang mengurus: wajib dijawab' },
    ]);
    const en = await fo.post(
      '/api/cases',
      { standardId, applicant: { name: 'Sumarni' }, intake: { rawatInap: true, pengurus: 'tetangga' } },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(422);
    expect(en.json().error.problems).toEqual([
      { path: 'intake.pengurus', message: 'Yang mengurus: choose one of pasien, keluarga' },
    ]);
    expect(await count('cases')).toBe(before.cases);
    expect(await count('audit_log')).toBe(before.audit);
  });

  it('asks an inpatient for the referral letter and refuses to forward without it', async () => {
    const res = await open({ rawatInap: true, pengurus: 'pasien' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const view = (await fo.get(`/api/cases/${id}`)).json();
    expect(view.case.intake).toEqual({ rawatInap: true, pengurus: 'pasien' });
    expect(view.standard.intake.map((f: { label: string }) => f.label)).toEqual([
      'Pasien rawat inap?',
      'Yang mengurus',
    ]);
    expect(ids(view.missing)).toEqual(['ktp-kk', 'sktm', 'surat-rujukan']);
    for (const r of ['ktp-kk', 'sktm']) {
      expect((await fo.upload(`/api/cases/${id}/documents/${r}`, pdf)).statusCode).toBe(201);
    }
    const refused = await forward(id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('case.documents_missing');
    expect(refused.json().error.details.missing).toEqual([
      { id: 'surat-rujukan', text: 'Surat rujukan rumah sakit (khusus pasien rawat inap)' },
    ]);
    expect((await fo.upload(`/api/cases/${id}/documents/surat-rujukan`, pdf)).statusCode).toBe(201);
    expect((await forward(id)).statusCode).toBe(200);
    expect((await verifier.get(`/api/cases/${id}`)).json().step.id).toBe('verifikasi');
  });

  it('does not ask an outpatient for it, and forwards without it', async () => {
    const res = await open({ rawatInap: false, pengurus: 'keluarga' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    // The family applies: the power of attorney is asked instead.
    expect(ids((await fo.get(`/api/cases/${id}`)).json().missing)).toEqual(['ktp-kk', 'sktm', 'surat-kuasa']);
    for (const r of ['ktp-kk', 'sktm', 'surat-kuasa']) {
      expect((await fo.upload(`/api/cases/${id}/documents/${r}`, pdf)).statusCode).toBe(201);
    }
    const forwarded = await forward(id);
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().state.step).toBe('verifikasi');
  });

  it('lets the desk correct an answer with a reason, audited; the papers follow', async () => {
    const asOpened = { rawatInap: false, pengurus: 'pasien' };
    const id = (await open(asOpened)).json().id as number;
    expect(ids((await fo.get(`/api/cases/${id}`)).json().missing)).toEqual(['ktp-kk', 'sktm']);
    const bad = await fo.put(`/api/cases/${id}/intake`, {
      previous: asOpened,
      intake: { rawatInap: 1, pengurus: 'pasien' },
      reason: 'salah input',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems[0].path).toBe('intake.rawatInap');
    const noReason = await fo.put(`/api/cases/${id}/intake`, {
      previous: asOpened,
      intake: { rawatInap: true, pengurus: 'pasien' },
    });
    expect(noReason.statusCode).toBe(422);
    expect((await fo.get(`/api/cases/${id}`)).json().case.intake.rawatInap).toBe(false);

    const fixed = await fo.put(`/api/cases/${id}/intake`, {
      previous: asOpened,
      intake: { rawatInap: true, pengurus: 'pasien' },
      reason: 'pasien ternyata dirawat inap sejak kemarin',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().case.intake).toEqual({ rawatInap: true, pengurus: 'pasien' });
    expect(ids(fixed.json().missing)).toEqual(['ktp-kk', 'sktm', 'surat-rujukan']);
    const audit = (await t.database.db.execute(
      sql`SELECT before, after FROM audit_log WHERE action = 'case.intake_correct' AND entity_id = ${String(id)}`,
    )) as unknown as { rows: Array<{ before: unknown; after: unknown }> };
    expect(audit.rows).toEqual([
      {
        before: { intake: { rawatInap: false, pengurus: 'pasien' } },
        after: {
          intake: { rawatInap: true, pengurus: 'pasien' },
          reason: 'pasien ternyata dirawat inap sejak kemarin',
        },
      },
    ]);
    // Only the desk corrects: the verifier may not.
    const other = await verifier.put(`/api/cases/${id}/intake`, {
      previous: { rawatInap: true, pengurus: 'pasien' },
      intake: { rawatInap: false, pengurus: 'pasien' },
      reason: 'coba ubah',
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a correction that starts from answers corrected meanwhile, and changes nothing', async () => {
    const asOpened = { rawatInap: false, pengurus: 'pasien' };
    const id = (await open(asOpened)).json().id as number;
    // Two desks open the correction on the same answers; the first to save wins.
    const first = await fo.put(`/api/cases/${id}/intake`, {
      previous: asOpened,
      intake: { rawatInap: true, pengurus: 'pasien' },
      reason: 'pasien dirawat inap',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await fo.put(`/api/cases/${id}/intake`, {
      previous: { pengurus: 'pasien', rawatInap: false },
      intake: { rawatInap: false, pengurus: 'keluarga' },
      reason: 'keluarga yang mengurus',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('case.conflict');
    expect((await fo.get(`/api/cases/${id}`)).json().case.intake).toEqual({
      rawatInap: true,
      pengurus: 'pasien',
    });
    const audit = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.intake_correct' AND entity_id = ${String(id)}`,
    );
    expect(audit[0]?.n).toBe(1);
    // Begun again from the answers as they now stand (in any key order), it is taken.
    const again = await fo.put(`/api/cases/${id}/intake`, {
      previous: { pengurus: 'pasien', rawatInap: true },
      intake: { rawatInap: true, pengurus: 'keluarga' },
      reason: 'keluarga yang mengurus',
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('refuses a correction on a closed case', async () => {
    const id = (await open({ rawatInap: false, pengurus: 'pasien' })).json().id as number;
    for (const r of ['ktp-kk', 'sktm']) await fo.upload(`/api/cases/${id}/documents/${r}`, pdf);
    expect((await forward(id)).statusCode).toBe(200);
    const done = await verifier.post(`/api/cases/${id}/actions`, { action: 'terbitkan', version: 2 });
    expect(done.statusCode, done.body).toBe(200);
    const res = await fo.put(`/api/cases/${id}/intake`, {
      previous: { rawatInap: false, pengurus: 'pasien' },
      intake: { rawatInap: true, pengurus: 'pasien' },
      reason: 'terlambat dikoreksi',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('case.closed');
  });
});

describe('the NIK checked at intake, before the case is opened', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows an unknown district as a warning, a wrong date as an error, a good NIK as nothing', async () => {
    const fo = await signedIn(t.app, 'sragen.fo');
    const check = async (nik: string) => (await fo.post('/api/cases/nik-check', { nik })).json().problems;
    expect(await check('3314990101900001')).toEqual([
      {
        code: 'region.district_unknown',
        severity: 'warning',
        message: 'kode kecamatan 33.14.99 tidak dikenal',
        en: 'unknown district code 33.14.99 (districts split and are renumbered: check the ID card)',
        params: { code: '33.14.99' },
      },
    ]);
    expect((await check('3314013201900001'))[0]).toMatchObject({ code: 'date.day', severity: 'error' });
    expect(await check('3314010101900001')).toEqual([]);
    expect((await fo.post('/api/cases/nik-check', { nik: '3314' })).statusCode).toBe(422);
    const auditor = await signedIn(t.app, 'sragen.auditor');
    expect((await auditor.post('/api/cases/nik-check', { nik: '3314010101900001' })).statusCode).toBe(403);
  });
});
