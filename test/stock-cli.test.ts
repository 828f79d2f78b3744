import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';

const exec = promisify(execFile);

/** Runs the real `jaring` binary on the embedded engine. */
async function jaring(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec('node', ['bin/jaring.js', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-stock-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('jaring stock check', () => {
  it('passes on the demo stock, and names a balance that no longer matches the ledger', async () => {
    const dir = path.join(tmp, 'data');
    const seeded = await jaring(['seed', '-d', dir], { JARING_DEMO: 'true' });
    expect(seeded.code, seeded.stderr).toBe(0);
    const ok = await jaring(['stock', 'check', '-d', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('stock agrees with the ledger');

    // A balance edited behind the ledger's back, as a hand-made fix would.
    const database = await openDatabase({ dataDir: dir });
    const { rows } = (await database.pglite?.query<{ batch_id: number }>(
      'UPDATE stock_balances SET on_hand = on_hand + 5 WHERE batch_id = (SELECT min(batch_id) FROM stock_balances) RETURNING batch_id',
    )) ?? { rows: [] };
    await database.close();
    const bad = await jaring(['stock', 'check', '-d', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('stock DISAGREES with the ledger: 1 row(s)');
    expect(bad.stderr).toMatch(
      new RegExp(`batch: warehouse \\d+ item \\d+ batch ${rows[0]?.batch_id}: stored on hand \\d+`),
    );
  }, 180_000);
});
