import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOfficeMinutes, defaultOfficeHours, type WorkingCalendar } from '../core/calendar.ts';
import { type Budget, type ClockUnit, measure, type Pause, readClock } from './service-clock.ts';

/** Tarakan (WITA), with the year-end holidays of 2025/2026 in the calendar. */
const wita: WorkingCalendar = {
  timeZone: 'Asia/Makassar',
  officeHours: defaultOfficeHours,
  closedDates: [
    { date: '2025-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
    { date: '2025-12-26', name: 'Cuti Bersama Natal', kind: 'cuti_bersama' },
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  ],
};
/** A local WITA time: `t('2026-11-23 09:00')`. */
const t = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const minutes = (amount: number): Budget => ({ unit: 'officeMinutes', amount });
const days = (amount: number): Budget => ({ unit: 'workingDays', amount });
const pause = (from: string, to?: string): Pause => ({ from: t(from), to: to ? t(to) : null });

describe('the service clock on office minutes (Sembako: 30 minutes)', () => {
  const start = t('2026-11-23 09:00'); // a Monday
  const read = (pauses: Pause[], now: string, stop?: string) =>
    readClock(wita, { budget: minutes(30), start, pauses, stop: stop ? t(stop) : null }, t(now));

  it('starts: due 30 office minutes after the start, running', () => {
    expect(read([], '2026-11-23 09:10')).toEqual({
      state: 'running',
      due: t('2026-11-23 09:30'),
      breachedAt: null,
      elapsed: 10,
      paused: 0,
      remaining: 20,
      pausedSince: null,
    });
  });

  it('pauses: no due time while the office waits, so no breach however long', () => {
    const r = read([pause('2026-11-23 09:10')], '2026-11-30 10:00');
    expect(r).toMatchObject({ state: 'paused', due: null, breachedAt: null, elapsed: 10 });
    expect(r.pausedSince).toEqual(t('2026-11-23 09:10'));
  });

  it('resumes: the due time moves by the paused office minutes, then breaches', () => {
    const pauses = [pause('2026-11-23 09:10', '2026-11-23 10:00')];
    expect(read(pauses, '2026-11-23 10:05')).toMatchObject({
      state: 'running',
      due: t('2026-11-23 10:20'),
      paused: 50,
      elapsed: 15,
      remaining: 15,
    });
    expect(read(pauses, '2026-11-23 10:25').breachedAt).toEqual(t('2026-11-23 10:20'));
  });

  it('counts only office time of a pause over the lunch break and the night', () => {
    // 11:50–12:00, 13:00–16:00 on Monday, 07:30–08:00 on Tuesday: 220 office minutes.
    const pauses = [pause('2026-11-23 11:50', '2026-11-24 08:00')];
    const r = readClock(
      wita,
      { budget: minutes(30), start: t('2026-11-23 11:40'), pauses },
      t('2026-11-24 08:00'),
    );
    expect(r.paused).toBe(220);
    expect(r.due).toEqual(t('2026-11-24 08:20'));
  });

  it('a Friday case runs into Monday (Friday closes 16:30 in the default hours)', () => {
    const r = readClock(
      wita,
      { budget: minutes(30), start: t('2026-11-27 16:20'), pauses: [] },
      t('2026-11-27 16:20'),
    );
    expect(r.due).toEqual(t('2026-11-30 07:50'));
  });

  it('skips holidays: returned before Christmas, resumed after', () => {
    // Wednesday 24 Dec 15:50 – Monday 29 Dec 08:00 holds 10 + 30 office minutes (25, 26 closed).
    const r = readClock(
      wita,
      {
        budget: minutes(30),
        start: t('2025-12-24 15:40'),
        pauses: [pause('2025-12-24 15:50', '2025-12-29 08:00')],
      },
      t('2025-12-29 08:00'),
    );
    expect(r.paused).toBe(40);
    expect(r.due).toEqual(t('2025-12-29 08:20'));
  });

  it('adds repeated pauses', () => {
    const pauses = [
      pause('2026-11-23 09:05', '2026-11-23 09:15'),
      pause('2026-11-23 09:20', '2026-11-23 09:40'),
    ];
    expect(read(pauses, '2026-11-23 09:45')).toMatchObject({
      due: t('2026-11-23 10:00'),
      paused: 30,
      elapsed: 15,
    });
  });

  it('a pause at or after the due time moves nothing: the breach stands', () => {
    const atDue = read([pause('2026-11-23 09:30', '2026-11-23 10:00')], '2026-11-23 10:10');
    expect(atDue.due).toEqual(t('2026-11-23 09:30'));
    expect(atDue.breachedAt).toEqual(t('2026-11-23 09:30'));
    const after = read([pause('2026-11-23 09:45')], '2026-11-23 11:00');
    expect(after).toMatchObject({
      state: 'paused',
      due: t('2026-11-23 09:30'),
      breachedAt: t('2026-11-23 09:30'),
    });
  });

  it('stops: finished within time is no breach, whenever it is read', () => {
    const r = read([], '2026-11-30 09:00', '2026-11-23 09:25');
    expect(r).toMatchObject({ state: 'stopped', breachedAt: null, elapsed: 25 });
    expect(read([], '2026-11-30 09:00', '2026-11-23 09:31').breachedAt).toEqual(t('2026-11-23 09:30'));
  });

  it('refuses a budget that is not a positive whole number', () => {
    expect(() => readClock(wita, { budget: minutes(0), start, pauses: [] }, start)).toThrow(/positive/);
  });
});

describe('the service clock on working days', () => {
  it('counts working days after the start day, skipping holidays across a year end', () => {
    // Monday 29 Dec 2025 + 3 working days: 30, 31 Dec, (1 Jan closed), 2 Jan.
    const r = readClock(
      wita,
      { budget: days(3), start: t('2025-12-29 10:00'), pauses: [] },
      t('2025-12-29 10:00'),
    );
    expect(r.due).toEqual(t('2026-01-02 16:30'));
  });

  it('returned on 31 December, resumed on 2 January: one working day paused', () => {
    const clock = {
      budget: days(3),
      start: t('2025-12-29 10:00'),
      pauses: [pause('2025-12-31 11:00', '2026-01-02 09:00')],
    };
    const r = readClock(wita, clock, t('2026-01-02 10:00'));
    expect(r).toMatchObject({ state: 'running', paused: 1, elapsed: 2, remaining: 1 });
    expect(r.due).toEqual(t('2026-01-05 16:00'));
    // Without 2026's closed dates New Year's Day counts as a working day: paused, and in the budget.
    const short = { ...wita, closedDates: wita.closedDates.filter((d) => d.date < '2026') };
    expect(readClock(short, clock, t('2026-01-02 10:00')).paused).toBe(2);
    expect(readClock(short, { ...clock, pauses: [] }, clock.start).due).toEqual(t('2026-01-01 16:00'));
  });

  it('a pause within one working day counts no day', () => {
    const r = readClock(
      wita,
      {
        budget: days(2),
        start: t('2026-11-23 10:00'),
        pauses: [pause('2026-11-24 09:00', '2026-11-24 14:00')],
      },
      t('2026-11-24 15:00'),
    );
    expect(r.paused).toBe(0);
    expect(r.due).toEqual(t('2026-11-25 16:00'));
  });

  it('paused over a weekend from Friday to Monday counts Monday', () => {
    const r = readClock(
      wita,
      {
        budget: days(2),
        start: t('2026-11-26 10:00'),
        pauses: [pause('2026-11-27 09:00', '2026-11-30 09:00')],
      },
      t('2026-11-30 09:00'),
    );
    expect(r.paused).toBe(1);
    expect(r.due).toEqual(t('2026-12-01 16:00'));
  });

  it('waits without a due time while paused', () => {
    const r = readClock(
      wita,
      { budget: days(5), start: t('2026-11-23 10:00'), pauses: [pause('2026-11-24 09:00')] },
      t('2027-03-01 09:00'),
    );
    expect(r).toMatchObject({ state: 'paused', due: null, breachedAt: null, elapsed: 1 });
  });
});

describe('the service clock on calendar days (UU 25/2009 complaint timers)', () => {
  it('is due at the end of the n-th local day, moved by whole paused days', () => {
    const budget: Budget = { unit: 'calendarDays', amount: 14 };
    const start = t('2026-11-23 10:00');
    expect(readClock(wita, { budget, start, pauses: [] }, start).due).toEqual(t('2026-12-08 00:00'));
    const paused = readClock(
      wita,
      { budget, start, pauses: [pause('2026-11-25 10:00', '2026-11-27 10:00')] },
      t('2026-11-27 10:00'),
    );
    expect(paused.due).toEqual(t('2026-12-10 00:00'));
  });
});

describe('the service clock, properties', () => {
  const base = t('2025-12-22 07:00').getTime();
  const span = 20 * 86_400_000;
  const instant = fc.integer({ min: 0, max: span }).map((ms) => new Date(base + ms));
  const unit = fc.constantFrom<ClockUnit>('officeMinutes', 'workingDays', 'calendarDays');
  const amount = fc.integer({ min: 1, max: 600 });
  const pauses = fc
    .array(fc.tuple(instant, fc.integer({ min: 0, max: 4 * 86_400_000 })), { maxLength: 4 })
    .map((list) => list.map(([from, length]) => ({ from, to: new Date(from.getTime() + length) })));
  const later = new Date(base + 400 * 86_400_000);
  const budgetOf = (u: ClockUnit, n: number): Budget => ({
    unit: u,
    amount: u === 'officeMinutes' ? n : (n % 20) + 1,
  });

  it('a due time with pauses is never earlier than without', () => {
    fc.assert(
      fc.property(unit, amount, instant, pauses, (u, n, start, ps) => {
        const budget = budgetOf(u, n);
        const plain = readClock(wita, { budget, start, pauses: [] }, later).due;
        const moved = readClock(wita, { budget, start, pauses: ps }, later).due;
        expect(moved?.getTime()).toBeGreaterThanOrEqual(plain?.getTime() ?? 0);
      }),
    );
  });

  it('a pause of no time changes nothing', () => {
    fc.assert(
      fc.property(unit, amount, instant, instant, (u, n, start, at) => {
        const budget = budgetOf(u, n);
        const plain = readClock(wita, { budget, start, pauses: [] }, later);
        const zero = readClock(wita, { budget, start, pauses: [{ from: at, to: at }] }, later);
        expect(zero.due).toEqual(plain.due);
        expect(zero.elapsed).toBe(plain.elapsed);
      }),
    );
  });

  it('on office minutes, a pause begun before the due moves it by exactly its office minutes', () => {
    const length = fc.integer({ min: 0, max: 4 * 86_400_000 });
    fc.assert(
      fc.property(amount, instant, instant, length, (n, start, from, ms) => {
        const plain = addOfficeMinutes(wita, start, n);
        fc.pre(from >= start && from < plain);
        const to = new Date(from.getTime() + ms);
        const r = readClock(wita, { budget: minutes(n), start, pauses: [{ from, to }] }, later);
        expect(r.due).toEqual(addOfficeMinutes(wita, start, n + measure(wita, 'officeMinutes', from, to)));
      }),
    );
  });

  it('elapsed and paused time add up to the time since the start', () => {
    fc.assert(
      fc.property(unit, amount, instant, pauses, instant, (u, n, start, ps, at) => {
        fc.pre(at >= start);
        const r = readClock(wita, { budget: budgetOf(u, n), start, pauses: ps }, at);
        expect(r.elapsed + r.paused).toBe(measure(wita, u, start, at));
      }),
    );
  });
});
