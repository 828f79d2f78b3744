import { z } from 'zod';
import { parseDuration } from '../core/clock.ts';

export const isoDate = z.iso.date();

/** How far to move the server's test clock forward: a positive duration. */
export const AdvanceClockInput = z.object({
  by: z
    .string()
    .max(40)
    .refine((v) => (parseDuration(v) ?? 0) > 0, 'a positive duration such as 2h, 45m, 3d or PT2H'),
});
export type AdvanceClockInput = z.infer<typeof AdvanceClockInput>;

/** The server's time after a move of its test clock. */
export const ServerClock = z.object({
  now: z.string(),
  /** How far the test clock runs from the real time, in minutes (rounded). */
  offsetMinutes: z.number().int(),
});
export type ServerClock = z.infer<typeof ServerClock>;
/** A wall-clock time in the unit's own zone; 24:00 closes a day that works to midnight. */
export const time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:00–24:00');
export const Interval = z
  .object({ start: time, end: time })
  .refine((i) => i.start < i.end, { message: 'start must be before end', path: ['end'] });
/**
 * ISO weekday '1' (Monday) … '7' (Sunday) → office intervals; a missing or empty day is
 * closed. A week without any office time is refused: every clock of the unit would stop.
 */
export const OfficeHours = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(Interval).max(12))
  .superRefine((week, ctx) => {
    if (!Object.values(week).some((intervals) => intervals.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at least one working day with office hours is needed',
      });
    }
    for (const [day, intervals] of Object.entries(week)) {
      const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (prev && cur && cur.start < prev.end) {
          ctx.addIssue({
            code: 'custom',
            path: [day],
            message: `intervals overlap (${prev.end} > ${cur.start})`,
          });
        }
      }
    }
  });
export type OfficeHours = z.infer<typeof OfficeHours>;

export const ClosedDayKind = z.enum(['libur_nasional', 'cuti_bersama', 'libur_lokal']);
export const DateParams = z.object({ date: isoDate });
export const ClosedDayInput = z.object({ name: z.string().trim().min(1).max(200), kind: ClosedDayKind });
export type ClosedDayInput = z.infer<typeof ClosedDayInput>;
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** A unit's working calendar: its zone, office hours per ISO weekday, and closed days. */
export const CalendarView = z.object({
  timeZone: z.string(),
  officeHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  closedDates: z.array(z.object({ date: z.string(), name: z.string(), kind: ClosedDayKind })),
});
export type CalendarView = z.infer<typeof CalendarView>;

export const DueQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    workingDays: z.coerce.number().int().min(0).max(365).optional(),
    minutes: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.minutes === undefined), {
    message: 'give exactly one of workingDays or minutes',
  });
export type DueQuery = z.infer<typeof DueQuery>;
export const Due = z.object({ from: z.string(), due: z.string() });
export type Due = z.infer<typeof Due>;
