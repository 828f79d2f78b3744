// Bundle budget of the citizen's first visit to `/`: the JS that web/dist/index.html makes the
// browser fetch at once (the entry script and every modulepreload beside it), not one file.
// Read by `npx size-limit` (Node ≥ 22) and by scripts/bundle-budget.mjs (any Node, in `npm run check`).
import { existsSync, readFileSync } from 'node:fs';

const html = 'web/dist/index.html';
if (!existsSync(html)) throw new Error(`${html} is missing: run \`npm run build\` first`);
const firstLoad = [
  ...readFileSync(html, 'utf8').matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g,
  ),
].map((m) => `web/dist/${m[1]}`);

export default [
  // What a browser on HTTPS downloads: the server sends the build's brotli copies.
  { name: 'portal first load, JS (brotli)', path: firstLoad, limit: '120 kB', brotli: true },
  // A client without brotli gets the gzip copies: React, TanStack Router and Query and Mantine's
  // core alone are ~113 kB of it, so this guard sits just above today's size instead.
  { name: 'portal first load, JS (gzip)', path: firstLoad, limit: '135 kB', gzip: true },
];
