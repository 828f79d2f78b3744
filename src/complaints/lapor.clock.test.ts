import { describe, expect, it } from 'vitest';
import { defaultOfficeHours, type WorkingCalendar } from '../core/calendar.ts';
import { readTimers, timerColumns } from './complaint-timers.ts';
import { type LaporFacts, readLaporTimers } from './lapor.clock.ts';

const cal: WorkingCalendar = {
  timeZone: 'Asia/Jakarta',
  officeHours: defaultOfficeHours,
  closedDates: [{ date: '2026-12-03', name: 'Libur lokal', kind: 'libur_lokal' }],
};
const at = (s: string) => new Date(`${s}+07:00`);
const reported: LaporFacts = {
  reportedAt: at('2026-12-01T10:00:00'),
  outcomeAt: null,
  verifiedAt: null,
  followedUpAt: null,
  endedAt: null,
};

describe('LAPOR! clocks', () => {
  it('verification: 3 working days on the unit’s calendar, skipping its closed day', () => {
    // Tuesday 1 Dec: Wednesday 2, (Thursday 3 closed), Friday 4, Monday 7; Monday closes at 16:00.
    const [v, ...rest] = readLaporTimers(cal, reported, at('2026-12-02T09:00:00'));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ timer: 'lapor_verification', days: 3, dayKind: 'working', state: 'running' });
    expect(v?.due?.toISOString()).toBe(at('2026-12-07T16:00:00').toISOString());
  });

  it('follow-up: 5 working days from the verification, stopped by the first follow-up', () => {
    const verified = {
      ...reported,
      outcomeAt: at('2026-12-02T11:00:00'),
      verifiedAt: at('2026-12-02T11:00:00'),
    };
    const [v, f] = readLaporTimers(cal, verified, at('2026-12-04T09:00:00'));
    expect(v).toMatchObject({ state: 'stopped', breachedAt: null });
    // 4, 7, 8, 9, 10 December (the 3rd closed); Thursday closes at 16:00.
    expect(f?.due?.toISOString()).toBe(at('2026-12-10T16:00:00').toISOString());
    const late = readLaporTimers(
      cal,
      { ...verified, followedUpAt: at('2026-12-11T08:00:00') },
      at('2026-12-14T08:00:00'),
    );
    expect(late[1]).toMatchObject({ state: 'stopped', breachedAt: at('2026-12-10T16:00:00') });
  });

  it('an outcome other than verifikasi stops verification without starting the follow-up', () => {
    const postponed = { ...reported, outcomeAt: at('2026-12-02T11:00:00') };
    expect(readLaporTimers(cal, postponed, at('2026-12-20T09:00:00')).map((r) => r.state)).toEqual([
      'stopped',
    ]);
  });

  it('the sweep’s marker skips a running timer whose breach is recorded', () => {
    const now = at('2026-12-09T09:00:00');
    const readings = [
      ...readTimers(
        cal,
        {
          receivedAt: reported.reportedAt,
          incompleteAt: null,
          resubmittedAt: null,
          completeAt: null,
          decidedAt: null,
          deliveredAt: null,
          endedAt: null,
        },
        { completeness: 'calendar', completion: 'calendar', decision: 'calendar', delivery: 'calendar' },
        now,
      ),
      ...readLaporTimers(cal, reported, now),
    ];
    expect(timerColumns(readings).nextDueAt?.toISOString()).toBe(at('2026-12-07T16:00:00').toISOString());
    expect(timerColumns(readings, new Set(['lapor_verification'])).nextDueAt?.toISOString()).toBe(
      at('2026-12-16T00:00:00').toISOString(),
    );
    // Every running timer recorded: the nearest stays, for the queue's order.
    expect(
      timerColumns(readings, new Set(['lapor_verification', 'completeness'])).nextDueAt?.toISOString(),
    ).toBe(at('2026-12-07T16:00:00').toISOString());
  });
});
