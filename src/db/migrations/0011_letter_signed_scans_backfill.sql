-- Scans uploaded before letters kept a history: every one the audit trail recorded becomes a
-- row, in the order they came, with who uploaded it and when; each points at the one after it.
INSERT INTO letter_signed_scans (letter_id, sha256, uploaded_by, uploaded_at)
SELECT l.id, a.after->>'signedSha256', u.id, a.at
FROM audit_log a
JOIN letters l ON a.entity_id = l.id::text
LEFT JOIN users u ON u.id = a.actor_id
WHERE a.action = 'letter.attach_signed' AND a.entity = 'letter' AND a.after->>'signedSha256' IS NOT NULL
ORDER BY a.seq;
--> statement-breakpoint
-- A letter whose current scan the trail does not end with (set outside Jaring): that scan last,
-- its upload time unknown.
INSERT INTO letter_signed_scans (letter_id, sha256, uploaded_at)
SELECT l.id, l.signed_sha256, now()
FROM letters l
WHERE l.signed_sha256 IS NOT NULL
  AND l.signed_sha256 IS DISTINCT FROM (
    SELECT s.sha256 FROM letter_signed_scans s WHERE s.letter_id = l.id ORDER BY s.id DESC LIMIT 1
  )
ORDER BY l.id;
--> statement-breakpoint
UPDATE letter_signed_scans s SET replaced_by = n.next_id
FROM (
  SELECT id, lead(id) OVER (PARTITION BY letter_id ORDER BY id) AS next_id FROM letter_signed_scans
) n
WHERE s.id = n.id AND n.next_id IS NOT NULL;
