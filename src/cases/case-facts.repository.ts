import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { caseActions, cases } from './cases.tables.ts';

/** A case as a report reads it: its projection, its opening's recorded result and its last action. */
export interface CaseFactRow {
  row: typeof cases.$inferSelect;
  /** What the workflow's opening check returned, kept with the opening action. */
  opening: unknown;
  /** When the latest action was taken (the one whose sequence number is the case's version). */
  lastActionAt: string;
  /** The actions after the opening, in order: where each was taken and when. */
  moves: Array<{ step: string | null; action: string; at: string }>;
}

const opening = alias(caseActions, 'opening_action');
const latest = alias(caseActions, 'latest_action');

/**
 * The cases of a unit opened under the given revisions, oldest first; `holding` keeps only those
 * whose opening result holds these values (JSON containment, so `{ emergencyId: 3 }` matches).
 * Both actions are found by the `(case_id, seq)` key: the first, and the one numbered `version`.
 */
export async function caseFacts(
  db: Db,
  unitId: number,
  revisionIds: number[],
  holding?: Record<string, string | number>,
): Promise<CaseFactRow[]> {
  if (revisionIds.length === 0) return [];
  const where: SQL[] = [eq(cases.unitId, unitId), inArray(cases.revisionId, revisionIds)];
  if (holding) where.push(sql`${opening.data} @> ${JSON.stringify({ result: holding })}::jsonb`);
  return db
    .select({
      row: cases,
      opening: sql<unknown>`${opening.data} -> 'result'`,
      lastActionAt: latest.at,
      moves: sql<CaseFactRow['moves']>`(SELECT coalesce(json_agg(json_build_object('step', m.step,
        'action', m.action, 'at', m.at) ORDER BY m.seq), '[]'::json)
        FROM ${caseActions} m WHERE m.case_id = ${cases.id} AND m.seq > 1)`,
    })
    .from(cases)
    .innerJoin(opening, and(eq(opening.caseId, cases.id), eq(opening.seq, 1)))
    .innerJoin(latest, and(eq(latest.caseId, cases.id), eq(latest.seq, cases.version)))
    .where(and(...where))
    .orderBy(asc(cases.openedAt), asc(cases.id));
}

/** What the opening check of one case of the unit returned, kept with its opening action. */
export async function openingResult(db: Db, unitId: number, caseId: number): Promise<unknown> {
  const [found] = await db
    .select({ result: sql<unknown>`${opening.data} -> 'result'` })
    .from(cases)
    .innerJoin(opening, and(eq(opening.caseId, cases.id), eq(opening.seq, 1)))
    .where(and(eq(cases.unitId, unitId), eq(cases.id, caseId)));
  return found?.result ?? null;
}
