import { date, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { divisions, units, users } from '../auth/auth.tables.ts';

/** A service a unit offers; its content lives in revisions. */
export const standards = pgTable(
  'standards',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    slug: text('slug').notNull(),
    divisionId: integer('division_id').references(() => divisions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('standards_unit_slug').on(t.unitId, t.slug)],
);

/** One published revision of a standard: the YAML as uploaded and its parsed content. Never updated. */
export const standardRevisions = pgTable(
  'standard_revisions',
  {
    id: serial('id').primaryKey(),
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id),
    revision: text('revision').notNull(),
    documentNumber: text('document_number').notNull(),
    name: text('name').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }),
    content: jsonb('content').notNull(),
    sourceYaml: text('source_yaml').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('standard_revisions_rev').on(t.standardId, t.revision)],
);
