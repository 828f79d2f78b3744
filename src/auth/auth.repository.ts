import { and, count, eq, gt, inArray, min, sql } from 'drizzle-orm';
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

/** snake_case keys of `row_to_json` → the camelCase of Drizzle rows; `…_at` columns → Date. */
function fromJsonRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const camel = key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    out[camel] = key.endsWith('_at') && typeof value === 'string' ? new Date(value) : value;
  }
  return out as T;
}

/**
 * A session with its user, roles, active unit and home unit, in one query. Every signed-in
 * request runs it, so it is written as plain SQL (the query builder's row mapping costs more
 * than the query on the embedded engine).
 */
export async function findSessionContext(db: Db, id: string) {
  const result = (await db.execute(sql`
    SELECT s.expires_at, s.last_seen_at, row_to_json(u) AS "user", row_to_json(a) AS unit,
           row_to_json(h) AS home_unit,
           (SELECT coalesce(array_agg(r.role ORDER BY r.role), '{}') FROM user_roles r WHERE r.user_id = u.id) AS roles
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    JOIN units a ON a.id = s.active_unit_id
    JOIN units h ON h.id = u.unit_id
    WHERE s.id = ${id}
    LIMIT 1`)) as unknown as {
    rows: Array<{
      expires_at: string | Date;
      last_seen_at: string | Date;
      user: Record<string, unknown>;
      unit: Record<string, unknown>;
      home_unit: Record<string, unknown>;
      roles: string[] | string;
    }>;
  };
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    session: { expiresAt: new Date(row.expires_at), lastSeenAt: new Date(row.last_seen_at) },
    user: fromJsonRow<UserRow>(row.user),
    unit: fromJsonRow<UnitRow>(row.unit),
    homeUnit: fromJsonRow<UnitRow>(row.home_unit),
    // node-postgres parses text[]; keep a fallback for the literal form.
    roles: Array.isArray(row.roles)
      ? row.roles
      : row.roles
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean),
  };
}
