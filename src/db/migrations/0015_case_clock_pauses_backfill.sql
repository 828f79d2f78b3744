-- Cases returned before their clock could pause: the wait began at the return (the last action
-- that is not a claim; a returned case takes only claims and the resume) and, while time was
-- left, the case has no due time; its next action recomputes the due from its history.
UPDATE "cases" c SET "paused_at" = (
  SELECT max(a."at") FROM "case_actions" a WHERE a."case_id" = c."id" AND a."action" <> 'claim'
)
WHERE c."status" = 'returned';--> statement-breakpoint
UPDATE "cases" SET "due_at" = NULL
WHERE "status" = 'returned' AND "breached_at" IS NULL AND "due_at" > "paused_at";--> statement-breakpoint
UPDATE "cases" c SET "pause_count" = (
  SELECT count(*) FROM "case_actions" a WHERE a."case_id" = c."id" AND a."action" = 'resume'
) + CASE WHEN c."status" = 'returned' THEN 1 ELSE 0 END;
