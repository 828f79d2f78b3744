/**
 * The stock ledger of relief logistics (DOMAIN.md §8; DESIGN.md "Ledgers, not counters"). Every
 * change of stock is a row of the append-only `stock_movements`; the balances beside it (per
 * batch, and per item in a warehouse) change in the same statement, conditionally, under
 * `CHECK`s that keep them from going negative, and `jaring stock check` rebuilds them from it.
 * Each posting first locks the item in its warehouse (its position row, created when missing),
 * items in a fixed order, so that concurrent postings of one item queue and never deadlock.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { type Clock, systemClock } from '../core/clock.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { type Db, rows } from '../db/client.ts';
import {
  findBatch,
  holdingsOf,
  itemLabels,
  lockPosition,
  type PickableBatch,
  pickableBatches,
  post,
  type SourceHolding,
} from './stock.repository.ts';
import type { Allocation, Item, PositionRow, Warehouse } from './stock.schema.ts';
import { goodsReceipts, type ReceiptSource, stockBalances, stockItems, warehouses } from './stock.tables.ts';

export type { Allocation, Item, PositionRow, Warehouse } from './stock.schema.ts';

export interface StockLine {
  itemId: number;
  /** Integer > 0, in the item's unit of measure. */
  quantity: number;
}
export interface StockSource {
  kind: 'case' | 'goods_receipt' | 'count' | 'manual';
  id: number;
  ref?: string;
}

/** Common to every posting; `clock` gives "now" and "today" (expiry), the system clock if absent. */
interface PostingInput {
  unitId: number;
  source: StockSource;
  userId: number | null;
  reason: string;
  clock?: Clock;
}

const sortPositions = <T extends { warehouseId: number; itemId: number }>(list: T[]) =>
  [...list].sort((a, b) => a.warehouseId - b.warehouseId || a.itemId - b.itemId);

const sourceKey = (s: StockSource) => `${s.kind}:${s.id}`;

function checkQuantity(quantity: number, path: string, problems: Problem[]) {
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    problems.push(
      problemIn(path, {
        id: 'jumlah harus bilangan bulat lebih dari 0',
        en: 'the quantity must be a whole number above 0',
      }),
    );
}

function checkReason(reason: string, problems: Problem[]) {
  if (reason.trim().length === 0)
    problems.push(problemIn('reason', { id: 'alasan wajib diisi', en: 'a reason is required' }));
}

/** A refusal that names, per item, what was wanted and what is available. */
async function insufficient(
  db: Db,
  unitId: number,
  short: { itemId: number; wanted: number; available: number }[],
): Promise<DomainError> {
  const labels = await itemLabels(
    db,
    unitId,
    short.map((s) => s.itemId),
  );
  return new DomainError('stock.insufficient', {
    shortages: short.map((s) => {
      const label = labels.get(s.itemId);
      return {
        id: s.itemId,
        itemId: s.itemId,
        wanted: s.wanted,
        available: s.available,
        text: `${label?.name ?? s.itemId}: ${s.wanted} → ${s.available}${label ? ` ${label.uom}` : ''}`,
      };
    }),
  });
}

/**
 * Reserves the lines in a warehouse for a source (a case's approval): per item, first expiry
 * first out across its batches that have not expired, inside the item's lock. Refuses the
 * whole reservation, naming every short item, when any item lacks stock; refuses a source that
 * already holds a reservation (release it first).
 */
