import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

const fixture = 'test/fixtures/standards/sragen/jamkes-fakir-miskin.yaml';
const service = 'Rekomendasi Penerbitan Jaminan Kesehatan bagi Fakir Miskin';

/**
 * Intake of a service with a conditional paper (issue 14): the desk sees the NIK warning before
 * opening, answers "Pasien rawat inap?", and the checklist asks the referral letter only for yes.
 */
describe('intake asks the conditional paper only when the answer holds', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Published by the head of office over the API, as the staff standards page does.
    await signIn(page, server.url, 'sragen.kadis');
    const { token } = (await (await page.request.get(`${server.url}/api/auth/csrf`)).json()) as {
      token: string;
    };
    const res = await page.request.post(`${server.url}/api/staff/standards`, {
      headers: { 'x-csrf-token': token },
      data: { yaml: readFileSync(fixture, 'utf8'), fileName: fixture },
    });
    expect(res.status(), await res.text()).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the condition with the requirement on the public page', async () => {
    await page.goto(`${server.url}/layanan/sragen/jamkes-fakir-miskin`);
    const requirements = page.getByTestId('component-requirements');
    await requirements.getByText('Surat rujukan rumah sakit').waitFor();
    expect(await requirements.getByTestId('condition-surat-rujukan').innerText()).toBe(
      ' (khusus pasien rawat inap)',
    );
    // The intake question is how the office runs the service, not part of the published text.
    expect(await page.getByText('Pasien rawat inap?').count()).toBe(0);
  });

  it('shows the NIK warning and a checklist that follows the answers', async () => {
    const errors = watchErrors(page);
    await signIn(page, server.url, 'sragen.fo');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Permohonan Baru').click();
    await page.getByLabel('Layanan').first().click();
    await page.getByRole('option', { name: service }).click();
    await page.getByLabel('Nama pemohon').fill('Sumarni');
    // District 33.14.99 is not in the register: a warning, before anything is opened.
    await page.getByTestId('applicant-nik').fill('3314990101900001');
    await page.getByText('Kode kecamatan 33.14.99 tidak dikenal').waitFor();

    const checklist = page.getByTestId('checklist');
    expect(await checklist.getByText('Surat rujukan rumah sakit').count()).toBe(0);
    await page.getByTestId('intake-rawatInap-yes').check();
    await checklist.getByText('Surat rujukan rumah sakit (khusus pasien rawat inap)').waitFor();
    await page.getByTestId('intake-rawatInap-no').check();
    await checklist.getByText('Surat rujukan rumah sakit').waitFor({ state: 'detached' });
    await page.getByTestId('intake-rawatInap-yes').check();
    await page.getByLabel('Yang mengurus').first().click();
    await page.getByRole('option', { name: 'Pasien sendiri' }).click();
    expect(await checklist.getByText('Surat kuasa dari pasien').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}/conditions-intake.png`, fullPage: true });

    await page.getByRole('button', { name: 'Buat permohonan' }).click();
    await page.waitForURL(/\/staf\/permohonan\/\d+$/);
    await page.getByTestId('answer-rawatInap').getByText('Ya').waitFor();
    expect(await page.getByTestId('answer-pengurus').innerText()).toBe('Pasien sendiri');
    await page.getByTestId('upload-surat-rujukan').waitFor();
    // The flag reads as words, not as its id.
    expect(await page.getByText('NIK perlu dicek', { exact: true }).count()).toBe(1);
    expect(await page.getByText('nik-perlu-dicek').count()).toBe(0);

    // A wrong answer corrected, with a reason: the referral letter is no longer asked.
    await page.getByRole('button', { name: 'Koreksi jawaban' }).click();
    await page.getByTestId('intake-rawatInap-no').check();
    await page.getByLabel('Alasan koreksi').fill('pasien rawat jalan, salah pilih');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await page.getByTestId('answer-rawatInap').getByText('Tidak').waitFor();
    await page.getByTestId('upload-surat-rujukan').waitFor({ state: 'detached' });
    await page.screenshot({ path: `${artifacts}/conditions-case.png`, fullPage: true });

    // Another desk corrects the same answers while this one is still editing: saving is refused
    // as a conflict, and the latest answers are a click away, not overwritten.
    await page.getByRole('button', { name: 'Koreksi jawaban' }).click();
    await page.getByTestId('intake-rawatInap-yes').check();
    await page.getByLabel('Alasan koreksi').fill('ternyata rawat inap');
    const caseId = page.url().match(/(\d+)$/)?.[1];
    const { token } = (await (await page.request.get(`${server.url}/api/auth/csrf`)).json()) as {
      token: string;
    };
    const other = await page.request.put(`${server.url}/api/cases/${caseId}/intake`, {
      headers: { 'x-csrf-token': token },
      data: {
        previous: { rawatInap: false, pengurus: 'pasien' },
        intake: { rawatInap: false, pengurus: 'keluarga' },
        reason: 'keluarga yang mengurus',
      },
    });
    expect(other.status(), await other.text()).toBe(200);
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await page.getByText('Permohonan ini baru saja diubah oleh petugas lain').waitFor();
    await page.screenshot({ path: `${artifacts}/conditions-correction-conflict.png`, fullPage: true });
    await page.getByRole('button', { name: 'Muat jawaban terbaru' }).click();
    await page.getByTestId('answer-pengurus').getByText('Keluarga pasien').waitFor();
    expect(await page.getByTestId('answer-rawatInap').innerText()).toBe('Tidak');
    expect(errors).toEqual([]);
  });
});
