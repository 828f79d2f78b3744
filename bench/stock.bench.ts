import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrate, openDatabase, rows } from '../src/db/client.ts';
import { seedUnits } from '../src/demo/seed.ts';
import {
  checkStock,
  createItem,
  createWarehouse,
  dispatchReserved,
  receiveGoods,
  reserveStock,
} from '../src/logistics/stock.service.ts';

/**
 * Dispatch transactions per second with 16 concurrent clients on PostgreSQL: each a reservation
 * and its dispatch through the stock service (item lock, FEFO pick, two ledger rows, balances),
 * beside a bare conditional `UPDATE … SET on_hand = on_hand - 1 WHERE on_hand - reserved >= 1
 * RETURNING` on the same kind of rows (batch balances) with the same clients, in the same run.
 * Afterwards: no negative balance, and the ledger sums to the balances (`checkStock`).
 *
 * With BENCH_STOCK_WORKFLOW=1, beside it for whoever weighs the target (docs/adr/0002): the
 * same work in the workflow's shape, the reservation and the dispatch each in a transaction of
 * its own as approval and shipment run them, against two bare updates each on its own. It is
 * reported, not judged, and doubles the timed work, so it runs only when asked for.
 *
 * BENCH_STOCK_OPS (default 3000) dispatches in all; BENCH_STOCK_ITEMS (default 1) hot items the
 * clients share, each with one batch, so that they contend for the same rows as a busy item does.
 */
