import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../src/core/nik.ts';
import { csvLine } from '../../src/registry/csv.ts';
import {
  artifacts,
  launchBrowser,
  type Server,
  signIn as signInAs,
  startServer,
  watchErrors,
} from './harness.ts';

/*
 * A small register file, built from its parts so that every NIK agrees with its holder's
 * birth date, sex and district (DOMAIN.md §5): three families in three Sragen villages, and
 * two rows the import must refuse.
 */
interface Person {
  name: string;
  birth: string;
  sex: 'L' | 'P';
  relationship: string;
  /** Given only for a deliberately wrong NIK; otherwise derived. */
  nik?: string;
}
interface Family {
  kk: string;
  village: string;
  address: string;
  decile: string;
  status: string;
  members: Person[];
}

/** NIK: province, regency, district (6) + DDMMYY of birth (day +40 for women) + serial (4). */
const nikOf = (kk: string, p: Person, serial: number) =>
  composeNik(kk.slice(0, 6), p.birth, p.sex === 'P', serial);
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

const keden: Family = {
  kk: '3314012001240001',
  village: '33.14.01.2001', // Keden, Kalijambe: the demo village operator's
  address: 'Dusun Krajan',
  decile: '3',
  status: 'DTKS',
  members: [
    { name: 'Budi Santoso', birth: '1980-01-01', sex: 'L', relationship: 'Kepala Keluarga' },
    { name: 'Siti Aminah', birth: '1985-08-17', sex: 'P', relationship: 'Istri' },
    { name: 'Agus Santoso', birth: '2010-03-05', sex: 'L', relationship: 'Anak' },
    { name: 'Dewi Santoso', birth: '2015-06-04', sex: 'P', relationship: 'Anak' },
  ],
};
const karangwaru: Family = {
  kk: '3314022001240002',
  village: '33.14.02.2001', // Karangwaru, Plupuh
  address: 'Dusun Ngasem',
  decile: '5',
  status: 'DTKS',
  members: [
    { name: 'Sukardi Wiryo', birth: '1970-12-12', sex: 'L', relationship: 'Kepala Keluarga' },
    { name: 'Sumarni', birth: '1972-02-15', sex: 'P', relationship: 'Istri' },
    { name: 'Rizki Pratama', birth: '1999-09-09', sex: 'L', relationship: 'Anak' },
  ],
};
const trobayan: Family = {
  kk: '3314012001240003',
  village: '33.14.01.2002', // Trobayan, Kalijambe
  address: 'Dusun Tegalsari',
  decile: '',
  status: 'Tidak Terdaftar',
  members: [
    { name: 'Wahyu Hidayat', birth: '1965-03-23', sex: 'L', relationship: 'Kepala Keluarga' },
    { name: 'Endang Lestari', birth: '1968-07-21', sex: 'P', relationship: 'Istri' },
    { name: 'Bayu Hidayat', birth: '1992-10-10', sex: 'L', relationship: 'Anak' },
  ],
};
// Day 75 − 40 = 35: no date.
const badDay: Family = {
  ...keden,
  kk: '3314012001240004',
  members: [
    {
      name: 'Salah Tanggal',
      birth: '1990-01-01',
      sex: 'L',
      relationship: 'Kepala Keluarga',
      nik: '3314017501900005',
    },
  ],
};
// A village of Surakarta, outside the office's regency.
const badVillage: Family = {
  ...keden,
  kk: '3372011001240005',
  village: '33.72.01.1001',
  members: [{ name: 'Salah Desa', birth: '1970-01-01', sex: 'L', relationship: 'Kepala Keluarga' }],
};

const header = [
  'No KK',
  'NIK',
  'Nama',
  'Tanggal Lahir',
  'Jenis Kelamin',
  'Hubungan Keluarga',
  'Kode Desa',
  'Alamat',
  'Desil',
  'Status DTKS/DTSEN',
];
const families = [keden, karangwaru, trobayan];
const rows = [keden, badDay, karangwaru, badVillage, trobayan].flatMap((f, i) =>
  f.members.map((p, j) => ({
    ...p,
    family: f,
    nik: p.nik ?? nikOf(f.kk, p, (i + 1) * 10 + j),
  })),
);
const cellsOf = (r: (typeof rows)[number], f: Family = r.family) => [
  f.kk,
  r.nik,
  r.name,
  dmy(r.birth),
  r.sex,
  r.relationship,
  f.village,
  f.address,
  f.decile,
  f.status,
];
const people = rows.filter((r) => families.includes(r.family));
const person = (name: string) => {
  const p = rows.find((r) => r.name === name);
  if (!p) throw new Error(`no ${name} in the file`);
  return p;
};
/** The spreadsheet row of a person: the header is row 1. */
const rowNumber = (name: string) => rows.indexOf(person(name)) + 2;
const masked = (n: string) => `${n.slice(0, 4)}********${n.slice(-4)}`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-registry-'));
const writeCsv = (name: string, lines: string[][]) => {
  const file = path.join(tmp, name);
  writeFileSync(file, [header, ...lines].map(csvLine).join(''));
  return file;
};
const registerFile = writeCsv(
  'register-sragen.csv',
  rows.map((r) => cellsOf(r)),
);
// The Keden family again, ranked a decile lower and moved to DTSEN.
const updatedKeden = { ...keden, decile: '2', status: 'DTSEN' };
const updateFile = writeCsv(
  'pemutakhiran-keden.csv',
  rows.filter((r) => r.family === keden).map((r) => cellsOf(r, updatedKeden)),
);

