import { sql } from 'drizzle-orm';
import {
  boolean,
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
  unique,
} from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';
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

/**
 * A unit's survey period (a semester, or a whole year when `semester` is null), as the head
 * closes it: once closed, no response served inside it is added (token, kiosk or paper), so
 * the report the head signed stays the report. A row exists once the period is closed or has
 * a follow-up plan.
 */
export const surveyPeriods = pgTable(
  'survey_periods',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    /** 1 (January–June), 2 (July–December); null: the whole year. */
    semester: smallint('semester'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => users.id),
  },
  (t) => [
    unique('survey_periods_unit_period').on(t.unitId, t.year, t.semester).nullsNotDistinct(),
    check('survey_periods_semester', sql`${t.semester} is null or ${t.semester} in (1, 2)`),
    check('survey_periods_closed', sql`(${t.closedAt} is null) = (${t.closedBy} is null)`),
  ],
);

export const FollowUpStatuses = ['planned', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FollowUpStatuses)[number];

/** The follow-up plan (rencana tindak lanjut) the head records for a weak unsur of a period. */
export const surveyFollowUps = pgTable(
  'survey_follow_ups',
  {
    id: serial('id').primaryKey(),
    periodId: integer('period_id')
      .notNull()
      .references(() => surveyPeriods.id),
    unsur: text('unsur').notNull(),
    action: text('action').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: FollowUpStatuses }).notNull().default('planned'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_follow_ups_period').on(t.periodId),
    check('survey_follow_ups_unsur', sql`${t.unsur} in ('U1','U2','U3','U4','U5','U6','U7','U8','U9')`),
    check('survey_follow_ups_status', sql`${t.status} in ('planned','in_progress','done')`),
  ],
);

/** The kinds of a unit's own question: answers a–d, yes or no, or a short text. */
export const SurveyQuestionKinds = ['scale', 'yes_no', 'text'] as const;
export type SurveyQuestionKind = (typeof SurveyQuestionKinds)[number];

/**
 * A question a unit adds to the nine unsur (PermenPAN-RB 14/2017 lets an office ask more). Its
 * answers sit in `survey_responses.extra` under the question's id and never enter the index. A
 * question is retired, never deleted, so past answers keep their question.
 */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Order among the unit's questions, shown after U1–U9 and the profile. */
    position: smallint('position').notNull(),
    kind: text('kind', { enum: SurveyQuestionKinds }).notNull(),
    textId: text('text_id').notNull(),
    textEn: text('text_en'),
    /** The respondent may leave it unanswered. */
    optional: boolean('optional').notNull().default(true),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_questions_unit').on(t.unitId, t.position),
    check('survey_questions_kind', sql`${t.kind} in ('scale','yes_no','text')`),
  ],
);
