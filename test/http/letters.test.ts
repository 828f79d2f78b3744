import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% scan of a paper\n');
/** A letter's text as pdftotext reads it, whitespace folded. */
const textOf = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString().replace(/\s+/g, ' ');

async function letterText(a: Agent, caseId: number) {
  const view = (await a.get(`/api/cases/${caseId}`)).json();
  expect(view.letters).toHaveLength(1);
  const letter = view.letters[0];
  const res = await a.get(`/api/cases/${caseId}/letters/${letter.id}/pdf`);
  expect(res.statusCode).toBe(200);
  return { letter, text: textOf(res.rawPayload) };
}

describe('letters from the standard’s templates: Sembako, each product', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kabid: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kabid = await signedIn(t.app, 'tarakan.kabid');
  });
  afterAll(() => t.close());

  const cases = [
    {
      product: 'kks-baru',
      title: 'SURAT KETERANGAN PENERBITAN KKS (KARTU KESEJAHTERAAN SOSIAL) BARU',
      says: 'untuk penerbitan KKS atas nama yang bersangkutan',
    },
    {
      product: 'kks-hilang',
      title: 'SURAT KETERANGAN KKS HILANG DAN SETTING E-WALLET',
      says: 'untuk penggantian KKS yang hilang serta pengaturan ulang (setting)',
    },
    {
      product: 'meninggal',
      title: 'SURAT KETERANGAN MENINGGAL',
      says: 'melaporkan meninggalnya pengurus Keluarga Penerima Manfaat',
    },
    {
      product: 'perubahan-data',
      title: 'SURAT KETERANGAN PERUBAHAN DATA',
      says: 'mengajukan perubahan data kepesertaan',
    },
  ];

  // No hyphen: pdftotext would show one broken at a line end as "kks- baru".
  const jenis = (product: string) => `BPNT ${product.replace(/-/g, '')}`;

  it.each(cases)(
    '$product: the letter prints its own title, text and what the officer recorded',
    async (c) => {
      const opened = await fo.post('/api/cases', {
        standardId: 'sembako',
        product: c.product,
        applicant: { name: `Nur Aisyah ${c.product}`, nik: '6571015708900001' },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const id = opened.json().id;
      for (const req of ['kk-ktp', 'kks', 'surat-kelurahan', 'buku-tabungan', 'akte-kematian']) {
        expect((await fo.upload(`/api/cases/${id}/documents/${req}`, pdf)).statusCode).toBe(201);
      }
      expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
        200,
      );
      const recorded = await officer.post(`/api/cases/${id}/actions`, {
        action: 'teruskan',
        version: 2,
        data: {
          jenisBantuan: jenis(c.product),
          analisis: 'Data KPM di SIKS-NG\nperlu dimutakhirkan',
          solusi: 'Pemutakhiran data oleh operator',
          referensiSiksNg: `SIKS-NG/2026/${c.product}`,
          edukasi: 'Penggunaan KKS di e-Warong',
        },
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      const signed = await kabid.post(`/api/cases/${id}/actions`, { action: 'setujui', version: 3 });
      expect(signed.statusCode, signed.body).toBe(200);

      const { letter, text } = await letterText(fo, id);
      expect(text).toContain(c.title);
      expect(text).toContain(`Nomor: ${letter.number}`);
      expect(text).toContain(`Nama : Nur Aisyah ${c.product}`);
      expect(text).toContain('NIK : 6571015708900001');
      // The fields of the analisis step, a line break in a value printed as a space.
      expect(text).toContain(`Jenis bantuan : ${jenis(c.product)}`);
      expect(text).toContain(`KPM) bantuan sosial ${jenis(c.product)}`);
      expect(text).toContain('Kendala : Data KPM di SIKS-NG perlu dimutakhirkan');
      expect(text).toContain(`Referensi SIKS-NG : SIKS-NG/2026/${c.product}`);
      expect(text).toContain(c.says);
      expect(text).toContain(
        'Tembusan: 1. Kepala Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan (sebagai laporan); 2. Arsip.',
      );
      expect(text).not.toMatch(/\{\{|\}\}/);
    },
  );
});

describe('the Kehabisan Bekal cover letter names the office where the paid leg ends', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    officer = await signedIn(t.app, 'sragen.fungsional');
  });
  afterAll(() => t.close());

  async function paidCase(nik: string, data: Record<string, string>) {
    const id = (
      await fo.post('/api/cases', {
        standardId: 'kehabisan-bekal',
        applicant: { name: 'Bambang Sutrisno', nik },
      })
    ).json().id;
    await fo.upload(`/api/cases/${id}/documents/surat-keterangan-kepolisian`, pdf);
    expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
      200,
    );
    const paid = await officer.post(`/api/cases/${id}/actions`, { action: 'bayar', version: 2, data });
    expect(paid.statusCode, paid.body).toBe(200);
    return letterText(officer, id);
  }

  it('a relay leg: to the next office on the way, by name, saying what was paid and where the traveller goes', async () => {
    const { letter, text } = await paidCase('3314011708900001', {
      originCode: '33.14',
      destinationCode: '51.71',
      legToCode: '35.78',
    });
    expect(letter.title).toBe('Surat Pengantar Pemulangan Orang Terlantar (Kehabisan Bekal)');
    expect(text).toContain(`Nomor : ${letter.number}`);
    expect(text).toContain('Hal : Pengantar Pemulangan Orang Terlantar (Kehabisan Bekal)');
    expect(text).toContain('Kepada Yth. Kepala Dinas Sosial Kota Surabaya di Surabaya');
    expect(text).toContain('Nama : Bambang Sutrisno');
    expect(text).toContain('Daerah asal : Kabupaten Sragen, Provinsi Jawa Tengah');
    expect(text).toContain('Tujuan akhir : Kota Denpasar, Provinsi Bali');
    expect(text).toContain(
      'sebesar Rp350.000 (tiga ratus lima puluh ribu rupiah) untuk perjalanan dari Kabupaten Sragen sampai dengan Kota Surabaya, Provinsi Jawa Timur',
    );
    expect(text).toContain('Sesuai mekanisme pemulangan secara estafet');
    expect(text).toContain('2. Kepala Dinas Sosial Kota Denpasar;');
    expect(text).not.toContain('35.78');
  });

  it('no relay: to the home office, without the relay paragraph or its copy', async () => {
    const { text } = await paidCase('3314011708900002', { originCode: '33.14', destinationCode: '33.74' });
    expect(text).toContain('Kepada Yth. Kepala Dinas Sosial Kota Semarang di Semarang');
    expect(text).toContain('sebesar Rp250.000 (dua ratus lima puluh ribu rupiah)');
    expect(text).toContain('pulang ke tempat tinggalnya di Kota Semarang, Provinsi Jawa Tengah');
    expect(text).not.toContain('estafet');
    expect(text).toContain('Tembusan: 1. Kepala Dinas Sosial Kabupaten Sragen (sebagai laporan); 2. Arsip.');
  });
});

