#!/usr/bin/env node
// The README's test command: the suite on PGlite, again on PostgreSQL when
// JARING_TEST_DATABASE_URL is set, then the browser tests against the built app.
// Prints one closing line "N passed, N failed" over all runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function vitest(label, args, env) {
  const out = `test-results/${label}.json`;
  console.log(`\n=== ${label} ===`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  results.push({ label, passed, failed, status: run.status });
}

const pgUrl = process.env.JARING_TEST_DATABASE_URL;
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
vitest('pglite', [], { ...baseEnv, DATABASE_URL: '' });
if (pgUrl) vitest('postgresql', [], { DATABASE_URL: pgUrl });
else
  console.log(
    '\n(PostgreSQL run skipped: set JARING_TEST_DATABASE_URL=postgres://… to run the suite on a server.)',
  );

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  console.log('\n=== build web app ===');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) results.push({ label: 'build', passed: 0, failed: 1, status: build.status });
  else vitest('browser', ['--config', 'vitest.e2e.config.ts'], {});
} else if (process.env.CI) {
  console.error(`Browser tests need Chromium at ${chromium}.`);
  results.push({ label: 'browser', passed: 0, failed: 1, status: 1 });
} else {
  console.log(`\n(Browser tests skipped: no Chromium at ${chromium}; apt-get install chromium.)`);
}

console.log('');
for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.status !== 0) ? 1 : 0);
