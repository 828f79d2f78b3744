/**
 * A complaint's four legal timers (UU 25/2009) on the calendar module's service clock:
 * - completeness: 14 days from receipt to say whether it is complete (44(3)), paused while the
 *   complainant completes it (44(4)); stopped when declared complete;
 * - completion: the complainant's 30 days to complete it (44(4)); when it runs out the complaint
 *   counts as withdrawn (44(5));
 * - decision: 60 days from completeness to decide (50(1));
 * - delivery: 14 days from the decision to deliver it (50(2)).
 * Each counts calendar or working days as its setting says. Pure: the caller loads the calendar.
 */
import { type ClockReading, readClock } from '../calendar/service-clock.ts';
import type { WorkingCalendar } from '../core/calendar.ts';
import type { ComplaintTimer, LegalTimer } from './complaints.tables.ts';

export type DayKind = 'calendar' | 'working';
export type TimerSettings = Readonly<Record<LegalTimer, DayKind>>;

/** The law's amount of days per timer. */
export const TimerDays: Readonly<Record<LegalTimer, number>> = {
  completeness: 14,
  completion: 30,
  decision: 60,
  delivery: 14,
};

/** The instants a complaint's timers are read from. */
export interface TimerFacts {
  receivedAt: Date;
  incompleteAt: Date | null;
  resubmittedAt: Date | null;
  completeAt: Date | null;
  decidedAt: Date | null;
  deliveredAt: Date | null;
  /** Withdrawn or archived: every timer stops there. */
  endedAt: Date | null;
}

export interface TimerReading {
  timer: ComplaintTimer;
  days: number;
  dayKind: DayKind;
  state: ClockReading['state'];
  start: Date;
  due: Date | null;
  breachedAt: Date | null;
}

const earliest = (...xs: Array<Date | null>): Date | null =>
  xs.reduce<Date | null>((m, x) => (x !== null && (m === null || x < m) ? x : m), null);

/** Every timer that has started, read at `now`; a stopped timer reads as at its stop. */
export function readTimers(
  cal: WorkingCalendar,
  f: TimerFacts,
  settings: TimerSettings,
  now: Date,
): TimerReading[] {
  const read = (
    timer: LegalTimer,
    start: Date,
    stop: Date | null,
    pauses: Array<{ from: Date; to: Date | null }> = [],
  ): TimerReading => {
    const dayKind = settings[timer];
    const budget = {
      unit: dayKind === 'working' ? 'workingDays' : 'calendarDays',
      amount: TimerDays[timer],
    } as const;
    const r = readClock(cal, { budget, start, pauses, stop }, now);
    return {
      timer,
      days: budget.amount,
      dayKind,
      state: r.state,
      start,
      due: r.due,
      breachedAt: r.breachedAt,
    };
  };
  const out: TimerReading[] = [];
  const pause = f.incompleteAt ? [{ from: f.incompleteAt, to: f.resubmittedAt }] : [];
  out.push(read('completeness', f.receivedAt, earliest(f.completeAt, f.endedAt), pause));
  if (f.incompleteAt) out.push(read('completion', f.incompleteAt, earliest(f.resubmittedAt, f.endedAt)));
  if (f.completeAt) out.push(read('decision', f.completeAt, earliest(f.decidedAt, f.endedAt)));
  if (f.decidedAt) out.push(read('delivery', f.decidedAt, earliest(f.deliveredAt, f.endedAt)));
  return out;
}

/**
 * The columns projecting the timers: each one's due date, and the nearest of the running ones.
 * The sweep looks for a `nextDueAt` that passed without a recorded breach; so a running timer
 * whose breach is recorded (`recorded`) gives way to one that is not, and two timers running at
 * once (a LAPOR! clock beside a legal one) each get their breach recorded.
 */
export function timerColumns(
  readings: readonly TimerReading[],
  recorded: ReadonlySet<ComplaintTimer> = new Set(),
) {
  const due = (t: ComplaintTimer) => readings.find((r) => r.timer === t)?.due ?? null;
  const runningAll = readings.filter((r) => r.state === 'running' && r.due !== null);
  const unrecorded = runningAll.filter((r) => !recorded.has(r.timer));
  const running = (unrecorded.length > 0 ? unrecorded : runningAll).map((r) => r.due as Date);
  return {
    completenessDue: due('completeness'),
    completionDue: due('completion'),
    decisionDue: due('decision'),
    deliveryDue: due('delivery'),
    nextDueAt: earliest(...running),
  };
}
