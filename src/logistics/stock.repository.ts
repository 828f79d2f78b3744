import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { MovementKind, SourceKind } from './stock.tables.ts';

/** What a movement does to a batch: on hand and reserved change by these signed amounts. */
export const effectOf: Record<MovementKind, { onHand: -1 | 0 | 1; reserved: -1 | 0 | 1 }> = {
  receipt: { onHand: 1, reserved: 0 },
  reservation: { onHand: 0, reserved: 1 },
  release: { onHand: 0, reserved: -1 },
  dispatch: { onHand: -1, reserved: -1 },
  return: { onHand: 1, reserved: 0 },
  // An adjustment's sign comes from the count; `post` takes the signed change.
  adjustment: { onHand: 1, reserved: 0 },
  write_off: { onHand: -1, reserved: 0 },
};

export interface Posting {
  unitId: number;
  warehouseId: number;
  itemId: number;
  batchId: number;
  kind: MovementKind;
  /** What moved, > 0. */
  quantity: number;
  onHandChange: number;
  reservedChange: number;
  userId: number | null;
  at: Date;
  reason: string;
  source: { kind: SourceKind; id: number; ref?: string | undefined };
  documentRef?: string | undefined;
  idempotencyKey: string;
}

/**
 * Locks one item in one warehouse for the rest of the transaction, creating its position row
 * first when the item has never been stocked there (`INSERT … ON CONFLICT DO NOTHING`: a
 * concurrent first insert makes this one wait, then do nothing). Returns false when the item or
 * the warehouse is not the unit's.
 */
export async function lockPosition(
  tx: Db,
  unitId: number,
  warehouseId: number,
  itemId: number,
  create: boolean,
): Promise<boolean> {
  if (create) {
    await tx.execute(sql`
      INSERT INTO stock_positions (warehouse_id, item_id, unit_id)
      SELECT w.id, i.id, w.unit_id FROM stock_warehouses w, stock_items i
      WHERE w.id = ${warehouseId} AND w.unit_id = ${unitId} AND i.id = ${itemId} AND i.unit_id = ${unitId}
      ON CONFLICT DO NOTHING`);
  }
  const locked = await rows<{ on_hand: number }>(
    tx,
    sql`SELECT on_hand FROM stock_positions
      WHERE warehouse_id = ${warehouseId} AND item_id = ${itemId} AND unit_id = ${unitId} FOR UPDATE`,
  );
  return locked.length > 0;
}

/**
 * Posts one movement: the batch's balance and the position change by the signed amounts only
 * if neither goes below zero nor reserves more than is on hand, and the ledger row records the
 * position after it, all in one statement. False when the condition refused it (nothing written).
 */
export async function post(tx: Db, p: Posting): Promise<boolean> {
  const [done] = await rows<{ ok: boolean }>(
    tx,
    sql`SELECT stock_post(${p.unitId}, ${p.warehouseId}, ${p.itemId}, ${p.batchId}, ${p.kind}, ${p.quantity},
      ${p.onHandChange}, ${p.reservedChange}, ${p.userId}, ${p.at.toISOString()}::timestamptz, ${p.reason},
      ${p.source.kind}, ${p.source.id}, ${p.source.ref ?? ''}, ${p.documentRef ?? ''}, ${p.idempotencyKey}) AS ok`,
  );
  return done?.ok === true;
}

/** A row of `stock_reserve`: an allocation, or (batchId null) a short item. */
export interface ReserveRow {
  itemId: number;
  batchId: number | null;
  quantity: number;
  expiresOn: string | null;
  wanted: number | null;
  available: number | null;
}

/** Locks, picks first expiry first and reserves in one call (migration 0021, `stock_reserve`). */
export async function reserveInDatabase(
  tx: Db,
  p: {
    unitId: number;
    warehouseId: number;
    lines: { itemId: number; quantity: number }[];
    now: Date;
    userId: number | null;
    reason: string;
    source: { kind: SourceKind; id: number; ref?: string | undefined };
  },
): Promise<ReserveRow[]> {
  const ints = (list: number[]) =>
    sql`ARRAY[${sql.join(
      list.map((n) => sql`${n}`),
      sql`, `,
    )}]::int[]`;
  return rows<ReserveRow>(
    tx,
    sql`SELECT item_id AS "itemId", batch_id AS "batchId", quantity, expires_on AS "expiresOn", wanted, available
      FROM stock_reserve(${p.unitId}, ${p.warehouseId}, ${ints(p.lines.map((l) => l.itemId))},
        ${ints(p.lines.map((l) => l.quantity))}, ${p.now.toISOString()}::timestamptz, ${p.userId}, ${p.reason},
        ${p.source.kind}, ${p.source.id}, ${p.source.ref ?? ''})`,
  );
}

/** Releases or dispatches all a source holds reserved in one call (`stock_settle`). */
export async function settleInDatabase(
  tx: Db,
  p: {
    unitId: number;
    kind: 'release' | 'dispatch';
    now: Date;
    userId: number | null;
    reason: string;
    source: { kind: SourceKind; id: number; ref?: string | undefined };
    documentRef: string;
  },
): Promise<{ itemId: number; batchId: number; quantity: number; expiresOn: string | null }[]> {
  return rows(
    tx,
    sql`SELECT item_id AS "itemId", batch_id AS "batchId", quantity, expires_on AS "expiresOn"
      FROM stock_settle(${p.unitId}, ${p.kind}, ${p.now.toISOString()}::timestamptz, ${p.userId}, ${p.reason},
        ${p.source.kind}, ${p.source.id}, ${p.source.ref ?? ''}, ${p.documentRef})`,
  );
}

