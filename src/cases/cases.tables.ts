import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';
import type { IntakeAnswers } from '../standards/intake.ts';
import { standardRevisions, standards } from '../standards/standards.tables.ts';
import { waitingStatuses } from './case.reducer.ts';

/**
 * A case still waits for someone (`waitingStatuses`). The statuses are literals, not parameters,
 * so that every plan, a prepared statement's generic one too, can use the partial index built
 * on this same condition; queries that should be served by it say it this way.
 */
export const caseWaits = (status: AnyColumn): SQL =>
  sql`${status} IN (${sql.raw(waitingStatuses.map((s) => `'${s}'`).join(', '))})`;

/** The papers the front desk ticked on the intake checklist, by requirement id, and who ticked them when. */
export interface PapersSeen {
  ids: string[];
  by: number;
  /** ISO 8601. */
  at: string;
}

export interface Applicant {
  name: string;
  nik?: string | undefined;
  phone?: string | undefined;
}

/**
 * A request (berkas/permohonan). Its truth is its actions; the status columns here are a
 * projection of the reducer, rewritten in the same transaction as each action, for queues.
 */
export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id),
    /** The revision in force when the case was opened; the case follows it to the end. */
    revisionId: integer('revision_id')
      .notNull()
      .references(() => standardRevisions.id),
    trackingCode: text('tracking_code').notNull().unique(),
    product: text('product'),
    applicant: jsonb('applicant').$type<Applicant>().notNull(),
    /** Marks for the officer, e.g. `tanpa-ktp` (no identity card: recorded from the police letter). */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    /** Answers to the standard's intake questions, which decide the conditional requirements. */
    intake: jsonb('intake').$type<IntakeAnswers>().notNull().default({}),
    /** The intake checklist as the desk ticked it; null for a case opened without one. */
    papersSeen: jsonb('papers_seen').$type<PapersSeen>(),
    status: text('status').notNull(),
    step: text('step'),
    /** The role that acts at `step`, for the queues. */
    stepRole: text('step_role'),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** Number of actions so far; an action states the count it saw (optimistic concurrency). */
    version: integer('version').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /**
     * When the decision at the current step is due, at a step with a deadline by an intake answer
     * (deadline.ts `stepDueAtOf`); null elsewhere. The queue waits on `coalesce(step_due_at, due_at)`.
     */
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the case passed its due time unfinished; set by the sweep or at a late closing. */
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    /** Since when the case waits for the applicant (its clock paused, `due_at` null); null while it runs. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** Office minutes of the finished waits for the applicant, for the SLA report. */
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    /** How many times the case was returned to the applicant. */
    pauseCount: integer('pause_count').notNull().default(0),
    /**
     * The office on Jaring that submitted the case to this one (a regency's relief request to the
     * province), null for a case registered at this office's own desk. A column of the case, not
     * a table of the module that uses it: who may read a case is the engine's rule, and the
     * submitting office reads it (read-only) by this column, as the office above lists it by it.
     */
    requestingUnitId: integer('requesting_unit_id').references(() => units.id),
  },
  (t) => [
    index('cases_queue').on(t.unitId, t.stepRole, t.status, t.dueAt),
    // A role's queue in order, soonest due where each case waits (a step's decision deadline,
    // else the case's): read off the index up to the page's end, not sorted.
    index('cases_waiting_due')
      .on(t.unitId, t.stepRole, sql`coalesce(${t.stepDueAt}, ${t.dueAt})`, t.id)
      .where(caseWaits(t.status)),
    // The office's case list pages by id within a unit; the desk finds a case by NIK or name.
    index('cases_unit_id').on(t.unitId, t.id),
    // What an office submitted to the office above, newest first.
    index('cases_requesting_unit').on(t.requestingUnitId, t.id),
    index('cases_applicant_nik').on(t.unitId, sql`(${t.applicant}->>'nik')`),
    index('cases_applicant_name_trgm').using('gin', sql`(${t.applicant}->>'name') gin_trgm_ops`),
  ],
);

/** The append-only history of a case. */
export const caseActions = pgTable(
  'case_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    userId: integer('user_id').references(() => users.id),
    role: text('role').notNull(),
    step: text('step'),
    action: text('action').notNull(),
    note: text('note'),
    data: jsonb('data'),
  },
  // Two people acting on the same state both write seq n+1: one wins, the other conflicts.
  (t) => [unique('case_actions_seq').on(t.caseId, t.seq)],
);

/** Requirement documents received for a case (the file itself lives in the file store). */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    requirementId: text('requirement_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The document that replaced this one; the row and its file stay, as the requirement's
     * history. A current document has neither this nor `removedAt`.
     */
    replacedBy: integer('replaced_by').references((): AnyPgColumn => caseDocuments.id),
    /** Removed by its uploader before its step was left: kept for the audit, no longer counted. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: integer('removed_by').references(() => users.id),
  },
  (t) => [index('case_documents_case').on(t.caseId)],
);
