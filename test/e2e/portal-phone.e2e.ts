import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  expectAccessible,
  launchBrowser,
  type Server,
  startServer,
  watchErrors,
} from './harness.ts';

/** `PHONE_SHOTS=before` names the screenshots of a run on the old code; the default is `after`. */
const shots = process.env.PHONE_SHOTS === 'before' ? 'before' : 'after';
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 768 };

describe('the citizen on a phone: header, standard, tracking and verification', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const codes = { returned: '', ready: '', done: '', rejected: '', letter: '' };

  /** A staff member through the API, as the browser would: CSRF cookie, then sign-in. */
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
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  }

  async function shot(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join(artifacts, `portal-phone-${name}-${shots}.png`),
      fullPage: true,
    });
  }

  /** No element on the page reaches past the viewport's right edge. */
  async function widest(page: Page): Promise<number> {
    return page.evaluate(() =>
      Math.max(
        document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('header *, main *')].map((e) => e.getBoundingClientRect().right),
      ),
    );
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const fo = await staff('tarakan.fo');
    const officer = await staff('tarakan.fungsional');
    const kabid = await staff('tarakan.kabid');
    const scan = { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 scan') };
    const open = async (name: string) => {
      const opened = await write(fo, '/api/cases', {
        data: { standardId: 'sembako', product: 'kks-baru', applicant: { name } },
      });
      for (const paper of ['kk-ktp', 'surat-kelurahan'])
        await write(fo, `/api/cases/${opened.id}/documents/${paper}`, { multipart: { file: scan } });
      const act = (request: APIRequestContext, action: string, version: number, extra: object = {}) =>
        write(request, `/api/cases/${opened.id}/actions`, { data: { action, version, ...extra } });
      return { code: opened.trackingCode as string, act };
    };
    const analysed = {
      jenisBantuan: 'BPNT',
      analisis: 'KKS belum ada',
      solusi: 'Penerbitan KKS baru',
      referensiSiksNg: 'SIKS-NG/2026/1',
      edukasi: 'Penggunaan KKS',
    };

    const returned = await open('Siti Aminah');
    await returned.act(fo, 'kembalikan', 1, { note: 'Fotokopi buku tabungan belum dilampirkan' });
    codes.returned = returned.code;

    const ready = await open('Rahmat Hidayat');
    await ready.act(fo, 'teruskan', 1);
    await ready.act(officer, 'teruskan', 2, { data: analysed });
    const signed = await ready.act(kabid, 'setujui', 3);
    codes.ready = ready.code;
    codes.letter = (signed.letters[0] as { verificationCode: string }).verificationCode;

    const done = await open('Dewi Lestari');
    await done.act(fo, 'teruskan', 1);
    await done.act(officer, 'teruskan', 2, { data: analysed });
    await done.act(kabid, 'setujui', 3);
    await done.act(fo, 'serahkan', 4);
    codes.done = done.code;

    const rejected = await open('Budi Santoso');
    await rejected.act(fo, 'teruskan', 1);
    await rejected.act(officer, 'tolak', 2, { note: 'Sudah menerima KKS pada tahun 2025' });
    codes.rejected = rejected.code;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('keeps "Lacak" in the header on a phone and has no developer JSON link', async () => {
    for (const viewport of [phone, desktop]) {
      const page = await browser.newPage({ viewport, isMobile: viewport === phone });
      const errors = watchErrors(page);
      await page.goto(`${server.url}/`);
      await page.getByTestId('unit-tarakan').waitFor();
      await expectAccessible(page, `portal at ${viewport.width}px`);
      if (viewport === phone) await shot(page, 'home');
      const track = page.getByRole('banner').getByRole('link', { name: /Lacak/ });
      await expect(track.isVisible()).resolves.toBe(true);
      expect(await widest(page)).toBeLessThanOrEqual(viewport.width);
      expect(await page.locator('a[href*="/api/public/sippn"]').count()).toBe(0);
      expect(await page.getByText(/JSON|SIPPN/).count()).toBe(0);
      await track.click();
      await page.waitForURL(`${server.url}/lacak`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('stacks the 14 components in one column on a phone, with no word split', async () => {
    const page = await browser.newPage({ viewport: phone, isMobile: true });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/layanan/tarakan/sembako`);
    await page.waitForSelector('[data-component="14"]');
    await expectAccessible(page, 'standard on a phone');
    await shot(page, 'standard');
    // The first components as a phone shows them on screen, readable at full size.
    await page.locator('[data-component="1"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `portal-phone-standard-screen-${shots}.png`) });
    expect(await widest(page)).toBeLessThanOrEqual(phone.width);
    const row = page.locator('[data-component="1"]');
    const name = row.locator('.component-name');
    const body = row.locator('.component-body');
    // One column: the content starts below the name, not beside it, and spans the row.
    const [n, b, r] = await Promise.all([name.boundingBox(), body.boundingBox(), row.boundingBox()]);
    if (!n || !b || !r) throw new Error('component 1 is not laid out');
    expect(b.y).toBeGreaterThanOrEqual(n.y + n.height - 1);
    expect(b.width).toBeGreaterThan(r.width * 0.85);
    // "Persyaratan" on one line, and nothing allowed to break inside a word.
    const heading = name.getByText('Persyaratan', { exact: true });
    const lineHeight = await heading.evaluate((e) => Number.parseFloat(getComputedStyle(e).lineHeight));
    expect((await heading.boundingBox())?.height ?? 0).toBeLessThan(lineHeight * 1.5);
    const breaks = await page.evaluate(
      () =>
        [...document.querySelectorAll('.component-table *')]
          .map((e) => getComputedStyle(e))
          .filter((s) => s.wordBreak === 'break-all' || s.wordBreak === 'break-word').length,
    );
    expect(breaks).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    // On a PC the table keeps its three columns.
    const wide = await browser.newPage({ viewport: desktop });
    await wide.goto(`${server.url}/layanan/tarakan/sembako`);
    await wide.waitForSelector('[data-component="14"]');
    await shot(wide, 'standard-desktop');
    const wn = await wide.locator('[data-component="1"] .component-name').boundingBox();
    const wb = await wide.locator('[data-component="1"] .component-body').boundingBox();
    if (!wn || !wb) throw new Error('component 1 is not laid out');
    expect(wb.x).toBeGreaterThan(wn.x + wn.width - 1);
    await wide.close();
  });

  it('answers a wrong tracking code with the field to correct it, pre-filled', async () => {
    const page = await browser.newPage({ viewport: phone, isMobile: true });
    const errors = watchErrors(page);
    const wrong = `${codes.returned.slice(0, -1)}${codes.returned.endsWith('Z') ? 'Y' : 'Z'}`;
    await page.goto(`${server.url}/lacak/${wrong}`);
    await shot(page, 'track-wrong-code');
    await page.getByTestId('track-not-found').waitFor();
    expect(await page.getByTestId('track-not-found').innerText()).toContain('Kode tidak ditemukan');
    await expectAccessible(page, 'tracking, code not found');
    expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
    const field = page.getByLabel(/Kode permohonan/);
    expect(await field.inputValue()).toBe(wrong);
    await field.fill(codes.returned.toLowerCase());
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.waitForURL(`${server.url}/lacak/${codes.returned}`);
    await page.getByTestId('track-message').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells the citizen what is missing, when the letter is ready and where to fetch it', async () => {
    const page = await browser.newPage({ viewport: phone, isMobile: true });
    const errors = watchErrors(page);

    await page.goto(`${server.url}/lacak/${codes.returned}`);
    await shot(page, 'track-returned');
    await page.getByTestId('track-message').waitFor();
    const returned = await page.getByTestId('track-message').innerText();
    expect(returned).toContain('Menunggu kelengkapan dari Anda');
    expect(returned).toContain('Fotokopi buku tabungan belum dilampirkan');
    expect(returned).toContain('Kota Tarakan, Kalimantan Utara');
    await expectAccessible(page, 'tracking, papers missing');

    await page.goto(`${server.url}/lacak/${codes.ready}`);
    await shot(page, 'track-ready');
    await page.getByTestId('track-message').waitFor();
    const ready = await page.getByTestId('track-message').innerText();
    expect(ready).toContain('Surat Anda siap diambil');
    expect(ready).toContain('Kota Tarakan, Kalimantan Utara');
    expect(ready).toMatch(/Senin.{1,3}Kamis:? 07\.30.{1,3}12\.00/);
    await expectAccessible(page, 'tracking, letter ready');
    // The badge beside the code says the same, not "Diproses".
    expect(await page.locator('main .mantine-Badge-root').first().innerText()).toMatch(/siap diambil/i);
    // The office's internal step names are not what the citizen reads.
    const body = await page.locator('main').innerText();
    expect(body).not.toContain('Pengecekan berkas oleh Petugas FO');
    expect(body).not.toContain('Paraf dan tanda tangan surat keterangan');
    expect(await widest(page)).toBeLessThanOrEqual(phone.width);

    await page.goto(`${server.url}/lacak/${codes.done}`);
    await shot(page, 'track-done');
    await page.getByTestId('track-message').waitFor();
    const done = await page.getByTestId('track-message').innerText();
    expect(done).toContain('Permohonan selesai');
    expect(done).toContain('Kota Tarakan, Kalimantan Utara');
    expect(done).toMatch(/07\.30.{1,3}12\.00/);
    await expectAccessible(page, 'tracking, done');

    await page.goto(`${server.url}/lacak/${codes.rejected}`);
    await page.getByTestId('track-message').waitFor();
    const rejected = await page.getByTestId('track-message').innerText();
    expect(rejected).toContain('tidak dapat dipenuhi');
    expect(rejected).toContain('Sudah menerima KKS pada tahun 2025');
    await expectAccessible(page, 'tracking, rejected');
    expect(errors).toEqual([]);
    await page.close();

    const wide = await browser.newPage({ viewport: desktop });
    await wide.goto(`${server.url}/lacak/${codes.ready}`);
    await wide.getByTestId('track-message').waitFor();
    await shot(wide, 'track-ready-desktop');
    expect(await wide.getByTestId('track-message').innerText()).toContain('Surat Anda siap diambil');
    await wide.close();
  });

  it('verifies a letter from a typed code at /verifikasi', async () => {
    const page = await browser.newPage({ viewport: phone, isMobile: true });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/lacak`);
    await page.getByRole('link', { name: 'Periksa keaslian surat tanpa kode QR' }).click();
    await page.waitForURL(`${server.url}/verifikasi`);
    await shot(page, 'verify-form');
    const field = page.getByLabel(/Kode verifikasi/);
    await field.waitFor();
    await expectAccessible(page, 'verification form');
    // The code as printed under the QR, the whole address pasted: either is taken.
    await field.fill(`  ${server.url}/verifikasi/${codes.letter} `);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    await page.waitForURL(`${server.url}/verifikasi/${codes.letter}`);
    await page.getByTestId('verify-number').waitFor();
    expect(await page.getByTestId('verify-number').innerText()).toMatch(/DINSOSPM/);
    await expectAccessible(page, 'letter verified on a phone');

    // A mistyped code: said so, with the field to correct it.
    await page.goto(`${server.url}/verifikasi/${codes.letter.slice(0, -2)}xx`);
    await page.getByTestId('verify-not-found').waitFor();
    expect(await page.getByLabel(/Kode verifikasi/).inputValue()).toBe(`${codes.letter.slice(0, -2)}xx`);
    await expectAccessible(page, 'verification, code not found');
    expect(errors).toEqual([]);
    await page.close();
  });
});
