import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const today = todayIn('Asia/Jakarta');
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pdf = Buffer.from('%PDF-1.4\n% logistik\n');

/** Issue 16: a Banten relief request opens only under an active emergency, then runs a–f. */
describe('relief requests (Banten): the emergency check at opening and the workflow', () => {
  let t: TestApp;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  const count = async () =>
    Number(
      (
        (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM cases`)) as unknown as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]?.n,
    );
  const request = (areaCode: string, name = 'Posko Banjir Cibeber') => ({
    standardId: 'logistik-tanggap-darurat',
    applicant: { name },
    intake: { areaCode, requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
  });

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'banten.fo', '10.16.0.1');
    kadis = await signedIn(t.app, 'banten.kadis', '10.16.0.2');
    kabid = await signedIn(t.app, 'banten.kabid', '10.16.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.16.0.4');
  });
  afterAll(() => t.close());

  it('refuses a request for an area under no emergency, naming the area in both languages', async () => {
    const before = await count();
    const id = await fo.post('/api/cases', request('36.02'));
    expect(id.statusCode).toBe(422);
    expect(id.json().error.code).toBe('emergency.not_active');
    expect(id.json().error.message).toBe(
      'Wilayah Kabupaten Lebak tidak dalam status tanggap darurat; permohonan bantuan logistik tidak dapat diterima.',
    );
    const en = await fo.post('/api/cases', request('36.02'), { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      'Kabupaten Lebak is not under an emergency response status; the relief request cannot be accepted.',
    );
    expect(await count()).toBe(before);
  });

  it('refuses an unknown region code and a missing area before anything is written', async () => {
    const unknown = await fo.post('/api/cases', request('36.99'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.problems).toEqual([
      {
        path: 'intake.areaCode',
        message: 'Wilayah terdampak (kabupaten/kota atau kecamatan): kode wilayah tidak dikenal (36.99)',
      },
    ]);
    const garbled = await fo.post('/api/cases', request('Lebak'));
    expect(garbled.json().error.problems[0].path).toBe('intake.areaCode');
    const missing = await fo.post('/api/cases', { ...request('36.02'), intake: {} });
    expect(missing.json().error.problems.map((p: { path: string }) => p.path)).toContain('intake.areaCode');
  });

  it('opens a request for a district inside a declared regency, and again refuses once it ends', async () => {
    const declared = await kadis.post('/api/emergencies', {
      number: '360/Kep.101-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir bandang',
      areas: ['36.02'],
      startsOn: today,
      endsOn: inDays(14),
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const opened = await fo.post('/api/cases', request('36.02.01'));
    expect(opened.statusCode, opened.body).toBe(201);
    const detail = (await kadis.get(`/api/cases/${opened.json().id}`)).json();
    expect(detail.actions[0].data).toEqual({
      result: { emergencyId: declared.json().id, areaCode: '36.02' },
    });
    // Pandeglang is not in the area.
    const other = await fo.post('/api/cases', request('36.01'));
    expect(other.json().error.message).toMatch(
      /^Wilayah Kabupaten Pandeglang tidak dalam status tanggap darurat/,
    );
    // A declaration that starts tomorrow does not cover today.
    await kadis.post('/api/emergencies', {
      number: '360/Kep.102-Huk/2026',
      decreedOn: today,
      declaredBy: 'bupati',
      disaster: 'Tanah longsor',
      areas: ['36.01'],
      startsOn: inDays(1),
      endsOn: inDays(7),
    });
    expect((await fo.post('/api/cases', request('36.01'))).statusCode).toBe(422);
    const ended = await kadis.post(`/api/emergencies/${declared.json().id}/end`, {
      number: '360/Kep.110-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
    });
    expect(ended.statusCode).toBe(200);
    const after = await fo.post('/api/cases', request('36.02.01'));
    expect(after.statusCode).toBe(422);
    expect(after.json().error.message).toMatch(/^Wilayah Malingping tidak dalam status tanggap darurat/);
  });

  it('runs a to f: receipt with papers, disposition, telaah, approval, shipment, handover', async () => {
    await kadis.post('/api/emergencies', {
      number: '360/Kep.120-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir',
      areas: ['36.01'],
      startsOn: today,
      endsOn: inDays(14),
    });
    const id = (await fo.post('/api/cases', request('36.01.01', 'Posko Desa Sumur'))).json().id as number;
    const act = (
      who: Agent,
      action: string,
      version: number,
      data?: Record<string, unknown>,
      note?: string,
    ) =>
      who.post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
        ...(note ? { note } : {}),
      });
    const early = await act(fo, 'teruskan', 1);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('case.documents_missing');
    expect(early.json().error.details.missing.map((m: { id: string }) => m.id)).toEqual([
      'permohonan',
      'surat-dinsos-kabkota',
      'asesmen',
    ]);
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, pdf)).statusCode).toBe(201);
    expect((await act(fo, 'teruskan', 1)).statusCode).toBe(200);
    expect((await act(kadis, 'teruskan', 2)).statusCode).toBe(200);
    // The functional officer may not give the Kepala Bidang's disposition.
    expect((await act(fungsional, 'disposisikan', 3, { instruction: 'teliti dan saran' })).statusCode).toBe(
      403,
    );
    expect((await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' })).statusCode).toBe(200);
    const telaah = await act(fungsional, 'ajukan', 4, {
      peopleAffected: 'banyak',
      days: 7,
      proposal: 'Beras 500 kg',
    });
    expect(telaah.statusCode).toBe(422);
    expect(
      (await act(fungsional, 'ajukan', 4, { peopleAffected: 120, days: 7, proposal: 'Beras 500 kg' }))
        .statusCode,
    ).toBe(200);
    const refuseless = await act(kabid, 'tolak', 5);
    expect(refuseless.statusCode).toBe(422);
    expect((await act(kabid, 'setujui', 5, { approved: 'Beras 400 kg' })).statusCode).toBe(200);
    expect((await act(fungsional, 'kirim', 6, { vehicle: 'A 1234 BC', driver: 'Ujang' })).statusCode).toBe(
      200,
    );
    const done = await act(fungsional, 'serahkan', 7, {
      receiverName: 'H. Suhendi',
      receiverPosition: 'Kepala Desa Sumur',
      received: 'Beras 400 kg diterima lengkap',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state.status).toBe('done');
  });
});
