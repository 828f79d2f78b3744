CREATE TABLE "emergencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"disaster" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_areas" (
	"emergency_id" integer NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "emergency_areas_emergency_id_region_code_pk" PRIMARY KEY("emergency_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "emergency_decrees" (
	"id" serial PRIMARY KEY NOT NULL,
	"emergency_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"decreed_on" date NOT NULL,
	"declared_by" text NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_areas" ADD CONSTRAINT "emergency_areas_emergency_id_emergencies_id_fk" FOREIGN KEY ("emergency_id") REFERENCES "public"."emergencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_decrees" ADD CONSTRAINT "emergency_decrees_emergency_id_emergencies_id_fk" FOREIGN KEY ("emergency_id") REFERENCES "public"."emergencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_decrees" ADD CONSTRAINT "emergency_decrees_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergencies_unit" ON "emergencies" USING btree ("unit_id","ends_on");--> statement-breakpoint
CREATE INDEX "emergency_decrees_emergency" ON "emergency_decrees" USING btree ("emergency_id");