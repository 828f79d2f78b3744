import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };

/** From a citizen's complaint on a phone to the decision delivered and read on the tracking page. */
describe('complaints: a citizen’s complaint to the delivered decision', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const vocabulary = loadVocabulary();

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'id-ID' });
    contexts.push(context);
    return context.newPage();
  }
  /** Staff pages hold a long poll open for case changes: they never go network-idle. */
  async function shot(page: Page, name: string, idle = true) {
    if (idle) await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(artifacts, 'after', `complaints-${name}.png`), fullPage: true });
  }
  /** Nothing reaches past the right edge of a phone's screen. */
  const widest = (page: Page) =>
    page.evaluate(() =>
      Math.max(
        document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right),
      ),
    );

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('files, handles, decides and delivers, with no internal code on any page', async () => {
    // The citizen, on a phone, from the PKH standard's page.
    const citizen = await open(phone);
    const errors = watchErrors(citizen);
    await citizen.goto(`${server.url}/layanan/sragen/pkh`);
    await citizen.getByTestId('complain-link').click();
    await citizen.waitForURL(/\/pengaduan\?/);
    await expect.poll(() => citizen.getByTestId('complaint-unit').inputValue()).toMatch(/Sragen/);
    await citizen
      .getByTestId('complaint-text')
      .fill('Bantuan PKH tahap IV belum masuk ke rekening KKS kami, padahal tetangga sudah menerima.');
    await citizen.getByLabel('Nama', { exact: true }).fill('Warsini');
    await citizen.getByLabel('Nomor HP atau surel').fill('081234567890');
    const label =
      (await citizen
        .getByText(/Pertanyaan pengaman/)
        .first()
        .textContent()) ?? '';
    const [, a, b] = /(\d+) \+ (\d+)/.exec(label) ?? [];
    await citizen.getByTestId('complaint-challenge').fill(String(Number(a) + Number(b)));
    expect(await widest(citizen)).toBeLessThanOrEqual(phone.width + 1);
    await shot(citizen, 'form-phone');
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click();
    const code = ((await citizen.getByTestId('complaint-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    await shot(citizen, 'received-phone');
    await citizen.getByRole('link', { name: 'Lihat perkembangan' }).click();
    await expect
      .poll(() => citizen.getByTestId('complaint-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('received');
    expect(await widest(citizen)).toBeLessThanOrEqual(phone.width + 1);
    expect(await scanPage(citizen, vocabulary)).toEqual([]);
    await shot(citizen, 'track-phone');

    // The complaint officer, at a desk: the queue, then the complaint's steps.
    const officer = await open(desktop);
    const officerErrors = watchErrors(officer);
    await signIn(officer, server.url, 'sragen.pengaduan');
    await officer.goto(`${server.url}/staf/pengaduan`);
    await officer.getByRole('link', { name: code }).click();
    await expect
      .poll(() => officer.getByTestId('complaint-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('received');
    expect(await officer.getByText('Warsini').count()).toBeGreaterThan(0);
    await officer.getByTestId('mark-complete').click();
    await expect
      .poll(() => officer.getByTestId('complaint-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('complete');
    await officer
      .getByTestId('decide-text')
      .fill('Bantuan telah disalurkan kembali ke rekening KKS Saudara pada 5 Desember 2026.');
    await officer.getByTestId('decide').click();
    await expect
      .poll(() => officer.getByTestId('complaint-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('decided');
    await officer.getByTestId('deliver-via').fill('Diserahkan langsung di kantor');
    await officer.getByTestId('deliver').click();
    await expect
      .poll(() => officer.getByTestId('complaint-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('delivered');
    expect(await scanPage(officer, vocabulary)).toEqual([]);
    await shot(officer, 'complaint-pc', false);
    await officer.goto(`${server.url}/staf/pengaduan`);
    await officer.getByTestId('complaint-queue').waitFor();
    await shot(officer, 'queue-pc', false);

    // The statistics: the decision counts as in time in this month's bar of the timeliness chart.
    await officer.goto(`${server.url}/staf/pengaduan/statistik`);
    const timely = officer.getByTestId('stats-chart-timely');
    await expect
      .poll(() => timely.locator('.recharts-bar-rectangle path').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    const thisMonth = officer
      .getByTestId('stats-chart-timely-table')
      .locator('tbody tr')
      .last()
      .locator('td');
    expect(Number(await thisMonth.first().textContent())).toBeGreaterThanOrEqual(1);
    expect(await officer.getByTestId('stats-chart-timely-none').count()).toBe(0);
    expect(await scanPage(officer, vocabulary)).toEqual([]);
    await officer
      .getByTestId('stats-charts')
      .screenshot({ path: path.join(artifacts, 'after', 'complaints-stats-charts.png') });

    // Back on the phone: the decision and its letter number.
    await citizen.reload();
    await citizen.getByTestId('complaint-decision').waitFor();
    expect(await citizen.getByTestId('complaint-decision').textContent()).toMatch(/065\/\d{4}\/DINSOS\/2026/);
    expect(await citizen.content()).not.toContain('081234567890');
    expect(await widest(citizen)).toBeLessThanOrEqual(phone.width + 1);
    await shot(citizen, 'decision-phone');
    // The same pages on a PC.
    const pc = await open(desktop);
    await pc.goto(`${server.url}/pengaduan/lacak/${code}`);
    await pc.getByTestId('complaint-decision').waitFor();
    await shot(pc, 'decision-pc');
    await pc.goto(`${server.url}/pengaduan?unit=sragen`);
    await pc.getByTestId('complaint-challenge').waitFor();
    expect(await scanPage(pc, vocabulary)).toEqual([]);
    await shot(pc, 'form-pc');
    expect(errors).toEqual([]);
    expect(officerErrors).toEqual([]);
  }, 180_000);
});
