#!/usr/bin/env node
// Builds the web app before `npm start` when web/dist is missing or older than its sources,
// so that a fresh clone starts with one command and later starts stay fast; then precompresses it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const built = 'web/dist/index.html';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest('web/src'),
  statSync('web/index.html').mtimeMs,
  statSync('web/vite.config.ts').mtimeMs,
);
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);
console.log('Membangun aplikasi web / building the web app…');
const run = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
const compress = spawnSync('node', ['scripts/precompress-web.mjs'], { stdio: 'inherit' });
process.exit(compress.status ?? 1);
