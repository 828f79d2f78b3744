import { and, count, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  divisions,
  loginAttempts,
  sessions,
  totpRecoveryCodes,
  units,
  userRoles,
  users,
  userTotp,
} from './auth.tables.ts';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type DivisionRow = typeof divisions.$inferSelect;

export async function findDivisionById(db: Db, id: number): Promise<DivisionRow | undefined> {
  const [row] = await db.select().from(divisions).where(eq(divisions.id, id)).limit(1);
  return row;
}

export async function findDivisionByCode(
  db: Db,
  unitId: number,
  code: string,
): Promise<DivisionRow | undefined> {
  const [row] = await db
    .select()
    .from(divisions)
    .where(and(eq(divisions.unitId, unitId), eq(divisions.code, code)))
    .limit(1);
  return row;
}

/** Active users of a division holding a role. */
export async function countDivisionMembers(db: Db, divisionId: number, role: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.divisionId, divisionId), eq(users.active, true), eq(userRoles.role, role)));
  return row?.n ?? 0;
}

export async function divisionsOfUnit(db: Db, unitId: number): Promise<DivisionRow[]> {
  return db.select().from(divisions).where(eq(divisions.unitId, unitId)).orderBy(divisions.code);
}

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

export type AttemptKind = (typeof loginAttempts.$inferInsert)['kind'] & string;

/**
 * Failures of one kind since a moment (for a user name, an address or both), and the latest.
 * Both indexes of the table lead with one of the two, so each variant is a range scan.
 */
export async function failureStats(
  db: Db,
  where: { kind: AttemptKind; username?: string; ip?: string },
  since: Date,
): Promise<{ count: number; last: Date | undefined }> {
  const [row] = await db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.kind, where.kind),
        where.username === undefined ? undefined : eq(loginAttempts.username, where.username),
        where.ip === undefined ? undefined : eq(loginAttempts.ip, where.ip),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
      ),
    );
  return { count: row?.n ?? 0, last: row?.last ? new Date(row.last) : undefined };
}

/** The latest success of one kind for a user name (from one address, when given). */
export async function lastSuccess(
  db: Db,
  where: { kind: AttemptKind; username: string; ip?: string },
): Promise<Date | undefined> {
  const [row] = await db
    .select({ last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.kind, where.kind),
        eq(loginAttempts.username, where.username),
        where.ip === undefined ? undefined : eq(loginAttempts.ip, where.ip),
        eq(loginAttempts.success, true),
      ),
    );
  return row?.last ? new Date(row.last) : undefined;
}

export async function recordAttempt(
  db: Db,
  attempt: { kind: AttemptKind; username: string; ip: string; success: boolean; at: Date },
): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row;
}

export type SessionRow = typeof sessions.$inferSelect;

/** A user's sessions that have not expired, newest first. */
export async function sessionsOfUser(db: Db, userId: number, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} DESC`);
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

/** Deletes the user's sessions but one; returns how many went. */
export async function deleteSessionsOfUser(db: Db, userId: number, except?: string): Promise<number> {
  const all = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const ids = all.map((s) => s.id).filter((id) => id !== except);
  if (ids.length > 0) await db.delete(sessions).where(inArray(sessions.id, ids));
  return ids.length;
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
}

export async function setUnitRequireTotp(db: Db, unitId: number, requireTotp: boolean): Promise<void> {
  await db.update(units).set({ requireTotp }).where(eq(units.id, unitId));
}

export type TotpRow = typeof userTotp.$inferSelect;

export async function findTotp(db: Db, userId: number): Promise<TotpRow | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return row;
}

/** Stores a new, not yet confirmed secret; refuses (false) when the user's TOTP is already on. */
export async function putPendingTotp(db: Db, userId: number, secret: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(userTotp)
    .values({ userId, secret, createdAt: at })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secret, createdAt: at, lastStep: null },
      setWhere: isNull(userTotp.enabledAt),
    })
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

/** Turns a pending secret on, with the step of the code that confirmed it; false when none is pending. */
export async function enableTotp(db: Db, userId: number, step: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ enabledAt: at, lastStep: step })
    .where(and(eq(userTotp.userId, userId), isNull(userTotp.enabledAt)))
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

/**
 * Marks a code's time step used, only if it is later than the last used one: a code is accepted
 * once, also when two requests race with it.
 */
export async function spendTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ lastStep: step })
    .where(
      and(
        eq(userTotp.userId, userId),
        sql`${userTotp.enabledAt} IS NOT NULL`,
        sql`(${userTotp.lastStep} IS NULL OR ${userTotp.lastStep} < ${step})`,
      ),
    )
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

export async function deleteTotp(db: Db, userId: number): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
}

export async function replaceRecoveryCodes(db: Db, userId: number, codeHashes: string[]): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  if (codeHashes.length > 0)
    await db.insert(totpRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Deletes a recovery code if the user has it; true when it was there (so it works once). */
export async function spendRecoveryCode(db: Db, userId: number, codeHash: string): Promise<boolean> {
  const rows = await db
    .delete(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), eq(totpRecoveryCodes.codeHash, codeHash)))
    .returning({ userId: totpRecoveryCodes.userId });
  return rows.length === 1;
}

export async function countRecoveryCodes(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(totpRecoveryCodes)
    .where(eq(totpRecoveryCodes.userId, userId));
  return row?.n ?? 0;
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
           (SELECT row_to_json(d) FROM divisions d WHERE d.id = u.division_id) AS division,
           (SELECT coalesce(array_agg(r.role ORDER BY r.role), '{}') FROM user_roles r WHERE r.user_id = u.id) AS roles,
           EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL) AS totp_enabled
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
      division: Record<string, unknown> | null;
      roles: string[] | string;
      totp_enabled: boolean;
    }>;
  };
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    session: { expiresAt: new Date(row.expires_at), lastSeenAt: new Date(row.last_seen_at) },
    user: fromJsonRow<UserRow>(row.user),
    unit: fromJsonRow<UnitRow>(row.unit),
    homeUnit: fromJsonRow<UnitRow>(row.home_unit),
    division: row.division ? fromJsonRow<DivisionRow>(row.division) : null,
    totpEnabled: row.totp_enabled === true,
    // node-postgres parses text[]; keep a fallback for the literal form.
    roles: Array.isArray(row.roles)
      ? row.roles
      : row.roles
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean),
  };
}

/** The users of a unit with their roles, by name. */
export async function usersOfUnit(db: Db, unitId: number): Promise<Array<UserRow & { roles: string[] }>> {
  const rows = await db.select().from(users).where(eq(users.unitId, unitId)).orderBy(users.name, users.id);
  if (rows.length === 0) return [];
  const roles = await db
    .select()
    .from(userRoles)
    .where(
      inArray(
        userRoles.userId,
        rows.map((u) => u.id),
      ),
    );
  return rows.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.role),
  }));
}

export async function findUserOfUnit(db: Db, unitId: number, id: number): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.unitId, unitId)))
    .limit(1);
  return row;
}

export type UserOfficialValues = Partial<
  Pick<typeof users.$inferInsert, 'name' | 'nip' | 'rank' | 'position' | 'acting' | 'divisionId'>
>;

export async function updateUserOfficial(db: Db, id: number, values: UserOfficialValues): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  if (!row) throw new Error('update users returned nothing');
  return row;
}

export async function setUnitOneHeadForAllDivisions(db: Db, unitId: number, value: boolean): Promise<void> {
  await db.update(units).set({ oneHeadForAllDivisions: value }).where(eq(units.id, unitId));
}
