import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { Official } from '../auth/auth.tables.ts';
import { units, users } from '../auth/auth.tables.ts';

/**
 * The key a letter's `case_id` points at (`letters_case_id_cases_id_fk`). The case engine calls
 * documents, never the other way round, so documents does not import cases' tables: the
 * constraint names its target here (the table is `cases/cases.tables.ts`). Not exported, so
 * drizzle-kit does not take it for a table of its own.
 */
const caseKey = pgTable('cases', { id: serial('id').primaryKey() });

/** The agenda book: the last number given per unit and year. Bumped in the letter's transaction. */
export const letterCounters = pgTable(
  'letter_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** An issued letter: its number, signer and the hash of the PDF as issued. */
export const letters = pgTable(
  'letters',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: integer('case_id').references(() => caseKey.id),
    product: text('product').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    signer: jsonb('signer').$type<Official>().notNull(),
    /** Code in the QR: the public verification page's address. */
    verificationCode: text('verification_code').notNull().unique(),
    pdfSha256: text('pdf_sha256').notNull(),
    /** The signed (wet-ink, scanned) letter uploaded back to the case: the newest of its scans. */
    signedSha256: text('signed_sha256'),
  },
  (t) => [unique('letters_unit_year_seq').on(t.unitId, t.year, t.seq)],
);

/**
 * Every signed scan a letter has had, oldest first. A replaced scan stays, pointing at the scan
 * that replaced it, so the verification page can still tell a holder of it what became of it.
 */
export const letterSignedScans = pgTable(
  'letter_signed_scans',
  {
    id: serial('id').primaryKey(),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why an earlier scan was replaced; null for a letter's first scan. */
    reason: text('reason'),
    replacedBy: integer('replaced_by').references((): AnyPgColumn => letterSignedScans.id),
  },
  (t) => [index('letter_signed_scans_letter').on(t.letterId, t.id)],
);
