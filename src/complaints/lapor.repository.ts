import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { units, users } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { complaintEvents, complaints } from './complaints.tables.ts';
import { laporFollowUps, laporReports, laporSettings } from './lapor.tables.ts';

/** The LAPOR! ids among `ids` that the unit already holds, with their complaint. */
export async function existingLaporIds(db: Db, unitId: number, ids: readonly string[]) {
  const found = new Map<string, { complaintId: number; trackingCode: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await db
      .select({
        laporId: laporReports.laporId,
        complaintId: laporReports.complaintId,
        trackingCode: complaints.trackingCode,
      })
      .from(laporReports)
      .innerJoin(complaints, eq(complaints.id, laporReports.complaintId))
      .where(and(eq(laporReports.unitId, unitId), inArray(laporReports.laporId, chunk)));
    for (const r of rows) found.set(r.laporId, { complaintId: r.complaintId, trackingCode: r.trackingCode });
  }
  return found;
}

const asDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));

/** When the LAPOR! steps of a complaint happened: its first outcome, first verification, first follow-up. */
export async function laporStepsOf(db: Db, complaintId: number) {
  const [row] = await db
    .select({
      outcomeAt: sql<Date | null>`min(${complaintEvents.at})`.mapWith(asDate),
      verifiedAt:
        sql<Date | null>`min(${complaintEvents.at}) FILTER (WHERE ${complaintEvents.data}->>'outcome' = 'verifikasi')`.mapWith(
          asDate,
        ),
      followedUpAt:
        sql<Date | null>`(SELECT min(f.at) FROM ${laporFollowUps} f WHERE f.complaint_id = ${complaintId})`.mapWith(
          asDate,
        ),
    })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.action, 'lapor')));
  return {
    outcomeAt: row?.outcomeAt ?? null,
    verifiedAt: row?.verifiedAt ?? null,
    followedUpAt: row?.followedUpAt ?? null,
  };
}

export async function reportOf(db: Db, complaintId: number) {
  const [row] = await db.select().from(laporReports).where(eq(laporReports.complaintId, complaintId));
  return row;
}

export async function followUpsOf(db: Db, complaintId: number) {
  return db
    .select({ followUp: laporFollowUps, officer: users.name })
    .from(laporFollowUps)
    .innerJoin(users, eq(users.id, laporFollowUps.userId))
    .where(eq(laporFollowUps.complaintId, complaintId))
    .orderBy(asc(laporFollowUps.at), asc(laporFollowUps.id));
}

/** A unit's follow-ups written in [from, to), oldest first, with what the LAPOR! entry needs. */
export async function followUpsOfUnit(db: Db, unitId: number, from: Date, to: Date) {
  return db
    .select({
      followUp: laporFollowUps,
      officer: users.name,
      unit: units.name,
      laporId: laporReports.laporId,
      trackingCode: complaints.trackingCode,
      status: complaints.status,
      outcome: complaints.laporOutcome,
    })
    .from(laporFollowUps)
    .innerJoin(complaints, eq(complaints.id, laporFollowUps.complaintId))
    .innerJoin(users, eq(users.id, laporFollowUps.userId))
    .innerJoin(units, eq(units.id, laporFollowUps.unitId))
    .leftJoin(laporReports, eq(laporReports.complaintId, laporFollowUps.complaintId))
    .where(and(eq(laporFollowUps.unitId, unitId), gte(laporFollowUps.at, from), lt(laporFollowUps.at, to)))
    .orderBy(asc(laporFollowUps.at), asc(laporFollowUps.id))
    .limit(10_000);
}

export async function savedMappingOf(db: Db, unitId: number) {
  const [row] = await db.select().from(laporSettings).where(eq(laporSettings.unitId, unitId));
  return row;
}

export async function saveMapping(
  db: Db,
  unitId: number,
  mapping: Record<string, unknown> | null,
  userId: number,
  at: Date,
) {
  if (mapping === null) {
    await db.delete(laporSettings).where(eq(laporSettings.unitId, unitId));
    return;
  }
  await db
    .insert(laporSettings)
    .values({ unitId, mapping, updatedBy: userId, updatedAt: at })
    .onConflictDoUpdate({
      target: laporSettings.unitId,
      set: { mapping, updatedBy: userId, updatedAt: at },
    });
}
