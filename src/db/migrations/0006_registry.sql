CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "registry_families" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kk" text NOT NULL,
	"village_code" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"rt" text DEFAULT '' NOT NULL,
	"rw" text DEFAULT '' NOT NULL,
	"decile" smallint,
	"welfare_status" text DEFAULT 'non' NOT NULL,
	"status_period" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" integer,
	"change_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_family_versions" (
	"family_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"changed_by" integer,
	"change_note" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "registry_family_versions_family_id_version_pk" PRIMARY KEY("family_id","version")
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"user_id" integer,
	"file_name" text NOT NULL,
	"file_sha256" text DEFAULT '' NOT NULL,
	"file_bytes" bigint DEFAULT 0 NOT NULL,
	"format" text NOT NULL,
	"on_error" text NOT NULL,
	"on_existing" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"phase" text DEFAULT 'membaca' NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"loaded" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"families_loaded" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"error_file" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_people" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"family_id" bigint NOT NULL,
	"village_code" text NOT NULL,
	"name" text NOT NULL,
	"birth_place" text DEFAULT '' NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relationship" text NOT NULL,
	"marital_status" text DEFAULT '' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"schooling" text DEFAULT '' NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"disability_kind" text DEFAULT '' NOT NULL,
	"disability_severity" text DEFAULT '' NOT NULL,
	"pregnancy" text DEFAULT '' NOT NULL,
	"alive" boolean DEFAULT true NOT NULL,
	"death_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" integer,
	"change_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_person_versions" (
	"person_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"family_id" bigint NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"changed_by" integer,
	"change_note" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "registry_person_versions_person_id_version_pk" PRIMARY KEY("person_id","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "registry_families_kk" ON "registry_families" USING btree ("kk");--> statement-breakpoint
CREATE INDEX "registry_families_village" ON "registry_families" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "registry_imports_unit" ON "registry_imports" USING btree ("unit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_people_nik" ON "registry_people" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "registry_people_family" ON "registry_people" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "registry_people_village_name" ON "registry_people" USING btree ("village_code","name","id");--> statement-breakpoint
CREATE INDEX "registry_people_name_trgm" ON "registry_people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registry_person_versions_family" ON "registry_person_versions" USING btree ("family_id");