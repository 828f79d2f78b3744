import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage, settled } from './no-codes.ts';

const shots = path.join(artifacts, 'screenshots', process.env.SHOTS === 'before' ? 'before' : 'after');
mkdirSync(shots, { recursive: true });
const vocabulary = loadVocabulary();
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };
const today = todayIn('Asia/Jakarta');
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const scan = Buffer.from('%PDF-1.4\n% laporan\n');

/**
 * How far the page reaches to the right (past the viewport means the reader scrolls sideways),
 * with the elements that reach past `limit`, to name in a failure.
 */
async function reach(page: Page, limit: number): Promise<{ right: number; past: string[] }> {
  return page.evaluate((edge) => {
    const all = [...document.querySelectorAll('main *')];
    const past = all
      .filter((e) => e.getBoundingClientRect().right > edge)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} «${(e.textContent ?? '').slice(0, 40)}»`,
      );
    const right = Math.max(
      document.documentElement.scrollWidth,
      ...all.map((e) => e.getBoundingClientRect().right),
    );
    return { right, past: past.slice(0, 8) };
  }, limit);
}
const fits = async (page: Page, width: number) => {
  const { right, past } = await reach(page, width);
  expect(right, past.join('\n')).toBeLessThanOrEqual(width);
};

/**
 * Issue 16, Reports in the browser: the distributions per emergency and regency and the request
 * ages (staff), and the public page of the emergency (no sign-in), on a PC and on a phone. The
 * requests are run through a–f by the API first, as their officers would.
 */
describe('Logistics reports (Banten): distributions, request ages and the public emergency page', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let emergencyId = 0;
  const names = ['Posko Banjir Malingping', 'Posko Desa Sumur', 'Posko Desa Panggarangan'];
  const codes: string[] = [];

  async function staff(username: string): Promise<APIRequestContext> {
    const context = await browser.newContext({ baseURL: server.url });
    contexts.push(context);
    const { request } = context;
    await request.get('/api/auth/csrf');
    const csrf = (await request.storageState()).cookies.find((c) => c.name === 'jaring_csrf')?.value ?? '';
    const res = await request.post('/api/auth/login', {
      data: { username, password: 'jaring-demo-2026' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.status(), await res.text()).toBe(200);
    return request;
  }
  async function write(request: APIRequestContext, url: string, options: object) {
    const csrf = (await request.storageState()).cookies.find((c) => c.name === 'jaring_csrf')?.value ?? '';
    const res = await request.post(url, { ...options, headers: { 'x-csrf-token': csrf } });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const fo = await staff('banten.fo');
    const kadis = await staff('banten.kadis');
    const kabid = await staff('banten.kabid');
    const officer = await staff('banten.fungsional');
    emergencyId = (
      await write(kadis, '/api/emergencies', {
        data: {
          number: '360/Kep.77-Huk/2026',
          decreedOn: today,
          declaredBy: 'gubernur',
          disaster: 'Banjir bandang',
          areas: ['36.02', '36.01'],
          startsOn: today,
          endsOn: inDays(14),
        },
      })
    ).id;
    const warehouseId = (await (await kabid.get('/api/stock/warehouses')).json()).warehouses[0].id;
    const items = (await (await kabid.get('/api/stock/items')).json()).items as Array<{
      id: number;
      name: string;
    }>;
    const item = (name: string) => items.find((i) => i.name === name)?.id as number;
    const act = async (id: number, who: APIRequestContext, action: string, data?: object) => {
      const version = (await (await kabid.get(`/api/cases/${id}`)).json()).actions.length;
      return write(who, `/api/cases/${id}/actions`, { data: { action, version, ...(data ? { data } : {}) } });
    };
    const open = async (name: string, areaCode: string) => {
      const opened = await write(fo, '/api/cases', {
        data: {
          standardId: 'logistik-tanggap-darurat',
          applicant: { name },
          intake: { areaCode, requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
        },
      });
      codes.push(opened.trackingCode);
      return opened.id as number;
    };
    const approve = async (id: number, lines: Array<{ itemId: number; quantity: number }>) => {
      for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
        await write(fo, `/api/cases/${id}/documents/${paper}`, {
          multipart: { file: { name: 'berkas.pdf', mimeType: 'application/pdf', buffer: scan } },
        });
      await act(id, fo, 'teruskan');
      await act(id, kadis, 'teruskan');
      await act(id, kabid, 'disposisikan', { instruction: 'Teliti dan saran' });
      await act(id, officer, 'ajukan', { peopleAffected: 150, days: 5, lines });
      const approved = await act(id, kabid, 'setujui', { warehouseId, lines });
      return approved.actions.at(-1).data.result.allocations as Array<{ batchId: number; itemId: number }>;
    };
    const ship = (id: number) => act(id, officer, 'kirim', { vehicle: 'A 8127 KB', driver: 'Ujang Sobari' });

    // Lebak: handed over, 10 kg of rice short and 4 tarpaulins torn.
    const lebak = await open(names[0] as string, '36.02.01');
    const allocations = await approve(lebak, [
      { itemId: item('Beras'), quantity: 300 },
      { itemId: item('Terpal'), quantity: 40 },
    ]);
    await ship(lebak);
    const batchOf = (itemId: number) => allocations.find((a) => a.itemId === itemId)?.batchId;
    await act(lebak, officer, 'serahkan', {
      receiverName: 'H. Suhendi Wiratmaja',
      receiverPosition: 'Koordinator Posko Malingping',
      returns: [
        { batchId: batchOf(item('Beras')), quantity: 10, reason: 'Kurang 10 kg saat ditimbang' },
        { batchId: batchOf(item('Terpal')), quantity: 4, damaged: true, reason: 'Sobek saat bongkar muat' },
      ],
    });
    // Pandeglang: on the road. Another Lebak post: registered, waiting for the Kepala Dinas.
    const sumur = await open(names[1] as string, '36.01.01');
    await approve(sumur, [
      { itemId: item('Beras'), quantity: 200 },
      { itemId: item('Selimut'), quantity: 60 },
    ]);
    await ship(sumur);
    await open(names[2] as string, '36.02.02');
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  /** A line's figure on the distributions page (PC layout). */
  const figure = (page: Page, area: string, item: string, col: string) =>
    page
      .locator(
        `[data-testid="emergency-distribution"] [data-area="${area}"] [data-testid="line"][data-item="${item}"] [data-col="${col}"]`,
      )
      .innerText();

  it('the staff menu leads to the distributions per emergency and regency, with the XLSX', async () => {
    const page = await browser.newPage({ viewport: desktop });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'banten.kabid');
    await page.getByTestId('staff-menu').getByRole('link', { name: 'Penyaluran Logistik' }).click();
    await page.waitForURL(`${server.url}/staf/logistik/penyaluran`);
    await page.getByTestId('emergency-distribution').first().waitFor();
    await settled(page);
    expect(await page.getByTestId('emergency-requests').first().innerText()).toBe('3 permohonan');
    expect(await page.getByTestId('emergency-basts').first().innerText()).toBe('1 BAST');
    expect(await figure(page, 'Kabupaten Lebak', 'Beras', 'dispatched')).toBe('300');
    expect(await figure(page, 'Kabupaten Lebak', 'Beras', 'received')).toBe('290');
    expect(await figure(page, 'Kabupaten Lebak', 'Beras', 'returned')).toBe('10');
    expect(await figure(page, 'Kabupaten Lebak', 'Terpal', 'writtenOff')).toBe('4');
    expect(await figure(page, 'Kabupaten Pandeglang', 'Selimut', 'inTransit')).toBe('60');
    const href = await page.getByTestId('distributions-xlsx').getAttribute('href');
    expect(href).toBe('/api/logistics/distributions.xlsx');
    const xlsx = await page.request.get(`${server.url}${href}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers()['content-disposition']).toMatch(/penyaluran-logistik-\d{4}-\d{2}-\d{2}\.xlsx/);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${shots}/logistics-distributions.png`, fullPage: true });
    // One emergency chosen: the download follows the choice.
    await page.getByTestId('emergency-select').click();
    await page.getByRole('option', { name: /Banjir bandang/ }).click();
    expect(await page.getByTestId('distributions-xlsx').getAttribute('href')).toBe(
      `/api/logistics/distributions.xlsx?emergencyId=${emergencyId}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the emergencies page leads to the distributions of one emergency and to its public page', async () => {
    const page = await browser.newPage({ viewport: desktop });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'banten.kabid');
    await page.goto(`${server.url}/staf/tanggap-darurat`);
    await page.getByTestId('distribution-link').first().click();
    await page.waitForURL(/\/staf\/logistik\/penyaluran\?kejadian=/);
    await page.getByTestId('emergency-distribution').first().waitFor();
    await settled(page);
    expect(await page.getByTestId('emergency-select').inputValue()).toMatch(/^Banjir bandang/);
    expect(await page.getByTestId('distributions-xlsx').getAttribute('href')).toBe(
      `/api/logistics/distributions.xlsx?emergencyId=${emergencyId}`,
    );
    expect(await page.getByTestId('public-page').first().getAttribute('href')).toBe(
      `/layanan/banten/tanggap-darurat/${emergencyId}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the requests oldest first with their step and age, and the count per step', async () => {
    const page = await browser.newPage({ viewport: desktop });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'banten.fungsional');
    await page.getByTestId('staff-menu').getByRole('link', { name: 'Umur Permohonan Logistik' }).click();
    await page.waitForURL(`${server.url}/staf/logistik/permohonan`);
    const rows = page.getByTestId('request-age');
    await rows.first().waitFor();
    await settled(page);
    // Waiting: the Pandeglang shipment (opened second), then the post still at registration.
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(codes[1]);
    expect(texts[0]).toContain('Serah terima bantuan (BAST)');
    expect(texts[1]).toContain(codes[2]);
    expect(texts[1]).toContain('Registrasi permohonan dan berkas');
    expect(await page.getByTestId('age-days').allInnerTexts()).toEqual(['0 hari', '0 hari']);
    expect(await page.getByTestId('step-count').count()).toBe(2);
    await page.getByTestId('status-filter').getByText('Semua').click();
    await page.getByTestId('request-age').nth(2).waitFor();
    expect(await page.getByTestId('request-age').first().innerText()).toContain(codes[0]);
    expect(await page.getByTestId('requests-xlsx').getAttribute('href')).toBe(
      '/api/logistics/requests.xlsx?status=all',
    );
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${shots}/logistics-request-ages.png`, fullPage: true });
    // The request's code leads to its case page.
    await page.getByRole('link', { name: codes[0] as string }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits both staff pages on a phone without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: phone });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'banten.kabid');
    await page.goto(`${server.url}/staf/logistik/penyaluran`);
    await page.getByTestId('line-card').first().waitFor();
    await settled(page);
    await fits(page, phone.width);
    expect(await page.getByTestId('line').first().isVisible()).toBe(false);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${shots}/logistics-distributions-phone.png`, fullPage: true });
    await page.goto(`${server.url}/staf/logistik/permohonan`);
    await page.getByTestId('request-card').first().waitFor();
    await settled(page);
    await fits(page, phone.width);
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${shots}/logistics-request-ages-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the office’s public page links to the emergency; its page says what was sent where, naming no one', async () => {
    for (const [viewport, suffix] of [
      [desktop, ''],
      [phone, '-phone'],
    ] as const) {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${server.url}/layanan/banten`);
      await page.getByTestId('emergency-link').first().click();
      await page.waitForURL(`${server.url}/layanan/banten/tanggap-darurat/${emergencyId}`);
      await page.getByTestId('public-emergency').waitFor();
      await settled(page);
      expect(await page.getByTestId('public-status').innerText()).toMatch(/berlaku/i);
      expect(await page.getByTestId('public-areas').innerText()).toBe(
        'Kabupaten Pandeglang, Kabupaten Lebak',
      );
      expect(await page.getByTestId('public-figures').innerText()).toBe(
        '3 permohonan diterima: 1 sudah diserahterimakan, 2 sedang diproses',
      );
      const lebak = await page
        .locator('[data-testid="public-area"][data-area="Kabupaten Lebak"]')
        .innerText();
      expect(lebak).toContain('Beras: 290 kg diterima');
      expect(lebak).toContain('Terpal: 36 lembar diterima');
      expect(lebak).toMatch(/Serah terima \(BAST\): .+: 1 BAST/);
      const pandeglang = await page
        .locator('[data-testid="public-area"][data-area="Kabupaten Pandeglang"]')
        .innerText();
      expect(pandeglang).toContain('Beras: 200 kg dalam perjalanan');
      const text = await page.locator('body').innerText();
      for (const personal of [...names, 'Suhendi', 'Koordinator', 'Ujang', 'A 8127 KB', ...codes])
        expect(text, personal).not.toContain(personal);
      await fits(page, viewport.width);
      expect(await scanPage(page, vocabulary)).toEqual([]);
      await page.screenshot({ path: `${shots}/logistics-public-emergency${suffix}.png`, fullPage: true });
      await page.goto(`${server.url}/layanan/banten`);
      await page.getByTestId('emergency-links').waitFor();
      await settled(page);
      await fits(page, viewport.width);
      await page.screenshot({ path: `${shots}/logistics-public-unit${suffix}.png`, fullPage: true });
      expect(errors).toEqual([]);
    }
  });
});