export async function reserveStock(
  tx: Db,
  input: PostingInput & { warehouseId: number; lines: StockLine[] },
): Promise<Allocation[]> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  if (input.lines.length === 0)
    problems.push(problemIn('lines', { id: 'tidak ada barang yang diminta', en: 'no items are requested' }));
  const wanted = new Map<number, number>();
  input.lines.forEach((l, i) => {
    checkQuantity(l.quantity, `lines[${i}].quantity`, problems);
    wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.quantity);
  });
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const clock = input.clock ?? systemClock;
  const now = new Date(clock.now());
  const positions = sortPositions(
    [...wanted.keys()].map((itemId) => ({ warehouseId: input.warehouseId, itemId })),
  );
  for (const p of positions) {
    if (!(await lockPosition(tx, input.unitId, p.warehouseId, p.itemId, true)))
      throw new DomainError('stock.not_found', { itemId: p.itemId, warehouseId: p.warehouseId });
  }
  // Read under the locks, so a concurrent reservation by the same source is seen.
  const { holdings, movements } = await holdingsOf(tx, input.unitId, input.source);
  if (holdings.length > 0)
    throw new DomainError('stock.already_reserved', { source: sourceKey(input.source) });
  const picks: { itemId: number; batch: PickableBatch; quantity: number }[] = [];
  const short: { itemId: number; wanted: number; available: number }[] = [];
  for (const p of positions) {
    const need = wanted.get(p.itemId) ?? 0;
    const batches = await pickableBatches(tx, input.unitId, p.warehouseId, p.itemId, now);
    const available = batches.reduce((n, b) => n + b.free, 0);
    if (available < need) {
      short.push({ itemId: p.itemId, wanted: need, available });
      continue;
    }
    let left = need;
    for (const batch of batches) {
      if (left === 0) break;
      const quantity = Math.min(left, batch.free);
      picks.push({ itemId: p.itemId, batch, quantity });
      left -= quantity;
    }
  }
  if (short.length > 0) throw await insufficient(tx, input.unitId, short);
  const allocations: Allocation[] = [];
  for (const pick of picks) {
    const ok = await post(tx, {
      unitId: input.unitId,
      warehouseId: input.warehouseId,
      itemId: pick.itemId,
      batchId: pick.batch.batchId,
      kind: 'reservation',
      quantity: pick.quantity,
      onHandChange: 0,
      reservedChange: pick.quantity,
      userId: input.userId,
      at: now,
      reason: input.reason,
      source: input.source,
      idempotencyKey: `${sourceKey(input.source)}:reservation:${pick.batch.batchId}:${movements}`,
    });
    // Cannot happen under the lock; the conditional update is the backstop.
    if (!ok)
      throw await insufficient(tx, input.unitId, [
        { itemId: pick.itemId, wanted: pick.quantity, available: 0 },
      ]);
    allocations.push({
      batchId: pick.batch.batchId,
      itemId: pick.itemId,
      quantity: pick.quantity,
      expiresOn: pick.batch.expiresOn,
    });
  }
  return allocations;
}

/** Locks the positions a source's reservation sits on, then reads what it holds under them. */
async function lockHoldings(tx: Db, unitId: number, source: StockSource) {
  const before = await holdingsOf(tx, unitId, source);
  const positions = new Map<string, { warehouseId: number; itemId: number }>();
  for (const h of before.holdings) positions.set(`${h.warehouseId}:${h.itemId}`, h);
  for (const p of sortPositions([...positions.values()]))
    await lockPosition(tx, unitId, p.warehouseId, p.itemId, false);
  return positions.size > 0 ? holdingsOf(tx, unitId, source) : before;
}

async function settle(
  tx: Db,
  input: PostingInput & { documentRef?: string },
  kind: 'release' | 'dispatch',
  holdings: SourceHolding[],
  movements: number,
): Promise<Allocation[]> {
  const now = new Date((input.clock ?? systemClock).now());
  const out: Allocation[] = [];
  for (const h of holdings) {
    const ok = await post(tx, {
      unitId: input.unitId,
      warehouseId: h.warehouseId,
      itemId: h.itemId,
      batchId: h.batchId,
      kind,
      quantity: h.reserved,
      onHandChange: kind === 'dispatch' ? -h.reserved : 0,
      reservedChange: -h.reserved,
      userId: input.userId,
      at: now,
      reason: input.reason,
      source: input.source,
      documentRef: input.documentRef,
      idempotencyKey: `${sourceKey(input.source)}:${kind}:${h.batchId}:${movements}`,
    });
    if (!ok)
      throw await insufficient(tx, input.unitId, [{ itemId: h.itemId, wanted: h.reserved, available: 0 }]);
    out.push({ batchId: h.batchId, itemId: h.itemId, quantity: h.reserved, expiresOn: h.expiresOn });
  }
  return out;
}

/** Releases everything a source holds reserved (a rejected or withdrawn request); none: nothing. */
export async function releaseStock(tx: Db, input: PostingInput): Promise<Allocation[]> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const { holdings, movements } = await lockHoldings(tx, input.unitId, input.source);
  return settle(tx, input, 'release', holdings, movements);
}

/** Dispatches what a source holds reserved (the shipment), with the delivery note's number. */
export async function dispatchReserved(
  tx: Db,
  input: PostingInput & { documentRef: string },
): Promise<Allocation[]> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  if (input.documentRef.trim().length === 0)
    problems.push(
      problemIn('documentRef', {
        id: 'nomor surat jalan wajib diisi',
        en: 'the delivery note number is required',
      }),
    );
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const { holdings, movements } = await lockHoldings(tx, input.unitId, input.source);
  if (holdings.length === 0)
    throw new DomainError('stock.nothing_reserved', { source: sourceKey(input.source) });
  return settle(tx, input, 'dispatch', holdings, movements);
}

