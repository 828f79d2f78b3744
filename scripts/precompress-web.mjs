#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built web app, so that
// the server sends them as they are (@fastify/static `preCompressed`) instead of compressing on
// every request or not at all. Run after `vite build`; the build empties web/dist first.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'web/dist');
const compressible = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const p = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (compressible.has(path.extname(entry.name))) yield p;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const file of files(dir)) {
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  // A tiny file can grow when compressed; then the server sends it as it is.
  if (br.length < raw.length) writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  count += 1;
  before += statSync(file).size;
  after += Math.min(br.length, raw.length);
}
console.log(
  `precompressed ${count} files in ${path.relative(process.cwd(), dir) || '.'}: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (brotli)`,
);
