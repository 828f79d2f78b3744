import { describe, expect, it } from 'vitest';
import { officeHoursLines, zoneName } from './office-hours.ts';

const morningAndAfternoon = [
  { start: '07:30', end: '12:00' },
  { start: '13:00', end: '16:00' },
];

describe('officeHoursLines: a week of office hours as the citizen reads it', () => {
  it('joins consecutive days with the same hours and leaves closed days out', () => {
    const week = {
      '1': morningAndAfternoon,
      '2': morningAndAfternoon,
      '3': morningAndAfternoon,
      '4': morningAndAfternoon,
      '5': [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '16:30' },
      ],
      '6': [],
      '7': [{ start: '08:00', end: '12:00' }],
    };
    expect(officeHoursLines(week, 'id', 'WITA')).toEqual([
      'Senin–Kamis: 07.30–12.00, 13.00–16.00 WITA',
      'Jumat: 07.30–11.30, 13.00–16.30 WITA',
      'Minggu: 08.00–12.00 WITA',
    ]);
    expect(officeHoursLines(week, 'en')[0]).toBe('Monday–Thursday: 07:30–12:00, 13:00–16:00');
  });

  it('does not join two open days around a closed one', () => {
    expect(officeHoursLines({ '1': morningAndAfternoon, '3': morningAndAfternoon }, 'id')).toEqual([
      'Senin: 07.30–12.00, 13.00–16.00',
      'Rabu: 07.30–12.00, 13.00–16.00',
    ]);
  });

  it('names the Indonesian zones', () => {
    expect(zoneName('Asia/Jakarta')).toBe('WIB');
    expect(zoneName('Asia/Makassar')).toBe('WITA');
    expect(zoneName('Asia/Jayapura')).toBe('WIT');
  });
});
