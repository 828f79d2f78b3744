import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKk, parseNik } from './nik.ts';
import { isMaskedNumber, maskKk, maskNik, maskNumbersInText, maskPersonalNumbers } from './privacy.ts';

const seed = 20_260_112;
const digit = fc.constantFrom(...'0123456789');
const sixteenDigits = fc.string({ unit: digit, minLength: 16, maxLength: 16 });
/** What might reach the rule: digits, spaces, dots, stars, letters, of any length. */
const anyInput = fc.string({ unit: fc.constantFrom(...'0123456789 .*aZ'), maxLength: 40 });

describe('maskNik / maskKk', () => {
  it('keeps the first and last four digits of a NIK or KK number', () => {
    expect(maskNik('3314011708900001')).toBe('3314********0001');
    expect(maskKk('3314012001240001')).toBe('3314********0001');
    expect(maskNik('3314 0117 0890 0001')).toBe('3314********0001');
  });

  it('shows at most the first 4 and last 4 characters of anything, and nothing of a short value', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const v = input.replace(/[\s.]/g, '');
        const masked = maskNik(input);
        expect(masked).toHaveLength(v.length);
        const shown = [...masked].filter((c) => c !== '*').length;
        expect(shown).toBeLessThanOrEqual(8);
        if (v.length < 16) expect(shown).toBe(0);
        else {
          expect(masked.slice(0, 4)).toBe(v.slice(0, 4));
          expect(masked.slice(-4)).toBe(v.slice(-4));
          expect(masked.slice(4, -4)).toBe('*'.repeat(v.length - 8));
        }
      }),
      { seed, numRuns: 2_000 },
    );
  });

  it('hides the 8 middle digits of every 16-digit number, is idempotent, and is no valid number', () => {
    fc.assert(
      fc.property(sixteenDigits, (nik) => {
        const masked = maskNik(nik);
        expect(masked).toBe(`${nik.slice(0, 4)}********${nik.slice(12)}`);
        expect(maskNik(masked)).toBe(masked);
        expect(isMaskedNumber(masked)).toBe(true);
        expect(isMaskedNumber(nik)).toBe(false);
        expect(parseNik(masked).ok).toBe(false);
        expect(parseKk(masked).ok).toBe(false);
      }),
      { seed, numRuns: 2_000 },
    );
  });
});

describe('maskPersonalNumbers', () => {
  it('masks the NIK and KK fields of an object at any depth and leaves the rest alone', () => {
    const paidAt = new Date('2026-01-12T03:00:00Z');
    const input = {
      id: 7,
      name: 'Bambang Sutrisno',
      nik: '3314011708900001',
      paidAt,
      applicant: { name: 'Bambang', nik: '3314011708900001', phone: '0812345678901234' },
      members: [{ nik: '3314015708850001', kk: '3314012001240001', old_kk: '3314012001240002' }],
      applicantNik: '3314011708900001',
      trackingCode: 'K7MQ2-XW9PD',
      nickname: '3314011708900001',
      none: null,
    };
    const out = maskPersonalNumbers(input);
    expect(out).toEqual({
      ...input,
      nik: '3314********0001',
      applicant: { name: 'Bambang', nik: '3314********0001', phone: '0812345678901234' },
      members: [{ nik: '3314********0001', kk: '3314********0001', old_kk: '3314********0002' }],
      applicantNik: '3314********0001',
    });
    expect(out.paidAt).toBe(paidAt);
    // The input is not changed.
    expect(input.applicant.nik).toBe('3314011708900001');
  });

  it('leaves no full number under a personal-number key, whatever the shape', () => {
    const key = fc.constantFrom('nik', 'kk', 'applicantNik', 'old_kk', 'name', 'note', 'id');
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        sixteenDigits,
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const fullUnderPersonalKey = (value: unknown, personal: boolean): boolean => {
      if (typeof value === 'string') return personal && /^\d{16}$/.test(value);
      if (Array.isArray(value)) return value.some((v) => fullUnderPersonalKey(v, personal));
      if (value && typeof value === 'object')
        return Object.entries(value).some(([k, v]) =>
          fullUnderPersonalKey(v, ['nik', 'kk', 'applicantNik', 'old_kk'].includes(k)),
        );
      return false;
    };
    fc.assert(
      fc.property(tree, (value) => {
        const out = maskPersonalNumbers(value);
        expect(fullUnderPersonalKey(out, false)).toBe(false);
        // Masking twice changes nothing more.
        expect(maskPersonalNumbers(out)).toEqual(out);
      }),
      { seed, numRuns: 1_000 },
    );
  });
});

describe('maskNumbersInText', () => {
  it('masks every 16-digit number in a sentence and leaves other numbers alone', () => {
    expect(maskNumbersInText('KK 6571010101010001 dan NIK 6571015708900001; RT 003, 2025')).toBe(
      'KK 6571********0001 dan NIK 6571********0001; RT 003, 2025',
    );
    // A longer run is no NIK: left as it is.
    expect(maskNumbersInText('rekening 65710157089000012')).toBe('rekening 65710157089000012');
  });
});
