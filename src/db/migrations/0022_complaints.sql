CREATE TABLE "complaint_breaches" (
	"complaint_id" integer NOT NULL,
	"timer" text NOT NULL,
	"unit_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaint_breaches_complaint_id_timer_pk" PRIMARY KEY("complaint_id","timer")
);
--> statement-breakpoint
CREATE TABLE "complaint_challenges_used" (
	"nonce" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_user_id" integer,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"requested_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"agenda_number" text NOT NULL,
	"tracking_code" text NOT NULL,
	"class" text NOT NULL,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"standard_slug" text,
	"case_tracking_code" text,
	"service_date" text,
	"late" boolean DEFAULT false NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"complainant_name" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"lapor_outcome" text,
	"division_id" integer,
	"assigned_user_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	"incomplete_at" timestamp with time zone,
	"incomplete_note" text,
	"resubmitted_at" timestamp with time zone,
	"complete_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_summary" text,
	"decision_letter_id" integer,
	"delivered_at" timestamp with time zone,
	"delivered_via" text,
	"withdrawn_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"completeness_due" timestamp with time zone,
	"completion_due" timestamp with time zone,
	"decision_due" timestamp with time zone,
	"delivery_due" timestamp with time zone,
	"next_due_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_tracking_code_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "complaint_breaches" ADD CONSTRAINT "complaint_breaches_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_breaches" ADD CONSTRAINT "complaint_breaches_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_transfers" ADD CONSTRAINT "complaint_transfers_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_transfers" ADD CONSTRAINT "complaint_transfers_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_transfers" ADD CONSTRAINT "complaint_transfers_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_division_id_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decision_letter_id_letters_id_fk" FOREIGN KEY ("decision_letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_breaches_unit" ON "complaint_breaches" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint" ON "complaint_events" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_files_complaint" ON "complaint_files" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_transfers_to" ON "complaint_transfers" USING btree ("to_unit_id","state");--> statement-breakpoint
CREATE INDEX "complaint_transfers_complaint" ON "complaint_transfers" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_unit_next_due" ON "complaints" USING btree ("unit_id","next_due_at");--> statement-breakpoint
CREATE INDEX "complaints_next_due" ON "complaints" USING btree ("next_due_at");