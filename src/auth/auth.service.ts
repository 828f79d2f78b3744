import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import * as repo from './auth.repository.ts';
import type {
  LoginInput,
  PasswordChangeInput,
  SessionInfo,
  SessionUser,
  TotpDisableInput,
  TotpSetup,
  UnitRef,
} from './auth.schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type Permission, permissionsOf } from './permissions.ts';
import { isStaffRole, type StaffRole } from './roles.ts';
import { loginWait, refuseWhileWaiting, type ThrottleSettings, userWait } from './throttle.ts';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  isTotpCode,
  looksLikeRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  qrDataUrl,
  totpUri,
} from './totp.ts';

export interface AuthContext {
  sessionId: string;
  user: repo.UserRow;
  roles: StaffRole[];
  permissions: Permission[];
  /** The unit the user is acting in. */
  unit: repo.UnitRow;
  homeUnit: repo.UnitRow;
  /** The division (bidang) of the home unit the user sits in, if any. */
  division: repo.DivisionRow | null;
  /** Whether the user has an authenticator on, and whether their home unit makes it compulsory. */
  totp: { enabled: boolean; required: boolean };
}

export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

export interface AuthSettings extends ThrottleSettings {
  sessionDays: number;
}

/** What the sign-in rules need besides the database: settings, the clock, the TOTP key. */
export interface AuthEnv extends AuthSettings {
  clock: Clock;
  totpKey: Buffer;
}

/** Roles for which a unit's `requireTotp` makes the second factor compulsory. */
const totpRoles: readonly StaffRole[] = ['admin', 'kepala_dinas'];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The id of a session in the API and the audit trail: derived from the session's key by a
 * one-way hash, so it names the session without letting anyone find or use it.
 */
export function publicSessionId(sessionId: string): string {
  return createHash('sha256').update(`session\n${sessionId}`).digest('base64url').slice(0, 16);
}

/** A session that may only enrol an authenticator: the unit requires one and the user has none. */
export function needsTotpEnrolment(ctx: AuthContext): boolean {
  return ctx.totp.required && !ctx.totp.enabled;
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
    rank: ctx.user.rank,
    position: ctx.user.position,
    acting: ctx.user.acting,
    division: ctx.division ? { code: ctx.division.code, name: ctx.division.name } : null,
    roles: ctx.roles,
    permissions: ctx.permissions,
    unit: { code: ctx.unit.code, name: ctx.unit.name, timeZone: ctx.unit.timeZone },
    homeUnit: { code: ctx.homeUnit.code, name: ctx.homeUnit.name },
    villageCode: ctx.user.villageCode,
    totp: ctx.totp,
  };
}

function buildContext(
  sessionId: string,
  user: repo.UserRow,
  roleNames: string[],
  unit: repo.UnitRow,
  homeUnit: repo.UnitRow,
  division: repo.DivisionRow | null,
  totpEnabled: boolean,
): AuthContext {
  const roles = roleNames.filter(isStaffRole);
  const required = homeUnit.requireTotp && roles.some((r) => totpRoles.includes(r));
  return {
    sessionId,
    user,
    roles,
    permissions: permissionsOf(roles),
    unit,
    homeUnit,
    division,
    totp: { enabled: totpEnabled, required },
  };
}

/** A failed check of a secret: counted for throttling and audited, in one transaction. */
async function recordFailure(
  db: Db,
  kind: repo.AttemptKind,
  username: string,
  user: repo.UserRow | undefined,
  client: ClientInfo,
  at: number,
  action: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.recordAttempt(tx, { kind, username, ip: client.ip, success: false, at: new Date(at) });
    await recordAudit(
      tx,
      {
        userId: user?.id ?? null,
        username,
        role: null,
        unitId: user?.unitId ?? null,
        requestId: client.requestId,
        ip: client.ip,
      },
      { action, entity: 'user', entityId: user?.id, after: details },
    );
  });
}

/** A second factor that passed its check and must still be used up (once) in the success transaction. */
type SecondFactor = { kind: 'totp'; step: number } | { kind: 'recovery'; codeHash: string };

/**
 * Checks an authenticator or recovery code of a user with TOTP on; throttled per user. A
 * wrong code is counted and audited, then refused with `auth.totp_invalid` (or
 * `auth.totp_reused` for a code whose step was already used).
 */
