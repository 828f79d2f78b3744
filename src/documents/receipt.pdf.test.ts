import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultOfficeHours } from '../core/calendar.ts';
import { officeHoursLine, type ReceiptInput, renderReceiptPdf } from './receipt.pdf.ts';

const receipt: ReceiptInput = {
  lang: 'en',
  unit: {
    name: 'Dinas Sosial Kota Tarakan',
    letterhead: ['PEMERINTAH KOTA TARAKAN', 'DINAS SOSIAL'],
    address: 'Jl. Mulawarman No. 1, Tarakan',
    phone: '(0551) 21000',
    timeZone: 'Asia/Makassar',
    place: 'Tarakan',
    officeHours: defaultOfficeHours,
  },
  trackingCode: 'ABCDE-FGHJK',
  trackPage: 'https://jaring.example/lacak',
  trackUrl: 'https://jaring.example/lacak/ABCDE-FGHJK',
  service: 'Fasilitas Program Sembako',
  product: 'Surat Keterangan Meninggal',
  applicant: { name: 'Siti Rahma', nik: '6571********0001' },
  receivedAt: '2026-12-02T01:15:00.000Z',
  dueAt: null,
  papers: [{ text: 'Fotocopy KK/KTP', seen: true, files: ['kk.pdf'] }],
  officer: { name: 'Siti Aminah', nip: null },
};

describe('the receipt', () => {
  it('runs days with the same office hours together, in the reader’s language', () => {
    expect(officeHoursLine(defaultOfficeHours, 'id')).toMatch(
      /^Senin–Kamis 07\.30–12\.00, 13\.00–16\.00; Jumat /,
    );
    expect(officeHoursLine(defaultOfficeHours, 'en')).toMatch(
      /^Monday–Thursday 07:30–12:00, 13:00–16:00; Friday /,
    );
    expect(
      officeHoursLine(
        { '1': [{ start: '08:00', end: '12:00' }], '3': [{ start: '08:00', end: '12:00' }] },
        'id',
      ),
    ).toBe('Senin 08.00–12.00; Rabu 08.00–12.00');
  });

  it('speaks English, dates in the unit’s zone, and says when no due time runs', async () => {
    const text = execFileSync('pdftotext', ['-', '-'], { input: await renderReceiptPdf(receipt) }).toString();
    expect(text).toContain('RECEIPT OF APPLICATION');
    expect(text).toContain('2 December 2026 at 09:15 WITA');
    expect(text).toContain('follows the service process');
    expect(text).toContain('checked at the desk; scanned: kk.pdf');
    expect(text).not.toContain('NIP');
  });
});
