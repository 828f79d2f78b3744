/**
 * A case's time limit as a service clock: the standard's duration from the opening, paused
 * while the case waits for the applicant (returned until resumed). The pauses come from the
 * case's history through the reducer; the columns on `cases` are their projection.
 */
import { calendarOf } from '../calendar/calendar.service.ts';
import { type ClockReading, type ClockUnit, measure, readClock } from '../calendar/service-clock.ts';
import type { WorkingCalendar } from '../core/calendar.ts';
import type { Db } from '../db/client.ts';
import type { TimeLimit } from '../standards/standard.schema.ts';
import type { CaseState } from './case.reducer.ts';
import type { CaseClockView } from './cases.schema.ts';

/**
 * The unit's calendar for every year a case's clock may span: from its opening to a year after
 * `now` (a case returned on 31 December and resumed in January needs both years' closed days).
 */
export function caseCalendar(db: Db, unitId: number, openedAt: Date, now: Date): Promise<WorkingCalendar> {
  return calendarOf(db, unitId, { from: openedAt.getUTCFullYear(), to: now.getUTCFullYear() + 1 });
}

function budgetOf(limit: TimeLimit): { unit: ClockUnit; amount: number } | null {
  if (limit.kind !== 'duration') return null;
  if (limit.minutes !== undefined) return { unit: 'officeMinutes', amount: limit.minutes };
  return { unit: 'workingDays', amount: limit.workingDays ?? 1 };
}

const pausesOf = (state: CaseState) =>
  state.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));

export interface CaseClock {
  /** The clock's reading; null for limits that are not durations (a cycle, once per incident). */
  reading: ClockReading | null;
  view: CaseClockView;
  /** The columns of `cases` that project the clock, for the queue, the sweep and the report. */
  columns: { dueAt: Date | null; pausedAt: Date | null; pausedMinutes: number; pauseCount: number };
}

/** Reads a case's clock at `now` (a closed case reads as at its closing). */
export function caseClock(
  cal: WorkingCalendar,
  limit: TimeLimit,
  state: CaseState,
  openedAt: Date,
  now: Date,
): CaseClock {
  const budget = budgetOf(limit);
  const pauses = pausesOf(state);
  const stop = state.closedAt ? new Date(state.closedAt) : null;
  const reading = budget ? readClock(cal, { budget, start: openedAt, pauses, stop }, now) : null;
  const until = stop && stop < now ? stop : now;
  const officeMinutes = (p: { from: Date; to: Date | null }) =>
    measure(cal, 'officeMinutes', p.from, p.to ?? until);
  const open = pauses.find((p) => p.to === null) ?? null;
  const finished = pauses.filter((p) => p.to !== null).reduce((sum, p) => sum + officeMinutes(p), 0);
  return {
    reading,
    view: {
      unit: budget?.unit ?? null,
      paused: open !== null,
      pausedSince: open?.from.toISOString() ?? null,
      pausedMinutes: finished + (open ? officeMinutes(open) : 0),
      pausedAmount: reading?.paused ?? 0,
      pauseCount: pauses.length,
      dueAt: reading?.due?.toISOString() ?? null,
    },
    columns: {
      dueAt: reading?.due ?? null,
      pausedAt: open?.from ?? null,
      pausedMinutes: finished,
      pauseCount: pauses.length,
    },
  };
}
