import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf, signatureLines } from './letter.pdf.ts';

const unit = 'Dinas Sosial Kabupaten Sragen';

describe('the signature block', () => {
  it('prints a.n. above the signer’s own position, Plt./Plh. before an acting one (Tata Naskah Dinas)', () => {
    const base = { name: 'Sri Wahyuni', nip: '197508122000032004' };
    expect(
      signatureLines(
        { ...base, position: 'Kepala Bidang Perlindungan Sosial', onBehalfOf: `Kepala ${unit}` },
        unit,
      ),
    ).toEqual(['a.n. Kepala Dinas Sosial Kabupaten Sragen', 'Kepala Bidang Perlindungan Sosial,']);
    expect(signatureLines({ ...base, position: `Kepala ${unit}`, acting: 'Plt.' }, unit)).toEqual([
      'Plt. Kepala Dinas Sosial Kabupaten Sragen,',
    ]);
    expect(
      signatureLines(
        { ...base, position: 'Kepala Bidang Sosial', acting: 'Plh.', onBehalfOf: `Kepala ${unit}` },
        unit,
      ),
    ).toEqual(['a.n. Kepala Dinas Sosial Kabupaten Sragen', 'Plh. Kepala Bidang Sosial,']);
    // The seeds write the head's position as "Kepala Dinas": the head of this unit.
    expect(signatureLines({ ...base, position: 'Kepala Dinas' }, unit)).toEqual([
      'Kepala Dinas Sosial Kabupaten Sragen,',
    ]);
  });

  it('puts name, rank and NIP under the position, and the tembusan below, in the PDF', async () => {
    const pdf = await renderLetterPdf({
      unit: { name: unit, letterhead: ['PEMERINTAH KABUPATEN SRAGEN', 'DINAS SOSIAL'] },
      kind: 'dinas',
      title: 'Surat Pengantar',
      number: '460/0001/DINSOS/2026',
      place: 'Sragen',
      date: '2026-03-12',
      perihal: 'Pengantar',
      addressee: { name: 'Kepala Dinas Sosial Kota Surabaya', place: 'Surabaya' },
      body: [{ kind: 'paragraph', text: 'Dengan hormat,' }],
      tembusan: ['Kepala Dinas Sosial Kabupaten Sragen', 'Arsip'],
      signer: {
        name: 'Agus Prasetyo',
        rank: 'Penata/III-c',
        nip: '19880304 201101 1 002',
        position: 'Pekerja Sosial Ahli Muda',
        onBehalfOf: `Kepala ${unit}`,
      },
      verifyUrl: 'http://localhost/verifikasi/x',
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Nomor : 460/0001/DINSOS/2026');
    expect(text).toContain('Sragen, 12 Maret 2026');
    expect(text).toContain('Kepada Yth. Kepala Dinas Sosial Kota Surabaya di Surabaya');
    expect(text).toContain(
      'a.n. Kepala Dinas Sosial Kabupaten Sragen Pekerja Sosial Ahli Muda, Agus Prasetyo Penata/III-c NIP 19880304 201101 1 002',
    );
    expect(text).toContain('Tembusan: 1. Kepala Dinas Sosial Kabupaten Sragen; 2. Arsip.');
  });
});

describe('a justified paragraph', () => {
  it('keeps a letter number and a hyphenated word whole, with no stretched gap inside them', async () => {
    const number = '460/0007/DINSOS/2026';
    const words = 'bantuan sosial bagi keluarga penerima manfaat yang terdampak';
    const pdf = await renderLetterPdf({
      unit: { name: unit, letterhead: ['PEMERINTAH KABUPATEN SRAGEN', 'DINAS SOSIAL'] },
      kind: 'dinas',
      title: 'Surat Pengantar',
      number,
      place: 'Sragen',
      date: '2026-03-12',
      perihal: 'Pengantar',
      addressee: { name: 'Kepala Dinas Sosial Kota Surabaya', place: 'Surabaya' },
      // Each number sits where a line may end, so a break opportunity inside it would be used
      // or stretched by justification.
      body: [1, 2, 3, 4, 5, 6].map((n) => ({
        kind: 'paragraph' as const,
        text: `${words.slice(0, n * 7)} menindaklanjuti surat nomor ${number} dan data SIKS-NG ${words} ${words}.`,
      })),
      tembusan: [],
      signer: { name: 'Agus Prasetyo', nip: '19880304 201101 1 002', position: 'Kepala Dinas' },
      verifyUrl: 'http://localhost/verifikasi/x',
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    const body = text.slice(text.indexOf('menindaklanjuti'));
    expect(body.split(number).length - 1).toBe(6);
    expect(body.match(/SIKS.NG/g)).toHaveLength(6);
    expect(body).not.toMatch(/\d\/\s+\d|\d\/\s+DINSOS|DINSOS\/\s+\d|SIKS.\s+NG/);
  });
});
