import { describe, expect, it } from 'vitest';
import { holidaysFor } from './holidays.ts';

describe('holiday seed data', () => {
  for (const year of [2026, 2027]) {
    it(`${year}: valid, unique dates within the year`, () => {
      const days = holidaysFor(year);
      expect(days.length).toBeGreaterThan(15);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const d of days) {
        expect(d.date.startsWith(`${year}-`)).toBe(true);
        expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date);
      }
    });
  }

  it('fixed-date holidays are where the law puts them', () => {
    const names = new Map(holidaysFor(2026).map((d) => [d.date, d.name]));
    expect(names.get('2026-08-17')).toMatch(/Kemerdekaan/);
    expect(names.get('2026-06-01')).toBe('Hari Lahir Pancasila');
    expect(names.get('2026-12-25')).toBe('Hari Raya Natal');
  });

  it('has nothing for years not seeded', () => {
    expect(holidaysFor(2030)).toEqual([]);
  });
});
