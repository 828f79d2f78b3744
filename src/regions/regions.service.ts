import { childrenOf, getProvince } from '../core/regions.ts';
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
