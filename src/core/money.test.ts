import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiah, rupiahInWords, terbilang } from './money.ts';

describe('rupiah', () => {
  it('formats with dots and no space', () => {
    expect(formatRupiah(1_500_000)).toBe('Rp1.500.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(999)).toBe('Rp999');
    expect(formatRupiah(-1_500)).toBe('-Rp1.500');
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
  });

  it('parses what offices write', () => {
    expect(parseRupiah('Rp1.500.000')).toBe(1_500_000);
    expect(parseRupiah('Rp 250.000,-')).toBe(250_000);
    expect(parseRupiah('350000')).toBe(350_000);
    expect(parseRupiah('1.50.000')).toBeUndefined();
    expect(parseRupiah('abc')).toBeUndefined();
  });

  it('spells amounts in Indonesian', () => {
    const cases: Array<[number, string]> = [
      [0, 'nol'],
      [1, 'satu'],
      [11, 'sebelas'],
      [12, 'dua belas'],
      [19, 'sembilan belas'],
      [20, 'dua puluh'],
      [99, 'sembilan puluh sembilan'],
      [100, 'seratus'],
      [101, 'seratus satu'],
      [250, 'dua ratus lima puluh'],
      [1_000, 'seribu'],
      [1_001, 'seribu satu'],
      [11_000, 'sebelas ribu'],
      [100_000, 'seratus ribu'],
      [150_000, 'seratus lima puluh ribu'],
      [1_000_000, 'satu juta'],
      [1_500_000, 'satu juta lima ratus ribu'],
      [2_500_250, 'dua juta lima ratus ribu dua ratus lima puluh'],
      [1_000_000_000, 'satu miliar'],
      [
        999_999_999_999,
        'sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
      ],
      [2_000_000_000_000, 'dua triliun'],
    ];
    for (const [n, words] of cases) expect(terbilang(n), String(n)).toBe(words);
    expect(rupiahInWords(1_500_000)).toBe('satu juta lima ratus ribu rupiah');
    expect(rupiahInWords(0)).toBe('nol rupiah');
  });
});
