import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

describe('the administrator records a signer’s NIP, rank and division in a real browser', () => {
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

  it('edits a user through the labelled form; the user sees it on their account page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'admin');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Pengguna dan Bidang').click();
    const table = page.getByTestId('unit-users');
    await table.getByText('Dewi Lestari').waitFor();
    await page.getByRole('button', { name: 'Ubah data Dewi Lestari' }).click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('NIP').fill('1990030420150');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('NIP harus 18 angka').waitFor();
    await form.getByLabel('NIP').fill('199003042015032001');
    await form.getByLabel('Pangkat/golongan').fill('Penata/III-c');
    await form.getByLabel('Bidang').first().click();
    await page.getByRole('option', { name: 'Bidang Perlindungan Sosial' }).click();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });
    const row = table.locator('tr', { hasText: 'Dewi Lestari' });
    await row.getByText('19900304 201503 2 001').waitFor();
    expect(await row.innerText()).toContain('Penata/III-c');
    expect(await row.innerText()).toContain('Bidang Perlindungan Sosial');
    await page.screenshot({ path: path.join(artifacts, 'admin-users.png'), fullPage: true });
    expect(errors).toEqual([]);

    const own = await browser.newPage();
    await signIn(own, server.url, 'sragen.verifikator');
    await own.goto(`${server.url}/staf/akun`);
    const data = own.getByTestId('official-data');
    await data.getByText('Penata/III-c').waitFor();
    expect(await data.innerText()).toContain('Bidang Perlindungan Sosial');
  });
});
