import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem, ValidationError } from '../core/errors.ts';
import type { Language } from '../core/i18n.ts';
import { formatPath, loadStandardsDir, parsePath, parseStandardYaml, withLines } from './standard.loader.ts';

const seed = (f: string) => readFileSync(path.join('standards', f), 'utf8');

function problemsOf(text: string, file = 'x.yaml', lang: Language = 'en'): Problem[] {
  try {
    parseStandardYaml(text, file, lang);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected problems');
}

/** `file:line path: message` of each problem, as the CLI prints them. */
const printed = (problems: Problem[]) => problems.map(formatProblem);

/** A small valid standard; line numbers below refer to it. */
const valid = `id: contoh
unit: sragen
division: { code: perlindungan-sosial, name: Bidang Perlindungan Sosial }
document:
  number: 460/0001/01/2026
  revision: '00'
  effectiveDate: '2026-01-02'
name: Layanan Contoh
delivery:
  requirements:
    items:
      - { id: ktp, kind: document, text: Fotocopy KTP }
      - { id: akta, kind: document, text: Fotocopy Akta, products: [surat-b] }
  procedure:
    steps:
      - n: 1
        role: pemohon
        text: Pemohon datang membawa berkas
      - n: 2
        role: front_office
        text: Petugas memeriksa berkas
  timeLimit: { kind: duration, minutes: 30, text: 30 menit }
  cost: { free: true, text: Gratis }
  products:
    - { id: surat-a, name: Surat Keterangan A }
    - { id: surat-b, name: Surat Keterangan B }
  complaints:
    officer: { name: Sari, nip: 19660101 199803 2 005, position: Pekerja Sosial }
    channels:
      - { kind: phone, label: Telepon, value: 0271-891043 }
manufacturing:
  legalBasis:
    - text: Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
  facilities: [Komputer]
  competence: [Diploma 3]
  oversight: [Evaluasi oleh Pimpinan]
  staffing: [1 orang PNS]
  guarantees: [Kode etik]
  safety: [CCTV]
  evaluation: [Survei Kepuasan Masyarakat]
`;

describe('the five seed standards', () => {
  it('load from standards/<unit>/<id>.yaml with no problem', async () => {
    const { standards, problems } = await loadStandardsDir('standards');
    expect(problems).toEqual([]);
    expect(standards.map((s) => [s.file, `${s.standard.unit}/${s.standard.id}`])).toEqual([
      ['standards/banten/logistik-tanggap-darurat.yaml', 'banten/logistik-tanggap-darurat'],
      ['standards/sragen/dtks.yaml', 'sragen/dtks'],
      ['standards/sragen/kehabisan-bekal.yaml', 'sragen/kehabisan-bekal'],
      ['standards/sragen/pkh.yaml', 'sragen/pkh'],
      ['standards/tarakan/sembako.yaml', 'tarakan/sembako'],
    ]);
  });

  it('Sembako (Tarakan): four letters, 30 minutes, papers per letter, signed by the Kepala Dinas', () => {
    const s = parseStandardYaml(seed('tarakan/sembako.yaml'), 's');
    expect(s.division).toEqual({ code: 'sosial', name: 'Bidang Sosial' });
    expect(s.document).toEqual({
      number: '000.8.3.2/03.2/DINSOSPM',
      revision: '1',
      revisionNote: '2 Januari 2025',
      effectiveDate: '2025-01-10',
      title: 'STANDAR PELAYANAN FASILITAS PROGRAM SEMBAKO',
    });
    expect(s.delivery.products.map((p) => p.id)).toEqual([
      'kks-baru',
      'kks-hilang',
      'meninggal',
      'perubahan-data',
    ]);
    expect(s.delivery.timeLimit).toEqual({ kind: 'duration', minutes: 30, text: '30 menit' });
    const papers = (product: string) =>
      s.delivery.requirements.items
        .filter((r) => !r.products || r.products.includes(product))
        .map((r) => r.id);
    expect(papers('meninggal')).toEqual(['kk-ktp', 'kks', 'akte-kematian']);
    expect(papers('kks-baru')).toEqual(['kk-ktp', 'surat-kelurahan']);
    expect(s.delivery.procedure.steps.map((p) => p.role)).toEqual([
      'pemohon',
      'front_office',
      'fungsional',
      'kepala_bidang',
      'front_office',
    ]);
    expect(s.signedBy).toEqual({
      name: 'Arbain, SE., M. AP',
      rank: 'Pembina Utama Muda/IV-c',
      nip: '19680318 199403 1 007',
      position: 'Kepala Dinas',
    });
    expect(s.delivery.complaints.channels.map((c) => c.kind)).toEqual(['lapor', 'in_person', 'box']);
    expect(s.manufacturing.legalBasis).toHaveLength(7);
    expect(s.manufacturing.staffing).toHaveLength(5);
  });

  it('PKH (Sragen): components as grouped conditions, 4 stages a year, the complaint officer', () => {
    const s = parseStandardYaml(seed('sragen/pkh.yaml'), 'p');
    const items = s.delivery.requirements.items;
    expect(s.delivery.requirements.intro).toBe('Keluarga Penerima Manfaat (KPM) Memenuhi Komponen');
    expect(items).toHaveLength(10);
    expect(items.filter((r) => r.group === 'Komponen Kesehatan').map((r) => r.text)).toEqual([
      'Ibu Hamil / Menyusui',
      'Bayi / Balita',
      'Anak Pra Sekolah',
    ]);
    expect(items.filter((r) => r.kind === 'condition')).toHaveLength(8);
    expect(items.find((r) => r.kind === 'data')?.text).toBe(
      'Data by name by address dikeluarkan oleh Kementerian Sosial',
    );
    expect(items.find((r) => r.kind === 'document')?.text).toBe('KTP');
    expect(s.delivery.timeLimit).toEqual({
      kind: 'schedule',
      stagesPerYear: 4,
      months: [1, 4, 7, 10],
      text: '4 (empat) tahapan dalam setahun',
    });
    expect(s.delivery.complaints.officer).toEqual({
      name: 'Sari Srihartiwi .MM',
      nip: '19660101 199803 2 005',
      position: 'Jf Pekerja Sosial Ahli Muda Bidang perlindungan dan Jaminan Sosial',
    });
    expect(s.manufacturing.legalBasis).toHaveLength(6);
    expect(s.manufacturing.staffing).toContain('2 (dua) orang PNS dan 135 (Pendamping PKH)');
    expect(s.manufacturing.facilities).toHaveLength(15);
  });

  it('DTKS (Sragen): 9 steps from the village operator to the Bupati, 22 facilities, a budget year', () => {
    const s = parseStandardYaml(seed('sragen/dtks.yaml'), 'd');
    expect(s.division.code).toBe('penanganan-fakir-miskin');
    expect(s.delivery.procedure.steps).toHaveLength(9);
    expect(s.delivery.procedure.steps.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.delivery.procedure.steps[0]?.role).toBe('operator_desa');
    expect(s.delivery.procedure.steps[7]?.text).toMatch(/kepada Bupati Sragen untuk ditandatangani$/);
    expect(s.manufacturing.facilities).toHaveLength(22);
    expect(s.delivery.timeLimit).toEqual({
      kind: 'cycle',
      period: 'budget_year',
      text: '1 (satu) tahun anggaran',
    });
    expect(s.delivery.complaints.officer?.nip).toBe('197201211992022002');
    expect(s.manufacturing.legalBasis).toHaveLength(5);
  });

  it('Logistik (Banten): 8 complaint channels, the disposition chain, a calendar year', () => {
    const s = parseStandardYaml(seed('banten/logistik-tanggap-darurat.yaml'), 'b');
    const channels = s.delivery.complaints.channels;
    expect(channels.map((c) => c.kind)).toEqual([
      'in_person',
      'box',
      'sms_whatsapp',
      'phone',
      'email',
      'lapor',
      'website',
      'instagram',
    ]);
    expect(channels.find((c) => c.kind === 'sms_whatsapp')?.value).toBe('081288475883');
    expect(s.delivery.procedure.steps.map((p) => p.role)).toEqual([
      'kepala_dinas',
      'kepala_bidang',
      'fungsional',
      'kepala_bidang',
      'fungsional',
      'penerima',
    ]);
    expect(s.delivery.timeLimit).toEqual({
      kind: 'cycle',
      period: 'calendar_year',
      text: '1 (satu) tahun berjalan',
    });
    expect(s.delivery.requirements.items).toHaveLength(4);
    expect(s.manufacturing.legalBasis).toHaveLength(9);
    expect(s.manufacturing.guarantees).toHaveLength(8);
  });

  it('Kehabisan Bekal (Sragen): once per incident, cash, relayed home', () => {
    const s = parseStandardYaml(seed('sragen/kehabisan-bekal.yaml'), 'k');
    expect(s.delivery.timeLimit).toEqual({ kind: 'per_incident', count: 1, text: '1 Kali kejadian' });
    expect(s.delivery.requirements.items.map((r) => r.text)).toEqual([
      'Surat Keterangan Dari Kepolisian bahwa orang tersebut kehabisan Bekal',
    ]);
    expect(s.delivery.procedure.steps.map((p) => [p.role, p.text])).toEqual([
      ['kepolisian', 'Surat Keterangan dari Kepolisian tentang Kehabisan Bekal'],
      ['fungsional', 'Diberikan secara Tunai'],
    ]);
    expect(s.delivery.products[0]?.name).toBe('Membantu KPM pulang ketempat asalnya secara Estafet');
    expect(s.delivery.complaints.officer?.nip).toBe('19660101 199803 2 005');
    expect(s.delivery.complaints.handler).toBe('Customer Service');
    expect(s.manufacturing.facilities).toHaveLength(15);
    expect(s.manufacturing.legalBasis.map((l) => l.text)).toEqual([
      'UU No. 11 Th 1999 ttg Kesejahteraan Sosial',
    ]);
    expect(s.document.effectiveDate).toBeUndefined();
  });

  it('fixes a typo only on a line that says what the seed had', () => {
    for (const f of [
      'sragen/kehabisan-bekal.yaml',
      'sragen/pkh.yaml',
      'sragen/dtks.yaml',
      'tarakan/sembako.yaml',
      'banten/logistik-tanggap-darurat.yaml',
    ]) {
      const fixed = seed(f)
        .split('\n')
        .filter((l) => l.includes('# seed:'));
      for (const line of fixed) expect(line, f).toMatch(/# seed: "[^"]+"/);
    }
    expect(seed('sragen/kehabisan-bekal.yaml')).toMatch(/Estafet # seed: "Estavet"/);
  });
});

describe('parseStandardYaml: problems with file, line and path', () => {
  it('accepts the small standard the other tests break', () => {
    expect(parseStandardYaml(valid, 'contoh.yaml').name).toBe('Layanan Contoh');
  });

  it('reports every problem of a malformed file at once, each on its line', () => {
    const broken = `id: contoh
unit: sragen
division: { code: perlindungan-sosial, name: Bidang Perlindungan Sosial }
document:
  number: 460/0001/01/2026
  revision: '00'
  colour: red
name: Layanan Contoh
delivery:
  requirements:
    items:
      - { id: ktp, kind: document, text: Fotocopy KTP }
  procedure:
    steps:
      - n: 1
        role: kabid2
        text: Pemohon datang membawa berkas
  timeLimit: { kind: duration, minutes: 30, text: 30 menit }
  products:
    - { id: surat-a, name: Surat Keterangan A }
  complaints:
    channels: []
manufacturing:
  legalBasis: []
  facilities: []
  competence: []
  oversight: []
  staffing: []
  guarantees: []
  safety: []
  evaluation: []
`;
    const problems = problemsOf(broken, 'standards/sragen/contoh.yaml');
    expect(printed(problems)).toEqual([
      'standards/sragen/contoh.yaml:7 document.colour: unknown key "colour" ' +
        '(allowed here: number, revision, revisionNote, effectiveDate, title)',
      'standards/sragen/contoh.yaml:9 delivery.cost: component 4 (Cost/fee) is required',
      expect.stringMatching(
        /^standards\/sragen\/contoh\.yaml:16 delivery\.procedure\.steps\[0\]\.role: unknown role "kabid2" \(one of: admin, kepala_dinas, .*penerima\)$/,
      ),
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('names the expected type, the allowed values and what it found', () => {
    const text = valid
      .replace('kind: document, text: Fotocopy KTP', 'kind: paper, text: Fotocopy KTP')
      .replace('minutes: 30', 'minutes: setengah jam')
      .replace("effectiveDate: '2026-01-02'", "effectiveDate: '2026-02-30'")
      .replace('id: contoh', 'id: Layanan Contoh')
      .replace('  facilities: [Komputer]', '  facilites: [Komputer]')
      .replace('0271-891043', '0271891043');
    expect(printed(problemsOf(text))).toEqual([
      'x.yaml:1 id: must be kebab-case (a-z, 0-9, -), received "Layanan Contoh"',
      'x.yaml:7 document.effectiveDate: "2026-02-30" is not a calendar date',
      'x.yaml:12 delivery.requirements.items[0].kind: expected one of "document"|"condition"|"data", received "paper"',
      'x.yaml:22 delivery.timeLimit.minutes: expected number, received string',
      'x.yaml:30 delivery.complaints.channels[0].value: expected string, received number; ' +
        'put it in quotes to keep it as written (leading zeros, spaces)',
      'x.yaml:31 manufacturing.facilities: component 8 (Facilities and infrastructure) is required',
      'x.yaml:34 manufacturing.facilites: unknown key "facilites" (did you mean "facilities"? ' +
        'allowed here: legalBasis, facilities, competence, oversight, staffing, guarantees, safety, evaluation)',
    ]);
  });

  it('types the time limit by its kind, and says which kinds there are', () => {
    const withTimeLimit = (t: string) => valid.replace('{ kind: duration, minutes: 30, text: 30 menit }', t);
    expect(printed(problemsOf(withTimeLimit('{ kind: hours, text: 30 menit }')))).toEqual([
      'x.yaml:22 delivery.timeLimit.kind: unknown time limit kind "hours" ' +
        '(one of: duration, per_incident, schedule, cycle)',
    ]);
    expect(printed(problemsOf(withTimeLimit('{ text: 30 menit }')))).toEqual([
      'x.yaml:22 delivery.timeLimit.kind: required (one of: duration, per_incident, schedule, cycle)',
    ]);
    expect(
      printed(problemsOf(withTimeLimit('{ kind: duration, minutes: 30, workingDays: 1, text: x }'))),
    ).toEqual(['x.yaml:22 delivery.timeLimit: a duration needs exactly one of minutes or workingDays']);
    expect(printed(problemsOf(withTimeLimit('{ kind: duration, text: x }')))).toEqual([
      'x.yaml:22 delivery.timeLimit: a duration needs exactly one of minutes or workingDays',
    ]);
    expect(printed(problemsOf(withTimeLimit('{ kind: cycle, period: fiscal, text: x }')))).toEqual([
      'x.yaml:22 delivery.timeLimit.period: expected one of "budget_year"|"calendar_year", received "fiscal"',
    ]);
    expect(
      printed(problemsOf(withTimeLimit('{ kind: schedule, stagesPerYear: 4, months: [1, 7, 4], text: x }'))),
    ).toEqual([
      'x.yaml:22 delivery.timeLimit.months: lists 3 month(s) for 4 stage(s) per year',
      'x.yaml:22 delivery.timeLimit.months: months must be in increasing order',
    ]);
    expect(
      printed(problemsOf(withTimeLimit('{ kind: per_incident, count: 1, minutes: 5, text: x }'))),
    ).toEqual([
      'x.yaml:22 delivery.timeLimit.minutes: unknown key "minutes" (allowed here: kind, text, count)',
    ]);
    expect(
      parseStandardYaml(withTimeLimit('{ kind: duration, workingDays: 3, text: 3 hari kerja }'), 'x').delivery
        .timeLimit,
    ).toEqual({
      kind: 'duration',
      workingDays: 3,
      text: '3 hari kerja',
    });
  });

  it('checks cross references: ids, product references, step numbers, NIP, free with an amount', () => {
    const text = valid
      .replace('{ id: akta, kind: document', '{ id: ktp, kind: document')
      .replace('products: [surat-b]', 'products: [surat-c]')
      .replace('{ id: surat-b, name', '{ id: surat-a, name')
      .replace('n: 2', 'n: 3')
      .replace('nip: 19660101 199803 2 005', "nip: '1966 0101'")
      .replace('cost: { free: true, text: Gratis }', 'cost: { free: true, text: Gratis, amount: 5000 }');
    expect(printed(problemsOf(text))).toEqual([
      'x.yaml:13 delivery.requirements.items[1].id: duplicate requirement id "ktp" (first at items[0])',
      'x.yaml:13 delivery.requirements.items[1].products[0]: unknown product "surat-c" (products: surat-a)',
      'x.yaml:19 delivery.procedure.steps[1].n: steps must be numbered 1..n in order (expected 2, found 3)',
      'x.yaml:23 delivery.cost.amount: a free service cannot cost Rp5000 (set free: false, or remove the amount)',
      'x.yaml:26 delivery.products[1].id: duplicate product id "surat-a" (first at products[0])',
      'x.yaml:28 delivery.complaints.officer.nip: NIP must have 18 digits (found 8)',
    ]);
    const unknownProduct = valid.replace('products: [surat-b]', 'products: [surat-b, surat-c]');
    expect(printed(problemsOf(unknownProduct))).toEqual([
      'x.yaml:13 delivery.requirements.items[1].products[1]: unknown product "surat-c" (products: surat-a, surat-b)',
    ]);
    const repeatedStep = valid.replace('n: 2', 'n: 1');
    expect(printed(problemsOf(repeatedStep))).toEqual([
      'x.yaml:19 delivery.procedure.steps[1].n: duplicate step number 1',
    ]);
  });

  it('reports cross-field problems beside type errors elsewhere in the file', () => {
    const text = valid
      .replace('role: front_office', 'role: kabid2')
      .replace('products: [surat-b]', 'products: [surat-c]')
      .replace('{ id: surat-b, name', '{ id: surat-a, name')
      .replace('cost: { free: true, text: Gratis }', 'cost: { free: gratis, text: Gratis }');
    expect(printed(problemsOf(text)).map((p) => p.replace(/ \(.*$/, ''))).toEqual([
      'x.yaml:13 delivery.requirements.items[1].products[0]: unknown product "surat-c"',
      'x.yaml:20 delivery.procedure.steps[1].role: unknown role "kabid2"',
      'x.yaml:23 delivery.cost.free: expected boolean, received string',
      'x.yaml:26 delivery.products[1].id: duplicate product id "surat-a"',
    ]);
  });

  it('requires a role on each step, and lists the roles', () => {
    const text = valid.replace('        role: front_office\n', '');
    expect(printed(problemsOf(text))).toEqual([
      expect.stringMatching(
        /^x\.yaml:19 delivery\.procedure\.steps\[1\]\.role: required \(one of: admin, .*\)$/,
      ),
    ]);
  });

  it('reports a YAML syntax error with its line, and schema problems above it', () => {
    const tab = valid.replace('  cost: { free: true, text: Gratis }', '  cost:\n\tfree: true');
    const problems = problemsOf(tab, 'tab.yaml');
    expect(problems[0]).toMatchObject({
      file: 'tab.yaml',
      line: 24,
      path: '',
      message: 'YAML syntax: Tabs are not allowed as indentation (column 1)',
    });
    expect(problems.every((p) => p.message.startsWith('YAML syntax:'))).toBe(true);

    // A wrong role above the error is still reported; "cost: (empty)" below it is not.
    const both = tab.replace('role: front_office', 'role: kabid2');
    expect(printed(problemsOf(both, 'tab.yaml')).slice(0, 2)).toEqual([
      expect.stringMatching(/^tab\.yaml:20 delivery\.procedure\.steps\[1\]\.role: unknown role "kabid2"/),
      'tab.yaml:24 YAML syntax: Tabs are not allowed as indentation (column 1)',
    ]);
    expect(problemsOf(both).some((p) => p.path === 'delivery.cost')).toBe(false);

    expect(printed(problemsOf('id: contoh\nunit: [sragen\nname: x\n'))).toContainEqual(
      expect.stringMatching(/^x\.yaml:\d+ YAML syntax: /),
    );
    expect(
      printed(problemsOf(valid.replace('name: Layanan Contoh', 'name: Layanan Contoh\nname: Lagi'))),
    ).toEqual(['x.yaml:9 YAML syntax: Map keys must be unique (column 1)']);
  });

  it('says when a file is empty or is not a mapping', () => {
    expect(printed(problemsOf('', 'e.yaml'))).toEqual(['e.yaml:1 the file is empty']);
    expect(printed(problemsOf('# only a comment\n', 'e.yaml'))).toEqual(['e.yaml:1 the file is empty']);
    expect(printed(problemsOf('- a\n- b\n', 'e.yaml'))).toEqual(['e.yaml:1 expected object, received array']);
  });

  it('throws a ValidationError with the code standard.invalid', () => {
    expect(() => parseStandardYaml('id: 1', 'x.yaml')).toThrowError(
      expect.objectContaining({ code: 'standard.invalid' }),
    );
  });
});

describe('parseStandardYaml in Indonesian (the uploader’s language)', () => {
  const id = (text: string, file = 'x.yaml') => printed(problemsOf(text, file, 'id'));

  it('names a missing or empty component by its number and name', () => {
    const noEvaluation = valid.replace('  evaluation: [Survei Kepuasan Masyarakat]\n', '');
    expect(id(noEvaluation)).toEqual([
      'x.yaml:31 manufacturing.evaluation: komponen 14 (Evaluasi Kinerja Pelaksana) wajib diisi',
    ]);
    expect(printed(problemsOf(noEvaluation))).toEqual([
      'x.yaml:31 manufacturing.evaluation: component 14 (Staff performance evaluation) is required',
    ]);
    const noDelivery = valid.replace(/^delivery:\n(?: {2}.*\n)+/m, '');
    expect(id(noDelivery)).toEqual([
      'x.yaml:1 delivery: komponen 1–6 wajib diisi: Proses Penyampaian Pelayanan (Service Delivery)',
    ]);
  });

  it('words the schema’s own checks, zod’s and the loader’s in Indonesian', () => {
    const text = valid
      .replace('kind: document, text: Fotocopy KTP', 'kind: paper, text: Fotocopy KTP')
      .replace('minutes: 30', 'minutes: setengah jam')
      .replace("effectiveDate: '2026-01-02'", "effectiveDate: '2026-02-30'")
      .replace('id: contoh', 'id: Layanan Contoh')
      .replace('  facilities: [Komputer]', '  facilites: [Komputer]')
      .replace('0271-891043', '0271891043')
      .replace('role: front_office', 'role: kabid2')
      .replace('nip: 19660101 199803 2 005', "nip: '1966 0101'");
    expect(id(text)).toEqual([
      'x.yaml:1 id: harus kebab-case (a-z, 0-9, -), tertulis "Layanan Contoh"',
      'x.yaml:7 document.effectiveDate: "2026-02-30" bukan tanggal yang ada di kalender',
      'x.yaml:12 delivery.requirements.items[0].kind: harus salah satu dari "document"|"condition"|"data", bukan "paper"',
      expect.stringMatching(
        /^x\.yaml:20 delivery\.procedure\.steps\[1\]\.role: peran "kabid2" tidak dikenal \(salah satu dari: admin, /,
      ),
      'x.yaml:22 delivery.timeLimit.minutes: harus berupa angka, bukan teks',
      'x.yaml:28 delivery.complaints.officer.nip: NIP harus 18 angka (tertulis 8)',
      'x.yaml:30 delivery.complaints.channels[0].value: harus berupa teks, bukan angka; ' +
        'beri tanda kutip agar tetap tertulis apa adanya (nol di depan, spasi)',
      'x.yaml:31 manufacturing.facilities: komponen 8 (Sarana, Prasarana dan/atau Fasilitas) wajib diisi',
      'x.yaml:34 manufacturing.facilites: kunci "facilites" tidak dikenal (mungkin maksudnya "facilities"? ' +
        'yang boleh di sini: legalBasis, facilities, competence, oversight, staffing, guarantees, safety, evaluation)',
    ]);
  });

  it('words cross references and time limits in Indonesian', () => {
    const text = valid
      .replace('{ id: akta, kind: document', '{ id: ktp, kind: document')
      .replace('products: [surat-b]', 'products: [surat-c]')
      .replace('n: 2', 'n: 3')
      .replace('cost: { free: true, text: Gratis }', 'cost: { free: true, text: Gratis, amount: 5000 }')
      .replace('{ kind: duration, minutes: 30, text: 30 menit }', '{ kind: hours, text: 30 menit }');
    expect(id(text)).toEqual([
      'x.yaml:13 delivery.requirements.items[1].id: id persyaratan "ktp" ganda (pertama di items[0])',
      'x.yaml:13 delivery.requirements.items[1].products[0]: produk "surat-c" tidak dikenal (produk: surat-a, surat-b)',
      'x.yaml:19 delivery.procedure.steps[1].n: langkah harus bernomor urut 1..n (seharusnya 2, tertulis 3)',
      'x.yaml:22 delivery.timeLimit.kind: jenis jangka waktu "hours" tidak dikenal ' +
        '(salah satu dari: duration, per_incident, schedule, cycle)',
      'x.yaml:23 delivery.cost.amount: layanan gratis tidak dapat berbiaya Rp5000 (tulis free: false, atau hapus amount)',
    ]);
    const both = valid.replace(
      '{ kind: duration, minutes: 30, text: 30 menit }',
      '{ kind: duration, minutes: 30, workingDays: 1, text: x }',
    );
    expect(id(both)).toEqual([
      'x.yaml:22 delivery.timeLimit: durasi memerlukan tepat satu dari minutes atau workingDays',
    ]);
  });

  it('says what is wrong with the YAML itself in Indonesian', () => {
    expect(id(valid.replace('  cost: { free: true, text: Gratis }', '  cost:\n\tfree: true'))[0]).toBe(
      'x.yaml:24 Sintaks YAML: tab tidak boleh dipakai sebagai indentasi; pakai spasi (kolom 1)',
    );
    expect(id(valid.replace('name: Layanan Contoh', 'name: Layanan Contoh\nname: Lagi'))).toEqual([
      'x.yaml:9 Sintaks YAML: kunci yang sama ditulis dua kali (kolom 1)',
    ]);
    expect(id('', 'e.yaml')).toEqual(['e.yaml:1 berkas kosong']);
    expect(id('- a\n- b\n', 'e.yaml')).toEqual(['e.yaml:1 harus berupa objek (kunci: nilai), bukan daftar']);
  });

  it('leaves the language of a later parse as it was (English outside the call)', () => {
    problemsOf(valid.replace('id: contoh', 'id: X'), 'x.yaml', 'id');
    expect(printed(problemsOf(valid.replace('id: contoh', 'id: X')))).toEqual([
      'x.yaml:1 id: must be kebab-case (a-z, 0-9, -), received "X"',
    ]);
  });
});

describe('paths and lines', () => {
  it('formats and parses paths the same way', () => {
    const parts = ['delivery', 'procedure', 'steps', 2, 'role'];
    expect(formatPath(parts)).toBe('delivery.procedure.steps[2].role');
    expect(parsePath('delivery.procedure.steps[2].role')).toEqual(parts);
    expect(parsePath('workflow.steps[1].actions[0]')).toEqual(['workflow', 'steps', 1, 'actions', 0]);
  });

  it('withLines locates problems that carry only a path (a missing key: its parent)', () => {
    const located = withLines(
      [
        { path: 'manufacturing.safety', message: 'a' },
        { path: 'delivery.procedure.steps[1].role', message: 'b' },
        { path: 'document.title', message: 'c' },
        { path: '', message: 'd' },
        { path: 'name', message: 'e', line: 99 },
      ],
      valid,
    );
    expect(located.map((p) => p.line)).toEqual([39, 20, 4, undefined, 99]);
  });
});

describe('loadStandardsDir', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  async function tree(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jaring-std-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  }
  const where = (dir: string, problems: Problem[]) =>
    problems.map((p) => `${path.relative(dir, p.file ?? '')}:${p.line ?? ''} ${p.path}: ${p.message}`);

  it('checks that the folder is the unit and the file name is the id', async () => {
    const dir = await tree({ 'tarakan/lain.yaml': valid });
    const { standards, problems } = await loadStandardsDir(dir);
    expect(where(dir, problems)).toEqual([
      'tarakan/lain.yaml:2 unit: is "sragen" but the file is in folder "tarakan"',
      'tarakan/lain.yaml:1 id: is "contoh" but the file is named "lain.yaml"',
    ]);
    expect(standards).toHaveLength(1);
  });

  it('finds duplicate ids within a unit, not across units', async () => {
    const dir = await tree({
      'sragen/contoh.yaml': valid,
      'sragen/contoh.yml': valid,
      'tarakan/contoh.yaml': valid.replace('unit: sragen', 'unit: tarakan'),
    });
    const { problems } = await loadStandardsDir(dir);
    expect(where(dir, problems)).toEqual([
      expect.stringMatching(
        /^sragen\/contoh\.yml:1 id: duplicate id "contoh" in unit "sragen" \(also in .*contoh\.yaml\)$/,
      ),
    ]);
  });

  it('collects the problems of every file and still loads the good ones', async () => {
    const dir = await tree({
      'sragen/contoh.yaml': valid,
      'sragen/rusak.yaml': valid.replace('id: contoh', 'id: rusak').replace('role: pemohon', 'role: kabid2'),
      'banten/kosong.yaml': '',
      'stray.yaml': valid,
      'sragen/README.md': '# not a standard',
    });
    const { standards, problems } = await loadStandardsDir(dir);
    expect(standards.map((s) => s.standard.id)).toEqual(['contoh']);
    expect(standards[0]?.text).toBe(valid);
    expect(where(dir, problems)).toEqual([
      expect.stringMatching(
        /^stray\.yaml: : not in a unit folder; a standard belongs in .*<unit>\/stray\.yaml$/,
      ),
      'banten/kosong.yaml:1 : the file is empty',
      expect.stringMatching(
        /^sragen\/rusak\.yaml:17 delivery\.procedure\.steps\[0\]\.role: unknown role "kabid2"/,
      ),
    ]);
  });

  it('says when the folder does not exist', async () => {
    const { standards, problems } = await loadStandardsDir(path.join(os.tmpdir(), 'jaring-no-such-folder'));
    expect(standards).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['no such folder']);
  });
});

describe('workflow in a standard', () => {
  const withWorkflow = (steps: string) => `${seed('sragen/pkh.yaml')}workflow:\n  steps:\n${steps}`;

  it('accepts a workflow whose steps refer to the standard’s requirements and procedure', () => {
    const s = parseStandardYaml(
      withWorkflow(
        [
          '    - id: periksa-berkas',
          '      label: Pengecekan berkas',
          '      procedureStep: 2',
          '      role: front_office',
          '      requires: [ktp]',
          '      actions:',
          '        - { id: serahkan, label: Serahkan, kind: complete }',
          '',
        ].join('\n'),
      ),
      's',
    );
    expect(s.workflow?.steps[0]?.requires).toEqual(['ktp']);
  });

  it('locates a wrong reference in the workflow by line', () => {
    const text = withWorkflow(
      [
        '    - id: periksa-berkas',
        '      label: Pengecekan berkas',
        '      procedureStep: 9',
        '      role: front_office',
        '      requires: [ktp-asli]',
        '      actions:',
        '        - { id: serahkan, label: Serahkan, kind: complete }',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(text, 'w.yaml');
    const lines = text.split('\n');
    expect(problems.map((p) => [p.path, p.line, p.message])).toEqual([
      [
        'workflow.steps[0].procedureStep',
        lines.findIndex((l) => l.includes('procedureStep: 9')) + 1,
        'no procedure step 9',
      ],
      [
        'workflow.steps[0].requires[0]',
        lines.findIndex((l) => l.includes('ktp-asli')) + 1,
        expect.stringMatching(/^unknown requirement "ktp-asli"/),
      ],
    ]);
  });

  it('checks a step deadline against its intake field: a choice, hours for every option, a known default', () => {
    const banten = seed('banten/logistik-tanggap-darurat.yaml');
    const deadline = '        hours: { kritis: 4, tinggi: 8, rutin: 24, rendah: 48 }';
    expect(banten).toContain(deadline);
    expect(parseStandardYaml(banten, 'b.yaml').workflow?.steps.find((s) => s.deadline)?.deadline).toEqual({
      intakeField: 'priority',
      hours: { kritis: 4, tinggi: 8, rutin: 24, rendah: 48 },
      default: 'rutin',
      warnAt: 0.75,
    });
    const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const at = (text: string) => problemsOf(text, 'b.yaml').map((p) => [p.path, p.line, p.message]);
    const path = 'workflow.steps[4].deadline';
    const holes = banten.replace(deadline, '        hours: { kritis: 4, tinggi: 8, segera: 2 }');
    expect(at(holes)).toEqual([
      [
        `${path}.hours`,
        line(holes, 'segera: 2'),
        'hours for every option of priority (kritis, tinggi, rutin, rendah); missing: rutin, rendah; not an option: segera',
      ],
    ]);
    const zero = banten.replace(deadline, '        hours: { kritis: 4, tinggi: 0, rutin: 24, rendah: 48 }');
    expect(at(zero)).toEqual([[`${path}.hours.tinggi`, line(zero, 'tinggi: 0'), 'hours must be above 0']]);
    const wrongDefault = banten.replace('        default: rutin', '        default: biasa');
    expect(at(wrongDefault)).toEqual([
      [
        `${path}.default`,
        line(wrongDefault, 'default: biasa'),
        '"biasa" is not an option of priority (kritis, tinggi, rutin, rendah)',
      ],
    ]);
    const textField = banten.replace(
      '        intakeField: priority',
      '        intakeField: requestingOffice',
    );
    expect(at(textField)).toEqual([
      [
        `${path}.intakeField`,
        line(textField, 'intakeField: requestingOffice'),
        'a deadline needs a choice intake field; "requestingOffice" is a text',
      ],
    ]);
    const warn = banten.replace('        warnAt: 0.75', '        warnAt: 75');
    expect(at(warn)).toEqual([[`${path}.warnAt`, line(warn, 'warnAt: 75'), 'between 0 and 1 (e.g. 0.75)']]);
  });
});
