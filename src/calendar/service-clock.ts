/**
 * The service clock: a time budget that runs on a unit's working calendar from a start instant,
 * stops while it is paused (a case waiting for the applicant, a complaint waiting for the
 * complainant, UU 25/2009 Pasal 44) and is due when its running time reaches the budget. Pure:
 * the caller loads the calendar (every year the clock may span) and passes the instant to read at.
 *
 * Units and how a pause counts, in the budget's own unit:
 * - `officeMinutes`: the office minutes inside the pause (minute resolution, like the calendar).
 * - `workingDays`: the working days after the day the pause began, up to and including the day
 *   it ended. A pause that begins and ends on the same day counts none (the office still had
 *   that day); returned on Friday and resumed on Monday counts one (Monday starts afresh, as
 *   the day a case is opened does not count either).
 * - `calendarDays`: the same rule on every day of the unit's local calendar.
 *
 * A pause that begins at or after the due time moves nothing: the budget was already spent, and
 * the breach stands. While a pause with budget left is open there is no due time, so nothing
 * can breach while the office waits.
 */
import {
  addOfficeMinutes,
  addWorkingDays,
  officeMinutesBetween,
  offsetMinutes,
  type WorkingCalendar,
  workingDaysBetween,
} from '../core/calendar.ts';

export const ClockUnits = ['officeMinutes', 'workingDays', 'calendarDays'] as const;
export type ClockUnit = (typeof ClockUnits)[number];

export interface Budget {
  unit: ClockUnit;
  /** A positive whole number of the unit. */
  amount: number;
}

/** A stretch of waiting; `to` null while it lasts. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface ServiceClock {
  budget: Budget;
  start: Date;
  /** In any order; overlaps and the parts before `start` count once. */
  pauses: readonly Pause[];
  /** When the work finished (the case closed); the clock reads nothing after it. */
  stop?: Date | null | undefined;
}

export interface ClockReading {
  state: 'running' | 'paused' | 'stopped';
  /** When the running time reaches the budget; null while paused with budget left. */
  due: Date | null;
  /** The due time, once it passed before the reading (or the stop); else null. */
  breachedAt: Date | null;
  /** Running time so far, in the budget's unit. */
  elapsed: number;
  /** Paused time so far, in the budget's unit (an open pause up to the reading). */
  paused: number;
  /** Budget left, in its unit (0 once spent). */
  remaining: number;
  /** The start of the open pause, if any. */
  pausedSince: Date | null;
}

const dayMs = 86_400_000;

/** Local day number of an instant on the unit's calendar. */
function localDay(cal: WorkingCalendar, at: Date): number {
  return Math.floor((at.getTime() + offsetMinutes(cal.timeZone) * 60_000) / dayMs);
}

/** The time from `a` to `b` in a unit (0 when b is before a); additive over a ≤ b ≤ c. */
export function measure(cal: WorkingCalendar, unit: ClockUnit, a: Date, b: Date): number {
  if (b <= a) return 0;
  switch (unit) {
    case 'officeMinutes':
      return officeMinutesBetween(cal, a, b);
    case 'workingDays':
      return workingDaysBetween(cal, a, b);
    case 'calendarDays':
      return localDay(cal, b) - localDay(cal, a);
  }
}

/**
 * The instant `n` of a unit after `from`: office minutes counted inside office hours; days end
 * at the close of the n-th day after `from`'s date (n = 0: the close of `from`'s own day, or of
 * the next working day).
 */
function advance(cal: WorkingCalendar, unit: ClockUnit, from: Date, n: number): Date {
  switch (unit) {
    case 'officeMinutes':
      return addOfficeMinutes(cal, from, n);
    case 'workingDays':
      return addWorkingDays(cal, from, n);
    case 'calendarDays':
      return new Date((localDay(cal, from) + n + 1) * dayMs - offsetMinutes(cal.timeZone) * 60_000);
  }
}

/** The pauses as they apply to a reading at `at`: sorted, clipped to start…at, overlaps merged. */
function effectivePauses(clock: ServiceClock, at: Date): Pause[] {
  const out: Pause[] = [];
  const sorted = [...clock.pauses].sort((x, y) => x.from.getTime() - y.from.getTime());
  for (const p of sorted) {
    if (p.from > at) break;
    const from = p.from < clock.start ? clock.start : p.from;
    const to = p.to === null || p.to > at ? null : p.to;
    if (to !== null && to < from) continue;
    const last = out[out.length - 1];
    if (last && (last.to === null || from <= last.to)) {
      if (last.to !== null) last.to = to === null || to > last.to ? to : last.to;
      continue;
    }
    out.push({ from, to });
  }
  return out;
}

function checkBudget(budget: Budget): void {
  if (!Number.isInteger(budget.amount) || budget.amount <= 0)
    throw new Error(`a clock's budget must be a positive whole number, not ${budget.amount}`);
}

/** Reads a clock at an instant (a stopped clock reads as at its stop). */
export function readClock(cal: WorkingCalendar, clock: ServiceClock, now: Date): ClockReading {
  checkBudget(clock.budget);
  const { unit, amount } = clock.budget;
  const stopped = clock.stop != null && clock.stop <= now;
  const at = stopped && clock.stop ? clock.stop : now;
  const pauses = effectivePauses(clock, at);

  // The due time: walk the running stretches, spending the budget, until it is spent.
  let due: Date | null = null;
  let cursor = clock.start;
  let left = amount;
  let settled = false;
  for (const p of pauses) {
    const candidate = advance(cal, unit, cursor, left);
    if (candidate <= p.from) {
      due = candidate;
      settled = true;
      break;
    }
    left -= measure(cal, unit, cursor, p.from);
    if (p.to === null) {
      settled = true;
      break;
    }
    cursor = p.to;
  }
  if (!settled) due = advance(cal, unit, cursor, left);

  let paused = 0;
  let elapsed = 0;
  let runFrom: Date | null = clock.start;
  for (const p of pauses) {
    if (runFrom) elapsed += measure(cal, unit, runFrom, p.from);
    paused += measure(cal, unit, p.from, p.to ?? at);
    runFrom = p.to;
  }
  if (runFrom) elapsed += measure(cal, unit, runFrom, at);
  const open = pauses.find((p) => p.to === null);
  return {
    state: stopped ? 'stopped' : open ? 'paused' : 'running',
    due,
    breachedAt: due !== null && due < at ? due : null,
    elapsed,
    paused,
    remaining: Math.max(0, amount - elapsed),
    pausedSince: open ? open.from : null,
  };
}
