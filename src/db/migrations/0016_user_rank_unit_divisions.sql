ALTER TABLE "units" ADD COLUMN "one_head_for_all_divisions" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "rank" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "acting" text;