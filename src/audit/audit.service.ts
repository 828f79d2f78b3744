import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { offsetMinutes } from '../core/calendar.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { DomainError } from '../core/errors.ts';
import { fill, type Language, type Text } from '../core/i18n.ts';
import { maskPersonalNumbers } from '../core/privacy.ts';
import { storableText } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import type {
  AuditEntryView,
  AuditFilter,
  AuditLink,
  AuditProblem,
  Checkpoint,
  VerifyResult,
} from './audit.schema.ts';
import { auditLog } from './audit.tables.ts';
import { actionLabel, entityLabel } from './audit-labels.ts';
import { type AuditAnchor, checkpointSigned } from './checkpoints.ts';

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
  await recordAudits(db, actor, [entry]);
}

/**
 * Appends entries to the chain in order, under one taking of its lock, which is held until the
 * surrounding transaction ends: every audited write waits on it, so a transaction that does
 * slow work (a PDF) writes its entries last.
 */
export async function recordAudits(db: Db, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${chainLockKey})`);
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    // The next number after the last entry, under the lock: a sequence would leave a gap for
    // every rolled-back transaction and crash, and verify reports gaps as tampering.
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? genesisHash;
    const at = new Date().toISOString();
    const values = entries.map((entry) => {
      seq += 1;
      const fields: HashedFields = {
        seq,
        at,
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
      const hash = hashEntry(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await tx.insert(auditLog).values(values);
  });
}

/**
 * What jsonb gives back: undefined dropped, dates as strings, and text (keys too) as the
 * database keeps it, so that the hash is computed over the stored value whatever a caller passes;
 * NIK and KK numbers masked, as the chain is kept for years and read by auditors
 * (`core/privacy.ts`).
 */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  return storable(JSON.parse(JSON.stringify(maskPersonalNumbers(value))) as unknown);
}

function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)]));
  return value;
}

const storableOrNull = (s: string | null | undefined) => (s == null ? null : storableText(s));

/** The hashed fields of a stored row, as `recordAudit` hashed them. */
export function fieldsOf(row: typeof auditLog.$inferSelect): HashedFields {
  return {
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
}

const texts = {
  altered: {
    id: '{entries}: isi tidak cocok dengan hash-nya (diubah)',
    en: '{entries}: content does not match its hash (altered)',
  },
  link: {
    id: '{entries}: tautan ke hash entri sebelumnya putus (ada entri yang dihapus, disisipkan atau ditukar di sini)',
    en: '{entries}: the link to the previous entry’s hash is broken (an entry was removed, inserted or swapped here)',
  },
  removed: {
    id: '{missing} hilang dan entri {seq} tidak bertaut ke {prev}: dihapus',
    en: '{missing} missing and entry {seq} does not link to {prev}: removed',
  },
  gap: {
    id: 'nomor entri melompat dari {prev} ke entri {seq}: {missing} tidak ada padahal entri {seq} bertaut ke {prev} (dinomori ulang, atau ditulis dengan nomor yang dilewati)',
    en: 'entry numbers jump from {prev} to entry {seq}: {missing} absent although entry {seq} links to {prev} (renumbered, or written with a skipped number)',
  },
  rehashed: {
    id: '{entries}: hash saling cocok tetapi tidak cocok dengan titik periksa bertanda tangan sampai entri {cpSeq} ({at}): ditulis ulang dan di-hash ulang setelah {since}',
    en: '{entries}: the hashes agree with each other but not with the signed checkpoint(s) up to entry {cpSeq} ({at}): rewritten and re-hashed after {since}',
  },
  missing: {
    id: 'titik periksa bertanda tangan {at} menyebut entri {seq} (hash {hash}…), yang sudah tidak ada di rantai',
    en: 'the signed checkpoint of {at} names entry {seq} (hash {hash}…), which is gone from the chain',
  },
  truncated: {
    id: 'rantai berakhir di entri {last} tetapi titik periksa bertanda tangan {at} menyebut entri {seq}: {missing} dihapus dari ujung rantai',
    en: 'the chain ends at entry {last} but the signed checkpoint of {at} names entry {seq}: {missing} removed from its end',
  },
  emptied: {
    id: 'log audit kosong tetapi titik periksa bertanda tangan {at} menyebut entri {seq} dari {count} entri: semuanya dihapus (TRUNCATE atau DELETE)',
    en: 'the audit log is empty but the signed checkpoint of {at} names entry {seq} of {count}: all were removed (TRUNCATE or DELETE)',
  },
  unreadable: {
    id: 'baris {line} berkas titik periksa tidak dapat dibaca ({error})',
    en: 'line {line} of the checkpoint file cannot be read ({error})',
  },
  otherKey: {
    id: 'baris {line} berkas titik periksa (entri {seq}, {at}) ditandatangani dengan kunci lain ({keyId}), bukan kunci yang dipasang ({ourKeyId})',
    en: 'line {line} of the checkpoint file (entry {seq}, {at}) is signed with another key ({keyId}), not the configured one ({ourKeyId})',
  },
  forged: {
    id: 'baris {line} berkas titik periksa (entri {seq}, {at}): tanda tangannya tidak cocok dengan kunci (dipalsukan atau diubah)',
    en: 'line {line} of the checkpoint file (entry {seq}, {at}): its signature does not verify with the key (forged or altered)',
  },
  noKey: {
    id: '{count} titik periksa tidak dapat diperiksa: tidak ada kunci audit (pasang JARING_AUDIT_KEY, atau kembalikan audit.key ke folder data)',
    en: '{count} checkpoint(s) cannot be checked: no audit key (set JARING_AUDIT_KEY, or put audit.key back in the data folder)',
  },
} satisfies Record<string, Text>;

export interface VerifyOptions {
  /** The key and checkpoint file to check the chain against; without it only the chain is walked. */
  anchor?: AuditAnchor | undefined;
  /** Rows read per query; the walk never holds more. */
  batchSize?: number;
  lang?: Language;
}

const maxProblems = 1_000;

/**
 * Walks the whole chain in order, in batches, and reports every broken stretch: altered
 * entries, broken links, gaps in the numbering, and, against the signed checkpoints, re-hashed
 * stretches, entries gone from inside or from the end, an emptied table and checkpoints the key
 * does not sign. After a break the walk goes on from the broken entry's own hash, so a later
 * break shows too.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { anchor, batchSize = 5_000, lang = 'id' } = options;
  const say = (key: keyof typeof texts, params: Record<string, unknown>) => fill(texts[key][lang], params);
  const entries = (from: number, to: number) =>
    from === to
      ? `${lang === 'id' ? 'entri' : 'entry'} ${from}`
      : `${lang === 'id' ? 'entri' : 'entries'} ${from}–${to}`;
  const entryOf = (seq: number | null) =>
    seq === null
      ? lang === 'id'
        ? 'awal rantai'
        : 'the start'
      : `${lang === 'id' ? 'entri' : 'entry'} ${seq}`;

  const problems: AuditProblem[] = [];
  let omitted = 0;
  const add = (problem: AuditProblem): AuditProblem | null => {
    if (problems.length >= maxProblems) {
      omitted++;
      return null;
    }
    problems.push(problem);
    return problem;
  };

  // Checkpoints first: the trusted ones, by entry, to meet while walking.
  const { trusted, read, latest, signatureProblems } = await readCheckpoints(anchor, say);
  for (const p of signatureProblems) add(p);
  const byKey = new Map<string, Checkpoint>();
  for (const cp of trusted) if (!byKey.has(`${cp.seq}:${cp.hash}`)) byKey.set(`${cp.seq}:${cp.hash}`, cp);
  const ahead = [...byKey.values()].sort((a, b) => a.seq - b.seq);
  const held = new Set<string>();
  let next = 0;
  let lastMatch: number | null = null;
  let rehash: { problem: AuditProblem; from: number } | null = null;

  // Adjacent altered entries (or broken links) are one stretch.
  const lastOf: Partial<Record<'altered' | 'link', AuditProblem>> = {};
  const stretch = (kind: 'altered' | 'link', seq: number) => {
    const last = lastOf[kind];
    if (last && last.toSeq === seq - 1) {
      last.toSeq = seq;
      last.message = say(kind, { entries: entries(last.fromSeq ?? seq, seq) });
      return;
    }
    const made = add({ kind, fromSeq: seq, toSeq: seq, message: say(kind, { entries: entries(seq, seq) }) });
    if (made) lastOf[kind] = made;
  };

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
      const expected = (prevSeq ?? 0) + 1;
      const linked = row.prevHash === prevHash;
      if (row.seq > expected) {
        const missing = entries(expected, row.seq - 1);
        if (linked)
          add({
            kind: 'gap',
            fromSeq: expected,
            toSeq: row.seq - 1,
            message: say('gap', { prev: entryOf(prevSeq), seq: row.seq, missing }),
          });
        else
          add({
            kind: 'link',
            fromSeq: expected,
            toSeq: row.seq,
            message: say('removed', { missing, seq: row.seq, prev: entryOf(prevSeq) }),
          });
      } else if (!linked) stretch('link', row.seq);
      if (hashEntry(row.prevHash, fieldsOf(row)) !== row.hash) stretch('altered', row.seq);

      for (; next < ahead.length && (ahead[next]?.seq ?? 0) <= row.seq; next++) {
        const cp = ahead[next] as Checkpoint;
        if (cp.seq < row.seq) {
          add({
            kind: 'missing',
            fromSeq: cp.seq,
            toSeq: cp.seq,
            message: say('missing', { at: cp.at, seq: cp.seq, hash: cp.hash.slice(0, 16) }),
          });
        } else if (cp.hash === row.hash) {
          held.add(`${cp.seq}:${cp.hash}`);
          lastMatch = cp.seq;
          rehash = null;
        } else {
          // Every mismatching checkpoint since the last matching one widens one stretch.
          const from: number = rehash?.from ?? (lastMatch ?? 0) + 1;
          const message = say('rehashed', {
            entries: entries(from, cp.seq),
            cpSeq: cp.seq,
            at: cp.at,
            since: lastMatch === null ? entryOf(null) : entryOf(lastMatch),
          });
          if (rehash) {
            rehash.problem.toSeq = cp.seq;
            rehash.problem.message = message;
          } else {
            const made = add({ kind: 'rehashed', fromSeq: from, toSeq: cp.seq, message });
            rehash = made ? { problem: made, from } : null;
          }
        }
      }
      prevHash = row.hash;
      prevSeq = row.seq;
      checked++;
    }
    if (batch.length < batchSize) break;
  }

  // Checkpoints beyond the last entry: the tail was cut, or the whole table emptied.
  const beyond = ahead.slice(next);
  const furthest = beyond.at(-1);
  if (furthest) {
    if (prevSeq === null)
      add({
        kind: 'emptied',
        fromSeq: 1,
        toSeq: furthest.seq,
        message: say('emptied', { at: furthest.at, seq: furthest.seq, count: furthest.count }),
      });
    else
      add({
        kind: 'truncated',
        fromSeq: prevSeq + 1,
        toSeq: furthest.seq,
        message: say('truncated', {
          last: prevSeq,
          at: furthest.at,
          seq: furthest.seq,
          missing: entries(prevSeq + 1, furthest.seq),
        }),
      });
  }

  problems.sort((a, b) => (a.fromSeq ?? 0) - (b.fromSeq ?? 0));
  return {
    ok: problems.length === 0 && omitted === 0,
    checked,
    lastSeq: prevSeq,
    lastHash: prevHash,
    problems,
    problemsOmitted: omitted,
    checkpoint: {
      file: anchor ? anchor.file.file : null,
      read,
      trusted: trusted.length,
      latest: latest
        ? {
            seq: latest.seq,
            hash: latest.hash,
            count: latest.count,
            at: latest.at,
            keyId: latest.keyId,
            holds: held.has(`${latest.seq}:${latest.hash}`),
          }
        : null,
    },
  };
}

/** The checkpoint file's lines: those the key signs, and a problem for each other line. */
async function readCheckpoints(
  anchor: AuditAnchor | undefined,
  say: (key: keyof typeof texts, params: Record<string, unknown>) => string,
): Promise<{
  trusted: Checkpoint[];
  read: number;
  latest: Checkpoint | null;
  signatureProblems: AuditProblem[];
}> {
  const trusted: Checkpoint[] = [];
  const signatureProblems: AuditProblem[] = [];
  let read = 0;
  let unchecked = 0;
  if (!anchor) return { trusted, read, latest: null, signatureProblems };
  const key = anchor.key;
  for await (const line of anchor.file.lines()) {
    read++;
    const cp = line.checkpoint;
    if (!cp) {
      signatureProblems.push({
        kind: 'signature',
        fromSeq: null,
        toSeq: null,
        message: say('unreadable', { line: line.line, error: line.error }),
      });
    } else if (!key) {
      unchecked++;
    } else if (checkpointSigned(key, cp)) {
      trusted.push(cp);
    } else {
      const params = { line: line.line, seq: cp.seq, at: cp.at, keyId: cp.keyId, ourKeyId: key.id };
      signatureProblems.push({
        kind: 'signature',
        fromSeq: cp.seq,
        toSeq: cp.seq,
        message: say(cp.keyId === key.id ? 'forged' : 'otherKey', params),
      });
    }
  }
  if (unchecked > 0)
    signatureProblems.push({
      kind: 'signature',
      fromSeq: null,
      toSeq: null,
      message: say('noKey', { count: unchecked }),
    });
  return { trusted, read, latest: trusted.at(-1) ?? null, signatureProblems };
}

/**
 * What the trail needs of the people it names. Audit sits below auth and knows no users table:
 * the composition root hands these in.
 */
export interface TrailPeople {
  /** Users' names by id (ids of unknown users are left out). */
  names(db: Db, ids: number[]): Promise<Map<number, string>>;
  /** A role's label, e.g. `kepala_dinas` → "Kepala Dinas"; undefined for an unknown role. */
  roleLabel(role: string): Text | undefined;
}

type TrailRow = {
  seq: number;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  caseId: string | null;
};

const trailColumns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorUsername: auditLog.actorUsername,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  // A letter's entry names its case in `after`: the trail links the letter to its case.
  caseId: sql<string | null>`${auditLog.after}->>'caseId'`,
};

/** Midnight at the start of a calendar day in the unit's zone. */
function startOfDay(date: string, timeZone: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMinutes(timeZone) * 60_000);
}

/** Refuses a date range that ends before it starts (before a download begins, too). */
export function checkAuditFilter(filter: AuditFilter): void {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new DomainError('audit.range_invalid', { from: filter.from, to: filter.to });
}

/** The unit's entries the filter keeps; `before` and `upTo` bound them by entry number. */
function trailWhere(
  unitId: number,
  timeZone: string,
  filter: AuditFilter,
  bounds: { before?: number | undefined; upTo?: number | undefined } = {},
) {
  checkAuditFilter(filter);
  const conditions: SQL[] = [eq(auditLog.unitId, unitId)];
  if (filter.actor !== undefined) conditions.push(eq(auditLog.actorId, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, startOfDay(filter.from, timeZone).toISOString()));
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    conditions.push(lt(auditLog.at, startOfDay(next, timeZone).toISOString()));
  }
  if (bounds.before !== undefined) conditions.push(lt(auditLog.seq, bounds.before));
  if (bounds.upTo !== undefined) conditions.push(lte(auditLog.seq, bounds.upTo));
  return and(...conditions);
}

/**
 * One page of the unit's trail, newest first, without the entries' before/after contents. Paged
 * by entry number (keyset), so every entry is on exactly one page however the trail grows.
 */
export async function auditTrail(
  db: Db,
  unit: { id: number; timeZone: string },
  query: AuditFilter & { limit: number; before?: number | undefined },
  people: TrailPeople,
  lang: Language,
): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const rows = await db
    .select(trailColumns)
    .from(auditLog)
    .where(trailWhere(unit.id, unit.timeZone, query, { before: query.before }))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return {
    entries: await describeEntries(db, page, people, lang),
    nextBefore: more ? (page.at(-1)?.seq ?? null) : null,
  };
}

/** The filtered trail up to entry `upTo`, newest first, in batches (for the export). */
export async function* auditTrailBatches(
  db: Db,
  unit: { id: number; timeZone: string },
  filter: AuditFilter,
  upTo: number,
  people: TrailPeople,
  lang: Language,
  batchSize = 1_000,
): AsyncGenerator<AuditEntryView[]> {
  let before: number | undefined;
  for (;;) {
    const rows = await db
      .select(trailColumns)
      .from(auditLog)
      .where(trailWhere(unit.id, unit.timeZone, filter, { before, upTo }))
      .orderBy(desc(auditLog.seq))
      .limit(batchSize);
    if (rows.length > 0) yield await describeEntries(db, rows, people, lang);
    if (rows.length < batchSize) return;
    before = rows.at(-1)?.seq;
  }
}

/** The chain's last entry number (0 when empty). */
export async function auditHead(db: Db): Promise<number> {
  const [last] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last?.seq ?? 0;
}

/** A role as recorded (`kepala_dinas,auditor`) by its labels. */
export function roleLabelOf(role: string | null, people: TrailPeople, lang: Language): string | null {
  if (!role) return null;
  return role
    .split(',')
    .map((r) => people.roleLabel(r)?.[lang] ?? r)
    .join(', ');
}

async function describeEntries(
  db: Db,
  rows: TrailRow[],
  people: TrailPeople,
  lang: Language,
): Promise<AuditEntryView[]> {
  // Actors, and users who are the object of an entry (`user.create`), by name.
  const objectUsers = rows.flatMap((r) => (r.entity === 'user' ? [idOf(r.entityId)] : []));
  const ids = [
    ...new Set([...rows.map((r) => r.actorId), ...objectUsers].filter((id): id is number => id !== null)),
  ];
  const names = ids.length > 0 ? await people.names(db, ids) : new Map<number, string>();
  return rows.map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    actorName: r.actorId === null ? null : (names.get(r.actorId) ?? null),
    actorRole: r.actorRole,
    actorRoleLabel: roleLabelOf(r.actorRole, people, lang),
    action: r.action,
    actionLabel: actionLabel(r.action, lang),
    entity: r.entity,
    entityLabel: entityLabel(r.entity, lang),
    entityId: r.entityId,
    entityName: r.entity === 'user' ? (names.get(idOf(r.entityId) ?? 0) ?? null) : null,
    link: linkOf(r),
  }));
}

const idOf = (value: string | null) => (value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null);

function linkOf(r: TrailRow): AuditLink | null {
  if (r.entity === 'case') {
    const id = idOf(r.entityId);
    return id === null ? null : { kind: 'case', id };
  }
  if (r.entity === 'letter') {
    const id = idOf(r.caseId);
    return id === null ? null : { kind: 'case', id };
  }
  if (r.entity === 'registry_family') {
    const id = idOf(r.entityId);
    return id === null ? null : { kind: 'family', id };
  }
  if (r.entity === 'registry_person' || r.entity === 'person') return { kind: 'register', id: null };
  return null;
}
