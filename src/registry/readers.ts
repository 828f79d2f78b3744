import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import type { Cell } from './row.ts';

/**
 * Streaming readers of register files. Each yields the header row first, then one array of
 * cells per row with its spreadsheet row number, and never holds more than a buffer of the
 * file: memory stays flat whatever its size. `progress.bytes` counts the bytes read so far
 * (of the compressed file for XLSX), for the progress bar.
 */
export type FileFormat = 'csv' | 'xlsx';

export interface TableRow {
  number: number;
  cells: Cell[];
}

export interface ReadProgress {
  bytes: number;
  /** Fed every byte read, so the file's digest costs no second pass. */
  hash?: Hash;
}

export function formatOf(fileName: string): FileFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** Looks at the first bytes: an XLSX is a ZIP (`PK\3\4`); legacy `.xls` is refused by name. */
export async function sniffFormat(file: string): Promise<FileFormat | 'xls' | 'unknown'> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    await handle.read(buf, 0, 8, 0);
    if (buf[0] === 0x50 && buf[1] === 0x4b) return 'xlsx';
    if (buf.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
    return 'csv';
  } finally {
    await handle.close();
  }
}

function counter(progress: ReadProgress): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      progress.bytes += chunk.length;
      progress.hash?.update(chunk);
      done(null, chunk);
    },
  });
}

/** `;` is what Excel writes in the Indonesian locale; `,` elsewhere; tabs from copy-paste. */
export function detectDelimiter(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]?.n ? candidates[0].d : ',';
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * Parses one record starting at `start`, honouring quotes (`""` inside quotes is a quote; a
 * quote inside an unquoted field is kept as text). Returns undefined when the record runs past
 * the end of `buf` and more input may follow.
 */
function parseRecord(
  buf: string,
  start: number,
  delimiter: string,
  atEnd: boolean,
): { fields: string[]; end: number } | undefined {
  const fields: string[] = [];
  let i = start;
  const n = buf.length;
  for (;;) {
    if (i < n && buf[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = buf.indexOf('"', j);
        if (q < 0) {
          if (!atEnd) return undefined;
          value += buf.slice(j);
          j = n;
          break;
        }
        value += buf.slice(j, q);
        if (buf[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !atEnd) return undefined;
        j = q + 1;
        break;
      }
      // Text after the closing quote, up to the delimiter, belongs to the field.
      let k = j;
      while (k < n && buf[k] !== delimiter && buf[k] !== '\n' && buf[k] !== '\r') k++;
      value += buf.slice(j, k);
      fields.push(value);
      i = k;
    } else {
      let k = i;
      while (k < n && buf[k] !== delimiter && buf[k] !== '\n' && buf[k] !== '\r') k++;
      if (k >= n && !atEnd) return undefined;
      fields.push(buf.slice(i, k));
      i = k;
    }
    if (i >= n) {
      if (!atEnd) return undefined;
      return { fields, end: n };
    }
    if (buf[i] === delimiter) {
      i++;
      continue;
    }
    // End of record: \n, \r\n or \r.
    if (buf[i] === '\r') {
      if (i + 1 >= n && !atEnd) return undefined;
      i += buf[i + 1] === '\n' ? 2 : 1;
    } else i++;
    return { fields, end: i };
  }
}

/** CSV (RFC 4180, any of `,` `;` tab; UTF-8 with or without BOM), in batches of rows. */
export async function* readCsv(file: string, progress: ReadProgress): AsyncGenerator<TableRow[]> {
  const delimiter = detectDelimiter(await firstLine(file));
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let number = 0;
  let first = true;
  const take = (atEnd: boolean): TableRow[] => {
    const rows: TableRow[] = [];
    let pos = 0;
    let quote = -2;
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      let fields: string[];
      let end: number;
      if (nl >= 0 && (quote === -1 || quote > nl)) {
        // Fast path: no quote in this line.
        const line = buf.charCodeAt(nl - 1) === 13 && nl > pos ? buf.slice(pos, nl - 1) : buf.slice(pos, nl);
        fields = line.split(delimiter);
        end = nl + 1;
      } else {
        const r = parseRecord(buf, pos, delimiter, atEnd);
        if (!r) break;
        fields = r.fields;
        end = r.end;
      }
      pos = end;
      number++;
      if (fields.length === 1 && fields[0] === '') continue;
      rows.push({ number, cells: fields });
    }
    buf = buf.slice(pos);
    return rows;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    progress.bytes += (chunk as Buffer).length;
    progress.hash?.update(chunk as Buffer);
    buf += decoder.write(chunk as Buffer);
    if (first) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      first = false;
    }
    const rows = take(false);
    if (rows.length > 0) yield rows;
  }
  buf += decoder.end();
  const rows = take(true);
  if (rows.length > 0) yield rows;
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return excelCell(value.result as ExcelValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function* readXlsx(file: string, progress: ReadProgress): AsyncGenerator<TableRow[]> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(counter(progress));
  // Loaded when a workbook comes: it is large, and most files are CSV.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let batch: TableRow[] = [];
  for await (const worksheet of reader) {
    // The first sheet holds the data; an instruction sheet may follow it.
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i] as ExcelValue));
      if (cells.every((c) => c === null || c === '')) continue;
      batch.push({ number: row.number, cells });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    break;
  }
  if (batch.length > 0) yield batch;
}

export function readTable(
  file: string,
  format: FileFormat,
  progress: ReadProgress,
): AsyncGenerator<TableRow[]> {
  return format === 'xlsx' ? readXlsx(file, progress) : readCsv(file, progress);
}
