import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.ts';
import { missingGlyphs, printable, printableContent } from './pdf-glyphs.ts';

describe('printable text in PDFs', () => {
  it('names the characters Roboto cannot draw, and only those', () => {
    expect(missingGlyphs('Provinsi → Kabupaten ✓ 😀 Rp 1.000 — “ok” ≥ 2')).toEqual(['→', '✓', '😀']);
    expect(missingGlyphs('Sragen, 12 Maret 2026 · NIK 3314…')).toEqual([]);
  });

  it('writes arrows and ticks in their nearest form, drops joiners, and marks the rest', () => {
    expect(printable('Provinsi → Kabupaten ← Posko ✓')).toBe('Provinsi \u2011> Kabupaten <\u2011 Posko v');
    // A thumbs-up with a variation selector; a family joined by zero-width joiners.
    expect(printable('Terima kasih 👍\ufe0f')).toBe('Terima kasih ?');
    expect(printable('👨\u200d👩\u200d👧')).toBe('???');
    expect(printable('plain text stays the same object')).toBe('plain text stays the same object');
  });

  it('reaches text in stacks, columns, lists, tables and inline runs, leaving images alone', () => {
    const image = 'data:image/png;base64,→';
    expect(
      printableContent([
        'a → b',
        { text: ['x ', { text: '✓', bold: true }] },
        { stack: [{ columns: ['←', { image }] }] },
        { ul: ['→'] },
        { table: { widths: ['*'], body: [['→', { text: '→' }]] } },
      ]),
    ).toEqual([
      'a \u2011> b',
      { text: ['x ', { text: 'v', bold: true }] },
      { stack: [{ columns: ['<\u2011', { image }] }] },
      { ul: ['\u2011>'] },
      { table: { widths: ['*'], body: [['\u2011>', { text: '\u2011>' }]] } },
    ]);
  });

  it('renders a complaint typed on a phone without a glyph the font lacks', async () => {
    const pdf = await renderPdf({
      language: 'id',
      info: { title: 'Uji', author: 'Dinas Sosial Kabupaten Sragen' },
      content: ['Bantuan belum diterima 😡 → mohon dicek'],
      footer: () => ({ text: 'Halaman → 1' }),
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(missingGlyphs(text)).toEqual([]);
    expect(text).toContain('Bantuan belum diterima ? \u2011> mohon dicek');
    expect(text).toContain('Halaman \u2011> 1');
  });
});
