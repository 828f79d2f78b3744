import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor } from '../audit/audit.service.ts';
import { findUnitByCode } from '../auth/auth.repository.ts';
import { type Database, rows } from '../db/client.ts';
import { runImport } from '../registry/import/import.service.ts';
import { TemplateColumns } from '../registry/registry.columns.ts';
import { writeSyntheticRegister } from '../registry/synthetic.ts';
import { demoUsers } from './seed.ts';

/**
 * The demo's register: a synthetic Sragen register (valid NIKs and KKs across the regency's
 * villages, no bad rows), imported like any file on the first start of a demo, so that search,
 * the family pages and the import history have something to show. It comes with the demo
 * accounts, on the start that made them (`accountsMade`, from `seedAll`): an office that
 * upgrades with the demo switched on and has not imported yet must not find invented people in
 * its register. Nothing happens either once the register has had any import. Returns the
 * people loaded.
 */
export async function seedDemoRegister(
  database: Database,
  opts: { errorDir: string; accountsMade: number },
): Promise<number> {
  if (opts.accountsMade === 0) return 0;
  const unit = await findUnitByCode(database.db, 'sragen');
  const [imports] = await rows<{ n: string | number }>(
    database.db,
    sql`SELECT count(*) AS n FROM registry_imports`,
  );
  if (!unit || Number(imports?.n) > 0) return 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-demo-'));
  const file = path.join(dir, 'contoh-register-sragen.csv');
  try {
    // One family in twenty lives in the demo village operator's village, so that their view
    // has families too (the rest are spread over the regency's 208 villages).
    const kk = TemplateColumns.findIndex((c) => c.key === 'kk');
    const village = TemplateColumns.findIndex((c) => c.key === 'villageCode');
    const demoVillage = demoUsers.find((u) => u.username === 'sragen.desa')?.villageCode;
    await writeSyntheticRegister(file, { people: 2_000, seed: 2025 }, (cells) => {
      if (demoVillage && Number(cells[kk]?.slice(-4)) % 20 === 0) cells[village] = demoVillage;
    });
    const summary = await runImport(database, {
      file,
      unitId: unit.id,
      regionCode: unit.regionCode,
      actor: systemActor,
      options: { onError: 'load_valid', onExisting: 'skip' },
      errorDir: opts.errorDir,
    });
    return summary.loaded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
