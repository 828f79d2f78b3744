import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readResponses, readTable } from './paper.ts';

const header = 'U1;U2;U3;U4;U5;U6;U7;U8;U9;Jenis Kelamin;Umur;Pendidikan;Pekerjaan';

async function read(text: string, name = 'skm.csv') {
  return readResponses(await readTable(Buffer.from(text, 'utf8'), name));
}

describe('paper survey files', () => {
  it('reads a ;-separated, BOM-marked sheet as Indonesian Excel saves it', async () => {
    const r = await read(
      `\uFEFF${header}\r\n4;4;3;4;4;4;4;3;2;L;34;SMA;Petani\r\n;;;;;;;;;;;;\r\nd;c;d;d;c;d;d;c;b;perempuan;51;SD;Ibu rumah tangga\r\n`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.responses).toHaveLength(2);
    expect(r.responses[0]).toMatchObject({
      row: 2,
      answers: { U1: 4, U3: 3, U9: 2 },
      profile: { sex: 'L', age: 34, education: 'SMA', occupation: 'Petani' },
    });
    // The blank line is skipped, and rows keep the numbers a spreadsheet shows.
    expect(r.responses[1]).toMatchObject({ row: 4, answers: { U1: 4, U2: 3, U9: 2 }, profile: { sex: 'P' } });
  });

  it('reads a comma-separated file with headers written as "Unsur 1" and a blank answer', async () => {
    const r = await read(
      'Unsur 1,Unsur 2,Unsur 3,Unsur 4,Unsur 5,Unsur 6,Unsur 7,Unsur 8,Unsur 9\n4,4,4,,4,4,4,4,4\n',
    );
    expect(r.ok && r.responses[0]?.answers).toEqual({
      U1: 4,
      U2: 4,
      U3: 4,
      U5: 4,
      U6: 4,
      U7: 4,
      U8: 4,
      U9: 4,
    });
  });

  it('reads the first sheet of a workbook, numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('SKM');
    sheet.addRow(header.split(';'));
    sheet.addRow([4, 3, 4, 4, 4, 4, 4, 4, 4, 'P', 28, 'S1', 'Guru']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const r = readResponses(await readTable(bytes, 'skm.xlsx'));
    expect(r.ok && r.responses[0]).toMatchObject({ answers: { U2: 3 }, profile: { sex: 'P', age: 28 } });
  });

  it('refuses the whole file with every problem by row and column', async () => {
    const r = await read(`${header}\n4;5;4;4;4;4;4;4;4;X;abc;;\n4;4;4;4;4;4;4;4;4;L;40;;\n;;;;;;;;;L;;;\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'U2'],
      [2, 'Jenis Kelamin'],
      [2, 'Umur'],
      [4, 'U1–U9'],
    ]);
    expect(r.problems[0]?.message.id).toBe('“5” bukan jawaban; isi 1–4 atau a–d');
    expect(r.problems[0]?.message.en).toBe('“5” is not an answer; write 1–4 or a–d');
  });

  it('names the unsur columns a header lacks', async () => {
    const r = await read('U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ row: 1, column: 'U9' });
  });
});
