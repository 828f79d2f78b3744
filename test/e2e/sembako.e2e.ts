import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  expectAccessible,
  launchBrowser,
  type Server,
  signIn as signInAs,
  startServer,
  watchErrors,
} from './harness.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-files-'));
const scan = path.join(tmp, 'scan.pdf');
writeFileSync(scan, '%PDF-1.4\n% pindaian berkas\n');

describe('Fasilitas Program Sembako, from the front desk to the letter in hand', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInAs(page, server.url, username);

  async function doAction(name: string) {
    await page.getByRole('button', { name, exact: true }).click();
    // Signing and closing ask to confirm first, naming what will happen.
    if (['Paraf dan tanda tangani', 'Surat diserahkan'].includes(name)) {
      await page.getByTestId('confirm-action').waitFor();
      await expectAccessible(page, `the dialog confirming "${name}"`);
      await page.getByTestId('confirm-action').click();
    }
    await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
  }

  it('front office opens the request and checks the papers', async () => {
    const errors = watchErrors(page);
    await signIn('tarakan.fo');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Permohonan Baru').click();
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: 'Fasilitas Program Sembako' }).click();
    await page.getByLabel('Produk layanan').first().click();
    await page.getByRole('option', { name: 'Surat Keterangan Meninggal' }).click();
    await page.getByLabel('Nama pemohon').fill('Siti Rahma Wati');
    await page.getByLabel('NIK').fill('6571015708900001');
    expect(await page.getByText('Fotocopy Akte Kematian').count()).toBe(1);
    await expectAccessible(page, 'intake form, filled in');
    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    caseUrl = page.url();

    // Forwarding without the papers is refused with the list of what is missing.
    await page.getByRole('button', { name: 'Berkas lengkap, teruskan ke petugas' }).click();
    const refused = await page.getByTestId('action-error').innerText();
    expect(refused).toContain('Dokumen persyaratan belum lengkap: Fotocopy KK/KTP; ');
    expect(refused).toContain('Fotocopy Akte Kematian');
    await expectAccessible(page, 'case refused for missing papers');

    for (const id of ['kk-ktp', 'kks', 'akte-kematian']) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId(`upload-${id}`).click();
      await (await chooser).setFiles(scan);
      await page.getByTestId(`upload-${id}`).waitFor({ state: 'detached' });
    }
    await page.reload();
    await page.getByRole('button', { name: 'Berkas lengkap, teruskan ke petugas', exact: true }).waitFor();
    await expectAccessible(page, 'case with its papers');

    // The same desk forwards it from another tab first. This tab's click is refused, and it says
    // so, although the desk has nothing left to do on the case it now shows.
    const caseId = caseUrl.match(/(\d+)$/)?.[1];
    const { token } = (await (await page.request.get(`${server.url}/api/auth/csrf`)).json()) as {
      token: string;
    };
    const current = (await (await page.request.get(`${server.url}/api/cases/${caseId}`)).json()) as {
      case: { version: number };
      available: Array<{ id: string; label: string }>;
    };
    const forward = current.available.find((a) => a.label === 'Berkas lengkap, teruskan ke petugas');
    const other = await page.request.post(`${server.url}/api/cases/${caseId}/actions`, {
      headers: { 'x-csrf-token': token },
      data: { action: forward?.id, version: current.case.version },
    });
    expect(other.status(), await other.text()).toBe(200);
    await page.getByRole('button', { name: 'Berkas lengkap, teruskan ke petugas', exact: true }).click();
    const stale = page.getByTestId('action-error');
    await stale.getByText('sudah diproses petugas lain sebelum tindakan Anda').waitFor();
    await page
      .getByRole('button', { name: 'Berkas lengkap, teruskan ke petugas' })
      .waitFor({ state: 'detached' });
    await expectAccessible(page, 'an action refused because another desk acted first');
    await page.screenshot({ path: `${artifacts}/sembako-acted-meanwhile.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the officer, then the head of division, move it on; the letter is numbered', async () => {
    await signIn('tarakan.fungsional');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Permohonan', { exact: true }).click();
    await page.getByTestId('queue').getByRole('link').first().waitFor();
    await expectAccessible(page, 'officer queue');
    await page.getByTestId('queue').getByRole('link').first().click();
    await page.getByLabel('Jenis bantuan yang diterima').fill('BPNT / Program Sembako');
    await page.getByLabel('Analisis kendala').fill('Pemegang KKS meninggal dunia');
    await page.getByLabel('Solusi').fill('Pengurus pengganti dalam satu KK');
    await page.getByLabel('Nomor/referensi update SIKS-NG').fill('SIKS-NG/2026/000123');
    await page.getByLabel('Edukasi yang diberikan kepada KPM').fill('Penggunaan KKS di e-Warong');
    await expectAccessible(page, 'officer analysis form');
    await doAction('Teruskan untuk paraf dan tanda tangan');
    await signIn('tarakan.kabid');
    await page.goto(caseUrl);
    await doAction('Paraf dan tanda tangani');
    const number = await page.getByTestId('letter-number').innerText();
    expect(number).toBe(`400.9/0001/DINSOSPM/${new Date().getFullYear()}`);
    await expectAccessible(page, 'signed case');
  });

  it('front office hands over the letter: the PDF carries the number', async () => {
    await signIn('tarakan.fo');
    await page.goto(caseUrl);
    await doAction('Surat diserahkan');
    // Closed, it waits at no step: the page says it is done, not the last step it stood at.
    await page.getByTestId('case-step').getByText('Selesai, tidak menunggu langkah lagi').waitFor();
    expect(await page.getByText('Permohonan diterima').count()).toBe(1);
    expect(await page.getByText('Paraf dan tanda tangani').count()).toBe(1);
    await page.screenshot({ path: path.join(artifacts, 'sembako-case-done.png'), fullPage: true });
    await expectAccessible(page, 'case done');
    const href = await page.getByTestId('letter-pdf').getAttribute('href');
    const res = await page.request.get(`${server.url}${href}`);
    const file = path.join(artifacts, 'sembako-letter.pdf');
    writeFileSync(file, await res.body());
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(artifacts, 'sembako-letter'),
    ]);
    expect(readFileSync(path.join(artifacts, 'sembako-letter-1.png')).subarray(1, 4).toString()).toBe('PNG');
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(`Nomor: 400.9/0001/DINSOSPM/${new Date().getFullYear()}`);
    expect(text).toContain('SURAT KETERANGAN MENINGGAL');

    // The citizen follows it by code; the letter's verification page recognises the PDF.
    const code = await page.getByTestId('tracking-code').innerText();
    await page.context().clearCookies();
    await page.goto(`${server.url}/lacak`);
    await page.getByLabel('Kode permohonan (pada tanda terima)').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByTestId('track-steps').waitFor();
    expect(await page.getByText('Permohonan Siti').count()).toBe(1);
    expect(await page.getByText('Selesai').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain('6571015708900001');
    await expectAccessible(page, 'tracking page');
  });
});
