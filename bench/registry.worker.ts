import { sql } from 'drizzle-orm';
import { effects } from '../src/app.ts';
import { systemActor } from '../src/audit/audit.service.ts';
import { openBulkSession } from '../src/db/bulk.ts';
import { migrate, openDatabase, rows } from '../src/db/client.ts';
import { seedAll } from '../src/demo/seed.ts';
import { prepareReader, runImport } from '../src/registry/import/import.service.ts';
import { loadColumns } from '../src/registry/import/read-phase.ts';
import { searchPeople } from '../src/registry/registry.service.ts';

/**
 * One engine × size of the registry bench; prints one JSON line. Run first with `prepare`, which
 * makes the database (a new PGlite folder, or the PostgreSQL database emptied) and exits; the
 * measuring run then opens it the way `jaring serve` and `jaring registry import` do. (Making a
 * PGlite folder runs initdb in the process, which keeps some 150 MB that a server started on an
 * existing folder never holds.)
 */
const [engine, file, dataDir, nText, mode] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const n = Number(nText);
const url = engine === 'postgres' ? process.env.DATABASE_URL : undefined;

const database = await openDatabase(url ? { url } : { dataDir });
await migrate(database);
// Seeding again changes nothing, and warms the engine up as a server's start does (PGlite's
// WebAssembly is compiled to faster code as it runs); the baseline COPY runs after the import,
// warm.
await seedAll(database.db, { demo: false, effects });
if (mode === 'prepare') {
  await database.db.execute(
    sql`TRUNCATE registry_people, registry_families, registry_person_versions, registry_family_versions, registry_imports, registry_names, registry_village_counts`,
  );
  await database.close();
  process.exit(0);
}
// The import's reader module is made as `jaring serve` and `jaring registry import` make it
// when they start.
await prepareReader();
// The import's memory is sampled from its start, beside the process's memory before it (the
// embedded engine's included).
const [unit] = await rows<{ id: number }>(database.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

const t0 = performance.now();
const summary = await runImport(database, {
  file,
  unitId: unit?.id ?? 1,
  regionCode: '33.14',
  actor: systemActor,
  options: { onError: 'load_valid', onExisting: 'skip' },
  errorDir: `${dataDir}-errors`,
});
const importSeconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

// Searches at this size: NIK, KK, name with a typo, village list (first page), 200 each.
const sample = await rows<{ nik: string; kk: string; name: string; village_code: string }>(
  database.db,
  sql`SELECT p.nik, f.kk, p.name, p.village_code FROM registry_people p JOIN registry_families f ON f.id = p.family_id
    ORDER BY p.id LIMIT 200 OFFSET ${Math.floor(summary.loaded / 3)}`,
);
const scope = { prefix: '33.14.', village: null };
async function p95(make: (s: (typeof sample)[number]) => Parameters<typeof searchPeople>[2]) {
  const times: number[] = [];
  for (const s of sample) {
    const t = performance.now();
    await searchPeople(database.db, scope, make(s));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(times.length * 0.95)] ?? 0).toFixed(1));
}
const typo = (name: string) => (name.length > 4 ? name.slice(0, 2) + name.slice(3) : name);
const p95Nik = await p95((s) => ({ q: s.nik, limit: 50 }));
const p95Kk = await p95((s) => ({ q: s.kk, limit: 50 }));
const p95Name = await p95((s) => ({ q: typo(s.name), limit: 50 }));
const p95Village = await p95((s) => ({ village: s.village_code, limit: 50 }));

// Baseline: the rows the import loaded, dumped, then COPYed back into the same (emptied)
// tables of the same engine, in batches of the import's size, in one transaction: families
// first, then people in the file's order, as a bare `COPY` of the file would take them. The
// import sorts each batch by NIK before it goes in; a baseline handed that work for free (each
// batch sorted by NIK) is measured too, and printed beside.
const session = await openBulkSession(database);
async function dump(table: string, cols: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  let after = 0;
  for (;;) {
    const batch = await session.query<{ id: string; line: string }>(
      `SELECT id, concat_ws(E'\\t', ${cols.map((c) => `coalesce(${c}::text, '\\N')`).join(', ')}) AS line
       FROM ${table} WHERE id > $1 ORDER BY id LIMIT 50000`,
      [after],
    );
    if (batch.length === 0) break;
    for (const b of batch) out.push(b.line);
    after = Number(batch[batch.length - 1]?.id);
  }
  return out;
}
const families = await dump('registry_families', loadColumns.families);
// Into an empty register the import numbers people in the file's order (a first load), so in
// id order they are the file's rows that loaded, as a bare COPY of the file would take them.
const inFileOrder = await dump('registry_people', loadColumns.people);
const nikOf = (line: string) => line.slice(line.indexOf('\t') + 1, line.indexOf('\t') + 17);

async function copySeconds(peopleLines: string[]): Promise<number> {
  await session.query('TRUNCATE registry_people, registry_families');
  const t1 = performance.now();
  await session.query('BEGIN');
  for (const [table, cols, lines] of [
    ['registry_families', loadColumns.families, families],
    ['registry_people', loadColumns.people, peopleLines],
  ] as const) {
    for (let i = 0; i < lines.length; i += 20_000)
      await session.copyIn(table, cols, `${lines.slice(i, i + 20_000).join('\n')}\n`);
  }
  await session.query('COMMIT');
  return (performance.now() - t1) / 1000;
}
const byNikInBatches: string[] = [];
for (let i = 0; i < inFileOrder.length; i += 20_000)
  byNikInBatches.push(...inFileOrder.slice(i, i + 20_000).sort((a, b) => (nikOf(a) < nikOf(b) ? -1 : 1)));
const copyFileOrder = await copySeconds(inFileOrder);
const copySorted = await copySeconds(byNikInBatches);
await session.release();
await database.close();

const importRowsPerSecond = Math.round(n / importSeconds);
const copyRowsPerSecond = Math.round(inFileOrder.length / copyFileOrder);
const copySortedRowsPerSecond = Math.round(inFileOrder.length / copySorted);
console.log(
  JSON.stringify({
    engine,
    people: n,
    loaded: summary.loaded,
    rejected: summary.rejected,
    importSeconds: Number(importSeconds.toFixed(2)),
    importRowsPerSecond,
    importPeakRssMb: Math.round(peak / 1024 / 1024),
    rssAtStartMb: Math.round(rssBefore / 1024 / 1024),
    copySeconds: Number(copyFileOrder.toFixed(2)),
    copyRowsPerSecond,
    ratio: Number((importRowsPerSecond / copyRowsPerSecond).toFixed(2)),
    copySortedSeconds: Number(copySorted.toFixed(2)),
    copySortedRowsPerSecond,
    ratioSorted: Number((importRowsPerSecond / copySortedRowsPerSecond).toFixed(2)),
    p95Nik,
    p95Kk,
    p95Name,
    p95Village,
  }),
);
