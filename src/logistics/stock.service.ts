/**
 * The stock ledger of relief logistics (DOMAIN.md §8; DESIGN.md "Ledgers, not counters"). Every
 * change of stock is a row of the append-only `stock_movements`; the balances beside it (per
 * batch, and per item in a warehouse) change in the same statement, conditionally, under
 * `CHECK`s that keep them from going negative, and `jaring stock check` rebuilds them from it.
 * Each posting first locks the item in its warehouse (its position row, created when missing),
 * items in a fixed order, so that concurrent postings of one item queue and never deadlock.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { type Db, rows } from '../db/client.ts';
import {
  type BatchRow,
  findBatch,
  holdingsOf,
  itemLabels,
  lockPosition,
  post,
  raisedCode,
  reservationsOn,
  reserveInDatabase,
  returnableOf,
  settleInDatabase,
  unitDay,
} from './stock.repository.ts';
import type { Allocation, Item, PositionRow, Warehouse } from './stock.schema.ts';
import {
  goodsReceipts,
  type MovementKind,
  type ReceiptSource,
  type SourceKind,
  stockBalances,
  stockCountLines,
  stockCounts,
  stockItems,
  warehouses,
} from './stock.tables.ts';

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

function checkReason(reason: string, problems: Problem[], path = 'reason') {
  if (reason.trim().length === 0)
    problems.push(problemIn(path, { id: 'alasan wajib diisi', en: 'a reason is required' }));
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
/** How the ledger's reason names where goods came from; the kartu stok prints it as written. */
const receiptSourceWords: Record<ReceiptSource, string> = {
  procurement: 'pengadaan',
  kemensos: 'bantuan Kemensos',
  donation: 'donasi',
  opening: 'saldo awal',
};

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
  const now = new Date((input.clock ?? systemClock).now());
  const lines = [...wanted.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([itemId, quantity]) => ({ itemId, quantity }));
  const found = await reserveInDatabase(tx, { ...input, lines, now }).catch((error: unknown) => {
    throw asDomainError(error, input);
  });
  const short = found.filter((r) => r.batchId === null);
  if (short.length > 0)
    throw await insufficient(
      tx,
      input.unitId,
      short.map((r) => ({ itemId: r.itemId, wanted: r.wanted ?? 0, available: r.available ?? 0 })),
    );
  return found.map((r) => ({
    batchId: r.batchId ?? 0,
    itemId: r.itemId,
    quantity: r.quantity,
    expiresOn: r.expiresOn,
  }));
}

/** A stock code raised by a posting function as the domain error it stands for. */
function asDomainError(error: unknown, input: { source: StockSource }): unknown {
  const raised = raisedCode(error);
  if (raised === null) return error;
  return new DomainError(
    raised,
    raised === 'stock.insufficient' ? { shortages: [] } : { source: sourceKey(input.source) },
  );
}

async function settle(
  tx: Db,
  input: PostingInput & { documentRef?: string },
  kind: 'release' | 'dispatch',
): Promise<Allocation[]> {
  const now = new Date((input.clock ?? systemClock).now());
  return settleInDatabase(tx, { ...input, kind, now, documentRef: input.documentRef ?? '' }).catch(
    (error: unknown) => {
      throw asDomainError(error, input);
    },
  );
}

/** Releases everything a source holds reserved (a rejected or withdrawn request); none: nothing. */
export async function releaseStock(tx: Db, input: PostingInput): Promise<Allocation[]> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  return settle(tx, input, 'release');
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
  const sent = await settle(tx, input, 'dispatch');
  if (sent.length === 0) throw new DomainError('stock.nothing_reserved', { source: sourceKey(input.source) });
  return sent;
}

type BatchPosting = PostingInput & { batchId: number; quantity: number; documentRef?: string };

function checkPosting(input: { reason: string; quantity: number }, prefix = '', problems: Problem[] = []) {
  checkReason(input.reason, problems, `${prefix}reason`);
  checkQuantity(input.quantity, `${prefix}quantity`, problems);
  return problems;
}

