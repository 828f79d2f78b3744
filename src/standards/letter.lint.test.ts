import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.ts';
import { checkTemplate } from './letter.lint.ts';
import { letterContextShape } from './letter.schema.ts';
import { lintStandard } from './standard.lint.ts';
import { parseStandardYaml, withLines } from './standard.loader.ts';

const seed = (f: string) => readFileSync(`standards/${f}`, 'utf8');
const effects = [{ name: 'relief.payout', returns: { amount: 'rupiah', legToCode: 'region' } }];
const shape = letterContextShape({
  data: { statusDtks: 'text', legToCode: 'region' },
  effects: { 'relief.payout': { amount: 'rupiah' } },
  intake: ['rawatInap'],
});

/** Lint problems of a seed after `edit`, with lines, as `jaring standards check` prints them. */
function lintEdited(file: string, edit: (yaml: string) => string) {
  const yaml = edit(seed(file));
  const problems = withLines(lintStandard(parseStandardYaml(yaml, file), effects, file), yaml);
  return { yaml, errors: problems.filter((p) => p.severity === 'error') };
}
const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('checkTemplate', () => {
  it('accepts the fixed names, recorded fields, region parts and declared effect fields', () => {
    const t =
      '{{applicant.name}} {{applicant.nik}} {{case.trackingCode}} {{case.openedDate}} {{service.name}} ' +
      '{{product.name}} {{unit.name}} {{unit.region.name}} {{letter.number}} {{letter.date}} {{signer.nip}} ' +
      '{{data.statusDtks}} {{data.legToCode.full}} {{effect.relief.payout.amount.words}} {{! a comment }}';
    expect(checkTemplate(t, shape)).toEqual([]);
  });

  it('refuses an unknown placeholder at its offset, suggesting the near name or listing the group', () => {
    const t = 'Status: {{data.statusDtk}}, {{applicant.alamat}}, {{kasus.id}}';
    expect(checkTemplate(t, shape)).toEqual([
      { offset: 8, message: 'unknown placeholder {{data.statusDtk}} (did you mean {{data.statusDtks}}?)' },
      { offset: 28, message: 'unknown placeholder {{applicant.alamat}} (applicant has: name, nik, phone)' },
      {
        offset: 50,
        message:
          'unknown placeholder {{kasus.id}} (a placeholder starts with one of: applicant, case, service, product, unit, letter, signer, data, effect, intake)',
      },
    ]);
  });

  it('knows the intake answers the standard asks, and only those', () => {
    expect(checkTemplate('Rawat inap: {{intake.rawatInap}}', shape)).toEqual([]);
    expect(checkTemplate('{{intake.rawatJalan}}', shape)[0]?.message).toBe(
      'unknown placeholder {{intake.rawatJalan}} (intake has: rawatInap)',
    );
  });

  it('refuses a region or an amount printed whole: they print by a part, never by code alone', () => {
    const problems = checkTemplate('{{data.legToCode}} {{effect.relief.payout.amount}}', shape);
    expect(problems.map((p) => p.message)).toEqual([
      '{{data.legToCode}} is a region, not a value: print one of {{data.legToCode.code}}, {{data.legToCode.name}}, {{data.legToCode.full}}, {{data.legToCode.place}}',
      '{{effect.relief.payout.amount}} is an amount in rupiah, not a value: print one of {{effect.relief.payout.amount.value}}, {{effect.relief.payout.amount.text}}, {{effect.relief.payout.amount.words}}',
    ]);
  });

  it('resolves names inside a section against the section’s value first, as mustache does', () => {
    const t =
      '{{#data.legToCode}}ke {{name}} ({{code}}), {{applicant.name}}{{/data.legToCode}}{{^data.statusDtks}}-{{/data.statusDtks}}';
    expect(checkTemplate(t, shape)).toEqual([]);
    expect(checkTemplate('{{#data.statusDtks}}{{.}}{{/data.statusDtks}}', shape)).toEqual([]);
    expect(checkTemplate('{{^data.legToCode}}{{name}}{{/data.legToCode}}', shape)[0]?.message).toMatch(
      /unknown placeholder \{\{name\}\}/,
    );
  });

  it('reports a syntax error at the tag that causes it, and refuses partials', () => {
    expect(checkTemplate('Ke {{#data.legToCode}}{{name}} dan seterusnya', shape)).toEqual([
      { offset: 3, message: 'template syntax: Unclosed section "data.legToCode"' },
    ]);
    expect(checkTemplate('a {{/data.x}}', shape)[0]?.message).toBe(
      'template syntax: Unopened section "data.x"',
    );
    expect(checkTemplate('a {{applicant.name', shape)[0]?.message).toBe('template syntax: Unclosed tag');
    expect(checkTemplate('{{> kop}}', shape)[0]?.message).toBe(
      'partials ({{> kop}}) are not supported in letters',
    );
  });
});

