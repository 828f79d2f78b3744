import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/** What an authenticator app shows for the secret, `offsetMs` from now. */
const codeFor = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

describe('my account: authenticator app and active sessions in a real browser', () => {
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

  it('enrols TOTP, signs in with a code, and signs another session out', async () => {
    // A second browser (another device) is signed in before, to be signed out later.
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, server.url, 'sragen.kabid');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'sragen.kabid');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Akun Saya').click();
    await page.getByTestId('totp-status').getByText('Belum aktif').waitFor();

    await page.getByRole('button', { name: 'Aktifkan autentikator' }).click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = await page.getByTestId('totp-secret').innerText();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Kode autentikator').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
    const recovery = page.getByTestId('recovery-codes');
    await recovery.waitFor();
    expect(await recovery.locator('code').count()).toBe(10);
    await page.getByTestId('totp-status').getByText('Aktif').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'account-totp-enrolled.png'), fullPage: true });

    // The account page's own button; the staff menu beside the page has one too.
    await page.getByRole('main').getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${server.url}/masuk`);

    // Signing in now asks for the code after the password.
    await page.getByLabel('Nama pengguna').fill('sragen.kabid');
    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const codeField = page.getByTestId('login-totp');
    await codeField.waitFor();
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Masuk' }).click();
    expect(await page.getByTestId('login-error').innerText()).toContain('Kode autentikator salah');
    // The confirming code's step is used up: the app's next code (accepted one step ahead) signs in.
    await codeField.fill(codeFor(secret, 30_000));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${server.url}/staf`);

    await page.goto(`${server.url}/staf/akun`);
    await page.getByTestId('sessions-link').click();
    await page.waitForURL(`${server.url}/staf/akun/sesi`);
    const rows = page.getByTestId('sessions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const current = page.locator('tr[data-current="true"]');
    expect(await current.innerText()).toMatch(/sesi ini/i);
    expect(await current.getByRole('button', { name: 'Keluarkan' }).count()).toBe(0);
    expect(await current.innerText()).toContain('127.0.0.1');
    await page.screenshot({ path: path.join(artifacts, 'account-sessions.png'), fullPage: true });

    await page.locator('tr[data-current="false"]').getByRole('button', { name: 'Keluarkan' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    // The other device's session is over: its next request sends it to the sign-in page.
    await other.goto(`${server.url}/staf`);
    await other.waitForURL(`${server.url}/masuk`);
    expect(errors).toEqual([]);
    await otherContext.close();
    await page.close();
  });

  it('leads a head of office whose unit requires TOTP to enrolment first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('unit-switch').click();
    await page.getByRole('option', { name: 'Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan' }).click();
    await expect
      .poll(() => page.getByTestId('active-unit').innerText())
      .toBe('Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan');
    await page.goto(`${server.url}/staf/akun`);
    const require = page.getByTestId('unit-require-totp');
    await require.click();
    await expect.poll(() => require.isChecked()).toBe(true);

    await page.context().clearCookies();
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('tarakan.kadis');
    await page.getByLabel('Kata sandi').fill('jaring-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${server.url}/staf/akun`);
    await page.getByTestId('totp-required').waitFor();
    // Any other staff page sends them back here.
    await page.goto(`${server.url}/staf/permohonan`);
    await page.waitForURL(`${server.url}/staf/akun`);
    await page.screenshot({ path: path.join(artifacts, 'account-totp-required.png'), fullPage: true });

    await page.getByRole('button', { name: 'Aktifkan autentikator' }).click();
    const secret = await page.getByTestId('totp-secret').innerText();
    await page.getByLabel('Kode autentikator').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.goto(`${server.url}/staf`);
    expect(await page.getByTestId('welcome').innerText()).toContain('Selamat datang');
    expect(errors).toEqual([]);
    await page.close();
  });
});
