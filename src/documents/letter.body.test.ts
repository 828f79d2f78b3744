import { describe, expect, it } from 'vitest';
import { parseLetterBody } from './letter.body.ts';
import { genericLetter, letterView, regionValue, renderTemplate } from './letter.context.ts';

describe('parseLetterBody', () => {
  it('reads prose, field tables and lists, split by blank lines', () => {
    const text = [
      'Yang bertanda tangan di bawah ini',
      'menerangkan bahwa:',
      '',
      'Nama      : Siti Rahma',
      'NIK       : ',
      'Analisis  : kendala: kartu hilang',
      '',
      '1. KTP asli;',
      '2. Surat keterangan',
      '   dari kelurahan.',
      '',
      '',
      'Penanganan pengaduan melalui :',
    ].join('\n');
    expect(parseLetterBody(text)).toEqual([
      { kind: 'paragraph', text: 'Yang bertanda tangan di bawah ini menerangkan bahwa:' },
      {
        kind: 'fields',
        rows: [
          ['Nama', 'Siti Rahma'],
          ['NIK', '-'],
          ['Analisis', 'kendala: kartu hilang'],
        ],
      },
      {
        kind: 'list',
        items: [
          { marker: '1.', text: 'KTP asli;' },
          { marker: '2.', text: 'Surat keterangan dari kelurahan.' },
        ],
      },
      // One line with nothing after the colon is prose, not a table.
      { kind: 'paragraph', text: 'Penanganan pengaduan melalui :' },
    ]);
  });
});

describe('letter values', () => {
  it('print regions by name, up to the province, and the town for "di …"', () => {
    expect(regionValue('35.78')).toEqual({
      code: '35.78',
      name: 'Kota Surabaya',
      full: 'Kota Surabaya, Provinsi Jawa Timur',
      place: 'Surabaya',
    });
    expect(regionValue('51')?.name).toBe('Provinsi Bali');
    expect(regionValue('99.99')).toBeUndefined();
  });

  it('keep a value from changing the layout: its line breaks become spaces, nothing is HTML-escaped', () => {
    expect(renderTemplate('Analisis : {{x}}', { x: 'baris satu\n\nbaris <dua> & "tiga"' })).toBe(
      'Analisis : baris satu baris <dua> & "tiga"',
    );
  });

  it('leave the NIK row out of the generic letter when the applicant has none', () => {
    const facts = {
      applicant: { name: 'Budi' },
      trackingCode: 'AAAAA-BBBBB',
      openedDate: '2026-03-12',
      serviceName: 'Layanan',
      product: { id: 'p', name: 'Surat Keterangan' },
      unit: { name: 'Dinas Sosial Kabupaten Sragen', letterPlace: 'Sragen', regionCode: '33.14' },
      data: {},
      effects: {},
    };
    const view = letterView(
      facts,
      { number: '1', date: '2026-03-12', title: 't' },
      { name: 'S', position: 'P' },
    );
    const blocks = parseLetterBody(renderTemplate(genericLetter.body, view));
    expect(blocks[1]).toEqual({
      kind: 'fields',
      rows: [
        ['Nama', 'Budi'],
        ['Nomor permohonan', 'AAAAA-BBBBB'],
        ['Tanggal permohonan', '12 Maret 2026'],
      ],
    });
  });
});