/** A movement of one batch by a quantity (return, write-off, adjustment), inside its item's lock. */
async function postOnBatch(
  tx: Db,
  input: PostingInput & { batchId: number; quantity: number; documentRef?: string },
  kind: 'return' | 'write_off' | 'adjustment' | 'receipt',
  sign: 1 | -1,
  idempotencyKey?: string,
): Promise<void> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  checkQuantity(input.quantity, 'quantity', problems);
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const found = await findBatch(tx, input.unitId, input.batchId);
  if (!found) throw new DomainError('stock.not_found', { batchId: input.batchId });
  await lockPosition(tx, input.unitId, found.warehouseId, found.itemId, true);
  const key =
    idempotencyKey ??
    `${sourceKey(input.source)}:${kind}:${input.batchId}:${(await holdingsOf(tx, input.unitId, input.source)).movements}`;
  const ok = await post(tx, {
    unitId: input.unitId,
    warehouseId: found.warehouseId,
    itemId: found.itemId,
    batchId: input.batchId,
    kind,
    quantity: input.quantity,
    onHandChange: sign * input.quantity,
    reservedChange: 0,
    userId: input.userId,
    at: new Date((input.clock ?? systemClock).now()),
    reason: input.reason,
    source: input.source,
    documentRef: input.documentRef,
    idempotencyKey: key,
  });
  if (!ok) {
    const now = await findBatch(tx, input.unitId, input.batchId);
    throw await insufficient(tx, input.unitId, [
      { itemId: found.itemId, wanted: input.quantity, available: now ? now.onHand - now.reserved : 0 },
    ]);
  }
}

/** Puts goods back on a batch (a shortfall at handover, goods brought back). */
export async function returnStock(
  tx: Db,
  input: PostingInput & { batchId: number; quantity: number },
): Promise<void> {
  await postOnBatch(tx, input, 'return', 1);
}

/** Takes goods off a batch for good (expired, damaged), with the reason; never reserved stock. */
export async function writeOffStock(
  tx: Db,
  input: PostingInput & { batchId: number; quantity: number },
): Promise<void> {
  await postOnBatch(tx, input, 'write_off', -1);
}

/** Internal to the module: a receipt or a count's adjustment on a batch, with its own key. */
export async function postBatchMovement(
  tx: Db,
  input: PostingInput & { batchId: number; quantity: number; documentRef?: string },
  kind: 'receipt' | 'adjustment',
  sign: 1 | -1,
  idempotencyKey: string,
): Promise<void> {
  await postOnBatch(tx, input, kind, sign, idempotencyKey);
}

const itemOf = (r: typeof stockItems.$inferSelect): Item => ({
  id: r.id,
  name: r.name,
  uom: r.uom,
  category: r.category,
  normPerPersonDay: r.normPerPersonDay,
  normUnit: r.normUnit,
  minimum: r.minimum,
  active: r.active,
});

/** The unit's catalogue, by name. */
export async function listItems(db: Db, unitId: number): Promise<Item[]> {
  const found = await db
    .select()
    .from(stockItems)
    .where(eq(stockItems.unitId, unitId))
    .orderBy(asc(stockItems.name));
  return found.map(itemOf);
}

/**
 * Per catalogue item: on hand, reserved, available (not reserved, not expired), expired, and the
 * nearest expiry among batches that can still be picked; in one warehouse, or all the unit's.
 */
export async function stockPosition(
  db: Db,
  unitId: number,
  warehouseId?: number,
  clock: Clock = systemClock,
): Promise<PositionRow[]> {
  const now = new Date(clock.now()).toISOString();
  const inWarehouse = warehouseId === undefined ? sql`` : sql`AND bal.warehouse_id = ${warehouseId}`;
  const found = await rows<Omit<PositionRow, 'low'>>(
    db,
    sql`WITH t AS (SELECT (${now}::timestamptz AT TIME ZONE time_zone)::date AS today FROM units WHERE id = ${unitId})
      SELECT i.id AS "itemId", i.name, i.uom, i.category, i.norm_per_person_day::float8 AS "normPerPersonDay",
        i.norm_unit AS "normUnit", i.minimum,
        coalesce(sum(bal.on_hand), 0)::int AS "onHand",
        coalesce(sum(bal.reserved), 0)::int AS reserved,
        coalesce(sum(bal.on_hand - bal.reserved) FILTER (WHERE b.expires_on IS NULL OR b.expires_on >= t.today), 0)::int
          AS available,
        coalesce(sum(bal.on_hand) FILTER (WHERE b.expires_on < t.today), 0)::int AS expired,
        (min(b.expires_on) FILTER (WHERE bal.on_hand > bal.reserved AND b.expires_on >= t.today))::text AS "nearestExpiry"
      FROM t CROSS JOIN stock_items i
      LEFT JOIN stock_balances bal ON bal.item_id = i.id AND bal.unit_id = i.unit_id ${inWarehouse}
      LEFT JOIN stock_batches b ON b.id = bal.batch_id
      WHERE i.unit_id = ${unitId} AND i.active
      GROUP BY i.id, t.today
      ORDER BY i.name, i.id`,
  );
  return found.map((r) => ({ ...r, low: r.minimum !== null && r.available < r.minimum / 2 }));
}

