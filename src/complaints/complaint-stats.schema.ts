import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** Months of receipt, both included; default: January of this year to this month. */
export const StatsQuery = z.object({ from: month.optional(), to: month.optional() });
export type StatsQuery = z.infer<typeof StatsQuery>;

/** The figures of one group of complaints (Pasal 37(3)). */
export const StatsFigures = z.object({
  received: z.number().int(),
  complete: z.number().int(),
  decided: z.number().int(),
  /** Decided by the decision timer's due date (Pasal 50(1)). */
  decidedInTime: z.number().int(),
  /** Calendar days from receipt to decision, of those decided. */
  medianDaysToDecision: z.number().nullable(),
  p90DaysToDecision: z.number().nullable(),
  /** Handed over to another unit, which accepted. */
  transferred: z.number().int(),
  withdrawn: z.number().int(),
});
export type StatsFigures = z.infer<typeof StatsFigures>;

/** A group: its key (a channel, class, status, month or service id; null: none given) and figures. */
export const StatsRow = StatsFigures.extend({ key: z.string().nullable(), label: z.string().nullable() });
export type StatsRow = z.infer<typeof StatsRow>;

export const ComplaintStats = z.object({
  unit: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  total: StatsFigures,
  byService: z.array(StatsRow),
  byChannel: z.array(StatsRow),
  byClass: z.array(StatsRow),
  byStatus: z.array(StatsRow),
  byMonth: z.array(StatsRow),
  /** Received per month and class, for a stacked chart: only the pairs with a complaint. */
  byMonthAndClass: z.array(z.object({ month: z.string(), class: z.string(), received: z.number().int() })),
});
export type ComplaintStats = z.infer<typeof ComplaintStats>;
