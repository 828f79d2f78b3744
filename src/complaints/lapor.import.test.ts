import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRows, parseLaporDate, readLaporFile } from './lapor.import.ts';
import { effectiveMapping } from './lapor.mapping.ts';

const now = new Date('2026-12-22T05:00:00Z');

describe('LAPOR! dates', () => {
  it.each([
    ['2026-12-01', '2026-11-30T17:00:00.000Z'],
    ['2026-12-01 09:30', '2026-12-01T02:30:00.000Z'],
    ['2026-12-01T09:30:15', '2026-12-01T02:30:15.000Z'],
    ['2026-12-01T09:30:00+08:00', '2026-12-01T01:30:00.000Z'],
    ['2026-12-01T09:30:00Z', '2026-12-01T09:30:00.000Z'],
    ['01/12/2026', '2026-11-30T17:00:00.000Z'],
    ['1-12-2026 09.30', '2026-12-01T02:30:00.000Z'],
  ])('reads %s on the unit’s wall clock (WIB)', (text, iso) => {
    expect((parseLaporDate(text, 'Asia/Jakarta') as Date).toISOString()).toBe(iso);
  });

  it.each([
    '31/02/2026',
    '2026-13-01',
    '12/31/2026',
    '2026-12-01 25:00',
    'kemarin',
    '',
    '2026-12-01 09:30 WIB',
  ])('refuses %s', (text) => {
    expect(parseLaporDate(text, 'Asia/Jakarta')).toBe('invalid');
  });

  it('takes the unit’s zone: 09:00 in Tarakan is 01:00 UTC', () => {
    expect((parseLaporDate('2026-12-01 09:00', 'Asia/Makassar') as Date).toISOString()).toBe(
      '2026-12-01T01:00:00.000Z',
    );
  });
});

describe('LAPOR! files', () => {
  it('reads an XLSX export: dates as their wall-clock time, numbers as text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Laporan');
    sheet.addRow(['Tracking ID', 'Tanggal Laporan', 'Isi Laporan', 'Klasifikasi', 'Status']);
    // Excel keeps a date as a serial number without zone: exceljs hands it over as UTC.
    sheet.addRow([
      1916449,
      new Date(Date.UTC(2026, 11, 1, 9, 30)),
      'Jalan ke kantor dinas rusak.',
      'Aspirasi',
      '',
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const table = await readLaporFile(bytes, 'ekspor.xlsx');
    if (Array.isArray(table)) throw new Error(JSON.stringify(table));
    expect(table.kind).toBe('xlsx');
    const { rows, problems } = checkRows(table, effectiveMapping(undefined), 'Asia/Jakarta', now);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      laporId: '1916449',
      class: 'aspirasi',
      outcome: null,
      reportedAt: new Date('2026-12-01T02:30:00Z'),
    });
  });

  it('says why a file cannot be read', async () => {
    const message = async (text: string, name = 'x.csv') => {
      const r = await readLaporFile(Buffer.from(text), name);
      return Array.isArray(r) ? r.map((p) => p.message) : [];
    };
    expect(await message('')).toEqual(['berkas kosong']);
    expect(await message('{"a":', 'x.json')).toEqual(['berkas bukan JSON yang sah']);
    expect(await message('[]', 'x.json')).toEqual(['tidak ada baris laporan']);
    expect(await message('[1]', 'x.json')).toEqual(['entri ke-1: bukan objek laporan']);
    expect(await message('ID Laporan;Isi\n"1;x\n')).toEqual([
      expect.stringMatching(/^berkas CSV tidak terbaca/),
    ]);
    expect(await message('PK\u0003\u0004 bukan xlsx')).toEqual(['berkas XLSX tidak terbaca']);
  });

  it('refuses two columns for one field, and a text the database cannot store', async () => {
    const table = await readLaporFile(
      Buffer.from('ID Laporan;Tracking ID;Tanggal;Isi;Klasifikasi\n1;2;2026-12-01;teks\u0000;Pengaduan\n'),
      'x.csv',
    );
    if (Array.isArray(table)) throw new Error('unreadable');
    const doubled = checkRows(table, effectiveMapping(undefined), 'Asia/Jakarta', now);
    expect(doubled.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^tidak ada kolom untuk tanggal laporan/),
      expect.stringMatching(/^kolom "ID Laporan" dan "Tracking ID" sama-sama dipetakan ke ID laporan/),
    ]);
    const mapping = effectiveMapping({
      layout: 'jaring-lapor-1',
      columns: { 'Tracking ID': 'ignore', Tanggal: 'reportedAt' },
      classes: {},
      statuses: {},
    });
    const stored = checkRows(table, mapping, 'Asia/Jakarta', now);
    expect(stored.problems.map((p) => p.message)).toEqual([
      'baris 2, isi laporan: memuat karakter NUL yang tidak dapat disimpan',
    ]);
  });
});
