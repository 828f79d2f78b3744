import { z } from 'zod';
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
