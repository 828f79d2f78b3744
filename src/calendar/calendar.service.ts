import { and, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { units } from '../auth/auth.tables.ts';
import {
  addOfficeMinutes,
  addWorkingDays,
  defaultOfficeHours,
  type WorkingCalendar,
} from '../core/calendar.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import type { Due, DueQuery } from './calendar.schema.ts';
import { closedDays, officeHours } from './calendar.tables.ts';

export type ClosedDay = {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama' | 'libur_lokal';
};

/** A unit's working calendar for a span of years, ready for the pure calendar functions. */
export async function calendarOf(
  db: Db,
  unitId: number,
  years?: { from: number; to: number },
): Promise<WorkingCalendar> {
  // One round trip: every case read and action computes its clock from this calendar.
  const from = years ? `${years.from}-01-01` : '0001-01-01';
  const to = years ? `${years.to}-12-31` : '9999-12-31';
  const [unit] = await db
    .select({
      timeZone: units.timeZone,
      hours: sql<WorkingCalendar['officeHours'] | null>`(
        SELECT ${officeHours.hours} FROM ${officeHours} WHERE ${officeHours.unitId} = ${units.id})`,
      days: sql<ClosedDay[]>`coalesce((
        SELECT json_agg(json_build_object('date', d.date, 'name', d.name, 'kind', d.kind) ORDER BY d.date)
        FROM ${closedDays} d WHERE d.unit_id = ${units.id} AND d.date BETWEEN ${from}::date AND ${to}::date
      ), '[]'::json)`,
    })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new DomainError('unit.not_found', { unitId });
  return {
    timeZone: unit.timeZone,
    officeHours: unit.hours ?? defaultOfficeHours,
    closedDates: unit.days,
  };
}

/** When a limit of working days or office minutes that starts at `from` (default now) ends. */
export async function dueOn(db: Db, unitId: number, query: DueQuery, now = new Date()): Promise<Due> {
  const from = query.from ? new Date(query.from) : now;
  const year = from.getUTCFullYear();
  const cal = await calendarOf(db, unitId, { from: year, to: year + 1 });
  const due =
    query.minutes !== undefined
      ? addOfficeMinutes(cal, from, query.minutes)
      : addWorkingDays(cal, from, query.workingDays ?? 0);
  return { from: from.toISOString(), due: due.toISOString() };
}

/** Adds or renames a closed day (a local holiday, a changed cuti bersama). */
export async function setClosedDay(db: Db, actor: Actor, unitId: number, day: ClosedDay): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(closedDays)
      .where(and(eq(closedDays.unitId, unitId), eq(closedDays.date, day.date)));
    await tx
      .insert(closedDays)
      .values({ unitId, ...day })
      .onConflictDoUpdate({
        target: [closedDays.unitId, closedDays.date],
        set: { name: day.name, kind: day.kind },
      });
    await recordAudit(tx, actor, {
      action: 'calendar.set_closed_day',
      entity: 'closed_day',
      entityId: day.date,
      unitId,
      before: before ? { name: before.name, kind: before.kind } : null,
      after: day,
    });
  });
}

/** Makes a day a working day again. */
export async function removeClosedDay(db: Db, actor: Actor, unitId: number, date: string): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(closedDays)
      .where(and(eq(closedDays.unitId, unitId), eq(closedDays.date, date)))
      .returning();
    if (removed.length === 0) throw new DomainError('calendar.not_found', { date });
    await recordAudit(tx, actor, {
      action: 'calendar.remove_closed_day',
      entity: 'closed_day',
      entityId: date,
      unitId,
      before: { name: removed[0]?.name, kind: removed[0]?.kind },
    });
  });
}

export async function setOfficeHours(
  db: Db,
  actor: Actor,
  unitId: number,
  hours: WorkingCalendar['officeHours'],
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(officeHours).where(eq(officeHours.unitId, unitId));
    await tx
      .insert(officeHours)
      .values({ unitId, hours })
      .onConflictDoUpdate({ target: officeHours.unitId, set: { hours } });
    await recordAudit(tx, actor, {
      action: 'calendar.set_office_hours',
      entity: 'office_hours',
      entityId: unitId,
      unitId,
      before: before?.hours ?? null,
      after: hours,
    });
  });
}
