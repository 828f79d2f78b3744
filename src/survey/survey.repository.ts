import { and, asc, eq, gte, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import { users } from '../auth/auth.tables.ts';
import { type Db, rows } from '../db/client.ts';
import {
  type FollowUpStatus,
  surveyFollowUps,
  surveyPeriods,
  surveyQuestions,
  surveyResponses,
} from './survey.tables.ts';

export type ResponseInsert = typeof surveyResponses.$inferInsert;

/** Stores a response; false when the case already has one (the unique case id held). */
export async function insertResponse(db: Db, row: ResponseInsert): Promise<boolean> {
  const inserted = await db
    .insert(surveyResponses)
    .values(row)
    .onConflictDoNothing({ target: surveyResponses.caseId })
    .returning({ id: surveyResponses.id });
  return inserted.length > 0;
}

export async function caseAnswered(db: Db, caseId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.caseId, caseId));
  return row !== undefined;
}

/** The answers of a unit's responses served on days within [from, to): no case, no time of day. */
export async function answersOf(db: Db, unitId: number, from: string, to: string) {
  return db
    .select({
      standardId: surveyResponses.standardId,
      channel: surveyResponses.channel,
      u1: surveyResponses.u1,
      u2: surveyResponses.u2,
      u3: surveyResponses.u3,
      u4: surveyResponses.u4,
      u5: surveyResponses.u5,
      u6: surveyResponses.u6,
      u7: surveyResponses.u7,
      u8: surveyResponses.u8,
      u9: surveyResponses.u9,
    })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.unitId, unitId),
        gte(surveyResponses.servedOn, from),
        lt(surveyResponses.servedOn, to),
      ),
    );
}

/** Serialises a unit's survey writes against the closing of its periods (shared by writers). */
const periodLockKey = 7_238_101;

/** Taken by a response's insert: many at once, never while the head closes a period. */
export async function lockPeriodsShared(tx: Db, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${periodLockKey}, ${unitId})`);
}

/** Taken by the closing of a period: alone, so no response slips in while it closes. */
export async function lockPeriodsExclusive(tx: Db, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${periodLockKey}, ${unitId})`);
}

/** The closed period (its semester, or the whole year) that holds a day, if any. */
export async function closedPeriodOf(db: Db, unitId: number, year: number, semester: 1 | 2) {
  const [row] = await db
    .select({ year: surveyPeriods.year, semester: surveyPeriods.semester })
    .from(surveyPeriods)
    .where(
      and(
        eq(surveyPeriods.unitId, unitId),
        eq(surveyPeriods.year, year),
        or(isNull(surveyPeriods.semester), eq(surveyPeriods.semester, semester)),
        isNotNull(surveyPeriods.closedAt),
      ),
    )
    .orderBy(asc(surveyPeriods.semester))
    .limit(1);
  return row;
}

const samePeriod = (unitId: number, year: number, semester: number | null) =>
  and(
    eq(surveyPeriods.unitId, unitId),
    eq(surveyPeriods.year, year),
    semester === null ? isNull(surveyPeriods.semester) : eq(surveyPeriods.semester, semester),
  );

export async function findPeriod(db: Db, unitId: number, year: number, semester: number | null) {
  const [row] = await db
    .select({
      id: surveyPeriods.id,
      closedAt: surveyPeriods.closedAt,
      closedBy: surveyPeriods.closedBy,
      closedByName: users.name,
    })
    .from(surveyPeriods)
    .leftJoin(users, eq(users.id, surveyPeriods.closedBy))
    .where(samePeriod(unitId, year, semester));
  return row;
}

/** The period's row, made when it has none yet. */
export async function ensurePeriod(db: Db, unitId: number, year: number, semester: number | null) {
  await db
    .insert(surveyPeriods)
    .values({ unitId, year, semester })
    .onConflictDoNothing({ target: [surveyPeriods.unitId, surveyPeriods.year, surveyPeriods.semester] });
  const row = await findPeriod(db, unitId, year, semester);
  if (!row) throw new Error('survey period not made');
  return row;
}

/** Closes an open period; false when it was closed already. */
export async function closePeriod(db: Db, periodId: number, userId: number, at: Date): Promise<boolean> {
  const closed = await db
    .update(surveyPeriods)
    .set({ closedAt: at, closedBy: userId })
    .where(and(eq(surveyPeriods.id, periodId), isNull(surveyPeriods.closedAt)))
    .returning({ id: surveyPeriods.id });
  return closed.length > 0;
}

export async function insertResponses(db: Db, rows: ResponseInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(surveyResponses).values(rows);
}

export async function followUpsOf(db: Db, periodId: number) {
  return db
    .select({
      id: surveyFollowUps.id,
      unsur: surveyFollowUps.unsur,
      action: surveyFollowUps.action,
      dueOn: surveyFollowUps.dueOn,
      status: surveyFollowUps.status,
      recordedBy: users.name,
      updatedAt: surveyFollowUps.updatedAt,
    })
    .from(surveyFollowUps)
    .innerJoin(users, eq(users.id, surveyFollowUps.recordedBy))
    .where(eq(surveyFollowUps.periodId, periodId))
    .orderBy(asc(surveyFollowUps.unsur), asc(surveyFollowUps.id));
}