describe('letters in the seeds', () => {
  it('lint clean: every placeholder of the five letters is known', () => {
    for (const file of ['tarakan/sembako.yaml', 'sragen/kehabisan-bekal.yaml']) {
      expect(lintEdited(file, (y) => y).errors).toEqual([]);
    }
  });

  it('refuses an unknown placeholder as file:line, at the template line that holds it', () => {
    const { yaml, errors } = lintEdited('tarakan/sembako.yaml', (y) =>
      y.replace('Solusi             : {{data.solusi}}', 'Solusi             : {{data.solusii}}'),
    );
    expect(errors).toEqual([
      {
        file: 'tarakan/sembako.yaml',
        line: lineOf(yaml, '{{data.solusii}}'),
        path: 'letters.kks-baru.body',
        message: 'unknown placeholder {{data.solusii}} (did you mean {{data.solusi}}?)',
        severity: 'error',
      },
    ]);
  });

  it('knows an effect’s fields only where the effect declares them', () => {
    const yaml = seed('sragen/kehabisan-bekal.yaml');
    const s = parseStandardYaml(yaml, 'k.yaml');
    const undeclared = withLines(lintStandard(s, [{ name: 'relief.payout' }], 'k.yaml'), yaml);
    expect(undeclared.filter((p) => p.severity === 'error').map((p) => [p.line, p.message])).toContainEqual([
      lineOf(yaml, 'name: Kepala Dinas Sosial {{effect'),
      'unknown placeholder {{effect.relief.payout.legToCode.name}} (effect.relief.payout has: nothing)',
    ]);
  });

  it('refuses a signer who is not the role of the step issuing the letter', () => {
    const { yaml, errors } = lintEdited('sragen/kehabisan-bekal.yaml', (y) =>
      y.replace('signer: { role: fungsional, onBehalfOf: kepala_dinas }', 'signer: { role: kepala_bidang }'),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: lineOf(yaml, 'signer: { role: kepala_bidang }'),
        path: 'letters.bantuan-transportasi.signer.role',
        message:
          'the letter is issued at step "pembayaran", where fungsional acts, so the signer\'s role must be fungsional (found kepala_bidang); for kepala_bidang to sign, issue the letter at a step of kepala_bidang',
      }),
    ]);
  });

  it('refuses a letter for a product the standard does not publish, and surat dinas parts on a surat keterangan', () => {
    const yaml = seed('tarakan/sembako.yaml')
      .replace('  kks-hilang:\n    kind: keterangan', '  kks-hilan:\n    kind: keterangan')
      .replace(
        '  meninggal:\n    kind: keterangan',
        '  meninggal:\n    kind: keterangan\n    perihal: Keterangan',
      );
    let problems: unknown;
    try {
      parseStandardYaml(yaml, 's.yaml');
    } catch (error) {
      problems = error instanceof ValidationError ? error.problems : error;
    }
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(yaml, 'kks-hilan:'),
        path: 'letters.kks-hilan',
        message: 'unknown product "kks-hilan" (products: kks-baru, kks-hilang, meninggal, perubahan-data)',
      }),
      expect.objectContaining({
        line: lineOf(yaml, 'perihal: Keterangan'),
        path: 'letters.meninggal.perihal',
        message: 'only a surat dinas (kind: dinas) has perihal',
      }),
    ]);
  });
});
