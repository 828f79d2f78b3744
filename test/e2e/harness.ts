import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

export const artifacts = path.resolve('test-results');
mkdirSync(artifacts, { recursive: true });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Server {
  url: string;
  /** The server's data folder (database, files, audit checkpoints). */
  dataDir: string;
  /** Stops the server (SIGTERM) and removes its data folder, unless `keep`. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

/**
 * Starts `jaring serve` on a fresh embedded database with demo data; waits for /api/health.
 * `env` adds settings (e.g. a test clock, JARING_CLOCK_START). Without settings of its own the
 * server starts on a copy of the demo data folder the browser suite's global setup made once
 * (`JARING_E2E_TEMPLATE`), instead of migrating and seeding again.
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-'));
  const template = process.env.JARING_E2E_TEMPLATE;
  if (template && Object.keys(env).length === 0) cpSync(template, dataDir, { recursive: true });
  return serveOn(dataDir, env);
}

/** `jaring serve` on a data folder, answering once /api/health does; stopping removes the folder. */
export async function serveOn(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'node',
    ['bin/jaring.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      // The register tests import their own families and count them: no demo register.
      env: {
        ...process.env,
        DATABASE_URL: '',
        JARING_DEMO: 'true',
        JARING_DEMO_REGISTER: 'false',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    dataDir,
    stop: async (options) => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!options?.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects uncaught page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Signs a demo user in through the sign-in page, starting from no session. */
export async function signIn(page: Page, url: string, username: string, password = 'jaring-demo-2026') {
  await page.context().clearCookies();
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${url}/staf`);
}

/** The rules an auditor runs: WCAG 2.0 and 2.1, levels A and AA (issue 19). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per element of a violation: rule, impact, selector and, for contrast, the colours. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => {
      const contrast = n.any.find((c) => c.id === 'color-contrast')?.data as
        | { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string }
        | undefined;
      const colours = contrast?.fgColor
        ? ` ${contrast.fgColor} on ${contrast.bgColor} = ${contrast.contrastRatio}:1 (needs ${contrast.expectedContrastRatio})`
        : '';
      const text = n.failureSummary?.split('\n').slice(1, 2).join('').trim();
      return `${v.id} (${v.impact}) ${n.target.join(' ')}${colours}${colours || !text ? '' : ` ${text}`}`;
    }),
  );
}

/**
 * axe with the auditor's rules. Legacy mode runs it in the page itself: the journeys open their
 * pages with `browser.newPage()`, whose context cannot open the blank page axe's newer mode
 * needs to merge the results of frames (the app has none).
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true);
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page as it is now and fails, with one readable line
 * per element, when anything violates a rule. `label` names the page in the message.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // What a skeleton stands for is what must be checked: wait for the data to arrive.
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 });
  // A dialog fading in has its colours half-way: axe judges the page once transitions end
  // (finite ones only; a spinner's loop never does).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await axe(page).analyze();
  if (violations.length === 0) return;
  const lines = describeViolations(violations);
  throw new Error(`axe: ${lines.length} WCAG violation(s) on ${label}:\n  ${lines.join('\n  ')}`);
}
