import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticRegister } from '../src/registry/synthetic.ts';

/**
 * `npm run bench -- registry`: for N people (BENCH_REGISTRY_SIZES, default 100000,1000000) a
 * synthetic Sragen register with 3% bad rows is imported through validation and dedupe, and
 * in the same run the rows it loaded are loaded again with a bare COPY into the same tables of
 * the same engine: in the file's order (the ratio), and again with each batch sorted by NIK as
 * the import sorts it. Each engine × size runs in its own process (`registry.worker.ts`), on a
 * database another process made, so the peak memory is that of a process that opens its
 * database and imports. PostgreSQL runs when DATABASE_URL is set.
 */
export async function run() {
  const sizes = (process.env.BENCH_REGISTRY_SIZES ?? '100000,1000000').split(',').map(Number);
  const engines = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
  const work = path.join(os.tmpdir(), 'jaring-bench-registry');
  mkdirSync(work, { recursive: true });
  const results: Array<Record<string, unknown>> = [];
  for (const n of sizes) {
    const file = path.join(work, `register-${n}.csv`);
    if (!existsSync(file)) await writeSyntheticRegister(file, { people: n, badShare: 0.03, seed: 2026 });
    for (const engine of engines) {
      const dataDir = path.join(work, `pgdata-${n}`);
      rmSync(dataDir, { recursive: true, force: true });
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
      if (engine === 'pglite') delete env.DATABASE_URL;
      const worker = (mode?: string) =>
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(import.meta.dirname, 'registry.worker.ts'),
            engine,
            file,
            dataDir,
            String(n),
            ...(mode ? [mode] : []),
          ],
          { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
        );
      worker('prepare');
      const out = worker();
      const line = out.trim().split('\n').pop() ?? '{}';
      const r = JSON.parse(line) as Record<string, unknown>;
      results.push(r);
      console.log(
        `${engine.padEnd(8)} N=${String(n).padStart(8)}  import ${String(r.importRowsPerSecond).padStart(7)} rows/s (${r.importSeconds} s, peak RSS ${r.importPeakRssMb} MB)  raw COPY ${String(r.copyRowsPerSecond).padStart(7)} rows/s  ratio ${r.ratio} (COPY sorted by NIK in each batch: ${r.copySortedRowsPerSecond} rows/s, ratio ${r.ratioSorted})  search p95 ms: NIK ${r.p95Nik} · KK ${r.p95Kk} · name ${r.p95Name} · village ${r.p95Village}`,
      );
    }
  }
  console.log(JSON.stringify({ bench: 'registry', results }));
}
