import { parse } from 'csv-parse/sync';
import type { Bilingual } from './skm.ts';
import { type Answers, type Score, scoreOf, type UnsurId, unsurIds } from './skm.ts';

/**
 * Survey responses collected on paper or in a spreadsheet, one row per respondent: columns
 * U1–U9 holding 1–4 or a–d, then the respondent profile the regulation's form asks for. A file
 * either reads whole or is refused with every problem by row and column, so that an office can
 * correct its sheet and try again; nothing is counted from a file with problems.
 */

export interface Profile {
  sex?: 'L' | 'P';
  age?: number;
  education?: string;
  occupation?: string;
}

export interface PaperResponse {
  /** The row in the file as a spreadsheet numbers it (the header is row 1). */
  row: number;
  answers: Answers;
  profile: Profile;
}

export interface PaperProblem {
  row: number;
  column: string;
  message: Bilingual;
}

export type PaperRead =
  | { ok: true; responses: PaperResponse[] }
  | { ok: false; problems: PaperProblem[]; rows: number };

const profileHeaders: Record<keyof Profile, string[]> = {
  sex: ['jenis kelamin', 'jk', 'kelamin', 'sex', 'gender'],
  age: ['umur', 'usia', 'age'],
  education: ['pendidikan', 'pendidikan terakhir', 'education'],
  occupation: ['pekerjaan', 'pekerjaan utama', 'occupation'],
};

const normal = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** U1 as `U1`, `u 1`, `Unsur 1` or `U1 Persyaratan`. */
function unsurOfHeader(h: string): UnsurId | undefined {
  const m = /^(?:u|unsur) ?([1-9])(?:\b|$)/.exec(normal(h));
  return m ? (`U${m[1]}` as UnsurId) : undefined;
}

/** The rows of a CSV (`,` or `;`, as Indonesian Excel writes it, with or without a BOM) or of an XLSX's first sheet. */
export async function readTable(bytes: Buffer, fileName: string): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName) || bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** Reads the responses of a table, or every problem it has. */
export function readResponses(table: string[][]): PaperRead {
  const [header = [], ...body] = table;
  const problems: PaperProblem[] = [];
  const unsurColumn = new Map<UnsurId, number>();
  const profileColumn = new Map<keyof Profile, number>();
  header.forEach((h, i) => {
    const u = unsurOfHeader(h);
    if (u && !unsurColumn.has(u)) unsurColumn.set(u, i);
    for (const [key, names] of Object.entries(profileHeaders) as [keyof Profile, string[]][])
      if (names.includes(normal(h)) && !profileColumn.has(key)) profileColumn.set(key, i);
  });
  const absent = unsurIds.filter((u) => !unsurColumn.has(u));
  if (absent.length > 0) {
    return {
      ok: false,
      rows: 0,
      problems: [
        {
          row: 1,
          column: absent.join(', '),
          message: {
            id: `kolom ${absent.join(', ')} tidak ada di baris judul; baris pertama harus memuat U1 sampai U9`,
            en: `no column ${absent.join(', ')} in the header row; the first row must name U1 to U9`,
          },
        },
      ],
    };
  }
  const responses: PaperResponse[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const answers: Answers = {};
    for (const u of unsurIds) {
      const raw = cells[unsurColumn.get(u) as number] ?? '';
      if (raw.trim() === '') continue;
      const s: Score | undefined = scoreOf(raw);
      if (s === undefined) {
        problems.push({
          row,
          column: u,
          message: {
            id: `“${raw.trim()}” bukan jawaban; isi 1–4 atau a–d`,
            en: `“${raw.trim()}” is not an answer; write 1–4 or a–d`,
          },
        });
      } else answers[u] = s;
    }
    if (Object.keys(answers).length === 0 && !problems.some((p) => p.row === row)) {
      problems.push({
        row,
        column: 'U1–U9',
        message: { id: 'tidak ada jawaban U1–U9 di baris ini', en: 'no answer to U1–U9 in this row' },
      });
    }
    const profile: Profile = {};
    const cell = (key: keyof Profile) => {
      const c = profileColumn.get(key);
      return c === undefined ? '' : (cells[c] ?? '').trim();
    };
    const sex = cell('sex').toLowerCase();
    if (sex) {
      if (['l', 'laki-laki', 'laki laki', 'pria', 'm', 'male'].includes(sex)) profile.sex = 'L';
      else if (['p', 'perempuan', 'wanita', 'f', 'female'].includes(sex)) profile.sex = 'P';
      else
        problems.push({
          row,
          column: header[profileColumn.get('sex') as number] ?? 'jenis kelamin',
          message: {
            id: `“${cell('sex')}” bukan jenis kelamin; isi L atau P`,
            en: `“${cell('sex')}” is not a sex; write L or P`,
          },
        });
    }
    const age = cell('age');
    if (age) {
      const n = Number(age);
      if (Number.isInteger(n) && n >= 10 && n <= 120) profile.age = n;
      else
        problems.push({
          row,
          column: header[profileColumn.get('age') as number] ?? 'umur',
          message: {
            id: `“${age}” bukan umur; isi bilangan bulat 10–120`,
            en: `“${age}” is not an age; write a whole number 10–120`,
          },
        });
    }
    if (cell('education')) profile.education = cell('education');
    if (cell('occupation')) profile.occupation = cell('occupation');
    responses.push({ row, answers, profile });
  });
  if (problems.length > 0) return { ok: false, problems, rows: responses.length };
  return { ok: true, responses };
}
