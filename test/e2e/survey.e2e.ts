import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const vocabulary = loadVocabulary();
const shots = path.join(artifacts, 'screenshots', 'after');
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });

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
  const send = async (method: string, p: string, body?: BodyInit, type?: string) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: {
        ...(type ? { 'content-type': type } : {}),
        cookie: cookie(),
        'x-csrf-token': jar.get('jaring_csrf') ?? '',
      },
      ...(body === undefined ? {} : { body }),
    });
    keep(res);
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return res;
  };
  const call = async (method: string, p: string, body?: unknown) =>
    (
      await send(
        method,
        p,
        body === undefined ? undefined : JSON.stringify(body),
        body === undefined ? undefined : 'application/json',
      )
    ).json();
  await call('POST', '/api/auth/login', { username, password: 'jaring-demo-2026' });
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, body: unknown) => call('POST', p, body),
    bytes: async (p: string) => Buffer.from(await (await send('GET', p)).arrayBuffer()),
    upload: async (p: string, fileName: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
      return (await send('POST', p, form)).json();
    },
  };
}

/*
 * The journey of the issue: a Sembako request at Tarakan is served and its letter handed over;
 * the letter's last page prints the survey's link (its QR code holds the same); the citizen
 * answers on a phone; the head's report counts the response; the portal's index moves.
 *
 * Tarakan surveys yearly (its standard's evaluation names no semester), and the portal shows the
 * latest finished year. The clock starts on the year's last working days; a walk-in answers at
 * the kiosk, the case closes, the year ends: the portal shows the kiosk's figure alone. Then the
 * citizen answers (for the year the service was given) and the figure moves.
 */
const start = `${new Date().getUTCFullYear()}-12-30T09:00:00+08:00`;
const year = Number(start.slice(0, 4));
const question = 'Apakah petugas menjelaskan cara memakai KKS kepada Anda?';
const nine = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

