import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { standardRevisions, standards } from '../standards/standards.tables.ts';
import { caseActions, caseDocuments, cases, caseWaits } from './cases.tables.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseActionRow = typeof caseActions.$inferSelect;

export async function insertCase(db: Db, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(values).returning();
  if (!row) throw new Error('insert cases returned nothing');
  return row;
}

export async function findCase(db: Db, unitId: number, id: number): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.unitId, unitId)));
  return row;
}

/** A case the office `requestingUnitId` submitted to another office; undefined for any other case. */
export async function findSubmittedCase(
  db: Db,
  requestingUnitId: number,
  id: number,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.requestingUnitId, requestingUnitId)));
  return row;
}

/** A page of the cases an office submitted, newest first, keyset-paged on the id. */
export async function submittedCases(
  db: Db,
  requestingUnitId: number,
  after: number | undefined,
  limit: number,
): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.requestingUnitId, requestingUnitId),
        after === undefined ? undefined : lt(cases.id, after),
      ),
    )
    .orderBy(desc(cases.id))
    .limit(limit);
}

/** Replaces a case's intake answers (a correction; the caller audits it). */
/** The case's row locked to the commit, with where it stands now (an action may have moved it). */
export async function lockCase(
  db: Db,
  id: number,
): Promise<Pick<CaseRow, 'step' | 'status' | 'intake'> | undefined> {
  const [row] = await db
    .select({ step: cases.step, status: cases.status, intake: cases.intake })
    .from(cases)
    .where(eq(cases.id, id))
    .for('update');
  return row;
}

/** New intake answers, and the step's decision deadline they set. */
export async function updateIntake(
  db: Db,
  id: number,
  intake: CaseRow['intake'],
  stepDueAt: Date | null,
): Promise<void> {
  await db.update(cases).set({ intake, stepDueAt }).where(eq(cases.id, id));
}

export async function findCaseByTrackingCode(db: Db, code: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.trackingCode, code));
  return row;
}

export async function actionsOf(db: Db, caseId: number): Promise<CaseActionRow[]> {
  return db.select().from(caseActions).where(eq(caseActions.caseId, caseId)).orderBy(asc(caseActions.seq));
}

export async function insertAction(db: Db, values: typeof caseActions.$inferInsert): Promise<void> {
  await db.insert(caseActions).values(values);
}

/**
 * Rewrites the projection, only if nobody moved the case since `version` was read nor corrected
 * the intake answers it was reckoned from (`intake`: they set the step's decision deadline).
 */
export async function updateProjection(
  db: Db,
  id: number,
  seen: { version: number; intake: CaseRow['intake'] },
  values: Partial<typeof cases.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set(values)
    .where(
      and(
        eq(cases.id, id),
        eq(cases.version, seen.version),
        sql`${cases.intake} = ${JSON.stringify(seen.intake)}::jsonb`,
      ),
    )
    .returning({ id: cases.id });
  return rows.length === 1;
}

export async function documentsOf(db: Db, caseId: number) {
  return db
    .select()
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.id));
}

export async function insertDocument(db: Db, values: typeof caseDocuments.$inferInsert) {
  const [row] = await db.insert(caseDocuments).values(values).returning();
  if (!row) throw new Error('insert case_documents returned nothing');
  return row;
}

export type CaseDocumentRow = typeof caseDocuments.$inferSelect;

/** A document is current while nothing replaced it and nobody removed it. */
const isCurrent = and(isNull(caseDocuments.replacedBy), isNull(caseDocuments.removedAt));

export async function findDocument(db: Db, caseId: number, id: number): Promise<CaseDocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, id), eq(caseDocuments.caseId, caseId)));
  return row;
}

/** Points a current document at the one that replaces it; false when it was no longer current. */
export async function markReplaced(db: Db, id: number, replacedBy: number): Promise<boolean> {
  const rows = await db
    .update(caseDocuments)
    .set({ replacedBy })
    .where(and(eq(caseDocuments.id, id), isCurrent))
    .returning({ id: caseDocuments.id });
  return rows.length === 1;
}

/** Marks a current document removed (the row and its file stay); false when it was no longer current. */
export async function markRemoved(
  db: Db,
  id: number,
  userId: number,
  at: Date,
): Promise<CaseDocumentRow | undefined> {
  const [row] = await db
    .update(caseDocuments)
    .set({ removedAt: at, removedBy: userId })
    .where(and(eq(caseDocuments.id, id), isCurrent))
    .returning();
  return row;
}

/** The scope of a queue: step roles held at every service, and roles held in one division only. */
export interface QueueScope {
  open: string[];
  scoped: string[];
  divisionCode: string | undefined;
}

/**
 * The cases at a step of the scope's roles in a unit: `open` roles at every service, `scoped`
 * ones only at services of `divisionCode` (the division of the revision the case follows).
 * Undefined when the scope holds no role. Shared by the queue, the case list and the counts.
 */
export function queueCondition(db: Db, unitId: number, roles: QueueScope) {
  const inDivision =
    roles.scoped.length > 0 && roles.divisionCode
      ? and(
          inArray(cases.stepRole, roles.scoped),
          inArray(
            cases.revisionId,
            db
              .select({ id: standardRevisions.id })
              .from(standardRevisions)
              .innerJoin(standards, eq(standards.id, standardRevisions.standardId))
              .where(
                and(
                  eq(standards.unitId, unitId),
                  sql`${standardRevisions.content}->'division'->>'code' = ${roles.divisionCode}`,
                ),
              ),
          ),
        )
      : undefined;
  return or(roles.open.length > 0 ? inArray(cases.stepRole, roles.open) : undefined, inDivision);
}

/**
 * A waiting case's due time where it waits, as `dueWhereItWaits` in deadline.ts reckons it: the
 * decision's at a step with a deadline (`step_due_at`, which the engine keeps), else the case's.
 * The index `cases_waiting_due` holds the same expression.
 */
export const waitingDueSql: SQL = sql`coalesce(${cases.stepDueAt}, ${cases.dueAt})`;

/**
 * Open and returned cases waiting for the caller's step roles in a unit, soonest due first: the
 * decision's due time at a step with a deadline, else the case's (as the queue shows them), so
 * that a page of the queue holds the most urgent ones.
 */
export async function queue(db: Db, unitId: number, roles: QueueScope, limit: number) {
  return (await queueQuery(db, unitId, roles, limit)) ?? [];
}

/** The queue's query, unrun (its plan is tested: a page is read off `cases_waiting_due`). */
export function queueQuery(db: Db, unitId: number, roles: QueueScope, limit: number) {
  const forRoles = queueCondition(db, unitId, roles);
  if (!forRoles) return undefined;
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.unitId, unitId), forRoles, caseWaits(cases.status)))
    .orderBy(sql`${waitingDueSql} ASC NULLS LAST`, asc(cases.id))
    .limit(limit);
}

/** How many cases the queue of `roles` holds in all (the queue itself shows a page of them). */
export async function queueTotal(db: Db, unitId: number, roles: QueueScope): Promise<number> {
  const forRoles = queueCondition(db, unitId, roles);
  if (!forRoles) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.unitId, unitId), forRoles, caseWaits(cases.status)));
  return row?.n ?? 0;
}
