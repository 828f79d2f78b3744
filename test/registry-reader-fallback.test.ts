import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../src/audit/audit.service.ts';
import { type Database, rows } from '../src/db/client.ts';
import { runImport } from '../src/registry/import/import.service.ts';
import { writeSyntheticRegister } from '../src/registry/synthetic.ts';
import { createTestDatabase } from './db.ts';

// As if esbuild could not make the reader's module (a broken install, say).
vi.mock('../src/registry/import/reader-bundle.ts', () => ({
  readerModule: () => Promise.reject(new Error('esbuild tidak ada')),
}));

const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-fallback-'));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('an import whose reader module cannot be made', () => {
  it('reads the file in its own thread, says so, and loads it', async () => {
    const file = path.join(dir, 'register.csv');
    await writeSyntheticRegister(file, { people: 300, badShare: 0.05, seed: 9 });
    const [unit] = await rows<{ id: number }>(database.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const summary = await runImport(database, {
        file,
        unitId: unit?.id ?? 0,
        regionCode: '33.14',
        actor: systemActor,
        options: { onError: 'load_valid', onExisting: 'skip' },
        errorDir: path.join(dir, 'errors'),
        thread: 'worker',
      });
      expect(summary).toMatchObject({ status: 'done', rowsRead: 300 });
      expect(summary.loaded).toBeGreaterThan(250);
      // The warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.join('\n')).toMatch(/reads in the main thread.*esbuild tidak ada/);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
