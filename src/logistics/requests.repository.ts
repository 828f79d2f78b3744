import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { CaseGoodsLine } from './requests.schema.ts';

/**
 * The goods a relief request moved in the ledger, batch by batch: what it holds reserved now and
 * what its shipment dispatched, with item, batch and warehouse as the officer reads them.
 */
export async function caseGoods(db: Db, unitId: number, caseId: number): Promise<CaseGoodsLine[]> {
  return rows<CaseGoodsLine>(
    db,
    sql`SELECT m.batch_id AS "batchId", m.item_id AS "itemId", i.name, i.uom, b.lot,
        b.expires_on::text AS "expiresOn", w.name AS warehouse,
        sum(m.reserved_change)::int AS reserved,
        coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'dispatch'), 0)::int AS dispatched
      FROM stock_movements m
      JOIN stock_items i ON i.id = m.item_id
      JOIN stock_batches b ON b.id = m.batch_id
      JOIN stock_warehouses w ON w.id = m.warehouse_id
      WHERE m.unit_id = ${unitId} AND m.source_kind = 'case' AND m.source_id = ${caseId}
      GROUP BY m.batch_id, m.item_id, i.name, i.uom, b.lot, b.expires_on, w.name
      ORDER BY i.name, b.expires_on NULLS LAST, m.batch_id`,
  );
}
