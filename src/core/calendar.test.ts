import { describe, expect, it } from 'vitest';
import {
  addOfficeMinutes,
  addWorkingDays,
  defaultOfficeHours,
  isWorkingDay,
  officeMinutesBetween,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar.ts';

const wib: WorkingCalendar = {
  timeZone: 'Asia/Jakarta',
  officeHours: defaultOfficeHours,
  closedDates: [
    { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
    { date: '2026-12-24', name: 'Cuti Bersama Natal', kind: 'cuti_bersama' },
  ],
};
const wita: WorkingCalendar = { ...wib, timeZone: 'Asia/Makassar' };
/** An instant given in local time with its offset. */
const at = (iso: string) => new Date(iso);

describe('working calendar', () => {
  it('knows weekends and closed dates', () => {
    expect(isWorkingDay(wib, '2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay(wib, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(wib, '2026-12-25')).toBe(false);
    expect(isWorkingDay(wib, at('2026-11-22T18:00:00Z'))).toBe(true); // Monday 01:00 WIB
  });

  it('adds office minutes within office hours (Sembako: 30 minutes)', () => {
    expect(addOfficeMinutes(wib, at('2026-11-23T09:00:00+07:00'), 30).toISOString()).toBe(
      '2026-11-23T02:30:00.000Z',
    );
    // 11:50 → 10 minutes before the break, 20 after it.
    expect(addOfficeMinutes(wib, at('2026-11-23T11:50:00+07:00'), 30)).toEqual(
      at('2026-11-23T13:20:00+07:00'),
    );
    // 15:50 Monday → 10 minutes, then 20 minutes into Tuesday 07:30.
    expect(addOfficeMinutes(wib, at('2026-11-23T15:50:00+07:00'), 30)).toEqual(
      at('2026-11-24T07:50:00+07:00'),
    );
    // Friday 16:20 → 10 minutes, then Monday.
    expect(addOfficeMinutes(wib, at('2026-11-27T16:20:00+07:00'), 30)).toEqual(
      at('2026-11-30T07:50:00+07:00'),
    );
    // Before opening counts from opening.
    expect(addOfficeMinutes(wib, at('2026-11-23T06:00:00+07:00'), 30)).toEqual(
      at('2026-11-23T08:00:00+07:00'),
    );
  });

  it('uses the unit’s own time zone (Tarakan is WITA)', () => {
    expect(addOfficeMinutes(wita, at('2026-11-23T15:50:00+08:00'), 30)).toEqual(
      at('2026-11-24T07:50:00+08:00'),
    );
  });

  it('skips holidays and cuti bersama', () => {
    expect(addOfficeMinutes(wib, at('2026-12-23T15:50:00+07:00'), 30)).toEqual(
      at('2026-12-28T07:50:00+07:00'),
    );
    expect(addWorkingDays(wib, at('2026-12-23T10:00:00+07:00'), 1)).toEqual(at('2026-12-28T16:00:00+07:00'));
  });

  it('adds working days to the end of office hours', () => {
    expect(addWorkingDays(wib, at('2026-11-23T10:00:00+07:00'), 5)).toEqual(at('2026-11-30T16:00:00+07:00'));
    expect(addWorkingDays(wib, at('2026-11-26T10:00:00+07:00'), 1)).toEqual(at('2026-11-27T16:30:00+07:00'));
    expect(addWorkingDays(wib, at('2026-11-28T10:00:00+07:00'), 0)).toEqual(at('2026-11-30T16:00:00+07:00'));
  });

  it('measures office minutes and working days between instants', () => {
    expect(officeMinutesBetween(wib, at('2026-11-23T15:50:00+07:00'), at('2026-11-24T07:50:00+07:00'))).toBe(
      30,
    );
    expect(officeMinutesBetween(wib, at('2026-11-23T08:00:00+07:00'), at('2026-11-23T14:00:00+07:00'))).toBe(
      300,
    );
    expect(workingDaysBetween(wib, at('2026-12-23T10:00:00+07:00'), at('2026-12-31T10:00:00+07:00'))).toBe(4);
  });
});
