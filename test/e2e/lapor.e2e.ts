import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const header =
  'ID Laporan;Tanggal Laporan;Judul;Isi Laporan;Klasifikasi;Kategori;Status;Sumber;Nama Pelapor;Kontak Pelapor;Rahasia;Tanggal Verifikasi';
const file = (lines: string[]) => Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
const good = file([
  '0098001;01/12/2026 09:00;Bantuan PKH belum cair;Sudah tiga bulan bantuan PKH keluarga kami belum cair.;Pengaduan;Sosial;Belum Terverifikasi;Website;Sumarni;081234567890;Tidak;',
  '0098002;30/11/2026 08:00;Data DTKS;Mohon data keluarga kami diperbarui di DTKS tahun ini.;Aspirasi;Sosial;Terverifikasi;SMS 1708;Budi;;Tidak;01/12/2026 10:00',
]);
const bad = file([
  '0098101;01/12/2026 09:00;Baik;Baris ini sendiri tidak bermasalah sama sekali.;Pengaduan;;;;;;;',
  '0098102;31/02/2026;Tanggal;Tanggal laporan ini tidak ada di kalender.;Pengaduan;;;;;;;',
  '0098103;01/12/2026;Kosong;;Whistle Blowing System;;;;;;;',
]);

/** The complaint officer imports a LAPOR! export: a bad file first, then a good one. */
describe('SP4N-LAPOR!: the import page', () => {
  let server: Server;
  let browser: Browser;
  const vocabulary = loadVocabulary();

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: path.join(artifacts, 'after', `lapor-${name}.png`), fullPage: true });
  }
  async function choose(page: Page, name: string, bytes: Buffer) {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews every row with its problems, imports a good file, and shows LAPOR!’s clocks', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'sragen.pengaduan');
    await page.goto(`${server.url}/staf/pengaduan`);
    await page.getByTestId('queue-lapor').click();
    await page.waitForURL(/\/staf\/pengaduan\/lapor$/);

    await choose(page, 'lapor-buruk.csv', bad);
    await page.getByTestId('lapor-preview').click();
    await expect.poll(() => page.getByTestId('lapor-count-invalid').textContent()).toBe('2 bermasalah');
    const rows = page.getByTestId('lapor-preview-rows');
    await expect.poll(() => rows.locator('tr[data-verdict="invalid"]').count()).toBe(2);
    const text = (await rows.textContent()) ?? '';
    expect(text).toContain('baris 3, tanggal laporan: "31/02/2026" bukan tanggal');
    expect(text).toContain('baris 4, isi laporan: wajib diisi');
    expect(text).toContain('baris 4, klasifikasi: "Whistle Blowing System" tidak dikenal');
    expect(await page.getByTestId('lapor-confirm').count()).toBe(0);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'preview-problems');

    await choose(page, 'lapor.csv', good);
    await page.getByTestId('lapor-preview').click();
    await expect.poll(() => page.getByTestId('lapor-count-new').textContent()).toBe('2 baru');
    await shot(page, 'preview-good');
    await page.getByTestId('lapor-confirm').click();
    const done = page.getByTestId('lapor-imported');
    await expect.poll(() => done.textContent()).toContain('2 laporan diimpor');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'imported');

    // The imported complaint: its LAPOR! id, and LAPOR!'s clock beside the legal timers.
    await done.getByRole('link').first().click();
    await page.waitForURL(/\/staf\/pengaduan\/\d+$/);
    await expect.poll(() => page.getByTestId('lapor-id').textContent()).toBe('0098001');
    const timers = page.getByTestId('complaint-timers');
    await expect.poll(() => timers.locator('[data-timer="lapor_verification"]').count()).toBe(1);
    expect(await timers.textContent()).toContain('Verifikasi SP4N-LAPOR! (3 hari kerja)');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'complaint');

    // The same file again: nothing new.
    await page.goto(`${server.url}/staf/pengaduan/lapor`);
    await choose(page, 'lapor.csv', good);
    await page.getByTestId('lapor-preview').click();
    await expect.poll(() => page.getByTestId('lapor-count-new').textContent()).toBe('0 baru');
    expect(await page.getByTestId('lapor-confirm').count()).toBe(0);

    // The column mapping and the export of follow-ups: no internal code on either.
    await page.getByTestId('lapor-tab-mapping').click();
    await expect
      .poll(() => page.getByTestId('lapor-mapping-state').textContent())
      .toBe('Unit ini memakai pemetaan bawaan.');
    expect(await page.getByTestId('lapor-mapping-defaults').textContent()).toContain('Tanggal Laporan');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'mapping');
    await page.getByTestId('lapor-tab-export').click();
    await expect.poll(() => page.getByTestId('lapor-export-empty').count()).toBe(1);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'export');
    const xlsx = page.getByTestId('lapor-export-xlsx');
    expect(await xlsx.getAttribute('href')).toMatch(/^\/api\/complaints\/lapor\/follow-ups\.xlsx\?from=/);
    // A period that ends before it starts: nothing to download, and no link to follow.
    await page.getByTestId('lapor-export-from').fill('2099-12-31');
    await expect.poll(() => xlsx.getAttribute('href')).toBeNull();
    expect(await xlsx.isDisabled()).toBe(true);
    expect(await page.getByTestId('lapor-export-csv').isDisabled()).toBe(true);

    await page.goto(`${server.url}/staf/pengaduan/statistik`);
    await expect.poll(() => page.getByTestId('stats-channel').textContent()).toContain('SP4N-LAPOR!');
    // The charts: drawn, hidden from screen readers, each with a table of the same numbers.
    const received = Number(
      (await page.getByTestId('stats-total').locator('tbody td').nth(1).textContent())?.trim(),
    );
    expect(received).toBeGreaterThanOrEqual(2);
    for (const id of ['stats-chart-monthly', 'stats-chart-timely', 'stats-chart-channel']) {
      const chart = page.getByTestId(id);
      await chart.locator('.recharts-surface').first().waitFor();
      expect(await chart.locator('[aria-hidden="true"] .recharts-surface').count()).toBe(1);
    }
    const channel = page.getByTestId('stats-chart-channel');
    await expect.poll(() => channel.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const laporRow = page.getByTestId('stats-chart-channel-table').locator('tr', { hasText: 'SP4N-LAPOR!' });
    expect(Number(await laporRow.locator('td').textContent())).toBeGreaterThanOrEqual(2);
    // The monthly table's totals add up to the complaints received.
    const monthTotals = await page
      .getByTestId('stats-chart-monthly-table')
      .locator('tbody tr td:last-child')
      .allTextContents();
    expect(monthTotals.reduce((a, v) => a + Number(v), 0)).toBe(received);
    expect(await page.getByTestId('stats-chart-timely-table').textContent()).toContain('Terlambat');
    const pdf = await page.getByTestId('stats-pdf').getAttribute('href');
    expect(pdf).toMatch(/^\/api\/complaints\/stats\.pdf\?from=\d{4}-\d{2}&to=\d{4}-\d{2}&lang=id$/);
    const download = await page.request.get(`${server.url}${pdf}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'stats');
    await page
      .getByTestId('stats-charts')
      .screenshot({ path: path.join(artifacts, 'after', 'lapor-stats-charts.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the statistics with their charts at phone width without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'sragen.pengaduan');
    await page.goto(`${server.url}/staf/pengaduan/statistik`);
    await page.getByTestId('stats-chart-monthly').locator('.recharts-surface').first().waitFor();
    await page.getByTestId('stats-chart-channel').locator('.recharts-bar-rectangle').first().waitFor();
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await shot(page, 'stats-phone');
    await page
      .getByTestId('stats-charts')
      .screenshot({ path: path.join(artifacts, 'after', 'lapor-stats-charts-phone.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
