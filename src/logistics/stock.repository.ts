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
  const oh = p.onHandChange;
  const rc = p.reservedChange;
  const written = await rows<{ id: number }>(
    tx,
    sql`
    WITH b AS (
      UPDATE stock_balances SET on_hand = on_hand + ${oh}, reserved = reserved + ${rc}
      WHERE batch_id = ${p.batchId} AND unit_id = ${p.unitId}
        AND on_hand + ${oh} >= 0 AND reserved + ${rc} >= 0 AND reserved + ${rc} <= on_hand + ${oh}
      RETURNING batch_id
    ), p AS (
      UPDATE stock_positions SET on_hand = on_hand + ${oh}, reserved = reserved + ${rc}
      WHERE warehouse_id = ${p.warehouseId} AND item_id = ${p.itemId} AND EXISTS (SELECT 1 FROM b)
      RETURNING on_hand, reserved
    )
    INSERT INTO stock_movements (unit_id, warehouse_id, item_id, batch_id, kind, quantity,
      on_hand_change, reserved_change, on_hand_after, reserved_after, user_id, at, reason,
      source_kind, source_id, source_ref, document_ref, idempotency_key)
    SELECT ${p.unitId}, ${p.warehouseId}, ${p.itemId}, ${p.batchId}, ${p.kind}, ${p.quantity},
      ${oh}, ${rc}, p.on_hand, p.reserved, ${p.userId}, ${p.at.toISOString()}::timestamptz, ${p.reason},
      ${p.source.kind}, ${p.source.id}, ${p.source.ref ?? ''}, ${p.documentRef ?? ''}, ${p.idempotencyKey}
    FROM p
    RETURNING id`,
  );
  return written.length > 0;
}

export interface PickableBatch {
  batchId: number;
  free: number;
  expiresOn: string | null;
}

/**
 * The item's batches in a warehouse that can be picked, first expiry first (no expiry last):
 * free quantity > 0 and not past their expiry date on the unit's calendar day at `now`.
 */
export async function pickableBatches(
  tx: Db,
  unitId: number,
  warehouseId: number,
  itemId: number,
  now: Date,
): Promise<PickableBatch[]> {
  return rows<PickableBatch>(
    tx,
    sql`SELECT bal.batch_id AS "batchId", bal.on_hand - bal.reserved AS free, b.expires_on::text AS "expiresOn"
      FROM stock_balances bal
      JOIN stock_batches b ON b.id = bal.batch_id
      JOIN units u ON u.id = bal.unit_id
      WHERE bal.warehouse_id = ${warehouseId} AND bal.item_id = ${itemId} AND bal.unit_id = ${unitId}
        AND bal.on_hand > bal.reserved
        AND (b.expires_on IS NULL OR b.expires_on >= (${now.toISOString()}::timestamptz AT TIME ZONE u.time_zone)::date)
      ORDER BY b.expires_on NULLS LAST, b.id`,
  );
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
