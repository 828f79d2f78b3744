/**
 * A unit's working calendar, pure: office hours per ISO weekday and closed dates (national
 * holidays, cuti bersama, local holidays) in the unit's time zone. Indonesia keeps no daylight
 * saving, so each zone is a fixed offset.
 */
import { DomainError } from './errors.ts';

export interface Interval {
  start: string; // 'HH:MM'
  end: string; // 'HH:MM'
}

export interface WorkingCalendar {
  timeZone: string;
  /** ISO weekday '1' (Monday) … '7' (Sunday) → office intervals; a missing day is closed. */
  officeHours: Record<string, Interval[]>;
  closedDates: Array<{ date: string; name: string; kind: 'libur_nasional' | 'cuti_bersama' | 'libur_lokal' }>;
}

/** A common default for a Dinas (five working days); each unit edits its own. */
export const defaultOfficeHours: Record<string, Interval[]> = {
  '1': [
    { start: '07:30', end: '12:00' },
    { start: '13:00', end: '16:00' },
  ],
  '2': [
    { start: '07:30', end: '12:00' },
    { start: '13:00', end: '16:00' },
  ],
  '3': [
    { start: '07:30', end: '12:00' },
    { start: '13:00', end: '16:00' },
  ],
  '4': [
    { start: '07:30', end: '12:00' },
    { start: '13:00', end: '16:00' },
  ],
  '5': [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '16:30' },
  ],
};

const offsets: Record<string, number> = {
  'Asia/Jakarta': 7,
  'Asia/Pontianak': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};
const dayMs = 86_400_000;

export function offsetMinutes(timeZone: string): number {
  const h = offsets[timeZone];
  if (h === undefined)
    throw new Error(`unsupported time zone "${timeZone}" (use Asia/Jakarta, Asia/Makassar or Asia/Jayapura)`);
  return h * 60;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Local day number (days since 1970-01-01 local) and minute of that day. */
function local(cal: WorkingCalendar, at: Date): { day: number; minute: number } {
  const ms = at.getTime() + offsetMinutes(cal.timeZone) * 60_000;
  const day = Math.floor(ms / dayMs);
  return { day, minute: Math.floor((ms - day * dayMs) / 60_000) };
}

function instant(cal: WorkingCalendar, day: number, minute: number): Date {
  return new Date(day * dayMs + (minute - offsetMinutes(cal.timeZone)) * 60_000);
}

const isoOfDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
/** ISO weekday of a local day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

function intervalsOf(cal: WorkingCalendar, day: number, closed: Set<string>): Array<[number, number]> {
  if (closed.has(isoOfDay(day))) return [];
  return (cal.officeHours[String(weekdayOf(day))] ?? [])
    .map((i): [number, number] => [toMinutes(i.start), toMinutes(i.end)])
    .sort((a, b) => a[0] - b[0]);
}

const closedSet = (cal: WorkingCalendar) => new Set(cal.closedDates.map((d) => d.date));
const maxDays = 3_660;

/** Whether a date (`YYYY-MM-DD`, or the local date of an instant) is a working day. */
export function isWorkingDay(cal: WorkingCalendar, date: Date | string): boolean {
  const day =
    typeof date === 'string' ? Math.floor(Date.parse(`${date}T00:00:00Z`) / dayMs) : local(cal, date).day;
  return intervalsOf(cal, day, closedSet(cal)).length > 0;
}

/**
 * The moment `minutes` office minutes after `from`: only time inside office hours counts.
 * A request at 15:50 with 30 minutes, office closing at 16:00, ends 20 minutes after the next
 * working day's opening.
 */
export function addOfficeMinutes(cal: WorkingCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  const closed = closedSet(cal);
  const start = local(cal, from);
  let remaining = minutes;
  for (let day = start.day; day < start.day + maxDays; day++) {
    for (const [s, e] of intervalsOf(cal, day, closed)) {
      const begin = day === start.day ? Math.max(s, start.minute) : s;
      if (begin >= e) continue;
      if (remaining <= e - begin) return instant(cal, day, begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new DomainError('calendar.no_working_time');
}

/**
 * The end of office hours on the n-th working day after `from`'s date (the day of `from`
 * itself does not count). With n = 0: the end of office hours of `from`'s day when it is a
 * working day, else of the next working day.
 */
export function addWorkingDays(cal: WorkingCalendar, from: Date, n: number): Date {
  const closed = closedSet(cal);
  const start = local(cal, from).day;
  let counted = 0;
  for (let day = n === 0 ? start : start + 1; day < start + maxDays; day++) {
    const intervals = intervalsOf(cal, day, closed);
    if (intervals.length === 0) continue;
    counted++;
    if (counted >= Math.max(n, 1)) {
      const last = intervals[intervals.length - 1];
      return instant(cal, day, last ? last[1] : 0);
    }
  }
  throw new DomainError('calendar.no_working_time');
}

/** Office minutes between two instants (0 when b is before a). */
export function officeMinutesBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  if (b <= a) return 0;
  const closed = closedSet(cal);
  const from = local(cal, a);
  const to = local(cal, b);
  let total = 0;
  for (let day = from.day; day <= to.day; day++) {
    for (const [s, e] of intervalsOf(cal, day, closed)) {
      const lo = day === from.day ? Math.max(s, from.minute) : s;
      const hi = day === to.day ? Math.min(e, to.minute) : e;
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** Working days after a's date up to and including b's date. */
export function workingDaysBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const closed = closedSet(cal);
  const from = local(cal, a).day;
  const to = local(cal, b).day;
  let n = 0;
  for (let day = from + 1; day <= to; day++) if (intervalsOf(cal, day, closed).length > 0) n++;
  return n;
}
