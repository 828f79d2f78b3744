CREATE TABLE "logistics_dispositions" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"from_user_id" integer NOT NULL,
	"from_role" text NOT NULL,
	"to_role" text NOT NULL,
	"decision" text NOT NULL,
	"instruction" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "logistics_dispositions" ADD CONSTRAINT "logistics_dispositions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_dispositions" ADD CONSTRAINT "logistics_dispositions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_dispositions" ADD CONSTRAINT "logistics_dispositions_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "logistics_dispositions_case" ON "logistics_dispositions" USING btree ("case_id","id");