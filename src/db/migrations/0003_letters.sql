CREATE TABLE "letter_counters" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "letter_counters_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"case_id" integer,
	"product" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"signer" jsonb NOT NULL,
	"verification_code" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"signed_sha256" text,
	CONSTRAINT "letters_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "letters_unit_year_seq" UNIQUE("unit_id","year","seq")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "letter_code" text DEFAULT 'DINSOS' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "letter_number_format" text DEFAULT '{klasifikasi}/{urut}/{kode_unit}/{tahun}' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "letter_place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "letter_counters" ADD CONSTRAINT "letter_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;