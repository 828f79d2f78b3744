import { date, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';

/** Who declares a status tanggap darurat (emergency response status) by decree. */
export const Declarers = ['bupati', 'wali_kota', 'gubernur'] as const;
export type Declarer = (typeof Declarers)[number];

/** What a decree of an emergency does: declares it, extends its end, or ends it early. */
export const DecreeKinds = ['declaration', 'extension', 'termination'] as const;
export type DecreeKind = (typeof DecreeKinds)[number];

/**
 * A declared emergency (status tanggap darurat) recorded by a unit. `endsOn` is the end the
 * latest decree set; `endedAt` is when it was ended (a termination decree), after which no
 * request opens under it.
 */
export const emergencies = pgTable(
  'emergencies',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Kind of disaster as the decree names it: banjir, gempa bumi, tanah longsor, … */
    disaster: text('disaster').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emergencies_unit').on(t.unitId, t.endsOn)],
);

/** The emergency's area: regencies, cities or districts by Kemendagri code (`36.02`, `36.02.01`). */
export const emergencyAreas = pgTable(
  'emergency_areas',
  {
    emergencyId: integer('emergency_id')
      .notNull()
      .references(() => emergencies.id),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.emergencyId, t.regionCode] })],
);

/** Every decree of an emergency, oldest first: the history a reader sees (nothing is overwritten). */
export const emergencyDecrees = pgTable(
  'emergency_decrees',
  {
    id: serial('id').primaryKey(),
    emergencyId: integer('emergency_id')
      .notNull()
      .references(() => emergencies.id),
    kind: text('kind', { enum: DecreeKinds }).notNull(),
    number: text('number').notNull(),
    decreedOn: date('decreed_on', { mode: 'string' }).notNull(),
    declaredBy: text('declared_by', { enum: Declarers }).notNull(),
    /** The end this decree sets (declaration, extension) or the last day (termination). */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emergency_decrees_emergency').on(t.emergencyId)],
);
