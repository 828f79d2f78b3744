CREATE TABLE "relief_payouts" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"nik" text,
	"name" text NOT NULL,
	"origin_code" text NOT NULL,
	"destination_code" text NOT NULL,
	"leg_to_code" text NOT NULL,
	"distance_class" text NOT NULL,
	"amount" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"paid_by" integer,
	"receipt_sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relief_tariffs" (
	"unit_id" integer NOT NULL,
	"distance_class" text NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "relief_tariffs_unit_id_distance_class_pk" PRIMARY KEY("unit_id","distance_class")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "relief_payouts" ADD CONSTRAINT "relief_payouts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_payouts" ADD CONSTRAINT "relief_payouts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_payouts" ADD CONSTRAINT "relief_payouts_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_tariffs" ADD CONSTRAINT "relief_tariffs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relief_payouts_nik" ON "relief_payouts" USING btree ("nik");