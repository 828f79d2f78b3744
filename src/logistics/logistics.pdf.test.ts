import { describe, expect, it } from 'vitest';
import { dateInWords } from './logistics.pdf.ts';

describe('dateInWords (the BAST spells its date out)', () => {
  it('names the weekday and spells day and year', () => {
    expect(dateInWords('2026-12-02')).toBe('Rabu tanggal dua bulan Desember tahun dua ribu dua puluh enam');
    expect(dateInWords('2027-01-31')).toBe(
      'Minggu tanggal tiga puluh satu bulan Januari tahun dua ribu dua puluh tujuh',
    );
    expect(dateInWords('2024-02-29')).toBe(
      'Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat',
    );
  });
});
