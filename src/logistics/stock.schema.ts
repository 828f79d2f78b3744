import { z } from 'zod';
import { IdParam } from '../core/ids.ts';
import { ItemCategories, MovementKinds, ReceiptSources, SourceKinds } from './stock.tables.ts';

export const ItemCategory = z.enum(ItemCategories);
export const ReceiptSource = z.enum(ReceiptSources);
export const MovementKind = z.enum(MovementKinds);
export const SourceKind = z.enum(SourceKinds);

/** A catalogue item of a unit. */
export const Item = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Unit of measure (satuan): `kg`, `liter`, `paket`. */
  uom: z.string(),
  category: ItemCategory,
  /** Per person per day for needs estimates (Sphere: water 15 L); null when no norm applies. */
  normPerPersonDay: z.number().nullable(),
  normUnit: z.string().nullable(),
  minimum: z.number().int().nullable(),
  active: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const Warehouse = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  active: z.boolean(),
});
export type Warehouse = z.infer<typeof Warehouse>;

/** An item's stock: in one warehouse, or summed over the unit's warehouses. */
export const PositionRow = z.object({
  itemId: z.number().int(),
  name: z.string(),
  uom: z.string(),
  category: ItemCategory,
  normPerPersonDay: z.number().nullable(),
  normUnit: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** What may still be reserved: on hand, less reserved, less expired stock. */
  available: z.number().int(),
  /** On hand in batches past their expiry date (cannot be picked; to be written off). */
  expired: z.number().int(),
  /** The earliest expiry date among batches that can still be picked. */
  nearestExpiry: z.string().nullable(),
  minimum: z.number().int().nullable(),
  /** Available below half the set minimum (DOMAIN.md §8). */
  low: z.boolean(),
});
export type PositionRow = z.infer<typeof PositionRow>;

/** A batch and the quantity of it that a reservation, release or dispatch moved. */
export const Allocation = z.object({
  batchId: z.number().int(),
  itemId: z.number().int(),
  quantity: z.number().int(),
  expiresOn: z.string().nullable(),
});
export type Allocation = z.infer<typeof Allocation>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Quantity = z.number().int().min(1).max(100_000_000);
const Reason = z.string().trim().min(1).max(500);

export const ItemsAnswer = z.object({ items: z.array(Item) });
export const WarehousesAnswer = z.object({ warehouses: z.array(Warehouse) });

export const ItemInput = z.object({
  name: z.string().trim().min(1).max(200),
  uom: z.string().trim().min(1).max(40),
  category: ItemCategory,
  normPerPersonDay: z.number().positive().max(100_000).nullable().default(null),
  normUnit: z.string().trim().min(1).max(40).nullable().default(null),
  minimum: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export type ItemInput = z.infer<typeof ItemInput>;

export const PositionQuery = z.object({ warehouseId: IdParam.optional() });
export const PositionAnswer = z.object({ rows: z.array(PositionRow) });

export const CardQuery = z.object({ warehouseId: IdParam, itemId: IdParam });
export const CardLine = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: MovementKind,
  batchId: z.number().int(),
  expiresOn: z.string().nullable(),
  onHandChange: z.number().int(),
  reservedChange: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  reason: z.string(),
  sourceKind: SourceKind,
  sourceId: z.number().int(),
  sourceRef: z.string(),
  documentRef: z.string(),
  userName: z.string().nullable(),
});
export const CardAnswer = z.object({ item: Item, warehouse: Warehouse, lines: z.array(CardLine) });
export type CardAnswer = z.infer<typeof CardAnswer>;

export const ExpiringBatch = z.object({
  batchId: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  uom: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  lot: z.string(),
  expiresOn: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  daysLeft: z.number().int(),
  band: z.enum(['expired', '7', '14', '30']),
});
export const ExpiringAnswer = z.object({ batches: z.array(ExpiringBatch) });

export const ReceiptInput = z.object({
  warehouseId: IdParam,
  source: ReceiptSource,
  supplier: z.string().trim().min(1).max(200),
  documentRef: z.string().trim().min(1).max(200),
  receivedOn: IsoDate,
  note: z.string().max(1000).default(''),
  lines: z
    .array(
      z.object({
        itemId: IdParam,
        quantity: Quantity,
        expiresOn: IsoDate.nullable().default(null),
        lot: z.string().max(100).default(''),
      }),
    )
    .min(1)
    .max(500),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;
export const ReceiptAnswer = z.object({ receiptId: z.number().int(), batchIds: z.array(z.number().int()) });

export const CountInput = z.object({
  warehouseId: IdParam,
  countedOn: IsoDate,
  reason: Reason,
  lines: z
    .array(
      z.object({
        batchId: IdParam,
        counted: z.number().int().min(0).max(100_000_000),
        note: z.string().max(500).default(''),
      }),
    )
    .min(1)
    .max(5000),
});
export type CountInput = z.infer<typeof CountInput>;
export const CountAnswer = z.object({ countId: z.number().int(), adjustments: z.number().int() });

export const WriteOffExpiredInput = z.object({ reason: Reason });
export const WriteOffAnswer = z.object({
  batches: z.array(z.object({ batchId: z.number().int(), quantity: z.number().int() })),
});

export const BatchesQuery = z.object({ warehouseId: IdParam });
/** A batch of a warehouse with what the books hold of it (the sheet of a stock count). */
export const BatchOnHand = z.object({
  batchId: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  uom: z.string(),
  lot: z.string(),
  expiresOn: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
});
export const BatchesAnswer = z.object({ batches: z.array(BatchOnHand) });

export type ItemsAnswer = z.infer<typeof ItemsAnswer>;
export type WarehousesAnswer = z.infer<typeof WarehousesAnswer>;
export type PositionAnswer = z.infer<typeof PositionAnswer>;
export type ExpiringAnswer = z.infer<typeof ExpiringAnswer>;
export type ReceiptAnswer = z.infer<typeof ReceiptAnswer>;
export type CountAnswer = z.infer<typeof CountAnswer>;
export type WriteOffAnswer = z.infer<typeof WriteOffAnswer>;
export type BatchesAnswer = z.infer<typeof BatchesAnswer>;
