import { z } from 'zod';

/**
 * What `audit verify` can find. A stretch runs from `fromSeq` to `toSeq` (entry numbers);
 * checkpoint problems name the checkpoint's entry, or null when its line cannot be read.
 * - altered: an entry's content no longer matches its own hash
 * - link: an entry's previous-hash is not the hash of the entry before it (removed or inserted)
 * - gap: entry numbers jump although the link holds (renumbered, or inserted with a skip)
 * - rehashed: entries agree with each other but not with a signed checkpoint that covers them
 * - missing: the entry a checkpoint names is gone from inside the chain
 * - truncated: a checkpoint names an entry beyond the chain's last one (the tail was removed)
 * - emptied: the log is empty although checkpoints exist (TRUNCATE or DELETE of everything)
 * - signature: a checkpoint line the key does not sign (forged, another key, unreadable, no key)
 */
export const AuditProblemKind = z.enum([
  'altered',
  'link',
  'gap',
  'rehashed',
  'missing',
  'truncated',
  'emptied',
  'signature',
]);
export type AuditProblemKind = z.infer<typeof AuditProblemKind>;

export const AuditProblem = z.object({
  kind: AuditProblemKind,
  fromSeq: z.number().int().nullable(),
  toSeq: z.number().int().nullable(),
  message: z.string(),
});
export type AuditProblem = z.infer<typeof AuditProblem>;

export const CheckpointReason = z.enum(['interval', 'shutdown', 'manual', 'backup']);
export type CheckpointReason = z.infer<typeof CheckpointReason>;

/** The signed part of a checkpoint: the chain's head at a moment, and who signed it. */
export const CheckpointBody = z.object({
  v: z.literal(1),
  alg: z.literal('HMAC-SHA256'),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().min(0),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  reason: CheckpointReason,
});
export type CheckpointBody = z.infer<typeof CheckpointBody>;

/** One line of the checkpoint file. */
export const Checkpoint = CheckpointBody.extend({ sig: z.string().regex(/^[0-9a-f]{64}$/) });
export type Checkpoint = z.infer<typeof Checkpoint>;

export const VerifyResult = z.object({
  /** No problem found. */
  ok: z.boolean(),
  /** Entries read. */
  checked: z.number().int(),
  /** The chain's last entry (its head) as found in the table. */
  lastSeq: z.number().int().nullable(),
  lastHash: z.string(),
  /** Every broken stretch, in entry order. */
  problems: z.array(AuditProblem),
  /** Problems beyond the first thousand, counted but not listed. */
  problemsOmitted: z.number().int(),
  checkpoint: z.object({
    /** The checkpoint file read, or null when the check had none. */
    file: z.string().nullable(),
    /** Lines read from it, and those whose signature the key verifies. */
    read: z.number().int(),
    trusted: z.number().int(),
    /** The latest trusted checkpoint, and whether the chain still holds its entry and hash. */
    latest: z
      .object({
        seq: z.number().int(),
        hash: z.string(),
        count: z.number().int(),
        at: z.string(),
        keyId: z.string(),
        holds: z.boolean(),
      })
      .nullable(),
  }),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

/** A checkpoint as the auditors' list shows it: the record, its trust, and a printable text. */
export const CheckpointView = Checkpoint.extend({ trusted: z.boolean(), text: z.string() });
export type CheckpointView = z.infer<typeof CheckpointView>;

/** Where a trail entry leads: the case (a letter leads to its case), the family, the register. */
export const AuditLink = z.object({
  kind: z.enum(['case', 'family', 'register']),
  id: z.number().int().nullable(),
});
export type AuditLink = z.infer<typeof AuditLink>;

/** One line of the unit's audit trail as the staff page lists it, in the reader's words. */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  /** The user's name today; null for the system or a user no longer known. */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** The recorded role(s) by their labels, e.g. "Kepala Dinas". */
  actorRoleLabel: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  /** The object's name where it has one people know (a user's name). */
  entityName: z.string().nullable(),
  link: AuditLink.nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** The trail's filters, shared by the list and the export. Dates are days in the unit's zone. */
export const AuditFilter = z.object({
  actor: z.coerce.number().int().min(1).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** The export's query: the filters, and the language of its labels (a download sends no header of the app's). */
export const AuditExportQuery = AuditFilter.extend({ lang: z.enum(['id', 'en']).optional() });

export const AuditListQuery = AuditFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset cursor: entries older than this entry number (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).optional(),
});
export const AuditList = z.object({
  entries: z.array(AuditEntryView),
  /** The cursor of the next (older) page, or null when this page holds the last entry. */
  nextBefore: z.number().int().nullable(),
});
export type AuditList = z.infer<typeof AuditList>;

/** The unit's users, to filter the trail by. */
export const AuditActors = z.object({
  actors: z.array(
    z.object({ id: z.number().int(), name: z.string(), username: z.string(), roleLabel: z.string() }),
  ),
});
export type AuditActors = z.infer<typeof AuditActors>;

export const CheckpointsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });
export const CheckpointList = z.object({ checkpoints: z.array(CheckpointView) });
export type CheckpointList = z.infer<typeof CheckpointList>;

/** `POST /api/audit/checkpoints`: 201 when a checkpoint was written, 200 when the last one still names the head. */
export const CheckpointWritten = z.object({ written: z.boolean(), checkpoint: CheckpointView.nullable() });
export type CheckpointWritten = z.infer<typeof CheckpointWritten>;
