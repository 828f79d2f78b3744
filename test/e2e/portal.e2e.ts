import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUnitDateTime } from '../../web/src/format.ts';
import {
  artifacts,
  expectAccessible,
  launchBrowser,
  type Server,
  startServer,
  watchErrors,
} from './harness.ts';

describe('public portal and staff sign-in in a real browser', () => {
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

  it('lists the offices and opens a standard with all 14 components', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByTestId('unit-sragen').waitFor();
    await expectAccessible(page, 'portal');
    await page.getByTestId('unit-sragen').getByRole('link').click();
    await page.getByRole('link', { name: 'Kehabisan Bekal' }).waitFor();
    await expectAccessible(page, 'unit page');
    await page.getByRole('link', { name: 'Kehabisan Bekal' }).click();
    await page.waitForSelector('[data-component="14"]');
    expect(page.url()).toBe(`${server.url}/layanan/sragen/kehabisan-bekal`);
    await expectAccessible(page, 'standard page');

    for (let n = 1; n <= 14; n++) {
      await expect(page.locator(`[data-component="${n}"]`).isVisible()).resolves.toBe(true);
    }
    const text = (n: number) => page.locator(`[data-component="${n}"]`).innerText();
    expect(await text(1)).toContain('Surat Keterangan Dari Kepolisian');
    expect(await text(3)).toContain('1 Kali kejadian');
    expect(await text(6)).toContain('Sari Srihartiwi');
    expect(await text(6)).toContain('19660101 199803 2 005');
    expect(await text(7)).toContain('UU No. 11 Th 1999');
    expect(await text(8)).toContain('Fasilitas Difabel');
    expect(await page.getByTestId('maklumat').innerText()).toContain('Maklumat Pelayanan');
    expect(await page.getByRole('heading', { name: /Service Delivery/ }).count()).toBe(1);

    const pdfHref = await page.getByTestId('download-pdf').getAttribute('href');
    expect(pdfHref).toBe('/api/public/units/sragen/standards/kehabisan-bekal/pdf?lang=id');
    const pdf = await page.request.get(`${server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: path.join(artifacts, 'standard-kehabisan-bekal.png'), fullPage: true });

    // English on demand; the choice survives a reload.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByRole('heading', { name: /^A\. Service delivery/ }).waitFor();
    expect(await text(1)).toContain('Requirements');
    await page.reload();
    await page.getByRole('heading', { name: /^B\. Service management/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'standard page in English');
    await page.goto(`${server.url}/`);
    await page.getByTestId('unit-sragen').waitFor();
    await expectAccessible(page, 'portal in English');
    await page.getByTestId('lang-switch').getByText('ID').click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true });
    await page.goto(`${server.url}/layanan/tarakan/sembako`);
    await page.waitForSelector('[data-component="14"]');
    expect(await page.locator('[data-component="5"]').innerText()).toContain('Surat Keterangan Meninggal');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(artifacts, 'standard-sembako-phone.png'), fullPage: true });
    await page.close();
  });

  it('signs in as front office with the keyboard and reaches the home page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/staf`);
    await page.waitForURL(`${server.url}/masuk`);

    await page.getByLabel('Nama pengguna').fill('sragen.fo');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('login-error').innerText()).toContain(
      'Nama pengguna atau kata sandi salah.',
    );
    await expectAccessible(page, 'sign-in with an error');

    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/staf`);
    expect(await page.getByTestId('welcome').innerText()).toBe('Selamat datang, Rina Marlina');
    expect(await page.getByTestId('active-unit').innerText()).toBe('Dinas Sosial Kabupaten Sragen');
    await expectAccessible(page, 'staff home');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Standar Pelayanan').waitFor();
    // Front office may not publish: the upload form is not offered.
    await page.getByRole('navigation', { name: 'menu' }).getByText('Standar Pelayanan').click();
    await page.getByTestId('staff-standard-pkh').waitFor();
    expect(await page.getByText('Unggah standar baru').count()).toBe(0);
    await expectAccessible(page, 'staff standards');
    await page.screenshot({ path: path.join(artifacts, 'staff-standards-front-office.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every problem of a malformed standard upload to a head of division', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('sragen.kabid');
    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${server.url}/staf`);
    await page.goto(`${server.url}/staf/standar`);
    await page.getByLabel('atau tempel isi YAML').fill('id: Bad Id\nunit: sragen\nextra: 1\n');
    await page.getByRole('button', { name: 'Periksa dan terbitkan' }).click();
    const alert = page.getByTestId('publish-error');
    await alert.waitFor();
    const shown = await alert.innerText();
    // Every problem in the page's language, under a header that counts them.
    expect(shown).toContain('Berkas standar pelayanan tidak valid (');
    expect(shown).not.toMatch(/problems|required|unknown/);
    expect(shown).toContain('id: harus kebab-case');
    expect(shown).toContain('extra: kunci "extra" tidak dikenal');
    expect(shown).toContain('manufacturing: komponen 7–14');
    expect(shown).toMatch(/upload\.yaml:3/);
    await expectAccessible(page, 'standard upload with its problems');
    await page.screenshot({ path: path.join(artifacts, 'staff-standards-upload-error.png'), fullPage: true });
    await page.close();
  });

  it('lets an auditor verify the audit chain and an admin switch unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const signIn = async (username: string) => {
      await page.goto(`${server.url}/masuk`);
      await page.getByLabel('Nama pengguna').fill(username);
      await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(`${server.url}/staf`);
    };
    await signIn('sragen.auditor');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Jejak Audit').click();
    await page.getByTestId('audit-verify').click();
    expect(await page.getByTestId('audit-result').innerText()).toMatch(/^Rantai utuh: \d+ catatan/);
    expect(await page.getByTestId('audit-checkpoint-state').innerText()).toBe(
      'Belum ada titik periksa bertanda tangan.',
    );
    // A signed checkpoint to print, which the next check is held against.
    await page.getByTestId('audit-checkpoint').click();
    expect(await page.getByTestId('audit-checkpoint-text').innerText()).toMatch(
      /TITIK PERIKSA JEJAK AUDIT[\s\S]*Unit +: Dinas Sosial Kabupaten Sragen[\s\S]*HMAC-SHA256: [0-9a-f]{64}/,
    );
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-checkpoint-state').innerText())
      .toMatch(/^Titik periksa bertanda tangan terakhir: entri \d+, .* \(cocok\)\.$/);
    await expectAccessible(page, 'audit trail');
    await page.screenshot({ path: path.join(artifacts, 'audit-verify.png'), fullPage: true });
    // A line someone added to the checkpoint file by hand is listed as a problem.
    appendFileSync(path.join(server.dataDir, 'audit-checkpoints.jsonl'), '{"v":1,"seq":1}\n');
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-result').innerText())
      .toMatch(/^Rantai RUSAK: 1 masalah dalam \d+ catatan/);
    expect(await page.getByTestId('audit-problems').innerText()).toMatch(
      /Tanda tangan\s*baris 2 berkas titik periksa tidak dapat dibaca/i,
    );
    await page.screenshot({ path: path.join(artifacts, 'audit-verify-broken.png'), fullPage: true });

    await page.context().clearCookies();
    await signIn('admin');
    await page.getByTestId('unit-switch').click();
    await page.getByRole('option', { name: 'Dinas Sosial Provinsi Banten' }).click();
    await page.getByText('Dinas Sosial Provinsi Banten', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByTestId('active-unit').innerText()).toBe('Dinas Sosial Provinsi Banten');
    await page.close();
  });

  it('dates a Tarakan letter on its verification page in WITA, wherever the reader is', async () => {
    // A staff member through the API, as the browser would: CSRF cookie, then sign-in.
    const contexts: BrowserContext[] = [];
    const staff = async (username: string): Promise<APIRequestContext> => {
      const context = await browser.newContext({ baseURL: server.url });
      contexts.push(context);
      const { request } = context;
      await request.get('/api/auth/csrf');
      const csrf = (await request.storageState()).cookies.find((c) => c.name === 'jaring_csrf')?.value ?? '';
      const signIn = await request.post('/api/auth/login', {
        data: { username, password: 'jaring-demo-2026' },
        headers: { 'x-csrf-token': csrf },
      });
      expect(signIn.status(), await signIn.text()).toBe(200);
      return request;
    };
    const write = async (request: APIRequestContext, url: string, options: object) => {
      const csrf = (await request.storageState()).cookies.find((c) => c.name === 'jaring_csrf')?.value ?? '';
      const res = await request.post(url, { ...options, headers: { 'x-csrf-token': csrf } });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    };
    const fo = await staff('tarakan.fo');
    const officer = await staff('tarakan.fungsional');
    const kabid = await staff('tarakan.kabid');
    const opened = await write(fo, '/api/cases', {
      data: { standardId: 'sembako', product: 'kks-baru', applicant: { name: 'Rahmat Hidayat' } },
    });
    const scan = { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 scan') };
    for (const paper of ['kk-ktp', 'surat-kelurahan'])
      await write(fo, `/api/cases/${opened.id}/documents/${paper}`, { multipart: { file: scan } });
    const act = (request: APIRequestContext, action: string, version: number, data?: object) =>
      write(request, `/api/cases/${opened.id}/actions`, {
        data: { action, version, ...(data ? { data } : {}) },
      });
    await act(fo, 'teruskan', 1);
    await act(officer, 'teruskan', 2, {
      jenisBantuan: 'BPNT',
      analisis: 'KKS belum ada',
      solusi: 'Penerbitan KKS baru',
      referensiSiksNg: 'SIKS-NG/2026/1',
      edukasi: 'Penggunaan KKS',
    });
    const signed = await act(kabid, 'setujui', 3);
    const letter = signed.letters[0] as { verificationCode: string; number: string };

    // A reader far east of Tarakan (UTC+14): the browser's own zone would give another time.
    const context = await browser.newContext({ timezoneId: 'Pacific/Kiritimati' });
    const page = await context.newPage();
    await page.goto(`${server.url}/verifikasi/${letter.verificationCode}`);
    await page.getByTestId('verify-number').waitFor();
    await expectAccessible(page, 'letter verification');
    const { issuedAt } = await (
      await page.request.get(`${server.url}/api/public/verify/${letter.verificationCode}`)
    ).json();
    const shown = await page.getByTestId('verify-date').innerText();
    expect(shown).toContain(formatUnitDateTime(issuedAt, 'id', 'Asia/Makassar'));
    expect(shown).toMatch(/ WITA$/);
    await page.screenshot({ path: path.join(artifacts, 'verify-letter-wita.png'), fullPage: true });
    for (const c of [context, ...contexts]) await c.close();
  });
});
