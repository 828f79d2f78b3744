import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/**
 * Issue 15 point 6: a request's papers at the front desk. The checklist's ticks are kept with the
 * case, a scan can be replaced (the earlier one stays in the history) or removed by who uploaded
 * it, and the receipt is a PDF with the code, the papers and the officer.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-docs-'));
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  writeFileSync(p, `%PDF-1.4\n% ${text}\n`);
  return p;
};
const first = file('kk-lama.pdf', 'pindaian pertama');
const second = file('kk-jelas.pdf', 'pindaian kedua');
const wrong = file('salah.pdf', 'berkas keliru');
const after = path.join(artifacts, 'after');
mkdirSync(after, { recursive: true });

describe('papers at the front desk: checklist, replace, remove, receipt', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const upload = async (testId: string, p: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId(testId).click();
    await (await chooser).setFiles(p);
  };

  it('opens a Sembako case with two papers ticked; the case page shows them', async () => {
    const errors = watchErrors(page);
    await signIn(page, server.url, 'tarakan.fo');
    await page.goto(`${server.url}/staf/permohonan/baru`);
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: 'Fasilitas Program Sembako' }).click();
    await page.getByLabel('Produk layanan').first().click();
    await page.getByRole('option', { name: 'Surat Keterangan Meninggal' }).click();
    await page.getByLabel('Nama pemohon').fill('Rahmawati Sulaiman');
    await page.getByLabel('NIK').fill('6571015708900001');
    await page.getByTestId('paper-kk-ktp').check();
    await page.getByTestId('paper-akte-kematian').check();
    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    caseUrl = page.url();
    const seen = page.getByTestId('papers-seen');
    await seen.waitFor();
    expect(await page.getByTestId('paper-seen').allInnerTexts()).toEqual([
      '✓ Fotocopy KK/KTP',
      '✓ Fotocopy Akte Kematian',
    ]);
    expect(await seen.innerText()).toContain('Siti Aminah');
    expect(errors).toEqual([]);
  });

  it('uploads, replaces (the earlier scan stays in the history) and removes a paper', async () => {
    await upload('upload-kk-ktp', first);
    await page.getByTestId('replace-kk-ktp').waitFor();
    await upload('replace-kk-ktp', second);
    const history = page.getByTestId('document-history');
    await history.waitFor();
    expect(await history.innerText()).toContain('kk-lama.pdf');
    expect(await page.getByTestId('document').first().innerText()).toContain('kk-jelas.pdf');
    // The earlier scan still opens.
    await history.getByRole('button', { name: 'Lihat' }).click();
    const frame = page.getByTestId('document-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/\/documents\/\d+\/file$/);
    await page.keyboard.press('Escape');
    await frame.waitFor({ state: 'detached' });

    // A wrong paper uploaded for KKS, removed after a confirmation; it is asked for again.
    await upload('upload-kks', wrong);
    await page.getByTestId('remove-kks').click();
    await page.getByTestId('confirm-remove').click();
    await page.getByTestId('document-removed').waitFor();
    await page.getByTestId('upload-kks').waitFor();
    expect(await page.getByTestId('document-removed').innerText()).toContain('Dihapus');
    // From the top: the staff header stays on screen and would sit mid-page in a full-page shot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(after, 'docs-case-1366.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(after, 'docs-case-390.png'), fullPage: true });
    // At phone width a paper's name keeps whole words beside or above its buttons.
    const nameBox = await page.getByTestId('document').first().locator('p').first().boundingBox();
    expect(nameBox?.width ?? 0).toBeGreaterThan(200);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('the officer may not remove the desk’s paper; the receipt button gives a PDF', async () => {
    const receipt = page.getByTestId('receipt-pdf');
    expect(await receipt.getAttribute('target')).toBe('_blank');
    const href = (await receipt.getAttribute('href')) ?? '';
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = await res.body();
    writeFileSync(path.join(after, 'receipt.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    const code = await page.getByTestId('tracking-code').innerText();
    expect(text).toContain('TANDA TERIMA PERMOHONAN');
    expect(text).toContain(code);
    expect(text).toContain('kk-jelas.pdf');
    expect(text).not.toContain('salah.pdf');
    expect(text).toMatch(/Fotocopy Akte Kematian\s+diperiksa di loket/);
    expect(text).toContain('Siti Aminah');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      path.join(after, 'receipt.pdf'),
      path.join(after, 'receipt'),
    ]);

    await signIn(page, server.url, 'tarakan.fungsional');
    await page.goto(caseUrl);
    await page.getByTestId('document').first().waitFor();
    expect(await page.getByTestId('remove-kk-ktp').count()).toBe(0);
  });
});
