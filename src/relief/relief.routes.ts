import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { DomainError } from '../core/errors.ts';
import { IdParam } from '../core/ids.ts';
import { maskNik, maskPersonalNumbers } from '../core/privacy.ts';
import { claimsByNik, setTariff, tariffsOf } from './relief.service.ts';
import { DistanceClasses, reliefPayouts } from './relief.tables.ts';

export const reliefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/relief/tariffs',
    { schema: { tags: ['relief'] }, preValidation: guard('cases.read') },
    async (request) => ({
      tariffs: await tariffsOf(app.db, requireAuth(request).unit.id),
    }),
  );

  app.put(
    '/api/relief/tariffs/:distanceClass',
    {
      schema: {
        tags: ['relief'],
        params: z.object({ distanceClass: z.enum(DistanceClasses) }),
        body: z.object({ amount: z.number().int().min(0).max(100_000_000) }),
      },
      preValidation: guard('calendar.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const before = await tariffsOf(app.db, ctx.unit.id);
      await app.db.transaction(async (tx) => {
        await setTariff(tx, ctx.unit.id, request.params.distanceClass, request.body.amount);
        await recordAudit(tx, actorOf(ctx, clientOf(request)), {
          action: 'relief.set_tariff',
          entity: 'relief_tariff',
          entityId: request.params.distanceClass,
          before: { amount: before[request.params.distanceClass] },
          after: { amount: request.body.amount },
        });
      });
      return reply.status(204).send();
    },
  );

  /** The repeat-claim check: earlier payouts to a NIK in every office (DOMAIN.md §7, fraud). */
  app.get(
    '/api/relief/claims/:nik',
    {
      schema: { tags: ['relief'], params: z.object({ nik: z.string().regex(/^\d{16}$/) }) },
      preValidation: guard('cases.act'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const claims = await claimsByNik(app.db, request.params.nik);
      await recordAudit(app.db, actorOf(ctx, clientOf(request)), {
        action: 'relief.claims_lookup',
        entity: 'person',
        entityId: maskNik(request.params.nik),
        after: { found: claims.length },
      });
      // The officer typed the number; the answer lists other offices' payouts, masked.
      return { claims: maskPersonalNumbers(claims) };
    },
  );

  /** The unit's cash book of payouts; the kwitansi PDF of each carries the full NIK it was paid to. */
  app.get(
    '/api/relief/payouts',
    { schema: { tags: ['relief'] }, preValidation: guard('cases.read') },
    async (request) => {
      const ctx = requireAuth(request);
      const rows = await app.db
        .select()
        .from(reliefPayouts)
        .where(eq(reliefPayouts.unitId, ctx.unit.id))
        .orderBy(desc(reliefPayouts.paidAt))
        .limit(500);
      return { payouts: maskPersonalNumbers(rows), total: rows.reduce((n, r) => n + r.amount, 0) };
    },
  );

  app.get(
    '/api/relief/payouts/:id/kwitansi',
    {
      schema: { tags: ['relief'], params: z.object({ id: IdParam }) },
      preValidation: guard('cases.read'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const [row] = await app.db
        .select()
        .from(reliefPayouts)
        .where(and(eq(reliefPayouts.id, request.params.id), eq(reliefPayouts.unitId, ctx.unit.id)));
      if (!row) throw new DomainError('relief.not_found', { id: request.params.id });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="kwitansi-${row.id}.pdf"`)
        .send(await app.files.get(row.receiptSha256));
    },
  );
};
