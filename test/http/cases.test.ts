import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { surveyTokenOf } from '../../src/core/survey-token.ts';
import { formatUnitDateTime } from '../../web/src/format.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% scan of a paper\n');

describe('cases: the Sembako letter request end to end', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kabid: Agent;
  let caseId = 0;
  let trackingCode = '';
  const version = async (a: Agent) => (await a.get(`/api/cases/${caseId}`)).json().case.version as number;
  const act = async (a: Agent, action: string, note?: string) =>
    a.post(`/api/cases/${caseId}/actions`, { action, version: await version(a), ...(note ? { note } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kabid = await signedIn(t.app, 'tarakan.kabid');
  });
  afterAll(() => t.close());

  it('opens a case with an unguessable tracking code and a 30-office-minute due time', async () => {
    const missingProduct = await fo.post('/api/cases', {
      standardId: 'sembako',
      applicant: { name: 'Siti Rahma' },
    });
    expect(missingProduct.statusCode).toBe(422);
    expect(missingProduct.json().error.details.products).toHaveLength(4);

    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti Rahma Wati', nik: '6571015708900001', phone: '08123456789' },
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    trackingCode = res.json().trackingCode;
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const view = (await fo.get(`/api/cases/${caseId}`)).json();
    expect(view.state).toMatchObject({ status: 'open', step: 'periksa-berkas' });
    expect(view.case.dueAt).not.toBeNull();
    expect(view.available.map((a: { id: string }) => a.id)).toEqual(['teruskan', 'kembalikan']);
  });

  it('refuses to forward while the death letter’s documents are missing, listing them', async () => {
    const res = await act(fo, 'teruskan');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('case.documents_missing');
    // KK/KTP, the KKS and the death certificate; not the kelurahan letter nor the savings book.
    expect(res.json().error.details.missing.map((m: { id: string }) => m.id)).toEqual([
      'kk-ktp',
      'kks',
      'akte-kematian',
    ]);
  });

  it('accepts PDF/JPEG/PNG requirement documents only, by content', async () => {
    const exe = await fo.upload(
      `/api/cases/${caseId}/documents/kk-ktp`,
      Buffer.from('MZ\x90\x00 program'),
      'x.pdf',
    );
    expect(exe.statusCode).toBe(415);
    const wrong = await fo.upload(`/api/cases/${caseId}/documents/ktp-asli`, pdf);
    expect(wrong.statusCode).toBe(422);
    for (const id of ['kk-ktp', 'kks', 'akte-kematian']) {
      const res = await fo.upload(`/api/cases/${caseId}/documents/${id}`, pdf, `${id}.pdf`);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('moves only by the role of the step', async () => {
    expect((await act(fo, 'teruskan')).statusCode).toBe(200);
    const wrong = await act(fo, 'teruskan');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('case.wrong_role');
    const queue = (await officer.get('/api/cases')).json().cases as Array<{ id: number; step: string }>;
    expect(queue.map((c) => [c.id, c.step])).toEqual([[caseId, 'analisis']]);
    // The queue names the step as the standard does; the id is for machines.
    expect((queue[0] as { stepLabel?: string }).stepLabel).toBe(
      'Cek jenis bantuan, analisis kendala, solusi, update SIKS-NG, edukasi KPM',
    );
    expect((await fo.get('/api/cases')).json().cases).toEqual([]);
  });

  it('needs a reason to reject, and refuses a stale view with a conflict', async () => {
    const noReason = await act(officer, 'tolak');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('case.reason_required');
    const v = await version(officer);
    const bare = await officer.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: v });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'data.jenisBantuan',
      'data.analisis',
      'data.solusi',
      'data.referensiSiksNg',
      'data.edukasi',
    ]);
    const label = bare.json().error.problems[0].message.replace(/: wajib diisi$/, '');
    expect(bare.json().error.problems[0]).toEqual({
      path: 'data.jenisBantuan',
      message: `${label}: wajib diisi`,
    });
    const en = await officer.post(
      `/api/cases/${caseId}/actions`,
      { action: 'teruskan', version: v },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.problems[0]).toEqual({ path: 'data.jenisBantuan', message: `${label}: required` });
    const recorded = await officer.post(`/api/cases/${caseId}/actions`, {
      action: 'teruskan',
      version: v,
      data: {
        jenisBantuan: 'BPNT / Program Sembako',
        analisis: 'Pemegang KKS meninggal dunia, bantuan perlu dialihkan',
        solusi: 'Pengurus pengganti dalam satu KK',
        referensiSiksNg: 'SIKS-NG/2026/000123',
        edukasi: 'Penggunaan KKS di e-Warong',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().actions.at(-1).data.referensiSiksNg).toBe('SIKS-NG/2026/000123');
    const stale = await kabid.post(`/api/cases/${caseId}/actions`, { action: 'setujui', version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('case.conflict');
  });

  it('lets exactly one of two simultaneous actions through', async () => {
    const v = await version(kabid);
    const [a, b] = await Promise.all([
      kabid.post(`/api/cases/${caseId}/actions`, { action: 'setujui', version: v }),
      kabid.post(`/api/cases/${caseId}/actions`, { action: 'setujui', version: v }),
    ]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 409]);
    expect((await kabid.get(`/api/cases/${caseId}`)).json().state.step).toBe('serahkan');
  });

  it('issued a numbered letter with a QR to a verification page that recognises the file', async () => {
    const view = (await fo.get(`/api/cases/${caseId}`)).json();
    expect(view.letters).toHaveLength(1);
    const letter = view.letters[0];
    const year = new Date().getFullYear();
    expect(letter.number).toBe(`400.9/0001/DINSOSPM/${year}`);
    expect(letter.title).toBe('Surat Keterangan Meninggal');

    const pdfRes = await fo.get(`/api/cases/${caseId}/letters/${letter.id}/pdf`);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    const bytes = pdfRes.rawPayload;
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString();
    expect(text).toContain(`Nomor: ${letter.number}`);
    expect(text).toContain('Siti Rahma Wati');
    // The head of division who signed, not the unit's head on record (Arbain).
    expect(text).toContain('Nurhayati');
    expect(text).toContain('Pembina/IV-a');
    expect(text).toContain('NIP 19760214 200112 2 003');
    expect(text).not.toContain('Arbain');
    // The letter that closes the case invites the citizen to the survey with the case's token.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Mohon isi Survei Kepuasan Masyarakat');
    expect(flat).toContain(`/survei/${surveyTokenOf(t.app.keys.survey, view.case.trackingCode)}`);

    const page = await t.app.inject({ method: 'GET', url: `/api/public/verify/${letter.verificationCode}` });
    expect(page.json()).toMatchObject({
      number: letter.number,
      unit: 'Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan',
      product: 'Surat Keterangan Meninggal',
      sha256: letter.pdfSha256,
      signer: {
        name: 'Nurhayati',
        position: 'Kepala Bidang Sosial',
        rank: 'Pembina/IV-a',
        nip: '19760214 200112 2 003',
        acting: null,
        // Sembako's letters are signed a.n. the head of office (the product's letter template).
        onBehalfOf: 'Kepala Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan',
      },
      timeZone: 'Asia/Makassar',
    });
    expect(page.body).not.toContain('6571015708900001');
    // A letter issued at 23:30 WITA: the page, formatting in the unit's zone, shows that date.
    await t.database.db.execute(
      sql`UPDATE letters SET issued_at = '2026-03-02T15:30:00Z' WHERE id = ${letter.id}`,
    );
    const late = (
      await t.app.inject({ method: 'GET', url: `/api/public/verify/${letter.verificationCode}` })
    ).json();
    expect(late).toMatchObject({ issuedAt: '2026-03-02T15:30:00.000Z', timeZone: 'Asia/Makassar' });
    expect(formatUnitDateTime(late.issuedAt, 'id', late.timeZone)).toBe('2 Maret 2026 pukul 23.30 WITA');
    const anonymous = new (await import('../app.ts')).Agent(t.app, '10.5.5.5');
    const same = await anonymous.upload(`/api/public/verify/${letter.verificationCode}`, bytes, 'surat.pdf');
    expect(same.json().matches).toBe(true);
    const forged = await anonymous.upload(`/api/public/verify/${letter.verificationCode}`, pdf, 'palsu.pdf');
    expect(forged.json().matches).toBe(false);

    // The signed scan comes back to the case; the page then recognises it too.
    const scan = Buffer.from('%PDF-1.4 signed scan');
    expect((await fo.upload(`/api/cases/${caseId}/letters/${letter.id}/signed`, scan)).statusCode).toBe(201);
    const signed = await anonymous.upload(`/api/public/verify/${letter.verificationCode}`, scan, 'scan.pdf');
    expect(signed.json().matches).toBe(true);
  });

  it('closes when handed over, and a closed case accepts no action', async () => {
    const done = await act(fo, 'serahkan');
    expect(done.statusCode).toBe(200);
    expect(done.json().state.status).toBe('done');
    const after = await act(fo, 'serahkan');
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toMatchObject({
      code: 'case.closed',
      message: 'Permohonan sudah selesai; tidak ada tindakan lagi.',
    });
    const en = await fo.post(
      `/api/cases/${caseId}/actions`,
      { action: 'serahkan', version: await version(fo) },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toBe('The request is done; no more actions.');
  });

  it('shows the citizen the steps and status by tracking code, with the first name only', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/track/${trackingCode.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      firstName: 'Siti',
      status: 'done',
      service: 'Fasilitas Program Sembako',
      timeZone: 'Asia/Makassar',
    });
    expect(body.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(res.body).not.toContain('6571015708900001');
    expect(res.body).not.toContain('Rahma');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/track/AAAAA-AAAAA' })).statusCode).toBe(
      404,
    );
  });

  it('keeps other units out and writes every action to the audit chain', async () => {
    const sragen = await signedIn(t.app, 'sragen.fo');
    expect((await sragen.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await sragen.post(`/api/cases/${caseId}/actions`, { action: 'serahkan', version: 1 })).statusCode,
    ).toBe(404);
    const rows = (await t.database.db.execute(
      sql`SELECT action FROM audit_log WHERE entity = 'case' AND entity_id = ${String(caseId)} ORDER BY seq`,
    )) as unknown as { rows: Array<{ action: string }> };
    expect(rows.rows.map((r) => r.action)).toEqual([
      'case.open',
      'case.document_add',
      'case.document_add',
      'case.document_add',
      'case.teruskan',
      'case.teruskan',
      'case.setujui',
      'case.serahkan',
    ]);
  });
});

describe('a sixth service, added by a YAML file alone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const yaml = `
id: surat-keterangan-terlantar
unit: sragen
# The verifier who checks the papers sits in this division (demo users).
division: { code: penanganan-fakir-miskin, name: Bidang Penanganan Fakir Miskin }
document: { number: 460/0001/01/2026, revision: '00', effectiveDate: '2026-01-02' }
name: Surat Keterangan Terlantar
delivery:
  requirements:
    items:
      - { id: ktp, kind: document, text: Fotokopi KTP }
      - { id: surat-rt, kind: document, text: Surat pengantar RT/RW }
  procedure:
    steps:
      - { n: 1, role: pemohon, text: Pemohon datang membawa berkas }
      - { n: 2, role: verifikator, text: Verifikasi berkas }
      - { n: 3, role: kepala_dinas, text: Penandatanganan surat }
  timeLimit: { kind: duration, workingDays: 3, text: 3 hari kerja }
  cost: { free: true, text: Gratis }
  products: [{ id: surat-keterangan, name: Surat Keterangan Terlantar }]
  complaints: { channels: [{ kind: phone, label: Telepon, value: 0271-891043 }] }
manufacturing:
  legalBasis: [{ text: UU Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial }]
  facilities: [Ruang pelayanan]
  competence: [Memahami pelayanan sosial]
  oversight: [Evaluasi oleh pimpinan]
  staffing: [2 orang]
  guarantees: [Pelayanan tepat waktu]
  safety: [Rasa aman]
  evaluation: [Survei Kepuasan Masyarakat]
workflow:
  steps:
    - id: verifikasi
      label: Verifikasi berkas
      procedureStep: 2
      role: verifikator
      requires: [ktp, surat-rt]
      actions:
        - { id: sah, label: Berkas sah, kind: forward, to: tanda-tangan }
    - id: tanda-tangan
      label: Tanda tangan Kepala Dinas
      procedureStep: 3
      role: kepala_dinas
      actions:
        - { id: tandatangani, label: Tandatangani, kind: complete }
`;

  it('publishes the standard and runs a case through it over HTTP', async () => {
    const kadis = await signedIn(t.app, 'sragen.kadis');
    expect(
      (await kadis.post('/api/staff/standards', { yaml, fileName: 'surat-keterangan-terlantar.yaml' }))
        .statusCode,
    ).toBe(201);
    const admin = await signedIn(t.app, 'admin');
    const opened = await admin.post('/api/cases', {
      standardId: 'surat-keterangan-terlantar',
      applicant: { name: 'Budi' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id;
    const verifier = await signedIn(t.app, 'sragen.verifikator');
    const view = (await verifier.get(`/api/cases/${id}`)).json();
    expect(view.step).toMatchObject({ id: 'verifikasi', role: 'verifikator' });
    expect(view.missing.map((m: { id: string }) => m.id)).toEqual(['ktp', 'surat-rt']);
    // 3 working days from opening, at the end of office hours.
    expect(new Date(view.case.dueAt).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    for (const req of ['ktp', 'surat-rt']) {
      expect((await verifier.upload(`/api/cases/${id}/documents/${req}`, pdf)).statusCode).toBe(201);
    }
    expect((await verifier.post(`/api/cases/${id}/actions`, { action: 'sah', version: 1 })).statusCode).toBe(
      200,
    );
    const done = await kadis.post(`/api/cases/${id}/actions`, { action: 'tandatangani', version: 2 });
    expect(done.json().state.status).toBe('done');
  });

  describe('on the office’s own day', () => {
    // 18:30 UTC is 01:30 the next morning in Sragen (WIB, UTC+7).
    const clock = new ManualClock(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 18.5 * 3_600_000);
    const local = todayIn('Asia/Jakarta', new Date(clock.now()));
    let early: TestApp;
    beforeAll(async () => {
      early = await createTestApp({}, { clock });
    });
    afterAll(() => early.close());

    it('opens a case under the revision that took effect at midnight there', async () => {
      expect(local).not.toBe(new Date(clock.now()).toISOString().slice(0, 10));
      const kadis = await signedIn(early.app, 'sragen.kadis');
      const publish = async (text: string) =>
        (
          await kadis.post('/api/staff/standards', {
            yaml: text,
            fileName: 'surat-keterangan-terlantar.yaml',
          })
        ).statusCode;
      expect(await publish(yaml)).toBe(201);
      const revised = yaml
        .replace("revision: '00', effectiveDate: '2026-01-02'", `revision: '01', effectiveDate: '${local}'`)
        .replace('name: Surat Keterangan Terlantar\n', 'name: Surat Keterangan Terlantar (revisi 01)\n');
      expect(await publish(revised)).toBe(201);
      const admin = await signedIn(early.app, 'admin');
      const opened = await admin.post('/api/cases', {
        standardId: 'surat-keterangan-terlantar',
        applicant: { name: 'Budi' },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const view = (await admin.get(`/api/cases/${opened.json().id}`)).json();
      expect(view.standard.name).toBe('Surat Keterangan Terlantar (revisi 01)');
    });
  });
});

/** Issue 14 (messages): refusals name roles, products and papers as the office says them. */
describe('refusals in people’s terms, in both languages', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  const en = { 'accept-language': 'en' };
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo', '10.14.0.1');
    officer = await signedIn(t.app, 'tarakan.fungsional', '10.14.0.2');
  });
  afterAll(() => t.close());

  const open = async (agent: Agent, standardId: string, product?: string) => {
    const res = await agent.post('/api/cases', {
      standardId,
      ...(product ? { product } : {}),
      applicant: { name: 'Rahmat Hidayat' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  it('lists the products to choose from by name, keeping their ids in the details', async () => {
    const body = { standardId: 'sembako', applicant: { name: 'Siti Rahma' } };
    const id = (await fo.post('/api/cases', body)).json().error;
    expect(id.message).toBe(
      'Pilih produk layanan: Surat Keterangan Penerbitan KKS (Kartu Kesejahteraan Sosial) Baru; ' +
        'Surat Keterangan KKS Hilang dan Setting E-Wallet; Surat Keterangan Meninggal; ' +
        'Surat Keterangan Perubahan Data.',
    );
    expect(id.details.products.map((p: { id: string }) => p.id)).toEqual([
      'kks-baru',
      'kks-hilang',
      'meninggal',
      'perubahan-data',
    ]);
    const unknown = (await fo.post('/api/cases', { ...body, product: 'kks-emas' }, en)).json().error;
    expect(unknown.message).toMatch(
      /^Unknown service product "kks-emas"; choose one of: Surat Keterangan Penerbitan KKS .*Perubahan Data\.$/,
    );
  });

  it('lists the missing papers in the message, and names the role of the step by its label', async () => {
    const caseId = await open(fo, 'sembako', 'meninggal');
    const act = (agent: Agent, action: string, headers?: Record<string, string>) =>
      agent.post(`/api/cases/${caseId}/actions`, { action, version: 1 }, headers);
    const missing = (await act(fo, 'teruskan')).json().error;
    expect(missing.message).toBe(
      'Dokumen persyaratan belum lengkap: Fotocopy KK/KTP; Fotocopy KKS (Kartu Kesejahteraan Sosial); Fotocopy Akte Kematian.',
    );
    expect(missing.details.missing.map((m: { id: string }) => m.id)).toEqual([
      'kk-ktp',
      'kks',
      'akte-kematian',
    ]);
    expect((await act(fo, 'teruskan', en)).json().error.message).toMatch(
      /^Required documents are missing: Fotocopy KK\/KTP; /,
    );

    const wrong = await act(officer, 'teruskan');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({
      code: 'case.wrong_role',
      message: 'Langkah ini dikerjakan oleh Petugas Front Office, bukan oleh peran Anda.',
      details: { role: 'front_office' },
    });
    expect((await act(officer, 'teruskan', en)).json().error.message).toBe(
      'This step is done by Front-office officer, not by your role.',
    );

    const paper = await fo.upload(`/api/cases/${caseId}/documents/ktp-asli`, Buffer.from('%PDF-1.4 x'));
    expect(paper.json().error.message).toMatch(
      /^Persyaratan "ktp-asli" bukan dokumen dari layanan ini; dokumennya: Fotocopy KK\/KTP; .*\.$/,
    );
    expect(paper.json().error.details.allowed[0]).toEqual({ id: 'kk-ktp', text: 'Fotocopy KK/KTP' });
  });

  it('names every role of the workflow when the user holds none of them', async () => {
    const caseId = await open(fo, 'sembako', 'kks-baru');
    const kadis = await signedIn(t.app, 'tarakan.kadis', '10.14.0.3');
    const res = await kadis.upload(`/api/cases/${caseId}/documents/kk-ktp`, Buffer.from('%PDF-1.4 x'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.role).toEqual(['front_office', 'fungsional', 'kepala_bidang']);
    expect(res.json().error.message).toBe(
      'Langkah ini dikerjakan oleh Petugas Front Office, Fungsional/Penyuluh Sosial, atau Kepala Bidang, bukan oleh peran Anda.',
    );
  });

  it('refuses a rejected case as rejected, a done one as done', async () => {
    const sragenFo = await signedIn(t.app, 'sragen.fo', '10.14.0.4');
    const opened = await sragenFo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno' },
    });
    const caseId = opened.json().id as number;
    const rejected = await sragenFo.post(`/api/cases/${caseId}/actions`, {
      action: 'tolak',
      version: 1,
      note: 'Tidak membawa surat keterangan kepolisian',
    });
    expect(rejected.json().state.status).toBe('rejected');
    const again = await sragenFo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'case.closed',
      message: 'Permohonan sudah ditolak; tidak ada tindakan lagi.',
      details: { status: 'rejected' },
    });
    const document = await sragenFo.upload(
      `/api/cases/${caseId}/documents/surat-keterangan-kepolisian`,
      Buffer.from('%PDF-1.4 x'),
    );
    expect(document.json().error.message).toBe('Permohonan sudah ditolak; tidak ada tindakan lagi.');
    const inEnglish = await sragenFo.post(
      `/api/cases/${caseId}/actions`,
      { action: 'teruskan', version: 2 },
      en,
    );
    expect(inEnglish.json().error.message).toBe('The request was rejected; no more actions.');
  });
});
