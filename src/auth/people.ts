import { asc, eq, inArray } from 'drizzle-orm';
import type { TrailPeople } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import { userRoles, users } from './auth.tables.ts';
import { isProcedureActor, RoleLabels } from './roles.ts';

/** Users' names by id, for the lists that say who acted (audit trail, case history). */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names and role labels the audit trail shows; audit sits below auth and is handed these. */
export const trailPeople: TrailPeople = {
  names: userNames,
  roleLabel: (role) => (isProcedureActor(role) ? RoleLabels[role] : undefined),
};

/** The unit's users (inactive ones too: their entries stay in the trail), by name. */
export async function trailUsersOf(
  db: Db,
  unitId: number,
): Promise<Array<{ id: number; name: string; username: string; roles: string[] }>> {
  const rows = await db
    .select({ id: users.id, name: users.name, username: users.username, role: userRoles.role })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.unitId, unitId))
    .orderBy(asc(users.name), asc(users.id), asc(userRoles.role));
  const byId = new Map<number, { id: number; name: string; username: string; roles: string[] }>();
  for (const r of rows) {
    const user = byId.get(r.id) ?? { id: r.id, name: r.name, username: r.username, roles: [] };
    if (r.role) user.roles.push(r.role);
    byId.set(r.id, user);
  }
  return [...byId.values()];
}