export async function insertFollowUp(db: Db, row: typeof surveyFollowUps.$inferInsert) {
  const [made] = await db.insert(surveyFollowUps).values(row).returning({ id: surveyFollowUps.id });
  return made?.id as number;
}

/** A follow-up of a unit's period, or undefined when it is another unit's or none. */
export async function findFollowUp(db: Db, unitId: number, id: number) {
  const [row] = await db
    .select({ id: surveyFollowUps.id, status: surveyFollowUps.status, periodId: surveyFollowUps.periodId })
    .from(surveyFollowUps)
    .innerJoin(surveyPeriods, eq(surveyPeriods.id, surveyFollowUps.periodId))
    .where(and(eq(surveyFollowUps.id, id), eq(surveyPeriods.unitId, unitId)));
  return row;
}

export async function setFollowUpStatus(db: Db, id: number, status: FollowUpStatus, at: Date) {
  await db.update(surveyFollowUps).set({ status, updatedAt: at }).where(eq(surveyFollowUps.id, id));
}

/** The profile and comment of a period's responses: no case, no time of day, no order of arrival. */
export async function profilesOf(db: Db, unitId: number, from: string, to: string) {
  return db
    .select({
      standardId: surveyResponses.standardId,
      sex: surveyResponses.sex,
      age: surveyResponses.age,
      education: surveyResponses.education,
      occupation: surveyResponses.occupation,
      comment: surveyResponses.comment,
    })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.unitId, unitId),
        gte(surveyResponses.servedOn, from),
        lt(surveyResponses.servedOn, to),
      ),
    )
    .orderBy(asc(surveyResponses.comment));
}

export type QuestionRow = typeof surveyQuestions.$inferSelect;

/** A unit's own questions: those in use in their order, then the retired ones. */
export async function questionsOf(db: Db, unitId: number): Promise<QuestionRow[]> {
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.unitId, unitId))
    .orderBy(
      sql`${surveyQuestions.retiredAt} is not null`,
      asc(surveyQuestions.position),
      asc(surveyQuestions.id),
    );
}

/** A question of a unit, or undefined when it is another unit's or none. */
export async function findQuestion(db: Db, unitId: number, id: number): Promise<QuestionRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.id, id), eq(surveyQuestions.unitId, unitId)));
  return row;
}

export async function insertQuestion(
  db: Db,
  row: Omit<typeof surveyQuestions.$inferInsert, 'position'>,
): Promise<number> {
  const [last] = await db
    .select({ position: max(surveyQuestions.position) })
    .from(surveyQuestions)
    .where(eq(surveyQuestions.unitId, row.unitId));
  const [made] = await db
    .insert(surveyQuestions)
    .values({ ...row, position: (last?.position ?? 0) + 1 })
    .returning({ id: surveyQuestions.id });
  return made?.id as number;
}

export async function updateQuestion(
  db: Db,
  id: number,
  change: Pick<QuestionRow, 'kind' | 'textId' | 'textEn' | 'optional' | 'updatedAt'>,
): Promise<void> {
  await db.update(surveyQuestions).set(change).where(eq(surveyQuestions.id, id));
}

export async function retireQuestion(db: Db, id: number, at: Date): Promise<void> {
  await db.update(surveyQuestions).set({ retiredAt: at, updatedAt: at }).where(eq(surveyQuestions.id, id));
}

export async function setQuestionPositions(db: Db, ids: number[]): Promise<void> {
  for (const [i, id] of ids.entries())
    await db
      .update(surveyQuestions)
      .set({ position: i + 1 })
      .where(eq(surveyQuestions.id, id));
}

/** The day of a response falls in a closed period of its unit (its semester or its whole year). */
const inClosedPeriod = sql`exists (
  select 1 from survey_periods p
  where p.unit_id = r.unit_id and p.closed_at is not null
    and p.year = extract(year from r.served_on)
    and (p.semester is null or p.semester = case when extract(month from r.served_on) <= 6 then 1 else 2 end))`;

/** Per question of a unit: how many responses answer it, and how many of them lie in a closed period. */
export async function questionUse(db: Db, unitId: number) {
  const found = await rows<{ key: string; answers: number; closed: number }>(
    db,
    sql`select e.key, count(*)::int as answers, count(*) filter (where ${inClosedPeriod})::int as closed
      from survey_responses r, jsonb_object_keys(r.extra) as e(key)
      where r.unit_id = ${unitId} and r.extra is not null
      group by e.key`,
  );
  return new Map(found.map((f) => [Number(f.key), { answers: f.answers, closed: f.closed }]));
}

/** The answers to a unit's own questions served within [from, to), counted per question and answer. */
export async function extraTallies(db: Db, unitId: number, from: string, to: string) {
  return rows<{ key: string; value: string; n: number }>(
    db,
    sql`select e.key, e.value, count(*)::int as n
      from survey_responses r, jsonb_each_text(r.extra) as e(key, value)
      where r.unit_id = ${unitId} and r.extra is not null
        and r.served_on >= ${from} and r.served_on < ${to}
      group by e.key, e.value
      order by e.key, e.value`,
  );
}
