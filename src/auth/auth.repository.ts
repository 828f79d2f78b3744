import { and, count, eq, gt, inArray, min } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginAttempts, sessions, units, userRoles, users } from './auth.tables.ts';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function rolesOfUser(db: Db, userId: number): Promise<string[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role);
}

export async function findUnitById(db: Db, id: number): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row;
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return row;
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(units.regionCode);
}

/** Failed sign-ins for a user name or an address since a moment, and the oldest of them. */
export async function countRecentFailures(db: Db, field: 'username' | 'ip', value: string, since: Date) {
  const column = field === 'username' ? loginAttempts.username : loginAttempts.ip;
  const [row] = await db
    .select({ n: count(), oldest: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ?? undefined };
}

export async function recordAttempt(db: Db, username: string, ip: string, success: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ username, ip, success });
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row;
}

export async function touchSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function setSessionUnit(db: Db, id: string, unitId: number): Promise<void> {
  await db.update(sessions).set({ activeUnitId: unitId }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: number, except?: string): Promise<void> {
  const all = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const ids = all.map((s) => s.id).filter((id) => id !== except);
  if (ids.length > 0) await db.delete(sessions).where(inArray(sessions.id, ids));
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
}
