CREATE INDEX "cases_unit_id" ON "cases" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "cases_applicant_nik" ON "cases" USING btree ("unit_id",("applicant"->>'nik'));--> statement-breakpoint
CREATE INDEX "cases_applicant_name_trgm" ON "cases" USING gin (("applicant"->>'name') gin_trgm_ops);