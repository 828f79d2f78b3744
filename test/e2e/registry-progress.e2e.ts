import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticRegister } from '../../src/registry/synthetic.ts';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/*
 * On the embedded engine an import's transaction holds the database for its whole run, and
 * every signed-in request waits for it. The upload page must still show the import moving.
 */
let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-progress-'));

async function register(name: string, people: number, seed: number) {
  const file = path.join(dir, name);
  await writeSyntheticRegister(file, { people, seed });
  return file;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the progress of a large import on the embedded engine', () => {
  it('moves while the import runs, then shows the summary', async () => {
    const [small, large] = await Promise.all([
      register('kecil.csv', 20, 5),
      register('besar.csv', 100_000, 6),
    ]);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/staf/registri/impor`);
    const start = async (file: string) => {
      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-start').click();
    };
    // A register with rows already, so that the large file goes through the checks batch by batch.
    await start(small);
    await page.getByTestId('import-summary').waitFor();
    await start(large);
    const progress = page.getByTestId('import-progress');
    await progress.getByText('besar.csv').waitFor();
    const seen: number[] = [];
    for (let i = 0; i < 400; i++) {
      const text = await progress.innerText();
      const read = Number(/([\d.]+) baris dibaca/.exec(text)?.[1]?.replace(/\./g, '') ?? 0);
      if (/berjalan/i.test(await page.getByTestId('import-status').innerText())) seen.push(read);
      else break;
      // One picture of the bar midway.
      if (read > 0 && read < 100_000 && !seen.slice(0, -1).some((n) => n > 0))
        await page.screenshot({ path: path.join(artifacts, 'registry-progress-midway.png') });
      await page.waitForTimeout(100);
    }
    // Counts between none and all were shown while it ran, and they only grew.
    const midway = seen.filter((n) => n > 0 && n < 100_000);
    expect(midway.length, `seen: ${seen.join(' ')}`).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-status').innerText()).toMatch(/selesai/i);
    expect(errors).toEqual([]);
  }, 90_000);
});
