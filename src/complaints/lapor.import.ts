/**
 * Reading a LAPOR! file (CSV, JSON or XLSX) and checking each row against the mapping in force.
 * Every problem is found at once, each with its row and field, in Indonesian and English; the
 * caller imports nothing when there is one. Pure but for the workbook reader.
 */
import { parse } from 'csv-parse/sync';
import { offsetMinutes } from '../core/calendar.ts';
import { type Problem, problemIn } from '../core/errors.ts';
import { textFault } from '../core/text.ts';
import type { ComplaintClass } from './complaints.tables.ts';
import {
  type EffectiveMapping,
  fieldLabels,
  joinedFields,
  type LaporField,
  type LaporOutcomes,
  normalLabel,
  requiredFields,
} from './lapor.mapping.ts';

export type FileKind = 'csv' | 'json' | 'xlsx';

/** A file as a table: its column names and its rows, each with the number a person would call it. */
export interface RawTable {
  kind: FileKind;
  columns: string[];
  rows: Array<{ row: number; cells: Record<string, string> }>;
}

/** A row that passed every check. */
export interface LaporRow {
  row: number;
  laporId: string;
  reportedAt: Date;
  title: string;
  text: string;
  class: ComplaintClass;
  category: string;
  status: string;
  /** The outcome the status means, if any. */
  outcome: (typeof LaporOutcomes)[number] | null;
  /** When that outcome was given: the file's verification date, else the report date. */
  outcomeAt: Date | null;
  source: string;
  name: string;
  contact: string;
  confidential: boolean;
}

export const maxRows = 5000;
const maxTextLength = 20_000;

const fileProblem = (id: string, en: string) => problemIn('file', { id, en });

function kindOf(bytes: Buffer, fileName: string): FileKind {
  if (/\.xlsx$/i.test(fileName) || bytes.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  const head = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/\.json$/i.test(fileName) || head.startsWith('[') || head.startsWith('{')) return 'json';
  return 'csv';
}

/** A JSON value as a cell: strings as they are, numbers and booleans written out. */
function cellOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  return undefined;
}

/** An object's values as cells, nested objects by dotted keys (`pelapor.nama`). */
function flatten(o: Record<string, unknown>, prefix = '', out: Record<string, string> = {}, depth = 0) {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 3)
      flatten(v as Record<string, unknown>, key, out, depth + 1);
    else {
      const c = cellOf(v);
      if (c !== undefined) out[key] = c;
    }
  }
  return out;
}

function readJson(bytes: Buffer): RawTable | Problem[] {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return [fileProblem('berkas bukan JSON yang sah', 'the file is not valid JSON')];
  }
  // A bare list, or the first list in an object: `{ "data": [ … ] }`.
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? Object.values(data).find((v) => Array.isArray(v))
      : undefined;
  if (!Array.isArray(list))
    return [
      fileProblem(
        'JSON harus berupa daftar laporan, atau objek yang memuat daftar laporan',
        'the JSON must be a list of reports, or an object holding one',
      ),
    ];
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows: RawTable['rows'] = [];
  const problems: Problem[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(
        problemIn(`rows[${i + 1}]`, {
          id: `entri ke-${i + 1}: bukan objek laporan`,
          en: `entry ${i + 1}: not a report object`,
        }),
      );
      return;
    }
    const cells = flatten(item as Record<string, unknown>);
    for (const k of Object.keys(cells))
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    rows.push({ row: i + 1, cells });
  });
  return problems.length > 0 ? problems : { kind: 'json', columns, rows };
}

function tableOf(kind: FileKind, grid: string[][]): RawTable {
  const [header = [], ...body] = grid;
  const columns = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows: RawTable['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const record: Record<string, string> = {};
    columns.forEach((c, j) => {
      if (c !== '') record[c] = cells[j] ?? '';
    });
    rows.push({ row: i + 2, cells: record });
  });
  return { kind, columns: columns.filter((c) => c !== ''), rows };
}

function readCsv(bytes: Buffer): RawTable | Problem[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
  try {
    const grid = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return tableOf('csv', grid);
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return [
      fileProblem(
        `berkas CSV tidak terbaca${line ? ` (sekitar baris ${line})` : ''}: periksa tanda kutip`,
        `the CSV file cannot be read${line ? ` (near line ${line})` : ''}: check its quotes`,
      ),
    ];
  }
}

/** A workbook cell as text; a date as its wall-clock time (`YYYY-MM-DD HH:mm:ss`). */
function workbookCell(value: unknown, text: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return text;
}

async function readXlsx(bytes: Buffer): Promise<RawTable | Problem[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return [fileProblem('berkas XLSX tidak terbaca', 'the XLSX file cannot be read')];
  }
  const sheet = book.worksheets[0];
  const grid: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = workbookCell(cell.value, cell.text ?? '');
    });
    grid[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return tableOf(
    'xlsx',
    Array.from(grid, (r) => r ?? []),
  );
}

