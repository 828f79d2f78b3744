import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../core/pdf-glyphs.ts';
import { Components } from './components.ts';
import { loadStandardsDir } from './standard.loader.ts';
import { renderStandardPdf } from './standard.pdf.ts';
import { toSippnService } from './standard.sippn.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-pdf-'));
const unit = {
  code: 'sragen',
  name: 'Dinas Sosial Kabupaten Sragen',
  regionCode: '33.14',
  regionName: 'KABUPATEN SRAGEN',
  maklumat: 'Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan.',
  head: null,
  letterhead: ['PEMERINTAH KABUPATEN SRAGEN', 'DINAS SOSIAL', 'Telepon (0271) 891043'],
};
const revision = {
  revision: '00',
  effectiveDate: null,
  publishedAt: '2026-11-23T00:00:00.000Z',
  sha256: 'a'.repeat(64),
};

/** The PDF's document information, as pdfinfo prints it. */
function pdfInfo(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.info.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file]).toString();
}

/** The PDF's text, as pdftotext reads it (one line per text line, no layout). */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftotext', [file, `${file}.txt`]);
  return readFileSync(`${file}.txt`, 'utf8').replace(/\s+/g, ' ');
}

describe('standard PDF', async () => {
  const { standards } = await loadStandardsDir('standards');

  for (const { standard } of standards) {
    it(`${standard.unit}/${standard.id}: letterhead, identity, all 14 components, maklumat`, async () => {
      const pdf = await renderStandardPdf({
        unit: { ...unit, code: standard.unit },
        standard,
        revision,
        lang: 'id',
        publicUrl: 'http://localhost:3000',
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf, `${standard.unit}-${standard.id}`);
      expect(text).toContain('PEMERINTAH KABUPATEN SRAGEN');
      expect(text).toContain('STANDAR PELAYANAN');
      expect(text).toContain(standard.document.number);
      expect(text).toContain(standard.name.toUpperCase().slice(0, 30));
      for (const c of Components) expect(text, c.label.id).toContain(c.label.id.split(' ')[0]);
      expect(text).toContain('Jaminan Keamanan dan Keselamatan Pelayanan');
      expect(text).toContain('MAKLUMAT PELAYANAN');
      expect(text).toContain('sanggup menyelenggarakan pelayanan');
      const officer = standard.delivery.complaints.officer;
      if (officer?.nip) expect(text).toContain(officer.nip);
      const lastLegal = standard.manufacturing.legalBasis.at(-1)?.text ?? '';
      expect(text).toContain(lastLegal.split(' ').slice(0, 4).join(' '));
      // Every character printed is one the embedded font draws (no empty boxes), and a screen
      // reader is told the language and the title.
      expect(missingGlyphs(text)).toEqual([]);
      const info = pdfInfo(pdf, `${standard.unit}-${standard.id}`);
      expect(info).toContain(`Title:           Standar Pelayanan ${standard.name}`);
      expect(info).toContain('Author:          Dinas Sosial Kabupaten Sragen');
      expect(pdf.toString('latin1')).toContain('/Lang (id)');
    });
  }

  it('speaks English labels on request and signs with the standard’s signer', async () => {
    const sembako = standards.find((s) => s.standard.id === 'sembako')?.standard;
    if (!sembako) throw new Error('sembako missing');
    const pdf = await renderStandardPdf({
      unit,
      standard: sembako,
      revision,
      lang: 'en',
      publicUrl: 'http://x',
    });
    const text = pdfText(pdf, 'sembako-en');
    expect(text).toContain('Document number');
    expect(text).toContain('Legal basis');
    expect(text).toContain('Service pledge');
    expect(text).toContain('Arbain, SE., M. AP');
    expect(text).toContain('NIP 19680318 199403 1 007');
    expect(text).toMatch(/Page 1 of \d/);
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
    expect(pdfInfo(pdf, 'sembako-en')).toContain('Title:           Service Standard');
  });
});

describe('SIPPN export', async () => {
  const { standards } = await loadStandardsDir('standards');
  it('gives every component as numbered Indonesian text', () => {
    const dtks = standards.find((s) => s.standard.id === 'dtks')?.standard;
    if (!dtks) throw new Error('dtks missing');
    const out = toSippnService(unit, dtks, revision);
    expect(out.komponen.map((k) => k.nomor)).toEqual(Components.map((c) => c.number));
    const procedure = out.komponen.find((k) => k.kunci === 'sistem_mekanisme_prosedur');
    expect(procedure?.uraian.split('\n')).toHaveLength(9);
    expect(procedure?.uraian).toMatch(/^1\. Usulan DTKS dilakukan oleh petugas Desa/);
    expect(procedure?.uraian).toContain('(Operator Desa/Kelurahan)');
    const complaints = out.komponen.find((k) => k.kunci === 'penanganan_pengaduan_saran_masukan');
    expect(complaints?.uraian).toContain(
      'Pejabat Pengelola Pengaduan: Eny Handayani, SE, NIP 197201211992022002',
    );
    expect(out.nomor_dokumen).toBe('460/2339/09/2022');
    expect(out.maklumat_pelayanan).toBe(unit.maklumat);
  });
});