/**
 * Finds a batch of the unit and locks its item in its warehouse (`lockPosition`; `create` only
 * for a receipt, whose item may never have been stocked there). Its balance is as read before
 * the lock: a posting's own condition guards the quantity.
 */
async function holdBatch(tx: Db, unitId: number, batchId: number, create = false): Promise<BatchRow> {
  const found = await findBatch(tx, unitId, batchId);
  if (!found) throw new DomainError('stock.not_found', { batchId });
  await lockPosition(tx, unitId, found.warehouseId, found.itemId, create);
  return found;
}

/** A movement of a held batch by a quantity (receipt, return, write-off, adjustment). */
async function postOnHeld(
  tx: Db,
  held: BatchRow,
  input: BatchPosting,
  kind: 'return' | 'write_off' | 'adjustment' | 'receipt',
  sign: 1 | -1,
  idempotencyKey?: string,
): Promise<void> {
  const key =
    idempotencyKey ??
    `${sourceKey(input.source)}:${kind}:${held.batchId}:${(await holdingsOf(tx, input.unitId, input.source)).movements}`;
  const ok = await post(tx, {
    unitId: input.unitId,
    warehouseId: held.warehouseId,
    itemId: held.itemId,
    batchId: held.batchId,
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
    const now = await findBatch(tx, input.unitId, held.batchId);
    throw await insufficient(tx, input.unitId, [
      { itemId: held.itemId, wanted: input.quantity, available: now ? now.onHand - now.reserved : 0 },
    ]);
  }
}

/** A movement of one batch by a quantity, inside its item's lock. */
async function postOnBatch(
  tx: Db,
  input: BatchPosting,
  kind: 'write_off' | 'adjustment' | 'receipt',
  sign: 1 | -1,
  idempotencyKey?: string,
): Promise<void> {
  const problems = checkPosting(input);
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const held = await holdBatch(tx, input.unitId, input.batchId, kind === 'receipt');
  await postOnHeld(tx, held, input, kind, sign, idempotencyKey);
}

/** A line of goods brought back to a batch (see `returnStock`). */
export interface ReturnLine {
  batchId: number;
  quantity: number;
  reason: string;
  /** Written off once it is back (damaged or lost goods): the ledger shows both. */
  writeOff?: boolean;
}

/** A line a source cannot bring back: `returnable` is null when it sent nothing from the batch. */
export interface ReturnRefusal {
  line: number;
  batchId: number;
  /** With the lines of the same batch before it. */
  wanted: number;
  returnable: number | null;
}

/** The rule of returns: a source brings back to a batch at most what it sent from it, less returns. */
function refusalsOf(
  returnable: Map<number, number>,
  lines: readonly { batchId: number; quantity: number }[],
): ReturnRefusal[] {
  const claimed = new Map<number, number>();
  const refused: ReturnRefusal[] = [];
  lines.forEach((l, line) => {
    const left = returnable.get(l.batchId);
    const wanted = (claimed.get(l.batchId) ?? 0) + l.quantity;
    claimed.set(l.batchId, wanted);
    if (left === undefined || wanted > left)
      refused.push({ line, batchId: l.batchId, wanted, returnable: left ?? null });
  });
  return refused;
}

/**
 * The lines `returnStock` would refuse now, for a form to place its refusal on them before
 * anything is numbered. Read without the items' locks: the caller holds its source (the case).
 */
export async function refusedReturns(
  tx: Db,
  unitId: number,
  source: StockSource,
  lines: readonly { batchId: number; quantity: number }[],
): Promise<ReturnRefusal[]> {
  return refusalsOf(await returnableOf(tx, unitId, source), lines);
}

/**
 * Puts goods back on their batches (a shortfall at handover, goods brought back), writing off
 * the damaged or lost ones after: only what the source dispatched from a batch and has not yet returned,
 * checked inside the items' locks, so that no return makes stock that never left.
 */
export async function returnStock(
  tx: Db,
  input: Omit<PostingInput, 'reason'> & { documentRef?: string; lines: readonly ReturnLine[] },
): Promise<{ returned: number; writtenOff: number }> {
  const problems: Problem[] = [];
  input.lines.forEach((l, i) => {
    checkPosting(l, `lines[${i}].`, problems);
  });
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  const held = new Map<number, BatchRow>();
  for (const batchId of new Set(input.lines.map((l) => l.batchId))) {
    const found = await findBatch(tx, input.unitId, batchId);
    if (!found) throw new DomainError('stock.not_found', { batchId });
    held.set(batchId, found);
  }
  // By warehouse, then item: the order stock_settle locks them in, so the two never deadlock.
  const items = [...new Map([...held.values()].map((b) => [`${b.warehouseId}:${b.itemId}`, b])).values()];
  for (const b of items.sort((x, y) => x.warehouseId - y.warehouseId || x.itemId - y.itemId))
    await lockPosition(tx, input.unitId, b.warehouseId, b.itemId, false);
  const [refused] = await refusedReturns(tx, input.unitId, input.source, input.lines);
  if (refused)
    throw new DomainError('stock.return_exceeds', {
      line: refused.line,
      batchId: refused.batchId,
      wanted: refused.wanted,
      returnable: refused.returnable ?? 0,
    });
  const { lines, ...common } = input;
  let returned = 0;
  let writtenOff = 0;
  for (const line of lines) {
    const batch = held.get(line.batchId);
    if (!batch) continue;
    const posting = { ...common, batchId: line.batchId, quantity: line.quantity, reason: line.reason };
    await postOnHeld(tx, batch, posting, 'return', 1);
    returned += line.quantity;
    if (line.writeOff) {
      await postOnHeld(tx, batch, posting, 'write_off', -1);
      writtenOff += line.quantity;
    }
  }
  return { returned, writtenOff };
}

/** Takes goods off a batch for good (expired, damaged, lost), with the reason; never reserved stock. */
export async function writeOffStock(tx: Db, input: BatchPosting): Promise<void> {
  await postOnBatch(tx, input, 'write_off', -1);
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
    /** Who receives, for the audit log; absent for the demo seed. */
    actor?: Actor;
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
  const day = await unitDay(db, input.unitId, new Date((input.clock ?? systemClock).now()));
  if (day === undefined) throw new DomainError('stock.not_found', { unitId: input.unitId });
  if (input.receivedOn > day)
    problems.push(
      problemIn('receivedOn', {
        id: `tanggal terima (${input.receivedOn}) sesudah hari ini (${day})`,
        en: `the date received (${input.receivedOn}) is after today (${day})`,
      }),
    );
  input.lines.forEach((l, i) => {
    if (l.expiresOn && l.expiresOn < input.receivedOn)
      problems.push(
        problemIn(`lines[${i}].expiresOn`, {
          id: `sudah kedaluwarsa (${l.expiresOn}) pada tanggal terima: barang kedaluwarsa tidak diterima sebagai stok`,
          en: `already expired (${l.expiresOn}) on the date received: expired goods are not taken into stock`,
        }),
      );
  });
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  await checkWarehouse(db, input.unitId, input.warehouseId);
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
          reason: `Penerimaan barang ${receiptSourceWords[input.source]} dari ${input.supplier.trim()}`,
          documentRef: input.documentRef,
          ...(input.clock ? { clock: input.clock } : {}),
        },
        'receipt',
        1,
        `goods_receipt:${receipt.id}:receipt:${batch.id}`,
      );
      batchIds[index] = batch.id;
    }
    if (input.actor)
      await recordAudit(tx, input.actor, {
        action: 'stock.receive',
        entity: 'stock_goods_receipt',
        entityId: receipt.id,
        unitId: input.unitId,
        after: { source: input.source, documentRef: input.documentRef, lines: input.lines, batchIds },
      });
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

