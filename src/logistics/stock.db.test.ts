import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { TestClock } from '../core/clock.ts';
import { DomainError, type ValidationError } from '../core/errors.ts';
import { errorMessage } from '../core/i18n.ts';
import { type Database, type Db, rows } from '../db/client.ts';
import { messageParams } from '../http/errors.ts';
import {
  checkStock,
  createItem,
  createWarehouse,
  dispatchReserved,
  expiringBatches,
  listItems,
  postStockCount,
  receiveGoods,
  releaseStock,
  reserveStock,
  returnStock,
  stockCard,
  stockPosition,
  writeOffExpired,
  writeOffStock,
} from './stock.service.ts';

let t: Database & { url?: string };
let unitId: number;
let userId: number;
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const [unit] = await rows<{ id: number }>(t.db, sql`SELECT id FROM units WHERE code = 'banten'`);
  const [user] = await rows<{ id: number }>(
    t.db,
    sql`SELECT id FROM users WHERE username = 'banten.fungsional'`,
  );
  unitId = unit?.id ?? 0;
  userId = user?.id ?? 0;
});
afterAll(async () => t.close());

/** A warehouse and an item of its own for one test. */
async function fixture(db: Db = t.db) {
  n++;
  const warehouse = await createWarehouse(db, unitId, { code: `gudang-test-${n}`, name: `Gudang Uji ${n}` });
  const item = await createItem(db, unitId, {
    name: `Beras uji ${n}`,
    uom: 'kg',
    category: 'food',
    normPerPersonDay: 0.4,
    normUnit: 'kg',
    minimum: null,
  });
  return { warehouseId: warehouse.id, itemId: item.id };
}

async function receive(
  db: Db,
  f: { warehouseId: number; itemId: number },
  quantity: number,
  expiresOn: string | null = null,
) {
  const r = await receiveGoods(db, {
    unitId,
    warehouseId: f.warehouseId,
    source: 'kemensos',
    supplier: 'Kementerian Sosial',
    documentRef: `BAST/${n}/${quantity}`,
    receivedOn: '2026-11-01',
    lines: [{ itemId: f.itemId, quantity, expiresOn }],
    userId,
  });
  return r.batchIds[0] ?? 0;
}

const caseSource = (id: number) => ({ kind: 'case' as const, id, ref: `RQ-${id}` });
const reserve = (
  db: Db,
  f: { warehouseId: number; itemId: number },
  caseId: number,
  quantity: number,
  clock?: TestClock,
) =>
  db.transaction((tx) =>
    reserveStock(tx, {
      unitId,
      warehouseId: f.warehouseId,
      lines: [{ itemId: f.itemId, quantity }],
      source: caseSource(caseId),
      userId,
      reason: 'Disetujui Kepala Bidang',
      ...(clock ? { clock } : {}),
    }),
  );
const dispatch = (db: Db, caseId: number) =>
  db.transaction((tx) =>
    dispatchReserved(tx, {
      unitId,
      source: caseSource(caseId),
      userId,
      reason: 'Dikirim',
      documentRef: `SJ/${caseId}`,
    }),
  );

