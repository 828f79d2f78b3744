import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/** A staff member through the API, as the browser would: CSRF cookie, then sign-in. */
async function staff(url: string, username: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) jar.set(k, v ?? '');
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${url}/api/auth/csrf`));
  const send = async (p: string, body: BodyInit, type?: string) => {
    const res = await fetch(`${url}${p}`, {
      method: 'POST',
      headers: {
        ...(type ? { 'content-type': type } : {}),
        cookie: cookie(),
        'x-csrf-token': jar.get('jaring_csrf') ?? '',
      },
      body,
    });
    keep(res);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const post = (p: string, body: unknown) => send(p, JSON.stringify(body), 'application/json');
  await post('/api/auth/login', { username, password: 'jaring-demo-2026' });
  return { post, send };
}

describe('the Inspektorat reads the audit trail in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let caseId = 0;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // More entries than one page holds: the page must not stop at its first hundred.
    const fo = await staff(server.url, 'sragen.fo');
    const open = () =>
      fo.post('/api/cases', {
        standardId: 'kehabisan-bekal',
        applicant: { name: 'Bambang Sutrisno', nik: '3314011508900001' },
      });
    caseId = Number((await open()).id);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 polsek')]), 'polsek.pdf');
    await fo.send(`/api/cases/${caseId}/documents/surat-keterangan-kepolisian`, form);
    await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 });
    for (let i = 0; i < 100; i++) await open();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('filters by action and user, pages, downloads the XLSX and follows a row to its case', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'sragen.auditor');
    await page.goto(`${server.url}/staf/audit`);
    const table = page.getByTestId('audit-entries');
    await table.waitFor();

    // Rows in words: the action's label (its code in the title), the actor by name and role.
    const opened = table.getByTestId('audit-entry').filter({ hasText: 'Permohonan dibuka' }).first();
    expect(await opened.innerText()).toContain('Rina Marlina');
    expect(await opened.innerText()).toContain('Petugas Front Office');
    expect(await opened.getByText('Permohonan dibuka').getAttribute('title')).toBe('case.open');
    const text = await table.innerText();
    for (const code of ['case.open', 'auth.login', 'FRONT_OFFICE', 'front_office', 'sragen.fo'])
      expect(text).not.toContain(code);
    await page.screenshot({ path: path.join(artifacts, 'audit-trail-after.png') });

    // Paging: the first hundred, then the rest, each entry once.
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(100);
    while (await page.getByTestId('audit-more').isVisible()) {
      const before = await page.getByTestId('audit-entry').count();
      await page.getByTestId('audit-more').click();
      await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(before);
    }
    await page.getByTestId('audit-count').getByText('semua entri sudah ditampilkan').waitFor();
    const seqs = await page.locator('[data-testid="audit-entry"] td:first-child').allInnerTexts();
    expect(seqs.length).toBeGreaterThan(110);
    expect(new Set(seqs).size).toBe(seqs.length);

    // Filter by action and user.
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: 'Permohonan diteruskan' }).click();
    await page.getByTestId('audit-filter-user').click();
    await page.getByRole('option', { name: /Rina Marlina/ }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);
    const row = page.getByTestId('audit-entry').first();
    expect(await row.innerText()).toContain('Permohonan diteruskan');
    await page.screenshot({ path: path.join(artifacts, 'audit-trail-filtered.png') });

    // The XLSX holds the filtered rows, ids as text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    const file = path.join(artifacts, 'audit-trail-export.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Log audit');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(6).value).toBe('Permohonan diteruskan');
    expect(sheet?.getRow(2).getCell(9).value).toBe(String(caseId));

    // The row leads to its case, whose history names the officer.
    await row.getByTestId('audit-link').click();
    await page.waitForURL(`${server.url}/staf/permohonan/${caseId}`);
    const who = page.getByTestId('history-who');
    await who.first().waitFor();
    expect(await who.allInnerTexts()).toEqual([
      expect.stringContaining('Rina Marlina, Petugas Front Office'),
      expect.stringContaining('Rina Marlina, Petugas Front Office'),
    ]);
    // The step by its label, not its id (`periksa`).
    for (const line of await who.allInnerTexts()) expect(line).not.toMatch(/· periksa$/);
    await page.screenshot({ path: path.join(artifacts, 'case-history-after.png'), fullPage: true });

    // The export itself is in the trail.
    await page.goto(`${server.url}/staf/audit`);
    const exported = page.getByTestId('audit-entry').filter({ hasText: 'Log audit diekspor' });
    await exported.first().waitFor();
    expect(await exported.first().innerText()).toContain('Hendra Wijaya');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, server.url, 'sragen.auditor');
    await phone.goto(`${server.url}/staf/audit`);
    await phone.getByTestId('audit-entries').waitFor();
    await phone.screenshot({ path: path.join(artifacts, 'audit-trail-phone.png') });
    expect(errors).toEqual([]);
  });
});
