import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatUnitDateTime } from './format.ts';

describe('formatUnitDateTime: a letter dated as its paper is', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('shows a Tarakan letter of 23:30 WITA on its own date, wherever the reader is', () => {
    const issuedAt = '2026-03-02T15:30:00.000Z'; // 23:30 WITA (UTC+8) on 2 March
    // A reader east of Tarakan (UTC+14): the browser's zone puts it on 3 March.
    process.env.TZ = 'Pacific/Kiritimati';
    expect(formatDateTime(issuedAt, 'id', { dateStyle: 'long' })).toMatch(/^3 Maret 2026/);
    expect(formatUnitDateTime(issuedAt, 'id', 'Asia/Makassar')).toBe('2 Maret 2026 pukul 23.30 WITA');
    expect(formatUnitDateTime(issuedAt, 'en', 'Asia/Makassar')).toBe('2 March 2026 at 23:30 WITA');
  });

  it('names the zones of Sragen and Jayapura, and shows nothing for no date', () => {
    expect(formatUnitDateTime('2026-03-02T16:45:00Z', 'id', 'Asia/Jakarta')).toBe(
      '2 Maret 2026 pukul 23.45 WIB',
    );
    expect(formatUnitDateTime('2026-03-02T16:45:00Z', 'id', 'Asia/Jayapura')).toBe(
      '3 Maret 2026 pukul 01.45 WIT',
    );
    expect(formatUnitDateTime(null, 'id', 'Asia/Jakarta')).toBe('—');
  });
});
