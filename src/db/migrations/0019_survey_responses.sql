CREATE TABLE "survey_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"standard_id" integer NOT NULL,
	"channel" text NOT NULL,
	"case_id" integer,
	"served_on" date NOT NULL,
	"u1" smallint,
	"u2" smallint,
	"u3" smallint,
	"u4" smallint,
	"u5" smallint,
	"u6" smallint,
	"u7" smallint,
	"u8" smallint,
	"u9" smallint,
	"sex" text,
	"age" smallint,
	"education" text,
	"occupation" text,
	"comment" text,
	"extra" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_case_id_unique" UNIQUE("case_id"),
	CONSTRAINT "survey_responses_scores" CHECK (coalesce("survey_responses"."u1", 1) between 1 and 4 and coalesce("survey_responses"."u2", 1) between 1 and 4 and coalesce("survey_responses"."u3", 1) between 1 and 4
        and coalesce("survey_responses"."u4", 1) between 1 and 4 and coalesce("survey_responses"."u5", 1) between 1 and 4 and coalesce("survey_responses"."u6", 1) between 1 and 4
        and coalesce("survey_responses"."u7", 1) between 1 and 4 and coalesce("survey_responses"."u8", 1) between 1 and 4 and coalesce("survey_responses"."u9", 1) between 1 and 4),
	CONSTRAINT "survey_responses_token_case" CHECK (("survey_responses"."channel" = 'token') = ("survey_responses"."case_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_period" ON "survey_responses" USING btree ("unit_id","standard_id","served_on");