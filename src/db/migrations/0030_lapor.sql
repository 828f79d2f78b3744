CREATE TABLE "lapor_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"text" text NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_reports" (
	"complaint_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"lapor_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"lapor_status" text DEFAULT '' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "lapor_reports_unit_lapor_id" UNIQUE("unit_id","lapor_id")
);
--> statement-breakpoint
CREATE TABLE "lapor_settings" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lapor_follow_ups" ADD CONSTRAINT "lapor_follow_ups_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_follow_ups" ADD CONSTRAINT "lapor_follow_ups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_follow_ups" ADD CONSTRAINT "lapor_follow_ups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_imports" ADD CONSTRAINT "lapor_imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_imports" ADD CONSTRAINT "lapor_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_import_id_lapor_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."lapor_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_settings" ADD CONSTRAINT "lapor_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_settings" ADD CONSTRAINT "lapor_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lapor_follow_ups_complaint" ON "lapor_follow_ups" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "lapor_follow_ups_unit_at" ON "lapor_follow_ups" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "lapor_imports_unit" ON "lapor_imports" USING btree ("unit_id","at");