import { z } from 'zod';
import { WorkCount } from './cases/case-list.schema.ts';

/** A text in both languages of the app. */
export const Label = z.object({ id: z.string(), en: z.string() });
export type Label = z.infer<typeof Label>;

/** The staff home: the acting unit, the user's roles, their navigation and a few figures. */
export const Home = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  roles: z.array(z.string()),
  nav: z.array(z.object({ key: z.string(), label: Label, path: z.string(), available: z.boolean() })),
  stats: z.array(z.object({ key: z.string(), label: Label, value: z.number() })),
  /** The cases waiting per role the user holds, then in the whole office (empty without `cases.read`). */
  work: z.array(WorkCount),
});
export type Home = z.infer<typeof Home>;