export interface ReceiptLine {
  itemId: number;
  quantity: number;
  expiresOn?: string | null;
  lot?: string;
}

/**
 * Receives goods into a warehouse (procurement, Kemensos, a donation): the receipt record, a
 * batch per line and its receipt movement, in one transaction.
 */
export async function receiveGoods(
  db: Db,
  input: {
    unitId: number;
    warehouseId: number;
    source: ReceiptSource;
    supplier: string;
    documentRef: string;
    receivedOn: string;
    note?: string;
    lines: ReceiptLine[];
    userId: number | null;
    clock?: Clock;
  },
): Promise<{ receiptId: number; batchIds: number[] }> {
  const problems: Problem[] = [];
  if (input.lines.length === 0)
    problems.push(problemIn('lines', { id: 'tidak ada barang yang diterima', en: 'no goods are received' }));
  input.lines.forEach((l, i) => {
    checkQuantity(l.quantity, `lines[${i}].quantity`, problems);
  });
  if (input.supplier.trim() === '')
    problems.push(problemIn('supplier', { id: 'pengirim wajib diisi', en: 'the sender is required' }));
  if (input.documentRef.trim() === '')
    problems.push(
      problemIn('documentRef', { id: 'nomor dokumen wajib diisi', en: 'the document number is required' }),
    );
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  return db.transaction(async (tx) => {
    const [receipt] = await tx
      .insert(goodsReceipts)
      .values({
        unitId: input.unitId,
        warehouseId: input.warehouseId,
        source: input.source,
        supplier: input.supplier.trim(),
        documentRef: input.documentRef.trim(),
        receivedOn: input.receivedOn,
        note: input.note ?? '',
        receivedBy: input.userId,
      })
      .returning({ id: goodsReceipts.id });
    if (!receipt) throw new Error('insert receipt failed');
    // Items in a fixed order, as every posting locks them, so two receipts never deadlock.
    const batchIds: number[] = new Array(input.lines.length);
    const order = input.lines
      .map((line, index) => ({ line, index }))
      .sort((a, b) => a.line.itemId - b.line.itemId);
    for (const { line, index } of order) {
      const [batch] = await rows<{ id: number }>(
        tx,
        sql`INSERT INTO stock_batches (unit_id, item_id, warehouse_id, lot, expires_on, source, receipt_id)
          SELECT i.unit_id, i.id, w.id, ${line.lot ?? ''}, ${line.expiresOn ?? null}::date, ${input.source}, ${receipt.id}
          FROM stock_items i, stock_warehouses w
          WHERE i.id = ${line.itemId} AND i.unit_id = ${input.unitId} AND w.id = ${input.warehouseId} AND w.unit_id = ${input.unitId}
          RETURNING id`,
      );
      if (!batch)
        throw new DomainError('stock.not_found', { itemId: line.itemId, warehouseId: input.warehouseId });
      await tx.insert(stockBalances).values({
        batchId: batch.id,
        unitId: input.unitId,
        warehouseId: input.warehouseId,
        itemId: line.itemId,
      });
      await postOnBatch(
        tx,
        {
          unitId: input.unitId,
          batchId: batch.id,
          quantity: line.quantity,
          source: { kind: 'goods_receipt', id: receipt.id, ref: input.documentRef },
          userId: input.userId,
          reason: `Penerimaan barang (${input.source}) dari ${input.supplier.trim()}`,
          documentRef: input.documentRef,
          ...(input.clock ? { clock: input.clock } : {}),
        },
        'receipt',
        1,
        `goods_receipt:${receipt.id}:receipt:${batch.id}`,
      );
      batchIds[index] = batch.id;
    }
    return { receiptId: receipt.id, batchIds };
  });
}

