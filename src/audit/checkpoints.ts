import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../core/canonical-json.ts';
import { type Config, decodeSecretKey } from '../core/config.ts';
import { createFileOnce } from '../core/keys.ts';
import { type Db, rows } from '../db/client.ts';
import {
  Checkpoint,
  type CheckpointBody,
  type CheckpointReason,
  type CheckpointView,
  type CheckpointWritten,
} from './audit.schema.ts';

/**
 * Checkpoints anchor the audit chain outside its table: the head (entry number, hash, count)
 * signed with a key the database does not hold, appended to a file the database cannot rewrite.
 * Someone who can edit the table can re-hash it, empty it or cut its tail; they cannot make a
 * signed checkpoint agree with it again.
 */

export interface AuditKey {
  bytes: Buffer;
  /** A short fingerprint that names the key in each checkpoint. */
  id: string;
  /** Where it came from: the configuration, or the key file made on first start. */
  source: 'config' | 'file';
  /** The key file, when the key came from one. */
  file: string | null;
  /** Set when this start made the key file. */
  created: boolean;
  /** The key file can be read by other users of the machine. */
  exposed: boolean;
}

export const keyIdOf = (bytes: Buffer) =>
  createHash('sha256').update('jaring audit key\n').update(bytes).digest('hex').slice(0, 16);

/**
 * The checkpoint key: JARING_AUDIT_KEY when set, else `audit.key` in the data folder, made (32
 * random bytes, mode 0600) when `create` and absent. Null when there is none and none is made.
 */
export async function loadAuditKey(
  cfg: Pick<Config, 'auditKey' | 'dataDir'>,
  { create }: { create: boolean },
): Promise<AuditKey | null> {
  if (cfg.auditKey) {
    const bytes = decodeSecretKey(cfg.auditKey);
    if (!bytes) throw new Error('JARING_AUDIT_KEY is not a valid key');
    return { bytes, id: keyIdOf(bytes), source: 'config', file: null, created: false, exposed: false };
  }
  const file = path.resolve(cfg.dataDir, 'audit.key');
  let created = false;
  if (!existsSync(file)) {
    if (!create) return null;
    created = createFileOnce(file, `${randomBytes(32).toString('hex')}\n`);
  }
  const bytes = decodeSecretKey(await readFile(file, 'utf8'));
  if (!bytes) throw new Error(`${file} does not hold a valid audit key (64 hex digits)`);
  const mode = (await stat(file)).mode;
  return { bytes, id: keyIdOf(bytes), source: 'file', file, created, exposed: (mode & 0o077) !== 0 };
}

/** The startup warning when the key is the generated file rather than a configured secret. */
export function keyWarning(key: AuditKey): string | null {
  if (key.source !== 'file') return null;
  return (
    `audit checkpoints are signed with the key in ${key.file}${key.created ? ' (made now)' : ''}${key.exposed ? ', which other users can read (chmod 600 it)' : ''}; ` +
    'in production set JARING_AUDIT_KEY from a secret store and keep it out of the data backups, ' +
    'or someone with the data folder can sign forged checkpoints'
  );
}

export function signCheckpoint(key: AuditKey, body: CheckpointBody): Checkpoint {
  const sig = createHmac('sha256', key.bytes).update(canonicalJson(body)).digest('hex');
  return { ...body, sig };
}

/** Whether `key` made this checkpoint's signature. */
export function checkpointSigned(key: AuditKey, checkpoint: Checkpoint): boolean {
  const { sig, ...body } = checkpoint;
  const expected = createHmac('sha256', key.bytes).update(canonicalJson(body)).digest();
  return timingSafeEqual(expected, Buffer.from(sig, 'hex'));
}

/** One line of the checkpoint file as read back. */
export type CheckpointLine =
  | { line: number; checkpoint: Checkpoint; error?: undefined }
  | { line: number; checkpoint?: undefined; error: string };

