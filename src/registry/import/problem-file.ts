import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Db, rows } from '../../db/client.ts';
import { semicolonCsvLine, writeChunk } from '../csv.ts';
import { IMPORT_PROBLEMS_SHOWN, type ImportProblem } from '../registry.schema.ts';

/**
 * An import's problem file. It is written once, as a CSV that Indonesian Excel opens by
 * double-click (UTF-8 with BOM, `;` between fields), in row order, batch by batch from the
 * import's problem table; the first problems and the count go to the import's record, so the
 * page shows them without reading the file. The XLSX is made from the CSV when asked for,
 * streamed both ways.
 */
export interface WrittenProblems {
  errorFile: string | null;
  problemCount: number;
  firstProblems: ImportProblem[];
}

const headers = ['Baris', 'Kolom', 'Nilai', 'Tingkat', 'Pesan', 'Keterangan'];
const levelOf = (severity: string) => (severity === 'error' ? 'kesalahan' : 'peringatan');

/** Writes the problems of `table` into `dir`; no file when there are none. */
export async function writeProblemFile(
  db: Db,
  table: string,
  dir: string,
  importId: number,
): Promise<WrittenProblems> {
  const from = sql.raw(table);
  const [first] = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM ${from}`);
  const problemCount = Number(first?.n ?? 0);
  if (problemCount === 0) return { errorFile: null, problemCount, firstProblems: [] };
  mkdirSync(dir, { recursive: true });
  const name = `impor-${importId}-masalah.csv`;
  const out = createWriteStream(path.join(dir, name));
  out.write(`\uFEFF${semicolonCsvLine(headers)}`);
  const firstProblems: ImportProblem[] = [];
  let after = { row: -1, order: -1, seq: 0 };
  for (;;) {
    const batch = await rows<{
      row_no: number;
      col_order: number;
      col: string;
      value: string;
      severity: string;
      message: string;
      seq: string | number;
    }>(
      db,
      sql`SELECT row_no, col_order, col, value, severity, message, seq FROM ${from}
        WHERE (row_no, col_order, seq) > (${after.row}, ${after.order}, ${after.seq})
        ORDER BY row_no, col_order, seq LIMIT 20000`,
    );
    const last = batch[batch.length - 1];
    if (!last) break;
    let chunk = '';
    for (const r of batch) {
      if (firstProblems.length < IMPORT_PROBLEMS_SHOWN)
        firstProblems.push({
          row: r.row_no,
          column: r.col,
          severity: r.severity === 'error' ? 'error' : 'warning',
          message: r.message,
        });
      chunk += semicolonCsvLine([
        String(r.row_no),
        r.col,
        r.value,
        levelOf(r.severity),
        r.message,
        `baris ${r.row_no}, kolom ${r.col}: ${r.message}`,
      ]);
    }
    await writeChunk(out, chunk);
    after = { row: last.row_no, order: last.col_order, seq: Number(last.seq) };
  }
  out.end();
  await finished(out);
  return { errorFile: name, problemCount, firstProblems };
}

/**
 * The problem file as a workbook: the row number as a number, every other cell as text (a NIK
 * or KK in "Nilai" keeps its 16 digits). Reads files of either separator (older ones used `,`).
 */
export async function writeProblemXlsx(csvFile: string, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Masalah');
  const text = { numFmt: '@' };
  sheet.columns = [
    { header: 'Baris', key: 'row', width: 8 },
    { header: 'Kolom', key: 'col', width: 20, style: text },
    { header: 'Nilai', key: 'value', width: 22, style: text },
    { header: 'Tingkat', key: 'level', width: 12, style: text },
    { header: 'Pesan', key: 'message', width: 60, style: text },
    { header: 'Keterangan', key: 'note', width: 70, style: text },
  ];
  const records = createReadStream(csvFile).pipe(
    parse({ bom: true, delimiter: [';', ','], from_line: 2, relax_column_count: true }),
  );
  for await (const record of records as AsyncIterable<string[]>) {
    const [row = '', col = '', value = '', level = '', message = '', note = ''] = record;
    const n = Number(row);
    sheet.addRow([Number.isInteger(n) ? n : row, col, value, level, message, note]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
