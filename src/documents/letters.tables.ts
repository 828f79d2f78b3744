import { integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { Official } from '../auth/auth.tables.ts';
import { units } from '../auth/auth.tables.ts';
import { cases } from '../cases/cases.tables.ts';

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
    caseId: integer('case_id').references(() => cases.id),
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
    /** The signed (wet-ink, scanned) letter uploaded back to the case. */
    signedSha256: text('signed_sha256'),
  },
  (t) => [unique('letters_unit_year_seq').on(t.unitId, t.year, t.seq)],
);
