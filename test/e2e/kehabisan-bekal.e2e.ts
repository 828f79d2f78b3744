import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  launchBrowser,
  type Server,
  signIn as signInAs,
  startServer,
  watchErrors,
} from './harness.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-kb-'));
const policeLetter = path.join(tmp, 'surat-polsek.pdf');
writeFileSync(policeLetter, '%PDF-1.4\n% surat keterangan kepolisian\n');

describe('Kehabisan Bekal, from the police letter to cash, receipt and cover letter', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';
  const nik = '3314011708900001';
  const masked = '3314********0001';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInAs(page, server.url, username);

  async function pickRegion(field: string, query: string, option: RegExp) {
    await page.getByTestId(`field-${field}`).click();
    await page.getByTestId(`field-${field}`).fill(query);
    await page.getByRole('option', { name: option }).first().click();
  }

  it('front office takes the traveller in with the police letter', async () => {
    const errors = watchErrors(page);
    await signIn('sragen.fo');
    await page.goto(`${server.url}/staf/permohonan/baru`);
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: 'Kehabisan Bekal' }).click();
    await page.getByLabel('Nama pemohon').fill('Bambang Sutrisno');
    await page.getByLabel('NIK').fill(nik);
    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    caseUrl = page.url();
    // The NIK is masked; the desk shows it in full only with a reason (audited).
    const shownNik = page.getByTestId('applicant-nik');
    // The case page, not the intake form that held the same test id a moment before.
    await shownNik.filter({ hasText: masked }).waitFor();
    expect(await shownNik.innerText()).toBe(masked);
    expect(await page.content()).not.toContain(nik);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tampilkan NIK lengkap' });
    const go = dialog.getByRole('button', { name: 'Lanjutkan' });
    expect(await go.isDisabled()).toBe(true);
    await dialog.getByLabel('Alasan (dicatat di jejak audit)').fill('cocokkan dengan KTP');
    await go.click();
    await shownNik.getByText(nik, { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-surat-keterangan-kepolisian').click();
    await (await chooser).setFiles(policeLetter);
    await page.getByTestId('upload-surat-keterangan-kepolisian').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Teruskan ke pemberi layanan' }).click();
    await page.getByRole('button', { name: 'Teruskan ke pemberi layanan' }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('the officer sees no earlier claim, enters the relay leg and pays', async () => {
    await signIn('sragen.fungsional');
    await page.goto(caseUrl);
    expect(await page.getByTestId('claims-check').innerText()).toContain('Tidak ada klaim sebelumnya');
    await pickRegion('originCode', 'sragen', /Kabupaten Sragen/);
    await pickRegion('destinationCode', 'denpasar', /Kota Denpasar/);
    await pickRegion('legToCode', 'surabaya', /Kota Surabaya/);
    await page.getByRole('button', { name: 'Bantuan diserahkan' }).click();
    // The payout asks to confirm, naming the amount and the leg.
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('kwitansi').waitFor();
    expect(await page.getByTestId('kwitansi').innerText()).toBe('Kwitansi Rp350.000');
    await page.screenshot({ path: path.join(artifacts, 'kehabisan-bekal-paid.png'), fullPage: true });

    const receipt = await page.request.get(
      `${server.url}${await page.getByTestId('kwitansi').getAttribute('href')}`,
    );
    const receiptText = execFileSync('pdftotext', ['-', '-'], { input: await receipt.body() }).toString();
    expect(receiptText.replace(/\s+/g, ' ')).toContain('tiga ratus lima puluh ribu rupiah');

    const letter = await page.request.get(
      `${server.url}${await page.getByTestId('letter-pdf').getAttribute('href')}`,
    );
    const file = path.join(artifacts, 'kehabisan-bekal-surat-pengantar.pdf');
    writeFileSync(file, await letter.body());
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(artifacts, 'kehabisan-bekal-surat'),
    ]);
    const number = await page.getByTestId('letter-number').innerText();
    expect(number).toBe(`460/0001/DINSOS/${new Date().getFullYear()}`);
    // A surat dinas: Nomor, Sifat, Lampiran, Hal in a table; the cover letter names the next office.
    const letterText = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(letterText).toContain(`Nomor : ${number}`);
    expect(letterText).toContain('Yth. Kepala Dinas Sosial Kota Surabaya');
    // The letter and the kwitansi identify the traveller: they keep the full NIK.
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain(nik);
    expect(receiptText).toContain(nik);

    // The cash book shows the NIK masked; its name leads to the case.
    await page.goto(`${server.url}/staf/kas`);
    expect(await page.getByTestId('payout-nik').innerText()).toBe(masked);
    expect(await page.content()).not.toContain(nik);
    await page.getByRole('link', { name: 'Bambang Sutrisno' }).click();
    await page.waitForURL(caseUrl);
    await page.getByTestId('applicant-nik').waitFor();
  });

  it('the auditor reads the case with the NIK masked and no way to show it', async () => {
    await signIn('sragen.auditor');
    await page.goto(caseUrl);
    expect(await page.getByTestId('applicant-nik').innerText()).toBe(masked);
    expect(await page.getByRole('button', { name: 'Tampilkan' }).count()).toBe(0);
    expect(await page.content()).not.toContain(nik);
  });

  it('a second claim by the same NIK is shown as a repeat claim before payout', async () => {
    await signIn('sragen.fo');
    await page.goto(`${server.url}/staf/permohonan/baru`);
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: 'Kehabisan Bekal' }).click();
    await page.getByLabel('Nama pemohon').fill('Bambang Sutrisno');
    await page.getByLabel('NIK').fill(nik);
    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    const second = page.url();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-surat-keterangan-kepolisian').click();
    await (await chooser).setFiles(policeLetter);
    await page.getByTestId('upload-surat-keterangan-kepolisian').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Teruskan ke pemberi layanan' }).click();
    await page.getByRole('button', { name: 'Teruskan ke pemberi layanan' }).waitFor({ state: 'detached' });
    await signIn('sragen.fungsional');
    await page.goto(second);
    const warning = await page.getByTestId('claims-check').innerText();
    expect(warning).toContain('Klaim berulang!');
    expect(warning).toContain('Dinas Sosial Kabupaten Sragen');
  });
});
