import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { NoContent } from '../core/contract.ts';
import {
  AdvanceClockInput,
  CalendarQuery,
  CalendarView,
  ClosedDayInput,
  DateParams,
  Due,
  DueQuery,
  OfficeHours,
  ServerClock,
} from './calendar.schema.ts';
import { calendarOf, dueOn, removeClosedDay, setClosedDay, setOfficeHours } from './calendar.service.ts';
import { advanceServerClock } from './server-clock.service.ts';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar',
    {
      schema: { tags: ['calendar'], querystring: CalendarQuery, response: { 200: CalendarView } },
      preValidation: guard('home.view'),
    },
    async (request) => {
      const { year } = request.query;
      return calendarOf(app.db, requireAuth(request).unit.id, { from: year, to: year });
    },
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: { tags: ['calendar'], params: DateParams, body: ClosedDayInput, response: { 204: NoContent } },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await setClosedDay(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, {
        date: request.params.date,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      schema: { tags: ['calendar'], params: DateParams, response: { 204: NoContent } },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await removeClosedDay(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/calendar/hours',
    {
      schema: { tags: ['calendar'], body: OfficeHours, response: { 204: NoContent } },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await setOfficeHours(app.db, actorOf(ctx, clientOf(request)), ctx.unit.id, request.body);
      return reply.status(204).send(null);
    },
  );

  /** When a time limit that starts now (or at `from`) ends on this unit's calendar. */
  app.get(
    '/api/calendar/due',
    {
      schema: { tags: ['calendar'], querystring: DueQuery, response: { 200: Due } },
      preValidation: guard('home.view'),
    },
    async (request) => dueOn(app.db, requireAuth(request).unit.id, request.query, new Date(app.clock.now())),
  );

  // Only with a test clock on (demos, acceptance runs): produces a breach without waiting.
  app.post(
    '/api/admin/clock',
    {
      schema: { tags: ['calendar'], body: AdvanceClockInput, response: { 200: ServerClock } },
      preValidation: guard('clock.advance'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      return advanceServerClock(
        app.db,
        actorOf(ctx, clientOf(request)),
        app.config,
        app.clock,
        request.body.by,
      );
    },
  );
};
