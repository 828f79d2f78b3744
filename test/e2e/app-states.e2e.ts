import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/**
 * Issue 15 point 10: the states around a page. Return after sign-in, a 404 with a way home,
 * forbidden and not found each in their own words with no retry, a skeleton while loading.
 */
describe('states: sign-in return, not found, forbidden, loading', () => {
  let server: Server;
  let browser: Browser;
  let caseId = 0;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A case to open by its address.
    const page = await browser.newPage();
    await signIn(page, server.url, 'tarakan.fo');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'jaring_csrf')?.value ?? '';
    const res = await page.request.post(`${server.url}/api/cases`, {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      data: JSON.stringify({
        standardId: 'sembako',
        product: 'kks-baru',
        applicant: { name: 'Siti Aminah' },
      }),
    });
    expect(res.status(), await res.text()).toBe(201);
    caseId = ((await res.json()) as { id: number }).id;
    await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function fresh(width = 1366, height = 768): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    return context.newPage();
  }

  async function fillSignIn(page: Page, username: string) {
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  it('returns to the staff page that was opened without a session', async () => {
    const page = await fresh();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/staf/permohonan/${caseId}`);
    await page.waitForURL(`${server.url}/masuk?next=${encodeURIComponent(`/staf/permohonan/${caseId}`)}`);
    await fillSignIn(page, 'tarakan.fo');
    await page.waitForURL(`${server.url}/staf/permohonan/${caseId}`);
    await page.getByTestId('tracking-code').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never returns to another site after sign-in', async () => {
    for (const next of ['//evil.example/staf', 'https://evil.example/', '/\\evil.example']) {
      const page = await fresh();
      await page.goto(`${server.url}/masuk?next=${encodeURIComponent(next)}`);
      await fillSignIn(page, 'tarakan.fo');
      await page.waitForURL(`${server.url}/staf`);
      expect(new URL(page.url()).origin).toBe(server.url);
      await page.context().close();
    }
  });

  it('sends a page whose session ended (401) to sign-in and back', async () => {
    const page = await fresh();
    await signIn(page, server.url, 'tarakan.fo');
    await page.route('**/api/cases/*', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'auth.required', message: 'Silakan masuk.' } }),
      }),
    );
    await page.goto(`${server.url}/staf/permohonan/${caseId}`);
    await page.waitForURL(`${server.url}/masuk?next=${encodeURIComponent(`/staf/permohonan/${caseId}`)}`);
    await page.unroute('**/api/cases/*');
    await fillSignIn(page, 'tarakan.fo');
    await page.waitForURL(`${server.url}/staf/permohonan/${caseId}`);
    await page.getByTestId('tracking-code').waitFor();
    await page.context().close();
  });

  it('says a page does not exist and leads home: the portal for the public, the desk for staff', async () => {
    for (const [width, height, suffix] of [
      [1366, 768, 'pc'],
      [390, 844, 'phone'],
    ] as const) {
      const page = await fresh(width, height);
      await page.goto(`${server.url}/halaman-yang-tidak-ada`);
      const notFound = page.getByTestId('not-found');
      await notFound.waitFor();
      expect(await notFound.innerText()).toContain('Halaman tidak ditemukan');
      expect(await notFound.innerText()).toContain('/halaman-yang-tidak-ada');
      await page.screenshot({
        path: path.join(artifacts, `states-404-public-${suffix}.png`),
        fullPage: true,
      });
      const home = page.getByTestId('way-home');
      expect(await home.innerText()).toBe('Ke beranda portal');
      await home.click();
      await page.waitForURL(`${server.url}/`);
      await page.context().close();
    }

    const page = await fresh();
    await signIn(page, server.url, 'tarakan.fo');
    await page.goto(`${server.url}/staf/tidak-ada`);
    await page.getByTestId('not-found').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'states-404-staff.png'), fullPage: true });
    expect(await page.getByTestId('way-home').innerText()).toBe('Ke beranda petugas');
    await page.getByTestId('way-home').click();
    await page.waitForURL(`${server.url}/staf`);
    await page.context().close();
  });

  it('tells a request that does not exist (or is another office’s) from a failure: no retry', async () => {
    const page = await fresh();
    await signIn(page, server.url, 'tarakan.fo');
    await page.goto(`${server.url}/staf/permohonan/999999`);
    const missing = page.getByTestId('load-not-found');
    await missing.waitFor();
    expect(await missing.innerText()).toContain('Permohonan tidak ditemukan');
    expect(await missing.innerText()).not.toContain('Data tidak dapat dimuat');
    expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
    await page.screenshot({ path: path.join(artifacts, 'states-case-not-found.png'), fullPage: true });
    // Another office's case reads as missing too: its existence is not told across offices.
    await signIn(page, server.url, 'sragen.fo');
    await page.goto(`${server.url}/staf/permohonan/${caseId}`);
    await page.getByTestId('load-not-found').waitFor();
    await page.getByTestId('way-home').click();
    await page.waitForURL(`${server.url}/staf`);
    await page.context().close();
  });

  it('tells the auditor on an administrator’s page that it is not theirs, with a way home', async () => {
    for (const [width, height, suffix] of [
      [1366, 768, 'pc'],
      [390, 844, 'phone'],
    ] as const) {
      const page = await fresh(width, height);
      await signIn(page, server.url, 'sragen.auditor');
      await page.goto(`${server.url}/staf/pengguna`);
      const forbidden = page.getByTestId('load-forbidden');
      await forbidden.waitFor();
      expect(await forbidden.innerText()).toContain('Anda tidak memiliki akses ke halaman ini');
      expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
      await page.screenshot({ path: path.join(artifacts, `states-forbidden-${suffix}.png`), fullPage: true });
      expect(await page.getByTestId('way-home').innerText()).toBe('Ke beranda petugas');
      await page.context().close();
    }
  });

  it('offers a retry only where one can help: the server could not be reached', async () => {
    const page = await fresh();
    await signIn(page, server.url, 'tarakan.fo');
    let calls = 0;
    // The case's own request only: the staff menu's long poll for changes is another.
    await page.route(new RegExp(`/api/cases/${caseId}$`), (route) => {
      calls += 1;
      return calls <= 2 ? route.abort('connectionrefused') : route.continue();
    });
    await page.goto(`${server.url}/staf/permohonan/${caseId}`);
    const failed = page.getByTestId('load-error');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('Tidak dapat terhubung ke server');
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByTestId('tracking-code').waitFor();
    await page.context().close();
  });

  it('draws the outline of the page while its data is on the way', async () => {
    const page = await fresh();
    await signIn(page, server.url, 'tarakan.fo');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/cases/*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/staf/permohonan/${caseId}`);
    const skeleton = page.getByTestId('content-skeleton');
    await skeleton.waitFor();
    expect(await page.locator('.mantine-Skeleton-root').count()).toBeGreaterThan(3);
    expect(await page.locator('.mantine-Loader-root').count()).toBe(0);
    await page.screenshot({ path: path.join(artifacts, 'states-skeleton-case.png'), fullPage: true });
    release();
    await page.getByTestId('tracking-code').waitFor();
    expect(await skeleton.count()).toBe(0);

    // The cash book's list is drawn as the rows of a table.
    let releaseQueue: () => void = () => undefined;
    const heldQueue = new Promise<void>((r) => {
      releaseQueue = r;
    });
    await page.route('**/api/relief/payouts', async (route) => {
      await heldQueue;
      await route.continue();
    });
    await signIn(page, server.url, 'sragen.fungsional');
    await page.goto(`${server.url}/staf/kas`);
    await page.locator('[data-testid="content-skeleton"][data-shape="table"]').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'states-skeleton-cash-book.png'), fullPage: true });
    releaseQueue();
    await page.locator('[data-testid="content-skeleton"][data-shape="table"]').waitFor({ state: 'detached' });
    await page.context().close();
  });
});
