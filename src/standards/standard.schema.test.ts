import { describe, expect, it } from 'vitest';
import { IsoDate, Nip, ProcedureStep, Standard, TimeLimit } from './standard.schema.ts';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('Standard schema', () => {
  it('models each kind of "jangka waktu" in the seeds', () => {
    const cases = [
      { kind: 'duration', minutes: 30, text: '30 menit' },
      { kind: 'duration', workingDays: 3, text: '3 hari kerja' },
      { kind: 'per_incident', count: 1, text: '1 Kali kejadian' },
      { kind: 'schedule', stagesPerYear: 4, months: [1, 4, 7, 10], text: '4 (empat) tahapan dalam setahun' },
      { kind: 'schedule', stagesPerYear: 4, text: '4 (empat) tahapan dalam setahun' },
      { kind: 'cycle', period: 'budget_year', text: '1 (satu) tahun anggaran' },
      { kind: 'cycle', period: 'calendar_year', text: '1 (satu) tahun berjalan' },
    ];
    for (const c of cases) expect(TimeLimit.parse(c)).toEqual(c);
    expect(messages(TimeLimit.safeParse({ kind: 'duration', text: 'x', minutes: 0 }))).toEqual([
      'Too small: expected number to be >0',
    ]);
  });

  it('names an unknown role with the prefix the CLI and API show', () => {
    const r = ProcedureStep.safeParse({ n: 1, text: 'x', role: 'kabid2' });
    expect(messages(r)[0]).toMatch(/^unknown role "kabid2" \(one of: admin, kepala_dinas, .*\)$/);
    expect(ProcedureStep.parse({ n: 1, text: 'x', role: 'bupati' }).role).toBe('bupati');
  });

  it('takes a NIP with or without its spaces, 18 digits', () => {
    expect(Nip.safeParse('19660101 199803 2 005').success).toBe(true);
    expect(Nip.safeParse('197201211992022002').success).toBe(true);
    expect(messages(Nip.safeParse('19660101 199803 2 05'))).toEqual(['NIP must have 18 digits (found 17)']);
  });

  it('takes only real calendar dates', () => {
    expect(IsoDate.safeParse('2025-01-10').success).toBe(true);
    expect(messages(IsoDate.safeParse('2024-02-30'))).toEqual(['"2024-02-30" is not a calendar date']);
    expect(messages(IsoDate.safeParse('10 Januari 2025'))).toContain('must be a date YYYY-MM-DD');
  });

  it('refuses unknown keys everywhere and trims text', () => {
    const r = Standard.safeParse({ id: 'x', extra: 1 });
    expect(r.error?.issues.find((i) => i.code === 'unrecognized_keys')?.path).toEqual([]);
    const step = ProcedureStep.parse({ n: 1, text: '  Petugas memeriksa  ', role: 'front_office' });
    expect(step.text).toBe('Petugas memeriksa');
    expect(messages(ProcedureStep.safeParse({ n: 1, text: '   ', role: 'front_office' }))).toEqual([
      'must not be empty',
    ]);
  });
});
