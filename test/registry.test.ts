import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { systemActor } from '../src/audit/audit.service.ts';
import { type Database, rows } from '../src/db/client.ts';
import { seedDemoRegister } from '../src/demo/register.ts';
import { exportBatches, writeExport } from '../src/registry/export.ts';
import { runImport } from '../src/registry/import/import.service.ts';
import { sortedByNik } from '../src/registry/import/read-phase.ts';
import { TemplateColumns } from '../src/registry/registry.columns.ts';
import { writeSyntheticRegister } from '../src/registry/synthetic.ts';
import { createTestApp, signedIn, type TestApp } from './app.ts';
import { createTestDatabase } from './db.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-registry-'));
const header =
  'No KK;NIK;Nama;Tanggal Lahir;Jenis Kelamin;Hubungan Keluarga;Kode Desa;Alamat;Desil;Status DTKS/DTSEN;Pekerjaan';
// Family A (good, but Agus appears twice), B (two heads), C (no head), D (a NIK with day 75).
const lines = [
  '3314012001240001;3314010101800001;Budi Santoso;01-01-1980;L;Kepala Keluarga;3314012001;"Dusun Krajan; Gg. 2";3;DTSEN;Petani',
  '3314012001240001;3314015708850001;Siti Aminah;17-08-1985;P;Istri;3314012001;"Dusun Krajan; Gg. 2";3;DTSEN;Mengurus Rumah Tangga',
  '3314012001240001;3314010503100001;Agus Santoso;05-03-2010;L;Anak;3314012001;"Dusun Krajan; Gg. 2";3;DTSEN;Pelajar',
  '3314012001240002;3314011212700002;Joko Widodo;12-12-1970;L;Kepala Keluarga;3314012001;Dusun Ngrompak;5;DTKS;Buruh',
  '3314012001240002;3314010202720003;Parjo;02-02-1972;L;Kepala Keluarga;3314012001;Dusun Ngrompak;5;DTKS;Buruh',
  '3314012001240003;3314015010120004;Rina;10-10-2012;P;Anak;3314012001;Dusun Tegal;;;Pelajar',
  '3314012001240004;3314017501900005;Salah Tanggal;01-01-1990;L;Kepala Keluarga;3314012001;Dusun Tegal;;;',
  '3314012001240001;3314010503100001;Agus Lagi;05-03-2010;L;Anak;3314012001;"Dusun Krajan; Gg. 2";3;DTSEN;Pelajar',
];
const write = (name: string, body: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
};

