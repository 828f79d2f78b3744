import { childrenOf, displayName, findRegion, getProvince, regionPath } from '../core/regions.ts';
import type { Area, Regency } from './regions.schema.ts';

/** Every regency and city of the country, each with its province's name (514 rows). */
export function allRegencies(): Regency[] {
  return childrenOf('').flatMap((p) =>
    childrenOf(p.code).map((r) => ({
      code: r.code,
      name: displayName(r),
      province: displayName(getProvince(p.code) ?? p),
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

/**
 * The areas within an office's region, in the order a picker lists them: the region itself,
 * then each regency or city in it followed by its districts (a regency office: itself and its
 * districts). Empty for a code that is not a known region.
 */
export function areasWithin(code: string): Area[] {
  const own = findRegion(code);
  if (!own || own.level === 'village') return [];
  const areas: Area[] = [];
  const regencyWithDistricts = (r: { code: string; name: string }) => {
    const name = displayName(r);
    areas.push({ code: r.code, name, level: 'regency', regency: null });
    for (const d of childrenOf(r.code))
      areas.push({ code: d.code, name: displayName(d), level: 'district', regency: name });
  };
  if (own.level === 'province') {
    areas.push({ code: own.code, name: displayName(own), level: 'province', regency: null });
    for (const r of childrenOf(own.code)) regencyWithDistricts(r);
  } else if (own.level === 'regency') regencyWithDistricts(own);
  else
    areas.push({
      code: own.code,
      name: displayName(own),
      level: 'district',
      regency: regencyOf(own.code).name,
    });
  return areas;
}
