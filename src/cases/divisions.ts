import { countDivisionMembers, findDivisionByCode } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { RoleLabels, type StaffRole } from '../auth/roles.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import type { Standard } from '../standards/standard.schema.ts';

/**
 * Roles that sit in a division (bidang): at a step of a division's service they are held only by
 * the unit's users of that division. The others serve the whole unit: the front office receives
 * every service's applicants, the head of office heads all divisions, a village operator works
 * for a village; admin and auditor act at no step. A unit whose `oneHeadForAllDivisions` is set
 * (a small office: one head and one team for every division) is not scoped at all.
 */
export const divisionRoles = [
  'kepala_bidang',
  'fungsional',
  'verifikator',
] as const satisfies readonly StaffRole[];

export function isDivisionRole(role: string): boolean {
  return (divisionRoles as readonly string[]).includes(role);
}

type Division = Standard['division'];

/** The caller's division code in the acting unit; undefined outside it (an admin visiting) or without one. */
function divisionCodeOf(ctx: AuthContext): string | undefined {
  return ctx.division && ctx.division.unitId === ctx.unit.id ? ctx.division.code : undefined;
}

/** Whether the caller holds `role` at a step of a service of `division` (no database read). */
export function holdsInDivision(ctx: AuthContext, role: string, division: Division): boolean {
  if (!isDivisionRole(role) || ctx.unit.oneHeadForAllDivisions) return true;
  return divisionCodeOf(ctx) === division.code;
}

/**
 * Which step roles a queue shows the caller: `open`, held for every service of the unit, and
 * `scoped`, held only for services of `divisionCode`.
 */
export function queueScopeOf(
  ctx: AuthContext,
  roles: readonly StaffRole[],
): { open: StaffRole[]; scoped: StaffRole[]; divisionCode: string | undefined } {
  if (ctx.unit.oneHeadForAllDivisions) return { open: [...roles], scoped: [], divisionCode: undefined };
  const divisionCode = divisionCodeOf(ctx);
  return {
    open: roles.filter((r) => !isDivisionRole(r)),
    scoped: divisionCode ? roles.filter(isDivisionRole) : [],
    divisionCode,
  };
}

/**
 * The refusal of a caller whose `role` at a step of a `division` service is another division's.
 * When nobody of the unit holds the role in that division (the division is not among the unit's,
 * or no user is recorded in it), the answer says so, since everyone would be refused alike.
 */
export async function divisionRefusal(
  db: Db,
  ctx: AuthContext,
  role: StaffRole,
  division: Division,
): Promise<DomainError> {
  const known = await findDivisionByCode(db, ctx.unit.id, division.code);
  const details = {
    role,
    // Filled in the language of the answer (`core/i18n.ts` `fill`).
    roleName: RoleLabels[role],
    division: known?.name ?? division.name,
    divisionCode: division.code,
  };
  if (!known || (await countDivisionMembers(db, known.id, role)) === 0)
    return new DomainError('case.division_unstaffed', { ...details, known: Boolean(known) });
  return new DomainError('case.wrong_division', details);
}

/** Throws the division refusal unless the caller holds `role` for the standard's division. */
export async function assertHoldsInDivision(
  db: Db,
  ctx: AuthContext,
  role: StaffRole,
  standard: Standard,
): Promise<void> {
  if (!holdsInDivision(ctx, role, standard.division))
    throw await divisionRefusal(db, ctx, role, standard.division);
}

/**
 * The caller's writer roles that hold for the standard's division; refused (as for the first
 * of them) when none does. For writes open to any role of a workflow (documents, scans).
 */
export async function writersInDivision(
  db: Db,
  ctx: AuthContext,
  writers: StaffRole[],
  standard: Standard,
): Promise<StaffRole[]> {
  const held = writers.filter((r) => holdsInDivision(ctx, r, standard.division));
  const first = writers[0];
  if (held.length === 0 && first) throw await divisionRefusal(db, ctx, first, standard.division);
  return held;
}
