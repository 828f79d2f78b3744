import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const vocabulary = loadVocabulary();

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
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        cookie: cookie(),
        'x-csrf-token': jar.get('jaring_csrf') ?? '',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    keep(res);
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  await call('POST', '/api/auth/login', { username, password: 'jaring-demo-2026' });
  return { get: (p: string) => call('GET', p), post: (p: string, body: unknown) => call('POST', p, body) };
}

/*
 * The quickest served case: a Kehabisan Bekal request the front office rejects (the survey asks
 * about a service given, rejected or granted). The test clock starts on the last working days
 * of a year; Sragen surveys yearly, and the portal publishes the latest *finished* year, so the
 * clock is then moved into the next year for the public index to show the response.
 */
const start = `${new Date().getUTCFullYear()}-12-30T09:00:00+07:00`;
const year = Number(start.slice(0, 4));

describe('SKM: a served case, its survey from the tracking page, the report and the public index', () => {
  let server: Server;
  let browser: Browser;
  let phone: Page;
  let trackingCode = '';

  beforeAll(async () => {
    server = await startServer({ JARING_CLOCK_START: start });
    browser = await launchBrowser();
    phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the front office takes a request in and rejects it: the case is closed', async () => {
    const fo = await apiAs(server.url, 'sragen.fo');
    const c = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno', nik: '3314011708900001' },
    });
    trackingCode = c.trackingCode;
    const { version } = (await fo.get(`/api/cases/${c.id}`)).case;
    await fo.post(`/api/cases/${c.id}/actions`, { action: 'tolak', version, note: 'Surat polisi tidak ada' });
  });

  it('after the new year the public index has no figure for the service yet', async () => {
    const admin = await apiAs(server.url, 'admin');
    await admin.post('/api/admin/clock', { by: '3d' });
    const index = await (await fetch(`${server.url}/api/public/units/sragen/survey/index`)).json();
    expect(index.services).toEqual([]);
  });

  it('the citizen follows the tracking page to the survey and answers on a phone', async () => {
    const errors = watchErrors(phone);
    await phone.goto(`${server.url}/lacak/${trackingCode}`);
    await phone.getByTestId('track-survey-link').click();
    await phone.waitForURL(/\/survei\//);
    await phone.getByTestId('unsur-U1').waitFor();
    expect(await scanPage(phone, vocabulary)).toEqual([]);
    expect(await phone.getByTestId('survey-send').isDisabled()).toBe(true);
    for (const u of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'])
      await phone.getByTestId(`answer-${u}-${u === 'U3' ? 2 : 4}`).click();
    await phone.getByText('Perempuan').click();
    await phone.getByLabel('Saran atau masukan (boleh dikosongkan)').fill('Mohon antrean dipercepat');
    await phone.getByTestId('survey-send').click();
    await phone.getByTestId('survey-thanks').waitFor();
    await phone.screenshot({ path: `${artifacts}/survey-phone-thanks.png` });
    // The same code again: answered once.
    await phone.reload();
    await phone.getByTestId('survey-answered').waitFor();
    expect(errors).toEqual([]);
  });

  it('the response shows in the head of office’s report of that year', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, server.url, 'sragen.kadis');
    await page.goto(`${server.url}/staf/survei`);
    await page.getByRole('textbox', { name: 'Tahun' }).fill(String(year));
    await page.getByText('Setahun', { exact: true }).click();
    await page.getByTestId('survey-respondents').filter({ hasText: '1' }).waitFor();
    // U3 answered 2, the rest 4: (8 × 4 + 2) / 9 × 25 = 94.44.
    expect(await page.getByTestId('survey-score').innerText()).toBe('94,44');
    expect(await page.getByTestId('survey-comments').innerText()).toContain('Mohon antrean dipercepat');
    expect(await page.getByTestId('survey-unsur-chart').innerText()).toContain(
      'Waktu penyelesaian (terendah)',
    );
    expect(await page.content()).not.toContain('Bambang');
    expect(await scanPage(page, vocabulary)).toEqual([]);
    await page.screenshot({ path: `${artifacts}/survey-report.png`, fullPage: true });
    await page.close();
  });

  it('and the portal publishes the service’s new index with its year and respondents', async () => {
    await phone.goto(`${server.url}/layanan/sragen`);
    const score = phone.getByTestId('survey-score-kehabisan-bekal');
    await score.waitFor();
    expect(await score.innerText()).toContain(
      `Indeks Kepuasan Masyarakat 94,44 (mutu A, Sangat baik) · Tahun ${year} · 1 responden`,
    );
  });

  it('a walk-in respondent answers at the office kiosk, which then clears for the next one', async () => {
    const errors = watchErrors(phone);
    await phone.goto(`${server.url}/kiosk/sragen/survei`);
    await phone.getByTestId('kiosk-service').getByText('Kehabisan Bekal').click();
    for (const u of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'])
      await phone.getByTestId(`answer-${u}-3`).click();
    await phone.getByTestId('survey-send').click();
    await phone.getByTestId('survey-thanks').waitFor();
    // Nobody touches the tablet: after a few seconds it is ready again, with nothing chosen.
    await phone.getByTestId('kiosk-service').waitFor({ timeout: 10_000 });
    expect(await phone.getByTestId('unsur-U1').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
