import { and, asc, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { divisions, units, users } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { standardRevisions } from '../standards/standards.tables.ts';
import { type ComplaintStatus, complaints, complaintTransfers } from './complaints.tables.ts';
import { open311Clients, open311Requests } from './open311.tables.ts';

export type Open311ClientRow = typeof open311Clients.$inferSelect;

export async function findActiveClientByHash(db: Db, keyHash: string): Promise<Open311ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, keyHash), isNull(open311Clients.revokedAt)));
  return row;
}

export async function findClientOfUnit(db: Db, unitId: number, id: number) {
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.id, id), eq(open311Clients.unitId, unitId)));
  return row;
}

/** A unit's clients with who issued and revoked each key and how many complaints it filed; newest first. */
export async function clientsOfUnit(db: Db, unitId: number) {
  const creator = sql<
    string | null
  >`(SELECT u.name FROM ${users} u WHERE u.id = ${open311Clients.createdBy})`;
  const revoker = sql<
    string | null
  >`(SELECT u.name FROM ${users} u WHERE u.id = ${open311Clients.revokedBy})`;
  return db
    .select({
      client: open311Clients,
      createdBy: creator,
      revokedBy: revoker,
      requests: sql<number>`(SELECT count(*)::int FROM ${open311Requests} r WHERE r.client_id = ${open311Clients.id})`,
    })
    .from(open311Clients)
    .where(eq(open311Clients.unitId, unitId))
    .orderBy(desc(open311Clients.id))
    .limit(500);
}

/**
 * Complaints as Open311 shows them: each with what its Open311 client sent (if it came that
 * way), the unit that holds it and its division.
 */
function requestRows(db: Db, where: SQL | undefined, order: 'received' | 'id', limit: number, offset = 0) {
  return db
    .select({
      complaint: complaints,
      sent: open311Requests,
      unitName: units.name,
      timeZone: units.timeZone,
      divisionName: divisions.name,
    })
    .from(complaints)
    .innerJoin(units, eq(units.id, complaints.unitId))
    .leftJoin(divisions, eq(divisions.id, complaints.divisionId))
    .leftJoin(open311Requests, eq(open311Requests.complaintId, complaints.id))
    .where(where)
    .orderBy(...(order === 'id' ? [asc(complaints.id)] : [desc(complaints.receivedAt), desc(complaints.id)]))
    .limit(limit)
    .offset(offset);
}
export type Open311RequestRow = Awaited<ReturnType<typeof requestRows>>[number];

/** Held by the unit now, or handed on from it by an accepted transfer: its clients keep following it. */
const heldBy = (unitId: number) =>
  or(
    eq(complaints.unitId, unitId),
    sql`EXISTS (SELECT 1 FROM ${complaintTransfers} t WHERE t.complaint_id = ${complaints.id}
          AND t.state = 'accepted' AND t.from_unit_id = ${unitId})`,
  );

export function requestsByIds(db: Db, unitId: number, ids: number[]) {
  return requestRows(db, and(inArray(complaints.id, ids), heldBy(unitId)), 'id', 1000);
}

export async function requestByTrackingCode(db: Db, unitId: number, code: string) {
  const [row] = await requestRows(db, and(eq(complaints.trackingCode, code), heldBy(unitId)), 'id', 1);
  return row;
}

export interface RequestFilter {
  unitId: number;
  from: Date;
  to: Date;
  serviceCodes: string[] | null;
  statuses: readonly ComplaintStatus[] | null;
  limit: number;
  offset: number;
}

/** A unit's complaints received in a window, newest first (index `complaints_unit_received`). */
export function requestsOfUnit(db: Db, f: RequestFilter) {
  return requestRows(
    db,
    and(
      eq(complaints.unitId, f.unitId),
      gte(complaints.receivedAt, f.from),
      lte(complaints.receivedAt, f.to),
      f.serviceCodes ? inArray(complaints.standardSlug, f.serviceCodes) : undefined,
      f.statuses ? inArray(complaints.status, [...f.statuses]) : undefined,
    ),
    'received',
    f.limit,
    f.offset,
  );
}

/** When a standard was last published anywhere: a service list or definition may have changed. */
export async function lastStandardChange(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${standardRevisions.uploadedAt})::text` })
    .from(standardRevisions);
  return row?.at ? new Date(row.at) : null;
}
