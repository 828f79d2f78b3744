import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const today = todayIn('Asia/Jakarta');
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('Emergencies page (Banten): declare, extend and end an emergency by decree', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the Kepala Dinas declares a flood emergency for Kabupaten Lebak', async () => {
    const errors = watchErrors(page);
    await signIn(page, server.url, 'banten.kadis');
    await page.goto(`${server.url}/staf/tanggap-darurat`);
    await page.getByText('Belum ada status tanggap darurat.').waitFor();
    // Saved empty: each problem in Indonesian, on its field, as the form names it.
    await page.getByTestId('em-declare').click();
    const empty = await page.getByTestId('emergency-error').innerText();
    expect(empty).toContain('Nomor keputusan: tidak boleh kosong');
    expect(empty).toContain('Tanggal keputusan: tanggal seperti 2026-12-01');
    expect(empty).toContain('Wilayah: wilayah wajib diisi');
    expect(empty).not.toMatch(/must not be empty|a date like|an area is required/);
    await page.getByTestId('em-number').fill('360/Kep.12-Huk/2026');
    await page.getByTestId('em-decreed-on').fill(today);
    await page.getByTestId('em-disaster').fill('Banjir bandang');
    await page.getByTestId('em-starts-on').fill(today);
    // An end before the start is refused with its reason, and nothing is recorded.
    await page.getByTestId('em-ends-on').fill(inDays(-1));
    await page.getByTestId('em-areas').click();
    await page.getByTestId('em-areas').fill('Lebak');
    await page.getByRole('option', { name: 'Kabupaten Lebak (seluruh wilayah)' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('em-declare').click();
    const error = page.getByTestId('emergency-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('sebelum tanggal mulai');
    await page.getByTestId('em-ends-on').fill(inDays(14));
    await page.getByTestId('em-declare').click();
    const card = page.getByTestId('emergency');
    await card.waitFor();
    expect(await card.innerText()).toContain('Banjir bandang · Kabupaten Lebak');
    expect(await page.getByTestId('emergency-status').textContent()).toBe('Berlaku');
    expect(await scanPage(page, loadVocabulary())).toEqual([]);
    await page.screenshot({ path: `${artifacts}/after/logistics-emergency-declared.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('extends it by a second decree, keeping the first in its history, then ends it', async () => {
    await page.getByTestId('decree-number').fill('360/Kep.20-Huk/2026');
    await page.getByTestId('decree-date').fill(today);
    await page.getByTestId('decree-ends-on').fill(inDays(30));
    await page.getByTestId('extend').click();
    await page.getByTestId('decrees').getByText('Perpanjangan').waitFor();
    const history = await page.getByTestId('decrees').innerText();
    expect(history).toContain('Penetapan');
    expect(history).toContain('360/Kep.12-Huk/2026');
    expect(history).toContain(`Berakhir ${inDays(30)}`);
    await page.getByTestId('decree-number').fill('360/Kep.30-Huk/2026');
    await page.getByTestId('decree-date').fill(today);
    await page.getByTestId('end').click();
    await page.getByTestId('emergency-status').filter({ hasText: 'Diakhiri' }).waitFor();
    expect(await page.getByTestId('decrees').innerText()).toContain('Pengakhiran');
    // An ended emergency offers no more decrees.
    expect(await page.getByTestId('extend').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}/after/logistics-emergency-ended.png`, fullPage: true });
  });

  it('the functional officer sees the list but no declaration form', async () => {
    const officer = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(officer, server.url, 'banten.fungsional');
    await officer.goto(`${server.url}/staf/tanggap-darurat`);
    await officer.getByTestId('emergency').waitFor();
    expect(await officer.getByTestId('em-declare').count()).toBe(0);
    await officer.close();
  });

  it('signing out forgets the office: the next user in the tab picks from their own areas', async () => {
    await page.getByTestId('em-areas').click();
    await page.getByRole('option', { name: 'Kecamatan Bayah, Kabupaten Lebak' }).waitFor();
    await page.screenshot({ path: `${artifacts}/after/logistics-area-picker.png` });
    await page.keyboard.press('Escape');
    // Out and in again without reloading the page, as at a shared desk.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${server.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('sragen.kadis');
    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${server.url}/staf`);
    await page.getByRole('link', { name: 'Status Tanggap Darurat' }).click();
    await page.getByText('Belum ada status tanggap darurat.').waitFor();
    await page.getByTestId('em-areas').click();
    await page.getByRole('option', { name: 'Kabupaten Sragen (seluruh wilayah)' }).waitFor();
    expect(await page.getByRole('option', { name: /Lebak|Banten/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});
