import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const vocabulary = loadVocabulary();

/** The on-hand figure of an item's row on the position page, as a number. */
async function onHandOf(page: Page, item: string): Promise<number> {
  const cell = page.locator(`[data-testid="position-row"][data-item="${item}"] [data-testid="on-hand"]`);
  await cell.waitFor();
  return Number((await cell.innerText()).split(' ')[0]?.replace(/\./g, ''));
}

describe('Stock pages (Banten provincial warehouse): receive, count, stock card, expiries', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let before = 0;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    errors = watchErrors(page);
    await signIn(page, server.url, 'banten.fungsional');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the staff menu leads to the stock position with its low-stock flags and downloads', async () => {
    await page.getByRole('link', { name: 'Gudang dan Stok' }).first().click();
    await page.waitForURL(`${server.url}/staf/stok`);
    before = await onHandOf(page, 'Tenda keluarga');
    expect(before).toBe(80);
    const xlsx = await page.getByTestId('position-xlsx').getAttribute('href');
    expect(xlsx).toMatch(/^\/api\/stock\/position\.xlsx\?warehouseId=\d+$/);
    const download = await page.request.get(`${server.url}${xlsx}`);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${artifacts}/after/stock-position.png`, fullPage: true });
    // On paper: the table without the menus, the sub-menu or the download button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('position-row').first().isVisible()).toBe(true);
    for (const control of ['position-xlsx', 'stock-nav'])
      expect(await page.getByTestId(control).isVisible(), control).toBe(false);
    await page.screenshot({ path: `${artifacts}/after/stock-position-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('adds an item to the catalogue', async () => {
    await page.goto(`${server.url}/staf/stok/katalog`);
    await page.getByTestId('item-name').fill('Kasur lipat');
    await page.getByTestId('item-uom').fill('lembar');
    await page.getByTestId('item-minimum').fill('40');
    await page.getByTestId('item-save').click();
    await page.getByTestId('catalogue-row').filter({ hasText: 'Kasur lipat' }).waitFor();
    expect(await scanPage(page, vocabulary)).toEqual([]);
  });

  it('refuses a receipt with precise errors, then receives goods and the position rises', async () => {
    await page.goto(`${server.url}/staf/stok/barang-masuk`);
    await page.getByTestId('receipt-supplier').fill('Kementerian Sosial RI');
    await page.getByTestId('line-item-0').click();
    await page.getByRole('option', { name: /Tenda keluarga/ }).click();
    await page.getByTestId('line-quantity-0').fill('0');
    await page.getByTestId('receive').click();
    const error = page.getByTestId('stock-error');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('Baris 1 · Jumlah');
    expect(text).not.toContain('lines');
    expect(await scanPage(page, vocabulary)).toEqual([]);

    // Each problem is placed on its field in the form's own words.
    expect(text).toContain('Nomor dokumen');
    await page.screenshot({ path: `${artifacts}/after/stock-receipt-errors.png`, fullPage: true });
    await page.getByTestId('receipt-source').click();
    await page.getByRole('option', { name: 'Kemensos' }).click();
    // Typed as an office writes a thousand.
    await page.getByTestId('line-quantity-0').fill('1.020');
    await page.getByTestId('receipt-document').fill('BAST/KEMENSOS/2026/118');
    await page.getByTestId('receive').click();
    expect(await page.getByTestId('received').innerText()).toContain('1 batch');
    await page.screenshot({ path: `${artifacts}/after/stock-receipt.png`, fullPage: true });

    await page.goto(`${server.url}/staf/stok`);
    expect(await onHandOf(page, 'Tenda keluarga')).toBe(before + 1020);
  });

  it('counts with a difference shown before posting, and posts it as an adjustment', async () => {
    await page.goto(`${server.url}/staf/stok/opname`);
    const row = page.locator('[data-testid="count-row"][data-item="Tenda keluarga"]').first();
    await row.waitFor();
    expect(await page.locator('[data-testid="count-row"][data-item="Tenda keluarga"]').count()).toBe(2);
    await row.locator('input').fill('78');
    expect(await row.getByTestId('count-diff').innerText()).toBe('-2');
    // The review stays closed until a reason is given.
    expect(await page.getByTestId('count-review').isDisabled()).toBe(true);
    await page.getByTestId('count-reason').fill('Stok opname semester II: 2 tenda rusak terkena rembesan');
    await page.getByTestId('count-review').click();
    const confirm = page.getByTestId('count-confirm');
    await confirm.waitFor();
    const summary = await confirm.innerText();
    expect(summary).toContain('1 batch berbeda');
    expect(summary).toContain('Tenda keluarga');
    expect(summary).toContain('80 → 78');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${artifacts}/after/stock-count-confirm.png`, fullPage: true });
    await page.getByTestId('count-post').click();
    expect(await page.getByTestId('count-posted').innerText()).toContain('1 penyesuaian');
  });

  it('shows the stock card with every movement and its running balance', async () => {
    await page.goto(`${server.url}/staf/stok`);
    expect(await onHandOf(page, 'Tenda keluarga')).toBe(before + 1018);
    await page
      .locator('[data-testid="position-row"][data-item="Tenda keluarga"]')
      .getByTestId('card-link')
      .click();
    await page.waitForURL(/\/staf\/stok\/kartu\/\d+\/\d+$/);
    const rows = page.getByTestId('card-row');
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['receipt', 'receipt', 'adjustment']);
    const balances = await page.getByTestId('card-balance').allInnerTexts();
    expect(balances).toEqual(['80', '1.100', '1.098']);
    const changes = await page.getByTestId('card-change').allInnerTexts();
    expect(changes).toEqual(['+80', '+1.020', '-2']);
    const last = await rows.last().innerText();
    expect(last).toContain('Penyesuaian opname');
    expect(last).toContain('2 tenda rusak');
    expect(last).toContain('Stok opname');
    expect(await rows.nth(1).innerText()).toContain('BAST/KEMENSOS/2026/118');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${artifacts}/after/stock-card.png`, fullPage: true });
  });

  it('lists expiring and expired batches and writes off the expired ones after confirmation', async () => {
    await page.goto(`${server.url}/staf/stok/kedaluwarsa`);
    await page.getByTestId('expiring-row').first().waitFor();
    const bands = await page.getByTestId('expiring-row').evaluateAll((rs) => rs.map((r) => r.dataset.band));
    expect(bands).toContain('expired');
    expect(bands).toContain('7');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    expect(await page.getByTestId('write-off').isDisabled()).toBe(true);
    await page.getByTestId('write-off-reason').fill('Kedaluwarsa, dimusnahkan sesuai berita acara');
    await page.getByTestId('write-off').click();
    await page.getByTestId('write-off-confirm').click();
    await page.getByTestId('written-off').waitFor();
    await page
      .locator('[data-testid="expiring-row"][data-band="expired"]')
      .first()
      .waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('fits a phone: every stock page without sideways scrolling and without codes', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const phoneErrors = watchErrors(phone);
    await signIn(phone, server.url, 'banten.fungsional');
    for (const path of [
      '/staf/stok',
      '/staf/stok/kedaluwarsa',
      '/staf/stok/katalog',
      '/staf/stok/barang-masuk',
      '/staf/stok/opname',
    ]) {
      await phone.goto(`${server.url}${path}`);
      await phone.getByTestId('stock-nav').waitFor();
      expect(await scanPage(phone, vocabulary), path).toEqual([]);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    // The count sheet, the last page, keeps its input fields on the screen, not behind a scroll.
    const box = await phone.getByTestId('counted-0').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: `${artifacts}/after/stock-count-phone.png`, fullPage: true });
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
