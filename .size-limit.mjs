// Bundle budget of the citizen's first visit to `/`: the JS that web/dist/index.html makes the
// browser fetch at once (the entry script and every modulepreload beside it), not one file.
// Read by `npx size-limit` (Node ≥ 22) and by scripts/bundle-budget.mjs (any Node, in `npm run check`).
import { existsSync, readFileSync } from 'node:fs';

const html = 'web/dist/index.html';
if (!existsSync(html)) throw new Error(`${html} is missing: run \`npm run build\` first`);
const page = readFileSync(html, 'utf8');
const firstLoad = [
  ...page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
].map((m) => `web/dist/${m[1]}`);
const firstStyles = [...page.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="\/([^"]+\.css)"/g)].map(
  (m) => `web/dist/${m[1]}`,
);

export default [
  // What a browser on HTTPS downloads: the server sends the build's brotli copies.
  { name: 'portal first load, JS (brotli)', path: firstLoad, limit: '120 kB', brotli: true },
  // A client without brotli gets the gzip copies: React, TanStack Router and Query and Mantine's
  // core alone are ~113 kB of it, so this guard sits just above today's size instead.
  { name: 'portal first load, JS (gzip)', path: firstLoad, limit: '135 kB', gzip: true },
  // Only the Mantine styles the first page draws (styles/portal.ts), not Mantine's whole sheet.
  { name: 'portal first load, CSS (brotli)', path: firstStyles, limit: '12 kB', brotli: true },
];
