import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rows } from '../src/db/client.ts';
import { writeSyntheticRegister } from '../src/registry/synthetic.ts';
import { createTestDatabase } from './db.ts';

/**
 * An import killed midway (SIGKILL: no cleanup runs) leaves the register as it was, on the
 * engine under test: PGlite in a data folder, or PostgreSQL when DATABASE_URL is set.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-kill-'));
const dataDir = path.join(dir, 'data');
const bigFile = path.join(dir, 'besar.csv');
const smallFile = path.join(dir, 'kecil.csv');
let env: NodeJS.ProcessEnv;
let testDb: (Database & { url?: string }) | undefined;

const cli = (args: string[]) => [
  'bin/jaring.js',
  ...args,
  ...(env.DATABASE_URL ? [] : ['--data-dir', dataDir]),
];

async function counts() {
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL, poolSize: 1 })
    : await openDatabase({ dataDir });
  try {
    const [r] = await rows<{ people: string; families: string; statuses: string | null }>(
      database.db,
      sql`SELECT (SELECT count(*) FROM registry_people) AS people, (SELECT count(*) FROM registry_families) AS families,
        (SELECT string_agg(status, ',' ORDER BY id) FROM registry_imports) AS statuses`,
    );
    return { people: Number(r?.people), families: Number(r?.families), statuses: r?.statuses ?? '' };
  } finally {
    await database.close();
  }
}

/** Starts an import and SIGKILLs it when its progress output first matches `when`. */
function killWhen(when: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      cli(['registry', 'import', bigFile, '--unit', 'sragen', '--on-error', 'load-valid']),
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (when.test(seen)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`not killed (exit ${code}): ${seen}`)),
    );
  });
}

beforeAll(async () => {
  env = { ...process.env, JARING_DEMO: 'false' };
  delete env.DATABASE_URL;
  if (process.env.DATABASE_URL) {
    // A migrated, seeded clone of its own, which the CLI opens by URL.
    testDb = await createTestDatabase();
    env.DATABASE_URL = testDb.url;
  } else {
    await promisify(execFile)(process.execPath, cli(['seed']), { env });
  }
  await Promise.all([
    writeSyntheticRegister(bigFile, { people: 120_000, seed: 7 }),
    writeSyntheticRegister(smallFile, { people: 40, seed: 8 }),
  ]);
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe('an import killed midway', () => {
  it('while reading: the register is unchanged, and the next import marks it failed and succeeds', async () => {
    const before = await counts();
    const seen = await killWhen(/\d+% [\d.]+ baris/);
    expect(seen).toMatch(/membaca|sisa/);
    const after = await counts();
    expect(after.people).toBe(before.people);
    expect(after.families).toBe(before.families);
    expect(after.statuses).toMatch(/running$/);
    const ok = await promisify(execFile)(
      process.execPath,
      cli(['registry', 'import', smallFile, '--unit', 'sragen']),
      { env },
    );
    expect(ok.stdout).toMatch(/selesai/);
    const done = await counts();
    expect(done.people).toBe(before.people + 40);
    if (!env.DATABASE_URL) expect(done.statuses).toMatch(/^failed,done$/);
  }, 120_000);

  it('while merging: the transaction never commits, nothing of the file is in the register', async () => {
    const before = await counts();
    const seen = await killWhen(/menggabungkan/);
    expect(seen).toContain('menggabungkan');
    const after = await counts();
    expect(after.people).toBe(before.people);
    expect(after.families).toBe(before.families);
  }, 120_000);
});
