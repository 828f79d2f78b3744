import { listUnits } from '../auth/auth.repository.ts';
import type { Db } from '../db/client.ts';
import type { CaseOrigin } from './cases.schema.ts';

/**
 * How an office names where its cases came from (`CaseOrigin`): the submitting office's name, or
 * the desk where offices below it on Jaring could have submitted instead; nothing elsewhere. The
 * units are a handful of rows, read once per answer.
 */
export async function originsIn(
  db: Db,
  unitId: number,
): Promise<(requestingUnitId: number | null) => CaseOrigin> {
  const units = await listUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const receives = units.some((u) => u.parentId === unitId);
  return (requestingUnitId) => {
    const from = requestingUnitId === null ? undefined : byId.get(requestingUnitId);
    if (from) return { kind: 'office', unitCode: from.code, unitName: from.name };
    return receives ? { kind: 'desk' } : null;
  };
}
