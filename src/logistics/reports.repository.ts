import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';

/** What the ledger holds of one case and one item: the movements booked against the case, summed. */
export interface CaseItemTotals {
  caseId: number;
  itemId: number;
  name: string;
  uom: string;
  /** Reserved by the approval and not yet dispatched or released. */
  reserved: number;
  dispatched: number;
  /** Came back to the warehouse at the handover (short, damaged or lost). */
  returned: number;
  /** Of what came back, written off as damaged or lost. */
  writtenOff: number;
}

/**
 * The ledger's movements booked against these cases (`source_kind = 'case'`), per case and item,
 * in one aggregate: an index on `(unit_id, source_kind, source_id)` serves it.
 */
export async function caseItemTotals(db: Db, unitId: number, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return rows<CaseItemTotals>(
    db,
    sql`SELECT m.source_id AS "caseId", m.item_id AS "itemId", i.name, i.uom,
        sum(m.reserved_change)::int AS reserved,
        coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'dispatch'), 0)::int AS dispatched,
        coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'return'), 0)::int AS returned,
        coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'write_off'), 0)::int AS "writtenOff"
      FROM stock_movements m JOIN stock_items i ON i.id = m.item_id
      WHERE m.unit_id = ${unitId} AND m.source_kind = 'case'
        AND m.source_id IN (${sql.join(
          caseIds.map((id) => sql`${id}`),
          sql`, `,
        )})
      GROUP BY m.source_id, m.item_id, i.name, i.uom
      ORDER BY i.name, m.item_id`,
  );
}
