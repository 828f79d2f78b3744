/**
 * Complaint statistics (UU 25/2009 Pasal 37(3)) of the signed-in unit: per service, channel,
 * class, status and month of receipt, how many were received, complete, decided (and within
 * the decision timer), the median and p90 calendar days from receipt to decision, how many
 * were handed over to another unit and how many counted as withdrawn. One aggregate in SQL.
 */
import type { AuthContext } from '../auth/auth.service.ts';
import { offsetMinutes } from '../core/calendar.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { complaintFigures, type StatsRecord } from './complaint-stats.repository.ts';
import type { ComplaintStats, StatsFigures, StatsQuery, StatsRow } from './complaint-stats.schema.ts';
import * as repo from './complaints.repository.ts';
import {
  ComplaintChannels,
  type ComplaintClass,
  ComplaintClasses,
  ComplaintStatuses,
} from './complaints.tables.ts';

const maxMonths = 60;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

const empty: StatsFigures = {
  received: 0,
  complete: 0,
  decided: 0,
  decidedInTime: 0,
  medianDaysToDecision: null,
  p90DaysToDecision: null,
  transferred: 0,
  withdrawn: 0,
};

const figuresOf = (r: StatsRecord): StatsFigures => ({
  received: r.received,
  complete: r.complete,
  decided: r.decided,
  decidedInTime: r.decidedInTime,
  medianDaysToDecision: r.median,
  p90DaysToDecision: r.p90,
  transferred: r.transferred,
  withdrawn: r.withdrawn,
});

export async function complaintStatsOf(
  db: Db,
  ctx: AuthContext,
  query: StatsQuery,
  now: Date,
): Promise<ComplaintStats> {
  const today = todayIn(ctx.unit.timeZone, now);
  const to = query.to ?? today.slice(0, 7);
  const from = query.from ?? `${to.slice(0, 4)}-01`;
  if (from > to || monthIndex(to) - monthIndex(from) >= maxMonths)
    throw new DomainError('complaint.stats_range', { from, to, max: maxMonths });
  const offset = offsetMinutes(ctx.unit.timeZone);
  const start = new Date(Date.parse(`${from}-01T00:00:00Z`) - offset * 60_000);
  const end = new Date(Date.parse(`${monthOf(monthIndex(to) + 1)}-01T00:00:00Z`) - offset * 60_000);
  const records = await complaintFigures(db, ctx.unit.id, offset, start, end);
  const of = (d: StatsRecord['dimension']) => records.filter((r) => r.dimension === d);
  const row = (r: StatsRecord, label: string | null = null): StatsRow => ({
    key: r.key,
    label,
    ...figuresOf(r),
  });
  /** The groups in a fixed order, those with no complaint left out. */
  const ordered = (d: StatsRecord['dimension'], order: readonly string[]) => {
    const found = new Map(of(d).map((r) => [r.key, r]));
    return order.flatMap((k) => {
      const r = found.get(k);
      return r ? [row(r)] : [];
    });
  };
  const names = new Map((await repo.standardsInForce(db, ctx.unit)).map((s) => [s.id, s.name]));
  const byService = of('service')
    .map((r) => row(r, r.key === null ? null : (names.get(r.key) ?? r.key)))
    .sort((a, b) => b.received - a.received || (a.label ?? '').localeCompare(b.label ?? ''));
  const months = new Map(of('month').map((r) => [r.key, r]));
  const byMonth: StatsRow[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) {
    const m = monthOf(i);
    const r = months.get(m);
    byMonth.push(r ? row(r) : { key: m, label: null, ...empty });
  }
  const total = of('total')[0];
  return {
    unit: ctx.unit.name,
    timeZone: ctx.unit.timeZone,
    from,
    to,
    total: total ? figuresOf(total) : empty,
    byService,
    byChannel: ordered('channel', ComplaintChannels),
    byClass: ordered('class', ComplaintClasses),
    byStatus: ordered('status', ComplaintStatuses),
    byMonth,
    byMonthAndClass: of('month_class')
      .map((r) => ({ month: r.key ?? '', class: r.sub ?? '', received: r.received }))
      .sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          ComplaintClasses.indexOf(a.class as ComplaintClass) -
            ComplaintClasses.indexOf(b.class as ComplaintClass),
      ),
  };
}
