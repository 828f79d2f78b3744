import { index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';
import { complaints } from './complaints.tables.ts';

/**
 * SP4N-LAPOR! (lapor.go.id), the national complaint channel: reports an agency received there
 * come into Jaring from a file (`lapor.import.ts`) and become complaints of channel `lapor`.
 */

/** One import of a LAPOR! file: who brought which file, and what came of it. */
export const laporImports = pgTable(
  'lapor_imports',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    duplicates: integer('duplicates').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lapor_imports_unit').on(t.unitId, t.at)],
);

/**
 * The LAPOR! side of a complaint imported from LAPOR!: its tracking id (kept as text: leading
 * zeros and all) and what LAPOR! showed beside it. A unit holds each LAPOR! id once, so a file
 * imported again adds nothing.
 */
export const laporReports = pgTable(
  'lapor_reports',
  {
    complaintId: integer('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    /** The unit that imported it (the complaint may since have been transferred). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    laporId: text('lapor_id').notNull(),
    title: text('title').notNull().default(''),
    /** LAPOR!'s kategori (topic), as the file named it. */
    category: text('category').notNull().default(''),
    /** How the report reached LAPOR! (website, SMS 1708, app, …), as the file named it. */
    source: text('source').notNull().default(''),
    /** The status LAPOR! showed when the file was taken. */
    laporStatus: text('lapor_status').notNull().default(''),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => laporImports.id),
  },
  (t) => [unique('lapor_reports_unit_lapor_id').on(t.unitId, t.laporId)],
);

/** A follow-up (tindak lanjut) written for LAPOR!, to be entered back there (`lapor.export.ts`). */
export const laporFollowUps = pgTable(
  'lapor_follow_ups',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    text: text('text').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('lapor_follow_ups_complaint').on(t.complaintId),
    index('lapor_follow_ups_unit_at').on(t.unitId, t.at),
  ],
);

/** A unit's own mapping of its LAPOR! files' columns (`lapor.mapping.ts`); none: the defaults. */
export const laporSettings = pgTable('lapor_settings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
