import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsAt, readCsv } from './readers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'jaring-csv-'));

async function rowsOf(content: string | Buffer): Promise<Array<[number, unknown[]]>> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const out: Array<[number, unknown[]]> = [];
  const progress = { bytes: 0 };
  for await (const chunk of readCsv(file, progress))
    for (let i = 0; i < chunk.count; i++) out.push([chunk.spans[i * 3] as number, cellsAt(chunk, i)]);
  expect(progress.bytes).toBe(Buffer.byteLength(content));
  return out;
}

describe('reading CSV', () => {
  it('splits plain lines, numbers rows as a spreadsheet does, and skips empty lines', async () => {
    expect(await rowsOf('a,b,c\r\n1,2,3\r\n\r\n4,,6\n7,8')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2', '3']],
      [4, ['4', '', '6']],
      [5, ['7', '8']],
    ]);
  });

  it('honours quotes: separators, line breaks and doubled quotes inside a field', async () => {
    const text = 'a;b;c\n"x;y";"say ""hi""";"two\r\nlines"\n"q"tail;plain"quote;3\r"last"';
    expect(await rowsOf(text)).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x;y', 'say "hi"', 'two\r\nlines']],
      [3, ['qtail', 'plain"quote', '3']],
      [4, ['last']],
    ]);
  });

  it('keeps a byte order mark that is not the first character of the file', async () => {
    expect(await rowsOf('a,b\n"p""\uFEFFq",\uFEFF2\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['p"\uFEFFq', '\uFEFF2']],
    ]);
  });

  it('drops a byte order mark and picks the separator from the header', async () => {
    expect(await rowsOf('\uFEFFNo KK\tNIK\n1\t2\n')).toEqual([
      [1, ['No KK', 'NIK']],
      [2, ['1', '2']],
    ]);
  });

  it('keeps characters whole across the reads of a large file', async () => {
    // Lines of multi-byte characters, long enough that the 1 MB reads end inside them, and a
    // quoted record across a read.
    const line = `Ñoño Éé,${'ĀĒ'.repeat(300)},"a ""b""\nc"\n`;
    const rows = await rowsOf(`h1,h2,h3\n${line.repeat(3000)}`);
    expect(rows).toHaveLength(3001);
    const cells = ['Ñoño Éé', 'ĀĒ'.repeat(300), 'a "b"\nc'];
    expect(
      rows.every(([n, c], i) =>
        i === 0 ? true : n === i + 1 && JSON.stringify(c) === JSON.stringify(cells),
      ),
    ).toBe(true);
  });
});
