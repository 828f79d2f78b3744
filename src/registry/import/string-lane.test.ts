import { describe, expect, it } from 'vitest';
import { mapHeaders, TemplateColumns } from '../registry.columns.ts';
import { type Cell, rowContext, validateRow } from './string-lane.ts';

const ctx = rowContext({
  today: new Date('2026-11-23T00:00:00Z'),
  regionCode: '33.14',
  regionName: 'Kabupaten Sragen',
});
const columns = mapHeaders(TemplateColumns.map((c) => c.header)).columns;

function row(values: Partial<Record<string, Cell>>): Cell[] {
  const base: Record<string, Cell> = {
    kk: '3314012001240001',
    nik: '3314015708900001',
    name: 'Siti  Aminah',
    birthDate: '17-08-1990',
    sex: 'P',
    relationship: 'Kepala Keluarga',
    villageCode: '3314012001',
    decile: '3',
    welfareStatus: 'DTSEN',
    statusPeriod: '09/2026',
    rt: '2',
  };
  const merged = { ...base, ...values };
  return TemplateColumns.map((c) => merged[c.key] ?? '');
}

describe('register row validation', () => {
  it('accepts a good row and normalises it', () => {
    const r = validateRow(2, columns, row({}), ctx);
    expect(r.problems).toEqual([]);
    expect(r.row).toMatchObject({
      nik: '3314015708900001',
      name: 'Siti Aminah',
      birthDate: '1990-08-17',
      relationship: 'kepala_keluarga',
      villageCode: '33.14.01.2001',
      rt: '002',
      decile: 3,
      welfareStatus: 'dtsen',
      statusPeriod: '2026-09',
      alive: true,
    });
  });

  it('reports every problem by row and column, in Indonesian', () => {
    const r = validateRow(
      12,
      columns,
      row({ nik: '3314018508900001', sex: 'X', decile: '11', villageCode: '3501012001' }),
      ctx,
    );
    expect(r.row).toBeUndefined();
    const lines = r.problems.map((p) => `baris ${p.row}, kolom ${p.column}: ${p.message}`);
    expect(lines).toContain('baris 12, kolom NIK: tanggal lahir tidak valid (hari 45)');
    expect(lines).toContain('baris 12, kolom Jenis Kelamin: Jenis kelamin "X" tidak dikenal');
    expect(lines).toContain('baris 12, kolom Desil: desil harus 1–10 (tertulis "11")');
    expect(
      lines.some(
        (l) => l.startsWith('baris 12, kolom Kode Desa:') && l.includes('di luar wilayah Kabupaten Sragen'),
      ),
    ).toBe(true);
  });

  it('refuses a NIK that Excel stored as a number (its last digits are gone)', () => {
    const r = validateRow(3, columns, row({ nik: 3314015708900000 }), ctx);
    expect(r.problems[0]?.message).toMatch(/tersimpan sebagai angka/);
  });

  it('warns, without refusing, when the NIK disagrees with the birth date or sex', () => {
    const r = validateRow(4, columns, row({ birthDate: '18-08-1990', sex: 'L' }), ctx);
    expect(r.row).toBeDefined();
    expect(r.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
  });

  it('checks dates, pregnancy and a village operator’s village', () => {
    expect(validateRow(5, columns, row({ birthDate: '31-02-1990' }), ctx).problems[0]?.message).toBe(
      'tanggal lahir tidak valid (31-02-1990 tidak ada)',
    );
    expect(
      validateRow(5, columns, row({ pregnancy: 'Hamil', nik: '3314011708900001', sex: 'L' }), ctx).problems[0]
        ?.message,
    ).toMatch(/hanya untuk perempuan/);
    const operator = rowContext({ ...ctx, villageCode: '33.14.01.2002' });
    expect(validateRow(6, columns, row({}), operator).problems[0]?.message).toMatch(/bukan desa Anda/);
  });

  it('maps header variants and lists missing required columns', () => {
    const m = mapHeaders([
      'NO_KK',
      'nik',
      'Nama Lengkap',
      'TGL LAHIR',
      'JK',
      'SHDK',
      'kode wilayah',
      'Catatan',
    ]);
    expect(m.columns.map((c) => c?.key)).toEqual([
      'kk',
      'nik',
      'name',
      'birthDate',
      'sex',
      'relationship',
      'villageCode',
      undefined,
    ]);
    expect(m.unknown).toEqual(['Catatan']);
    expect(mapHeaders(['NIK', 'Nama']).missing.map((c) => c.header)).toEqual([
      'No KK',
      'Tanggal Lahir',
      'Jenis Kelamin',
      'Hubungan Keluarga',
      'Kode Desa',
    ]);
  });
});
