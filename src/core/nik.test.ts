import { describe, expect, it } from 'vitest';
import { composeNik, parseKk, parseNik } from './nik.ts';

const today = new Date('2026-11-23T00:00:00Z');

describe('parseNik', () => {
  it('reads region, birth date, sex and serial', () => {
    const r = parseNik('3314011708900001', { today });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({
      provinceCode: '33',
      regencyCode: '33.14',
      districtCode: '33.14.01',
      birthDate: '1990-08-17',
      sex: 'L',
      serial: '0001',
    });
  });

  it('applies the +40 rule for women', () => {
    const r = parseNik('3314015708900002', { today });
    expect(r.value?.birthDate).toBe('1990-08-17');
    expect(r.value?.sex).toBe('P');
  });

  it('chooses the century so the birth date is not in the future', () => {
    expect(parseNik('3314010101250003', { today }).value?.birthDate).toBe('2025-01-01');
    expect(parseNik('3314010112260003', { today }).value?.birthDate).toBe('1926-12-01');
    expect(parseNik('3314010101300003', { today }).value?.birthDate).toBe('1930-01-01');
    // Dates are remembered per day of "today": a later today puts the same NIK in this century.
    const nextYear = new Date('2027-01-01T00:00:00Z');
    expect(parseNik('3314010112260003', { today: nextYear }).value?.birthDate).toBe('2026-12-01');
    expect(parseNik('3314010112260003', { today }).value?.birthDate).toBe('1926-12-01');
    // A KK's date and a NIK's with the same digits are not mixed up (a NIK day over 40 is a woman's).
    expect(parseKk('3314015101250003', { today }).ok).toBe(false);
    expect(parseNik('3314015101250003', { today }).value?.birthDate).toBe('2025-01-11');
  });

  it('accepts spaces and dots', () => {
    expect(parseNik('3314 0117 0890 0001', { today }).ok).toBe(true);
  });

  it('returns every problem at once', () => {
    const r = parseNik('9914014513900000', { today });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['region.province_unknown', 'date.month', 'nik.serial']);
  });

  it('reports an impossible day in Indonesian', () => {
    const r = parseNik('3314018501900001', { today });
    expect(r.problems[0]?.message).toBe('tanggal lahir tidak valid (hari 45)');
    expect(parseNik('3314013102900001', { today }).problems[0]?.code).toBe('date.invalid');
  });

  it('treats an unknown district as a warning, not a rejection', () => {
    const r = parseNik('3314991708900001', { today });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'region.district_unknown', severity: 'warning' }),
    ]);
  });

  it('rejects wrong length and letters', () => {
    expect(parseNik('33140117089', { today }).problems[0]?.message).toBe('NIK harus 16 digit (ada 11)');
    expect(parseNik('33140117089000AB', { today }).problems.map((p) => p.code)).toContain('nik.not_digits');
  });
});

describe('parseKk', () => {
  it('reads the entry date without the +40 rule', () => {
    expect(parseKk('3314011201150004', { today }).value?.date).toBe('2015-01-12');
    expect(parseKk('3314015201150004', { today }).ok).toBe(false);
  });
});

describe('composeNik', () => {
  it('is the inverse of parseNik: district, birth date (+40 for a woman), serial', () => {
    const nik = composeNik('33.14.01', '1985-08-17', true, 1);
    expect(nik).toBe('3314015708850001');
    const parsed = parseNik(nik, { today });
    expect(parsed.ok).toBe(true);
    expect(parsed.value).toMatchObject({ districtCode: '33.14.01', date: '1985-08-17', serial: '0001' });
    expect(composeNik('331401', '2010-03-05', false, 42)).toBe('3314010503100042');
  });
});
