import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/** A tiny one-page PDF a browser's viewer opens. */
const scanPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('The approver sees what they sign; the officer sees the cash before it goes', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  /** A staff member through the API, as the browser would: CSRF cookie, then sign-in. */
  const staff = async (username: string): Promise<APIRequestContext> => {
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
  };
  const write = async (request: APIRequestContext, url: string, options: object) => {
    const csrf = (await request.storageState()).cookies.find((c) => c.name === 'jaring_csrf')?.value ?? '';
    const res = await request.post(url, { ...options, headers: { 'x-csrf-token': csrf } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };

  /** A Sembako case brought to the kepala bidang's signing step through the API. */
  async function sembakoAtSigning(): Promise<number> {
    const fo = await staff('tarakan.fo');
    const officer = await staff('tarakan.fungsional');
    const opened = await write(fo, '/api/cases', {
      data: { standardId: 'sembako', product: 'kks-baru', applicant: { name: 'Rahmat Hidayat' } },
    });
    const scan = { name: 'kk-ktp.pdf', mimeType: 'application/pdf', buffer: scanPdf };
    for (const paper of ['kk-ktp', 'surat-kelurahan'])
      await write(fo, `/api/cases/${opened.id}/documents/${paper}`, { multipart: { file: scan } });
    const act = (request: APIRequestContext, action: string, version: number, data?: object) =>
      write(request, `/api/cases/${opened.id}/actions`, {
        data: { action, version, ...(data ? { data } : {}) },
      });
    await act(fo, 'teruskan', 1);
    await act(officer, 'teruskan', 2, {
      jenisBantuan: 'BPNT (Program Sembako)',
      analisis: 'KKS belum pernah diterbitkan untuk keluarga ini',
      solusi: 'Penerbitan KKS baru melalui bank penyalur',
      referensiSiksNg: 'SIKS-NG/2026/0412',
      edukasi: 'Cara memakai KKS di e-Warong',
    });
    return opened.id as number;
  }

  /** The text of a PDF the page links to, as pdftotext reads it. */
  async function pdfTextAt(href: string | null, keep?: string): Promise<{ type: string; text: string }> {
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    if (keep) writeFileSync(`${artifacts}/${keep}`, await res.body());
    const text = execFileSync('pdftotext', ['-', '-'], { input: await res.body() }).toString();
    return { type: res.headers()['content-type'] ?? '', text: text.replace(/\s+/g, ' ') };
  }

  it('shows the kepala bidang the recorded analysis, the scans and the letter before signing', async () => {
    const errors = watchErrors(page);
    const id = await sembakoAtSigning();
    await signIn(page, server.url, 'tarakan.kabid');
    await page.goto(`${server.url}/staf/permohonan/${id}`);
    await page.getByRole('button', { name: 'Paraf dan tanda tangani', exact: true }).waitFor();

    // What the officer recorded at the analisis step, by its labels, and who recorded it.
    const recorded = page.getByTestId('recorded');
    const text = await recorded.innerText();
    expect(text).toContain('Cek jenis bantuan, analisis kendala, solusi, update SIKS-NG, edukasi KPM');
    expect(text).toContain('Fungsional/Penyuluh Sosial');
    expect(text).toContain('Analisis kendala');
    expect(text).toContain('KKS belum pernah diterbitkan untuk keluarga ini');
    expect(text).toContain('Nomor/referensi update SIKS-NG');
    expect(text).toContain('SIKS-NG/2026/0412');
    expect(text).not.toContain('referensiSiksNg');

    // Going back is not styled as the way on.
    const sign = page.getByRole('button', { name: 'Paraf dan tanda tangani', exact: true });
    const back = page.getByRole('button', { name: 'Kembalikan ke petugas untuk diperbaiki' });
    expect(await sign.getAttribute('data-variant')).toBe('filled');
    expect(await back.getAttribute('data-variant')).toBe('default');

    // A scan opens inline, named by its requirement.
    expect(await page.getByTestId('document').first().innerText()).toContain('Fotocopy KK/KTP');
    await page.getByTestId('view-kk-ktp').click();
    const frame = page.getByTestId('document-frame');
    await frame.waitFor();
    const scan = await page.request.get(`${server.url}${await frame.getAttribute('src')}`);
    expect(scan.headers()['content-type']).toBe('application/pdf');
    expect(scan.headers()['content-disposition']).toMatch(/^inline/);
    await page.screenshot({ path: `${artifacts}/approver-after-scan-1366.png` });
    await page.getByRole('dialog').getByRole('button').first().click();
    await frame.waitFor({ state: 'detached' });

    await page.screenshot({ path: `${artifacts}/approver-after-sembako-1366.png`, fullPage: true });

    // Signing asks first, naming the letter and the signer, with the letter's preview.
    await sign.click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('ditandatangani atas nama Anda, Nurhayati');
    const preview = await pdfTextAt(
      await page.getByTestId('letter-preview').getAttribute('src'),
      'approver-letter-preview.pdf',
    );
    expect(preview.type).toBe('application/pdf');
    expect(preview.text).toContain('CONTOH / PRATINJAU');
    expect(preview.text).toContain('SIKS-NG/2026/0412');
    // The frame's PDF viewer draws a moment after the frame loads; only the screenshot waits.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${artifacts}/approver-after-confirm-1366.png` });
    expect(await page.getByTestId('letter-number').count()).toBe(0);
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('letter-number').waitFor();
    expect(await page.getByTestId('letter-number').innerText()).toMatch(/^400\.9\//);
    expect(errors).toEqual([]);
  });

  it('shows the approver page at phone width', async () => {
    const id = await sembakoAtSigning();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, server.url, 'tarakan.kabid');
    await phone.goto(`${server.url}/staf/permohonan/${id}`);
    await phone.getByTestId('recorded').waitFor();
    await phone.screenshot({ path: `${artifacts}/approver-after-sembako-390.png`, fullPage: true });
    // On a phone the confirmation fills the screen, offers the letter as a link rather than a
    // frame, and keeps its confirm button in view without scrolling.
    await phone.getByRole('button', { name: 'Paraf dan tanda tangani', exact: true }).click();
    await phone.getByTestId('confirm-dialog').waitFor();
    expect(await phone.getByTestId('letter-preview').count()).toBe(0);
    expect(await phone.getByTestId('letter-preview-link').isVisible()).toBe(true);
    const box = await phone.getByTestId('confirm-action').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    await phone.screenshot({ path: `${artifacts}/approver-after-confirm-390.png` });
    await phone.close();
  });

  async function pickRegion(field: string, query: string, option: RegExp) {
    await page.getByTestId(`field-${field}`).click();
    await page.getByTestId(`field-${field}`).fill(query);
    await page.getByRole('option', { name: option }).first().click();
  }

  /** A Kehabisan Bekal case at the payment step, opened by the front office through the API. */
  async function travellerAtPayment(name: string): Promise<number> {
    const fo = await staff('sragen.fo');
    const opened = await write(fo, '/api/cases', {
      data: { standardId: 'kehabisan-bekal', applicant: { name, nik: '3314011203850002' } },
    });
    const scan = { name: 'polisi.pdf', mimeType: 'application/pdf', buffer: scanPdf };
    await write(fo, `/api/cases/${opened.id}/documents/surat-keterangan-kepolisian`, {
      multipart: { file: scan },
    });
    await write(fo, `/api/cases/${opened.id}/actions`, { data: { action: 'teruskan', version: 1 } });
    return opened.id as number;
  }

  it('shows the Sragen fungsional the amount and the leg before paying', async () => {
    const errors = watchErrors(page);
    const id = await travellerAtPayment('Budi Santoso');
    await signIn(page, server.url, 'sragen.fungsional');
    await page.goto(`${server.url}/staf/permohonan/${id}`);
    await pickRegion('originCode', 'sragen', /Kabupaten Sragen/);
    await pickRegion('destinationCode', 'denpasar', /Kota Denpasar/);
    await pickRegion('legToCode', 'surabaya', /Kota Surabaya/);
    await page.getByRole('button', { name: 'Bantuan diserahkan' }).click();
    await page.getByTestId('payout-amount').waitFor();
    expect(await page.getByTestId('payout-amount').innerText()).toBe('Rp350.000');
    expect(await page.getByTestId('payout-class').innerText()).toBe('Antar provinsi');
    expect(await page.getByTestId('payout-leg').innerText()).toBe(
      'Kabupaten Sragen, Jawa Tengah → Kota Surabaya, Jawa Timur',
    );
    const letter = await pdfTextAt(await page.getByTestId('letter-preview').getAttribute('src'));
    expect(letter.text).toContain('CONTOH / PRATINJAU');
    expect(letter.text).toContain('Rp350.000');
    await page.screenshot({ path: `${artifacts}/approver-after-payout-1366.png` });
    expect(await page.getByTestId('kwitansi').count()).toBe(0);
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('kwitansi').waitFor();
    expect(errors).toEqual([]);
  });

  it('asks for a reason before paying a repeat claim', async () => {
    const errors = watchErrors(page);
    const id = await travellerAtPayment('Budi Santoso (datang lagi)');
    await page.goto(`${server.url}/staf/permohonan/${id}`);
    expect(await page.getByTestId('claims-check').first().innerText()).toContain(
      'Kabupaten Sragen, Jawa Tengah → Kota Denpasar, Bali',
    );
    await pickRegion('originCode', 'sragen', /Kabupaten Sragen/);
    await pickRegion('destinationCode', 'denpasar', /Kota Denpasar/);
    await page.getByRole('button', { name: 'Bantuan diserahkan' }).click();
    const reason = page.getByTestId('repeat-reason');
    await reason.waitFor();
    expect(await page.getByTestId('confirm-action').isDisabled()).toBe(true);
    await reason.fill('Dompet dicuri di terminal, laporan polisi baru');
    await page.screenshot({ path: `${artifacts}/approver-after-repeat-1366.png` });
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('kwitansi').waitFor();
    expect(await page.getByTestId('repeat-reason-recorded').innerText()).toBe(
      'Klaim berulang dibayar, alasan: Dompet dicuri di terminal, laporan polisi baru',
    );
    expect(errors).toEqual([]);
  });
});
