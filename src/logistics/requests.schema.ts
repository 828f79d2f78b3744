import { z } from 'zod';

/**
 * What the case page shows beside the goods of a relief request (the Banten workflow's telaah,
 * approval, shipment and handover): the effects' previews, shared with the web app.
 */

/** An item of the catalogue with its stock: in one warehouse, or summed over the unit's. */
export const GoodsStock = z.object({
  itemId: z.number().int(),
  name: z.string(),
  /** Unit of measure (satuan). */
  uom: z.string(),
  /** Per person per day for the needs estimate; null when no norm applies. */
  normPerPersonDay: z.number().nullable(),
  normUnit: z.string().nullable(),
  available: z.number().int(),
  reserved: z.number().int(),
});
export type GoodsStock = z.infer<typeof GoodsStock>;

/** A line of goods as an action sends it: `{ itemId, quantity }`, in the item's unit. */
/**
 * What became of goods that did not arrive whole at the handover: brought back to the warehouse
 * (back to stock), or damaged or lost (written off). The BAST names which.
 */
export const ReturnConditions = ['returned', 'damaged', 'lost'] as const;
export type ReturnCondition = (typeof ReturnConditions)[number];

export const GoodsLine = z.object({ itemId: z.number().int(), quantity: z.number().int() });
export type GoodsLine = z.infer<typeof GoodsLine>;

export const NeedsRow = z.object({
  itemId: z.number().int(),
  name: z.string(),
  uom: z.string(),
  /** People × days × the item's norm, rounded up; null when the catalogue gives no norm. */
  needed: z.number().int().nullable(),
  available: z.number().int(),
  reserved: z.number().int(),
  proposed: z.number().int().nullable(),
});

export const NeedsEstimate = z.object({
  peopleAffected: z.number().int(),
  days: z.number().int(),
  /** The Sphere minimums for the people and days: litres of water, kcal, m² of covered space. */
  sphere: z.object({ waterLitres: z.number(), kcal: z.number(), shelterM2: z.number() }),
  items: z.array(NeedsRow),
});
export type NeedsEstimate = z.infer<typeof NeedsEstimate>;

/** The telaah's preview: the catalogue with stock, and with people and days the needs estimate. */
export const NeedsPreview = z.object({
  kind: z.literal('logistics.needs'),
  stock: z.array(GoodsStock),
  estimate: NeedsEstimate.nullable(),
});
export type NeedsPreview = z.infer<typeof NeedsPreview>;

/**
 * The approval's preview: what the telaah proposed (pre-filled for the Kepala Bidang), the
 * unit's warehouses and the stock of the chosen one (`data.warehouseId`, else the first).
 */
export const ApprovalPreview = z.object({
  kind: z.literal('logistics.approval'),
  proposal: z
    .object({ peopleAffected: z.number().nullable(), days: z.number().nullable(), lines: z.array(GoodsLine) })
    .nullable(),
  warehouses: z.array(z.object({ id: z.number().int(), name: z.string() })),
  warehouseId: z.number().int().nullable(),
  stock: z.array(GoodsStock),
});
export type ApprovalPreview = z.infer<typeof ApprovalPreview>;

/** A batch of goods a request holds or was sent: what is reserved for it, what was dispatched. */
export const CaseGoodsLine = z.object({
  batchId: z.number().int(),
  itemId: z.number().int(),
  name: z.string(),
  uom: z.string(),
  lot: z.string(),
  expiresOn: z.string().nullable(),
  warehouse: z.string(),
  reserved: z.number().int(),
  dispatched: z.number().int(),
});
export type CaseGoodsLine = z.infer<typeof CaseGoodsLine>;

/**
 * The shipment's and the release's preview: what the request holds reserved (what will be sent,
 * or given back); the handover's: what was dispatched, batch by batch (what is to be received).
 */
export const GoodsPreview = z.object({
  kind: z.enum(['logistics.shipment', 'logistics.release', 'logistics.handover']),
  lines: z.array(CaseGoodsLine),
});
export type GoodsPreview = z.infer<typeof GoodsPreview>;
