import { z } from 'zod';
import { IdParam } from '../core/ids.ts';

export const CaseDispositionsParams = z.object({ id: IdParam });
export const DispositionParams = z.object({ id: IdParam, dispositionId: IdParam });

/** A disposition of a relief request as the case page lists it (names, never codes). */
export const Disposition = z.object({
  id: z.number().int(),
  from: z.object({ name: z.string(), role: z.string() }),
  /** The role the disposition goes to, by name. */
  to: z.string(),
  decision: z.string(),
  instruction: z.string(),
  at: z.string(),
});
export const DispositionList = z.object({ dispositions: z.array(Disposition) });
export type DispositionList = z.infer<typeof DispositionList>;
