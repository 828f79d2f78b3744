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

/** One line of the unit's audit trail as the staff page lists it. */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export const AuditList = z.object({ entries: z.array(AuditEntryView) });
export type AuditList = z.infer<typeof AuditList>;

export const CheckpointsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });
export const CheckpointList = z.object({ checkpoints: z.array(CheckpointView) });
export type CheckpointList = z.infer<typeof CheckpointList>;

/** `POST /api/audit/checkpoints`: 201 when a checkpoint was written, 200 when the last one still names the head. */
export const CheckpointWritten = z.object({ written: z.boolean(), checkpoint: CheckpointView.nullable() });
export type CheckpointWritten = z.infer<typeof CheckpointWritten>;
