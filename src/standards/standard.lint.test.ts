import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.ts';
import { Components, componentByKey, GroupLabels, TimeLimitKindLabels } from './components.ts';
import { lintStandard, lintStandardsDir } from './standard.lint.ts';
import { parseStandardYaml } from './standard.loader.ts';
import { type Standard, TimeLimitKinds } from './standard.schema.ts';

const seed = (f: string) => readFileSync(path.join('standards', f), 'utf8');
const kehabisanBekal = () => parseStandardYaml(seed('sragen/kehabisan-bekal.yaml'), 'k.yaml');
/** The effects the seeds name; the app hands the linter the list its modules declare (relief.service.ts). */
const effects: Array<{ name: string; returns?: Record<string, string>; atOpening?: boolean }> = [
  { name: 'relief.payout', returns: { amount: 'rupiah', legToCode: 'region' } },
  { name: 'logistics.emergency_active', atOpening: true },
  ...['disposition', 'telaah', 'reserve', 'release', 'dispatch', 'handover'].map((n) => ({
    name: `logistics.${n}`,
  })),
];

describe('the 14 components', () => {
  it('are numbered 1–14 in the order of PermenPAN-RB 15/2014, 6 delivery then 8 manufacturing', () => {
    expect(Components.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(Components.map((c) => c.label.id)).toEqual([
      'Persyaratan',
      'Sistem, Mekanisme dan Prosedur',
      'Jangka Waktu Penyelesaian',
      'Biaya/Tarif',
      'Produk Pelayanan',
      'Penanganan Pengaduan, Saran dan Masukan',
      'Dasar Hukum',
      'Sarana, Prasarana dan/atau Fasilitas',
      'Kompetensi Pelaksana',
      'Pengawasan Internal',
      'Jumlah Pelaksana',
      'Jaminan Pelayanan',
      'Jaminan Keamanan dan Keselamatan Pelayanan',
      'Evaluasi Kinerja Pelaksana',
    ]);
    expect(Components.filter((c) => c.group === 'delivery')).toHaveLength(6);
    expect(Components.every((c) => c.label.en.length > 0)).toBe(true);
    expect(componentByKey('facilities')).toMatchObject({ number: 8, group: 'manufacturing' });
    expect(GroupLabels.delivery.id).toMatch(/Service Delivery/);
  });

  it('are exactly the keys of a standard’s delivery and manufacturing', () => {
    const s = kehabisanBekal();
    const keys = (g: 'delivery' | 'manufacturing') =>
      Components.filter((c) => c.group === g).map((c) => c.key);
    expect(keys('delivery').sort()).toEqual(Object.keys(s.delivery).sort());
    expect(keys('manufacturing').sort()).toEqual(Object.keys(s.manufacturing).sort());
  });

  it('have labels for every time limit kind', () => {
    expect(Object.keys(TimeLimitKindLabels).sort()).toEqual([...TimeLimitKinds].sort());
    expect(TimeLimitKindLabels.per_incident).toEqual({ id: 'Batas per kejadian', en: 'Limit per incident' });
  });
});

describe('lintStandard', () => {
  it('passes a complete standard with no problem', () => {
    const s = parseStandardYaml(seed('tarakan/sembako.yaml'), 's.yaml');
    const complete: Standard = {
      ...s,
      delivery: {
        ...s.delivery,
        complaints: {
          ...s.delivery.complaints,
          officer: { name: 'Arbain, SE., M. AP', nip: '19680318 199403 1 007', position: 'Kepala Dinas' },
        },
      },
    };
    expect(lintStandard(complete, effects, 's.yaml')).toEqual([]);
  });

  it('flags an empty component by its number and name, in either language', () => {
    const s = kehabisanBekal();
    const empty = { ...s, manufacturing: { ...s.manufacturing, facilities: [] } };
    expect(lintStandard(empty, effects, 'k.yaml').filter((p) => p.severity === 'error')).toEqual([
      {
        file: 'k.yaml',
        path: 'manufacturing.facilities',
        message: 'component 8 (Facilities and infrastructure) is required',
        severity: 'error',
      },
    ]);
    expect(lintStandard(empty, effects, 'k.yaml', 'id').map((p) => p.message)).toEqual([
      'komponen 8 (Sarana, Prasarana dan/atau Fasilitas) wajib diisi',
      'tanggal efektif belum diisi',
    ]);
  });

  it('checks all 14 components', () => {
    const s = kehabisanBekal();
    const m = s.manufacturing;
    const hollow: Standard = {
      ...s,
      delivery: {
        requirements: { items: [] },
        procedure: { steps: [] },
        timeLimit: { ...s.delivery.timeLimit, text: ' ' },
        cost: { free: true, text: '' },
        products: [],
        complaints: { channels: [] },
      },
      manufacturing: Object.fromEntries(
        Object.keys(m).map((k) => [k, []]),
      ) as unknown as Standard['manufacturing'],
    };
    const errors = lintStandard(hollow, effects).filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual(
      Components.map((c) => `${c.group}.${c.key}: component ${c.number} (${c.label.en}) is required`),
    );
  });

  it('warns: no complaint officer, no channel, a price without an amount, no staff step, no effective date', () => {
    const s = kehabisanBekal();
    const loose: Standard = {
      ...s,
      delivery: {
        ...s.delivery,
        cost: { free: false, text: 'Sesuai tarif' },
        procedure: { steps: [{ n: 1, text: 'Surat Keterangan dari Kepolisian', role: 'kepolisian' }] },
        complaints: { handler: 'Customer Service', channels: [] },
      },
    };
    expect(lintStandard(loose, effects).map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      'warning delivery.complaints.officer: no complaint officer (pejabat pengelola pengaduan) named',
      'warning delivery.complaints.channels: no complaint channel',
      'warning delivery.cost.amount: the service is not free but no amount (rupiah) is given',
      expect.stringMatching(/^warning delivery\.procedure\.steps: no step is done by a staff role \(admin, /),
      'warning document.effectiveDate: no effective date (tanggal efektif)',
    ]);
    expect(lintStandard(loose, effects, undefined, 'id').map((p) => p.message)).toEqual([
      'pejabat pengelola pengaduan belum disebut',
      'belum ada sarana pengaduan',
      'layanan tidak gratis tetapi besar biaya (rupiah) tidak disebut',
      expect.stringMatching(/^tidak ada langkah yang dikerjakan peran petugas \(admin, /),
      'tanggal efektif belum diisi',
    ]);
    const priced = {
      ...loose,
      delivery: { ...loose.delivery, cost: { free: false, text: 'Rp5.000', amount: 5000 } },
    };
    expect(lintStandard(priced, effects).some((p) => p.path === 'delivery.cost.amount')).toBe(false);
  });
});

describe('the workflow', () => {
  it('refuses a step whose role may not act on cases: a case would stop there', () => {
    const s = kehabisanBekal();
    const [first, ...rest] = s.workflow?.steps ?? [];
    if (!first) throw new Error('no workflow');
    const audited: Standard = { ...s, workflow: { steps: [{ ...first, role: 'auditor' }, ...rest] } };
    expect(
      lintStandard(audited, effects)
        .filter((p) => p.severity === 'error')
        .map(formatProblem),
    ).toEqual([
      'workflow.steps[0].role: role auditor may not act on cases (it holds none of cases.act, cases.intake)',
    ]);
    expect(lintStandard(s, effects).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('lintStandard and effects', () => {
  it('refuses an effect that is not in the list handed in, naming the ones that are', () => {
    const s = kehabisanBekal();
    const named = (known: Array<{ name: string }>) =>
      lintStandard(s, known)
        .filter((p) => p.path.endsWith('.effect'))
        .map(formatProblem);
    expect(named(effects)).toEqual([]);
    expect(named([{ name: 'stock.dispatch' }])).toEqual([
      expect.stringMatching(
        /^workflow\.steps\[\d+\]\.actions\[\d+\]\.effect: unknown effect "relief\.payout" \(known: stock\.dispatch\)$/,
      ),
    ]);
    expect(named([])).toEqual([expect.stringMatching(/unknown effect "relief\.payout" \(known: none\)$/)]);
  });
});

describe('lintStandard and opening checks', () => {
  const banten = () => parseStandardYaml(seed('banten/logistik-tanggap-darurat.yaml'), 'b.yaml');
  const opening = (known: Array<{ name: string; atOpening?: boolean }>, s = banten()) =>
    lintStandard(s, known, undefined, 'en')
      .filter((p) => p.path === 'workflow.openingCheck' || p.path.endsWith('.effect'))
      .map(formatProblem);
  it('refuses an opening check not in the list, or an effect that runs at actions', () => {
    expect(opening(effects)).toEqual([]);
    const actionsOnly = effects.filter((e) => !e.atOpening);
    expect(opening(actionsOnly)).toEqual([
      'workflow.openingCheck: unknown opening check "logistics.emergency_active" (known: none)',
    ]);
    expect(opening([...actionsOnly, { name: 'logistics.emergency_active' }])).toEqual([
      'workflow.openingCheck: unknown opening check "logistics.emergency_active" (known: none)',
    ]);
  });
  it('refuses an opening check named as an action effect', () => {
    const k = kehabisanBekal();
    const [first, ...rest] = k.workflow?.steps ?? [];
    if (!first) throw new Error('no steps');
    const wrong: Standard = {
      ...k,
      workflow: {
        steps: [
          {
            ...first,
            actions: [{ id: 'x', label: 'X', kind: 'complete', effect: 'logistics.emergency_active' }],
          },
          ...rest,
        ],
      },
    };
    expect(opening(effects, wrong)[0]).toMatch(
      /unknown effect "logistics\.emergency_active" \(known: logistics\.dispatch, .*, relief\.payout\)$/,
    );
  });
});

describe('lintStandardsDir', () => {
  it('finds no error in the five seeds, and the warnings a reviewer should see', async () => {
    const problems = await lintStandardsDir('standards', effects);
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'standards/banten/logistik-tanggap-darurat.yaml document.effectiveDate',
      'standards/banten/logistik-tanggap-darurat.yaml delivery.complaints.officer',
      'standards/sragen/dtks.yaml document.effectiveDate',
      'standards/sragen/kehabisan-bekal.yaml document.effectiveDate',
      'standards/sragen/pkh.yaml document.effectiveDate',
      'standards/sragen/pkh.yaml delivery.procedure.steps',
      'standards/tarakan/sembako.yaml delivery.complaints.officer',
    ]);
    expect(problems.every((p) => typeof p.line === 'number')).toBe(true);
  });

  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('combines loader and lint problems, with lines, sorted by file and line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jaring-lint-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'sragen'));
    const noFacilities = seed('sragen/kehabisan-bekal.yaml').replace(
      /\n {2}facilities:\n(?: {4}- .*\n)+/,
      '\n  facilities: []\n',
    );
    const brokenPkh = seed('sragen/pkh.yaml').replace('role: kemensos', 'role: kabid2');
    await writeFile(path.join(dir, 'sragen', 'kehabisan-bekal.yaml'), noFacilities);
    await writeFile(path.join(dir, 'sragen', 'pkh.yaml'), brokenPkh);
    const problems = await lintStandardsDir(dir, effects);
    const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const kb = path.join(dir, 'sragen', 'kehabisan-bekal.yaml');
    const pkh = path.join(dir, 'sragen', 'pkh.yaml');
    expect(problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      `warning ${kb}:${line(noFacilities, 'document:')} document.effectiveDate: no effective date (tanggal efektif)`,
      `error ${kb}:${line(noFacilities, 'facilities: []')} manufacturing.facilities: component 8 (Facilities and infrastructure) is required`,
      expect.stringMatching(
        new RegExp(
          `^error ${pkh}:${line(brokenPkh, 'kabid2')} delivery\\.procedure\\.steps\\[0\\]\\.role: unknown role "kabid2"`,
        ),
      ),
    ]);
  });
});
