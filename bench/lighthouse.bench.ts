import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../test/e2e/harness.ts';

/**
 * Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated throttling) on the
 * portal's pages as a citizen opens them, with Debian's Chromium, against the built app on the
 * embedded database with demo data. Prints the four category scores per page beside the
 * targets of issue 19 (Performance ≥ 90, Accessibility, Best Practices and SEO 100), and the
 * first and largest contentful paint. BENCH_LIGHTHOUSE_RUNS (default 1) runs each page that
 * many times and keeps the median score.
 */
const pages = [
  { name: 'portal', path: '/' },
  { name: 'standard page', path: '/layanan/sragen/kehabisan-bekal' },
];
const targets = { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof targets;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run() {
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
  // The pages are the built web app's: build it if the sources are newer.
  const build = spawnSync('node', ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web app did not build');
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: Array<Record<string, string | number>> = [];
  let missed = 0;
  try {
    for (const page of pages) {
      const scores: Record<Category, number[]> = {
        performance: [],
        accessibility: [],
        'best-practices': [],
        seo: [],
      };
      const fcp: number[] = [];
      const lcp: number[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.url}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(targets),
        });
        if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
        const { categories, audits } = result.lhr;
        for (const c of Object.keys(targets) as Category[])
          scores[c].push(Math.round((categories[c]?.score ?? 0) * 100));
        fcp.push(audits['first-contentful-paint']?.numericValue ?? 0);
        lcp.push(audits['largest-contentful-paint']?.numericValue ?? 0);
        if (i === 0)
          for (const c of Object.keys(targets) as Category[]) {
            const failing = (categories[c]?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => ref.id);
            if (failing.length > 0 && c !== 'performance')
              console.log(`  ${page.name} · ${c}: short on ${failing.join(', ')}`);
          }
      }
      const row: Record<string, string | number> = { page: page.name };
      for (const c of Object.keys(targets) as Category[]) {
        row[c] = median(scores[c]);
        if (median(scores[c]) < targets[c]) missed++;
      }
      row['FCP s'] = Number((median(fcp) / 1000).toFixed(1));
      row['LCP s'] = Number((median(lcp) / 1000).toFixed(1));
      rows.push(row);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  console.log(`\nlighthouse (mobile preset, simulated throttling, ${runs} run(s) per page, median)`);
  console.table([...rows, { page: 'target', ...targets }]);
  console.log(`targets missed: ${missed}`);
  console.log(JSON.stringify({ bench: 'lighthouse', runs, rows, targets, missed }));
}
