import { date, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { units } from '../auth/auth.tables.ts';

/** Days a unit's office is closed: national holidays, cuti bersama, local holidays. Editable. */
export const closedDays = pgTable(
  'closed_days',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['libur_nasional', 'cuti_bersama', 'libur_lokal'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.date] })],
);

/** Office hours per unit (ISO weekday → intervals); one row per unit. */
export const officeHours = pgTable('office_hours', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  hours: jsonb('hours').$type<Record<string, Array<{ start: string; end: string }>>>().notNull(),
});
