import { parseKk, parseNik } from '../../core/nik.ts';
import { isMaskedNumber } from '../../core/privacy.ts';
import { getVillage, normaliseRegionCode } from '../../core/regions.ts';
import {
  codeOf,
  isNoneWord,
  type RowField,
  type TemplateColumn,
  TemplateColumns,
  type VocabularyName,
} from '../registry.columns.ts';

/**
 * Validation of one row of a register file. Pure: the same row and context give the same
 * result, so it is unit-tested without a database. Cross-row rules (one head per family,
 * duplicate NIKs, the register's existing rows) are checked by the import in SQL.
 */
export type Cell = string | number | boolean | Date | null | undefined;

export interface RowProblem {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The column's header as written in the template. */
  column: string;
  value: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A valid row, ready for the staging table. Dates are `YYYY-MM-DD`. */
export interface PersonRow {
  kk: string;
  nik: string;
  name: string;
  birthPlace: string;
  birthDate: string;
  sex: string;
  relationship: string;
  maritalStatus: string;
  education: string;
  schooling: string;
  occupation: string;
  disabilityKind: string;
  disabilitySeverity: string;
  pregnancy: string;
  alive: boolean;
  deathDate: string | null;
  villageCode: string;
  address: string;
  rt: string;
  rw: string;
  decile: number | null;
  welfareStatus: string;
  statusPeriod: string;
}

export interface RowContext {
  today: Date;
  /** `YYYY-MM-DD` of `today`. */
  todayIso: string;
  /** The unit's region code (`33.14`); villages outside it are refused. */
  regionCode: string;
  regionName: string;
  /** A village operator's village: other villages are refused. */
  villageCode?: string | null | undefined;
}

export function rowContext(opts: Omit<RowContext, 'todayIso'>): RowContext {
  return { ...opts, todayIso: opts.today.toISOString().slice(0, 10) };
}

const header = new Map<RowField, string>(TemplateColumns.map((c) => [c.key, c.header]));

const pad2 = (n: number) => String(n).padStart(2, '0');

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function validYmd(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY-MM-DD` or a spreadsheet date → ISO, or the reason it is not a date. */
export function parseDate(cell: Cell, what: string): { value?: string; error?: string } {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: `${what} tidak valid` };
    return { value: cell.toISOString().slice(0, 10) };
  }
  const s = cellText(cell);
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!match) return { error: `${what} tidak dikenali ("${s}"); tulis DD-MM-YYYY` };
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  }
  if (m < 1 || m > 12) return { error: `${what} tidak valid (bulan ${m})` };
  if (d < 1 || d > 31) return { error: `${what} tidak valid (hari ${d})` };
  if (!validYmd(y, m, d)) return { error: `${what} tidak valid (${pad2(d)}-${pad2(m)}-${y} tidak ada)` };
  if (y < 1880) return { error: `${what} tidak valid (tahun ${y})` };
  return { value: `${y}-${pad2(m)}-${pad2(d)}` };
}

const isoToDmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

const fieldIndexes = new WeakMap<Array<TemplateColumn | undefined>, Map<RowField, number>>();
function fieldIndexOf(columns: Array<TemplateColumn | undefined>): Map<RowField, number> {
  let map = fieldIndexes.get(columns);
  if (!map) {
    map = new Map();
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (c) map.set(c.key, i);
    }
    fieldIndexes.set(columns, map);
  }
  return map;
}

/** One row under validation: its cells by field, and the problems found so far. */
class RowCheck {
  readonly problems: RowProblem[] = [];
  constructor(
    readonly rowNumber: number,
    readonly index: Map<RowField, number>,
    readonly cells: Cell[],
  ) {}

  cell(field: RowField): Cell {
    const i = this.index.get(field);
    return i === undefined ? undefined : this.cells[i];
  }

  text(field: RowField): string {
    return cellText(this.cell(field));
  }

  report(field: RowField, message: string, severity: 'error' | 'warning' = 'error') {
    this.problems.push({
      row: this.rowNumber,
      column: header.get(field) ?? field,
      value: this.text(field),
      severity,
      message,
    });
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  required(field: RowField, label: string): string {
    const s = this.text(field);
    if (s === '') this.report(field, `${label} wajib diisi`);
    return s;
  }

  /** Reports the cell's error, if any, and gives its value. */
  checked<T>(field: RowField, result: CellResult<T>): T {
    if (result.error !== undefined) this.report(field, result.error);
    return result.value;
  }

  vocab(field: VocabularyColumn): string {
    return this.checked(field, vocabCell(field, this.text(field)));
  }

  /** NIK or KK; a spreadsheet that stored them as numbers has already lost digits. */
  idNumber(field: 'nik' | 'kk', today: Date) {
    const cell = this.cell(field);
    const label = field === 'nik' ? 'NIK' : 'Nomor KK';
    if (typeof cell === 'number') {
      this.report(
        field,
        `${label} tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu isi ulang`,
      );
      return undefined;
    }
    const s = this.text(field);
    if (s === '') {
      this.report(field, `${label} wajib diisi`);
      return undefined;
    }
    // A masked export read back: say so, rather than "digits only".
    if (isMaskedNumber(s)) {
      this.report(
        field,
        `${label} disamarkan (berkas ekspor tanpa hak tampil); ekspor ulang oleh petugas yang berhak melihat nomor lengkap`,
      );
      return undefined;
    }
    const result = field === 'nik' ? parseNik(s, { today }) : parseKk(s, { today });
    for (const p of result.problems) this.report(field, p.message, p.severity);
    return result.ok ? result.value : undefined;
  }

  date(field: 'birthDate' | 'deathDate', what: string, todayIso: string): string | undefined {
    const cell = this.cell(field);
    const parsed = parseDate(cell, what);
    if (parsed.error) this.report(field, parsed.error);
    else if (parsed.value && parsed.value > todayIso)
      this.report(field, `${what} ${isoToDmy(parsed.value)} belum terjadi`);
    else return parsed.value;
    return undefined;
  }

  smallNumber(field: 'rt' | 'rw'): string {
    return this.checked(field, smallNumberCell(this.text(field), field));
  }
}

/**
 * A cell checked on its own: its value, and the message of its problem when it has one (then
 * the value is the one the row carries on with). One cell's text always gives the same result,
 * so the import's byte-level lane (`byte-lane.ts`) remembers them per column.
 */
export type CellResult<T> = { value: T; error?: string };

/**
 * The enumeration columns, each checked against the vocabulary of its name: whether it must be
 * filled, its name in messages, and its value when left empty (or "none").
 */
export const vocabularyColumns = {
  sex: { must: true, label: 'Jenis kelamin', empty: '' },
  relationship: { must: true, label: 'Hubungan keluarga', empty: '' },
  maritalStatus: { must: false, label: 'Status perkawinan', empty: '' },
  education: { must: false, label: 'Pendidikan', empty: '' },
  schooling: { must: false, label: 'Partisipasi sekolah', empty: '' },
  disabilityKind: { must: false, label: 'Jenis disabilitas', empty: '' },
  disabilitySeverity: { must: false, label: 'Tingkat disabilitas', empty: '' },
  pregnancy: { must: false, label: 'Status hamil/menyusui', empty: '' },
  lifeStatus: { must: false, label: 'Status hidup', empty: '' },
  // A family the file does not say is registered is not registered.
  welfareStatus: { must: false, label: 'Status DTKS/DTSEN', empty: 'non' },
} satisfies Partial<Record<VocabularyName, { must: boolean; label: string; empty: string }>>;
export type VocabularyColumn = keyof typeof vocabularyColumns;

export function vocabCell(field: VocabularyColumn, s: string): CellResult<string> {
  const { must, label, empty } = vocabularyColumns[field];
  if (s === '' || (!must && isNoneWord(s)))
    return must ? { value: '', error: `${label} wajib diisi` } : { value: empty };
  const code = codeOf(field, s);
  return code === undefined ? { value: '', error: `${label} "${s}" tidak dikenal` } : { value: code };
}

export function smallNumberCell(s: string, field: 'rt' | 'rw'): CellResult<string> {
  if (s === '') return { value: '' };
  if (!/^\d{1,3}$/.test(s)) return { value: '', error: `${field.toUpperCase()} harus angka 1–3 digit` };
  return { value: s.padStart(3, '0') };
}

export function decileCell(s: string): CellResult<number | null> {
  if (isNoneWord(s)) return { value: null };
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 10)
    return { value: null, error: `desil harus 1–10 (tertulis "${s}")` };
  return { value: n };
}

/** `YYYY-MM`, also `MM/YYYY` and `MM-YYYY`. */
export function periodCell(s: string): CellResult<string> {
  if (s === '') return { value: '' };
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const local = iso ? null : /^(\d{1,2})[/-](\d{4})$/.exec(s);
  const year = Number(iso ? iso[1] : local?.[2]);
  const month = Number(iso ? iso[2] : local?.[1]);
  if ((!iso && !local) || month < 1 || month > 12)
    return { value: '', error: `periode "${s}" harus YYYY-MM` };
  return { value: `${year}-${pad2(month)}` };
}

/** The village code column: the village, which must be in the unit's region (and the operator's village). */
export function villageCell(s: string, ctx: RowContext): CellResult<string> {
  if (s === '') return { value: '', error: 'Kode desa wajib diisi' };
  const { code, village } = villageOf(s);
  if (code?.split('.').length !== 4)
    return { value: '', error: `kode desa "${s}" harus 10 digit, mis. 33.14.01.2001` };
  if (!village) return { value: '', error: `kode desa ${code} tidak dikenal` };
  if (!code.startsWith(`${ctx.regionCode}.`))
    return { value: '', error: `desa ${village.name} (${code}) di luar wilayah ${ctx.regionName}` };
  if (ctx.villageCode && code !== ctx.villageCode)
    return { value: '', error: `desa ${village.name} (${code}) bukan desa Anda (${ctx.villageCode})` };
  return { value: code };
}

const villages = new Map<string, { code: string | undefined; village: ReturnType<typeof getVillage> }>();
/** A village cell's code and village; remembered, as a file names the same villages over and over. */
function villageOf(text: string) {
  let hit = villages.get(text);
  if (!hit) {
    const code = normaliseRegionCode(text);
    hit = { code, village: code ? getVillage(code) : undefined };
    if (villages.size < 10_000) villages.set(text, hit);
  }
  return hit;
}

const hasValue = (cell: Cell) => cell instanceof Date || cellText(cell) !== '';

/**
 * Validates one row. `cells[i]` belongs to `columns[i]`. Returns the row when it has no error
 * (warnings may still be reported) and every problem found, not only the first.
 */
export function validateRow(
  rowNumber: number,
  columns: Array<TemplateColumn | undefined>,
  cells: Cell[],
  ctx: RowContext,
): { row?: PersonRow; problems: RowProblem[] } {
  const c = new RowCheck(rowNumber, fieldIndexOf(columns), cells);

  const kk = c.idNumber('kk', ctx.today);
  const nik = c.idNumber('nik', ctx.today) as ReturnType<typeof parseNik>['value'];

  const name = c.required('name', 'Nama').replace(/\s+/g, ' ');
  if (name.length > 100) c.report('name', 'Nama terlalu panjang (lebih dari 100 huruf)');

  let birthDate = '';
  if (!hasValue(c.cell('birthDate'))) c.report('birthDate', 'Tanggal lahir wajib diisi');
  else birthDate = c.date('birthDate', 'tanggal lahir', ctx.todayIso) ?? '';

  const sex = c.vocab('sex');
  const relationship = c.vocab('relationship');
  const maritalStatus = c.vocab('maritalStatus');
  const education = c.vocab('education');
  const schooling = c.vocab('schooling');
  const disabilityKind = c.vocab('disabilityKind');
  const disabilitySeverity = c.vocab('disabilitySeverity');
  if (disabilitySeverity && !disabilityKind && c.text('disabilityKind') === '')
    c.report('disabilitySeverity', 'tingkat disabilitas diisi tetapi jenis disabilitas kosong');
  const pregnancy = c.vocab('pregnancy');
  if (pregnancy && sex === 'L') c.report('pregnancy', 'status hamil/menyusui hanya untuk perempuan');

  // What the NIK says must agree with the columns; a mismatch is worth a look, not a refusal
  // (the NIK may be the one that is wrong, and only Dukcapil can change it).
  if (nik && birthDate && nik.birthDate !== birthDate)
    c.report('birthDate', `tanggal lahir tidak sama dengan NIK (${isoToDmy(nik.birthDate)})`, 'warning');
  if (nik && sex && nik.sex !== sex)
    c.report(
      'sex',
      `jenis kelamin tidak sama dengan NIK (${nik.sex === 'P' ? 'perempuan' : 'laki-laki'})`,
      'warning',
    );

  const life = c.vocab('lifeStatus');
  let deathDate: string | null = null;
  if (hasValue(c.cell('deathDate'))) {
    const value = c.date('deathDate', 'tanggal meninggal', ctx.todayIso);
    if (value && birthDate && value < birthDate)
      c.report('deathDate', 'tanggal meninggal sebelum tanggal lahir');
    else if (value) deathDate = value;
  }
  if (life === 'hidup' && deathDate) c.report('lifeStatus', 'status Hidup tetapi tanggal meninggal diisi');
  const alive = life !== 'meninggal' && deathDate === null;

  const villageCode = c.checked('villageCode', villageCell(c.text('villageCode'), ctx));
  const rt = c.smallNumber('rt');
  const rw = c.smallNumber('rw');
  const decile = c.checked('decile', decileCell(c.text('decile')));
  const welfareStatus = c.vocab('welfareStatus');
  const statusPeriod = c.checked('statusPeriod', periodCell(c.text('statusPeriod')));

  if (c.failed || !kk || !nik) return { problems: c.problems };
  return {
    row: {
      kk: kk.value,
      nik: nik.nik,
      name,
      birthPlace: c.text('birthPlace').slice(0, 100),
      birthDate,
      sex,
      relationship,
      maritalStatus,
      education,
      schooling,
      occupation: c.text('occupation').slice(0, 100),
      disabilityKind,
      disabilitySeverity,
      pregnancy,
      alive,
      deathDate,
      villageCode,
      address: c.text('address').slice(0, 200),
      rt,
      rw,
      decile,
      welfareStatus,
      statusPeriod,
    },
    problems: c.problems,
  };
}
