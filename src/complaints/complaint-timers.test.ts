import { describe, expect, it } from 'vitest';
import { defaultOfficeHours, type WorkingCalendar } from '../core/calendar.ts';
import { readTimers, type TimerFacts, timerColumns } from './complaint-timers.ts';

const cal: WorkingCalendar = { timeZone: 'Asia/Jakarta', officeHours: defaultOfficeHours, closedDates: [] };
const calendarDays = {
  completeness: 'calendar',
  completion: 'calendar',
  decision: 'calendar',
  delivery: 'calendar',
} as const;
const at = (s: string) => new Date(`${s}+07:00`);
const none: TimerFacts = {
  receivedAt: at('2026-12-01T10:00:00'),
  incompleteAt: null,
  resubmittedAt: null,
  completeAt: null,
  decidedAt: null,
  deliveredAt: null,
  endedAt: null,
};

describe('complaint timers', () => {
  it('completeness is due at the end of the 14th calendar day after receipt', () => {
    const [t] = readTimers(cal, none, calendarDays, at('2026-12-02T08:00:00'));
    expect(t?.timer).toBe('completeness');
    expect(t?.due?.toISOString()).toBe(at('2026-12-16T00:00:00').toISOString());
  });

  it('an incomplete complaint pauses completeness, runs the complainant’s 30 days, and resumes', () => {
    const facts = { ...none, incompleteAt: at('2026-12-03T09:00:00') };
    const paused = readTimers(cal, facts, calendarDays, at('2026-12-10T09:00:00'));
    expect(paused.find((r) => r.timer === 'completeness')?.state).toBe('paused');
    expect(paused.find((r) => r.timer === 'completion')?.due?.toISOString()).toBe(
      at('2027-01-03T00:00:00').toISOString(),
    );
    expect(timerColumns(paused).nextDueAt?.toISOString()).toBe(at('2027-01-03T00:00:00').toISOString());
    // Back after 7 days: the completeness due date moves by the 7 paused days.
    const resumed = readTimers(
      cal,
      { ...facts, resubmittedAt: at('2026-12-10T09:00:00') },
      calendarDays,
      at('2026-12-10T10:00:00'),
    );
    expect(resumed.find((r) => r.timer === 'completeness')?.due?.toISOString()).toBe(
      at('2026-12-23T00:00:00').toISOString(),
    );
  });

  it('decision runs 60 days from completeness in working days when so set, delivery 14 after the decision', () => {
    const facts = { ...none, completeAt: at('2026-12-01T11:00:00'), decidedAt: at('2026-12-07T11:00:00') };
    const r = readTimers(cal, facts, { ...calendarDays, decision: 'working' }, at('2026-12-08T08:00:00'));
    expect(r.find((x) => x.timer === 'completeness')?.state).toBe('stopped');
    expect(r.find((x) => x.timer === 'decision')?.state).toBe('stopped');
    expect(r.find((x) => x.timer === 'delivery')?.due?.toISOString()).toBe(
      at('2026-12-22T00:00:00').toISOString(),
    );
  });
});
