import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { type units, userRoles, users } from '../auth/auth.tables.ts';
import { todayIn } from '../core/dates.ts';
import type { Db } from '../db/client.ts';
import { Standard } from '../standards/standard.schema.ts';
import { type RevisionRow, revisionsOfUnit } from '../standards/standards.repository.ts';
import { pickInForce } from '../standards/standards.service.ts';
import {
  complaintBreaches,
  complaintEvents,
  complaintFiles,
  complaints,
  complaintTransfers,
} from './complaints.tables.ts';

export type ComplaintRow = typeof complaints.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** A unit's standards in force, parsed: what the complaint intake and routing read from. */
export async function standardsInForce(
  db: Db,
  unit: UnitRow,
): Promise<Array<Standard & { divisionId: number | null }>> {
  const today = todayIn(unit.timeZone);
  const bySlug = new Map<string, { divisionId: number | null; revisions: RevisionRow[] }>();
  for (const { standard, revision } of await revisionsOfUnit(db, unit.id)) {
    const e = bySlug.get(standard.slug) ?? { divisionId: standard.divisionId, revisions: [] };
    e.revisions.push(revision);
    bySlug.set(standard.slug, e);
  }
  const out: Array<Standard & { divisionId: number | null }> = [];
  for (const e of bySlug.values()) {
    const inForce = pickInForce(e.revisions, today);
    if (inForce) out.push({ ...Standard.parse(inForce.content), divisionId: e.divisionId });
  }
  return out;
}

export async function findComplaint(db: Db, id: number): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row;
}

export async function findComplaintByCode(db: Db, code: string): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.trackingCode, code));
  return row;
}

export async function pendingTransferOf(db: Db, complaintId: number) {
  const [row] = await db
    .select()
    .from(complaintTransfers)
    .where(and(eq(complaintTransfers.complaintId, complaintId), eq(complaintTransfers.state, 'pending')));
  return row;
}

/** A unit's complaints and those waiting for its answer to a transfer, nearest legal deadline first. */
export async function complaintsOfUnit(db: Db, unitId: number) {
  const incoming = db
    .select({ id: complaintTransfers.complaintId })
    .from(complaintTransfers)
    .where(and(eq(complaintTransfers.toUnitId, unitId), eq(complaintTransfers.state, 'pending')));
  return db
    .select({
      complaint: complaints,
      assignee: users.name,
      incoming: sql<boolean>`${complaints.id} IN ${incoming}`,
      breached: sql<string[]>`coalesce((SELECT array_agg(b.timer ORDER BY b.timer) FROM ${complaintBreaches} b
        WHERE b.complaint_id = ${complaints.id}), '{}')`,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.assignedUserId))
    .where(or(eq(complaints.unitId, unitId), inArray(complaints.id, incoming)))
    .orderBy(sql`${complaints.nextDueAt} ASC NULLS LAST`, asc(complaints.id))
    .limit(500);
}

export async function eventsOf(db: Db, complaintId: number) {
  return db
    .select({ event: complaintEvents, actor: users.name })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.id));
}

export async function transfersOf(db: Db, complaintId: number) {
  return db
    .select()
    .from(complaintTransfers)
    .where(eq(complaintTransfers.complaintId, complaintId))
    .orderBy(asc(complaintTransfers.id));
}

export async function filesOf(db: Db, complaintId: number) {
  return db
    .select({ id: complaintFiles.id, mimeType: complaintFiles.mimeType, size: complaintFiles.size })
    .from(complaintFiles)
    .where(eq(complaintFiles.complaintId, complaintId))
    .orderBy(asc(complaintFiles.id));
}

/** Active staff of a unit, with their roles: who may be assigned a complaint. */
export async function staffOfUnit(db: Db, unitId: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      nip: users.nip,
      divisionId: users.divisionId,
      roles: sql<
        string[]
      >`coalesce((SELECT array_agg(r.role) FROM ${userRoles} r WHERE r.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true)))
    .orderBy(asc(users.id));
}

export async function breachesOfUnit(db: Db, unitId: number) {
  return db
    .select({ breach: complaintBreaches, trackingCode: complaints.trackingCode })
    .from(complaintBreaches)
    .innerJoin(complaints, eq(complaints.id, complaintBreaches.complaintId))
    .where(eq(complaintBreaches.unitId, unitId))
    .orderBy(asc(complaintBreaches.recordedAt))
    .limit(1000);
}
