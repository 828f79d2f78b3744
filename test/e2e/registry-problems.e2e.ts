import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../src/core/nik.ts';
import { artifacts, launchBrowser, type Server, signIn, startServer, watchErrors } from './harness.ts';

/*
 * A village operator imports a file with many bad rows and reads the first problems on the
 * page, in her words ("kesalahan"), with both files to download; the head of office is offered
 * no import form, only the history; a family on a date before it was recorded says so.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-problems-'));
const header = 'No KK;NIK;Nama;Tanggal Lahir;Jenis Kelamin;Hubungan Keluarga;Kode Desa;Alamat';
const goodKk = '3314012001247001';
const goodNik = composeNik('331401', '1979-04-12', false, 71);
// 60 heads of family whose NIK has day 75 (no month has it): one problem each, in the NIK column.
const badNik = (i: number) => `33140175019000${String(i + 1).padStart(2, '0')}`;
const file = path.join(dir, 'desa-keden-salah.csv');
writeFileSync(
  file,
  `${[
    header,
    `${goodKk};${goodNik};Sutrisno Baru;12-04-1979;L;Kepala Keluarga;3314012001;Dusun Kidul`,
    ...Array.from(
      { length: 60 },
      (_, i) =>
        `33140120012480${String(i).padStart(2, '0')};${badNik(i)};Salah ${i};01-01-1990;L;Kepala Keluarga;3314012001;Dusun Tegal`,
    ),
  ].join('\n')}\n`,
);

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
const pc = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: pc, acceptDownloads: true });
  errors = watchErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const settle = () =>
  page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
/** A full-page picture at a PC's width and at a phone's. */
async function shots(name: string) {
  for (const [size, viewport] of [
    ['pc', pc],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await settle();
    await page.screenshot({
      path: path.join(artifacts, `registry-problems-${name}-${size}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(pc);
}
const downloaded = async (download: Promise<Download>) => {
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path()) ?? '') };
};

describe('register import problems, as the village operator and the head of office meet them', () => {
  it('the village operator sees the first problems on the page and downloads them as XLSX and CSV', async () => {
    await signIn(page, server.url, 'sragen.desa');
    await page.goto(`${server.url}/staf/registri/impor`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByLabel('muat baris yang benar, laporkan sisanya').check();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await page.getByTestId('problem-count').innerText()).toBe(
      '60 masalah; 50 yang pertama ditampilkan di sini, semuanya ada di berkas unduhan.',
    );
    const table = page.getByTestId('problem-table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Baris', 'Kolom', 'Tingkat', 'Pesan']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(50);
    expect((await rows.first().locator('td').allTextContents()).slice(0, 3)).toEqual([
      '3',
      'NIK',
      'kesalahan',
    ]);
    expect(await rows.first().locator('td').nth(3).innerText()).toContain('tanggal lahir tidak valid');
    expect(await rows.last().locator('td').first().innerText()).toBe('52');
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/galat/i);
    // On a phone each problem is a block of its own, the message not squeezed into a column.
    await page.setViewportSize(phone);
    const block = page.getByTestId('problem-list').locator('> *').first();
    await block.waitFor();
    expect(await block.innerText()).toMatch(/^Baris 3 · NIK · kesalahan\s+tanggal lahir tidak valid/);
    expect(await table.isVisible()).toBe(false);
    await page.setViewportSize(pc);
    await shots('import');

    const xlsx = downloaded(page.waitForEvent('download'));
    await page.getByTestId('error-file-xlsx').click();
    const x = await xlsx;
    expect(x.name).toMatch(/^impor-\d+-masalah\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Masalah');
    expect(sheet?.rowCount).toBe(61);
    expect(sheet?.getRow(2).getCell(1).value).toBe(3);
    expect(sheet?.getRow(2).getCell(3).value).toBe(badNik(0));
    expect(sheet?.getRow(2).getCell(4).value).toBe('kesalahan');

    const csv = downloaded(page.waitForEvent('download'));
    await page.getByTestId('error-file').click();
    const c = await csv;
    expect(c.name).toMatch(/^impor-\d+-masalah\.csv$/);
    expect(c.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = c.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Baris;Kolom;Nilai;Tingkat;Pesan;Keterangan');
    expect(lines[1]?.split(';').slice(0, 4)).toEqual(['3', 'NIK', badNik(0), 'kesalahan']);

    // The history's row opens the same problems again.
    await page.reload();
    const history = page.getByTestId('import-history').getByRole('row', { name: /desa-keden-salah\.csv/ });
    await history.getByText('masalah (60)').click();
    await page.getByTestId('problem-table').waitFor();
    expect(await page.getByTestId('problem-table').locator('tbody tr').count()).toBe(50);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a date before the family was recorded says "belum tercatat", not an empty member list', async () => {
    await page.goto(`${server.url}/staf/registri`);
    await page.getByTestId('registry-q').fill(goodNik);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('link', { name: 'Sutrisno Baru' }).click();
    await page.waitForURL(/\/staf\/registri\/keluarga\/\d+$/);
    await page.getByTestId('family-members').getByText('Sutrisno Baru').waitFor();
    await page.getByTestId('as-of').fill('2020-01-01');
    const note = page.getByTestId('not-yet-recorded');
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      /^Keluarga ini belum tercatat pada 1 Januari 2020\. Tercatat sejak /,
    );
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('Anggota keluarga (0)');
    expect(await page.getByTestId('family-members').count()).toBe(0);
    // The history is still there, to see when it was recorded.
    expect(await page.getByTestId('family-history').innerText()).toContain('Data keluarga tercatat');
    await shots('family-before');
    expect(errors).toEqual([]);
  }, 60_000);

  it('the head of office is offered no import form, only the history to read', async () => {
    await signIn(page, server.url, 'sragen.kadis');
    await page.goto(`${server.url}/staf/registri`);
    await page.getByTestId('import-history-link').click();
    await page.waitForURL(`${server.url}/staf/registri/impor`);
    await page.getByTestId('import-read-only').waitFor();
    const history = page.getByTestId('import-history').getByRole('row', { name: /desa-keden-salah\.csv/ });
    await history.waitFor();
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(await page.getByTestId('import-start').count()).toBe(0);
    // Problems carry the file's NIKs: they stay with those who import.
    expect(await history.getByText(/masalah/).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Riwayat impor data keluarga/);
    await shots('kadis');
    expect(errors).toEqual([]);
  }, 60_000);
});
