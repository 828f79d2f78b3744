import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import * as repo from './auth.repository.ts';
import type { PasswordChangeInput, SessionUser } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type Permission, permissionsOf } from './permissions.ts';
import { isStaffRole, type StaffRole } from './roles.ts';

export interface AuthContext {
  sessionId: string;
  user: repo.UserRow;
  roles: StaffRole[];
  permissions: Permission[];
  /** The unit the user is acting in. */
  unit: repo.UnitRow;
  homeUnit: repo.UnitRow;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

export interface AuthSettings {
  sessionDays: number;
  loginMaxAttempts: number;
}

const throttleWindowMs = 15 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(ctx: AuthContext | null, client?: ClientInfo): Actor {
  if (!ctx)
    return {
      userId: null,
      username: null,
      role: null,
      unitId: null,
      requestId: client?.requestId,
      ip: client?.ip,
    };
  return {
    userId: ctx.user.id,
    username: ctx.user.username,
    role: ctx.roles.join(','),
    unitId: ctx.unit.id,
    requestId: client?.requestId,
    ip: client?.ip,
  };
}

export function hasPermission(ctx: AuthContext, permission: Permission): boolean {
  return ctx.permissions.includes(permission);
}

export function toSessionUser(ctx: AuthContext): SessionUser {
  return {
    id: ctx.user.id,
    username: ctx.user.username,
    name: ctx.user.name,
    nip: ctx.user.nip,
    position: ctx.user.position,
    roles: ctx.roles,
    permissions: ctx.permissions,
    unit: { code: ctx.unit.code, name: ctx.unit.name, timeZone: ctx.unit.timeZone },
    homeUnit: { code: ctx.homeUnit.code, name: ctx.homeUnit.name },
    villageCode: ctx.user.villageCode,
  };
}

/**
 * Signs a user in. Throttled per user name and per address: after `loginMaxAttempts`
 * failures within 15 minutes the next attempt is refused with `auth.throttled` until the
 * oldest failure leaves the window. Returns the session token for the cookie.
 */
export async function login(
  db: Db,
  input: { username: string; password: string },
  client: ClientInfo,
  settings: AuthSettings,
): Promise<{ token: string; ctx: AuthContext }> {
  const username = input.username.trim().toLowerCase();
  const since = new Date(Date.now() - throttleWindowMs);
  const byUser = await repo.countRecentFailures(db, 'username', username, since);
  const byIp = await repo.countRecentFailures(db, 'ip', client.ip, since);
  const limited = [
    byUser.count >= settings.loginMaxAttempts ? byUser.oldest : undefined,
    byIp.count >= settings.loginMaxAttempts * 4 ? byIp.oldest : undefined,
  ].filter((d): d is Date => d instanceof Date);
  if (limited.length > 0) {
    const until = Math.max(...limited.map((d) => d.getTime() + throttleWindowMs));
    throw new DomainError('auth.throttled', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    });
  }

  const user = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(user?.active ? user.passwordHash : undefined, input.password);
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      await repo.recordAttempt(tx, username, client.ip, false);
      await recordAudit(
        tx,
        {
          userId: null,
          username,
          role: null,
          unitId: user?.unitId ?? null,
          requestId: client.requestId,
          ip: client.ip,
        },
        { action: 'auth.login_failed', entity: 'user', entityId: user?.id },
      );
    });
    throw new DomainError('auth.invalid_credentials');
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  await db.transaction(async (tx) => {
    await repo.recordAttempt(tx, username, client.ip, true);
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      activeUnitId: user.unitId,
      expiresAt: new Date(Date.now() + settings.sessionDays * 86_400_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const ctx = await contextFor(tx, sessionId, user, user.unitId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.login',
      entity: 'session',
      entityId: sessionId.slice(0, 12),
    });
  });
  const ctx = await contextFor(db, sessionId, user, user.unitId);
  return { token, ctx };
}

async function contextFor(
  db: Db,
  sessionId: string,
  user: repo.UserRow,
  activeUnitId: number,
): Promise<AuthContext> {
  const roles = (await repo.rolesOfUser(db, user.id)).filter(isStaffRole);
  const homeUnit = await repo.findUnitById(db, user.unitId);
  const unit = activeUnitId === user.unitId ? homeUnit : await repo.findUnitById(db, activeUnitId);
  if (!homeUnit || !unit) throw new DomainError('auth.unauthenticated');
  return { sessionId, user, roles, permissions: permissionsOf(roles), unit, homeUnit };
}

/** Resolves a session cookie to its context; undefined when missing, expired or the user is disabled. */
export async function authenticate(
  db: Db,
  token: string,
  settings: AuthSettings,
): Promise<AuthContext | undefined> {
  const sessionId = hashToken(token);
  const row = await repo.findSessionContext(db, sessionId);
  if (!row) return undefined;
  const { session, user, unit, homeUnit } = row;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await repo.deleteSession(db, sessionId);
    return undefined;
  }
  if (!user.active) return undefined;
  // Sliding expiry, written at most once a minute.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, sessionId, new Date(now), new Date(now + settings.sessionDays * 86_400_000));
  }
  const roles = row.roles.filter(isStaffRole);
  return { sessionId, user, roles, permissions: permissionsOf(roles), unit, homeUnit };
}

export async function logout(db: Db, ctx: AuthContext, client: ClientInfo): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, ctx.sessionId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.logout',
      entity: 'session',
      entityId: ctx.sessionId.slice(0, 12),
    });
  });
}

/** Changes the password and signs out every other session of the user. */
export async function changePassword(
  db: Db,
  ctx: AuthContext,
  input: PasswordChangeInput,
  client: ClientInfo,
): Promise<void> {
  if (!(await verifyPassword(ctx.user.passwordHash, input.currentPassword))) {
    throw new DomainError('auth.invalid_credentials');
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('auth.password_unchanged');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, ctx.user.id, passwordHash);
    await repo.deleteSessionsOfUser(tx, ctx.user.id, ctx.sessionId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.password_change',
      entity: 'user',
      entityId: ctx.user.id,
    });
  });
}

/** Admins act in another unit; everyone else stays in their own. */
export async function switchUnit(db: Db, ctx: AuthContext, unitCode: string, client: ClientInfo) {
  if (!hasPermission(ctx, 'units.switch')) throw new DomainError('auth.forbidden');
  const unit = await repo.findUnitByCode(db, unitCode);
  if (!unit) throw new DomainError('unit.not_found', { unitCode });
  await db.transaction(async (tx) => {
    await repo.setSessionUnit(tx, ctx.sessionId, unit.id);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.switch_unit',
      entity: 'session',
      entityId: ctx.sessionId.slice(0, 12),
      before: { unit: ctx.unit.code },
      after: { unit: unit.code },
    });
  });
  return contextFor(db, ctx.sessionId, ctx.user, unit.id);
}

/**
 * Units whose data the context may see: its own; a province unit also its regencies'/cities'
 * where the caller (a standard's rule) allows it.
 */
export async function visibleUnitIds(db: Db, ctx: AuthContext, opts: { includeChildren?: boolean } = {}) {
  const ids = [ctx.unit.id];
  if (opts.includeChildren && ctx.unit.level === 'province') {
    for (const u of await repo.listUnits(db)) if (u.parentId === ctx.unit.id) ids.push(u.id);
  }
  return ids;
}
