/**
 * The anchors' public bugs as tests (DOMAIN.md §8), with real parallel connections on
 * PostgreSQL (one pool of 24); the twenty reservations also run on PGlite, whose single
 * connection serialises transactions.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { DomainError } from '../core/errors.ts';
import { type Database, type Db, openDatabase, rows } from '../db/client.ts';
import {
  checkStock,
  createItem,
  createWarehouse,
  dispatchReserved,
  receiveGoods,
  reserveStock,
} from './stock.service.ts';

let t: Database & { url?: string };
/** On PostgreSQL a pool of its own, wide enough for every client at once. */
let wide: Database | undefined;
let unitId: number;
let userId: number;
let n = 0;
const postgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  t = await createTestDatabase();
  if (t.url) wide = await openDatabase({ url: t.url, poolSize: 24 });
  const [unit] = await rows<{ id: number }>(t.db, sql`SELECT id FROM units WHERE code = 'banten'`);
  const [user] = await rows<{ id: number }>(
    t.db,
    sql`SELECT id FROM users WHERE username = 'banten.fungsional'`,
  );
  unitId = unit?.id ?? 0;
  userId = user?.id ?? 0;
});
afterAll(async () => {
  await wide?.close();
  await t.close();
});

const db = (): Db => wide?.db ?? t.db;

async function fixture() {
  n++;
  const warehouse = await createWarehouse(t.db, unitId, { code: `race-${n}`, name: `Gudang Balapan ${n}` });
  const item = await createItem(t.db, unitId, {
    name: `Selimut uji ${n}`,
    uom: 'lembar',
    category: 'bedding',
    normPerPersonDay: null,
    normUnit: null,
    minimum: null,
  });
  return { warehouseId: warehouse.id, itemId: item.id };
}

const receive = (d: Db, f: { warehouseId: number; itemId: number }, quantity: number, ref: string) =>
  receiveGoods(d, {
    unitId,
    warehouseId: f.warehouseId,
    source: 'donation',
    supplier: 'Donatur',
    documentRef: ref,
    receivedOn: '2026-11-01',
    lines: [{ itemId: f.itemId, quantity }],
    userId,
  });

/** Reserve and dispatch in one transaction, as an approval followed by a shipment would. */
const takeOut = (d: Db, f: { warehouseId: number; itemId: number }, caseId: number, quantity: number) =>
  d.transaction(async (tx) => {
    const source = { kind: 'case' as const, id: caseId };
    await reserveStock(tx, {
      unitId,
      warehouseId: f.warehouseId,
      lines: [{ itemId: f.itemId, quantity }],
      source,
      userId,
      reason: 'Disetujui',
    });
    return dispatchReserved(tx, { unitId, source, userId, reason: 'Dikirim', documentRef: `SJ/${caseId}` });
  });

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => {
      if (e instanceof DomainError) return e.code;
      throw e;
    },
  );

async function positionOf(f: { warehouseId: number; itemId: number }) {
  const [p] = await rows<{ on_hand: number; reserved: number }>(
    t.db,
    sql`SELECT on_hand, reserved FROM stock_positions WHERE warehouse_id = ${f.warehouseId} AND item_id = ${f.itemId}`,
  );
  const [ledger] = await rows<{ on_hand: number; count: number }>(
    t.db,
    sql`SELECT coalesce(sum(on_hand_change), 0)::int AS on_hand, count(*)::int AS count
      FROM stock_movements WHERE warehouse_id = ${f.warehouseId} AND item_id = ${f.itemId}`,
  );
  return {
    onHand: p?.on_hand,
    reserved: p?.reserved,
    ledgerOnHand: ledger?.on_hand,
    movements: ledger?.count,
  };
}

describe('concurrent postings', () => {
  it('20 simultaneous reservations of 1 on a stock of 10: exactly 10 succeed (Odoo)', async () => {
    const f = await fixture();
    await receive(t.db, f, 10, 'odoo');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(
          db().transaction((tx) =>
            reserveStock(tx, {
              unitId,
              warehouseId: f.warehouseId,
              lines: [{ itemId: f.itemId, quantity: 1 }],
              source: { kind: 'case', id: 20_000 + i },
              userId,
              reason: 'Disetujui',
            }),
          ),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 'stock.insufficient')).toHaveLength(10);
    expect(await positionOf(f)).toMatchObject({ onHand: 10, reserved: 10 });
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });
});

describe.runIf(postgres)('concurrent postings on PostgreSQL, parallel connections', () => {
  it('two dispatches each taking all 5 of a batch of 5: one succeeds, balance 0 (OpenBoxes)', async () => {
    const f = await fixture();
    await receive(t.db, f, 5, 'openboxes');
    const results = await Promise.all([
      outcome(takeOut(db(), f, 30_001, 5)),
      outcome(takeOut(db(), f, 30_002, 5)),
    ]);
    expect(results.sort()).toEqual(['ok', 'stock.insufficient']);
    expect(await positionOf(f)).toMatchObject({ onHand: 0, reserved: 0, ledgerOnHand: 0 });
    const [batch] = await rows<{ on_hand: number }>(
      t.db,
      sql`SELECT on_hand FROM stock_balances WHERE item_id = ${f.itemId}`,
    );
    expect(batch?.on_hand).toBe(0);
  });

  it('16 clients posting receipts and dispatches on one item: running balances right (ERPNext)', async () => {
    const f = await fixture();
    await receive(t.db, f, 20, 'erpnext-0');
    let received = 20;
    let dispatched = 0;
    const clients = Array.from({ length: 16 }, async (_, c) => {
      for (let k = 0; k < 12; k++) {
        if ((c + k) % 3 === 0) {
          const q = 1 + ((c * 7 + k) % 5);
          await receive(db(), f, q, `erpnext-${c}-${k}`);
          received += q;
        } else {
          const q = 1 + ((c + k * 3) % 4);
          if ((await outcome(takeOut(db(), f, 40_000 + c * 100 + k, q))) === 'ok') dispatched += q;
        }
      }
    });
    await Promise.all(clients);
    const position = await positionOf(f);
    expect(position).toMatchObject({
      onHand: received - dispatched,
      reserved: 0,
      ledgerOnHand: received - dispatched,
    });
    // Every ledger row's running balance is the sum of the item's movements up to it.
    const wrong = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM (
          SELECT id, on_hand_after, sum(on_hand_change) OVER (ORDER BY id) AS running
          FROM stock_movements WHERE warehouse_id = ${f.warehouseId} AND item_id = ${f.itemId}
        ) r WHERE on_hand_after <> running`,
    );
    expect(wrong).toEqual([]);
    expect(position.movements).toBeGreaterThan(16 * 12);
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });

  it('the first receipt of an item without a balance row, by two transactions at once: nothing lost', async () => {
    const f = await fixture();
    let secondDone = 0;
    let firstDone = 0;
    const first = db().transaction(async (tx) => {
      await receive(tx, f, 7, 'first-a');
      // Hold the new position row's lock while the second transaction tries to create it too.
      await new Promise((r) => setTimeout(r, 400));
      firstDone = Date.now();
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = receive(db(), f, 9, 'first-b').then(() => {
      secondDone = Date.now();
    });
    await Promise.all([first, second]);
    expect(secondDone).toBeGreaterThanOrEqual(firstDone);
    expect(await positionOf(f)).toMatchObject({ onHand: 16, reserved: 0, ledgerOnHand: 16, movements: 2 });
    const [count] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM stock_positions WHERE item_id = ${f.itemId}`,
    );
    expect(count?.n).toBe(1);
    expect(await checkStock(t.db, unitId)).toEqual([]);
  });
});