/** The file as a table, or why it cannot be read. */
export async function readLaporFile(bytes: Buffer, fileName: string): Promise<RawTable | Problem[]> {
  if (bytes.length === 0) return [fileProblem('berkas kosong', 'the file is empty')];
  const kind = kindOf(bytes, fileName);
  const table = kind === 'xlsx' ? await readXlsx(bytes) : kind === 'json' ? readJson(bytes) : readCsv(bytes);
  if (Array.isArray(table)) return table;
  if (table.rows.length === 0) return [fileProblem('tidak ada baris laporan', 'no report row')];
  if (table.rows.length > maxRows)
    return [
      fileProblem(
        `terlalu banyak baris (${table.rows.length}); paling banyak ${maxRows} sekali impor`,
        `too many rows (${table.rows.length}); at most ${maxRows} at once`,
      ),
    ];
  return table;
}

const yes = new Set(['ya', 'y', 'yes', 'true', '1', 'rahasia', 'anonim']);
const no = new Set(['tidak', 't', 'no', 'false', '0', '', '-']);

/**
 * A date or date-time as the file wrote it, on the unit's wall clock unless it names its
 * offset: `2026-12-01`, `2026-12-01 09:30`, `2026-12-01T09:30:00+07:00`, `01/12/2026`,
 * `01-12-2026 09.30` (day first, as Indonesians write it). A date alone is its first minute.
 */
