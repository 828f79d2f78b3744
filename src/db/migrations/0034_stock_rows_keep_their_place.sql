-- The stock rows hold to their place: a batch's item and warehouse are of its unit, and a
-- balance or ledger row names the batch's own warehouse, item and unit. Composite keys replace
-- the separate ones; the unique keys they reference come first.
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_place" UNIQUE("id","warehouse_id","item_id","unit_id");
--> statement-breakpoint
ALTER TABLE "stock_items" ADD CONSTRAINT "stock_items_of_unit" UNIQUE("id","unit_id");
--> statement-breakpoint
ALTER TABLE "stock_warehouses" ADD CONSTRAINT "stock_warehouses_of_unit" UNIQUE("id","unit_id");
--> statement-breakpoint
ALTER TABLE "stock_balances" DROP CONSTRAINT "stock_balances_batch_id_stock_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_balances" DROP CONSTRAINT "stock_balances_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_batches" DROP CONSTRAINT "stock_batches_item_id_stock_items_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_batches" DROP CONSTRAINT "stock_batches_warehouse_id_stock_warehouses_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_warehouse_id_stock_warehouses_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_item_id_stock_items_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_batch_id_stock_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_positions" DROP CONSTRAINT "stock_positions_warehouse_id_stock_warehouses_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_positions" DROP CONSTRAINT "stock_positions_item_id_stock_items_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_positions" DROP CONSTRAINT "stock_positions_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_batch_place" FOREIGN KEY ("batch_id","warehouse_id","item_id","unit_id") REFERENCES "public"."stock_batches"("id","warehouse_id","item_id","unit_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_item" FOREIGN KEY ("item_id","unit_id") REFERENCES "public"."stock_items"("id","unit_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_warehouse" FOREIGN KEY ("warehouse_id","unit_id") REFERENCES "public"."stock_warehouses"("id","unit_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_batch_place" FOREIGN KEY ("batch_id","warehouse_id","item_id","unit_id") REFERENCES "public"."stock_batches"("id","warehouse_id","item_id","unit_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stock_positions" ADD CONSTRAINT "stock_positions_item" FOREIGN KEY ("item_id","unit_id") REFERENCES "public"."stock_items"("id","unit_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stock_positions" ADD CONSTRAINT "stock_positions_warehouse" FOREIGN KEY ("warehouse_id","unit_id") REFERENCES "public"."stock_warehouses"("id","unit_id") ON DELETE no action ON UPDATE no action;