async function checkSecondFactor(
  db: Db,
  user: repo.UserRow,
  totp: repo.TotpRow,
  code: string,
  client: ClientInfo,
  env: AuthEnv,
  now: number,
): Promise<SecondFactor> {
  refuseWhileWaiting(await userWait(db, 'totp', user.username, env, now));
  const fail = async (error: 'auth.totp_invalid' | 'auth.totp_reused') => {
    await recordFailure(db, 'totp', user.username, user, client, now, 'auth.totp_failed', { reason: error });
    return new DomainError(error);
  };
  if (isTotpCode(code)) {
    const step = matchTotpStep(decryptTotpSecret(env.totpKey, user.id, totp.secret), code, now);
    if (step === undefined) throw await fail('auth.totp_invalid');
    if (totp.lastStep !== null && step <= totp.lastStep) throw await fail('auth.totp_reused');
    return { kind: 'totp', step };
  }
  if (looksLikeRecoveryCode(code)) return { kind: 'recovery', codeHash: hashRecoveryCode(code) };
  throw await fail('auth.totp_invalid');
}

/** Uses a checked second factor up; false when it was used meanwhile (or the recovery code is unknown). */
async function spendSecondFactor(db: Db, userId: number, factor: SecondFactor): Promise<boolean> {
  return factor.kind === 'totp'
    ? repo.spendTotpStep(db, userId, factor.step)
    : repo.spendRecoveryCode(db, userId, factor.codeHash);
}

/**
 * Signs a user in, throttled as `throttle.ts` describes (growing waits, no lockout). With TOTP
 * on, the same request must carry `totp` (an authenticator or recovery code); without it the
 * answer is `auth.totp_required` and the client asks for the code and sends everything again.
 * Returns the session token for the cookie.
 */
export async function login(
  db: Db,
  input: LoginInput,
  client: ClientInfo,
  env: AuthEnv,
): Promise<{ token: string; ctx: AuthContext }> {
  const username = input.username.trim().toLowerCase();
  const now = env.clock.now();
  refuseWhileWaiting(await loginWait(db, username, client.ip, env, now));

  const user = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(user?.active ? user.passwordHash : undefined, input.password);
  if (!user || !ok) {
    await recordFailure(db, 'login', username, user, client, now, 'auth.login_failed');
    throw new DomainError('auth.invalid_credentials');
  }

  const totp = await repo.findTotp(db, user.id);
  let factor: SecondFactor | undefined;
  if (totp?.enabledAt) {
    if (!input.totp) throw new DomainError('auth.totp_required');
    factor = await checkSecondFactor(db, user, totp, input.totp, client, env, now);
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const used = await db.transaction(async (tx) => {
    if (factor && !(await spendSecondFactor(tx, user.id, factor))) return false;
    await repo.recordAttempt(tx, {
      kind: 'login',
      username,
      ip: client.ip,
      success: true,
      at: new Date(now),
    });
    if (factor)
      await repo.recordAttempt(tx, {
        kind: 'totp',
        username,
        ip: client.ip,
        success: true,
        at: new Date(now),
      });
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      activeUnitId: user.unitId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + env.sessionDays * 86_400_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const ctx = await contextFor(tx, sessionId, user, user.unitId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.login',
      entity: 'session',
      entityId: publicSessionId(sessionId),
      after: factor ? { secondFactor: factor.kind } : undefined,
    });
    if (factor?.kind === 'recovery')
      await recordAudit(tx, actorOf(ctx, client), {
        action: 'auth.recovery_code_used',
        entity: 'user',
        entityId: user.id,
        after: { remaining: await repo.countRecoveryCodes(tx, user.id) },
      });
    return true;
  });
  if (!used) {
    const reason = factor?.kind === 'recovery' ? 'auth.totp_invalid' : 'auth.totp_reused';
    await recordFailure(db, 'totp', username, user, client, now, 'auth.totp_failed', { reason });
    throw new DomainError(reason);
  }
  const ctx = await contextFor(db, sessionId, user, user.unitId);
  return { token, ctx };
}

async function contextFor(
  db: Db,
  sessionId: string,
  user: repo.UserRow,
  activeUnitId: number,
): Promise<AuthContext> {
  const roles = await repo.rolesOfUser(db, user.id);
  const homeUnit = await repo.findUnitById(db, user.unitId);
  const unit = activeUnitId === user.unitId ? homeUnit : await repo.findUnitById(db, activeUnitId);
  if (!homeUnit || !unit) throw new DomainError('auth.unauthenticated');
  const totp = await repo.findTotp(db, user.id);
  const division =
    user.divisionId === null ? null : ((await repo.findDivisionById(db, user.divisionId)) ?? null);
  return buildContext(sessionId, user, roles, unit, homeUnit, division, Boolean(totp?.enabledAt));
}

/** Resolves a session cookie to its context; undefined when missing, expired or the user is disabled. */
export async function authenticate(db: Db, token: string, env: AuthEnv): Promise<AuthContext | undefined> {
  const sessionId = hashToken(token);
  const row = await repo.findSessionContext(db, sessionId);
  if (!row) return undefined;
  const { session, user, unit, homeUnit, division } = row;
  const now = env.clock.now();
  if (session.expiresAt.getTime() <= now) {
    await repo.deleteSession(db, sessionId);
    return undefined;
  }
  if (!user.active) return undefined;
  // Sliding expiry, written at most once a minute.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, sessionId, new Date(now), new Date(now + env.sessionDays * 86_400_000));
  }
  return buildContext(sessionId, user, row.roles, unit, homeUnit, division, row.totpEnabled);
}