/** Adds an item to a unit's catalogue (audited when an actor is given). */
export async function createItem(
  db: Db,
  unitId: number,
  input: Omit<Item, 'id' | 'active'>,
  actor?: Actor,
): Promise<Item> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stockItems)
      .values({ unitId, ...input })
      .returning();
    if (!row) throw new Error('insert item failed');
    if (actor)
      await recordAudit(tx, actor, {
        action: 'stock.item_create',
        entity: 'stock_item',
        entityId: row.id,
        unitId,
        after: input,
      });
    return itemOf(row);
  });
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

/** The unit's warehouses, by name. */
export async function listWarehouses(db: Db, unitId: number): Promise<Warehouse[]> {
  const found = await db
    .select()
    .from(warehouses)
    .where(eq(warehouses.unitId, unitId))
    .orderBy(asc(warehouses.name));
  return found.map((w) => ({ id: w.id, code: w.code, name: w.name, address: w.address, active: w.active }));
}

export interface CountLine {
  batchId: number;
  counted: number;
  note?: string;
}

/**
 * Posts a stock count (stock opname) of a warehouse: records the counted quantity of each
 * batch beside what the books said (read under the item's lock), and posts every difference as
 * an adjustment with the count's reason. A count below what is reserved is refused.
 */
export async function postStockCount(
  db: Db,
  input: {
    unitId: number;
    warehouseId: number;
    countedOn: string;
    reason: string;
    lines: CountLine[];
    userId: number | null;
    clock?: Clock;
    actor?: Actor;
  },
): Promise<{ countId: number; adjustments: number }> {
  const problems: Problem[] = [];
  checkReason(input.reason, problems);
  if (input.lines.length === 0)
    problems.push(problemIn('lines', { id: 'tidak ada batch yang dihitung', en: 'no batches are counted' }));
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    if (!Number.isSafeInteger(l.counted) || l.counted < 0)
      problems.push(
        problemIn(`lines[${i}].counted`, {
          id: 'jumlah hitung harus bilangan bulat 0 atau lebih',
          en: 'the counted quantity must be a whole number, 0 or more',
        }),
      );
    if (seen.has(l.batchId))
      problems.push(
        problemIn(`lines[${i}].batchId`, { id: 'batch dihitung dua kali', en: 'batch counted twice' }),
      );
    seen.add(l.batchId);
  });
  if (problems.length > 0) throw new ValidationError('stock.invalid', problems);
  return db.transaction(async (tx) => {
    const [count] = await tx
      .insert(stockCounts)
      .values({
        unitId: input.unitId,
        warehouseId: input.warehouseId,
        countedOn: input.countedOn,
        reason: input.reason.trim(),
        countedBy: input.userId,
      })
      .returning({ id: stockCounts.id });
    if (!count) throw new Error('insert count failed');
    const batches = [];
    for (const line of input.lines) {
      const found = await findBatch(tx, input.unitId, line.batchId);
      if (!found || found.warehouseId !== input.warehouseId)
        throw new DomainError('stock.not_found', { batchId: line.batchId });
      batches.push({ line, found, index: batches.length });
    }
    batches.sort((a, b) => a.found.itemId - b.found.itemId || a.found.batchId - b.found.batchId);
    let adjustments = 0;
    const below: Problem[] = [];
    for (const { line, found, index } of batches) {
      await lockPosition(tx, input.unitId, found.warehouseId, found.itemId, false);
      const now = await findBatch(tx, input.unitId, line.batchId);
      if (!now) throw new DomainError('stock.not_found', { batchId: line.batchId });
      // Goods reserved for a request cannot be counted away: the refusal names who holds them.
      if (line.counted < now.reserved) {
        const holders = (await reservationsOn(tx, line.batchId))
          .map((h) => `${h.ref || `#${h.id}`} (${h.reserved})`)
          .join(', ');
        below.push(
          problemIn(`lines[${index}].counted`, {
            id: `lebih kecil dari yang dipesan (${now.reserved}) oleh permohonan ${holders}; kirim atau lepaskan pesanan itu dahulu`,
            en: `below what is reserved (${now.reserved}) by request ${holders}; ship or release that reservation first`,
          }),
        );
        continue;
      }
      const expected = now.onHand;
      await tx.insert(stockCountLines).values({
        countId: count.id,
        batchId: line.batchId,
        expected,
        counted: line.counted,
        note: line.note ?? '',
      });
      const difference = line.counted - expected;
      if (difference === 0) continue;
      await postOnHeld(
        tx,
        now,
        {
          unitId: input.unitId,
          batchId: line.batchId,
          quantity: Math.abs(difference),
          source: { kind: 'count', id: count.id },
          userId: input.userId,
          reason: `Stok opname ${input.countedOn}: ${input.reason.trim()}`,
          ...(input.clock ? { clock: input.clock } : {}),
        },
        'adjustment',
        difference > 0 ? 1 : -1,
        `count:${count.id}:adjustment:${line.batchId}`,
      );
      adjustments++;
    }
    if (below.length > 0) throw new ValidationError('stock.invalid', below);
    if (input.actor)
      await recordAudit(tx, input.actor, {
        action: 'stock.count',
        entity: 'stock_count',
        entityId: count.id,
        unitId: input.unitId,
        after: {
          warehouseId: input.warehouseId,
          countedOn: input.countedOn,
          lines: input.lines,
          adjustments,
        },
      });
    return { countId: count.id, adjustments };
  });
}

