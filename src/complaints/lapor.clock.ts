/**
 * SP4N-LAPOR!'s own clocks, beside the UU 25/2009 timers and on the same working calendar:
 * - lapor_verification: 3 working days from the report to its verification, that is to the
 *   first administrative outcome recorded (verifikasi, tunda, bukan wewenang, arsipkan);
 * - lapor_follow_up: 5 working days from the verification (outcome `verifikasi`) to the first
 *   follow-up (tindak lanjut) written for LAPOR!.
 * Both stop when the complaint is withdrawn, archived or its decision delivered. Pure: the
 * caller loads the calendar and the facts.
 */
import { readClock } from '../calendar/service-clock.ts';
import type { WorkingCalendar } from '../core/calendar.ts';
import type { TimerReading } from './complaint-timers.ts';
import type { LaporTimer } from './complaints.tables.ts';

export const LaporTimerDays: Readonly<Record<LaporTimer, number>> = {
  lapor_verification: 3,
  lapor_follow_up: 5,
};

export interface LaporFacts {
  /** When the report was made in LAPOR! (the complaint's receipt). */
  reportedAt: Date;
  /** The first administrative outcome, of any kind. */
  outcomeAt: Date | null;
  /** The first outcome `verifikasi`. */
  verifiedAt: Date | null;
  /** The first follow-up written for LAPOR!. */
  followedUpAt: Date | null;
  /** Withdrawn, archived or delivered. */
  endedAt: Date | null;
}

const earliest = (...xs: Array<Date | null>): Date | null =>
  xs.reduce<Date | null>((m, x) => (x !== null && (m === null || x < m) ? x : m), null);

export function readLaporTimers(cal: WorkingCalendar, f: LaporFacts, now: Date): TimerReading[] {
  const read = (timer: LaporTimer, start: Date, stop: Date | null): TimerReading => {
    const budget = { unit: 'workingDays', amount: LaporTimerDays[timer] } as const;
    const r = readClock(cal, { budget, start, pauses: [], stop }, now);
    return {
      timer,
      days: budget.amount,
      dayKind: 'working',
      state: r.state,
      start,
      due: r.due,
      breachedAt: r.breachedAt,
    };
  };
  const out = [read('lapor_verification', f.reportedAt, earliest(f.outcomeAt, f.endedAt))];
  if (f.verifiedAt) out.push(read('lapor_follow_up', f.verifiedAt, earliest(f.followedUpAt, f.endedAt)));
  return out;
}