export async function logout(db: Db, ctx: AuthContext, client: ClientInfo): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, ctx.sessionId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.logout',
      entity: 'session',
      entityId: publicSessionId(ctx.sessionId),
    });
  });
}

/**
 * Checks the signed-in user's current password, throttled per user (`password` checks): a
 * wrong one is counted, audited and refused with `auth.invalid_credentials`.
 */
async function checkCurrentPassword(
  db: Db,
  ctx: AuthContext,
  password: string,
  client: ClientInfo,
  env: AuthEnv,
  now: number,
): Promise<void> {
  refuseWhileWaiting(await userWait(db, 'password', ctx.user.username, env, now));
  if (!(await verifyPassword(ctx.user.passwordHash, password))) {
    await recordFailure(
      db,
      'password',
      ctx.user.username,
      ctx.user,
      client,
      now,
      'auth.password_check_failed',
    );
    throw new DomainError('auth.invalid_credentials');
  }
}

/** Changes the password and signs out every other session of the user. */
export async function changePassword(
  db: Db,
  ctx: AuthContext,
  input: PasswordChangeInput,
  client: ClientInfo,
  env: AuthEnv,
): Promise<void> {
  const now = env.clock.now();
  await checkCurrentPassword(db, ctx, input.currentPassword, client, env, now);
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('auth.password_unchanged');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, ctx.user.id, passwordHash);
    await repo.deleteSessionsOfUser(tx, ctx.user.id, ctx.sessionId);
    await repo.recordAttempt(tx, {
      kind: 'password',
      username: ctx.user.username,
      ip: client.ip,
      success: true,
      at: new Date(now),
    });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.password_change',
      entity: 'user',
      entityId: ctx.user.id,
    });
  });
}

/**
 * Starts enrolling an authenticator app: a new secret, kept encrypted and not yet in force
 * (a new setup replaces an unconfirmed one). The secret is shown this once; refused with
 * `auth.totp_enabled` while TOTP is on.
 */
export async function setupTotp(
  db: Db,
  ctx: AuthContext,
  client: ClientInfo,
  env: AuthEnv,
): Promise<TotpSetup> {
  const secret = newTotpSecret();
  const now = new Date(env.clock.now());
  await db.transaction(async (tx) => {
    const stored = await repo.putPendingTotp(
      tx,
      ctx.user.id,
      encryptTotpSecret(env.totpKey, ctx.user.id, secret),
      now,
    );
    if (!stored) throw new DomainError('auth.totp_enabled');
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.totp_setup',
      entity: 'user',
      entityId: ctx.user.id,
    });
  });
  const uri = totpUri(secret, ctx.user.username);
  return { secret, uri, qr: await qrDataUrl(uri) };
}

/**
 * Turns TOTP on once a code from the app matches the pending secret; returns ten recovery codes,
 * shown this once and stored hashed.
 */
export async function confirmTotp(
  db: Db,
  ctx: AuthContext,
  code: string,
  client: ClientInfo,
  env: AuthEnv,
): Promise<{ recoveryCodes: string[] }> {
  const now = env.clock.now();
  const pending = await repo.findTotp(db, ctx.user.id);
  if (!pending || pending.enabledAt) throw new DomainError('auth.totp_not_pending');
  refuseWhileWaiting(await userWait(db, 'totp', ctx.user.username, env, now));
  const step = matchTotpStep(decryptTotpSecret(env.totpKey, ctx.user.id, pending.secret), code, now);
  if (step === undefined) {
    await recordFailure(db, 'totp', ctx.user.username, ctx.user, client, now, 'auth.totp_failed', {
      reason: 'auth.totp_invalid',
    });
    throw new DomainError('auth.totp_invalid');
  }
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    if (!(await repo.enableTotp(tx, ctx.user.id, step, new Date(now))))
      throw new DomainError('auth.totp_not_pending');
    await repo.replaceRecoveryCodes(tx, ctx.user.id, recoveryCodes.map(hashRecoveryCode));
    await repo.recordAttempt(tx, {
      kind: 'totp',
      username: ctx.user.username,
      ip: client.ip,
      success: true,
      at: new Date(now),
    });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.totp_enable',
      entity: 'user',
      entityId: ctx.user.id,
      after: { recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}

/** Turns TOTP off; needs the current password and a code (or a recovery code), both throttled. */
export async function disableTotp(
  db: Db,
  ctx: AuthContext,
  input: TotpDisableInput,
  client: ClientInfo,
  env: AuthEnv,
): Promise<void> {
  const now = env.clock.now();
  const totp = await repo.findTotp(db, ctx.user.id);
  if (!totp?.enabledAt) throw new DomainError('auth.totp_not_enabled');
  await checkCurrentPassword(db, ctx, input.password, client, env, now);
  const factor = await checkSecondFactor(db, ctx.user, totp, input.code, client, env, now);
  const done = await db.transaction(async (tx) => {
    if (!(await spendSecondFactor(tx, ctx.user.id, factor))) return false;
    await repo.deleteTotp(tx, ctx.user.id);
    for (const kind of ['password', 'totp'] as const)
      await repo.recordAttempt(tx, {
        kind,
        username: ctx.user.username,
        ip: client.ip,
        success: true,
        at: new Date(now),
      });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.totp_disable',
      entity: 'user',
      entityId: ctx.user.id,
      after: { secondFactor: factor.kind },
    });
    return true;
  });
  if (!done) {
    await recordFailure(db, 'totp', ctx.user.username, ctx.user, client, now, 'auth.totp_failed', {
      reason: 'auth.totp_invalid',
    });
    throw new DomainError('auth.totp_invalid');
  }
}