let t: TestApp;
let unitId: number;
const errorDir = path.join(dir, 'errors');
const count = async () =>
  (
    await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM registry_people WHERE village_code LIKE '33.14.%'`,
    )
  )[0]?.n;

beforeAll(async () => {
  t = await createTestApp();
  unitId =
    (await rows<{ id: number }>(t.database.db, sql`SELECT id FROM units WHERE code = 'sragen'`))[0]?.id ?? 0;
});
afterAll(async () => t?.close());

const importFile = (
  file: string,
  options: { onError: 'reject_all' | 'load_valid'; onExisting: 'skip' | 'update' | 'report' },
  thread?: 'worker' | 'main',
  batchRows?: number,
) =>
  runImport(t.database, {
    file,
    unitId,
    regionCode: '33.14',
    actor: { ...systemActor, unitId },
    options,
    errorDir,
    ...(thread ? { thread } : {}),
    ...(batchRows ? { batchRows } : {}),
  });

describe('register import', () => {
  it('rejects the whole file on any error under reject_all, and changes nothing', async () => {
    const before = await count();
    const s = await importFile(write('a.csv', `${header}\n${lines.join('\n')}\n`), {
      onError: 'reject_all',
      onExisting: 'skip',
    });
    expect(s.status).toBe('rejected');
    expect(s.loaded).toBe(0);
    expect(await count()).toBe(before);
  });

  it('reads a file the same in a worker thread as in its own thread', async () => {
    // Large files are parsed in a worker; both paths must give the same outcome and problems.
    const file = write('w.csv', `${header}\n${lines.join('\n')}\nNama;Salah\n`);
    const options = { onError: 'reject_all', onExisting: 'skip' } as const;
    const inWorker = await importFile(file, options, 'worker');
    const inThread = await importFile(file, options, 'main');
    // Rows load batch by batch; a family or a repeated NIK across batches changes nothing.
    const rowByRow = await importFile(file, options, 'main', 1);
    const { importId: _a, errorFile: fileA, seconds: _s1, ...a } = inWorker;
    const { importId: _b, errorFile: fileB, seconds: _s2, ...b } = inThread;
    const { importId: _c, errorFile: fileC, seconds: _s3, ...c } = rowByRow;
    expect(a).toEqual(b);
    expect(c).toEqual(b);
    expect(a).toMatchObject({ status: 'rejected', rowsRead: 9, rejected: 7 });
    expect(readFileSync(path.join(errorDir, fileA ?? ''), 'utf8')).toBe(
      readFileSync(path.join(errorDir, fileB ?? ''), 'utf8'),
    );
    expect(readFileSync(path.join(errorDir, fileC ?? ''), 'utf8')).toBe(
      readFileSync(path.join(errorDir, fileB ?? ''), 'utf8'),
    );
  });

  it('loads the valid rows, and reports the others by row and column in Indonesian', async () => {
    // In batches of 3 rows: a repeated NIK and a family's two heads fall in different batches,
    // so rows already loaded are taken out again.
    const s = await importFile(
      write('a.csv', `${header}\n${lines.join('\n')}\n`),
      { onError: 'load_valid', onExisting: 'skip' },
      'main',
      3,
    );
    expect(s).toMatchObject({ status: 'done', rowsRead: 8, loaded: 2, rejected: 6, familiesLoaded: 1 });
    const [left] = await rows<{ people: string; families: string }>(
      t.database.db,
      sql`SELECT (SELECT count(*) FROM registry_people) AS people, (SELECT count(*) FROM registry_families) AS families`,
    );
    expect({ people: Number(left?.people), families: Number(left?.families) }).toEqual({
      people: 2,
      families: 1,
    });
    // The first load of an empty register refreshes the planner's statistics (PGlite has no
    // autovacuum): the table is no longer "never analysed" (-1).
    const [stats] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'registry_people'::regclass`,
    );
    expect(Number(stats?.n)).toBeGreaterThanOrEqual(1);
    const errors = readFileSync(path.join(errorDir, s.errorFile ?? ''), 'utf8');
    expect(errors).toContain('baris 8, kolom NIK: tanggal lahir tidak valid (hari 35)');
    expect(errors).toContain('baris 9, kolom NIK: NIK ganda dalam berkas (juga di baris 4)');
    expect(errors).toContain('baris 4, kolom NIK: NIK ganda dalam berkas (juga di baris 9)');
    expect(errors).toContain(
      'baris 5, kolom Hubungan Keluarga: keluarga No KK 3314012001240002 punya 2 Kepala Keluarga (baris 5, 6)',
    );
    expect(errors).toContain(
      'baris 7, kolom Hubungan Keluarga: keluarga No KK 3314012001240003 tidak punya Kepala Keluarga',
    );
    // Sorted by row.
    const rowsOrder = errors
      .split('\r\n')
      .slice(1, -1)
      .map((l) => Number(l.split(';')[0]));
    expect(rowsOrder).toEqual([...rowsOrder].sort((a, b) => a - b));
    const [family] = await rows<{ address: string; decile: number }>(
      t.database.db,
      sql`SELECT address, decile FROM registry_families WHERE kk = '3314012001240001'`,
    );
    expect(family).toEqual({ address: 'Dusun Krajan; Gg. 2', decile: 3 });
    const audit = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE action = 'registry.import'`,
    );
    expect(audit.length).toBe(1);
  });

  it('is harmless to run again: skip, then update finds nothing changed, report refuses', async () => {
    const file = write('a.csv', `${header}\n${lines.join('\n')}\n`);
    const before = await count();
    expect(await importFile(file, { onError: 'load_valid', onExisting: 'skip' })).toMatchObject({
      loaded: 0,
      skipped: 2,
    });
    expect(await importFile(file, { onError: 'load_valid', onExisting: 'update' })).toMatchObject({
      loaded: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await importFile(file, { onError: 'load_valid', onExisting: 'report' })).toMatchObject({
      loaded: 0,
      rejected: 8,
    });
    expect(await count()).toBe(before);
    const versions = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM registry_person_versions`,
    );
    expect(Number(versions[0]?.n)).toBe(0);
  });

  it('updates keep the earlier state: a move between families and a changed field are in the history', async () => {
    const moved = [
      '3314012001240001;3314010101800001;Budi Santoso;01-01-1980;L;Kepala Keluarga;3314012001;"Dusun Krajan; Gg. 2";3;DTSEN;Pedagang',
      '3314012001240009;3314015708850001;Siti Aminah;17-08-1985;P;Kepala Keluarga;3314012002;Dusun Baru;2;DTSEN;Pedagang',
    ];
    const s = await importFile(write('b.csv', `${header}\n${moved.join('\n')}\n`), {
      onError: 'reject_all',
      onExisting: 'update',
    });
    expect(s).toMatchObject({ status: 'done', updated: 2, familiesLoaded: 1 });
    // Make the earlier state belong to last week, so a date shows it.
    await t.database.db.execute(
      sql`UPDATE registry_person_versions SET valid_from = valid_from - interval '30 days', valid_to = now() - interval '7 days'`,
    );
    await t.database.db.execute(
      sql`UPDATE registry_families SET valid_from = valid_from - interval '30 days' WHERE kk = '3314012001240001'`,
    );
    const fo = await signedIn(t.app, 'sragen.kabid');
    const [fam] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM registry_families WHERE kk = '3314012001240001'`,
    );
    const now = (await fo.get(`/api/registry/families/${fam?.id}`)).json();
    expect(now.members.map((m: { name: string }) => m.name)).toEqual(['Budi Santoso']);
    expect(now.kk).toBe('3314********0001');
    const kinds = now.history.map(
      (h: { name?: string; kind: string }) => `${h.name ?? 'keluarga'}:${h.kind}`,
    );
    expect(kinds).toContain('Siti Aminah:left');
    const budi = now.history.find(
      (h: { name?: string; kind: string }) => h.name === 'Budi Santoso' && h.kind === 'changed',
    );
    expect(budi.changes).toEqual([{ field: 'Pekerjaan', from: 'Petani', to: 'Pedagang' }]);
    const lastWeek = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const then = (await fo.get(`/api/registry/families/${fam?.id}?asOf=${lastWeek}`)).json();
    expect(then.members.map((m: { name: string }) => m.name).sort()).toEqual(['Budi Santoso', 'Siti Aminah']);
    // The page's totals (kept per village by the imports) agree with the register after a move.
    const [actual] = await rows<{ people: string; families: string }>(
      t.database.db,
      sql`SELECT (SELECT count(*) FROM registry_people WHERE village_code LIKE '33.14.%') AS people,
        (SELECT count(*) FROM registry_families WHERE village_code LIKE '33.14.%') AS families`,
    );
    const summary = (await fo.get('/api/registry/summary')).json();
    expect(summary.totals).toEqual({ people: Number(actual?.people), families: Number(actual?.families) });
    expect(summary.totals.people).toBeGreaterThan(0);
    const [village] = await rows<{ people: string }>(
      t.database.db,
      sql`SELECT count(*) AS people FROM registry_people WHERE village_code = '33.14.01.2002'`,
    );
    const [kept] = await rows<{ people: number }>(
      t.database.db,
      sql`SELECT people FROM registry_village_counts WHERE village_code = '33.14.01.2002'`,
    );
    expect(kept?.people).toBe(Number(village?.people));
    // A change to the family's own data only is counted as a family updated, not as nothing.
    const decile = moved[1]?.replace('Dusun Baru;2;', 'Dusun Baru;4;') ?? '';
    const familyOnly = await importFile(write('e.csv', `${header}\n${decile}\n`), {
      onError: 'reject_all',
      onExisting: 'update',
    });
    expect(familyOnly).toMatchObject({ status: 'done', updated: 0, unchanged: 1, familiesUpdated: 1 });
    expect(familyOnly.message).toContain('1 keluarga diperbarui');
  });
});

describe('register search, privacy and export', () => {
  it('finds by NIK, KK, name with a typo and village, masked, paged by keyset', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const byNik = (await kabid.get('/api/registry/people?q=3314010101800001')).json();
    expect(byNik.mode).toBe('nik');
    expect(byNik.people).toHaveLength(1);
    expect(byNik.people[0].nik).toBe('3314********0001');
    expect(JSON.stringify(byNik)).not.toContain('3314010101800001');
    const byKk = (await kabid.get('/api/registry/people?q=3314012001240009')).json();
    expect(byKk.people.map((p: { name: string }) => p.name)).toEqual(['Siti Aminah']);
    const byName = (await kabid.get(`/api/registry/people?q=${encodeURIComponent('Siti Aminha')}`)).json();
    expect(byName.people[0].name).toBe('Siti Aminah');
    const extra = [
      '3314012001240020;3314010303750020;Wahyu Prasetyo;03-03-1975;L;Kepala Keluarga;3314012001;Dusun Tegal;4;DTKS;Buruh',
      '3314012001240020;3314010404150021;Bayu Prasetyo;04-04-2015;L;Anak;3314012001;Dusun Tegal;4;DTKS;Pelajar',
      // A namesake in another village: two equal name scores, across a page boundary below.
      '3314012002240030;3314010606810030;Wahyu Prasetyo;06-06-1981;L;Kepala Keluarga;3314012002;Dusun Baru;6;DTKS;Buruh',
    ];
    await importFile(write('c.csv', `${header}\n${extra.join('\n')}\n`), {
      onError: 'reject_all',
      onExisting: 'skip',
    });
    const page1 = (await kabid.get('/api/registry/people?village=33.14.01.2001&limit=2')).json();
    expect(page1.people.map((p: { name: string }) => p.name)).toEqual(['Bayu Prasetyo', 'Budi Santoso']);
    const page2 = (
      await kabid.get(`/api/registry/people?village=33.14.01.2001&limit=2&after=${page1.next}`)
    ).json();
    expect(page2.people.map((p: { name: string }) => p.name)).toEqual(['Wahyu Prasetyo']);
    expect(page2.next).toBeUndefined();
    // Name results page by (score, id) with no row repeated or lost between pages.
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 5; i++) {
      const page = (
        await kabid.get(`/api/registry/people?q=Prasetyo&limit=1${after ? `&after=${after}` : ''}`)
      ).json();
      seen.push(...page.people.map((p: { name: string }) => p.name));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.sort()).toEqual(['Bayu Prasetyo', 'Wahyu Prasetyo', 'Wahyu Prasetyo']);
    // A name changed by an update is found by its new spelling, and no longer by the old one.
    const renamed = extra[1]?.replace('Bayu Prasetyo', 'Bayu Kurniawan Saputro') ?? '';
    await importFile(write('d.csv', `${header}\n${extra[0]}\n${renamed}\n`), {
      onError: 'reject_all',
      onExisting: 'update',
    });
    const byNewName = (
      await kabid.get(`/api/registry/people?q=${encodeURIComponent('Kurniawan Saputra')}`)
    ).json();
    expect(byNewName.people.map((p: { name: string }) => p.name)).toEqual(['Bayu Kurniawan Saputro']);
    const byOldName = (await kabid.get('/api/registry/people?q=Bayu%20Prasetyo')).json();
    expect(byOldName.people.map((p: { name: string }) => p.name)).not.toContain('Bayu Prasetyo');
    const bad = await kabid.get('/api/registry/people?q=33140101');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('NIK atau No KK harus 16 digit.');
    const short = await kabid.get('/api/registry/people?q=Bu');
    expect(short.statusCode).toBe(422);
    expect(short.json().error.message).toBe('Ketik nama minimal 3 huruf.');
  });

  it('reveals a full NIK only with the permission, and records the reason', async () => {
    const [person] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM registry_people WHERE nik = '3314010101800001'`,
    );
    const fo = await signedIn(t.app, 'sragen.fo');
    expect(
      (
        await fo.post('/api/registry/reveal', {
          kind: 'nik',
          id: person?.id,
          reason: 'cek identitas pemohon',
        })
      ).statusCode,
    ).toBe(403);
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const short = await kabid.post('/api/registry/reveal', { kind: 'nik', id: person?.id, reason: 'x' });
    expect(short.statusCode).toBe(422);
    const ok = await kabid.post('/api/registry/reveal', {
      kind: 'nik',
      id: person?.id,
      reason: 'verifikasi usulan PKH',
    });
    expect(ok.json()).toEqual({ value: '3314010101800001' });
    const audit = await rows<{ after: { reason: string } }>(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = 'registry.reveal' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit[0]?.after.reason).toBe('verifikasi usulan PKH');
    // Another unit's staff cannot see Sragen's people.
    const tarakan = await signedIn(t.app, 'tarakan.kabid');
    expect(
      (await tarakan.post('/api/registry/reveal', { kind: 'nik', id: person?.id, reason: 'ingin tahu saja' }))
        .statusCode,
    ).toBe(403);
    expect((await tarakan.get('/api/registry/people?q=3314010101800001')).json().people).toEqual([]);
  });

  it('keeps a village operator to their own village', async () => {
    const desa = await signedIn(t.app, 'sragen.desa'); // village 33.14.01.2001
    const own = (await desa.get('/api/registry/people?q=3314010101800001')).json();
    expect(own.people).toHaveLength(1);
    const other = (await desa.get('/api/registry/people?q=3314015708850001')).json(); // Siti moved to 2002
    expect(other.people).toEqual([]);
    expect((await desa.get('/api/registry/people?village=33.14.01.2002')).statusCode).toBe(403);
    const [fam] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM registry_families WHERE kk = '3314012001240009'`,
    );
    expect((await desa.get(`/api/registry/families/${fam?.id}`)).statusCode).toBe(403);
  });

  it('exports a selection in the template layout, audited, and it imports back unchanged', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    expect((await kabid.post('/api/registry/exports', { format: 'csv' })).statusCode).toBe(422);
    const ask = await kabid.post('/api/registry/exports', { format: 'csv', reason: 'kirim ke Kemensos' });
    expect(ask.statusCode).toBe(200);
    const download = await kabid.get(ask.json().url);
    expect(download.statusCode).toBe(200);
    const text = download.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(TemplateColumns.map((c) => c.header).join(','));
    expect(text).toContain('3314010101800001');
    expect((await kabid.get(ask.json().url)).statusCode).toBe(404); // once only
    const audit = await rows<{ after: { reason: string; numbers: string } }>(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = 'registry.export'`,
    );
    // A role that may reveal numbers exports them in full, and the audit entry says so.
    expect(audit.at(-1)?.after).toMatchObject({ reason: 'kirim ke Kemensos', numbers: 'full' });
    // A selection by name (with a typo) exports that person only.
    const byName: string[][] = [];
    for await (const batch of exportBatches(
      t.database.db,
      { prefix: '33.14.', village: null },
      { q: 'Siti Aminha' },
      'full',
    ))
      byName.push(...batch);
    const nameAt = TemplateColumns.findIndex((c) => c.key === 'name');
    expect(byName.map((cells) => cells[nameAt])).toEqual(['Siti Aminah']);

    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(dir, `export.${format}`);
      const out = createWriteStream(file);
      const n = await writeExport(
        exportBatches(t.database.db, { prefix: '33.14.', village: null }, {}, 'full'),
        format,
        out,
      );
      await finished(out);
      expect(n).toBe(Number(await count()));
      // In the reader's worker thread, which loads exceljs from its bundled module for a workbook.
      const again = await importFile(file, { onError: 'reject_all', onExisting: 'update' }, 'worker');
      expect(again).toMatchObject({ status: 'done', loaded: 0, updated: 0, unchanged: n, rejected: 0 });
    }
  });

  it('writes a CSV for Indonesian Excel that a spreadsheet reader keeps all 16 digits of, with real dates', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const ask = await kabid.post('/api/registry/exports', {
      format: 'csv-excel',
      reason: 'rekap untuk rapat',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const download = await kabid.get(ask.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/-excel\.csv/);
    expect(download.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // SheetJS reads the file as a spreadsheet does: guessing each cell's type from its text.
    const sheet = XLSX.read(download.rawPayload, { type: 'buffer', cellDates: true });
    const cells = sheet.Sheets[sheet.SheetNames[0] as string] as XLSX.WorkSheet;
    const table = XLSX.utils.sheet_to_json<unknown[]>(cells, { header: 1, raw: true });
    const header = table[0] as string[];
    expect(header).toEqual(TemplateColumns.map((c) => c.header));
    const col = (key: string) => TemplateColumns.findIndex((c) => c.key === key);
    const ahmad = table.find((r) => r[col('nik')] === '3314010101800001');
    expect(ahmad, 'the NIK is read back as the same 16-digit text').toBeDefined();
    const at = (key: string) => XLSX.utils.encode_cell({ r: table.indexOf(ahmad as unknown[]), c: col(key) });
    expect(cells[at('nik')]?.t).toBe('s');
    expect(cells[at('kk')]?.t).toBe('s');
    expect(String(cells[at('kk')]?.v)).toMatch(/^\d{16}$/);
    expect(cells[at('villageCode')]).toMatchObject({ t: 's', v: '33.14.01.2001' });
    // A text with the separator in it stays one cell.
    expect(cells[at('address')]?.v).toBe('Dusun Krajan; Gg. 2');
    // A date, not a text, and the right day whatever the reader's locale.
    expect(cells[at('birthDate')]?.t).toBe('d');
    const born = (
      await rows<{ birth_date: string }>(
        t.database.db,
        sql`SELECT birth_date::text AS birth_date FROM registry_people WHERE nik = '3314010101800001'`,
      )
    )[0]?.birth_date;
    expect((cells[at('birthDate')]?.v as Date | undefined)?.toISOString().slice(0, 10)).toBe(born);
    // The same data through the plain CSV: a guessing reader turns the NIK into a number.
    const plain = await kabid.post('/api/registry/exports', { format: 'csv', reason: 'rekap untuk rapat' });
    const plainSheet = XLSX.read((await kabid.get(plain.json().url)).rawPayload, { type: 'buffer' });
    const plainCells = plainSheet.Sheets[plainSheet.SheetNames[0] as string] as XLSX.WorkSheet;
    expect(plainCells[at('nik')]?.t).toBe('n');
  });

  it('masks a village operator’s CSV and XLSX export, audited as masked; the import refuses it by row', async () => {
    const desa = await signedIn(t.app, 'sragen.desa'); // no registry.reveal
    const before = await count();
    for (const format of ['csv', 'xlsx'] as const) {
      const ask = await desa.post('/api/registry/exports', {
        format,
        q: '3314010101800001',
        reason: 'rekap desa Keden',
      });
      expect(ask.statusCode, ask.body).toBe(200);
      const download = await desa.get(ask.json().url);
      expect(download.statusCode).toBe(200);
      expect(download.headers['cache-control']).toBe('no-store');
      let cells: string[][];
      if (format === 'csv') {
        cells = download.body
          .replace(/^\uFEFF/, '')
          .split('\r\n')
          .filter(Boolean)
          .map((l) => l.split(','));
      } else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
        cells = [];
        book.getWorksheet('Data')?.eachRow((row) => {
          cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
        });
      }
      // Still a file to read in the template's layout: the number columns show the mask.
      expect(cells[0]?.slice(0, 3)).toEqual(['No KK', 'NIK', 'Nama']);
      expect(cells.slice(1).map((c) => c.slice(0, 3))).toEqual([
        ['3314********0001', '3314********0001', 'Budi Santoso'],
      ]);
      expect(JSON.stringify(cells)).not.toMatch(/\d{16}/);
      // Read back, every row is refused with the reason, and the register is unchanged.
      const file = write(`masked.${format}`, '');
      writeFileSync(file, download.rawPayload);
      const again = await importFile(file, { onError: 'load_valid', onExisting: 'update' });
      expect(again).toMatchObject({ loaded: 0, updated: 0, unchanged: 0, rejected: 1 });
      const errors = readFileSync(path.join(errorDir, again.errorFile ?? ''), 'utf8');
      expect(errors).toContain(
        'baris 2, kolom NIK: NIK disamarkan (berkas ekspor tanpa hak tampil); ekspor ulang oleh petugas yang berhak melihat nomor lengkap',
      );
      expect(errors).toContain('baris 2, kolom No KK: Nomor KK disamarkan');
      expect(await count()).toBe(before);
    }
    const audit = await rows<{ after: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = 'registry.export' ORDER BY seq DESC LIMIT 2`,
    );
    // The audit entries say the numbers were masked, and keep no full NIK of the search either.
    expect(audit.map((a) => a.after)).toEqual(
      ['xlsx', 'csv'].map((format) => ({
        format,
        q: '3314********0001',
        village: '33.14.01.2001',
        numbers: 'masked',
        reason: 'rekap desa Keden',
      })),
    );
  });

  it('imports an uploaded file over HTTP with progress and history; refuses .xls and strangers', async () => {
    const desa = await signedIn(t.app, 'sragen.desa');
    const body = Buffer.from(
      `${header}\n${lines[3]}\n`.replace('3314011212700002', '3314011212700012').replace('240002', '240012'),
    );
    const started = await desa.upload(
      '/api/registry/imports?onError=load_valid&onExisting=skip',
      body,
      'desa.csv',
    );
    expect(started.statusCode).toBe(202);
    let view = (await desa.get(`/api/registry/imports/${started.json().id}`)).json();
    for (let i = 0; i < 50 && view.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await desa.get(`/api/registry/imports/${started.json().id}`)).json();
    }
    expect(view).toMatchObject({ status: 'done', loaded: 1, share: 1 });
    const history = (await desa.get('/api/registry/imports')).json();
    expect(history.imports[0].id).toBe(started.json().id);
    // A village operator sees their own imports only: a unit-wide import's problem file holds
    // other villages' NIKs.
    expect(history.imports.map((i: { id: number }) => i.id)).toEqual([started.json().id]);
    const [unitWide] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM registry_imports WHERE error_file IS NOT NULL AND user_id IS NULL ORDER BY id LIMIT 1`,
    );
    expect((await desa.get(`/api/registry/imports/${unitWide?.id}`)).statusCode).toBe(404);
    expect((await desa.get(`/api/registry/imports/${unitWide?.id}/errors`)).statusCode).toBe(404);
    const admin = await signedIn(t.app, 'admin');
    expect((await admin.get(`/api/registry/imports/${unitWide?.id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/registry/imports')).json().imports.length).toBeGreaterThan(1);
    const xls = await desa.upload(
      '/api/registry/imports',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
      'lama.xls',
    );
    expect(xls.statusCode).toBe(415);
    const auditor = await signedIn(t.app, 'sragen.auditor');
    expect((await auditor.upload('/api/registry/imports', body, 'x.csv')).statusCode).toBe(403);
    expect((await auditor.get('/api/registry/people?q=Budi')).statusCode).toBe(403);
    const template = await desa.get('/api/registry/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('a family that is partly new', () => {
  it('moves a registered person into a new family beside a new member, batch by batch', async () => {
    // Siti is in the register; her new KK is not; her daughter is new. Read a row per batch:
    // Siti's row waits for the policy, the daughter's loads at once and makes the family.
    const rowsOf = [
      '3314012001240077;3314015708850001;Siti Aminah;17-08-1985;P;Kepala Keluarga;3314012001;Dusun Baru Lor;2;DTSEN;Pedagang',
      '3314012001240077;3314014107150077;Putri Aminah;01-07-2015;P;Anak;3314012001;Dusun Baru Lor;2;DTSEN;Pelajar',
    ];
    const s = await importFile(
      write('f.csv', `${header}\n${rowsOf.join('\n')}\n`),
      { onError: 'reject_all', onExisting: 'update' },
      'main',
      1,
    );
    expect(s).toMatchObject({ status: 'done', loaded: 1, updated: 1, familiesLoaded: 1, rejected: 0 });
    // Her old family (not in the file) is left with nobody: said as a warning, not refused.
    expect(s.warnings).toBe(1);
    expect(readFileSync(path.join(errorDir, s.errorFile ?? ''), 'utf8')).toContain(
      'baris 2, kolom No KK: pindah dari No KK 3314012001240009, yang kini tidak punya anggota lagi',
    );
    const members = await rows<{ name: string; relationship: string }>(
      t.database.db,
      sql`SELECT p.name, p.relationship FROM registry_people p JOIN registry_families f ON f.id = p.family_id
        WHERE f.kk = '3314012001240077' ORDER BY p.name`,
    );
    expect(members).toEqual([
      { name: 'Putri Aminah', relationship: 'anak' },
      { name: 'Siti Aminah', relationship: 'kepala_keluarga' },
    ]);
    // The same file again changes nothing.
    const again = await importFile(
      write('f.csv', `${header}\n${rowsOf.join('\n')}\n`),
      { onError: 'reject_all', onExisting: 'update' },
      'main',
      1,
    );
    expect(again).toMatchObject({ status: 'done', loaded: 0, updated: 0, unchanged: 2, familiesLoaded: 0 });
    // A move refused by a check (the new family would have two heads) moves nobody and warns
    // of nothing about the family left behind.
    const refusedMove = [
      '3314012001240111;3314010101800001;Budi Santoso;01-01-1980;L;Kepala Keluarga;3314012001;Dusun Krajan;3;DTSEN;Pedagang',
      '3314012001240111;3314010303700111;Slamet Riyadi;03-03-1970;L;Kepala Keluarga;3314012001;Dusun Krajan;3;DTSEN;Petani',
    ];
    const twoHeads = await importFile(write('j.csv', `${header}\n${refusedMove.join('\n')}\n`), {
      onError: 'load_valid',
      onExisting: 'update',
    });
    expect(twoHeads).toMatchObject({ status: 'done', updated: 0, rejected: 2, warnings: 0 });
    const [budi] = await rows<{ kk: string }>(
      t.database.db,
      sql`SELECT f.kk FROM registry_people p JOIN registry_families f ON f.id = p.family_id
        WHERE p.nik = '3314010101800001'`,
    );
    expect(budi?.kk).toBe('3314012001240001');
    // The head moves on alone; her daughter stays in a family without a head: a warning.
    const alone = rowsOf[0]?.replace('3314012001240077', '3314012001240088') ?? '';
    const moved = await importFile(write('g.csv', `${header}\n${alone}\n`), {
      onError: 'reject_all',
      onExisting: 'update',
    });
    expect(moved).toMatchObject({ status: 'done', updated: 1, warnings: 1 });
    expect(readFileSync(path.join(errorDir, moved.errorFile ?? ''), 'utf8')).toContain(
      'Kepala Keluarga pindah dari No KK 3314012001240077, yang kini tidak punya Kepala Keluarga',
    );
    // A new KK whose only row is a registered person, under "skip": the family made for it
    // while reading is taken out again, and nothing is counted as loaded.
    const skipped = await importFile(
      write('h.csv', `${header}\n${alone.replace('3314012001240088', '3314012001240099')}\n`),
      { onError: 'reject_all', onExisting: 'skip' },
    );
    expect(skipped).toMatchObject({ status: 'done', loaded: 0, skipped: 1, familiesLoaded: 0 });
    const [made] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM registry_families WHERE kk = '3314012001240099'`,
    );
    expect(Number(made?.n)).toBe(0);
  });
});

describe('a header with extra columns', () => {
  it('loads the rows and warns of a column it does not know and of one given twice', async () => {
    const extraHeader = `${header};Catatan;Nama`;
    const row =
      '3314012001240101;3314010202900101;Hadi Susilo;02-02-1990;L;Kepala Keluarga;3314012001;Dusun Krajan;4;DTKS;Petani;pindahan;Hadi S';
    const s = await importFile(write('i.csv', `${extraHeader}\n${row}\n`), {
      onError: 'reject_all',
      onExisting: 'skip',
    });
    expect(s).toMatchObject({ status: 'done', loaded: 1, warnings: 2, rejected: 0 });
    // As the CSV has them: quotes inside a field are doubled.
    const problemsText = readFileSync(path.join(errorDir, s.errorFile ?? ''), 'utf8');
    expect(problemsText).toContain('baris 1, kolom Catatan: kolom ""Catatan"" tidak dikenal dan diabaikan');
    expect(problemsText).toContain(
      'baris 1, kolom Nama: kolom ""Nama"" muncul dua kali; yang kedua diabaikan',
    );
    const [hadi] = await rows<{ name: string }>(
      t.database.db,
      sql`SELECT name FROM registry_people WHERE nik = '3314010202900101'`,
    );
    expect(hadi?.name).toBe('Hadi Susilo');
  });
});

// Two imports never merge at once; on PostgreSQL the second waits for the first, and says so.
describe.runIf(process.env.DATABASE_URL)('an import while another holds the register', () => {
  it('waits with its heartbeat going, then runs', async () => {
    const pool = t.database.pool;
    if (!pool) throw new Error('PostgreSQL pool expected');
    const other = await pool.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock(7238101)');
    const file = write(
      'h.csv',
      `${header}\n${lines[5]?.replace('3314012001240003', '3314012001240099').replace('Anak', 'Kepala Keluarga')}\n`,
    );
    const running = importFile(file, { onError: 'reject_all', onExisting: 'skip' });
    await new Promise((r) => setTimeout(r, 1500));
    const [waiting] = await rows<{ status: string; phase: string; heartbeat_age: number }>(
      t.database.db,
      sql`SELECT status, phase, extract(epoch FROM now() - heartbeat_at)::float8 AS heartbeat_age
        FROM registry_imports ORDER BY id DESC LIMIT 1`,
    );
    expect(waiting).toMatchObject({ status: 'running', phase: 'menunggu' });
    expect(waiting?.heartbeat_age).toBeLessThan(1.5);
    await other.query('COMMIT');
    other.release();
    expect(await running).toMatchObject({ status: 'done', loaded: 1 });
  });
});

describe('a first load into an empty register', () => {
  it('gives the register the same rows as the general path, batch by batch', async () => {
    // A first load skips the lookups of NIKs (none can be there yet); the same file into a
    // register that holds one unrelated family goes through them. Small batches split
    // families; the synthetic file has duplicate NIKs, families without one head and bad rows.
    const file = path.join(dir, 'first.csv');
    await writeSyntheticRegister(file, { people: 400, badShare: 0.06, seed: 31 });
    const other = write(
      'other.csv',
      `${header}\n3314012001249999;3314010101609999;Lain Orang;01-01-1960;L;Kepala Keluarga;3314012001;Dusun Lain;4;DTKS;Petani\n`,
    );
    const load = async (database: Database, f: string) => {
      const [unit] = await rows<{ id: number }>(database.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
      return runImport(database, {
        file: f,
        unitId: unit?.id ?? 0,
        regionCode: '33.14',
        actor: systemActor,
        options: { onError: 'load_valid', onExisting: 'skip' },
        errorDir,
        thread: 'main',
        batchRows: 7,
      });
    };
    const register = (database: Database) =>
      rows<Record<string, unknown>>(
        database.db,
        sql`SELECT p.nik, f.kk, p.name, p.relationship, p.birth_date::text, f.village_code, f.decile
          FROM registry_people p JOIN registry_families f ON f.id = p.family_id
          WHERE f.kk <> '3314012001249999' ORDER BY p.nik`,
      );
    const empty = await createTestDatabase();
    const general = await createTestDatabase();
    try {
      expect(await load(general, other)).toMatchObject({ status: 'done', loaded: 1 });
      const first = await load(empty, file);
      const second = await load(general, file);
      const { importId: _a, errorFile: fileA, seconds: _s1, ...a } = first;
      const { importId: _b, errorFile: fileB, seconds: _s2, ...b } = second;
      expect(a).toEqual(b);
      expect(a.loaded).toBeGreaterThan(300);
      expect(a.rejected).toBeGreaterThan(10);
      expect(readFileSync(path.join(errorDir, fileA ?? ''), 'utf8')).toBe(
        readFileSync(path.join(errorDir, fileB ?? ''), 'utf8'),
      );
      const inEmpty = await register(empty);
      expect(inEmpty).toHaveLength(a.loaded);
      expect(inEmpty).toEqual(await register(general));
      // No family without members was left behind by either.
      for (const database of [empty, general]) {
        const [orphans] = await rows<{ n: string }>(
          database.db,
          sql`SELECT count(*) AS n FROM registry_families f
            WHERE NOT EXISTS (SELECT 1 FROM registry_people p WHERE p.family_id = f.id)`,
        );
        expect(Number(orphans?.n)).toBe(0);
      }
      // The two paths were taken: the first load numbers people in the file's order, the general
      // path inserts each batch in NIK order.
      const fileOrder = readFileSync(file, 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]);
      const byId = async (database: Database) => {
        const ids = await rows<{ nik: string }>(
          database.db,
          sql`SELECT nik FROM registry_people WHERE nik <> '3314010101609999' ORDER BY id`,
        );
        return ids.map((r) => r.nik);
      };
      const loadedInFileOrder = fileOrder.filter((nik) => inEmpty.some((r) => r.nik === nik));
      expect(await byId(empty)).toEqual(loadedInFileOrder);
      expect(await byId(general)).not.toEqual(loadedInFileOrder);
      // The sequences were moved past the ids the first load took: the next import goes in.
      expect(await load(empty, other)).toMatchObject({ status: 'done', loaded: 1, familiesLoaded: 1 });
    } finally {
      await empty.close();
      await general.close();
    }
  });
});

describe('a first load in NIK order', () => {
  it('moves whole COPY lines into NIK order, whatever their length', () => {
    const lines = [
      '7\t3314015708850001\t1\tSiti\n',
      '8\t3314010101800001\t1\tBudi Santoso bin Slamet\n',
      '9\t3314019912999999\t2\t\\N\n',
      '10\t3314010101800000\t2\tA\n',
    ];
    const sorted = new TextDecoder().decode(sortedByNik(new TextEncoder().encode(lines.join(''))));
    expect(sorted).toBe([lines[3], lines[1], lines[0], lines[2]].join(''));
    expect(sortedByNik(new Uint8Array(0))).toHaveLength(0);
  });
});

describe('the demo register', () => {
  it('is imported once, with the demo accounts, on a register that never had an import', async () => {
    const database = await createTestDatabase();
    try {
      // A start that made no demo accounts (they were there already) leaves the register alone.
      expect(await seedDemoRegister(database, { errorDir, accountsMade: 0 })).toBe(0);
      const [none] = await rows<{ n: string }>(database.db, sql`SELECT count(*) AS n FROM registry_imports`);
      expect(Number(none?.n)).toBe(0);
      expect(await seedDemoRegister(database, { errorDir, accountsMade: 7 })).toBe(2_000);
      expect(await seedDemoRegister(database, { errorDir, accountsMade: 7 })).toBe(0);
      const [r] = await rows<{ people: string; families: string; keden: string; imports: string }>(
        database.db,
        sql`SELECT (SELECT count(*) FROM registry_people) AS people, (SELECT count(*) FROM registry_families) AS families,
          (SELECT count(*) FROM registry_people WHERE village_code = '33.14.01.2001') AS keden,
          (SELECT string_agg(file_name || ':' || status, ',') FROM registry_imports) AS imports`,
      );
      expect(Number(r?.people)).toBe(2_000);
      expect(Number(r?.families)).toBeGreaterThan(400);
      // The demo village operator's village has families to show.
      expect(Number(r?.keden)).toBeGreaterThan(50);
      expect(r?.imports).toBe('contoh-register-sragen.csv:done');
    } finally {
      await database.close();
    }
  });
});

describe('the progress of an upload', () => {
  it('is followed under the upload key while the import holds the database', async () => {
    // On the embedded engine the import's transaction holds the database, so the record (and
    // any signed-in request) answers only at the end; the key from the upload's answer reads
    // the progress from the server's memory meanwhile.
    const app = await createTestApp();
    try {
      const file = path.join(dir, 'live.csv');
      await writeSyntheticRegister(file, { people: 40_000, seed: 41 });
      const admin = await signedIn(app.app, 'admin');
      const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
      // A register that has rows already: the import stages and merges batch by batch.
      const [unit] = await rows<{ id: number }>(
        app.database.db,
        sql`SELECT id FROM units WHERE code = 'sragen'`,
      );
      await runImport(app.database, {
        file: write('satu.csv', `${header}\n${lines[0]}\n`),
        unitId: unit?.id ?? 0,
        regionCode: '33.14',
        actor: systemActor,
        options: { onError: 'load_valid', onExisting: 'skip' },
        errorDir,
      });
      const started = await admin.upload(
        '/api/registry/imports?onError=load_valid&onExisting=skip',
        readFileSync(file),
        'besar.csv',
      );
      expect(started.statusCode).toBe(202);
      const { id, key } = started.json();
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      const seen: Array<{ status: string; phase: string; rowsRead: number; share: number }> = [];
      let wrongKeyMidway = 0;
      for (let i = 0; i < 600; i++) {
        // Over a socket, with the session cookie, as the page asks: the answer must not wait for
        // the session's lookup nor for the import's statements to run out.
        const res = await fetch(`${address}/api/registry/imports/${id}/live?key=${key}`, {
          headers: { cookie: admin.cookieHeader() },
        });
        if (res.status === 204) break;
        const now = await res.json();
        // While it runs, another key reads nothing.
        if (!seen.some((s) => s.rowsRead > 0) && now.rowsRead > 0 && now.rowsRead < 40_000)
          wrongKeyMidway = (
            await fetch(`${address}/api/registry/imports/${id}/live?key=${'0'.repeat(32)}`, {
              headers: { cookie: admin.cookieHeader() },
            })
          ).status;
        seen.push(now);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(wrongKeyMidway).toBe(204);
      // The counts only grow.
      const counts = seen.map((s) => s.rowsRead);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      for (const hidden of ['userId', 'unitId', 'errorFile', 'fileSha256'])
        expect(seen[0]).not.toHaveProperty(hidden);
      const midway = seen.filter((s) => s.rowsRead > 0 && s.rowsRead < 40_000);
      expect(midway.length).toBeGreaterThan(0);
      expect(midway.every((s) => s.status === 'running' && s.share < 1)).toBe(true);
      expect(seen.map((s) => s.phase)).toContain('membaca');
      expect(seen[0]).not.toHaveProperty('userId');
      expect(seen[0]).toMatchObject({ fileName: 'besar.csv', onError: 'load_valid' });
      // Ended: nothing live any more, whatever the key; the record has the summary.
      const other = '0'.repeat(32);
      expect(
        (await app.app.inject({ url: `/api/registry/imports/${id}/live?key=${other}` })).statusCode,
      ).toBe(204);
      let record = (await admin.get(`/api/registry/imports/${id}`)).json();
      for (let i = 0; i < 100 && record.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        record = (await admin.get(`/api/registry/imports/${id}`)).json();
      }
      expect(record).toMatchObject({ status: 'done', rowsRead: 40_000 });
      expect(record.loaded).toBeGreaterThan(39_990);
      expect((await app.app.inject({ url: `/api/registry/imports/${id}/live?key=nope` })).statusCode).toBe(
        422,
      );
    } finally {
      await app.close();
    }
  });
});
