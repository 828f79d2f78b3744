import { recordAudit } from '../audit/audit.service.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import * as repo from './auth.repository.ts';
import { type AuthContext, actorOf, type ClientInfo, hasPermission } from './auth.service.ts';
import type {
  DivisionRef,
  UnitDivisionSettings,
  UnitUser,
  UnitUserList,
  UnitUserUpdate,
} from './users.schema.ts';

function requireManage(ctx: AuthContext, permission: 'users.manage' | 'units.manage') {
  if (!hasPermission(ctx, permission)) throw new DomainError('auth.forbidden', { permission });
}

const divisionRef = (d: repo.DivisionRow): DivisionRef => ({ code: d.code, name: d.name });

function unitUserOf(u: repo.UserRow, roles: string[], divisions: repo.DivisionRow[]): UnitUser {
  const division = divisions.find((d) => d.id === u.divisionId);
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    nip: u.nip,
    rank: u.rank,
    position: u.position,
    acting: u.acting,
    division: division ? divisionRef(division) : null,
    roles,
    active: u.active,
  };
}

/** The acting unit's users with their official data (name, NIP, rank, position, division). */
export async function listUnitUsers(db: Db, ctx: AuthContext): Promise<UnitUserList> {
  requireManage(ctx, 'users.manage');
  const divisions = await repo.divisionsOfUnit(db, ctx.unit.id);
  const users = await repo.usersOfUnit(db, ctx.unit.id);
  return {
    users: users.map((u) => unitUserOf(u, u.roles, divisions)),
    divisions: divisions.map(divisionRef),
  };
}

/**
 * Changes a user's official data, as printed in a signature block (Tata Naskah Dinas): name,
 * NIP, rank, position, the acting prefix, and the division whose steps are theirs. Only users of
 * the acting unit (`user.not_found` for any other); audited with what changed.
 */
export async function updateUnitUser(
  db: Db,
  ctx: AuthContext,
  id: number,
  input: UnitUserUpdate,
  client: ClientInfo,
): Promise<UnitUser> {
  requireManage(ctx, 'users.manage');
  const user = await repo.findUserOfUnit(db, ctx.unit.id, id);
  if (!user) throw new DomainError('user.not_found', { id });
  const divisions = await repo.divisionsOfUnit(db, ctx.unit.id);
  const values: repo.UserOfficialValues = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.nip !== undefined) values.nip = input.nip;
  if (input.rank !== undefined) values.rank = input.rank;
  if (input.position !== undefined) values.position = input.position;
  if (input.acting !== undefined) values.acting = input.acting;
  if (input.division !== undefined) {
    const division = input.division === null ? null : divisions.find((d) => d.code === input.division);
    if (division === undefined)
      throw new DomainError('user.unknown_division', {
        division: input.division,
        allowed: divisions.map((d) => d.code).join(', '),
      });
    values.divisionId = division?.id ?? null;
  }
  const fields = Object.keys(values) as Array<keyof repo.UserOfficialValues>;
  const changed = fields.filter((k) => user[k] !== values[k]);
  if (changed.length === 0) return unitUserOf(user, await repo.rolesOfUser(db, user.id), divisions);
  const updated = await db.transaction(async (tx) => {
    const row = await repo.updateUserOfficial(tx, user.id, values);
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'user.update_official',
      entity: 'user',
      entityId: user.id,
      before: Object.fromEntries(changed.map((k) => [k, user[k]])),
      after: Object.fromEntries(changed.map((k) => [k, values[k]])),
    });
    return row;
  });
  return unitUserOf(updated, await repo.rolesOfUser(db, user.id), divisions);
}

export async function unitDivisionSettings(db: Db, ctx: AuthContext): Promise<UnitDivisionSettings> {
  requireManage(ctx, 'units.manage');
  return {
    oneHeadForAllDivisions: ctx.unit.oneHeadForAllDivisions,
    divisions: (await repo.divisionsOfUnit(db, ctx.unit.id)).map(divisionRef),
  };
}

/**
 * Sets whether the acting unit has one head (and team) for all its divisions: then a kepala
 * bidang, fungsional or verifikator acts at the steps of every division's service. Audited.
 */
export async function setUnitDivisionSettings(
  db: Db,
  ctx: AuthContext,
  oneHeadForAllDivisions: boolean,
  client: ClientInfo,
): Promise<UnitDivisionSettings> {
  requireManage(ctx, 'units.manage');
  if (oneHeadForAllDivisions !== ctx.unit.oneHeadForAllDivisions)
    await db.transaction(async (tx) => {
      await repo.setUnitOneHeadForAllDivisions(tx, ctx.unit.id, oneHeadForAllDivisions);
      await recordAudit(tx, actorOf(ctx, client), {
        action: 'unit.one_head_for_all_divisions',
        entity: 'unit',
        entityId: ctx.unit.id,
        before: { oneHeadForAllDivisions: ctx.unit.oneHeadForAllDivisions },
        after: { oneHeadForAllDivisions },
      });
    });
  return {
    oneHeadForAllDivisions,
    divisions: (await repo.divisionsOfUnit(db, ctx.unit.id)).map(divisionRef),
  };
}
