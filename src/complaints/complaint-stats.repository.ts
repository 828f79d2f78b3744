import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import { complaints, complaintTransfers } from './complaints.tables.ts';

export type StatsDimension = 'service' | 'channel' | 'class' | 'status' | 'month' | 'month_class' | 'total';

export interface StatsRecord {
  dimension: StatsDimension;
  key: string | null;
  /** Of a month's class (`month_class`): the class; the month is `key`. */
  sub?: string | null;
  received: number;
  complete: number;
  decided: number;
  decidedInTime: number;
  median: number | null;
  p90: number | null;
  transferred: number;
  withdrawn: number;
}

interface Raw {
  g_service: number;
  g_channel: number;
  g_class: number;
  g_status: number;
  g_month: number;
  service: string | null;
  channel: string | null;
  class: string | null;
  status: string | null;
  month: string | null;
  received: number;
  complete: number;
  decided: number;
  decided_in_time: number;
  median: number | string | null;
  p90: number | string | null;
  transferred: number;
  withdrawn: number;
}

/**
 * The complaints a unit received in [start, end): those it holds and those it handed over to
 * another unit that accepted them; grouped at once by service, channel, class, status and month
 * of receipt, by month and class together (the page's stacked chart) (on the unit's wall clock, `offsetMinutes` east of UTC), and in total.
 */
export async function complaintFigures(
  db: Db,
  unitId: number,
  offsetMinutes: number,
  start: Date,
  end: Date,
): Promise<StatsRecord[]> {
  const handedOver = sql`EXISTS (SELECT 1 FROM ${complaintTransfers} t WHERE t.complaint_id = c.id
    AND t.from_unit_id = ${unitId} AND t.state = 'accepted')`;
  const found = await rows<Raw>(
    db,
    sql`WITH base AS (
      SELECT c.standard_slug AS service, c.channel, c.class, c.status,
             to_char((c.received_at AT TIME ZONE 'UTC') + make_interval(mins => ${offsetMinutes}), 'YYYY-MM') AS month,
             c.complete_at, c.decided_at, c.decision_due,
             extract(epoch FROM c.decided_at - c.received_at) / 86400 AS days_to_decision,
             ${handedOver} AS transferred
      FROM ${complaints} c
      WHERE (c.unit_id = ${unitId} OR ${handedOver})
        AND c.received_at >= ${start.toISOString()} AND c.received_at < ${end.toISOString()}
    )
    SELECT GROUPING(service)::int AS g_service, GROUPING(channel)::int AS g_channel,
           GROUPING(class)::int AS g_class, GROUPING(status)::int AS g_status,
           GROUPING(month)::int AS g_month,
           service, channel, class, status, month,
           count(*)::int AS received,
           count(complete_at)::int AS complete,
           count(decided_at)::int AS decided,
           count(*) FILTER (WHERE decided_at IS NOT NULL AND decision_due IS NOT NULL
                            AND decided_at <= decision_due)::int AS decided_in_time,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_decision) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days_to_decision) AS p90,
           count(*) FILTER (WHERE transferred)::int AS transferred,
           count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
    FROM base
    GROUP BY GROUPING SETS ((service), (channel), (class), (status), (month), (month, class), ())`,
  );
  const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return found.map((r) => {
    const monthClass = Number(r.g_month) === 0 && Number(r.g_class) === 0;
    const [dimension, key]: [StatsDimension, string | null] = monthClass
      ? ['month_class', r.month]
      : Number(r.g_service) === 0
        ? ['service', r.service]
        : Number(r.g_channel) === 0
          ? ['channel', r.channel]
          : Number(r.g_class) === 0
            ? ['class', r.class]
            : Number(r.g_status) === 0
              ? ['status', r.status]
              : Number(r.g_month) === 0
                ? ['month', r.month]
                : ['total', null];
    return {
      dimension,
      key,
      ...(monthClass ? { sub: r.class } : {}),
      received: Number(r.received),
      complete: Number(r.complete),
      decided: Number(r.decided),
      decidedInTime: Number(r.decided_in_time),
      median: num(r.median),
      p90: num(r.p90),
      transferred: Number(r.transferred),
      withdrawn: Number(r.withdrawn),
    };
  });
}
