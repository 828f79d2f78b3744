import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Cell } from './string-lane.ts';

/**
 * Streaming readers of register files. Each yields the header row first, then the data rows
 * with their spreadsheet row numbers, in chunks (`RowChunk`), and never holds more than a
 * buffer of the file: memory stays flat whatever its size. `progress.bytes` counts the bytes
 * read so far (of the compressed file for XLSX), for the progress bar.
 */
export type FileFormat = 'csv' | 'xlsx';

/**
 * Rows as the reader found them. A CSV line that ends in a line feed and has no quote stays
 * bytes, a span of `bytes`: the import's byte lane (`byte-lane.ts`) reads most rows that way
 * without making a string of them. Any other row (quoted, the last line without a line break,
 * lines ended by a lone CR, or a workbook's) comes as cells. `cellsAt` gives any row's cells.
 */
export interface RowChunk {
  count: number;
  /**
   * Three numbers a row: its row number, then the start and end of its bytes in `bytes` (the
   * line without its line break), or -1 and -1 when its cells are in `parsed`.
   */
  spans: Int32Array;
  bytes: Uint8Array;
  parsed: Array<Cell[] | undefined>;
  /** The CSV delimiter's character code. */
  delimiter: number;
}

/**
 * UTF-8 text of `bytes[from, to)`. A byte order mark inside is kept as a character, as the
 * string reader kept it (only the file's first one is dropped, by `readCsv`).
 */
export function utf8Text(bytes: Uint8Array, from: number, to: number): string {
  return asBuffer(bytes).toString('utf8', from, to);
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A row's cells: a CSV line split at its delimiter, or the cells it came with. */
export function cellsAt(chunk: RowChunk, i: number): Cell[] {
  const start = chunk.spans[i * 3 + 1] as number;
  if (start < 0) return chunk.parsed[i] ?? [];
  return utf8Text(chunk.bytes, start, chunk.spans[i * 3 + 2] as number).split(
    String.fromCharCode(chunk.delimiter),
  );
}

/** Collects the rows of a chunk. */
class ChunkBuilder {
  private spans = new Int32Array(3 * 1024);
  private parsed: Array<Cell[] | undefined> = [];
  private count = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly delimiter: number,
  ) {}
  /** A line without quotes, as a span of the chunk's bytes. */
  line(number: number, start: number, end: number) {
    if (this.spans.length < (this.count + 1) * 3) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[this.count * 3] = number;
    this.spans[this.count * 3 + 1] = start;
    this.spans[this.count * 3 + 2] = end;
    this.count++;
  }
  cells(number: number, cells: Cell[]) {
    this.parsed[this.count] = cells;
    this.line(number, -1, -1);
  }
  get size() {
    return this.count;
  }
  done(): RowChunk {
    return {
      count: this.count,
      spans: this.spans,
      bytes: this.bytes,
      parsed: this.parsed,
      delimiter: this.delimiter,
    };
  }
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

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses one record of `buf` starting at `start`, honouring quotes (`""` inside quotes is a
 * quote; a quote inside an unquoted field is kept as text). Returns undefined when the record
 * runs past the end of `buf` and more input may follow. Quotes, delimiters and line breaks are
 * ASCII, so bytes are cut only between characters.
 */
function parseRecord(
  buf: Uint8Array,
  start: number,
  delimiter: number,
  atEnd: boolean,
): { fields: string[]; end: number } | undefined {
  const fields: string[] = [];
  const bytes = asBuffer(buf);
  const text = (from: number, to: number) => bytes.toString('utf8', from, to);
  let i = start;
  const n = buf.length;
  for (;;) {
    if (i < n && buf[i] === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = buf.indexOf(QUOTE, j);
        if (q < 0) {
          if (!atEnd) return undefined;
          value += text(j, n);
          j = n;
          break;
        }
        value += text(j, q);
        if (buf[q + 1] === QUOTE) {
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
      while (k < n && buf[k] !== delimiter && buf[k] !== LF && buf[k] !== CR) k++;
      value += text(j, k);
      fields.push(value);
      i = k;
    } else {
      let k = i;
      while (k < n && buf[k] !== delimiter && buf[k] !== LF && buf[k] !== CR) k++;
      if (k >= n && !atEnd) return undefined;
      fields.push(text(i, k));
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
    if (buf[i] === CR) {
      if (i + 1 >= n && !atEnd) return undefined;
      i += buf[i + 1] === LF ? 2 : 1;
    } else i++;
    return { fields, end: i };
  }
}

/**
 * CSV (RFC 4180, any of `,` `;` tab; UTF-8 with or without BOM), in chunks of rows. A line
 * without quotes ends at `\n` (a `\r` before it dropped); a record with quotes may span lines.
 */
export async function* readCsv(file: string, progress: ReadProgress): AsyncGenerator<RowChunk> {
  // Set from the header line, in the first read.
  let delimiter = -1;
  let rest: Uint8Array | undefined;
  let number = 0;
  /** The rows of `buf` and where the unfinished one starts. */
  const take = (buf: Uint8Array, atEnd: boolean): { chunk: RowChunk; pos: number } => {
    const rows = new ChunkBuilder(buf, delimiter);
    let pos = 0;
    let quote = -2;
    while (pos < buf.length) {
      const nl = buf.indexOf(LF, pos);
      if (quote !== -1 && quote < pos) quote = buf.indexOf(QUOTE, pos);
      if (nl >= 0 && (quote === -1 || quote > nl)) {
        // A line without quotes.
        const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
        number++;
        if (end > pos) rows.line(number, pos, end);
        pos = nl + 1;
        continue;
      }
      const r = parseRecord(buf, pos, delimiter, atEnd);
      if (!r) break;
      pos = r.end;
      number++;
      if (r.fields.length === 1 && r.fields[0] === '') continue;
      rows.cells(number, r.fields);
    }
    return { chunk: rows.done(), pos };
  };
  for await (const read of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const chunk = read as Buffer;
    progress.bytes += chunk.length;
    progress.hash?.update(chunk);
    let buf: Uint8Array = rest ? Buffer.concat([rest, chunk]) : chunk;
    if (delimiter < 0) {
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      const header = buf.indexOf(LF);
      const end = Math.min(header < 0 ? buf.length : header, 64 * 1024);
      delimiter = detectDelimiter(utf8Text(buf, 0, end)).charCodeAt(0);
    }
    const { chunk: rows, pos } = take(buf, false);
    // The unfinished row waits for the next read, which copies it in front of its bytes.
    rest = pos < buf.length ? buf.subarray(pos) : undefined;
    if (rows.count > 0) yield rows;
  }
  if (rest) {
    const { chunk: rows } = take(rest, true);
    if (rows.count > 0) yield rows;
  }
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

export async function* readXlsx(file: string, progress: ReadProgress): AsyncGenerator<RowChunk> {
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
  const empty = new Uint8Array(0);
  let batch = new ChunkBuilder(empty, 0);
  for await (const worksheet of reader) {
    // The first sheet holds the data; an instruction sheet may follow it.
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i] as ExcelValue));
      if (cells.every((c) => c === null || c === '')) continue;
      batch.cells(row.number, cells);
      if (batch.size >= 1000) {
        yield batch.done();
        batch = new ChunkBuilder(empty, 0);
      }
    }
    break;
  }
  if (batch.size > 0) yield batch.done();
}

export function readTable(
  file: string,
  format: FileFormat,
  progress: ReadProgress,
): AsyncGenerator<RowChunk> {
  return format === 'xlsx' ? readXlsx(file, progress) : readCsv(file, progress);
}
