import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { surveyResponses } from './survey.tables.ts';

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
