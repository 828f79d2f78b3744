ALTER TABLE "cases" ADD COLUMN "step_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cases_waiting_due" ON "cases" USING btree ("unit_id","step_role",coalesce("step_due_at", "due_at"),"id") WHERE "cases"."status" IN ('open', 'returned');
--> statement-breakpoint
-- Cases already waiting at a step with a deadline (workflow.steps[].deadline) get its due time as
-- deadline.ts `stepDueAtOf` reckons it: hours from the opening by the intake answer if it is an
-- option, else by the default. From now on the engine sets it whenever the step or the intake changes.
UPDATE "cases" c SET "step_due_at" = c."opened_at" + coalesce(
    (s.step->'deadline'->'hours'->>(c."intake"->>(s.step->'deadline'->>'intakeField')))::numeric,
    (s.step->'deadline'->'hours'->>(s.step->'deadline'->>'default'))::numeric
  ) * interval '1 hour'
FROM "standard_revisions" r, jsonb_array_elements(r."content"->'workflow'->'steps') AS s(step)
WHERE r."id" = c."revision_id" AND c."step" IS NOT NULL AND s.step->>'id' = c."step"
  AND s.step ? 'deadline';