export async function run() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('stock bench: set DATABASE_URL to a PostgreSQL server (it makes a scratch database there)');
    process.exit(2);
  }
  const ops = Number(process.env.BENCH_STOCK_OPS ?? 3000);
  const items = Number(process.env.BENCH_STOCK_ITEMS ?? 1);
  const workflowShape = process.env.BENCH_STOCK_WORKFLOW === '1';
  const clients = 16;
  // Enough for the bare updates (once, and twice per dispatch in the workflow's shape) and the
  // service runs.
  const stocked = (workflowShape ? 3 : 1) * ops + 1000;
  const name = `jaring_bench_stock_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  let database: Database | undefined;
  try {
    database = await openDatabase({ url: u.toString(), poolSize: clients });
    const db = database.db;
    await migrate(database);
    await seedUnits(db);
    const [unit] = await rows<{ id: number }>(db, sql`SELECT id FROM units WHERE code = 'banten'`);
    const unitId = unit?.id ?? 0;
    const warehouse = await createWarehouse(db, unitId, { code: 'bench', name: 'Gudang bench' });
    // The baseline's counters sit in a warehouse of their own, so the service never picks them.
    const bareWarehouse = await createWarehouse(db, unitId, { code: 'bare', name: 'Gudang baseline' });
    const hot: number[] = [];
    const bareBatches: number[] = [];
    for (let i = 0; i < items; i++) {
      const item = await createItem(db, unitId, {
        name: `Paket bench ${i}`,
        uom: 'paket',
        category: 'food',
        normPerPersonDay: null,
        normUnit: null,
        minimum: null,
      });
      hot.push(item.id);
      const receive = (warehouseId: number, ref: string) =>
        receiveGoods(db, {
          unitId,
          warehouseId,
          source: 'procurement',
          supplier: 'Bench',
          documentRef: ref,
          receivedOn: '2026-11-01',
          lines: [{ itemId: item.id, quantity: stocked, expiresOn: '2099-12-31' }],
          userId: null,
        });
      await receive(warehouse.id, `BENCH/${i}`);
      bareBatches.push((await receive(bareWarehouse.id, `BARE/${i}`)).batchIds[0] ?? 0);
    }

    const perClient = Math.ceil(ops / clients);
    const timed = async (work: (client: number, k: number) => Promise<void>) => {
      const start = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let k = 0; k < perClient; k++) await work(c, k);
        }),
      );
      return (performance.now() - start) / 1000;
    };

    // Warm-up of both paths (connections, plans), not counted.
    const serviceOp = async (c: number, k: number, base: number) => {
      const source = { kind: 'case' as const, id: base + c * perClient + k };
      await db.transaction(async (tx) => {
        await reserveStock(tx, {
          unitId,
          warehouseId: warehouse.id,
          lines: [{ itemId: hot[(c + k) % items] ?? 0, quantity: 1 }],
          source,
          userId: null,
          reason: 'bench',
        });
        await dispatchReserved(tx, {
          unitId,
          source,
          userId: null,
          reason: 'bench',
          documentRef: 'SJ/BENCH',
        });
      });
    };
    const bareOp = async (c: number, k: number) => {
      const found = await rows<{ on_hand: number }>(
        db,
        sql`UPDATE stock_balances SET on_hand = on_hand - 1
          WHERE batch_id = ${bareBatches[(c + k) % items] ?? 0} AND on_hand - reserved >= 1 RETURNING on_hand`,
      );
      if (found.length !== 1) throw new Error('bare update found no stock');
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => serviceOp(c, 0, 1_000_000)));
    await Promise.all(Array.from({ length: clients }, (_, c) => bareOp(c, 0)));

    // The workflow's shape: approval's transaction reserves, shipment's dispatches.
    const workflowOp = async (c: number, k: number, base: number) => {
      const source = { kind: 'case' as const, id: base + c * perClient + k };
      const itemId = hot[(c + k) % items] ?? 0;
      await db.transaction((tx) =>
        reserveStock(tx, {
          unitId,
          warehouseId: warehouse.id,
          lines: [{ itemId, quantity: 1 }],
          source,
          userId: null,
          reason: 'bench',
        }),
      );
      await db.transaction((tx) =>
        dispatchReserved(tx, { unitId, source, userId: null, reason: 'bench', documentRef: 'SJ/BENCH' }),
      );
    };
    if (workflowShape)
      await Promise.all(Array.from({ length: clients }, (_, c) => workflowOp(c, 0, 3_000_000)));

    const bareSeconds = await timed(bareOp);
    const serviceSeconds = await timed((c, k) => serviceOp(c, k, 0));
    const shape = workflowShape
      ? {
          bareTwiceSeconds: await timed(async (c, k) => {
            await bareOp(c, k);
            await bareOp(c, k);
          }),
          workflowSeconds: await timed((c, k) => workflowOp(c, k, 2_000_000)),
        }
      : undefined;
    const done = perClient * clients;

    // The bare updates moved balances without ledger rows; put them back before checking.
    await db.execute(
      sql`UPDATE stock_balances SET on_hand = ${stocked} WHERE batch_id IN (${sql.join(
        bareBatches.map((b) => sql`${b}`),
        sql`, `,
      )})`,
    );
    const [negative] = await rows<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM stock_balances WHERE on_hand < 0 OR reserved < 0)
        + (SELECT count(*) FROM stock_positions WHERE on_hand < 0 OR reserved < 0) AS n`,
    );
    const [dispatched] = await rows<{ n: number; workflow: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE source_id < 1000000)::int AS n,
          count(*) FILTER (WHERE source_id BETWEEN 2000000 AND 2999999)::int AS workflow
        FROM stock_movements WHERE kind = 'dispatch'`,
    );
    const disagreements = await checkStock(db, unitId);
    const table = [
      { target: 'bare conditional UPDATE … RETURNING', dispatchesPerSecond: Math.round(done / bareSeconds) },
      { target: 'service: reserve + dispatch', dispatchesPerSecond: Math.round(done / serviceSeconds) },
    ];
    const ratio = Number((bareSeconds / serviceSeconds).toFixed(3));
    const workflow = shape && {
      dispatchesPerSecond: Math.round(done / shape.workflowSeconds),
      bareTwicePerSecond: Math.round(done / shape.bareTwiceSeconds),
      ratio: Number((shape.bareTwiceSeconds / shape.workflowSeconds).toFixed(3)),
    };
    const lost =
      done - Number(dispatched?.n ?? 0) + (workflow ? done - Number(dispatched?.workflow ?? 0) : 0);
    console.log(`\nstock bench (postgres, ${clients} clients, ${done} dispatches, ${items} hot item(s))`);
    console.table(table);
    console.log(`service / bare = ${ratio} (target >= 0.3)`);
    if (workflow)
      console.log(
        `in the workflow's shape (reservation and dispatch each its own transaction, against two bare updates each its own): ${workflow.dispatchesPerSecond}/s against ${workflow.bareTwicePerSecond}/s = ${workflow.ratio} (reported, not judged)`,
      );
    console.log(
      `negative balances: ${Number(negative?.n ?? 0)}, lost dispatches: ${lost}, ledger disagreements: ${disagreements.length}`,
    );
    console.log(
      JSON.stringify({
        bench: 'stock',
        engine: 'postgres',
        clients,
        dispatches: done,
        items,
        rows: table,
        ratio,
        workflowShape: workflow ?? null,
        negativeBalances: Number(negative?.n ?? 0),
        lostDispatches: lost,
        ledgerDisagreements: disagreements.length,
      }),
    );
    if (Number(negative?.n ?? 0) > 0 || lost !== 0 || disagreements.length > 0) process.exitCode = 1;
  } finally {
    await database?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