/** The stock code a posting function raised (`RAISE EXCEPTION 'stock.not_found'`), if it was one. */
export function raisedCode(
  error: unknown,
): 'stock.not_found' | 'stock.already_reserved' | 'stock.insufficient' | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const message = (e as { message?: unknown }).message;
    if (
      message === 'stock.not_found' ||
      message === 'stock.already_reserved' ||
      message === 'stock.insufficient'
    )
      return message;
  }
  return null;
}

export interface SourceHolding {
  batchId: number;
  itemId: number;
  warehouseId: number;
  expiresOn: string | null;
  reserved: number;
}

/** What a source (a case) holds reserved, per batch, and how many movements it has made. */
export async function holdingsOf(
  tx: Db,
  unitId: number,
  source: { kind: SourceKind; id: number },
): Promise<{ holdings: SourceHolding[]; movements: number }> {
  const found = await rows<SourceHolding & { movements: number }>(
    tx,
    sql`SELECT m.batch_id AS "batchId", m.item_id AS "itemId", m.warehouse_id AS "warehouseId",
        b.expires_on::text AS "expiresOn", sum(m.reserved_change)::int AS reserved, count(*)::int AS movements
      FROM stock_movements m JOIN stock_batches b ON b.id = m.batch_id
      WHERE m.unit_id = ${unitId} AND m.source_kind = ${source.kind} AND m.source_id = ${source.id}
      GROUP BY m.batch_id, m.item_id, m.warehouse_id, b.expires_on
      ORDER BY m.warehouse_id, m.item_id, b.expires_on NULLS LAST, m.batch_id`,
  );
  return {
    holdings: found.filter((h) => h.reserved > 0),
    movements: found.reduce((n, h) => n + h.movements, 0),
  };
}

/**
 * What a source may still bring back, per batch: what it dispatched from the batch less what it
 * has returned to it. A batch it never dispatched from is not in the map.
 */
export async function returnableOf(
  tx: Db,
  unitId: number,
  source: { kind: SourceKind; id: number },
): Promise<Map<number, number>> {
  const found = await rows<{ batchId: number; returnable: number }>(
    tx,
    sql`SELECT batch_id AS "batchId",
        (coalesce(sum(quantity) FILTER (WHERE kind = 'dispatch'), 0)
          - coalesce(sum(quantity) FILTER (WHERE kind = 'return'), 0))::int AS returnable
      FROM stock_movements
      WHERE unit_id = ${unitId} AND source_kind = ${source.kind} AND source_id = ${source.id}
        AND kind IN ('dispatch', 'return')
      GROUP BY batch_id
      HAVING count(*) FILTER (WHERE kind = 'dispatch') > 0`,
  );
  return new Map(found.map((r) => [r.batchId, r.returnable]));
}

export interface BatchRow {
  batchId: number;
  itemId: number;
  warehouseId: number;
  expiresOn: string | null;
  onHand: number;
  reserved: number;
}

export async function findBatch(tx: Db, unitId: number, batchId: number): Promise<BatchRow | undefined> {
  const [found] = await rows<BatchRow>(
    tx,
    sql`SELECT b.id AS "batchId", b.item_id AS "itemId", b.warehouse_id AS "warehouseId",
        b.expires_on::text AS "expiresOn", bal.on_hand AS "onHand", bal.reserved
      FROM stock_batches b JOIN stock_balances bal ON bal.batch_id = b.id
      WHERE b.id = ${batchId} AND b.unit_id = ${unitId}`,
  );
  return found;
}

/** Names and units of measure of the unit's items, for messages. */
export async function itemLabels(
  db: Db,
  unitId: number,
  itemIds: number[],
): Promise<Map<number, { name: string; uom: string }>> {
  if (itemIds.length === 0) return new Map();
  const found = await rows<{ id: number; name: string; uom: string }>(
    db,
    sql`SELECT id, name, uom FROM stock_items WHERE unit_id = ${unitId}
      AND id IN (${sql.join(
        itemIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
  return new Map(found.map((r) => [r.id, { name: r.name, uom: r.uom }]));
}

/** The unit's today at `now` (its time zone), as the decrees and the expiry dates write days. */
export async function unitDay(tx: Db, unitId: number, now: Date): Promise<string | undefined> {
  const [found] = await rows<{ day: string }>(
    tx,
    sql`SELECT ((${now.toISOString()}::timestamptz AT TIME ZONE time_zone)::date)::text AS day FROM units WHERE id = ${unitId}`,
  );
  return found?.day;
}

/** Who holds stock of a batch reserved, and how much: each source with its reference. */
export async function reservationsOn(
  tx: Db,
  batchId: number,
): Promise<{ kind: SourceKind; id: number; ref: string; reserved: number }[]> {
  return rows(
    tx,
    sql`SELECT source_kind AS kind, source_id AS id, max(source_ref) AS ref, sum(reserved_change)::int AS reserved
      FROM stock_movements WHERE batch_id = ${batchId}
      GROUP BY source_kind, source_id HAVING sum(reserved_change) > 0
      ORDER BY source_id`,
  );
}
