import { z } from 'zod';

/** A regency or city with its province's name, for region pickers. */
export const Regency = z.object({ code: z.string(), name: z.string(), province: z.string() });
export type Regency = z.infer<typeof Regency>;
export const RegencyList = z.object({ regencies: z.array(Regency) });
export type RegencyList = z.infer<typeof RegencyList>;

/** An area an office serves: its own region, the regencies and cities in it, and their districts. */
export const Area = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'regency', 'district']),
  /** The regency or city a district lies in; null for a province, regency or city. */
  regency: z.string().nullable(),
});
export type Area = z.infer<typeof Area>;
export const AreaList = z.object({ areas: z.array(Area) });
export type AreaList = z.infer<typeof AreaList>;
