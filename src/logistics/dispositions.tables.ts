import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';

/**
 * The key a disposition's `case_id` points at. Logistics reaches cases through the engine,
 * never its tables, so the constraint names its target here (the table is
 * `cases/cases.tables.ts`), as `documents/letters.tables.ts` does. Not exported.
 */
const caseKey = pgTable('cases', { id: serial('id').primaryKey() });

/**
 * A disposition (lembar disposisi) of a relief request: who gave it (user and the role they
 * acted in), to which role, the instruction, when. Written by the action's effect in its
 * transaction; never changed afterwards.
 */
export const logisticsDispositions = pgTable(
  'logistics_dispositions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => caseKey.id),
    fromUserId: integer('from_user_id')
      .notNull()
      .references(() => users.id),
    fromRole: text('from_role').notNull(),
    toRole: text('to_role').notNull(),
    /** `teliti dan saran`, `setuju`, `tolak`: what the disposition decides. */
    decision: text('decision').notNull(),
    instruction: text('instruction').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('logistics_dispositions_case').on(t.caseId, t.id)],
);