/** A batch that has expired or expires within `days` of the unit's today. */
export interface ExpiringBatch {
  batchId: number;
  itemId: number;
  itemName: string;
  uom: string;
  warehouseId: number;
  warehouseName: string;
  lot: string;
  expiresOn: string;
  onHand: number;
  reserved: number;
  /** Days from today to the expiry date; negative when past it. */
  daysLeft: number;
  /** The alert band of DOMAIN.md §8: expired, or within 7, 14 or 30 days. */
  band: 'expired' | '7' | '14' | '30';
}

/** Batches with stock that have expired or expire within 30 days, soonest first. */
export async function expiringBatches(
  db: Db,
  unitId: number,
  clock: Clock = systemClock,
): Promise<ExpiringBatch[]> {
  const now = new Date(clock.now()).toISOString();
  const found = await rows<Omit<ExpiringBatch, 'band'>>(
    db,
    sql`WITH t AS (SELECT (${now}::timestamptz AT TIME ZONE time_zone)::date AS today FROM units WHERE id = ${unitId})
      SELECT b.id AS "batchId", i.id AS "itemId", i.name AS "itemName", i.uom, w.id AS "warehouseId",
        w.name AS "warehouseName", b.lot, b.expires_on::text AS "expiresOn", bal.on_hand AS "onHand", bal.reserved,
        (b.expires_on - t.today)::int AS "daysLeft"
      FROM t CROSS JOIN stock_batches b
      JOIN stock_balances bal ON bal.batch_id = b.id
      JOIN stock_items i ON i.id = b.item_id
      JOIN stock_warehouses w ON w.id = b.warehouse_id
      WHERE b.unit_id = ${unitId} AND bal.on_hand > 0 AND b.expires_on <= t.today + 30
      ORDER BY b.expires_on, i.name, b.id`,
  );
  return found.map((b) => ({
    ...b,
    band: b.daysLeft < 0 ? 'expired' : b.daysLeft <= 7 ? '7' : b.daysLeft <= 14 ? '14' : '30',
  }));
}

