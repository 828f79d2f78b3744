import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { systemActor } from '../audit/audit.service.ts';
import { type Database, rows } from '../db/client.ts';
import { csvLine } from './csv.ts';
import { runImport } from './import.service.ts';
import { TemplateColumns } from './registry.schema.ts';
import { csvHeaderLine, syntheticRegister } from './synthetic.ts';

/** The village of the demo's village operator (`sragen.desa`): Keden, Kalijambe. */
const demoVillage = '33.14.01.2001';

/**
 * The demo's register: a synthetic Sragen register (valid NIKs and KKs across the regency's
 * villages, no bad rows), imported like any file on the first start of a demo, so that search,
 * the family pages and the import history have something to show. Nothing happens once the
 * register has had any import. Returns the people loaded.
 */
export async function seedDemoRegister(
  database: Database,
  opts: { errorDir: string; people?: number },
): Promise<number> {
  const [state] = await rows<{ imports: string | number; unit: number | null }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM registry_imports) AS imports, (SELECT id FROM units WHERE code = 'sragen') AS unit`,
  );
  if (!state?.unit || Number(state.imports) > 0) return 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-demo-'));
  const file = path.join(dir, 'contoh-register-sragen.csv');
  try {
    const out = createWriteStream(file);
    out.write(csvHeaderLine());
    // One family in twenty lives in the demo village operator's village, so that their view
    // has families too (the rest are spread over the regency's 208 villages).
    const kk = TemplateColumns.findIndex((c) => c.key === 'kk');
    const village = TemplateColumns.findIndex((c) => c.key === 'villageCode');
    for (const r of syntheticRegister({ people: opts.people ?? 2_000, seed: 2025 })) {
      if (Number(r.cells[kk]?.slice(-4)) % 20 === 0) r.cells[village] = demoVillage;
      out.write(csvLine(r.cells));
    }
    out.end();
    await finished(out);
    const summary = await runImport(database, {
      file,
      unitId: state.unit,
      regionCode: '33.14',
      actor: systemActor,
      options: { onError: 'load_valid', onExisting: 'skip' },
      errorDir: opts.errorDir,
      thread: 'main',
    });
    return summary.loaded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
