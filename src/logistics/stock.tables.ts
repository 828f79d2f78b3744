import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';

type Placed = {
  unitId: AnyPgColumn;
  itemId: AnyPgColumn;
  warehouseId: AnyPgColumn;
  batchId?: AnyPgColumn;
};

/*
 * The stock rows name their unit, item and warehouse beside the batch. The keys below make the
 * database hold them to one another: an item or warehouse of another unit, or a ledger row whose
 * item is not its batch's, is refused however it is written. One composite key is also one check
 * per row where separate keys were four.
 */
const unitItem = (name: string, t: Placed) =>
  foreignKey({
    name,
    columns: [t.itemId, t.unitId],
    foreignColumns: [stockItems.id, stockItems.unitId],
  });
const unitWarehouse = (name: string, t: Placed) =>
  foreignKey({
    name,
    columns: [t.warehouseId, t.unitId],
    foreignColumns: [warehouses.id, warehouses.unitId],
  });
const batchPlace = (name: string, t: Placed & { batchId: AnyPgColumn }) =>
  foreignKey({
    name,
    columns: [t.batchId, t.warehouseId, t.itemId, t.unitId],
    foreignColumns: [stockBatches.id, stockBatches.warehouseId, stockBatches.itemId, stockBatches.unitId],
  });

/** What a catalogue item is, for the needs estimate and the reports (DOMAIN.md §8). */
export const ItemCategories = [
  'food',
  'water',
  'shelter',
  'bedding',
  'hygiene',
  'kitchen',
  'equipment',
] as const;
export type ItemCategory = (typeof ItemCategories)[number];

/** Where goods came from: procurement (APBD), Kemensos, a donation, or the opening count. */
export const ReceiptSources = ['procurement', 'kemensos', 'donation', 'opening'] as const;
export type ReceiptSource = (typeof ReceiptSources)[number];

/** Every kind of row of the stock ledger; each says how it moves on hand and reserved. */
export const MovementKinds = [
  'receipt',
  'reservation',
  'release',
  'dispatch',
  'return',
  'adjustment',
  'write_off',
] as const;
export type MovementKind = (typeof MovementKinds)[number];

/** The document a movement came from. */
export const SourceKinds = ['case', 'goods_receipt', 'count', 'manual'] as const;
export type SourceKind = (typeof SourceKinds)[number];

/** A warehouse of a unit (the provincial warehouse; others may be added). */
export const warehouses = pgTable(
  'stock_warehouses',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stock_warehouses_unit_code').on(t.unitId, t.code),
    // What the stock rows reference to say the warehouse is their unit's.
    unique('stock_warehouses_of_unit').on(t.id, t.unitId),
  ],
);

/** The unit's catalogue: what it stocks, in which unit of measure, with an optional norm. */
export const stockItems = pgTable(
  'stock_items',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** Unit of measure (satuan) as the warehouse counts it: `kg`, `liter`, `paket`, `lembar`. */
    uom: text('uom').notNull(),
    category: text('category', { enum: ItemCategories }).notNull(),
    /** Per person per day, for needs estimates (Sphere: water 15 L); null when no norm applies. */
    normPerPersonDay: numeric('norm_per_person_day', { precision: 12, scale: 4, mode: 'number' }),
    /** The norm's unit when it differs from the item's (`liter`, `kcal`, `m²`). */
    normUnit: text('norm_unit'),
    /** Below this the position is "low" (DOMAIN.md §8: low stock at 50% of a set minimum). */
    minimum: integer('minimum'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stock_items_unit_name').on(t.unitId, t.name),
    // What the stock rows reference to say the item is their unit's.
    unique('stock_items_of_unit').on(t.id, t.unitId),
  ],
);