describe('a sixth service’s recommendation prints the DTKS status recorded at an earlier step', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const yaml = (placeholder: string) => `
id: rekomendasi-pbi
unit: sragen
division: { code: penanganan-fakir-miskin, name: Bidang Penanganan Fakir Miskin }
document: { number: 460/0002/01/2026, revision: '00', effectiveDate: '2026-01-02' }
name: Rekomendasi PBI Jaminan Kesehatan
delivery:
  requirements:
    items:
      - { id: ktp, kind: document, text: Fotokopi KTP }
  procedure:
    steps:
      - { n: 1, role: pemohon, text: Pemohon datang membawa berkas }
      - { n: 2, role: verifikator, text: Verifikasi status DTKS }
      - { n: 3, role: kepala_dinas, text: Penandatanganan surat rekomendasi }
  timeLimit: { kind: duration, workingDays: 3, text: 3 hari kerja }
  cost: { free: true, text: Gratis }
  products: [{ id: rekomendasi, name: Surat Rekomendasi PBI-JK }]
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
      label: Verifikasi status DTKS
      procedureStep: 2
      role: verifikator
      requires: [ktp]
      actions:
        - id: sah
          label: Terdaftar, teruskan
          kind: forward
          to: tanda-tangan
          fields:
            - { id: statusDtks, label: Status DTKS/DTSEN, kind: text }
    - id: tanda-tangan
      label: Tanda tangan Kepala Dinas
      procedureStep: 3
      role: kepala_dinas
      actions:
        - { id: tandatangani, label: Tandatangani, kind: complete, letter: { classification: "460" } }
letters:
  rekomendasi:
    kind: dinas
    perihal: Rekomendasi PBI Jaminan Kesehatan
    addressee:
      name: Kepala BPJS Kesehatan Cabang Surakarta
      place: Surakarta
    body: |
      Dengan hormat,

      Berdasarkan hasil verifikasi, {{applicant.name}} tercatat dengan status {{${placeholder}}}.
      Kami merekomendasikan yang bersangkutan menjadi peserta PBI Jaminan Kesehatan.
    signer: { role: kepala_dinas }
`;

  it('refuses an unknown placeholder at upload with its line, then prints the recorded status', async () => {
    const kadis = await signedIn(t.app, 'sragen.kadis');
    const bad = yaml('data.statusDtk');
    const refused = await kadis.post('/api/staff/standards', { yaml: bad, fileName: 'rekomendasi-pbi.yaml' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.problems).toEqual([
      expect.objectContaining({
        line: bad.split('\n').findIndex((l) => l.includes('{{data.statusDtk}}')) + 1,
        path: 'letters.rekomendasi.body',
        message: 'placeholder {{data.statusDtk}} tidak dikenal (maksud Anda {{data.statusDtks}}?)',
      }),
    ]);
    // The same problem in English on request.
    const english = await kadis.post(
      '/api/staff/standards',
      { yaml: bad, fileName: 'rekomendasi-pbi.yaml' },
      { 'accept-language': 'en' },
    );
    expect(english.json().error.problems[0].message).toBe(
      'unknown placeholder {{data.statusDtk}} (did you mean {{data.statusDtks}}?)',
    );
    const published = await kadis.post('/api/staff/standards', {
      yaml: yaml('data.statusDtks'),
      fileName: 'rekomendasi-pbi.yaml',
    });
    expect(published.statusCode, published.body).toBe(201);

    const fo = await signedIn(t.app, 'sragen.fo');
    const id = (
      await fo.post('/api/cases', { standardId: 'rekomendasi-pbi', applicant: { name: 'Sumarni' } })
    ).json().id;
    const verifier = await signedIn(t.app, 'sragen.verifikator');
    await verifier.upload(`/api/cases/${id}/documents/ktp`, pdf);
    const verified = await verifier.post(`/api/cases/${id}/actions`, {
      action: 'sah',
      version: 1,
      data: { statusDtks: 'terdaftar DTSEN desil 2' },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(
      (await kadis.post(`/api/cases/${id}/actions`, { action: 'tandatangani', version: 2 })).statusCode,
    ).toBe(200);
    const { letter, text } = await letterText(kadis, id);
    expect(letter.title).toBe('Surat Rekomendasi PBI-JK');
    expect(text).toContain('Kepada Yth. Kepala BPJS Kesehatan Cabang Surakarta di Surakarta');
    expect(text).toContain('Sumarni tercatat dengan status terdaftar DTSEN desil 2.');
  });

  it('keeps the seeds clean for `jaring standards check`', async () => {
    const { lintStandardsDir } = await import('../../src/standards/standard.lint.ts');
    // Every module's effects, as `jaring standards check` is handed them.
    const { effects } = await import('../../src/app.ts');
    const problems = await lintStandardsDir('standards', effects);
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(await readFile('standards/tarakan/sembako.yaml', 'utf8')).toContain("Jaring's");
  });
});
