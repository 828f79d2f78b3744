import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { type Database, type Db, rows } from '../db/client.ts';
import type { AuditProblem, Checkpoint } from './audit.schema.ts';
import { fieldsOf, hashEntry, recordAudit, systemActor, verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.tables.ts';
import {
  type AuditAnchor,
  type AuditKey,
  checkpointForBackup,
  formatCheckpoint,
  keyIdOf,
  openAuditAnchor,
  scheduleCheckpoints,
  signCheckpoint,
  writeCheckpoint,
} from './checkpoints.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function write(db: Db, n: number, tag = 'test.write') {
  for (let i = 0; i < n; i++)
    await recordAudit(db, systemActor, {
      action: tag,
      entity: 'thing',
      entityId: i,
      before: { n: i },
      after: { n: i + 1, nested: { b: 2, a: 1 } },
    });
}

async function head(db: Db): Promise<number> {
  const [row] = await rows<{ seq: string | number }>(db, sql`SELECT max(seq) AS seq FROM audit_log`);
  return Number(row?.seq);
}

/** What someone with database access does first: switch the append-only triggers off. */
async function dropGuard(db: Db) {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`);
}

/** Recomputes every hash from entry `from` on, as a careful tamperer would. */
async function rehashFrom(db: Db, from: number) {
  const [before] = await rows<{ hash: string }>(db, sql`SELECT hash FROM audit_log WHERE seq = ${from - 1}`);
  let prev = before?.hash ?? '0'.repeat(64);
  const later = await db.select().from(auditLog).where(sql`seq >= ${from}`).orderBy(auditLog.seq);
  for (const row of later) {
    const hash = hashEntry(prev, fieldsOf(row));
    await db.execute(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${row.seq}`);
    prev = hash;
  }
}

let anchors = 0;
/** A checkpoint file and key of its own (the key in the folder, as on a first start). */
function anchorFor(dir = path.join(tmp, `a${++anchors}`), auditKey?: string): Promise<AuditAnchor> {
  return openAuditAnchor({ dataDir: dir, auditKey, auditCheckpoints: undefined }, { createKey: true });
}

const kinds = (problems: AuditProblem[]) => problems.map((p) => [p.kind, p.fromSeq, p.toSeq]);

describe('audit chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await write(database.db, 5);
  });
  afterAll(() => database.close());

  it('verifies an intact chain (seed entries included)', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThanOrEqual(5);
    expect(result.lastSeq).toBe(await head(database.db));
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    const cause = async (q: Promise<unknown>) => {
      try {
        await q;
        return 'no error';
      } catch (error) {
        const e = error as Error & { cause?: Error };
        return `${e.message} ${e.cause?.message ?? ''}`;
      }
    };
    expect(await cause(database.db.execute(sql`UPDATE audit_log SET action = 'x'`))).toMatch(
      /append-only \(UPDATE refused\)/,
    );
    expect(await cause(database.db.execute(sql`DELETE FROM audit_log`))).toMatch(
      /append-only \(DELETE refused\)/,
    );
    expect(await cause(database.db.execute(sql`TRUNCATE audit_log`))).toMatch(
      /append-only \(TRUNCATE refused\)/,
    );
  });

  it('numbers entries without gaps, even after a rolled-back transaction', async () => {
    const before = await head(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await write(tx, 1, 'test.rolled_back');
        throw new Error('the change fails after its audit entry');
      }),
    ).rejects.toThrow('the change fails');
    await write(database.db, 1);
    expect(await head(database.db)).toBe(before + 1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('keeps numbers and links whole under concurrent writers (a pool on PostgreSQL)', async () => {
    const before = await head(database.db);
    await Promise.all(Array.from({ length: 24 }, (_, i) => write(database.db, 1, `test.concurrent${i}`)));
    expect(await head(database.db)).toBe(before + 24);
    const result = await verifyAuditChain(database.db);
    expect(result.problems).toEqual([]);
  });
});

