import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  expectAccessible,
  launchBrowser,
  type Server,
  signIn,
  startServer,
  watchErrors,
} from './harness.ts';

const nik = '6571015708900001';

/** The few fields of the API's answers this test reads. */
interface Answer {
  id: number;
  trackingCode: string;
  case: { version: number };
}

/** Calls the API from inside a signed-in page, with its cookies and CSRF token, as the app does. */
async function api(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: Answer }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('jaring_csrf='))
          ?.slice('jaring_csrf='.length) ??
        ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
      const res = await fetch(url, {
        method,
        headers: { 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as Answer };
    },
    { method, url, body },
  );
}

async function upload(page: Page, url: string) {
  return page.evaluate(async (url) => {
    const csrf = document.cookie
      .split('; ')
      .find((c) => c.startsWith('jaring_csrf='))
      ?.slice('jaring_csrf='.length);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4\n% pindaian\n'], { type: 'application/pdf' }), 'scan.pdf');
    const res = await fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrf ?? '' }, body: form });
    return res.status;
  }, url);
}

describe('staff find any case and see the work that waits, live', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const opened: Array<{ id: number; trackingCode: string }> = [];
  let desk: Page;

  async function pageAs(username: string, width = 1366, height = 768) {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    desk = await pageAs('tarakan.fo');
    for (const applicant of [{ name: 'Siti Rahma Wati', nik }, { name: 'Ahmad Fauzi' }]) {
      const res = await api(desk, 'POST', '/api/cases', {
        standardId: 'sembako',
        product: 'meninggal',
        applicant,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      opened.push(res.json);
    }
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the kepala dinas the office’s waiting work on the home, linked to the filtered list', async () => {
    const page = await pageAs('tarakan.kadis');
    const errors = watchErrors(page);
    const office = page.getByTestId('work-office-waiting');
    await office.waitFor();
    const waiting = Number((await office.textContent())?.match(/\d+/)?.[0]);
    expect(waiting).toBeGreaterThanOrEqual(2);
    await page.getByTestId('staff-sidebar').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'staff-home-after-1366.png'), fullPage: true });
    await expectAccessible(page, 'kepala dinas home');
    await office.click();
    await page.waitForURL(/\/staf\/permohonan\/semua\?status=waiting/);
    await expect
      .poll(async () => page.getByTestId('case-list-total').textContent(), { timeout: 10_000 })
      .toContain(`dari ${waiting} permohonan`);
    await page.getByTestId('case-list').getByText('Ahmad Fauzi').waitFor();
    // Only the page's own menu item is marked current, not its parents.
    expect(
      await page
        .getByTestId('staff-menu')
        .locator('a[aria-current="page"], a[data-active]')
        .allTextContents(),
    ).toEqual(['Semua Permohonan']);
    await page.screenshot({ path: path.join(artifacts, 'case-list-1366.png'), fullPage: true });
    await expectAccessible(page, 'case list, filtered');
    expect(errors).toEqual([]);
  }, 60_000);

  it('finds a case by name and by NIK (masked), and opens it from its tracking code', async () => {
    const page = await pageAs('tarakan.kadis');
    await page.goto(`${server.url}/staf/permohonan/semua`);
    const box = page.getByTestId('case-search');
    await box.fill('ahmad');
    await box.press('Enter');
    await page.waitForURL(/q=ahmad/);
    const table = page.getByTestId('case-list');
    await table.getByText('Ahmad Fauzi').waitFor();
    await expect.poll(async () => table.getByRole('row').count()).toBe(2);

    await box.fill(nik);
    await box.press('Enter');
    await table.getByText('Siti Rahma Wati').waitFor();
    await table.getByText('6571********0001').waitFor();
    expect(await table.textContent()).not.toContain(nik.slice(4, 12));
    // Nor does the full number stay in the address bar or the history.
    expect(page.url()).not.toContain(nik);
    await expectAccessible(page, 'case list, found by NIK');

    const [first] = opened;
    if (!first) throw new Error('no case');
    await box.fill(first.trackingCode.toLowerCase());
    await box.press('Enter');
    await page.waitForURL(`${server.url}/staf/permohonan/${first.id}`);
    await page.getByText(first.trackingCode).first().waitFor();
    await expectAccessible(page, 'case opened from its tracking code');
  }, 60_000);

  it('puts a case forwarded by the desk into the officer’s queue within seconds, without a reload', async () => {
    const officer = await pageAs('tarakan.fungsional');
    const homeWaiting = officer.getByTestId('work-fungsional-waiting');
    await homeWaiting.waitFor();
    const before = Number((await homeWaiting.textContent())?.match(/\d+/)?.[0]);
    const queuePage = await officer.context().newPage();
    await queuePage.goto(`${server.url}/staf/permohonan`);
    await queuePage.getByRole('heading', { level: 1 }).waitFor();
    // Let both pages' change requests reach the server before the write.
    await queuePage.waitForTimeout(1_000);
    const [first] = opened;
    if (!first) throw new Error('no case');
    expect(await queuePage.getByText(first.trackingCode).count()).toBe(0);

    for (const doc of ['kk-ktp', 'kks', 'akte-kematian'])
      expect(await upload(desk, `/api/cases/${first.id}/documents/${doc}`)).toBe(201);
    const view = await api(desk, 'GET', `/api/cases/${first.id}`);
    const forwarded = Date.now();
    const res = await api(desk, 'POST', `/api/cases/${first.id}/actions`, {
      action: 'teruskan',
      version: view.json.case.version,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await queuePage.getByTestId('queue').getByText(first.trackingCode).waitFor({ timeout: 5_000 });
    expect(Date.now() - forwarded).toBeLessThan(5_000);
    await expectAccessible(queuePage, 'officer queue, updated live');
    await expect
      .poll(async () => Number((await homeWaiting.textContent())?.match(/\d+/)?.[0]), { timeout: 5_000 })
      .toBe(before + 1);
  }, 60_000);

  it('keeps the menu, the user’s name and sign-out one tap away at phone width', async () => {
    const page = await pageAs('tarakan.kadis', 390, 844);
    await page.getByTestId('work-office-waiting').waitFor();
    expect(await page.getByTestId('staff-sidebar').isVisible()).toBe(false);
    // Menu button, logo, language switch and the user's button all fit the phone's width.
    const right = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('header *')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(390);
    expect(
      await page
        .getByRole('banner')
        .getByRole('link', { name: /^Arbain$/ })
        .isVisible(),
    ).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'staff-home-after-390.png'), fullPage: true });
    await expectAccessible(page, 'staff home on a phone');
    await page.getByRole('button', { name: 'Buka menu' }).click();
    const menu = page.getByRole('dialog');
    await menu.getByRole('link', { name: 'Semua Permohonan' }).waitFor();
    await menu.getByText('Arbain, SE., M. AP').waitFor();
    // The drawer slides in; its picture is taken once it stands.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(artifacts, 'staff-menu-390.png') });
    await expectAccessible(page, 'staff menu open on a phone');
    await menu.getByRole('link', { name: 'Semua Permohonan' }).click();
    await page.waitForURL(`${server.url}/staf/permohonan/semua`);
    await page.getByTestId('case-list').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'case-list-390.png'), fullPage: true });
    await expectAccessible(page, 'case list on a phone');
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('dialog').getByTestId('sign-out').click();
    await page.waitForURL(`${server.url}/masuk`);
  }, 60_000);
});