/**
 * Writes off what is left of every expired batch of the unit (not reserved stock: a reservation
 * on an expired batch is released by its request first). Returns the batches written off.
 */
export async function writeOffExpired(
  db: Db,
  input: { unitId: number; userId: number | null; reason: string; clock?: Clock; actor?: Actor },
): Promise<{ batchId: number; quantity: number }[]> {
  const expired = (await expiringBatches(db, input.unitId, input.clock)).filter(
    (b) => b.band === 'expired' && b.onHand > b.reserved,
  );
  return db.transaction(async (tx) => {
    const out: { batchId: number; quantity: number }[] = [];
    for (const b of expired.sort((x, y) => x.itemId - y.itemId || x.batchId - y.batchId)) {
      await postOnBatch(
        tx,
        {
          unitId: input.unitId,
          batchId: b.batchId,
          quantity: b.onHand - b.reserved,
          source: { kind: 'manual', id: b.batchId, ref: `expired ${b.expiresOn}` },
          userId: input.userId,
          reason: input.reason,
          ...(input.clock ? { clock: input.clock } : {}),
        },
        'write_off',
        -1,
      );
      out.push({ batchId: b.batchId, quantity: b.onHand - b.reserved });
    }
    if (input.actor && out.length > 0)
      await recordAudit(tx, input.actor, {
        action: 'stock.write_off_expired',
        entity: 'stock_batch',
        unitId: input.unitId,
        after: { reason: input.reason, batches: out },
      });
    return out;
  });
}

