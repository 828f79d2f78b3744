import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { findUnitById } from '../auth/auth.repository.ts';
import type { Db } from '../db/client.ts';
import { standardOfRevision } from '../standards/standards.service.ts';
import { closedStatuses, isClosedStatus } from './case.reducer.ts';
import { findCaseByTrackingCode } from './cases.repository.ts';
import { cases } from './cases.tables.ts';

/** What the satisfaction survey needs of a case its token names: never the applicant. */
export interface SurveyCase {
  id: number;
  unitId: number;
  unitName: string;
  timeZone: string;
  standardId: number;
  service: string;
  closed: boolean;
  closedAt: Date | null;
}

export async function surveyCaseOf(db: Db, trackingCode: string): Promise<SurveyCase | null> {
  const row = await findCaseByTrackingCode(db, trackingCode);
  if (!row) return null;
  const unit = await findUnitById(db, row.unitId);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    standardId: row.standardId,
    service: (await standardOfRevision(db, row.revisionId)).name,
    closed: isClosedStatus(row.status),
    closedAt: row.closedAt,
  };
}

/**
 * Cases of a unit closed (served) within [from, to) per standard: the population N of the
 * survey's sample size.
 */
export async function servedCounts(
  db: Db,
  unitId: number,
  from: Date,
  to: Date,
): Promise<Map<number, number>> {
  const rows = await db
    .select({ standardId: cases.standardId, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(
        eq(cases.unitId, unitId),
        inArray(cases.status, [...closedStatuses]),
        gte(cases.closedAt, from),
        lt(cases.closedAt, to),
      ),
    )
    .groupBy(cases.standardId);
  return new Map(rows.map((r) => [r.standardId, r.n]));
}
