import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, expectAccessible, launchBrowser, type Server, signIn, startServer } from './harness.ts';
import { settled } from './no-codes.ts';

/**
 * Issue 19: no WCAG 2.1 A/AA violation (axe-core) on the pages of the portal and of the staff
 * area, in Indonesian and in English; a skip-to-content link. The journeys check the pages they
 * pass through (scanPage, expectAccessible); this walk reaches the pages no journey opens, in
 * both languages, as the auditor did.
 */

/** The pages each user opens, after signing in (none: the public portal). */
const walks: { user?: string; pages: string[] }[] = [
  {
    pages: [
      '/',
      '/layanan/tarakan',
      '/layanan/tarakan/sembako',
      '/layanan/sragen/kehabisan-bekal',
      '/lacak',
      '/lacak/ABCDE-FGHJK',
      '/verifikasi',
      '/pengaduan',
      '/survei',
      '/kiosk/tarakan/survei',
      '/masuk',
      '/halaman-yang-tidak-ada',
    ],
  },
  {
    user: 'tarakan.fo',
    pages: [
      '/staf',
      '/staf/permohonan',
      '/staf/permohonan/baru',
      '/staf/permohonan/semua',
      '/staf/standar',
      '/staf/registri',
      '/staf/pengaduan',
      '/staf/pengaduan/lapor',
      '/staf/kalender',
      '/staf/akun',
      '/staf/akun/sesi',
    ],
  },
  {
    user: 'admin',
    pages: [
      '/staf/pengguna',
      '/staf/audit',
      '/staf/open311',
      '/staf/laporan',
      '/staf/survei',
      '/staf/kas',
      '/staf/pengaduan/statistik',
      '/staf/registri/impor',
    ],
  },
  {
    user: 'banten.kabid',
    pages: [
      '/staf',
      '/staf/tanggap-darurat',
      '/staf/pengajuan',
      '/staf/stok',
      '/staf/stok/kedaluwarsa',
      '/staf/stok/katalog',
      '/staf/stok/barang-masuk',
      '/staf/stok/opname',
      '/staf/logistik/penyaluran',
      '/staf/logistik/permohonan',
    ],
  },
];

describe('the accessibility check itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fails on a violation, naming the rule, the element and the colours', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="id"><head><title>Uji</title></head><body><main>' +
        '<p id="pale" style="color:#999999;background:#ffffff">Teks pucat</p>' +
        '<input id="nameless" type="text">' +
        '</main></body></html>',
    );
    const failure = await expectAccessible(page, 'a bad page').then(
      () => '',
      (e: Error) => e.message,
    );
    expect(failure).toMatch(/^axe: \d+ WCAG violation\(s\) on a bad page:/);
    expect(failure).toContain('color-contrast (serious) #pale #999999 on #ffffff = 2.84:1 (needs 4.5:1)');
    expect(failure).toMatch(/label \(critical\) #nameless/);
    // The same page mended passes.
    await page.setContent(
      '<html lang="id"><head><title>Uji</title></head><body><main>' +
        '<p style="color:#5f666d;background:#ffffff">Teks redup</p>' +
        '<label for="name">Nama</label><input id="name" type="text">' +
        '</main></body></html>',
    );
    await expectAccessible(page, 'the mended page');
    await page.close();
  });
});

describe('WCAG 2.1 AA on every page, in Indonesian and English', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function chooseLanguage(lang: 'id' | 'en') {
    await page.getByTestId('lang-switch').getByText(lang.toUpperCase()).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }

  it('offers a skip-to-content link as the first keyboard stop, to the main landmark', async () => {
    for (const [url, lang, text] of [
      ['/', 'id', 'Langsung ke isi halaman'],
      ['/layanan/tarakan/sembako', 'en', 'Skip to content'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await settled(page);
      await chooseLanguage(lang);
      // Afresh, as a visitor arrives: the language switch just used keeps the focus otherwise.
      await page.reload();
      await settled(page);
      const link = page.getByTestId('skip-link');
      // Out of sight until focused.
      expect((await link.boundingBox())?.y ?? 0).toBeLessThan(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'skip-link',
      );
      expect(await link.innerText()).toBe(text);
      expect((await link.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: path.join(artifacts, `skip-link-${lang}.png`) });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      // The same page, moved past the header: the next Tab reaches the page's first link.
      expect(new URL(page.url()).pathname).toBe(url);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    }
    await chooseLanguage('id');
  });

  for (const lang of ['id', 'en'] as const) {
    for (const walk of walks) {
      it(`${walk.user ?? 'the public portal'} (${lang}): no violation`, async () => {
        await page.context().clearCookies();
        if (walk.user) await signIn(page, server.url, walk.user);
        else await page.goto(`${server.url}/`);
        await chooseLanguage(lang);
        const failures: string[] = [];
        for (const url of walk.pages) {
          await page.goto(`${server.url}${url}`);
          await settled(page);
          await expectAccessible(page, `${url} (${lang})`).catch((e: Error) => failures.push(e.message));
        }
        // Sign-in asks in Indonesian (harness.signIn): back to it for the next walk.
        await chooseLanguage('id');
        expect(failures).toEqual([]);
        // A dozen pages, each loaded, settled and checked: more than the default minute on a busy machine.
      }, 150_000);
    }
  }
});
