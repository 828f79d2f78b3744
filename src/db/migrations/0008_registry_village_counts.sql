CREATE TABLE "registry_village_counts" (
	"village_code" text PRIMARY KEY NOT NULL,
	"people" integer NOT NULL,
	"families" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "registry_village_counts" ("village_code", "people", "families")
SELECT v, (SELECT count(*) FROM "registry_people" WHERE "village_code" = v), (SELECT count(*) FROM "registry_families" WHERE "village_code" = v)
FROM (SELECT DISTINCT "village_code" AS v FROM "registry_families") AS villages;
