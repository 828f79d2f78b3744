import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

/** Files a complaint through Open311 with a key, as a partner's app does. */
async function file(server: Server, apiKey: string) {
  return fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: 'sragen',
      service_code: 'pkh',
      description: 'Bantuan PKH tahap ini belum kami terima.',
    }).toString(),
  });
}

describe('the administrator issues and revokes an Open311 API key in a real browser', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the key once; the app files with it; once revoked it is refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'admin');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Open311 (Aplikasi Mitra)').click();
    await page.getByTestId('open311-clients').getByText('Belum ada aplikasi mitra.').waitFor();
    expect(await page.getByTestId('open311-jurisdiction').innerText()).toBe('sragen');
    expect(await page.getByTestId('open311-endpoint').innerText()).toMatch(/\/open311\/v2$/);

    const form = page.getByTestId('open311-issue');
    await form.getByLabel('Nama aplikasi').fill('Aplikasi Lapor Warga Sragen');
    await form.getByRole('button', { name: 'Buat kunci' }).click();
    const shown = page.getByTestId('new-key');
    await shown.waitFor();
    const apiKey = (await page.getByTestId('api-key').innerText()).trim();
    expect(apiKey).toMatch(/^j311_[A-Za-z0-9_-]{32}$/);
    await page.screenshot({ path: path.join(artifacts, 'admin-open311-key.png'), fullPage: true });
    expect(await scanPage(page, loadVocabulary())).toEqual([]);

    expect((await file(server, apiKey)).status).toBe(200);
    // Shown once: after a reload only its first characters are left.
    await page.reload();
    const row = page.getByTestId('open311-clients').locator('tr', { hasText: 'Aplikasi Lapor Warga Sragen' });
    await row.waitFor();
    expect(await page.getByTestId('new-key').count()).toBe(0);
    expect(await page.content()).not.toContain(apiKey);
    expect(await row.innerText()).toContain(`${apiKey.slice(0, 9)}…`);
    expect(await row.locator('td').nth(3).innerText()).toBe('1');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Cabut kunci Aplikasi Lapor Warga Sragen' }).click();
    await row.getByText(/^Dicabut /).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'admin-open311-revoked.png'), fullPage: true });
    const refused = await file(server, apiKey);
    expect(refused.status).toBe(403);
    expect((await refused.json())[0].code).toBe(403);
    expect(errors).toEqual([]);
  });
});
