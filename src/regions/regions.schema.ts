import { z } from 'zod';

/** A regency or city with its province's name, for region pickers. */
export const Regency = z.object({ code: z.string(), name: z.string(), province: z.string() });
export type Regency = z.infer<typeof Regency>;
export const RegencyList = z.object({ regencies: z.array(Regency) });
export type RegencyList = z.infer<typeof RegencyList>;