function parseLine(line: number, text: string): CheckpointLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, error: 'not JSON' };
  }
  const parsed = Checkpoint.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { line, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  return { line, checkpoint: parsed.data };
}

/**
 * The append-only JSON-lines file of checkpoints. Each append is one write, flushed with
 * fsync before it returns; nothing ever rewrites a line.
 */
export class CheckpointFile {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(readonly file: string) {}

  /** Appends one checkpoint (serialised within this process) and syncs it to disk. */
  append(checkpoint: Checkpoint): Promise<void> {
    const run = this.queue.then(() => this.write(`${JSON.stringify(checkpoint)}\n`));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(text: string): Promise<void> {
    const isNew = !existsSync(this.file);
    if (isNew) await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a+', 0o644);
    try {
      // A line cut off by a crash must not swallow the next one.
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.write(prefix + text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (isNew) await syncDir(path.dirname(this.file));
  }

  /** Every line in order, read as a stream (the file grows by some 50,000 lines a year). */
  async *lines(): AsyncGenerator<CheckpointLine> {
    if (!existsSync(this.file)) return;
    const reader = createInterface({
      input: createReadStream(this.file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let n = 0;
    for await (const text of reader) {
      n++;
      if (text.trim() === '') continue;
      yield parseLine(n, text);
    }
  }

  /** The last line of the file, read from its tail without reading the rest. */
  async last(): Promise<Checkpoint | null> {
    if (!existsSync(this.file)) return null;
    const handle = await open(this.file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const lines = buffer.toString('utf8').split('\n');
      // The first piece may be a line cut in the middle by the window; the last may be empty.
      for (let i = lines.length - 1; i >= (length < size ? 1 : 0); i--) {
        const text = lines[i]?.trim();
        if (text) return parseLine(0, text).checkpoint ?? null;
      }
      return null;
    } finally {
      await handle.close();
    }
  }
}

async function syncDir(dir: string) {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is synced.
  } finally {
    await handle.close();
  }
}

/** The signing key and the checkpoint file, together: what writes and checks checkpoints. */
export interface AuditAnchor {
  key: AuditKey | null;
  file: CheckpointFile;
}

export function checkpointFilePath(cfg: Pick<Config, 'auditCheckpoints' | 'dataDir'>): string {
  return path.resolve(cfg.auditCheckpoints ?? path.join(cfg.dataDir, 'audit-checkpoints.jsonl'));
}

/** The anchor from the configuration; `createKey` makes the key file on first start. */
export async function openAuditAnchor(
  cfg: Pick<Config, 'auditKey' | 'auditCheckpoints' | 'dataDir'>,
  { createKey }: { createKey: boolean },
): Promise<AuditAnchor> {
  return {
    key: await loadAuditKey(cfg, { create: createKey }),
    file: new CheckpointFile(checkpointFilePath(cfg)),
  };
}

/** The chain's head now: last entry, its hash and the number of entries, in one snapshot. */
async function chainHead(db: Db): Promise<{ seq: number; hash: string; count: number } | null> {
  const [row] = await rows<{ seq: string | number; hash: string; count: string | number }>(
    db,
    sql`SELECT seq, hash, (SELECT count(*) FROM audit_log) AS count FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  return row ? { seq: Number(row.seq), hash: row.hash, count: Number(row.count) } : null;
}

/**
 * Signs the chain's head and appends it to the checkpoint file. With `onlyIfMoved` nothing is
 * written when the file's last checkpoint (signed by this key) already names the head; the
 * answer is then that checkpoint. Null when the chain is empty.
 */
export async function writeCheckpoint(
  db: Db,
  anchor: AuditAnchor,
  { reason, onlyIfMoved }: { reason: CheckpointReason; onlyIfMoved: boolean },
  now: () => Date = () => new Date(),
): Promise<{ checkpoint: Checkpoint; written: boolean } | null> {
  const key = anchor.key;
  if (!key) throw new Error('no audit key: set JARING_AUDIT_KEY or start the server once to make one');
  const head = await chainHead(db);
  if (!head) return null;
  if (onlyIfMoved) {
    const last = await anchor.file.last();
    if (last && last.seq === head.seq && last.hash === head.hash && checkpointSigned(key, last))
      return { checkpoint: last, written: false };
  }
  const checkpoint = signCheckpoint(key, {
    v: 1,
    alg: 'HMAC-SHA256',
    ...head,
    at: now().toISOString(),
    keyId: key.id,
    reason,
  });
  await anchor.file.append(checkpoint);
  return { checkpoint, written: true };
}

/**
 * The checkpoint a backup takes: always written, so the backup's moment is on record. The backup
 * command (not written yet) calls this before it copies the data and keeps the answer beside
 * the copy.
 */
export async function checkpointForBackup(db: Db, anchor: AuditAnchor): Promise<Checkpoint | null> {
  return (await writeCheckpoint(db, anchor, { reason: 'backup', onlyIfMoved: false }))?.checkpoint ?? null;
}

/**
 * The server's checkpoints: every `minutes` while it runs and once when it stops, each only when
 * the chain grew since the last one.
 */
export function scheduleCheckpoints(
  db: Db,
  anchor: AuditAnchor,
  minutes: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  const timer = setInterval(() => {
    writeCheckpoint(db, anchor, { reason: 'interval', onlyIfMoved: true }).catch(onError);
  }, minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await writeCheckpoint(db, anchor, { reason: 'shutdown', onlyIfMoved: true }).catch(onError);
    },
  };
}

/** A checkpoint with whether the key signs it and its printable text. */
export function viewOf(anchor: AuditAnchor, checkpoint: Checkpoint, unit?: string): CheckpointView {
  const trusted = anchor.key ? checkpointSigned(anchor.key, checkpoint) : false;
  return { ...checkpoint, trusted, text: formatCheckpoint(checkpoint, unit) };
}

/** A manual checkpoint (only when the chain grew since the last one), as the staff page shows it. */
export async function checkpointNow(db: Db, anchor: AuditAnchor, unit: string): Promise<CheckpointWritten> {
  const result = await writeCheckpoint(db, anchor, { reason: 'manual', onlyIfMoved: true });
  return {
    written: result?.written ?? false,
    checkpoint: result ? viewOf(anchor, result.checkpoint, unit) : null,
  };
}

/** The latest `limit` readable checkpoints of the file, newest first. */
export async function checkpointViews(
  anchor: AuditAnchor,
  limit: number,
  unit?: string,
): Promise<CheckpointView[]> {
  const ring: Checkpoint[] = [];
  for await (const line of anchor.file.lines()) {
    if (!line.checkpoint) continue;
    ring.push(line.checkpoint);
    if (ring.length > limit) ring.shift();
  }
  return ring.reverse().map((cp) => viewOf(anchor, cp, unit));
}

/** A short text an auditor can print, sign and file: the checkpoint in full. */
export function formatCheckpoint(checkpoint: Checkpoint, unit?: string): string {
  return [
    'JARING — TITIK PERIKSA JEJAK AUDIT / AUDIT CHECKPOINT',
    ...(unit ? [`Unit                       : ${unit}`] : []),
    `Entri terakhir / Last entry : ${checkpoint.seq}`,
    `Jumlah entri / Entries      : ${checkpoint.count}`,
    `Hash (SHA-256)              : ${checkpoint.hash}`,
    `Waktu / Time (UTC)          : ${checkpoint.at}`,
    `Alasan / Reason             : ${checkpoint.reason}`,
    `Kunci / Key id              : ${checkpoint.keyId}`,
    `Tanda tangan / ${checkpoint.alg}: ${checkpoint.sig}`,
    '',
    'Diperiksa oleh / Checked by: ____________________  Tanggal / Date: ____________  Paraf / Signature: ____________',
  ].join('\n');
}
