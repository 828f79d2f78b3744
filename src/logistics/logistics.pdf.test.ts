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

describe('the papers’ verification footer', () => {
  it('prints a verification code with hyphens whole, however long the line', async () => {
    const { execFileSync } = await import('node:child_process');
    const { renderDeliveryNotePdf } = await import('./logistics.pdf.ts');
    // Verification codes are base64url: a hyphen is where a wrap used to cut the address.
    const verifyUrl = 'https://jaring.bantenprov.go.id/verifikasi/uHR2Zcz9a0YDKep-Ab_cD-efGh';
    const pdf = await renderDeliveryNotePdf({
      unit: {
        name: 'Dinas Sosial Provinsi Banten',
        letterhead: ['PEMERINTAH PROVINSI BANTEN', 'DINAS SOSIAL'],
      },
      place: 'Serang',
      number: '460/0001/DINSOS/2026',
      date: '2026-12-02',
      verifyUrl,
      trackingCode: 'KPJ7G-SQ3E3',
      origin: { name: 'Gudang Provinsi', address: 'Serang' },
      destination: { name: 'Posko Desa Pagadungan', area: 'Sumur, Kabupaten Pandeglang' },
      vehicle: 'A 8812 XY',
      driver: 'Asep Saepudin',
      lines: [{ name: 'Beras Medium', uom: 'kg', quantity: 300, expiresOn: '2027-03-02' }],
      sender: { name: 'Dedi Kurniawan', position: 'Penyuluh Sosial Ahli Muda' },
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toContain(verifyUrl);
  });
});

describe('the BAST', () => {
  it('keeps the request code and the delivery note number whole in its justified sentence', async () => {
    const { execFileSync } = await import('node:child_process');
    const { renderHandoverPdf } = await import('./logistics.pdf.ts');
    const deliveryNote = '460/0012/DINSOS/2026';
    const pdf = await renderHandoverPdf({
      unit: {
        name: 'Dinas Sosial Provinsi Banten',
        letterhead: ['PEMERINTAH PROVINSI BANTEN', 'DINAS SOSIAL'],
      },
      place: 'Desa Pagadungan',
      number: '460/0013/DINSOS/2026',
      date: '2026-12-02',
      verifyUrl: 'https://jaring.bantenprov.go.id/verifikasi/uHR2Zcz9a0YDKep',
      trackingCode: 'KPJ7G-SQ3E3',
      deliveryNote,
      disaster: 'banjir bandang dan tanah longsor di Kecamatan Sumur',
      first: {
        name: 'Dedi Kurniawan',
        position: 'Penyuluh Sosial Ahli Muda',
        office: 'Dinas Sosial Provinsi Banten',
      },
      second: { name: 'Ujang Sopandi', position: 'Kepala Desa', on: 'Posko Desa Pagadungan' },
      lines: [
        {
          name: 'Beras Medium',
          uom: 'kg',
          quantity: 300,
          expiresOn: '2027-03-02',
          received: 290,
          notes: ['10 kg kurang'],
        },
      ],
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toContain('KPJ7G‑SQ3E3');
    expect(text).toContain(deliveryNote);
    expect(text.slice(text.indexOf('PIHAK PERTAMA menyerahkan'))).not.toMatch(
      /\d\/\s+\d|\/\s+DINSOS|DINSOS\/\s+\d/,
    );
  });
});
