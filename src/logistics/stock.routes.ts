import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.service.ts';
import { clientOf, guard, requireAuth } from '../auth/guard.ts';
import { todayIn } from '../core/dates.ts';
import { cardWorkbook, positionWorkbook } from './stock.export.ts';
import {
  BatchesAnswer,
  BatchesQuery,
  CardAnswer,
  CardQuery,
  CountAnswer,
  CountInput,
  ExpiringAnswer,
  Item,
  ItemInput,
  ItemsAnswer,
  PositionAnswer,
  PositionQuery,
  ReceiptAnswer,
  ReceiptInput,
  WarehousesAnswer,
  WriteOffAnswer,
  WriteOffExpiredInput,
} from './stock.schema.ts';
import {
  batchesOf,
  cardOf,
  checkWarehouse,
  createItem,
  expiringBatches,
  listItems,
  listWarehouses,
  postStockCount,
  receiveGoods,
  stockPosition,
  writeOffExpired,
} from './stock.service.ts';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The warehouse of relief logistics: catalogue, receipts, counts, position, stock card. */
export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Who posts to the ledger, for which unit and on which clock: the same for every posting route. */
  const postedBy = (request: FastifyRequest) => {
    const ctx = requireAuth(request);
    return {
      unitId: ctx.unit.id,
      userId: ctx.user.id,
      clock: app.clock,
      actor: actorOf(ctx, clientOf(request)),
    };
  };

  app.get(
    '/api/stock/items',
    { schema: { tags: ['stock'], response: { 200: ItemsAnswer } }, preValidation: guard('stock.read') },
    async (request) => ({ items: await listItems(app.db, requireAuth(request).unit.id) }),
  );

  app.post(
    '/api/stock/items',
    {
      schema: { tags: ['stock'], body: ItemInput, response: { 201: Item } },
      preValidation: guard('stock.manage'),
    },
    async (request, reply) => {
      const ctx = requireAuth(request);
      const item = await createItem(app.db, ctx.unit.id, request.body, actorOf(ctx, clientOf(request)));
      return reply.status(201).send(item);
    },
  );

  app.get(
    '/api/stock/warehouses',
    { schema: { tags: ['stock'], response: { 200: WarehousesAnswer } }, preValidation: guard('stock.read') },
    async (request) => ({ warehouses: await listWarehouses(app.db, requireAuth(request).unit.id) }),
  );

  app.get(
    '/api/stock/position',
    {
      schema: { tags: ['stock'], querystring: PositionQuery, response: { 200: PositionAnswer } },
      preValidation: guard('stock.read'),
    },
    async (request) => {
      const unitId = requireAuth(request).unit.id;
      const { warehouseId } = request.query;
      if (warehouseId !== undefined) await checkWarehouse(app.db, unitId, warehouseId);
      return { rows: await stockPosition(app.db, unitId, warehouseId, app.clock) };
    },
  );

  // Binary: answers XLSX (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/stock/position.xlsx',
    { schema: { tags: ['stock'], querystring: PositionQuery }, preValidation: guard('stock.read') },
    async (request, reply) => {
      const { unit } = requireAuth(request);
      const { warehouseId } = request.query;
      if (warehouseId !== undefined) await checkWarehouse(app.db, unit.id, warehouseId);
      const rows = await stockPosition(app.db, unit.id, warehouseId, app.clock);
      const day = todayIn(unit.timeZone, new Date(app.clock.now()));
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="posisi-stok-${day}.xlsx"`)
        .send(await positionWorkbook(`Posisi stok ${unit.name}, ${day}`, rows));
    },
  );

  app.get(
    '/api/stock/card',
    {
      schema: { tags: ['stock'], querystring: CardQuery, response: { 200: CardAnswer } },
      preValidation: guard('stock.read'),
    },
    async (request) =>
      cardOf(app.db, requireAuth(request).unit.id, request.query.warehouseId, request.query.itemId),
  );

  // Binary: answers XLSX (exempt from a response schema, see test/http/contracts.test.ts).
  app.get(
    '/api/stock/card.xlsx',
    { schema: { tags: ['stock'], querystring: CardQuery }, preValidation: guard('stock.read') },
    async (request, reply) => {
      const card = await cardOf(
        app.db,
        requireAuth(request).unit.id,
        request.query.warehouseId,
        request.query.itemId,
      );
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="kartu-stok-${card.item.id}.xlsx"`)
        .send(await cardWorkbook(card));
    },
  );

  app.get(
    '/api/stock/expiring',
    { schema: { tags: ['stock'], response: { 200: ExpiringAnswer } }, preValidation: guard('stock.read') },
    async (request) => ({ batches: await expiringBatches(app.db, requireAuth(request).unit.id, app.clock) }),
  );

  app.get(
    '/api/stock/batches',
    {
      schema: { tags: ['stock'], querystring: BatchesQuery, response: { 200: BatchesAnswer } },
      preValidation: guard('stock.read'),
    },
    async (request) => ({
      batches: await batchesOf(app.db, requireAuth(request).unit.id, request.query.warehouseId),
    }),
  );

  app.post(
    '/api/stock/receipts',
    {
      schema: { tags: ['stock'], body: ReceiptInput, response: { 201: ReceiptAnswer } },
      preValidation: guard('stock.manage'),
    },
    async (request, reply) => {
      const result = await receiveGoods(app.db, { ...request.body, ...postedBy(request) });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/stock/counts',
    {
      schema: { tags: ['stock'], body: CountInput, response: { 201: CountAnswer } },
      preValidation: guard('stock.manage'),
    },
    async (request, reply) => {
      const result = await postStockCount(app.db, { ...request.body, ...postedBy(request) });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/stock/expired/write-off',
    {
      schema: { tags: ['stock'], body: WriteOffExpiredInput, response: { 200: WriteOffAnswer } },
      preValidation: guard('stock.manage'),
    },
    async (request) => {
      const batches = await writeOffExpired(app.db, { reason: request.body.reason, ...postedBy(request) });
      return { batches };
    },
  );
};