async function position(db: Db, f: { warehouseId: number; itemId: number }) {
  const all = await stockPosition(db, unitId, f.warehouseId);
  return all.find((p) => p.itemId === f.itemId);
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('the stock ledger', () => {
  it('reserves first expiry first out across batches, never an expired one', async () => {
    const f = await fixture();
    const clock = new TestClock(Date.parse('2026-12-01T03:00:00Z') - Date.now());
    const late = await receive(t.db, f, 10, '2027-06-30');
    const expired = await receive(t.db, f, 10, '2026-11-30');
    const soon = await receive(t.db, f, 4, '2027-01-31');
    const none = await receive(t.db, f, 5, null);
    const allocations = await reserve(t.db, f, 9001, 15, clock);
    expect(allocations.map((a) => [a.batchId, a.quantity])).toEqual([
      [soon, 4],
      [late, 10],
      [none, 1],
    ]);
    expect(allocations.some((a) => a.batchId === expired)).toBe(false);
    expect(
      await stockPosition(t.db, unitId, f.warehouseId, clock).then((p) =>
        p.find((r) => r.itemId === f.itemId),
      ),
    ).toMatchObject({ onHand: 29, reserved: 15, available: 4, expired: 10, nearestExpiry: null });
  });

  it('refuses a reservation beyond what is available, naming wanted and available, and changes nothing', async () => {
    const f = await fixture();
    await receive(t.db, f, 7);
    const error = await reserve(t.db, f, 9002, 8).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('stock.insufficient');
    expect((error as DomainError).details.shortages).toEqual([
      { id: f.itemId, itemId: f.itemId, wanted: 8, available: 7, text: `Beras uji ${n}: 8 → 7 kg` },
    ]);
    expect(await position(t.db, f)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
  });

  it('dispatches what was reserved, releases on rejection, and refuses a second reservation', async () => {
    const f = await fixture();
    await receive(t.db, f, 10);
    await reserve(t.db, f, 9003, 6);
    expect(await code(reserve(t.db, f, 9003, 1))).toBe('stock.already_reserved');
    const sent = await dispatch(t.db, 9003);
    expect(sent.map((a) => a.quantity)).toEqual([6]);
    expect(await code(dispatch(t.db, 9003))).toBe('stock.nothing_reserved');
    await reserve(t.db, f, 9004, 3);
    const released = await t.db.transaction((tx) =>
      releaseStock(tx, { unitId, source: caseSource(9004), userId, reason: 'Ditolak' }),
    );
    expect(released.map((a) => a.quantity)).toEqual([3]);
    expect(await position(t.db, f)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });

  it('returns to a batch and writes off only what is not reserved', async () => {
    const f = await fixture();
    const batch = await receive(t.db, f, 5);
    await reserve(t.db, f, 9005, 3);
    const writeOff = (quantity: number) =>
      t.db.transaction((tx) =>
        writeOffStock(tx, {
          unitId,
          batchId: batch,
          quantity,
          source: { kind: 'manual', id: batch },
          userId,
          reason: 'Rusak',
        }),
      );
    expect(await code(writeOff(3))).toBe('stock.insufficient');
    expect(await code(writeOff(2))).toBe('ok');
    const giveBack = (...quantities: number[]) =>
      t.db.transaction((tx) =>
        returnStock(tx, {
          unitId,
          source: caseSource(9005),
          userId,
          lines: quantities.map((quantity) => ({ batchId: batch, quantity, reason: 'Kurang terima' })),
        }),
      );
    // Only what the request dispatched can come back: reserved is not sent.
    expect(await code(giveBack(1))).toBe('stock.return_exceeds');
    await dispatch(t.db, 9005);
    expect(await position(t.db, f)).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
    expect(await code(giveBack(1))).toBe('ok');
    expect(await code(giveBack(3))).toBe('stock.return_exceeds');
    // Two lines of one batch are counted together, and a refusal posts neither.
    const both = await giveBack(1, 2).catch((e: unknown) => e);
    expect(both).toMatchObject({
      code: 'stock.return_exceeds',
      details: { line: 1, wanted: 3, returnable: 2 },
    });
    expect(await position(t.db, f)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(await code(giveBack(1, 1))).toBe('ok');
    expect(await position(t.db, f)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });

  it('keeps the ledger append-only and lists the catalogue', async () => {
    const error = await t.db.execute(sql`UPDATE stock_movements SET quantity = 1`).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause)).toMatch(/append-only/);
    const items = await listItems(t.db, unitId);
    expect(items.some((i) => i.name === `Beras uji ${n}`)).toBe(true);
  });

  it('refuses an item of another unit', async () => {
    const f = await fixture();
    const [other] = await rows<{ id: number }>(t.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
    const wh = await createWarehouse(t.db, other?.id ?? 0, { code: `lain-${n}`, name: 'Gudang lain' });
    expect(await code(reserve(t.db, { warehouseId: wh.id, itemId: f.itemId }, 9006, 1))).toBe(
      'stock.not_found',
    );
  });

  it('holds each stock row to its place, however it is written', async () => {
    const f = await fixture();
    const g = await fixture();
    const batch = await receive(t.db, f, 10);
    const [other] = await rows<{ id: number }>(t.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await t.db.execute(statement).catch((e: unknown) => e);
      return String((error as { cause?: unknown }).cause ?? error);
    };
    const ledgerRow = (itemId: number, unit: number) =>
      sql`INSERT INTO stock_movements (unit_id, warehouse_id, item_id, batch_id, kind, quantity, on_hand_change,
          reserved_change, on_hand_after, reserved_after, reason, source_kind, source_id, idempotency_key)
        VALUES (${unit}, ${f.warehouseId}, ${itemId}, ${batch}, 'adjustment', 1, 1, 0, 11, 0, 'uji', 'manual', 1,
          ${`place-${itemId}-${unit}`})`;
    // A ledger row naming another item, or another unit, than its batch's.
    expect(await refused(ledgerRow(g.itemId, unitId))).toMatch(/stock_movements_batch_place/);
    expect(await refused(ledgerRow(f.itemId, other?.id ?? 0))).toMatch(/stock_movements_batch_place/);
    // A balance of the batch in another warehouse.
    expect(
      await refused(sql`UPDATE stock_balances SET warehouse_id = ${g.warehouseId} WHERE batch_id = ${batch}`),
    ).toMatch(/stock_balances_batch_place/);
    // A batch or a position of this unit's item in another unit.
    expect(
      await refused(sql`INSERT INTO stock_batches (unit_id, item_id, warehouse_id, source)
        VALUES (${other?.id ?? 0}, ${f.itemId}, ${f.warehouseId}, 'donation')`),
    ).toMatch(/stock_batches_item/);
    expect(
      await refused(sql`INSERT INTO stock_positions (warehouse_id, item_id, unit_id)
        VALUES (${g.warehouseId}, ${f.itemId}, ${other?.id ?? 0})`),
    ).toMatch(/stock_positions_item/);
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });
});

describe('counts, expiry and the stock card', () => {
  it('posts the differences of a count as adjustments and refuses counting below what is reserved', async () => {
    const f = await fixture();
    const a = await receive(t.db, f, 10);
    const b = await receive(t.db, f, 6);
    await reserve(t.db, f, 9101, 8);
    const result = await postStockCount(t.db, {
      unitId,
      warehouseId: f.warehouseId,
      countedOn: '2026-12-01',
      reason: 'Stock opname semester II',
      lines: [
        { batchId: a, counted: 9 },
        { batchId: b, counted: 8 },
      ],
      userId,
    });
    expect(result.adjustments).toBe(2);
    expect(await position(t.db, f)).toMatchObject({ onHand: 17, reserved: 8, available: 9 });
    const lines = await rows<{ expected: number; counted: number }>(
      t.db,
      sql`SELECT expected, counted FROM stock_count_lines WHERE count_id = ${result.countId} ORDER BY batch_id`,
    );
    expect(lines).toEqual([
      { expected: 10, counted: 9 },
      { expected: 6, counted: 8 },
    ]);
    const below = postStockCount(t.db, {
      unitId,
      warehouseId: f.warehouseId,
      countedOn: '2026-12-01',
      reason: 'Hitung ulang',
      lines: [
        { batchId: b, counted: 7 },
        { batchId: a, counted: 1 },
      ],
      userId,
    });
    // Refused on the line, naming the request that holds the goods, and nothing posted.
    const refused = await below.then(
      () => [],
      (e: unknown) => (e as ValidationError).problems,
    );
    expect(refused.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'lines[1].counted',
        message:
          'lebih kecil dari yang dipesan (8) oleh permohonan RQ-9101 (8); kirim atau lepaskan pesanan itu dahulu',
      },
    ]);
    expect(await position(t.db, f)).toMatchObject({ onHand: 17, reserved: 8, available: 9 });
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });

  it('lists expiring batches by band and writes off the expired ones', async () => {
    const f = await fixture();
    const clock = new TestClock(Date.parse('2026-12-01T03:00:00Z') - Date.now());
    const expired = await receive(t.db, f, 3, '2026-11-20');
    const week = await receive(t.db, f, 4, '2026-12-06');
    const month = await receive(t.db, f, 5, '2026-12-25');
    await receive(t.db, f, 6, '2027-06-01');
    const listed = (await expiringBatches(t.db, unitId, clock)).filter((x) => x.itemId === f.itemId);
    expect(listed.map((x) => [x.batchId, x.band, x.daysLeft])).toEqual([
      [expired, 'expired', -11],
      [week, '7', 5],
      [month, '30', 24],
    ]);
    const written = await writeOffExpired(t.db, { unitId, userId, reason: 'Kedaluwarsa', clock });
    expect(written.filter((w) => w.batchId === expired)).toEqual([{ batchId: expired, quantity: 3 }]);
    expect(await position(t.db, f)).toMatchObject({ onHand: 15 });
    const card = await stockCard(t.db, unitId, f.warehouseId, f.itemId);
    expect(card.map((c) => [c.kind, c.onHandChange, c.onHandAfter])).toEqual([
      ['receipt', 3, 3],
      ['receipt', 4, 7],
      ['receipt', 5, 12],
      ['receipt', 6, 18],
      ['write_off', -3, 15],
    ]);
    expect(card[4]?.userName).toBeTruthy();
  });
});

describe('the refusal a user reads', () => {
  it('names each short item with what was wanted and what is available, in both languages', async () => {
    const f = await fixture();
    await receive(t.db, f, 2);
    const error = (await reserve(t.db, f, 9201, 5).catch((e: unknown) => e)) as DomainError;
    const params = messageParams(error.details, 'id', {});
    expect(errorMessage(error.code, 'id', params)).toBe(
      `Stok tidak cukup (diminta → tersedia): Beras uji ${n}: 5 → 2 kg.`,
    );
    expect(errorMessage(error.code, 'en', messageParams(error.details, 'en', {}))).toBe(
      `Not enough stock (wanted → available): Beras uji ${n}: 5 → 2 kg.`,
    );
  });
});
