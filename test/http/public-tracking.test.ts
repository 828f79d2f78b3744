import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';
import { declareEmergency } from '../relief.ts';

const pdf = Buffer.from('%PDF-1.4\n% scan of a paper\n');
const nik = '6571015708900001';

describe('public tracking: what the citizen is asked to do, and where the office is', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kabid: Agent;
  let caseId = 0;
  let trackingCode = '';
  const version = async (a: Agent) => (await a.get(`/api/cases/${caseId}`)).json().case.version as number;
  const act = async (a: Agent, action: string, extra: object = {}) => {
    const res = await a.post(`/api/cases/${caseId}/actions`, { action, version: await version(a), ...extra });
    expect(res.statusCode, res.body).toBe(200);
  };
  const track = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/track/${trackingCode}` });
    expect(res.statusCode).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kabid = await signedIn(t.app, 'tarakan.kabid');
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name: 'Siti Rahma Wati', nik, phone: '08123456789' },
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    trackingCode = res.json().trackingCode;
  });
  afterAll(() => t.close());

  it('names the office with its address, phone and hours, and who works each step', async () => {
    const body = (await track()).json();
    expect(body.office).toEqual({
      name: 'Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan',
      address: 'Kota Tarakan, Kalimantan Utara',
      phone: '',
      officeHours: expect.objectContaining({
        '1': [
          { start: '07:30', end: '12:00' },
          { start: '13:00', end: '16:00' },
        ],
      }),
    });
    expect(body.steps.map((s: { role: string }) => s.role)).toEqual([
      'front_office',
      'fungsional',
      'kepala_bidang',
      'front_office',
    ]);
    expect(body).toMatchObject({ status: 'open', reason: null, letterIssued: false });
    // Sembako's steps are told by who works them: the standard gives no words of its own.
    expect(body.steps.every((s: { publicLabel: unknown }) => s.publicLabel === null)).toBe(true);
  });

  it('tells a relief request’s steps in the standard’s words, each its own', async () => {
    const desk = await signedIn(t.app, 'banten.fo');
    await declareEmergency(await signedIn(t.app, 'banten.kadis'), '360/Kep.90-Huk/2026', ['36.01']);
    const res = await desk.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Desa Sumur' },
      intake: { areaCode: '36.01.01', requestingOffice: 'Dinas Sosial Kabupaten Pandeglang' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/public/track/${res.json().trackingCode}` })
    ).json();
    const labels = tracked.steps.map((s: { publicLabel: string | null }) => s.publicLabel);
    expect(labels).toEqual([
      'Permohonan dan berkas diterima',
      'Diterima Kepala Dinas',
      'Disposisi Kepala Bidang',
      'Telaah kebutuhan oleh petugas',
      'Persetujuan bantuan',
      'Pengiriman bantuan',
      'Serah terima bantuan (BAST)',
    ]);
  });

  it('says what is missing when returned, with any NIK in the note masked', async () => {
    await act(fo, 'kembalikan', { note: `Fotokopi buku tabungan a.n. NIK ${nik} belum ada` });
    const res = await track();
    expect(res.json()).toMatchObject({
      status: 'returned',
      reason: 'Fotokopi buku tabungan a.n. NIK 6571********0001 belum ada',
    });
    expect(res.body).not.toContain(nik);
    expect(res.body).not.toContain('Rahma');
    expect(res.body).not.toContain('08123456789');
  });

  it('tells once the letter is signed that it is issued, and drops the reason once resumed', async () => {
    await act(fo, 'resume');
    for (const id of ['kk-ktp', 'surat-kelurahan']) {
      const up = await fo.upload(`/api/cases/${caseId}/documents/${id}`, pdf, `${id}.pdf`);
      expect(up.statusCode, up.body).toBe(201);
    }
    await act(fo, 'teruskan');
    expect((await track()).json()).toMatchObject({ status: 'open', reason: null, letterIssued: false });
    await act(officer, 'teruskan', {
      data: { jenisBantuan: 'BPNT', analisis: 'x', solusi: 'y', referensiSiksNg: 'z', edukasi: 'w' },
    });
    await act(kabid, 'setujui');
    const body = (await track()).json();
    expect(body).toMatchObject({ status: 'open', letterIssued: true });
    expect(body.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'current']);
  });

  it('gives the reason of a refusal, and the same 404 for any unknown code', async () => {
    const other = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name: 'Budi Santoso' },
    });
    caseId = other.json().id;
    trackingCode = other.json().trackingCode;
    for (const id of ['kk-ktp', 'surat-kelurahan'])
      await fo.upload(`/api/cases/${caseId}/documents/${id}`, pdf);
    await act(fo, 'teruskan');
    await act(officer, 'tolak', { note: 'Sudah menerima KKS pada tahun 2025' });
    expect((await track()).json()).toMatchObject({
      status: 'rejected',
      reason: 'Sudah menerima KKS pada tahun 2025',
      letterIssued: false,
    });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/track/AAAAA-AAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'case.not_found',
      message: 'Permohonan tidak ditemukan.',
    });
  });
});
