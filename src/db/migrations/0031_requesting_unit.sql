ALTER TABLE "cases" ADD COLUMN "requesting_unit_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_requesting_unit_id_units_id_fk" FOREIGN KEY ("requesting_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_requesting_unit" ON "cases" USING btree ("requesting_unit_id","id");