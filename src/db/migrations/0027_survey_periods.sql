CREATE TABLE "survey_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" integer NOT NULL,
	"unsur" text NOT NULL,
	"action" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_follow_ups_unsur" CHECK ("survey_follow_ups"."unsur" in ('U1','U2','U3','U4','U5','U6','U7','U8','U9')),
	CONSTRAINT "survey_follow_ups_status" CHECK ("survey_follow_ups"."status" in ('planned','in_progress','done'))
);
--> statement-breakpoint
CREATE TABLE "survey_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"semester" smallint,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	CONSTRAINT "survey_periods_unit_period" UNIQUE NULLS NOT DISTINCT("unit_id","year","semester"),
	CONSTRAINT "survey_periods_semester" CHECK ("survey_periods"."semester" is null or "survey_periods"."semester" in (1, 2)),
	CONSTRAINT "survey_periods_closed" CHECK (("survey_periods"."closed_at" is null) = ("survey_periods"."closed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_period_id_survey_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."survey_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_periods" ADD CONSTRAINT "survey_periods_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_periods" ADD CONSTRAINT "survey_periods_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_follow_ups_period" ON "survey_follow_ups" USING btree ("period_id");