const readDownload = async (download: Promise<Download>) =>
  readFileSync((await (await download).path()) ?? '', 'utf8');

describe('Family register: import a file, find a family, see a full NIK only with a reason', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let kedenUrl = '';
  let karangwaruUrl = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInAs(page, server.url, username);
  /** Waits for Mantine's transitions (modals fading) so a screenshot shows the page at rest. */
  const settle = () =>
    page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const shot = async (name: string) => {
    await settle();
    await page.screenshot({ path: path.join(artifacts, `registry-${name}.png`), fullPage: true });
  };
  /** Types into the search box, presses Cari and waits for the server's answer. */
  async function search(q: string) {
    await page.getByTestId('registry-q').fill(q);
    const answer = page.waitForResponse((r) => r.url().includes('/api/registry/people?'));
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await answer;
  }
  const texts = (table: string, column: number) =>
    page.getByTestId(table).locator(`tbody tr td:nth-child(${column})`).allInnerTexts();

  async function importFile(file: string, policy: { onError: string; onExisting: string }) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles(file);
    await page.getByLabel(policy.onError).check();
    await page.getByLabel(policy.onExisting).check();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-progress').getByText(path.basename(file)).waitFor();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    return page.getByTestId('import-progress').innerText();
  }

  it('the administrator imports the file: valid rows loaded, the others reported by row and column', async () => {
    await signIn('admin');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Impor Data Keluarga').click();
    await page.waitForURL(`${server.url}/staf/registri/impor`);
    await page.getByText('Belum ada impor.').waitFor();

    const template = readDownload(page.waitForEvent('download'));
    await page.getByRole('link', { name: 'CSV', exact: true }).click();
    expect((await template).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(
      /^No KK,NIK,Nama,Tempat Lahir,Tanggal Lahir,/,
    );

    const summary = await importFile(registerFile, {
      onError: 'muat baris yang benar, laporkan sisanya',
      onExisting: 'lewati',
    });
    expect(await page.getByTestId('import-status').innerText()).toMatch(/^selesai$/i);
    expect(summary).toContain(`${rows.length} baris dibaca`);
    expect(summary).toContain(`Dimuat ${people.length} · diperbarui 0 · tetap 0 · dilewati 0 · ditolak 2`);
    await shot('import');

    const problems = readDownload(page.waitForEvent('download'));
    await page.getByTestId('error-file').click();
    const lines = (await problems).split('\r\n');
    expect(lines).toContainEqual(
      expect.stringContaining(
        `baris ${rowNumber('Salah Tanggal')}, kolom NIK: tanggal lahir tidak valid (hari 35)`,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `baris ${rowNumber('Salah Desa')}, kolom Kode Desa: desa \\S+ \\(33\\.72\\.01\\.1001\\) di luar wilayah`,
        ),
      ),
    );

    const history = page.getByTestId('import-history').getByRole('row', { name: /register-sragen\.csv/ });
    await history.waitFor();
    // Read, loaded, updated, unchanged, skipped, rejected.
    expect(await history.innerText()).toMatch(
      new RegExp(`selesai\\s+${rows.length}\\s+${people.length}\\s+0\\s+0\\s+0\\s+2\\s+masalah`, 'i'),
    );
    expect(errors).toEqual([]);
  });

  it('a second file updates a family; the history of imports lists both', async () => {
    const summary = await importFile(updateFile, {
      onError: 'tolak seluruh berkas',
      onExisting: 'perbarui (riwayat disimpan)',
    });
    // The people are as they were; only their family's data changed.
    const n = keden.members.length;
    expect(summary).toContain(`Dimuat 0 · diperbarui 0 · tetap ${n} · dilewati 0 · ditolak 0`);
    expect(await page.getByTestId('error-file').count()).toBe(0);
    const second = page.getByTestId('import-history').getByRole('row', { name: /pemutakhiran-keden\.csv/ });
    await second.waitFor();
    expect(await second.innerText()).toMatch(
      new RegExp(`selesai\\s+${n}\\s+0\\s+0\\s+${n}\\s+0\\s+0\\s*$`, 'i'),
    );
    expect(await texts('import-history', 2)).toEqual(['pemutakhiran-keden.csv', 'register-sragen.csv']);
    await shot('import-update');
    expect(errors).toEqual([]);
  });

  it('an officer finds people by a misspelt name, by village and by KK number; numbers stay masked', async () => {
    await signIn('sragen.fungsional');
    await page.getByRole('navigation', { name: 'menu' }).getByText('Data Keluarga (DTKS/DTSEN)').click();
    await page.waitForURL(`${server.url}/staf/registri`);
    expect(await page.getByTestId('registry-totals').innerText()).toBe(
      `${people.length} orang dalam ${families.length} keluarga`,
    );
    const results = page.getByTestId('registry-results');

    // Too short to search: said at once, in words.
    await page.getByTestId('registry-q').fill('Su');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Tulis minimal 3 huruf nama.');

    await search('Sukadi Wiryo');
    const sukardi = person('Sukardi Wiryo');
    const row = results.getByRole('row', { name: /Sukardi Wiryo/ });
    await row.waitFor();
    expect(await row.getByText(masked(sukardi.nik), { exact: true }).count()).toBe(1);
    expect(await row.innerText()).toContain('Karangwaru');
    expect(await page.getByRole('alert').count()).toBe(0);
    karangwaruUrl = `${server.url}${await row.getByRole('link').getAttribute('href')}`;
    await shot('search');

    await page.getByTestId('registry-q').fill('');
    await page.getByTestId('registry-village').fill('Troba');
    await page.getByRole('option', { name: 'Trobayan (Kalijambe)' }).click();
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await results.getByText('Wahyu Hidayat').waitFor();
    expect((await texts('registry-results', 2)).sort()).toEqual([
      'Bayu Hidayat',
      'Endang Lestari',
      'Wahyu Hidayat',
    ]);

    // Back to all villages: a KK number lists the whole family.
    await page.getByRole('button', { name: 'Semua desa' }).click();
    await search(keden.kk);
    await results.getByText('Dewi Santoso').waitFor();
    expect((await texts('registry-results', 2)).sort()).toEqual([
      'Agus Santoso',
      'Budi Santoso',
      'Dewi Santoso',
      'Siti Aminah',
    ]);
    expect(await texts('registry-results', 7)).toEqual(Array(4).fill(masked(keden.kk)));
    // No full NIK anywhere in the page; the full KK number only in the search box.
    const html = await page.content();
    expect(people.filter((p) => html.includes(p.nik)).map((p) => p.name)).toEqual([]);
    expect((await results.innerText()).includes(keden.kk)).toBe(false);

    // The export of this search carries the full numbers, and asks why.
    await page.getByRole('button', { name: 'Ekspor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ekspor data register' });
    await dialog.getByLabel('CSV templat impor').check();
    await dialog.getByLabel('Alasan (dicatat di jejak audit)').fill('verifikasi usulan PKH');
    const exported = readDownload(page.waitForEvent('download'));
    await dialog.getByRole('button', { name: 'Lanjutkan' }).click();
    const exportText = await exported;
    for (const p of people) expect(exportText.includes(p.nik), p.name).toBe(p.family === keden);

    await results.getByRole('link', { name: 'Budi Santoso' }).click();
    await page.waitForURL(/\/staf\/registri\/keluarga\/\d+$/);
    kedenUrl = page.url();
    expect(errors).toEqual([]);
  });

  it('the family page lists the members; a full NIK is shown only with a reason; the history shows the changes', async () => {
    await page.getByTestId('family-members').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Keluarga Budi Santoso');
    expect(await texts('family-members', 2)).toEqual([
      'Budi Santoso',
      'Siti Aminah',
      'Agus Santoso',
      'Dewi Santoso',
    ]);
    expect(await texts('family-members', 5)).toContain('1 Januari 1980');
    const siti = person('Siti Aminah');
    const nik = page.getByTestId('family-members').getByText(masked(siti.nik), { exact: true });
    expect(await nik.count()).toBe(1);
    const personId = Number((await nik.getAttribute('data-testid'))?.replace('nik-', ''));

    // Asked without a reason, the server refuses and does not answer the number.
    const refused = await page.evaluate(async (id) => {
      const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const res = await fetch('/api/registry/reveal', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, 'accept-language': 'id' },
        body: JSON.stringify({ kind: 'nik', id, reason: '' }),
      });
      return { status: res.status, body: await res.text() };
    }, personId);
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('alasan minimal 5 karakter');
    expect(refused.body).not.toContain(siti.nik);

    // In the page, the dialog does not go on without one.
    const sitiRow = page.getByTestId('family-members').getByRole('row', { name: /Siti Aminah/ });
    await sitiRow.getByRole('button', { name: 'Tampilkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tampilkan NIK lengkap' });
    const go = dialog.getByRole('button', { name: 'Lanjutkan' });
    expect(await go.isDisabled()).toBe(true);
    await dialog.getByLabel('Alasan (dicatat di jejak audit)').fill('    ');
    expect(await go.isDisabled()).toBe(true);
    expect(await dialog.innerText()).toContain('minimal 5 karakter');
    await shot('reveal-dialog');
    await dialog.getByLabel('Alasan (dicatat di jejak audit)').fill('verifikasi usulan PKH');
    await go.click();
    await page.getByTestId(`nik-${personId}`).getByText(siti.nik, { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const shown = await page.content();
    expect(people.filter((p) => shown.includes(p.nik)).map((p) => p.name)).toEqual(['Siti Aminah']);

    const history = await page.getByTestId('family-history').innerText();
    expect(history).toContain('Data keluarga tercatat');
    expect(history).toContain('Siti Aminah tercatat');
    expect(history).toContain('Data keluarga diubah');
    expect(history).toContain('Desil: 3 → 2');
    expect(history).toContain('Status DTKS/DTSEN: DTKS → DTSEN');
    await shot('family');

    // Before the family was recorded.
    await page.getByTestId('as-of').fill('2020-01-01');
    await page.getByText('Keluarga ini belum tercatat pada 1 Januari 2020.').waitFor();
    expect(await page.getByTestId('family-members').locator('tbody tr').count()).toBe(0);
    await page.getByTestId('as-of').fill('');
    await page.getByTestId('family-members').getByText('Dewi Santoso').waitFor();
    expect(errors).toEqual([]);
  });

  it('a village operator sees only the own village', async () => {
    await signIn('sragen.desa');
    await page.goto(`${server.url}/staf/registri`);
    expect(await page.getByTestId('registry-totals').innerText()).toBe(
      `${keden.members.length} orang dalam 1 keluarga · Desa Keden`,
    );
    expect(await page.getByTestId('registry-village').count()).toBe(0);
    for (const q of ['Sukardi Wiryo', karangwaru.kk]) {
      await search(q);
      await page.getByText('Tidak ada yang cocok.').waitFor();
      expect(await page.getByTestId('registry-results').count(), q).toBe(0);
    }
    await search('Budi Santoso');
    await page.getByTestId('registry-results').getByText('Budi Santoso').waitFor();
    await shot('village-operator');

    await page.goto(karangwaruUrl);
    expect(await page.getByRole('alert').innerText()).toContain('Data ini di luar desa Anda.');
    expect(await page.getByText('Sukardi Wiryo').count()).toBe(0);
    await page.goto(kedenUrl);
    await page.getByTestId('family-members').waitFor();
    // No reveal permission: no button to ask for one.
    expect(await page.getByRole('button', { name: 'Tampilkan' }).count()).toBe(0);

    // Nor full numbers in the operator's export, as its dialog says before.
    await page.goto(`${server.url}/staf/registri`);
    await search('Budi Santoso');
    await page.getByTestId('registry-results').getByText('Budi Santoso').waitFor();
    await page.getByRole('button', { name: 'Ekspor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ekspor data register' });
    expect(await dialog.innerText()).toContain('NIK dan No KK disamarkan');
    await dialog.getByLabel('CSV templat impor').check();
    await dialog.getByLabel('Alasan (dicatat di jejak audit)').fill('rekap desa Keden');
    const exported = readDownload(page.waitForEvent('download'));
    await dialog.getByRole('button', { name: 'Lanjutkan' }).click();
    const exportText = await exported;
    expect(exportText).toContain(`${masked(keden.kk)},${masked(person('Budi Santoso').nik)},Budi Santoso`);
    expect(people.filter((p) => exportText.includes(p.nik)).map((p) => p.name)).toEqual([]);
    expect(exportText.includes(keden.kk)).toBe(false);
    await page.goto(kedenUrl);
    await page.getByTestId('family-members').waitFor();
    expect(errors).toEqual([]);
  });

  it('reads in English after the language switch', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByText(`Members (${keden.members.length})`).waitFor();
    const members = await page.getByTestId('family-members').innerText();
    expect(members).toContain('Head of family');
    expect(members).toContain('Wife');
    expect(members).not.toContain('Kepala Keluarga');
    await shot('family-en');
    await page.getByRole('link', { name: '← Back to search' }).click();
    expect(await page.getByTestId('registry-totals').innerText()).toBe(
      '4 people in 1 family · Village Keden',
    );
    await page.getByTestId('lang-switch').getByText('ID').click();
    await page.getByText('4 orang dalam 1 keluarga · Desa Keden').waitFor();
    expect(errors).toEqual([]);
  });
});
