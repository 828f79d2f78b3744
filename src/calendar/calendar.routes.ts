import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { addOfficeMinutes, addWorkingDays } from '../core/calendar.ts';
import { calendarOf, removeClosedDay, setClosedDay, setOfficeHours } from './calendar.service.ts';

const isoDate = z.iso.date();
/** A wall-clock time in the unit's own zone; 24:00 closes a day that works to midnight. */
const time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:00–24:00');
const Interval = z
  .object({ start: time, end: time })
  .refine((i) => i.start < i.end, { message: 'start must be before end', path: ['end'] });
/**
 * ISO weekday '1' (Monday) … '7' (Sunday) → office intervals; a missing or empty day is
 * closed. A week without any office time is refused: every clock of the unit would stop.
 */
const OfficeHours = z
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

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      },
      preValidation: guard('home.view'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const { year } = request.query;
      return calendarOf(app.db, ctx.unit.id, { from: year, to: year });
    },
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        params: z.object({ date: isoDate }),
        body: z.object({
          name: z.string().trim().min(1).max(200),
          kind: z.enum(['libur_nasional', 'cuti_bersama', 'libur_lokal']),
        }),
      },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await setClosedDay(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, {
        date: request.params.date,
        ...request.body,
      });
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      schema: { tags: ['calendar'], params: z.object({ date: isoDate }) },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await removeClosedDay(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, request.params.date);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/calendar/hours',
    { schema: { tags: ['calendar'], body: OfficeHours }, preValidation: guard('calendar.manage') },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await setOfficeHours(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, request.body);
      return reply.status(204).send();
    },
  );

  /** When a time limit that starts now (or at `from`) ends on this unit's calendar. */
  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        querystring: z
          .object({
            from: z.iso.datetime({ offset: true }).optional(),
            workingDays: z.coerce.number().int().min(0).max(365).optional(),
            minutes: z.coerce.number().int().min(0).max(100_000).optional(),
          })
          .refine((q) => (q.workingDays === undefined) !== (q.minutes === undefined), {
            message: 'give exactly one of workingDays or minutes',
          }),
      },
      preValidation: guard('home.view'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const from = request.query.from ? new Date(request.query.from) : new Date();
      const year = from.getUTCFullYear();
      const cal = await calendarOf(app.db, ctx.unit.id, { from: year, to: year + 1 });
      const due =
        request.query.minutes !== undefined
          ? addOfficeMinutes(cal, from, request.query.minutes)
          : addWorkingDays(cal, from, request.query.workingDays ?? 0);
      return { from: from.toISOString(), due: due.toISOString() };
    },
  );
};
