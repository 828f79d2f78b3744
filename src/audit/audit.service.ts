import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { canonicalJson } from '../core/canonical-json.ts';
import { storableText } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';

/** Who is acting: a signed-in user, or the system (CLI, seed, public request). */
export interface Actor {
  userId: number | null;
  username: string | null;
  role: string | null;
  unitId: number | null;
  requestId?: string | undefined;
  ip?: string | undefined;
}

export const systemActor: Actor = { userId: null, username: 'system', role: null, unitId: null };

export interface AuditEntry {
  /** Dotted verb, e.g. `standard.publish`, `auth.login`. */
  action: string;
  entity: string;
  entityId?: string | number | undefined;
  unitId?: number | null | undefined;
  /** State before the change, or a reference to it (e.g. `{ revisionId: 3 }`). */
  before?: unknown;
  after?: unknown;
}

export const genesisHash = '0'.repeat(64);
/** Serialises writers of the chain; held until the surrounding transaction ends. */
const chainLockKey = 7_238_002;

interface HashedFields {
  seq: number;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  unitId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export function hashEntry(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends an entry to the chain. Call it inside the transaction that makes the change, so that
 * the change and its audit entry commit together or not at all.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${chainLockKey})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const seqResult = (await tx.execute(
      sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
    )) as unknown as {
      rows: Array<{ seq: string | number }>;
    };
    const seq = Number(seqResult.rows[0]?.seq);
    const fields: HashedFields = {
      seq,
      at: new Date().toISOString(),
      actorId: actor.userId,
      actorUsername: storableOrNull(actor.username),
      actorRole: storableOrNull(actor.role),
      unitId: entry.unitId === undefined ? actor.unitId : entry.unitId,
      action: storableText(entry.action),
      entity: storableText(entry.entity),
      entityId: entry.entityId === undefined ? null : storableText(String(entry.entityId)),
      before: normalise(entry.before),
      after: normalise(entry.after),
      requestId: storableOrNull(actor.requestId),
      ip: storableOrNull(actor.ip),
    };
    const prevHash = last?.hash ?? genesisHash;
    await tx.insert(auditLog).values({ ...fields, prevHash, hash: hashEntry(prevHash, fields) });
  });
}

/**
 * What jsonb gives back: undefined dropped, dates as strings, and text (keys too) as the
 * database keeps it, so that the hash is computed over the stored value whatever a caller passes.
 */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  return storable(JSON.parse(JSON.stringify(value)) as unknown);
}

function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)]));
  return value;
}

const storableOrNull = (s: string | null | undefined) => (s == null ? null : storableText(s));

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number | null;
  lastHash: string;
  broken?: { seq: number; reason: 'altered' | 'link'; message: string };
}

/**
 * Walks the whole chain in order and reports the first broken link: a row whose content no
 * longer matches its hash (altered), or whose prev_hash is not the hash of the row before it
 * (a row removed or inserted before it).
 */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<VerifyResult> {
  let prevHash = genesisHash;
  let prevSeq: number | null = null;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(prevSeq === null ? undefined : gt(auditLog.seq, prevSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of batch) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          lastSeq: prevSeq,
          lastHash: prevHash,
          broken: {
            seq: row.seq,
            reason: 'link',
            message: `entry ${row.seq}: previous-hash link broken (an entry before it, after ${prevSeq ?? 'the start'}, was removed or inserted)`,
          },
        };
      }
      const fields: HashedFields = {
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorUsername: row.actorUsername,
        actorRole: row.actorRole,
        unitId: row.unitId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.requestId,
        ip: row.ip,
      };
      if (hashEntry(row.prevHash, fields) !== row.hash) {
        return {
          ok: false,
          checked,
          lastSeq: prevSeq,
          lastHash: prevHash,
          broken: {
            seq: row.seq,
            reason: 'altered',
            message: `entry ${row.seq}: content does not match its hash (altered)`,
          },
        };
      }
      prevHash = row.hash;
      prevSeq = row.seq;
      checked++;
    }
    if (batch.length < batchSize) break;
  }
  return { ok: true, checked, lastSeq: prevSeq, lastHash: prevHash };
}
