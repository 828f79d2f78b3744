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

  it('never leaves the signatures alone on a page: the closing sentence and the date go with them', async () => {
    const { execFileSync } = await import('node:child_process');
    const { renderHandoverPdf, renderDeliveryNotePdf } = await import('./logistics.pdf.ts');
    const unit = {
      name: 'Dinas Sosial Provinsi Banten',
      letterhead: ['PEMERINTAH PROVINSI BANTEN', 'DINAS SOSIAL'],
    };
    const pages = (pdf: Buffer) =>
      execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
        .toString()
        .split('\f')
        .filter((p) => p.trim());
    const names = ['Beras Medium', 'Air mineral', 'Tenda keluarga', 'Selimut', 'Terpal', 'Makanan siap saji'];
    let spilled = 0;
    let notesSpilled = 0;
    for (let n = 1; n <= 14; n++) {
      const lines = Array.from({ length: n }, (_, i) => ({
        name: names[i % names.length] as string,
        uom: 'unit',
        quantity: 100 + i,
        expiresOn: '2027-03-02',
        received: i % 2 === 0 ? 100 + i : 90 + i,
        notes:
          i % 2 === 0 ? [] : ['10 unit kurang: tertahan di jalan karena longsor, kembali ke gudang provinsi'],
      }));
      const bast = pages(
        await renderHandoverPdf({
          unit,
          place: 'Desa Pagadungan',
          number: '460/0013/DINSOS/2026',
          date: '2026-12-02',
          verifyUrl: 'https://jaring.bantenprov.go.id/verifikasi/uHR2Zcz9a0YDKep',
          trackingCode: 'KPJ7G-SQ3E3',
          deliveryNote: '460/0012/DINSOS/2026',
          disaster: 'banjir bandang',
          first: { name: 'Dedi Kurniawan', position: 'Penyuluh Sosial Ahli Muda', office: unit.name },
          second: { name: 'Ujang Sopandi', position: 'Kepala Desa', on: 'Posko Desa Pagadungan' },
          remark: 'Diterima di balai desa, dihitung bersama perangkat desa.',
          lines,
        }),
      );
      const signed = bast.find((p) => p.includes('Yang Menerima,')) ?? '';
      expect(signed, `BAST with ${n} lines`).toContain('Demikian Berita Acara');
      expect(signed, `BAST with ${n} lines`).toContain('Desa Pagadungan, 2 Desember 2026');
      const note = pages(
        await renderDeliveryNotePdf({
          unit,
          place: 'Serang',
          number: '460/0001/DINSOS/2026',
          date: '2026-12-02',
          verifyUrl: 'https://jaring.bantenprov.go.id/verifikasi/uHR2Zcz9a0YDKep',
          trackingCode: 'KPJ7G-SQ3E3',
          origin: { name: 'Gudang Provinsi', address: 'Serang' },
          destination: { name: 'Posko Desa Pagadungan', area: 'Sumur, Kabupaten Pandeglang' },
          vehicle: 'A 8812 XY',
          driver: 'Asep Saepudin',
          lines: [...lines, ...lines].map((l) => ({ ...l, name: `${l.name} (${l.notes.join('')})` })),
          sender: { name: 'Dedi Kurniawan', position: 'Penyuluh Sosial Ahli Muda' },
        }),
      );
      const sent = note.find((p) => p.includes('Pengirim,')) ?? '';
      expect(sent, `surat jalan with ${2 * n} lines`).toContain('Serang, 2 Desember 2026');
      expect(sent, `surat jalan with ${2 * n} lines`).toContain('Barang tersebut di atas');
      if (bast.length > 1) spilled++;
      if (note.length > 1) notesSpilled++;
    }
    // Some of them did run onto a second page.
    expect(spilled).toBeGreaterThan(0);
    expect(notesSpilled).toBeGreaterThan(0);
  });
});