/** A line of the stock card (kartu stok): a movement with the item's balance after it. */
export interface CardLine {
  id: number;
  at: string;
  kind: MovementKind;
  batchId: number;
  expiresOn: string | null;
  /** Into the warehouse (> 0) or out of it (< 0); 0 for reservations and releases. */
  onHandChange: number;
  reservedChange: number;
  onHandAfter: number;
  reservedAfter: number;
  reason: string;
  sourceKind: SourceKind;
  sourceId: number;
  sourceRef: string;
  documentRef: string;
  userName: string | null;
}

/** The stock card of an item in a warehouse: its movements, oldest first, with running balance. */
export async function stockCard(
  db: Db,
  unitId: number,
  warehouseId: number,
  itemId: number,
  limit = 5000,
): Promise<CardLine[]> {
  const found = await rows<CardLine>(
    db,
    sql`SELECT m.id::int AS id, to_char(m.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, m.kind,
        m.batch_id AS "batchId", b.expires_on::text AS "expiresOn", m.on_hand_change AS "onHandChange",
        m.reserved_change AS "reservedChange", m.on_hand_after AS "onHandAfter", m.reserved_after AS "reservedAfter",
        m.reason, m.source_kind AS "sourceKind", m.source_id AS "sourceId", m.source_ref AS "sourceRef",
        m.document_ref AS "documentRef", u.name AS "userName"
      FROM stock_movements m
      JOIN stock_batches b ON b.id = m.batch_id
      LEFT JOIN users u ON u.id = m.user_id
      WHERE m.unit_id = ${unitId} AND m.warehouse_id = ${warehouseId} AND m.item_id = ${itemId}
      ORDER BY m.id
      LIMIT ${limit}`,
  );
  return found;
}

/** The stock card with its item and warehouse; refuses either when it is not the unit's. */
export async function cardOf(db: Db, unitId: number, warehouseId: number, itemId: number) {
  const [item] = await db
    .select()
    .from(stockItems)
    .where(and(eq(stockItems.id, itemId), eq(stockItems.unitId, unitId)));
  const [warehouse] = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.unitId, unitId)));
  if (!item || !warehouse) throw new DomainError('stock.not_found', { itemId, warehouseId });
  return {
    item: itemOf(item),
    warehouse: {
      id: warehouse.id,
      code: warehouse.code,
      name: warehouse.name,
      address: warehouse.address,
      active: warehouse.active,
    },
    lines: await stockCard(db, unitId, warehouseId, itemId),
  };
}

/** Refuses a warehouse that is not the unit's. */
export async function checkWarehouse(db: Db, unitId: number, warehouseId: number): Promise<void> {
  const [found] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.unitId, unitId)));
  if (!found) throw new DomainError('stock.not_found', { warehouseId });
}

export interface BatchOnHand {
  batchId: number;
  itemId: number;
  itemName: string;
  uom: string;
  lot: string;
  expiresOn: string | null;
  onHand: number;
  reserved: number;
}

/** The batches of a warehouse that hold stock, as the books say: the sheet of a stock count. */
export async function batchesOf(db: Db, unitId: number, warehouseId: number): Promise<BatchOnHand[]> {
  await checkWarehouse(db, unitId, warehouseId);
  return rows<BatchOnHand>(
    db,
    sql`SELECT b.id AS "batchId", i.id AS "itemId", i.name AS "itemName", i.uom, b.lot,
        b.expires_on::text AS "expiresOn", bal.on_hand AS "onHand", bal.reserved
      FROM stock_batches b
      JOIN stock_balances bal ON bal.batch_id = b.id
      JOIN stock_items i ON i.id = b.item_id
      WHERE b.unit_id = ${unitId} AND b.warehouse_id = ${warehouseId} AND (bal.on_hand > 0 OR bal.reserved > 0)
      ORDER BY i.name, b.expires_on NULLS LAST, b.id`,
  );
}