/** The user's sessions that have not expired, the current one marked. */
export async function listSessions(db: Db, ctx: AuthContext, env: AuthEnv): Promise<SessionInfo[]> {
  const rows = await repo.sessionsOfUser(db, ctx.user.id, new Date(env.clock.now()));
  return rows.map((s) => ({
    id: publicSessionId(s.id),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === ctx.sessionId,
  }));
}

/**
 * Signs out one of the user's own sessions by its public id (`session.not_found` for any other
 * id). Returns whether it was the current one.
 */
export async function revokeSession(
  db: Db,
  ctx: AuthContext,
  publicId: string,
  client: ClientInfo,
  env: AuthEnv,
): Promise<{ current: boolean }> {
  const rows = await repo.sessionsOfUser(db, ctx.user.id, new Date(env.clock.now()));
  const target = rows.find((s) => publicSessionId(s.id) === publicId);
  if (!target) throw new DomainError('session.not_found');
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, target.id);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.session_revoke',
      entity: 'session',
      entityId: publicId,
      before: { ip: target.ip, createdAt: target.createdAt.toISOString() },
    });
  });
  return { current: target.id === ctx.sessionId };
}

/** Signs out every session of the user but the current one; returns how many. */
export async function revokeOtherSessions(db: Db, ctx: AuthContext, client: ClientInfo): Promise<number> {
  return db.transaction(async (tx) => {
    const revoked = await repo.deleteSessionsOfUser(tx, ctx.user.id, ctx.sessionId);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.sessions_revoke_others',
      entity: 'user',
      entityId: ctx.user.id,
      after: { revoked },
    });
    return revoked;
  });
}

/**
 * Turns the acting unit's TOTP requirement for admins and the head of office on or off. An
 * admin who would fall under it must first enrol themselves (`auth.totp_enrol_first`), so
 * turning it on does not strand the one who did it.
 */
export async function setUnitTotpRequirement(
  db: Db,
  ctx: AuthContext,
  requireTotp: boolean,
  client: ClientInfo,
): Promise<{ requireTotp: boolean }> {
  if (!hasPermission(ctx, 'units.manage'))
    throw new DomainError('auth.forbidden', { permission: 'units.manage' });
  const subject = ctx.homeUnit.id === ctx.unit.id && ctx.roles.some((r) => totpRoles.includes(r));
  if (requireTotp && subject && !ctx.totp.enabled) throw new DomainError('auth.totp_enrol_first');
  await db.transaction(async (tx) => {
    await repo.setUnitRequireTotp(tx, ctx.unit.id, requireTotp);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'unit.require_totp',
      entity: 'unit',
      entityId: ctx.unit.id,
      before: { requireTotp: ctx.unit.requireTotp },
      after: { requireTotp },
    });
  });
  return { requireTotp };
}

/** Admins act in another unit; everyone else stays in their own. */
/** Every unit's code and name, for the unit switcher. */
export async function unitRefs(db: Db): Promise<UnitRef[]> {
  return (await repo.listUnits(db)).map((u) => ({ code: u.code, name: u.name }));
}

export async function switchUnit(db: Db, ctx: AuthContext, unitCode: string, client: ClientInfo) {
  if (!hasPermission(ctx, 'units.switch')) throw new DomainError('auth.forbidden');
  const unit = await repo.findUnitByCode(db, unitCode);
  if (!unit) throw new DomainError('unit.not_found', { unitCode });
  await db.transaction(async (tx) => {
    await repo.setSessionUnit(tx, ctx.sessionId, unit.id);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'auth.switch_unit',
      entity: 'session',
      entityId: publicSessionId(ctx.sessionId),
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
