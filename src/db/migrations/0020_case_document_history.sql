ALTER TABLE "case_documents" ADD COLUMN "replaced_by" integer;--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "removed_by" integer;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_replaced_by_case_documents_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;