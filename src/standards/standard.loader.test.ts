import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Problem, ValidationError } from '../core/errors.ts';
import { lintStandard, lintStandardsDir } from './standard.lint.ts';
import { loadStandardsDir, parseStandardYaml } from './standard.loader.ts';

const seed = (f: string) => readFileSync(path.join('standards', f), 'utf8');

function problemsOf(text: string, file = 'x.yaml'): Problem[] {
  try {
    parseStandardYaml(text, file);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected problems');
}

describe('the five seed standards', () => {
  it('load and lint with no errors', async () => {
    const { standards, problems } = await loadStandardsDir('standards');
    expect(problems).toEqual([]);
    expect(standards.map((s) => `${s.standard.unit}/${s.standard.id}`)).toEqual([
      'banten/logistik-tanggap-darurat',
      'sragen/dtks',
      'sragen/kehabisan-bekal',
      'sragen/pkh',
      'tarakan/sembako',
    ]);
    const errors = (await lintStandardsDir('standards')).filter((p) => p.severity !== 'warning');
    expect(errors).toEqual([]);
  });

  it('keep the facts of the seeds', () => {
    const sembako = parseStandardYaml(seed('tarakan/sembako.yaml'), 's');
    expect(sembako.delivery.products.map((p) => p.id)).toEqual([
      'kks-baru',
      'kks-hilang',
      'meninggal',
      'perubahan-data',
    ]);
    expect(sembako.delivery.timeLimit).toEqual({ kind: 'duration', minutes: 30, text: '30 menit' });
    expect(sembako.delivery.requirements.items.find((r) => r.id === 'akte-kematian')?.products).toEqual([
      'meninggal',
    ]);
    expect(sembako.document).toMatchObject({
      number: '000.8.3.2/03.2/DINSOSPM',
      effectiveDate: '2025-01-10',
    });
    expect(sembako.signedBy?.nip).toBe('19680318 199403 1 007');
    expect(sembako.manufacturing.legalBasis).toHaveLength(7);

    const pkh = parseStandardYaml(seed('sragen/pkh.yaml'), 'p');
    expect(pkh.delivery.complaints.officer?.nip).toBe('19660101 199803 2 005');
    expect(pkh.delivery.timeLimit).toMatchObject({ kind: 'schedule', stagesPerYear: 4 });
    expect(pkh.delivery.requirements.items).toHaveLength(10);
    expect(pkh.manufacturing.legalBasis).toHaveLength(6);

    const dtks = parseStandardYaml(seed('sragen/dtks.yaml'), 'd');
    expect(dtks.delivery.procedure.steps).toHaveLength(9);
    expect(dtks.manufacturing.facilities).toHaveLength(22);
    expect(dtks.delivery.timeLimit).toMatchObject({ kind: 'cycle', period: 'budget_year' });

    const banten = parseStandardYaml(seed('banten/logistik-tanggap-darurat.yaml'), 'b');
    expect(banten.delivery.complaints.channels).toHaveLength(8);
    expect(banten.delivery.procedure.steps.map((s) => s.role)).toEqual([
      'kepala_dinas',
      'kepala_bidang',
      'fungsional',
      'kepala_bidang',
      'fungsional',
      'penerima',
    ]);
    expect(banten.manufacturing.legalBasis).toHaveLength(9);

    const kb = parseStandardYaml(seed('sragen/kehabisan-bekal.yaml'), 'k');
    expect(kb.delivery.timeLimit).toEqual({ kind: 'per_incident', count: 1, text: '1 Kali kejadian' });
    expect(kb.manufacturing.facilities).toHaveLength(15);
  });
});

describe('parseStandardYaml errors', () => {
  it('reports every problem with line and full path', () => {
    const text = seed('sragen/pkh.yaml')
      .replace('role: kemensos', 'role: kabid2')
      .replace('  cost:\n    free: true\n    text: Tidak dikenakan biaya (Gratis)\n', '')
      .replace(
        'name: Program Keluarga Harapan Kementerian Sosial',
        'name: Program Keluarga Harapan Kementerian Sosial\ncolour: red',
      );
    const problems = problemsOf(text, 'standards/sragen/pkh.yaml');
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

    const role = problems.find((p) => p.path === 'delivery.procedure.steps[0].role');
    expect(role?.message).toMatch(/^unknown role "kabid2"/);
    expect(role?.line).toBe(lineOf('kabid2'));
    expect(role?.file).toBe('standards/sragen/pkh.yaml');

    const unknown = problems.find((p) => p.path === 'colour');
    expect(unknown).toMatchObject({ message: 'unknown key "colour"', line: lineOf('colour: red') });

    const cost = problems.find((p) => p.path === 'delivery.cost');
    expect(cost?.message).toMatch(/^required/);
    expect(cost?.line).toBe(lineOf('delivery:'));
    expect(problems).toHaveLength(3);
  });

  it('says what type it expected where a value is present but wrong', () => {
    const text = seed('tarakan/sembako.yaml').replace(
      'nip: 19680318 199403 1 007',
      'nip: 196803181994031007',
    );
    expect(problemsOf(text)).toContainEqual(
      expect.objectContaining({
        path: 'signedBy.nip',
        message: 'Invalid input: expected string, received number',
      }),
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('id: x\nunit: [sragen\nname: y\n');
    expect(problems[0]?.message).toMatch(/^YAML:/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('checks cross references: duplicate ids, unknown products, step order, NIP', () => {
    const text = seed('tarakan/sembako.yaml')
      .replace('products: [meninggal]', 'products: [wafat]')
      .replace('id: kks\n', 'id: kk-ktp\n')
      .replace('n: 3', 'n: 7')
      .replace('nip: 19680318 199403 1 007', "nip: '1968'");
    const messages = problemsOf(text).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/products\[0\]: unknown product "wafat"/),
        expect.stringMatching(/items\[1\]\.id: duplicate requirement id "kk-ktp"/),
        expect.stringMatching(
          /steps\[2\]\.n: steps must be numbered 1\.\.n in order \(expected 3, found 7\)/,
        ),
        'signedBy.nip: NIP must have 18 digits',
      ]),
    );
  });

  it('a duration needs exactly one unit', () => {
    const text = seed('tarakan/sembako.yaml').replace('minutes: 30', 'minutes: 30\n    workingDays: 1');
    expect(problemsOf(text).map((p) => p.message)).toContain(
      'a duration needs exactly one of minutes or workingDays',
    );
  });
});

describe('lint and directory checks', () => {
  it('flags an empty component by number and name', () => {
    const s = parseStandardYaml(seed('sragen/kehabisan-bekal.yaml'), 'k');
    const empty = { ...s, manufacturing: { ...s.manufacturing, facilities: [] } };
    expect(lintStandard(empty, 'k.yaml')).toContainEqual({
      file: 'k.yaml',
      path: 'manufacturing.facilities',
      message: 'component 8 (Sarana, Prasarana dan/atau Fasilitas) is empty',
      severity: 'error',
    });
  });

  it('checks folder = unit and file name = id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jaring-std-'));
    await mkdir(path.join(dir, 'tarakan'));
    await writeFile(path.join(dir, 'tarakan', 'lain.yaml'), seed('sragen/kehabisan-bekal.yaml'));
    const { problems } = await loadStandardsDir(dir);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'unit: is "sragen" but the file is in folder "tarakan"',
      'id: is "kehabisan-bekal" but the file is named "lain.yaml"',
    ]);
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
});
