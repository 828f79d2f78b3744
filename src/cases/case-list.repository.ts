import { and, desc, eq, ilike, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { users } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import type { DueFilter } from './case-list.schema.ts';
import { type QueueScope, queueCondition, waitingDueSql } from './cases.repository.ts';
import { cases, caseWaits } from './cases.tables.ts';

/** The filters of the office's case list, resolved by the service (the caller's id, the queue scope). */
export interface ListFilter {
  unitId: number;
  /** A tracking code (`ABCDE-FGHJK` or without the dash), compared exactly. */
  trackingCode?: string | undefined;
  /** A full NIK, compared exactly. */
  nik?: string | undefined;
  /** Part of the applicant's name (a trigram index serves it). */
  name?: string | undefined;
  standardId?: number | undefined;
  product?: string | undefined;
  status?: string | undefined;
  step?: string | undefined;
  due?: DueFilter | undefined;
  /** A user id, or null: claimed by nobody. */
  assigneeId?: number | null | undefined;
  queue?: QueueScope | undefined;
  now: Date;
  timeZone: string;
}

const waiting = caseWaits(cases.status);

/** The end of the unit's calendar day holding `now`, as a timestamp. */
function endOfDay(now: Date, timeZone: string): SQL {
  return sql`((date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE ${timeZone}) + interval '1 day') AT TIME ZONE ${timeZone})`;
}

function dueCondition(due: DueFilter, f: ListFilter): SQL | undefined {
  if (due === 'paused') return and(waiting, isNotNull(cases.pausedAt));
  const dueAt = waitingDueSql;
  const now = sql`${f.now.toISOString()}::timestamptz`;
  if (due === 'overdue') return and(waiting, sql`${dueAt} < ${now}`);
  return and(waiting, sql`${dueAt} >= ${now}`, sql`${dueAt} < ${endOfDay(f.now, f.timeZone)}`);
}

/** Every condition of a filter; the unit is always the first. Undefined-free for `and`. */
function conditions(db: Db, f: ListFilter): SQL[] {
  const out: (SQL | undefined)[] = [eq(cases.unitId, f.unitId)];
  if (f.trackingCode !== undefined) out.push(eq(cases.trackingCode, f.trackingCode));
  if (f.nik !== undefined) out.push(sql`${cases.applicant}->>'nik' = ${f.nik}`);
  if (f.name !== undefined)
    out.push(ilike(sql`${cases.applicant}->>'name'`, `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.standardId !== undefined) out.push(eq(cases.standardId, f.standardId));
  if (f.product !== undefined) out.push(eq(cases.product, f.product));
  if (f.status === 'waiting') out.push(waiting);
  else if (f.status !== undefined) out.push(eq(cases.status, f.status));
  if (f.step !== undefined) out.push(eq(cases.step, f.step));
  if (f.due !== undefined) out.push(dueCondition(f.due, f));
  if (f.assigneeId === null) out.push(isNull(cases.assigneeId));
  else if (f.assigneeId !== undefined) out.push(eq(cases.assigneeId, f.assigneeId));
  if (f.queue !== undefined) out.push(and(waiting, queueCondition(db, f.unitId, f.queue) ?? sql`false`));
  return out.filter((c): c is SQL => c !== undefined);
}

/** A page of the list, newest first, keyset-paged on the id: the cases with an id below `after`. */
export async function listCases(db: Db, f: ListFilter, after: number | undefined, limit: number) {
  const where = conditions(db, f);
  if (after !== undefined) where.push(lt(cases.id, after));
  return db
    .select({ row: cases, assignee: users.name })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(desc(cases.id))
    .limit(limit);
}

export async function countCases(db: Db, f: ListFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(...conditions(db, f)));
  return row?.n ?? 0;
}

/**
 * Waiting, due today and overdue in one aggregate over the cases the filter matches, once per
 * queue scope given (`undefined`: the whole filter), so the home's counts are one round trip.
 */
export async function workCounts(db: Db, f: ListFilter, scopes: readonly (QueueScope | undefined)[]) {
  const columns: Record<string, SQL<number>> = {};
  scopes.forEach((scope, i) => {
    const inScope = scope === undefined ? sql`true` : (queueCondition(db, f.unitId, scope) ?? sql`false`);
    columns[`w${i}`] = sql<number>`count(*) filter (where ${inScope})::int`;
    columns[`d${i}`] = sql<number>`count(*) filter (where ${inScope} and ${dueCondition('today', f)})::int`;
    columns[`o${i}`] = sql<number>`count(*) filter (where ${inScope} and ${dueCondition('overdue', f)})::int`;
  });
  const [row] = await db
    .select(columns)
    .from(cases)
    .where(and(...conditions(db, f), waiting));
  return scopes.map((_, i) => ({
    waiting: row?.[`w${i}`] ?? 0,
    dueToday: row?.[`d${i}`] ?? 0,
    overdue: row?.[`o${i}`] ?? 0,
  }));
}
