import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidaysFor } from '../../src/core/holidays.ts';
import {
  artifacts,
  launchBrowser,
  type Server,
  signIn as signInAs,
  startServer,
  watchErrors,
} from './harness.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-files-'));
const scan = path.join(tmp, 'scan.pdf');
writeFileSync(scan, '%PDF-1.4\n% pindaian berkas\n');

const dayMs = 86_400_000;
/** Next Monday 09:00 in Tarakan (WITA, UTC+8) that is not a holiday: a whole morning of office time. */
function nextWorkingMonday(): string {
  for (let d = Date.now() + dayMs; ; d += dayMs) {
    const date = new Date(d + 8 * 3_600_000).toISOString().slice(0, 10);
    const monday = new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
    const closed = holidaysFor(Number(date.slice(0, 4))).some((h) => h.date === date);
    if (monday && !closed) return `${date}T09:00:00+08:00`;
  }
}

/** A signed-in API client outside the browser (CSRF cookie and header, session cookie). */
async function apiAs(url: string, username: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name, value.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${url}/api/auth/csrf`));
  const post = async (p: string, body: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: cookie(),
        'x-csrf-token': jar.get('jaring_csrf') ?? '',
      },
      body: JSON.stringify(body),
    });
    keep(res);
    return res;
  };
  const login = await post('/api/auth/login', { username, password: 'jaring-demo-2026' });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  return { post };
}

describe('Sembako with the clock paused while the applicant fetches a missing paper', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';
  let trackingCode = '';
  let dueBefore = '';
  beforeAll(async () => {
    // A test clock (JARING_CLOCK_START): Monday morning, so the 30 minutes fall in office hours.
    server = await startServer({ JARING_CLOCK_START: nextWorkingMonday() });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInAs(page, server.url, username);
  const caseJson = async () =>
    (await page.request.get(`${server.url}/api/cases/${caseUrl.split('/').at(-1)}`)).json();
  async function doAction(name: string) {
    await page.getByRole('button', { name, exact: true }).click();
    // Signing and closing ask to confirm first, naming what will happen.
    if (['Paraf dan tanda tangani', 'Surat diserahkan'].includes(name))
      await page.getByTestId('confirm-action').click();
    await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
  }

  it('front office opens the request and returns it for the missing kelurahan letter', async () => {
    const errors = watchErrors(page);
    await signIn('tarakan.fo');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Permohonan Baru').click();
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: 'Fasilitas Program Sembako' }).click();
    await page.getByLabel('Produk layanan').first().click();
    await page.getByRole('option', { name: 'Surat Keterangan Penerbitan KKS' }).click();
    await page.getByLabel('Nama pemohon').fill('Rahmat Hidayat');
    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    caseUrl = page.url();
    trackingCode = await page.getByTestId('tracking-code').innerText();
    dueBefore = (await caseJson()).case.dueAt;
    expect(await page.getByTestId('paused-time').innerText()).toContain('tidak ada');

    await page.getByLabel('Catatan / alasan').fill('Surat keterangan kelurahan belum ada');
    await doAction('Kembalikan untuk dilengkapi');
    await page.getByTestId('clock-paused').waitFor();
    expect(await page.getByTestId('clock-paused').innerText()).toContain('menunggu kelengkapan dari pemohon');
    expect(await page.getByTestId('due-at').innerText()).toBe('berhenti, menunggu pemohon');
    // The resume action comes from the server's `available`, not from the page.
    expect(await page.getByRole('button', { name: 'Lanjutkan (berkas sudah dilengkapi)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Berkas lengkap, teruskan ke petugas' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the citizen sees the request waiting for papers, with no due time', async () => {
    const citizen = await browser.newPage();
    await citizen.goto(`${server.url}/lacak/${trackingCode}`);
    await citizen.getByTestId('track-due').waitFor();
    expect(await citizen.getByTestId('track-due').innerText()).toContain('menunggu kelengkapan dari pemohon');
    await citizen.close();
  });

  it('40 minutes later the papers come; resumed, the due time moved by the paused time', async () => {
    const admin = await apiAs(server.url, 'admin');
    const moved = await admin.post('/api/admin/clock', { by: '40m' });
    expect(moved.status, await moved.clone().text()).toBe(200);

    await page.reload();
    for (const id of ['kk-ktp', 'surat-kelurahan']) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId(`upload-${id}`).click();
      await (await chooser).setFiles(scan);
      await page.getByTestId(`upload-${id}`).waitFor({ state: 'detached' });
    }
    await doAction('Lanjutkan (berkas sudah dilengkapi)');
    await page.getByTestId('clock-paused').waitFor({ state: 'detached' });
    const v = await caseJson();
    // The real time runs on under the test clock: at least the 40 minutes moved, whole minutes.
    expect(v.clock.pausedMinutes).toBeGreaterThanOrEqual(40);
    expect(v.clock.pausedMinutes).toBeLessThan(45);
    expect(Date.parse(v.case.dueAt) - Date.parse(dueBefore)).toBe(v.clock.pausedMinutes * 60_000);
    const shown = await page.getByTestId('paused-time').innerText();
    expect(shown).toContain(`${v.clock.pausedMinutes} menit jam kerja (1 kali)`);
    const due = await page.getByTestId('due-at').innerText();
    const hhmm = new Date(Date.parse(v.case.dueAt) + 8 * 3_600_000).toISOString().slice(11, 16);
    expect(due.replaceAll('.', ':')).toContain(hhmm);
    await page.screenshot({ path: path.join(artifacts, 'sembako-clock-resumed.png'), fullPage: true });
    await doAction('Berkas lengkap, teruskan ke petugas');
  });

  it('the officer and the head of division finish it; the letter is handed over', async () => {
    await signIn('tarakan.fungsional');
    await page.goto(caseUrl);
    await page.getByLabel('Jenis bantuan yang diterima').fill('BPNT / Program Sembako');
    await page.getByLabel('Analisis kendala').fill('KPM baru belum memiliki KKS');
    await page.getByLabel('Solusi').fill('Penerbitan KKS baru');
    await page.getByLabel('Nomor/referensi update SIKS-NG').fill('SIKS-NG/2026/000777');
    await page.getByLabel('Edukasi yang diberikan kepada KPM').fill('Penggunaan KKS di e-Warong');
    await doAction('Teruskan untuk paraf dan tanda tangan');
    await signIn('tarakan.kabid');
    await page.goto(caseUrl);
    await doAction('Paraf dan tanda tangani');
    expect(await page.getByTestId('letter-number').count()).toBe(1);
    await signIn('tarakan.fo');
    await page.goto(caseUrl);
    await doAction('Surat diserahkan');
    const v = await caseJson();
    expect(v.state.status).toBe('done');
    expect(v.case.breachedAt).toBeNull();
    expect(await page.getByTestId('paused-time').innerText()).toContain(
      `${v.clock.pausedMinutes} menit jam kerja`,
    );
    await page.screenshot({ path: path.join(artifacts, 'sembako-clock-done.png'), fullPage: true });

    // The SLA report shows the wait.
    await signIn('tarakan.kadis');
    const day = new Date(Date.parse(v.case.openedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.goto(`${server.url}/staf/laporan`);
    await page.getByLabel('Dari').fill(day);
    await page.getByLabel('Sampai').fill(day);
    await page.getByTestId('sla-paused-cases').waitFor();
    expect(await page.getByTestId('sla-paused-cases').innerText()).toBe('1');
    expect(await page.getByTestId('sla-paused-total').innerText()).toBe(`${v.clock.pausedMinutes} mnt`);
  });
});