describe('audit verify with the append-only trigger dropped', () => {
  let database: Database;
  afterEach(async () => {
    await database.close();
  });
  /** A fresh chain of the seed's entries and `n` more, with its own checkpoint file. */
  async function chain(n = 8) {
    database = await createTestDatabase();
    await write(database.db, n);
    const anchor = await anchorFor();
    return { db: database.db, anchor, top: await head(database.db) };
  }
  const checkpoint = (db: Db, anchor: AuditAnchor) =>
    writeCheckpoint(db, anchor, { reason: 'manual', onlyIfMoved: false });

  it('a clean chain with checkpoints verifies ok, in batches', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    const result = await verifyAuditChain(db, { anchor, batchSize: 3 });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(top);
    expect(result.checkpoint).toMatchObject({ read: 1, trusted: 1, latest: { seq: top, holds: true } });
  });

  it('reports an edited entry as altered, and only that one', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`UPDATE audit_log SET after = '{"n": 999}'::jsonb WHERE seq = ${top - 3}`);
    const result = await verifyAuditChain(db, { anchor, batchSize: 2, lang: 'en' });
    expect(result.ok).toBe(false);
    expect(kinds(result.problems)).toEqual([['altered', top - 3, top - 3]]);
    expect(result.problems[0]?.message).toBe(`entry ${top - 3}: content does not match its hash (altered)`);
    // The stored hashes still agree with the checkpoint: the edit is the only problem.
    expect(result.checkpoint.latest?.holds).toBe(true);
  });

  it('reports a deleted middle entry as a broken link naming the missing entry', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`DELETE FROM audit_log WHERE seq = ${top - 4}`);
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(kinds(result.problems)).toEqual([['link', top - 4, top - 3]]);
    expect(result.problems[0]?.message).toBe(
      `entry ${top - 4} missing and entry ${top - 3} does not link to entry ${top - 5}: removed`,
    );
  });

  it('reports the last entries deleted after a checkpoint as a truncated tail', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`DELETE FROM audit_log WHERE seq > ${top - 3}`);
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(kinds(result.problems)).toEqual([['truncated', top - 2, top]]);
    expect(result.problems[0]?.message).toContain(`the chain ends at entry ${top - 3}`);
    expect(result.checkpoint.latest).toMatchObject({ seq: top, holds: false });
    // Entries written after the cut take the cut entries' numbers; the checkpoint still differs.
    await write(db, 3);
    const rewritten = await verifyAuditChain(db, { anchor });
    expect(kinds(rewritten.problems)).toEqual([['rehashed', 1, top]]);
  });

  it('reports a TRUNCATE after a checkpoint as an emptied log', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`TRUNCATE audit_log`);
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(result.checked).toBe(0);
    expect(kinds(result.problems)).toEqual([['emptied', 1, top]]);
    expect(result.problems[0]?.message).toMatch(/^the audit log is empty but the signed checkpoint/);
  });

  it('catches an entry edited and every later hash recomputed, between two checkpoints', async () => {
    const { db, anchor, top } = await chain();
    const early = top - 5;
    const [atEarly] = await rows<{ hash: string }>(db, sql`SELECT hash FROM audit_log WHERE seq = ${early}`);
    const key = anchor.key as AuditKey;
    // A checkpoint taken when the chain ended at `early`, then one at its last entry.
    await anchor.file.append(
      signCheckpoint(key, {
        v: 1,
        alg: 'HMAC-SHA256',
        seq: early,
        hash: atEarly?.hash as string,
        count: early,
        at: new Date().toISOString(),
        keyId: key.id,
        reason: 'interval',
      }),
    );
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`UPDATE audit_log SET actor_username = 'mallory' WHERE seq = ${top - 2}`);
    await rehashFrom(db, top - 2);
    // Without checkpoints the rewrite is invisible: that is what they are for.
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(kinds(result.problems)).toEqual([['rehashed', early + 1, top]]);
    expect(result.problems[0]?.message).toContain(`rewritten and re-hashed after entry ${early}`);
  });

  it('reports a gap in the numbering of a properly chained entry', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    const [last] = await db.select().from(auditLog).where(sql`seq = ${top}`);
    const fields = { ...fieldsOf(last as typeof auditLog.$inferSelect), seq: top + 5, action: 'test.skip' };
    await db
      .insert(auditLog)
      .values({ ...fields, prevHash: last?.hash ?? '', hash: hashEntry(last?.hash ?? '', fields) });
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(kinds(result.problems)).toEqual([['gap', top + 1, top + 4]]);
    expect(result.problems[0]?.message).toContain(`entry numbers jump from entry ${top} to entry ${top + 5}`);
    // The next entry follows the last one, so the chain goes on.
    await write(db, 1);
    expect(await head(db)).toBe(top + 6);
  });

  it('refuses a checkpoint line signed with another key, or edited after signing', async () => {
    const { db, anchor, top } = await chain();
    await checkpoint(db, anchor);
    // A forger who rewrote the chain signs its new head with a key of their own…
    const other = await anchorFor(undefined, randomBytes(32).toString('hex'));
    const forged = signCheckpoint(other.key as AuditKey, {
      v: 1,
      alg: 'HMAC-SHA256',
      seq: top + 100,
      hash: 'f'.repeat(64),
      count: top + 100,
      at: new Date().toISOString(),
      keyId: other.key?.id as string,
      reason: 'manual',
    });
    await anchor.file.append(forged);
    // …or edits a genuine line.
    const genuine = readFileSync(anchor.file.file, 'utf8').split('\n')[0] as string;
    appendFileSync(anchor.file.file, `${genuine.replace(`"seq":${top}`, `"seq":${top - 1}`)}\n{"v":1,\n`);
    const result = await verifyAuditChain(db, { anchor, lang: 'en' });
    expect(kinds(result.problems)).toEqual([
      ['signature', null, null],
      ['signature', top - 1, top - 1],
      ['signature', top + 100, top + 100],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages[0]).toBe('line 4 of the checkpoint file cannot be read (not JSON)');
    expect(messages[1]).toMatch(/^line 3 of the checkpoint file .*: its signature does not verify/);
    expect(messages[2]).toContain(`is signed with another key (${other.key?.id})`);
    // The forged checkpoint does not count against the chain; the genuine one still holds.
    expect(result.checkpoint).toMatchObject({ read: 4, trusted: 1, latest: { seq: top, holds: true } });
  });

  it('reports two separate tamperings in one chain, each once', async () => {
    const { db, anchor, top } = await chain(12);
    await checkpoint(db, anchor);
    await dropGuard(db);
    await db.execute(sql`UPDATE audit_log SET entity = 'other' WHERE seq IN (${top - 9}, ${top - 8})`);
    await db.execute(sql`DELETE FROM audit_log WHERE seq = ${top - 3}`);
    const result = await verifyAuditChain(db, { anchor, batchSize: 4 });
    expect(kinds(result.problems)).toEqual([
      ['altered', top - 9, top - 8],
      ['link', top - 3, top - 2],
    ]);
    expect(result.problems[0]?.message).toBe(
      `entri ${top - 9}–${top - 8}: isi tidak cocok dengan hash-nya (diubah)`,
    );
  });

  it('writes a periodic checkpoint only when the chain grew, and one at shutdown', async () => {
    const { db, anchor, top } = await chain(2);
    const lines = () => readFileSync(anchor.file.file, 'utf8').trim().split('\n').length;
    const first = await writeCheckpoint(db, anchor, { reason: 'interval', onlyIfMoved: true });
    expect(first).toMatchObject({ written: true, checkpoint: { seq: top, count: top, reason: 'interval' } });
    const again = await writeCheckpoint(db, anchor, { reason: 'interval', onlyIfMoved: true });
    expect(again).toMatchObject({ written: false, checkpoint: { seq: top } });
    expect(lines()).toBe(1);
    await write(db, 1);
    const moved = await writeCheckpoint(db, anchor, { reason: 'interval', onlyIfMoved: true });
    expect(moved).toMatchObject({ written: true, checkpoint: { seq: top + 1 } });
    expect(lines()).toBe(2);
    // The server's schedule writes once more when it stops, only if the chain grew meanwhile.
    const schedule = scheduleCheckpoints(db, anchor, 10, (error) => {
      throw error;
    });
    await schedule.stop();
    expect(lines()).toBe(2);
    await write(db, 1);
    const later = scheduleCheckpoints(db, anchor, 10, (error) => {
      throw error;
    });
    await later.stop();
    expect(lines()).toBe(3);
    // A backup always records its moment.
    expect(await checkpointForBackup(db, anchor)).toMatchObject({ seq: top + 2, reason: 'backup' });
    expect(lines()).toBe(4);
    expect((await verifyAuditChain(db, { anchor })).ok).toBe(true);
  });

  it('keeps the checkpoint file when the database is rebuilt, and the rebuild shows', async () => {
    const first = await chain();
    await checkpoint(first.db, first.anchor);
    await database.close();
    // The same data folder after its database was made again from nothing but the seed.
    database = await createTestDatabase();
    const anchor = await anchorFor(path.dirname(first.anchor.file.file));
    expect(anchor.key?.id).toBe(first.anchor.key?.id);
    const result = await verifyAuditChain(database.db, { anchor });
    expect(kinds(result.problems)).toEqual([['truncated', (await head(database.db)) + 1, first.top]]);
  });

  it('without a key, says the checkpoints could not be checked', async () => {
    const { db, anchor } = await chain(1);
    await checkpoint(db, anchor);
    const keyless = await openAuditAnchor(
      { dataDir: path.join(tmp, 'no-key'), auditKey: undefined, auditCheckpoints: anchor.file.file },
      { createKey: false },
    );
    expect(keyless.key).toBeNull();
    const result = await verifyAuditChain(db, { anchor: keyless, lang: 'en' });
    expect(result.problems.map((p) => p.message)).toEqual([
      '1 checkpoint(s) cannot be checked: no audit key (set JARING_AUDIT_KEY, or put audit.key back in the data folder)',
    ]);
  });
});

