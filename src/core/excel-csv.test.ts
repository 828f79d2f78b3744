import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { excelCsvBom, excelCsvField, excelCsvLine } from './excel-csv.ts';

describe('CSV for Indonesian Excel', () => {
  it('writes codes as text formulas, ISO dates, decimal commas, and formula-looking text as text', () => {
    expect(excelCsvField({ id: '3314010101800001' })).toBe('="3314010101800001"');
    expect(excelCsvField({ id: '3314********0001' })).toBe('="3314********0001"');
    expect(excelCsvField({ id: '' })).toBe('');
    expect(excelCsvField({ date: '1990-08-05' })).toBe('1990-08-05');
    expect(excelCsvField(3)).toBe('3');
    expect(excelCsvField(3.25)).toBe('3,25');
    expect(excelCsvField('=HYPERLINK("http://x","klik")')).toBe('"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(excelCsvField('-5 kg kurang')).toBe("'-5 kg kurang");
    expect(excelCsvLine(['a;b', null, { id: '001' }])).toBe('"a;b";;="001"\r\n');
  });

  it('reads back in a spreadsheet reader with every digit, the zeros and the dates', () => {
    const file = Buffer.from(
      excelCsvBom +
        excelCsvLine(['NIK', 'RT', 'Lahir', 'Catatan']) +
        excelCsvLine([{ id: '3314019999999999' }, { id: '001' }, { date: '1990-08-05' }, '=1+1']),
    );
    const sheet = XLSX.read(file, { type: 'buffer', cellDates: true });
    const cells = sheet.Sheets[sheet.SheetNames[0] as string] as XLSX.WorkSheet;
    expect(cells.A1?.v).toBe('NIK');
    expect(cells.A2).toMatchObject({ t: 's', v: '3314019999999999' });
    expect(cells.B2).toMatchObject({ t: 's', v: '001' });
    expect(cells.C2?.t).toBe('d');
    expect((cells.C2?.v as Date | undefined)?.toISOString().slice(0, 10)).toBe('1990-08-05');
    expect(cells.D2).toMatchObject({ t: 's', v: "'=1+1" });
  });
});
