CREATE TABLE "letter_signed_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"letter_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"replaced_by" integer
);
--> statement-breakpoint
ALTER TABLE "letter_signed_scans" ADD CONSTRAINT "letter_signed_scans_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_signed_scans" ADD CONSTRAINT "letter_signed_scans_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_signed_scans" ADD CONSTRAINT "letter_signed_scans_replaced_by_letter_signed_scans_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."letter_signed_scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_signed_scans_letter" ON "letter_signed_scans" USING btree ("letter_id","id");