describe('SKM: a Sembako case closes, its letter leads to the survey, the report and the portal follow', () => {
  let server: Server;
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  let trackingCode = '';
  let surveyPath = '';

  beforeAll(async () => {
    server = await startServer({ JARING_CLOCK_START: start });
    browser = await launchBrowser();
    phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    desk = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openReport = async () => {
    await signIn(desk, server.url, 'tarakan.kadis');
    await desk.goto(`${server.url}/staf/survei`);
    await desk.getByRole('textbox', { name: 'Tahun' }).fill(String(year));
    await desk.getByText('Setahun', { exact: true }).click();
  };

  it('the head adds a question of the office’s own, outside the index', async () => {
    const errors = watchErrors(desk);
    await openReport();
    const manager = desk.getByTestId('survey-question-manager');
    await manager.getByTestId('question-text-id').fill(question);
    await manager.getByTestId('question-text-en').fill('Did the officer explain how to use the KKS card?');
    await manager.getByTestId('question-kind').click();
    await desk.getByRole('option', { name: 'Ya/tidak' }).click();
    await manager.getByLabel('Boleh dikosongkan').uncheck();
    await manager.getByTestId('question-submit').click();
    await manager.getByTestId('survey-questions-in-use').getByText(question).waitFor();
    expect(await manager.getByTestId('survey-questions-in-use').innerText()).toContain('Ya/tidak · Wajib');
    expect(await scanPage(desk, vocabulary)).toEqual([]);
    await shot(desk, 'survey-questions-manager');
    expect(errors).toEqual([]);
  });

  it('a walk-in answers at the kiosk, the office’s question too; the tablet clears itself', async () => {
    const errors = watchErrors(phone);
    await phone.goto(`${server.url}/kiosk/tarakan/survei`);
    await phone.getByTestId('kiosk-service').getByText('Fasilitas Program Sembako').click();
    for (const u of nine) await phone.getByTestId(`answer-${u}-3`).click();
    // The office's question is required: sending waits for it.
    const unitQuestions = phone.getByTestId('survey-unit-questions');
    await unitQuestions.getByText(question).waitFor();
    expect(await phone.getByTestId('survey-send').isDisabled()).toBe(true);
    expect(await phone.getByTestId('survey-progress').innerText()).toContain(
      '1 pertanyaan kantor yang wajib',
    );
    await unitQuestions.getByText('Tidak', { exact: true }).click();
    await phone.getByTestId('survey-send').click();
    await phone.getByTestId('survey-thanks').waitFor();
    await phone.getByTestId('kiosk-service').waitFor({ timeout: 10_000 });
    expect(await phone.getByTestId('unsur-U1').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a Sembako request goes from the front desk to the letter handed over: the case is closed', async () => {
    const fo = await apiAs(server.url, 'tarakan.fo');
    const c = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti Rahma Wati', nik: '6571015708900001' },
    });
    trackingCode = c.trackingCode;
    const scan = Buffer.from('%PDF-1.4\n% pindaian berkas\n');
    for (const id of ['kk-ktp', 'kks', 'akte-kematian'])
      await fo.upload(`/api/cases/${c.id}/documents/${id}`, `${id}.pdf`, scan);
    const act = async (who: typeof fo, action: string, data?: Record<string, string>) => {
      const { version } = (await who.get(`/api/cases/${c.id}`)).case;
      await who.post(`/api/cases/${c.id}/actions`, { action, version, ...(data ? { data } : {}) });
    };
    await act(fo, 'teruskan');
    await act(await apiAs(server.url, 'tarakan.fungsional'), 'teruskan', {
      jenisBantuan: 'BPNT / Program Sembako',
      analisis: 'Pemegang KKS meninggal dunia',
      solusi: 'Pengurus pengganti dalam satu KK',
      referensiSiksNg: 'SIKS-NG/2026/000123',
      edukasi: 'Penggunaan KKS di e-Warong',
    });
    await act(await apiAs(server.url, 'tarakan.kabid'), 'setujui');
    await act(fo, 'serahkan');
    const view = await fo.get(`/api/cases/${c.id}`);
    expect(view.case.status).toBe('done');

    // The letter's last page prints the survey's link beside its QR code.
    const letter = view.letters[0];
    const pdf = await fo.bytes(`/api/cases/${c.id}/letters/${letter.id}/pdf`);
    const file = path.join(shots, 'survey-sembako-letter.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    const link = /\/survei\/([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6})/.exec(text);
    expect(link, text.slice(-600)).not.toBeNull();
    surveyPath = `/survei/${link?.[1]}`;
    expect(link?.[1]?.startsWith(trackingCode)).toBe(true);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '2',
      '-l',
      '2',
      file,
      path.join(shots, 'survey-sembako-letter'),
    ]);
  });

  it('the year ends: the portal publishes the kiosk’s figure alone', async () => {
    await (await apiAs(server.url, 'admin')).post('/api/admin/clock', { by: '3d' });
    await phone.goto(`${server.url}/layanan/tarakan`);
    const score = phone.getByTestId('survey-score-sembako');
    await score.waitFor();
    // One walk-in, every unsur 3: IKM 3.00 × 25 = 75.00, grade C.
    expect(await score.innerText()).toContain(
      `Indeks Kepuasan Masyarakat 75,00 (mutu C, Kurang baik) · Tahun ${year} · 1 responden`,
    );
    await shot(phone, 'survey-portal-before');
  });

  it('the tracking page links to the same survey the letter prints', async () => {
    await phone.goto(`${server.url}/lacak/${trackingCode}`);
    const href = await phone.getByTestId('track-survey-link').getAttribute('href');
    expect(href).toBe(surveyPath);
  });

  it('the citizen opens the letter’s link on a phone and answers', async () => {
    const errors = watchErrors(phone);
    await phone.goto(`${server.url}${surveyPath}`);
    await phone.getByTestId('unsur-U1').waitFor();
    expect(await scanPage(phone, vocabulary)).toEqual([]);
    await shot(phone, 'survey-phone-start');
    expect(await phone.getByTestId('survey-send').isDisabled()).toBe(true);
    for (const u of nine) await phone.getByTestId(`answer-${u}-${u === 'U3' ? 2 : 4}`).click();
    await phone.getByText('Perempuan').click();
    await phone.getByLabel('Umur').fill('38');
    const unitQuestions = phone.getByTestId('survey-unit-questions');
    await unitQuestions.getByText('Ya', { exact: true }).click();
    await phone.getByLabel('Saran atau masukan (boleh dikosongkan)').fill('Mohon antrean dipercepat');
    await unitQuestions.scrollIntoViewIfNeeded();
    await shot(phone, 'survey-phone-unit-question');
    await phone.getByTestId('survey-send').click();
    await phone.getByTestId('survey-thanks').waitFor();
    await shot(phone, 'survey-phone-thanks');
    await phone.reload();
    await phone.getByTestId('survey-answered').waitFor();
    expect(errors).toEqual([]);
  });

  it('the head’s report counts both responses, draws the unsur, and tallies the office’s question', async () => {
    const errors = watchErrors(desk);
    await openReport();
    await desk.getByTestId('survey-respondents').filter({ hasText: '2' }).waitFor();
    // Kiosk all 3; the citizen 4 but U3 2: NRR 3.5 × 8 and 2.5 → 30.5 / 9 × 25 = 84.72, grade B.
    expect(await desk.getByTestId('survey-score').innerText()).toBe('84,72');
    const chart = desk.getByTestId('survey-unsur-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(9);
    // The weakest bar in orange, the others in teal.
    const fills = await chart
      .locator('.recharts-bar-rectangle path')
      .evaluateAll((paths) => paths.map((p) => getComputedStyle(p).fill));
    expect(new Set(fills).size).toBe(2);
    // What a screen reader reads instead of the drawing.
    const table = await desk.getByTestId('survey-unsur-chart-table').textContent();
    expect(table).toContain('U3 Waktu penyelesaian (terendah)2,50');
    expect(table).toContain('U1 Persyaratan3,50');
    expect(await desk.getByTestId('survey-profile-sex-table').textContent()).toContain('Perempuan1');
    const extra = await desk.getByTestId('survey-extra').innerText();
    expect(extra).toContain(question);
    expect(extra).toMatch(/Dijawab 2 dari 2 responden/);
    expect(extra).toMatch(/Ya\s+1/);
    expect(extra).toMatch(/Tidak\s+1/);
    expect(await desk.getByTestId('survey-comments').innerText()).toContain('Mohon antrean dipercepat');
    expect(await desk.content()).not.toContain('Siti Rahma');
    expect(await scanPage(desk, vocabulary)).toEqual([]);
    await shot(desk, 'survey-report', true);
    await chart.screenshot({ path: path.join(shots, 'survey-report-unsur-chart.png') });
    await desk.getByTestId('survey-profile-occupation').screenshot({
      path: path.join(shots, 'survey-report-profile-chart.png'),
    });
    expect(errors).toEqual([]);
  });

  it('the report as the office files it: a PDF with the office’s question in its own section', async () => {
    const head = await apiAs(server.url, 'tarakan.kadis');
    const file = path.join(shots, 'survey-report.pdf');
    writeFileSync(file, await head.bytes(`/api/survey/report.pdf?year=${year}`));
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Pertanyaan tambahan unit (tidak masuk IKM)');
    expect(text).toContain(`1. ${question}`);
    expect(text).toContain('Ya: 1 · Tidak: 1 · Tidak dijawab: 0');
    expect(text).toContain('84,72');
    execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(shots, 'survey-report-pdf')]);
  });

  it('and the portal’s index for the service has moved', async () => {
    await phone.goto(`${server.url}/layanan/tarakan`);
    const score = phone.getByTestId('survey-score-sembako');
    await score.filter({ hasText: '2 responden' }).waitFor();
    expect(await score.innerText()).toContain(
      `Indeks Kepuasan Masyarakat 84,72 (mutu B, Baik) · Tahun ${year} · 2 responden`,
    );
    await shot(phone, 'survey-portal-after');
  });
});
