import { childrenOf, displayName, findRegion, getProvince, regionPath } from '../core/regions.ts';
import type { Regency } from './regions.schema.ts';

/** Every regency and city of the country, each with its province's name (514 rows). */
export function allRegencies(): Regency[] {
  return childrenOf('').flatMap((p) =>
    childrenOf(p.code).map((r) => ({
      code: r.code,
      name: r.name,
      province: getProvince(p.code)?.name ?? '',
    })),
  );
}

/**
 * The regency or city a region lies in (itself for a regency), named for reading
 * (`36.02.01` → `{ code: '36.02', name: 'Kabupaten Lebak' }`); a province stands for itself. An
 * unknown code keeps its regency-shaped prefix and the code as its name.
 */
export function regencyOf(code: string): { code: string; name: string } {
  const path = regionPath(code);
  const r = path.find((p) => p.level === 'regency') ?? path[0];
  if (r) return { code: r.code, name: displayName(r) };
  const prefix = code.split('.').slice(0, 2).join('.');
  const found = findRegion(prefix);
  return { code: prefix, name: found ? displayName(found) : prefix };
}
