CREATE TABLE "registry_names" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "registry_people_name_trgm";--> statement-breakpoint
CREATE INDEX "registry_names_trgm" ON "registry_names" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registry_people_name" ON "registry_people" USING btree ("name","id");--> statement-breakpoint
INSERT INTO "registry_names" ("name") SELECT DISTINCT "name" FROM "registry_people" ON CONFLICT DO NOTHING;