/** A goods receipt (penerimaan barang): goods in from one source, with its document. */
export const goodsReceipts = pgTable('stock_goods_receipts', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  warehouseId: integer('warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  source: text('source', { enum: ReceiptSources }).notNull(),
  /** Who sent the goods: the supplier, the ministry's letter, the donor. */
  supplier: text('supplier').notNull(),
  /** The document number of the delivery (BAST, surat jalan, invoice). */
  documentRef: text('document_ref').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  note: text('note').notNull().default(''),
  receivedBy: integer('received_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A batch (lot) of an item in a warehouse, with its expiry date: the unit of FEFO picking. */
export const stockBatches = pgTable(
  'stock_batches',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    itemId: integer('item_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    /** The lot number on the goods, if any. */
    lot: text('lot').notNull().default(''),
    expiresOn: date('expires_on', { mode: 'string' }),
    source: text('source', { enum: ReceiptSources }).notNull(),
    receiptId: integer('receipt_id').references(() => goodsReceipts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_batches_item_warehouse').on(t.warehouseId, t.itemId, t.expiresOn),
    // A batch's item and warehouse are of its unit; its place is what its balance and ledger
    // rows must repeat.
    unitItem('stock_batches_item', t),
    unitWarehouse('stock_batches_warehouse', t),
    unique('stock_batches_place').on(t.id, t.warehouseId, t.itemId, t.unitId),
  ],
);

/**
 * One item in one warehouse: the row every posting of the item locks first (created by
 * `INSERT … ON CONFLICT DO NOTHING` when the item has no stock there yet), and its totals.
 */
export const stockPositions = pgTable(
  'stock_positions',
  {
    warehouseId: integer('warehouse_id').notNull(),
    itemId: integer('item_id').notNull(),
    unitId: integer('unit_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.itemId] }),
    unitItem('stock_positions_item', t),
    unitWarehouse('stock_positions_warehouse', t),
    check(
      'stock_positions_quantities',
      sql`${t.onHand} >= 0 AND ${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`,
    ),
  ],
);

/** A batch's balance, kept beside the ledger in the same transaction; rebuilt by `jaring stock check`. */
export const stockBalances = pgTable(
  'stock_balances',
  {
    batchId: integer('batch_id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    itemId: integer('item_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    check(
      'stock_balances_quantities',
      sql`${t.onHand} >= 0 AND ${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`,
    ),
    index('stock_balances_position').on(t.warehouseId, t.itemId),
    batchPlace('stock_balances_batch_place', t),
  ],
);

/**
 * The append-only stock ledger. `quantity` is what moved (always positive); `onHandChange` and
 * `reservedChange` are its signed effect on the batch; `onHandAfter`/`reservedAfter` are the
 * item's running balance in the warehouse after it (the kartu stok reads them).
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: integer('unit_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    itemId: integer('item_id').notNull(),
    batchId: integer('batch_id').notNull(),
    kind: text('kind', { enum: MovementKinds }).notNull(),
    quantity: integer('quantity').notNull(),
    onHandChange: integer('on_hand_change').notNull(),
    reservedChange: integer('reserved_change').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
    sourceKind: text('source_kind', { enum: SourceKinds }).notNull(),
    sourceId: integer('source_id').notNull(),
    sourceRef: text('source_ref').notNull().default(''),
    /** The paper that went with the goods (surat jalan, BAST number), when there is one. */
    documentRef: text('document_ref').notNull().default(''),
    idempotencyKey: text('idempotency_key').notNull().unique('stock_movements_idempotency_key'),
  },
  (t) => [
    check('stock_movements_quantity', sql`${t.quantity} > 0`),
    index('stock_movements_card').on(t.warehouseId, t.itemId, t.id),
    index('stock_movements_source').on(t.unitId, t.sourceKind, t.sourceId),
    index('stock_movements_batch').on(t.batchId),
    batchPlace('stock_movements_batch_place', t),
  ],
);

/** A stock count (stock opname) of a warehouse; its lines are the counted quantities per batch. */
export const stockCounts = pgTable('stock_counts', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  warehouseId: integer('warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  countedOn: date('counted_on', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  countedBy: integer('counted_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    /** What the books said when the count was posted. */
    expected: integer('expected').notNull(),
    counted: integer('counted').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.countId, t.batchId] }),
    check('stock_count_lines_counted', sql`${t.counted} >= 0`),
  ],
);
