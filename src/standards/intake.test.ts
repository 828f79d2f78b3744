import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, ValidationError } from '../core/errors.ts';
import { checkIntakeAnswers, conditionHolds, printedAnswers, requirementText } from './intake.ts';
import { lintStandard } from './standard.lint.ts';
import { parseStandardYaml } from './standard.loader.ts';
import { renderStandardPdf } from './standard.pdf.ts';
import type { Standard } from './standard.schema.ts';
import { toSippnService } from './standard.sippn.ts';

const fixture = readFileSync('test/fixtures/standards/sragen/jamkes-fakir-miskin.yaml', 'utf8');
const file = 'jamkes-fakir-miskin.yaml';

/** `file:line path: message` of each problem of a YAML text, as the CLI prints them. */
function printed(text: string): string[] {
  try {
    parseStandardYaml(text, file);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected problems');
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('conditional requirements in a standard', () => {
  const s: Standard = parseStandardYaml(fixture, file);

  it('reads the intake questions and the conditions of the sixth service', () => {
    expect(s.intake?.fields.map((f) => [f.id, f.kind, f.required])).toEqual([
      ['rawatInap', 'boolean', true],
      ['pengurus', 'choice', true],
    ]);
    const rujukan = s.delivery.requirements.items.find((r) => r.id === 'surat-rujukan');
    expect(rujukan?.when).toEqual({ field: 'rawatInap', equals: true, text: 'khusus pasien rawat inap' });
    // One product, as published: the condition does not make a second one.
    expect(s.delivery.products.map((p) => p.id)).toEqual(['rekomendasi']);
    expect(lintStandard(s, []).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses a condition on a field the standard does not ask, on its line', () => {
    const text = fixture.replace('field: rawatInap, equals: true', 'field: rawatJalan, equals: true');
    expect(printed(text)).toEqual([
      `${file}:${lineOf(text, 'rawatJalan')} delivery.requirements.items[2].when.field: ` +
        'unknown intake field "rawatJalan" (intake fields: rawatInap, pengurus)',
    ]);
    const noIntake =
      fixture.slice(0, fixture.indexOf('intake:')) + fixture.slice(fixture.indexOf('workflow:'));
    expect(printed(noIntake)).toEqual([
      `${file}:28 delivery.requirements.items[2].when.field: unknown intake field "rawatInap" (intake fields: none)`,
      `${file}:32 delivery.requirements.items[3].when.field: unknown intake field "pengurus" (intake fields: none)`,
    ]);
  });

  it('refuses an `equals` that is no answer of the field', () => {
    const text = fixture
      .replace('equals: true, text: khusus', 'equals: ya, text: khusus')
      .replace('equals: keluarga', 'equals: kerabat');
    expect(printed(text)).toEqual([
      `${file}:28 delivery.requirements.items[2].when.equals: "ya" is no answer of boolean field "rawatInap" (true or false)`,
      `${file}:32 delivery.requirements.items[3].when.equals: "kerabat" is not an option of field "pengurus" (options: pasien, keluarga)`,
    ]);
  });

  it('refuses duplicate field ids and options, unknown kinds, and a condition without its text', () => {
    const dup = fixture
      .replace(
        '    - id: pengurus',
        '    - { id: rawatInap, label: Lagi, kind: boolean }\n    - id: pengurus',
      )
      .replace('- { value: keluarga, label: Keluarga pasien }', '- { value: pasien, label: Keluarga pasien }')
      .replace('equals: keluarga', 'equals: pasien')
      .replace(', text: bila diurus oleh keluarga', '');
    expect(printed(dup)).toEqual([
      `${file}:32 delivery.requirements.items[3].when.text: required (expected string)`,
      `${file}:71 intake.fields[1].id: duplicate intake field "rawatInap" (first at fields[0])`,
      `${file}:77 intake.fields[2].options[1].value: duplicate option "pasien"`,
    ]);
    expect(printed(fixture.replace('kind: boolean }', 'kind: yesno }'))).toEqual([
      `${file}:70 intake.fields[0].kind: unknown field kind "yesno" (one of: boolean, choice, text, number, region)`,
    ]);
  });

  it('prints the condition with the requirement in the PDF', async () => {
    const pdf = await renderStandardPdf({
      unit: {
        code: 'sragen',
        name: 'Dinas Sosial Kabupaten Sragen',
        maklumat: 'm',
        head: null,
        letterhead: [],
      },
      standard: s,
      revision: {
        revision: '00',
        effectiveDate: null,
        publishedAt: '2026-01-02T00:00:00Z',
        sha256: 'a'.repeat(64),
      },
      lang: 'id',
      publicUrl: 'http://localhost:3000',
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-intake-'));
    writeFileSync(path.join(dir, 's.pdf'), pdf);
    execFileSync('pdftotext', [path.join(dir, 's.pdf'), path.join(dir, 's.txt')]);
    const text = readFileSync(path.join(dir, 's.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Surat rujukan rumah sakit (khusus pasien rawat inap)');
    expect(text).toContain('Surat kuasa dari pasien (bila diurus oleh keluarga)');
    // The intake questions are how Jaring runs the service, not the published text.
    expect(text).not.toContain('Pasien rawat inap?');
  });

  it('prints the condition with the requirement in the SIPPN text', () => {
    const unit = {
      name: 'Dinas Sosial Kabupaten Sragen',
      regionCode: '33.14',
      regionName: 'SRAGEN',
      maklumat: 'm',
    };
    const out = toSippnService(unit, s, { sha256: 'a'.repeat(64), publishedAt: '2026-01-02T00:00:00Z' });
    const persyaratan = out.komponen.find((k) => k.kunci === 'persyaratan')?.uraian ?? '';
    expect(persyaratan).toContain('3. Surat rujukan rumah sakit (khusus pasien rawat inap)');
    expect(persyaratan).toContain('4. Surat kuasa dari pasien (bila diurus oleh keluarga)');
  });
});

describe('intake answers', () => {
  const s = parseStandardYaml(fixture, file);
  const fields = s.intake?.fields ?? [];
  const rujukan = s.delivery.requirements.items.find((r) => r.id === 'surat-rujukan');

  it('applies a requirement only when its answer holds', () => {
    expect(conditionHolds(rujukan?.when, { rawatInap: true })).toBe(true);
    expect(conditionHolds(rujukan?.when, { rawatInap: false })).toBe(false);
    expect(conditionHolds(rujukan?.when, {})).toBe(false);
    expect(conditionHolds(undefined, {})).toBe(true);
    expect(requirementText(rujukan ?? { text: '' })).toBe(
      'Surat rujukan rumah sakit (khusus pasien rawat inap)',
    );
  });

  it('keeps valid answers and names every wrong one in Indonesian at its path', () => {
    expect(checkIntakeAnswers(fields, { rawatInap: false, pengurus: ' keluarga ' })).toEqual({
      answers: { rawatInap: false, pengurus: 'keluarga' },
      problems: [],
    });
    const wrong = checkIntakeAnswers(fields, { rawatInap: 'ya', pengurus: 'tetangga', umur: 3 }).problems;
    expect(wrong.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'intake.umur', message: 'pertanyaan tidak dikenal (yang ada: rawatInap, pengurus)' },
      { path: 'intake.rawatInap', message: 'Pasien rawat inap?: jawab ya atau tidak (true/false)' },
      { path: 'intake.pengurus', message: 'Yang mengurus: pilih salah satu dari pasien, keluarga' },
    ]);
    // The same in English, for the error mapper to pick.
    expect(wrong.map((p) => p.text.en)).toEqual([
      'unknown question (the standard asks: rawatInap, pengurus)',
      'Pasien rawat inap?: answer yes or no (true/false)',
      'Yang mengurus: choose one of pasien, keluarga',
    ]);
    expect(checkIntakeAnswers(fields, {}).problems.map((p) => p.message)).toEqual([
      'Pasien rawat inap?: wajib dijawab',
      'Yang mengurus: wajib dijawab',
    ]);
    const optional = [
      { id: 'umur', label: 'Umur', kind: 'number' as const, required: false },
      { id: 'catatan', label: 'Catatan', kind: 'text' as const, required: false },
    ];
    expect(checkIntakeAnswers(optional, {})).toEqual({ answers: {}, problems: [] });
    expect(
      checkIntakeAnswers(optional, { umur: '7', catatan: 'x'.repeat(501) }).problems.map(
        ({ path, message }) => ({
          path,
          message,
        }),
      ),
    ).toEqual([
      { path: 'intake.umur', message: 'Umur: harus berupa angka' },
      { path: 'intake.catatan', message: 'Catatan: paling panjang 500 karakter' },
    ]);
  });
});

describe('printedAnswers', () => {
  it('prints a yes/no as Ya/Tidak and a choice by its label, for the letter', () => {
    const fields = [
      { id: 'rawatInap', label: 'Rawat inap?', kind: 'boolean' as const, required: true },
      {
        id: 'pengurus',
        label: 'Diurus oleh',
        kind: 'choice' as const,
        required: true,
        options: [
          { value: 'sendiri', label: 'Pemohon sendiri' },
          { value: 'keluarga', label: 'Keluarga' },
        ],
      },
    ];
    expect(printedAnswers(fields, { rawatInap: false, pengurus: 'keluarga' })).toEqual({
      rawatInap: 'Tidak',
      pengurus: 'Keluarga',
    });
    expect(printedAnswers(fields, {})).toEqual({});
  });
});