/** Adds a warehouse to a unit. */
export async function createWarehouse(
  db: Db,
  unitId: number,
  input: { code: string; name: string; address?: string },
): Promise<Warehouse> {
  const [row] = await db
    .insert(warehouses)
    .values({ unitId, code: input.code, name: input.name, address: input.address ?? '' })
    .returning();
  if (!row) throw new Error('insert warehouse failed');
  return { id: row.id, code: row.code, name: row.name, address: row.address, active: row.active };
}

/** Adds an item to a unit's catalogue. */
export async function createItem(db: Db, unitId: number, input: Omit<Item, 'id' | 'active'>): Promise<Item> {
  const [row] = await db
    .insert(stockItems)
    .values({ unitId, ...input })
    .returning();
  if (!row) throw new Error('insert item failed');
  return itemOf(row);
}

export interface StockDisagreement {
  kind: 'batch' | 'position' | 'running';
  warehouseId: number;
  itemId: number;
  batchId: number | null;
  movementId: number | null;
  /** What the balance row (or the ledger row) says, and what the ledger adds up to. */
  stored: { onHand: number; reserved: number };
  fromLedger: { onHand: number; reserved: number };
}

/**
 * Rebuilds every balance from the ledger and lists where they disagree: a batch's balance
 * against the sum of its movements, a position against its batches' movements, and each
 * movement's running balance against the sum of the movements of its item up to it.
 */
export async function checkStock(db: Db, unitId?: number): Promise<StockDisagreement[]> {
  const unit = (column: string) => (unitId === undefined ? sql`` : sql`AND ${sql.raw(column)} = ${unitId}`);
  type Row = Omit<StockDisagreement, 'stored' | 'fromLedger'> & {
    storedOnHand: number;
    storedReserved: number;
    ledgerOnHand: number;
    ledgerReserved: number;
  };
  const found = await rows<Row>(
    db,
    sql`WITH sums AS (
        SELECT batch_id, sum(on_hand_change)::int AS on_hand, sum(reserved_change)::int AS reserved
        FROM stock_movements WHERE true ${unit('unit_id')} GROUP BY batch_id
      )
      SELECT 'batch' AS kind, bal.warehouse_id AS "warehouseId", bal.item_id AS "itemId", bal.batch_id AS "batchId",
        NULL::bigint AS "movementId", bal.on_hand AS "storedOnHand", bal.reserved AS "storedReserved",
        coalesce(s.on_hand, 0) AS "ledgerOnHand", coalesce(s.reserved, 0) AS "ledgerReserved"
      FROM stock_balances bal LEFT JOIN sums s ON s.batch_id = bal.batch_id
      WHERE (bal.on_hand, bal.reserved) IS DISTINCT FROM (coalesce(s.on_hand, 0), coalesce(s.reserved, 0)) ${unit('bal.unit_id')}
      UNION ALL
      SELECT 'position', p.warehouse_id, p.item_id, NULL, NULL, p.on_hand, p.reserved,
        coalesce(l.on_hand, 0), coalesce(l.reserved, 0)
      FROM stock_positions p LEFT JOIN (
        SELECT warehouse_id, item_id, sum(on_hand_change)::int AS on_hand, sum(reserved_change)::int AS reserved
        FROM stock_movements WHERE true ${unit('unit_id')} GROUP BY warehouse_id, item_id
      ) l ON l.warehouse_id = p.warehouse_id AND l.item_id = p.item_id
      WHERE (p.on_hand, p.reserved) IS DISTINCT FROM (coalesce(l.on_hand, 0), coalesce(l.reserved, 0)) ${unit('p.unit_id')}
      UNION ALL
      SELECT 'running', r.warehouse_id, r.item_id, r.batch_id, r.id, r.on_hand_after, r.reserved_after,
        r.on_hand, r.reserved
      FROM (
        SELECT m.*, (sum(on_hand_change) OVER w)::int AS on_hand, (sum(reserved_change) OVER w)::int AS reserved
        FROM stock_movements m WHERE true ${unit('unit_id')}
        WINDOW w AS (PARTITION BY warehouse_id, item_id ORDER BY id)
      ) r
      WHERE (r.on_hand_after, r.reserved_after) IS DISTINCT FROM (r.on_hand, r.reserved)
      ORDER BY 2, 3, 4, 5`,
  );
  return found.map((r) => ({
    kind: r.kind,
    warehouseId: r.warehouseId,
    itemId: r.itemId,
    batchId: r.batchId,
    movementId: r.movementId === null ? null : Number(r.movementId),
    stored: { onHand: r.storedOnHand, reserved: r.storedReserved },
    fromLedger: { onHand: r.ledgerOnHand, reserved: r.ledgerReserved },
  }));
}
