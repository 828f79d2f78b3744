#!/usr/bin/env node
// Checks the bundle budget of .size-limit.mjs with size-limit's own measuring (@size-limit/file).
// The size-limit CLI needs Node 22 (fs.glob); its API does not, so `npm run check` runs this.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';

/** `120 kB` → 120000, as size-limit reads a limit (SI units; `KiB` would be 1024). */
function parseBytes(limit) {
  const m = /^(\d+(?:\.\d+)?) *([kmg])?(i)?b$/i.exec(limit);
  if (!m) throw new Error(`unreadable limit: ${limit}`);
  const power = m[2] ? 'kmg'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.floor(Number(m[1]) * (m[3] ? 1024 : 1000) ** power);
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const { default: checks } = await import(pathToFileURL(path.resolve('.size-limit.mjs')).href);
const results = await sizeLimit([filePlugin], {
  checks: checks.map((c) => ({ ...c, files: c.path })),
});
let failed = false;
for (const [i, check] of checks.entries()) {
  const { size } = results[i];
  const limit = parseBytes(check.limit);
  const over = size > limit;
  failed ||= over;
  console.log(`${over ? '✗' : '✓'} ${check.name}: ${kB(size)} (${size} B) of ${check.limit}`);
  if (over || process.argv.includes('--files')) for (const f of check.path) console.log(`    ${f}`);
}
if (failed) {
  console.error('Bundle budget exceeded: the portal must stay small for a citizen on a phone.');
  process.exit(1);
}
