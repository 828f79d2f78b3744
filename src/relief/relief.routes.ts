import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { NoContent } from '../core/contract.ts';
import { IdParam } from '../core/ids.ts';
import {
  CashBook,
  ClaimsAnswer,
  NikParams,
  TariffInput,
  TariffParams,
  TariffsAnswer,
} from './relief.schema.ts';
import { cashBook, changeTariff, kwitansiOf, lookUpClaims, tariffsOf } from './relief.service.ts';

export const reliefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/relief/tariffs',
    { schema: { tags: ['relief'], response: { 200: TariffsAnswer } }, preValidation: guard('cases.read') },
    async (request) => ({
      tariffs: await tariffsOf(app.db, requireAuth(request).unit.id),
    }),
  );

  app.put(
    '/api/relief/tariffs/:distanceClass',
    {
      schema: { tags: ['relief'], params: TariffParams, body: TariffInput, response: { 204: NoContent } },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      await changeTariff(
        app.db,
        actorOf(ctx, clientOf(request)),
        ctx.unit.id,
        request.params.distanceClass,
        request.body.amount,
      );
      return reply.status(204).send(null);
    },
  );

  /** The repeat-claim check: earlier payouts to a NIK in every office (DOMAIN.md §7, fraud). */
  app.get(
    '/api/relief/claims/:nik',
    {
      schema: { tags: ['relief'], params: NikParams, response: { 200: ClaimsAnswer } },
      preValidation: guard('cases.act'),
    },
    async (request) => ({
      claims: await lookUpClaims(
        app.db,
        actorOf(requireAuth(request), clientOf(request)),
        request.params.nik,
      ),
    }),
  );

  /** The unit's cash book of payouts; the kwitansi PDF of each carries the full NIK it was paid to. */
  app.get(
    '/api/relief/payouts',
    { schema: { tags: ['relief'], response: { 200: CashBook } }, preValidation: guard('cases.read') },
    async (request) => cashBook(app.db, requireAuth(request).unit.id),
  );

  // Binary: answers application/pdf (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/relief/payouts/:id/kwitansi',
    {
      schema: { tags: ['relief'], params: z.object({ id: IdParam }) },
      preValidation: guard('cases.read'),
    },
    async (request, reply) => {
      const { fileName, pdf } = await kwitansiOf(
        app.db,
        app.files,
        requireAuth(request).unit.id,
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );
};
