import { index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';
import { cases } from '../cases/cases.tables.ts';

/** Distance classes of a stranded traveller's leg (DOMAIN.md §7). */
export const DistanceClasses = ['dalam_provinsi', 'antar_provinsi', 'antar_pulau'] as const;
export type DistanceClass = (typeof DistanceClasses)[number];

/** What a unit pays for a leg, by distance class; each unit edits its own. */
export const reliefTariffs = pgTable(
  'relief_tariffs',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    distanceClass: text('distance_class', { enum: DistanceClasses }).notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.distanceClass] })],
);

/** The cash book of kehabisan bekal payouts: one row per leg paid, with its receipt (kwitansi). */
export const reliefPayouts = pgTable(
  'relief_payouts',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** NIK of the traveller; null for a traveller without an identity card. */
    nik: text('nik'),
    name: text('name').notNull(),
    originCode: text('origin_code').notNull(),
    destinationCode: text('destination_code').notNull(),
    /** Where this office's leg ends: the destination, or the next relay office on the way. */
    legToCode: text('leg_to_code').notNull(),
    distanceClass: text('distance_class', { enum: DistanceClasses }).notNull(),
    amount: integer('amount').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    paidBy: integer('paid_by').references(() => users.id),
    receiptSha256: text('receipt_sha256').notNull(),
  },
  (t) => [index('relief_payouts_nik').on(t.nik)],
);
