import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * An import's problems as the village operator meets them: the first ones on the import's own
 * record (row, column, message), and the whole list as a file Indonesian Excel opens by
 * double-click (`;`-separated CSV with a BOM) or as XLSX with the numbers kept as text.
 */
const header = 'No KK;NIK;Nama;Tanggal Lahir;Jenis Kelamin;Hubungan Keluarga;Kode Desa;Alamat';
// 60 heads of family whose NIK has day 75 (a woman's 35th): one problem each, in the NIK column.
const badNik = (i: number) => `33140175019000${String(i + 1).padStart(2, '0')}`;
const lines = [
  '3314012001249001;3314010101800091;Budi Benar;01-01-1980;L;Kepala Keluarga;3314012001;Dusun Krajan',
  ...Array.from(
    { length: 60 },
    (_, i) =>
      `33140120012480${String(i).padStart(2, '0')};${badNik(i)};Salah ${i};01-01-1990;L;Kepala Keluarga;3314012001;Dusun Tegal`,
  ),
];

let t: TestApp;
let importId = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('an import’s problems', () => {
  it('come back on the import’s record, the first 50 of all, each with row, column and message', async () => {
    const desa = await signedIn(t.app, 'sragen.desa');
    const started = await desa.upload(
      '/api/registry/imports?onError=load_valid&onExisting=skip',
      Buffer.from(`${header}\n${lines.join('\n')}\n`),
      'desa-salah.csv',
    );
    expect(started.statusCode, started.body).toBe(202);
    importId = started.json().id;
    let view = (await desa.get(`/api/registry/imports/${importId}`)).json();
    for (let i = 0; i < 100 && view.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await desa.get(`/api/registry/imports/${importId}`)).json();
    }
    expect(view).toMatchObject({ status: 'done', loaded: 1, rejected: 60, problemCount: 60 });
    expect(view.firstProblems).toHaveLength(50);
    // In the file's row order (the header is row 1, the good row 2).
    expect(view.firstProblems[0]).toEqual({
      row: 3,
      column: 'NIK',
      severity: 'error',
      message: expect.stringContaining('tanggal lahir tidak valid'),
    });
    expect(view.firstProblems.map((p: { row: number }) => p.row)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 3),
    );
    // The history stays light: counts, not the problems themselves.
    const history = (await desa.get('/api/registry/imports')).json();
    expect(history.imports[0]).toMatchObject({ id: importId, problemCount: 60, hasErrorFile: true });
    expect(history.imports[0]).not.toHaveProperty('firstProblems');
  });

  it('download as CSV for Indonesian Excel: a BOM, `;` between fields, "kesalahan"', async () => {
    const desa = await signedIn(t.app, 'sragen.desa');
    const csv = await desa.get(`/api/registry/imports/${importId}/errors`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('Baris;Kolom;Nilai;Tingkat;Pesan;Keterangan');
    expect(lines).toHaveLength(61);
    expect(lines[1]?.split(';').slice(0, 4)).toEqual(['3', 'NIK', badNik(0), 'kesalahan']);
    expect(csv.body).not.toMatch(/galat/i);
    expect(csv.headers['content-disposition']).toContain('.csv');
  });

  it('download as XLSX: the row as a number, a 16-digit NIK as text with all its digits', async () => {
    const desa = await signedIn(t.app, 'sragen.desa');
    const xlsx = await desa.get(`/api/registry/imports/${importId}/errors?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('impor-');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Masalah');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Baris',
      'Kolom',
      'Nilai',
      'Tingkat',
      'Pesan',
      'Keterangan',
    ]);
    expect(sheet?.rowCount).toBe(61);
    const first = sheet?.getRow(2);
    expect(first?.getCell(1).value).toBe(3);
    expect(first?.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(first?.getCell(3).value).toBe(badNik(0));
    expect(first?.getCell(3).numFmt).toBe('@');
    expect(first?.getCell(4).value).toBe('kesalahan');
    expect(sheet?.getRow(61).getCell(3).value).toBe(badNik(59));
    // A format the server does not make is refused (422), not a CSV.
    expect((await desa.get(`/api/registry/imports/${importId}/errors?format=xls`)).statusCode).toBe(422);
  });

  it('each download of the file is audited, since it holds full NIKs; a refused one is not', async () => {
    const audited = () =>
      rows<{ actor: string; entity: string; id: string; after: { format: string; problems: number } }>(
        t.database.db,
        sql`SELECT actor_username AS actor, entity, entity_id AS id, after FROM audit_log
          WHERE action = 'registry.import_problems' ORDER BY seq`,
      );
    // The two downloads above, each once, by the operator who imported.
    expect(await audited()).toEqual([
      {
        actor: 'sragen.desa',
        entity: 'registry_import',
        id: String(importId),
        after: { format: 'csv', problems: 60 },
      },
      {
        actor: 'sragen.desa',
        entity: 'registry_import',
        id: String(importId),
        after: { format: 'xlsx', problems: 60 },
      },
    ]);
    const kadis = await signedIn(t.app, 'sragen.kadis');
    expect((await kadis.get(`/api/registry/imports/${importId}/errors`)).statusCode).toBe(403);
    const desa = await signedIn(t.app, 'sragen.desa');
    expect((await desa.get(`/api/registry/imports/${importId + 1000}/errors`)).statusCode).toBe(404);
    expect(await audited()).toHaveLength(2);
  });

  it('the head of office reads the history but is offered no import, nor its problems', async () => {
    const kadis = await signedIn(t.app, 'sragen.kadis');
    const me = (await kadis.get('/api/auth/me')).json().user;
    expect(me.permissions).toContain('registry.read');
    expect(me.permissions).not.toContain('registry.import');
    const history = await kadis.get('/api/registry/imports');
    expect(history.statusCode).toBe(200);
    expect(history.json().imports.map((i: { id: number }) => i.id)).toContain(importId);
    expect((await kadis.get(`/api/registry/imports/${importId}`)).statusCode).toBe(403);
    expect((await kadis.get(`/api/registry/imports/${importId}/errors`)).statusCode).toBe(403);
    const upload = await kadis.upload('/api/registry/imports', Buffer.from(`${header}\n`), 'x.csv');
    expect(upload.statusCode).toBe(403);
  });
});
