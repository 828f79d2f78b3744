import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from './numbers.ts';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('whole numbers as offices write them', () => {
  it('reads plain and dot-grouped digits, and whole numbers', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseWholeNumber(String(n))).toBe(n);
        expect(parseWholeNumber(grouped(n))).toBe(n);
        expect(parseWholeNumber(` ${grouped(n)} `)).toBe(n);
        expect(parseWholeNumber(n)).toBe(n);
      }),
    );
  });

  it('refuses what could be misread', () => {
    for (const text of [
      '1,5',
      '1.50',
      '0.500',
      '00.100',
      '1.0000',
      '.100',
      '100.',
      '1..000',
      '1,000',
      '-5',
      '1 000',
      '',
      'abc',
    ])
      expect(parseWholeNumber(text), text).toBeUndefined();
    expect(parseWholeNumber(1.5)).toBeUndefined();
    expect(parseWholeNumber(null)).toBeUndefined();
    expect(parseWholeNumber('9.007.199.254.740.993')).toBeUndefined();
  });
});