export function parseLaporDate(s: string, timeZone: string): Date | 'invalid' {
  const t = s.trim();
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(t);
  if (m) {
    [y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''];
  } else {
    m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(.*)$/.exec(t);
    if (!m) return 'invalid';
    [d, mo, y, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''];
  }
  const time = /^(?:[T ]\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    rest,
  );
  if (!time) return 'invalid';
  const [hh, mm, ss] = [Number(time[1] ?? 0), Number(time[2] ?? 0), Number(time[3] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return 'invalid';
  const wall = Date.UTC(y, mo - 1, d, hh, mm, ss);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return 'invalid';
  const zone = time[4];
  let offset = offsetMinutes(timeZone);
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const z = zone.replace(':', '');
    offset = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  }
  return new Date(wall - offset * 60_000);
}

/** Which file column fills which field; or the problems of the header row. */
export function locateColumns(
  columns: readonly string[],
  mapping: EffectiveMapping,
): { located: Map<LaporField, string[]> } | { problems: Problem[] } {
  const located = new Map<LaporField, string[]>();
  for (const c of columns) {
    const field = mapping.columns.get(normalLabel(c));
    if (!field || field === 'ignore') continue;
    located.set(field, [...(located.get(field) ?? []), c]);
  }
  const problems: Problem[] = [];
  for (const f of requiredFields)
    if (!located.has(f)) {
      const names = [...mapping.columns.entries()]
        .filter(([, v]) => v === f)
        .map(([k]) => `"${k}"`)
        .join(', ');
      problems.push(
        problemIn(`columns.${f}`, {
          id: `tidak ada kolom untuk ${fieldLabels[f].id}; judul kolom yang dikenali: ${names || '(tidak ada)'}. Sesuaikan pemetaan kolom bila berkas memakai nama lain`,
          en: `no column for the ${fieldLabels[f].en}; headers recognised: ${names || '(none)'}. Adjust the column mapping if the file names it otherwise`,
        }),
      );
    }
  for (const [f, cs] of located as Map<LaporField, string[]>)
    if (cs.length > 1 && !joinedFields.includes(f))
      problems.push(
        problemIn(`columns.${f}`, {
          id: `kolom ${cs.map((c) => `"${c}"`).join(' dan ')} sama-sama dipetakan ke ${fieldLabels[f].id}; abaikan salah satunya di pemetaan kolom`,
          en: `columns ${cs.map((c) => `"${c}"`).join(' and ')} both map to the ${fieldLabels[f].en}; ignore one of them in the column mapping`,
        }),
      );
  return problems.length > 0 ? { problems } : { located };
}

const laporIdPattern = /^[A-Za-z0-9][A-Za-z0-9./_-]{0,39}$/;

/**
 * Checks every row; a LAPOR! id twice in the file is a problem of the second row. `now` bounds
 * the dates: a report from the future is a mistake in the file.
 */
export function checkRows(
  table: RawTable,
  mapping: EffectiveMapping,
  timeZone: string,
  now: Date,
): { rows: LaporRow[]; problems: Problem[] } {
  const where = locateColumns(table.columns, mapping);
  if ('problems' in where) return { rows: [], problems: where.problems };
  const { located } = where;
  const rowWord = table.kind === 'json' ? { id: 'entri ke-', en: 'entry ' } : { id: 'baris ', en: 'row ' };
  const rows: LaporRow[] = [];
  const problems: Problem[] = [];
  const firstRowOf = new Map<string, number>();
  // A report dated a little ahead of the server (a clock off by minutes) is let through.
  const latest = now.getTime() + 60 * 60_000;
  for (const { row, cells } of table.rows) {
    const rowProblems: Problem[] = [];
    const fail = (field: LaporField, id: string, en: string) =>
      rowProblems.push(
        problemIn(`rows[${row}].${field}`, {
          id: `${rowWord.id}${row}, ${fieldLabels[field].id}: ${id}`,
          en: `${rowWord.en}${row}, ${fieldLabels[field].en}: ${en}`,
        }),
      );
    const value = (field: LaporField): string => {
      const cs = located.get(field) ?? [];
      const vs = cs.map((c) => (cells[c] ?? '').trim()).filter((v) => v !== '');
      return joinedFields.includes(field) ? vs.join(', ') : (vs[0] ?? '');
    };
    const text = (field: LaporField, max: number, required = false): string => {
      const v = value(field);
      const fault = textFault(v);
      if (fault)
        fail(
          field,
          fault.kind === 'nul'
            ? 'memuat karakter NUL yang tidak dapat disimpan'
            : `memuat karakter ${fault.codePoint} yang tidak dapat disimpan`,
          fault.kind === 'nul'
            ? 'holds a NUL character that cannot be stored'
            : `holds a character ${fault.codePoint} that cannot be stored`,
        );
      else if (required && v === '') fail(field, 'wajib diisi', 'is required');
      else if (v.length > max)
        fail(
          field,
          `terlalu panjang (${v.length} huruf, paling banyak ${max})`,
          `too long (${v.length} characters, at most ${max})`,
        );
      return v;
    };
    const date = (field: LaporField, required: boolean): Date | null => {
      const v = value(field);
      if (v === '') {
        if (required) fail(field, 'wajib diisi', 'is required');
        return null;
      }
      const d = parseLaporDate(v, timeZone);
      if (d === 'invalid') {
        fail(
          field,
          `"${v.slice(0, 40)}" bukan tanggal (tulis 2026-12-01, 01/12/2026 atau 01/12/2026 09:30)`,
          `"${v.slice(0, 40)}" is not a date (write 2026-12-01, 01/12/2026 or 01/12/2026 09:30)`,
        );
        return null;
      }
      if (d.getTime() > latest) {
        fail(field, `${v} belum terjadi`, `${v} is in the future`);
        return null;
      }
      if (d.getUTCFullYear() < 2000) {
        fail(field, `${v} terlalu lama (sebelum tahun 2000)`, `${v} is too old (before 2000)`);
        return null;
      }
      return d;
    };
    const flag = (field: LaporField): boolean => {
      const v = normalLabel(value(field));
      if (yes.has(v)) return true;
      if (!no.has(v)) fail(field, `"${v}" bukan ya atau tidak`, `"${v}" is not yes or no`);
      return false;
    };

    const laporId = text('laporId', 40, true).replace(/^#/, '');
    if (laporId !== '' && rowProblems.length === 0 && !laporIdPattern.test(laporId))
      fail(
        'laporId',
        `"${laporId}" bukan ID laporan (huruf, angka, "-", "/", "." atau "_", paling banyak 40)`,
        `"${laporId}" is not a report id (letters, digits, "-", "/", "." or "_", at most 40)`,
      );
    else if (laporId !== '' && firstRowOf.has(laporId))
      fail(
        'laporId',
        `${laporId} sudah ada di ${rowWord.id}${firstRowOf.get(laporId)} berkas ini`,
        `${laporId} is already in ${rowWord.en}${firstRowOf.get(laporId)} of this file`,
      );
    else if (laporId !== '') firstRowOf.set(laporId, row);
    const reportedAt = date('reportedAt', true);
    const title = text('title', 500);
    const body = text('text', maxTextLength, true);
    const classLabel = text('class', 120, true);
    let kind: ComplaintClass | undefined;
    if (classLabel !== '') {
      kind = mapping.classes.get(normalLabel(classLabel));
      if (!kind)
        fail(
          'class',
          `"${classLabel}" tidak dikenal (yang dikenal: ${[...mapping.classes.keys()].join(', ')})`,
          `"${classLabel}" is not known (known: ${[...mapping.classes.keys()].join(', ')})`,
        );
    }
    const category = text('category', 200);
    const status = text('status', 120);
    let outcome: LaporRow['outcome'] = null;
    if (status !== '') {
      const o = mapping.statuses.get(normalLabel(status));
      if (o === undefined)
        fail(
          'status',
          `"${status}" tidak dikenal (yang dikenal: ${[...mapping.statuses.keys()].join(', ')})`,
          `"${status}" is not known (known: ${[...mapping.statuses.keys()].join(', ')})`,
        );
      else outcome = o === 'none' ? null : o;
    }
    const source = text('source', 200);
    const name = text('name', 200);
    const contact = text('contact', 200);
    const confidential = flag('confidential');
    const anonymous = flag('anonymous');
    const verifiedAt = date('verifiedAt', false);
    if (verifiedAt && reportedAt && verifiedAt < reportedAt)
      fail('verifiedAt', 'lebih awal dari tanggal laporan', 'is earlier than the report date');
    if (rowProblems.length > 0 || !reportedAt || !kind) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      row,
      laporId,
      reportedAt,
      title,
      text: body,
      class: kind,
      category,
      status,
      outcome,
      outcomeAt: outcome ? (verifiedAt ?? reportedAt) : null,
      source,
      // An anonymous report names nobody, whatever the file says beside it.
      name: anonymous ? '' : name,
      contact: anonymous ? '' : contact,
      confidential,
    });
  }
  return { rows, problems };
}
