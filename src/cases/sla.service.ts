import { and, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import { standardRevisions, standards } from '../standards/standards.tables.ts';
import type { ServiceSla, SlaQuery, SlaReport } from './cases.schema.ts';
import { cases, caseWaits } from './cases.tables.ts';

/**
 * Records every case that is past its due time and not finished, once, at the moment the
 * sweep sees it (the server runs it every minute). Returns how many it recorded.
 */
export async function recordBreaches(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const late = await tx
      .update(cases)
      .set({ breachedAt: sql`${cases.dueAt}` })
      .where(
        and(isNull(cases.breachedAt), isNull(cases.closedAt), lt(cases.dueAt, now), caseWaits(cases.status)),
      )
      .returning({
        id: cases.id,
        unitId: cases.unitId,
        dueAt: cases.dueAt,
        trackingCode: cases.trackingCode,
      });
    for (const c of late) {
      await recordAudit(tx, systemActor, {
        action: 'case.breach',
        entity: 'case',
        entityId: c.id,
        unitId: c.unitId,
        after: { dueAt: c.dueAt?.toISOString(), recordedAt: now.toISOString() },
      });
    }
    return late.length;
  });
}

/** The SLA report for the calendar days `from`…`to` (inclusive, UTC days). */
export async function slaReportOf(db: Db, unitId: number, { from, to }: SlaQuery): Promise<SlaReport> {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const services = await slaReport(db, unitId, new Date(`${from}T00:00:00Z`), end);
  return { from, to, services };
}

/**
 * Per service of a unit: counts, share within time, median and p90 duration of closed cases
 * (minutes), and the time cases waited for the applicant. "Within time" is against the due time
 * moved by those waits (the case's clock pauses while it is returned).
 */
export async function slaReport(db: Db, unitId: number, from: Date, to: Date): Promise<ServiceSla[]> {
  const rows = (await db.execute(sql`
    SELECT s.slug AS standard,
           (SELECT r.name FROM ${standardRevisions} r WHERE r.standard_id = s.id
            ORDER BY r.id DESC LIMIT 1) AS name,
           count(*)::int AS cases,
           count(c.closed_at)::int AS closed,
           (count(*) - count(c.closed_at))::int AS open,
           count(c.breached_at)::int AS breached,
           count(*) FILTER (WHERE c.closed_at IS NOT NULL AND c.due_at IS NOT NULL)::int AS closed_with_due,
           count(*) FILTER (WHERE c.closed_at IS NOT NULL AND c.due_at IS NOT NULL AND c.breached_at IS NULL
                            AND c.closed_at <= c.due_at)::int AS within,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.opened_at) / 60)
             FILTER (WHERE c.closed_at IS NOT NULL) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.opened_at) / 60)
             FILTER (WHERE c.closed_at IS NOT NULL) AS p90,
           count(*) FILTER (WHERE c.pause_count > 0)::int AS paused_cases,
           coalesce(sum(c.paused_minutes), 0)::int AS paused_minutes,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY c.paused_minutes)
             FILTER (WHERE c.pause_count > 0) AS median_paused
    FROM ${cases} c JOIN ${standards} s ON s.id = c.standard_id
    WHERE c.unit_id = ${unitId} AND c.opened_at >= ${from.toISOString()} AND c.opened_at < ${to.toISOString()}
    GROUP BY s.id, s.slug ORDER BY s.slug`)) as unknown as {
    rows: Array<{
      standard: string;
      name: string | null;
      cases: number;
      closed: number;
      open: number;
      breached: number;
      closed_with_due: number;
      within: number;
      median: number | string | null;
      p90: number | string | null;
      paused_cases: number;
      paused_minutes: number;
      median_paused: number | string | null;
    }>;
  };
  const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return rows.rows.map((r) => ({
    standard: r.standard,
    name: r.name ?? r.standard,
    cases: Number(r.cases),
    closed: Number(r.closed),
    open: Number(r.open),
    breached: Number(r.breached),
    withinTimeShare: Number(r.closed_with_due) > 0 ? Number(r.within) / Number(r.closed_with_due) : null,
    medianMinutes: num(r.median),
    p90Minutes: num(r.p90),
    pausedCases: Number(r.paused_cases),
    pausedMinutesTotal: Number(r.paused_minutes),
    medianPausedMinutes: num(r.median_paused),
  }));
}
