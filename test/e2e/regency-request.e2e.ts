import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';
import { loadVocabulary, scanPage } from './no-codes.ts';

const today = todayIn('Asia/Jakarta');
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shots = `${artifacts}/screenshots/after`;
const vocabulary = loadVocabulary();

type Answer = Record<string, unknown> & { id?: number };

/** Calls the API from inside a signed-in page, with its cookies and CSRF token, as the app does. */
async function api(page: Page, method: string, url: string, body?: unknown) {
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

/** Picks a file for a Mantine file field through the browser's file chooser. */
async function choose(page: Page, testId: string, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% ${name}\n`),
  });
}

/** The page is no wider than the screen: nothing to scroll sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a regency office asks the province for relief and follows it (issue 16)', () => {
  let server: Server;
  let browser: Browser;
  let lebak: Page;
  let province: Page;
  let caseId = 0;
  let paperId = 0;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    lebak = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    province = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Lebak’s operator fills the request; outside an emergency it is refused, saying so', async () => {
    const errors = watchErrors(lebak);
    await signIn(lebak, server.url, 'lebak.operator');
    const menu = lebak.getByTestId('staff-menu');
    await menu.getByText('Ajukan Bantuan Logistik ke Provinsi').click();
    await lebak.waitForURL(`${server.url}/staf/pengajuan/baru`);
    await lebak.getByText('Ajukan permohonan bantuan logistik ke Provinsi').waitFor();
    expect(await lebak.getByTestId('submit-route').innerText()).toBe(
      'Dinas Sosial Kabupaten Lebak → Dinas Sosial Provinsi Banten',
    );
    expect(await lebak.getByTestId('no-emergency').innerText()).toContain(
      'Belum ada status tanggap darurat aktif dari Dinas Sosial Provinsi Banten untuk Kabupaten Lebak',
    );
    await lebak.getByTestId('submit-applicant').fill('Posko Banjir Desa Malingping Utara');
    await lebak.getByTestId('submit-phone').fill('081234567890');
    await lebak.getByTestId('submit-area').click();
    await lebak.getByTestId('submit-area').fill('Malingping');
    await lebak.getByRole('option', { name: 'Malingping', exact: true }).click();
    await lebak
      .getByTestId('submit-description')
      .fill('Banjir merendam 120 rumah; 450 jiwa mengungsi di balai desa dan butuh selimut serta makanan.');
    await lebak.getByTestId('submit-priority').click();
    await lebak.getByRole('option', { name: 'Tinggi (keputusan dalam 8 jam)' }).click();
    await choose(lebak, 'submit-paper-permohonan', 'surat-permohonan-posko.pdf');
    await choose(lebak, 'submit-paper-surat-dinsos-kabkota', 'surat-dinsos-lebak.pdf');
    await choose(lebak, 'submit-paper-asesmen', 'asesmen-pekerja-sosial.pdf');
    await lebak.getByTestId('submit-request').click();
    const refusal = lebak.getByTestId('submit-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'Wilayah Malingping tidak dalam status tanggap darurat; permohonan bantuan logistik tidak dapat diterima.',
    );
    expect(await scanPage(lebak, vocabulary)).toEqual([]);
    await lebak.screenshot({ path: `${shots}/regency-request-refused.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('once the province declares the emergency, the request goes with its three papers', async () => {
    await signIn(province, server.url, 'banten.kadis');
    const declared = await api(province, 'POST', '/api/emergencies', {
      number: '360/Kep.301-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir bandang',
      areas: ['36.02'],
      startsOn: today,
      endsOn: inDays(14),
    });
    expect(declared.status).toBe(201);
    const errors = watchErrors(lebak);
    await lebak.getByTestId('submit-request').click();
    await lebak.waitForURL(/\/staf\/pengajuan\/\d+$/);
    caseId = Number(lebak.url().split('/').pop());
    await lebak.getByTestId('submission-papers').getByText('asesmen-pekerja-sosial.pdf').waitFor();
    expect(await lebak.getByTestId('submission-step').innerText()).toBe(
      'Langkah sekarang: Registrasi permohonan dan berkas · ditangani Petugas Front Office',
    );
    expect(await lebak.getByTestId('submission-papers').innerText()).toContain('dikirim kantor Anda');
    expect(await lebak.getByTestId('submission-missing').count()).toBe(0);
    expect(await lebak.getByTestId('submission-note').innerText()).toContain('450 jiwa mengungsi');
    expect(await scanPage(lebak, vocabulary)).toEqual([]);
    await lebak.screenshot({ path: `${shots}/regency-request-submitted.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the province’s front office sees the requesting office, and the desk’s paper request as such', async () => {
    await signIn(province, server.url, 'banten.fo');
    // A request that came on paper, registered at the province's own desk.
    const paper = await api(province, 'POST', '/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Kecamatan Cibeber' },
      intake: { areaCode: '36.02.02', requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
    });
    expect(paper.status).toBe(201);
    paperId = paper.json.id ?? 0;
    const errors = watchErrors(province);
    await province.goto(`${server.url}/staf/permohonan`);
    const queue = province.getByTestId('queue');
    await queue.waitFor();
    const submittedRow = queue.getByRole('row').filter({ hasText: 'Posko Banjir Desa Malingping Utara' });
    expect(await submittedRow.getByTestId('case-origin').innerText()).toBe(
      'Diajukan oleh: Dinas Sosial Kabupaten Lebak',
    );
    const paperRow = queue.getByRole('row').filter({ hasText: 'Posko Kecamatan Cibeber' });
    expect(await paperRow.getByTestId('case-origin').innerText()).toBe('Diterima di loket (kertas)');
    expect(await scanPage(province, vocabulary)).toEqual([]);
    await province.screenshot({ path: `${shots}/regency-request-province-queue.png`, fullPage: true });
    await submittedRow.getByRole('link').click();
    await province.waitForURL(`${server.url}/staf/permohonan/${caseId}`);
    await province.getByTestId('case-origin').waitFor();
    expect(await province.getByTestId('case-origin').innerText()).toBe(
      'Diajukan oleh: Dinas Sosial Kabupaten Lebak',
    );
    // Lebak's operator opened it on the applicant's side; the history names the role as the office does.
    expect(await province.getByTestId('history-who').first().innerText()).toContain(
      'Ujang Saepudin, Pemohon',
    );
    // The priority Lebak chose sets when the Kepala Bidang's decision is due.
    expect(await province.getByTestId('step-deadline').innerText()).toContain('(prioritas Tinggi, 8 jam)');
    // The papers Lebak sent are there: nothing is missing at the registration.
    expect(await province.getByText('asesmen-pekerja-sosial.pdf').count()).toBeGreaterThan(0);
    expect(await scanPage(province, vocabulary)).toEqual([]);
    await province.screenshot({ path: `${shots}/regency-request-province-case.png`, fullPage: true });
    await province.goto(`${server.url}/staf/permohonan/semua`);
    await province.getByText('Posko Banjir Desa Malingping Utara').waitFor();
    expect(await province.getByTestId('case-origin').allInnerTexts()).toEqual(
      expect.arrayContaining(['Diajukan oleh: Dinas Sosial Kabupaten Lebak', 'Diterima di loket (kertas)']),
    );
    expect(errors).toEqual([]);
  });

  it('Lebak follows it to the surat jalan, read-only, and opens the province’s paper', async () => {
    // The province works the request through its steps (the case page's own journeys test the forms).
    const act = async (who: string, action: string, version: number, data?: Record<string, unknown>) => {
      await signIn(province, server.url, who);
      const res = await api(province, 'POST', `/api/cases/${caseId}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };
    await act('banten.fo', 'teruskan', 1);
    await act('banten.kadis', 'teruskan', 2);
    await act('banten.kabid', 'disposisikan', 3, { instruction: 'Teliti dan saran' });
    await signIn(province, server.url, 'banten.fungsional');
    const items = (await api(province, 'GET', '/api/stock/items')).json.items as Array<{
      id: number;
      name: string;
    }>;
    const warehouses = (await api(province, 'GET', '/api/stock/warehouses')).json.warehouses as Array<{
      id: number;
    }>;
    const blanket = items.find((i) => i.name === 'Selimut');
    const lines = [{ itemId: blanket?.id, quantity: 450 }];
    await act('banten.fungsional', 'ajukan', 4, { peopleAffected: 450, days: 7, lines });
    await act('banten.kabid', 'setujui', 5, { warehouseId: warehouses[0]?.id, lines });
    await act('banten.fungsional', 'kirim', 6, { vehicle: 'A 8123 XY', driver: 'Dadang' });

    const errors = watchErrors(lebak);
    await lebak.goto(`${server.url}/staf/pengajuan`);
    const card = lebak.getByTestId('submission').filter({ hasText: 'Posko Banjir Desa Malingping Utara' });
    await card.waitFor();
    expect(await card.getByTestId('submission-step').innerText()).toBe(
      'Langkah sekarang: Serah terima bantuan (BAST)',
    );
    expect(await card.getByTestId('submission-age').innerText()).toContain('diajukan hari ini');
    expect(await card.getByTestId('submission-letter').innerText()).toContain('Surat Jalan');
    const href = await card.getByTestId('submission-letter-pdf').getAttribute('href');
    const letter = await lebak.request.get(`${server.url}${href}`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect(await scanPage(lebak, vocabulary)).toEqual([]);
    await lebak.screenshot({ path: `${shots}/regency-request-followed.png`, fullPage: true });
    await card.getByRole('link', { name: /^[A-Z0-9]{5}-[A-Z0-9]{5}$/ }).click();
    await lebak.waitForURL(`${server.url}/staf/pengajuan/${caseId}`);
    await lebak.getByTestId('submission-letters').waitFor();
    // Read-only: no paper to send any more, no action of the province's steps on the page.
    expect(await lebak.getByTestId('submission-missing').count()).toBe(0);
    expect(await lebak.getByRole('button', { name: /Kirim bantuan|Catat serah terima/ }).count()).toBe(0);
    // The province's case page is not Lebak's to open.
    const direct = await api(lebak, 'GET', `/api/cases/${caseId}`);
    expect(direct.status).toBe(404);
    expect(await scanPage(lebak, vocabulary)).toEqual([]);
    await lebak.screenshot({ path: `${shots}/regency-request-followed-detail.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the province withdraws the paper request after approval: "Dibatalkan", not "Ditolak"', async () => {
    const act = async (who: string, action: string, version: number, data?: Record<string, unknown>) => {
      await signIn(province, server.url, who);
      const res = await api(province, 'POST', `/api/cases/${paperId}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };
    await signIn(province, server.url, 'banten.fo');
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen']) {
      const status = await province.evaluate(
        async ({ url }) => {
          const csrf = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
          const form = new FormData();
          form.append('file', new Blob(['%PDF-1.4\n% kertas\n'], { type: 'application/pdf' }), 'kertas.pdf');
          return (await fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrf }, body: form })).status;
        },
        { url: `/api/cases/${paperId}/documents/${paper}` },
      );
      expect(status, paper).toBe(201);
    }
    await act('banten.fo', 'teruskan', 1);
    await act('banten.kadis', 'teruskan', 2);
    await act('banten.kabid', 'disposisikan', 3, { instruction: 'Teliti dan saran' });
    const items = (await api(province, 'GET', '/api/stock/items')).json.items as Array<{
      id: number;
      name: string;
    }>;
    const warehouses = (await api(province, 'GET', '/api/stock/warehouses')).json.warehouses as Array<{
      id: number;
    }>;
    const lines = [{ itemId: items.find((i) => i.name === 'Selimut')?.id, quantity: 40 }];
    await act('banten.fungsional', 'ajukan', 4, { peopleAffected: 40, days: 3, lines });
    await act('banten.kabid', 'setujui', 5, { warehouseId: warehouses[0]?.id, lines });

    await signIn(province, server.url, 'banten.fungsional');
    const errors = watchErrors(province);
    await province.goto(`${server.url}/staf/permohonan/${paperId}`);
    const withdraw = province.getByRole('button', { name: 'Batalkan (kembalikan cadangan stok)' });
    await withdraw.waitFor();
    await province.getByLabel('Catatan / alasan').fill('Posko sudah menerima selimut dari BPBD Lebak');
    await withdraw.click();
    const dialog = province.getByTestId('confirm-dialog');
    expect(await dialog.innerText()).toContain(
      'Permohonan dibatalkan dan ditutup tanpa dilayani. Alasan yang dicatat: Posko sudah menerima selimut dari BPBD Lebak',
    );
    await province.getByTestId('confirm-action').click();
    await province.getByTestId('case-step').getByText('Dibatalkan, tidak menunggu langkah lagi').waitFor();
    expect(await province.getByText('Ditolak', { exact: true }).count()).toBe(0);
    expect(await scanPage(province, vocabulary)).toEqual([]);
    await province.screenshot({ path: `${shots}/regency-request-withdrawn.png`, fullPage: true });

    // The post follows it on the public tracking page: withdrawn, with the reason.
    const code = (await api(province, 'GET', `/api/cases/${paperId}`)).json.case as { trackingCode: string };
    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await citizen.goto(`${server.url}/lacak/${code.trackingCode}`);
    const message = citizen.getByTestId('track-message');
    await message.waitFor();
    expect(await message.innerText()).toContain('Permohonan dibatalkan');
    expect(await message.innerText()).toContain('Alasan: Posko sudah menerima selimut dari BPBD Lebak');
    await citizen.screenshot({ path: `${shots}/regency-request-withdrawn-track.png`, fullPage: true });
    await citizen.close();
    expect(errors).toEqual([]);
  });

  it('fits a phone: the form, the list and the request without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(phone);
    await signIn(phone, server.url, 'lebak.operator');
    for (const [path, ready, shot] of [
      ['/staf/pengajuan/baru', 'submit-request', 'regency-request-phone-form'],
      ['/staf/pengajuan', 'submissions', 'regency-request-phone-list'],
      [`/staf/pengajuan/${caseId}`, 'submission-letters', 'regency-request-phone-detail'],
    ] as const) {
      await phone.goto(`${server.url}${path}`);
      await phone.getByTestId(ready).waitFor();
      expect(await overflow(phone), path).toBeLessThanOrEqual(0);
      expect(await scanPage(phone, vocabulary), path).toEqual([]);
      await phone.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('Pandeglang’s operator sees none of Lebak’s requests', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(other, server.url, 'pandeglang.operator');
    await other.goto(`${server.url}/staf/pengajuan`);
    await other.getByText('Kantor Anda belum mengajukan permohonan.').waitFor();
    expect(await other.getByTestId('submission').count()).toBe(0);
    await other.goto(`${server.url}/staf/pengajuan/${caseId}`);
    await other.getByTestId('load-not-found').getByText('Permohonan tidak ditemukan.').waitFor();
    expect(await other.getByText('Posko Banjir Desa Malingping Utara').count()).toBe(0);
    expect(await scanPage(other, vocabulary)).toEqual([]);
    await other.screenshot({ path: `${shots}/regency-request-other-regency.png`, fullPage: true });
    await other.close();
  });
});