describe('checkpoint key and file', () => {
  it('makes a key file of mode 0600 on first start and reads it back afterwards', async () => {
    const dir = path.join(tmp, 'key');
    const made = await anchorFor(dir);
    expect(made.key).toMatchObject({ source: 'file', created: true, exposed: false });
    expect(statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    const again = await anchorFor(dir);
    expect(again.key).toMatchObject({ source: 'file', created: false, id: made.key?.id });
  });

  it('uses JARING_AUDIT_KEY when set, in hex or base64', async () => {
    const bytes = randomBytes(32);
    const hex = await anchorFor(undefined, bytes.toString('hex'));
    const b64 = await anchorFor(undefined, bytes.toString('base64'));
    expect(hex.key).toMatchObject({ source: 'config', id: keyIdOf(bytes) });
    expect(b64.key?.id).toBe(keyIdOf(bytes));
  });

  it('starts a new line after a line cut off by a crash', async () => {
    const database = await createTestDatabase();
    try {
      const anchor = await anchorFor();
      writeFileSync(anchor.file.file, '{"v":1,"seq":');
      const written = await writeCheckpoint(database.db, anchor, { reason: 'manual', onlyIfMoved: true });
      const lines = readFileSync(anchor.file.file, 'utf8').split('\n');
      expect(lines[1]).toBe(JSON.stringify(written?.checkpoint));
      expect(formatCheckpoint(written?.checkpoint as Checkpoint, 'Dinas Sosial Kabupaten Sragen')).toMatch(
        /Unit +: Dinas Sosial Kabupaten Sragen\n.*\nJumlah entri.*\nHash \(SHA-256\) +: [0-9a-f]{64}\n/,
      );
    } finally {
      await database.close();
    }
  });
});
