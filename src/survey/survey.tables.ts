import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { units } from '../auth/auth.tables.ts';
import { cases } from '../cases/cases.tables.ts';
import { standards } from '../standards/standards.tables.ts';

/** How a response reached the office: a served case's token, the office's kiosk, or a paper sheet. */
export const SurveyChannels = ['token', 'kiosk', 'paper'] as const;
export type SurveyChannel = (typeof SurveyChannels)[number];

/**
 * One respondent's answers to the nine unsur. Anonymous to staff by design: a token response
 * keeps its case only to hold the one-response rule (read by no staff route), and no user,
 * address or device is stored.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id),
    channel: text('channel', { enum: SurveyChannels }).notNull(),
    /** The served case, for a token response: unique, so a token answers once. */
    caseId: integer('case_id')
      .unique()
      .references(() => cases.id),
    /** The day the service was given (a case's closing day; the answering day otherwise), in the unit's zone. */
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    u1: smallint('u1'),
    u2: smallint('u2'),
    u3: smallint('u3'),
    u4: smallint('u4'),
    u5: smallint('u5'),
    u6: smallint('u6'),
    u7: smallint('u7'),
    u8: smallint('u8'),
    u9: smallint('u9'),
    sex: text('sex', { enum: ['L', 'P'] }),
    age: smallint('age'),
    education: text('education'),
    occupation: text('occupation'),
    comment: text('comment'),
    /** Answers to a unit's own questions, which never enter the index. */
    extra: jsonb('extra').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_responses_period').on(t.unitId, t.standardId, t.servedOn),
    check(
      'survey_responses_scores',
      sql`coalesce(${t.u1}, 1) between 1 and 4 and coalesce(${t.u2}, 1) between 1 and 4 and coalesce(${t.u3}, 1) between 1 and 4
        and coalesce(${t.u4}, 1) between 1 and 4 and coalesce(${t.u5}, 1) between 1 and 4 and coalesce(${t.u6}, 1) between 1 and 4
        and coalesce(${t.u7}, 1) between 1 and 4 and coalesce(${t.u8}, 1) between 1 and 4 and coalesce(${t.u9}, 1) between 1 and 4`,
    ),
    check('survey_responses_token_case', sql`(${t.channel} = 'token') = (${t.caseId} is not null)`),
  ],
);
