import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% pindaian KK\n');
// The smallest PNG header a sniffer recognises, and a few bytes after it.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR'),
]);
const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString().replace(/\s+/g, ' ');

const analysis = {
  jenisBantuan: 'BPNT (Program Sembako)',
  analisis: 'KKS belum pernah diterbitkan',
  solusi: 'Penerbitan KKS baru',
  referensiSiksNg: 'SIKS-NG/2026/0412',
  edukasi: 'Cara memakai KKS di e-Warong',
};

describe('The approver sees what they sign: recorded fields, scans, the letter preview', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kabid: Agent;
  let id = 0;
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kabid = await signedIn(t.app, 'tarakan.kabid');
    const opened = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name: 'Rahmat Hidayat', nik: '6571011203850002' },
    });
    id = opened.json().id;
    expect((await fo.upload(`/api/cases/${id}/documents/kk-ktp`, pdf, 'kk ktp.pdf')).statusCode).toBe(201);
    expect((await fo.upload(`/api/cases/${id}/documents/surat-kelurahan`, png, 'surat.png')).statusCode).toBe(
      201,
    );
    expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
      200,
    );
    const recorded = await officer.post(`/api/cases/${id}/actions`, {
      action: 'teruskan',
      version: 2,
      data: analysis,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
  });
  afterAll(() => t.close());

  it('lists what the analisis step recorded, by label, with the step and who recorded it', async () => {
    const detail = (await kabid.get(`/api/cases/${id}`)).json();
    expect(detail.recorded).toHaveLength(1);
    expect(detail.recorded[0]).toMatchObject({
      stepLabel: 'Cek jenis bantuan, analisis kendala, solusi, update SIKS-NG, edukasi KPM',
      actionLabel: 'Teruskan untuk paraf dan tanda tangan',
      role: 'fungsional',
    });
    expect(detail.recorded[0].by).toEqual(expect.any(String));
    expect(detail.recorded[0].fields).toEqual([
      { id: 'jenisBantuan', label: 'Jenis bantuan yang diterima', value: analysis.jenisBantuan },
      { id: 'analisis', label: 'Analisis kendala', value: analysis.analisis },
      { id: 'solusi', label: 'Solusi', value: analysis.solusi },
      { id: 'referensiSiksNg', label: 'Nomor/referensi update SIKS-NG', value: analysis.referensiSiksNg },
      { id: 'edukasi', label: 'Edukasi yang diberikan kepada KPM', value: analysis.edukasi },
    ]);
  });

  it('streams a scan inline with its own content type, not cached, to readers of the case only', async () => {
    const docs = (await kabid.get(`/api/cases/${id}`)).json().documents as Array<{
      id: number;
      requirementId: string;
    }>;
    const kk = docs.find((d) => d.requirementId === 'kk-ktp');
    const surat = docs.find((d) => d.requirementId === 'surat-kelurahan');
    const res = await kabid.get(`/api/cases/${id}/documents/${kk?.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="kk_ktp.pdf"/);
    expect(res.headers['cache-control']).toBe('no-store');
    // Framed by the case page only, and never run as a page of its own.
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    const image = await kabid.get(`/api/cases/${id}/documents/${surat?.id}/file`);
    expect(image.headers['content-type']).toBe('image/png');

    // Another unit's user, a document of another case, no session.
    const sragen = await signedIn(t.app, 'sragen.kabid');
    expect((await sragen.get(`/api/cases/${id}/documents/${kk?.id}/file`)).statusCode).toBe(404);
    expect((await kabid.get(`/api/cases/${id + 1000}/documents/${kk?.id}/file`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/cases/${id}/documents/${kk?.id}/file` })).statusCode).toBe(401);
  });

  it('previews the letter the signing would issue, marked, with no agenda number taken', async () => {
    const counters = () => rows<{ last: number }>(t.database.db, sql`SELECT last FROM letter_counters`);
    const lettersCount = async () =>
      (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM letters`))[0]?.n;
    const beforeCounters = await counters();
    const beforeLetters = await lettersCount();
    const res = await kabid.get(`/api/cases/${id}/letter-preview?action=setujui`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('CONTOH / PRATINJAU — belum bernomor, belum ditandatangani');
    expect(text).toContain('Nomor: PRATINJAU (nomor diberikan saat ditandatangani)');
    expect(text).toContain('Rahmat Hidayat');
    expect(text).toContain(analysis.referensiSiksNg);
    expect(await counters()).toEqual(beforeCounters);
    expect(await lettersCount()).toBe(beforeLetters);
    expect((await kabid.get(`/api/cases/${id}`)).json().case.version).toBe(3);

    // Not the signer's step: the officer may not preview it; an action without a letter has none.
    expect((await officer.get(`/api/cases/${id}/letter-preview?action=setujui`)).statusCode).toBe(403);
    const none = await kabid.get(`/api/cases/${id}/letter-preview?action=perbaiki`, {
      'accept-language': 'en',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toBe(
      'Action "Kembalikan ke petugas untuk diperbaiki" issues no letter; there is no letter preview.',
    );

    // The letter then issued says what the preview said, with its number.
    const signed = await kabid.post(`/api/cases/${id}/actions`, { action: 'setujui', version: 3 });
    expect(signed.statusCode, signed.body).toBe(200);
    const letter = signed.json().letters[0];
    const issued = pdfText((await kabid.get(`/api/cases/${id}/letters/${letter.id}/pdf`)).rawPayload);
    expect(issued).not.toContain('PRATINJAU');
    expect(issued).toContain(analysis.referensiSiksNg);
  });
});

describe('Cash goes out seen: the leg before paying, a repeat claim paid only with a reason', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  const nik = '3314011203850002';
  const trip = { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' };
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    officer = await signedIn(t.app, 'sragen.fungsional');
  });
  afterAll(() => t.close());

  async function atPayment(name: string): Promise<number> {
    const opened = await fo.post('/api/cases', { standardId: 'kehabisan-bekal', applicant: { name, nik } });
    const id = opened.json().id;
    await fo.upload(`/api/cases/${id}/documents/surat-keterangan-kepolisian`, pdf);
    expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
      200,
    );
    return id;
  }

  it('previews the amount, distance class and leg by region name for the form’s data', async () => {
    const id = await atPayment('Budi Santoso');
    const half = await officer.post(`/api/cases/${id}/preview`, {
      action: 'bayar',
      data: { originCode: '33.14' },
    });
    expect(half.statusCode, half.body).toBe(200);
    expect(half.json().effect.leg).toMatchObject({ amount: null, problem: 'relief.invalid' });
    const res = await officer.post(`/api/cases/${id}/preview`, { action: 'bayar', data: trip });
    expect(res.json()).toMatchObject({
      letter: true,
      effect: {
        kind: 'relief.claims',
        claims: [],
        leg: {
          amount: 350_000,
          distanceClass: 'antar_provinsi',
          from: 'Kabupaten Sragen, Jawa Tengah',
          to: 'Kota Surabaya, Jawa Timur',
          destination: 'Kota Denpasar, Bali',
          problem: null,
        },
      },
    });
    // A preview writes nothing; the front office may not ask for the fungsional's.
    expect((await officer.get(`/api/cases/${id}`)).json().case.version).toBe(2);
    expect((await fo.post(`/api/cases/${id}/preview`, { action: 'bayar', data: trip })).statusCode).toBe(403);
    // The cover letter as it would be issued, with the amount.
    const letter = await officer.get(
      `/api/cases/${id}/letter-preview?action=bayar&originCode=33.14&destinationCode=51.71&legToCode=35.78`,
    );
    expect(letter.statusCode, letter.body).toBe(200);
    const text = pdfText(letter.rawPayload);
    expect(text).toContain('CONTOH / PRATINJAU — belum bernomor, belum ditandatangani');
    expect(text).toMatch(/Rp350\.000/);
    const paid = await officer.post(`/api/cases/${id}/actions`, { action: 'bayar', version: 2, data: trip });
    expect(paid.statusCode, paid.body).toBe(200);
  });

  it('refuses to pay a repeat claimant without a reason, then pays and audits the reason', async () => {
    const id = await atPayment('Budi Santoso Lagi');
    const preview = (await officer.get(`/api/cases/${id}`)).json().previews.bayar;
    expect(preview.claims).toHaveLength(1);
    expect(preview.claims[0]).toMatchObject({ originName: 'Kabupaten Sragen, Jawa Tengah' });

    const refused = await officer.post(`/api/cases/${id}/actions`, {
      action: 'bayar',
      version: 2,
      data: trip,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('relief.repeat_reason_required');
    expect(refused.json().error.message).toBe(
      'Pemohon ini sudah 1 kali menerima bantuan kehabisan bekal. Tuliskan alasan pembayaran ulang (paling sedikit 5 karakter).',
    );
    const english = await officer.post(
      `/api/cases/${id}/actions`,
      { action: 'bayar', version: 2, data: { ...trip, repeatReason: ' ok ' } },
      { 'accept-language': 'en' },
    );
    expect(english.statusCode).toBe(422);
    expect(english.json().error.message).toMatch(/^This applicant has received kehabisan bekal aid 1 time/);
    const payouts = () =>
      rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM relief_payouts WHERE nik = ${nik}`,
      );
    expect((await payouts())[0]?.n).toBe(1);
    expect((await officer.get(`/api/cases/${id}`)).json().case.version).toBe(2);

    const reason = 'Dompet dicuri di terminal, laporan polisi baru';
    const paid = await officer.post(`/api/cases/${id}/actions`, {
      action: 'bayar',
      version: 2,
      data: { ...trip, repeatReason: reason },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await payouts())[0]?.n).toBe(2);
    const action = paid.json().actions.at(-1);
    expect(action.data.result).toMatchObject({ repeatReason: reason, earlierClaims: 1, amount: 350_000 });
    const audited = await rows<{ after: { repeatReason?: string } }>(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = 'relief.payout' AND entity_id = ${String(id)}`,
    );
    expect(audited.map((a) => a.after.repeatReason)).toEqual([reason]);
  });
});
