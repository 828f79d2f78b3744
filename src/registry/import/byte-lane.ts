import { type DatePart, datePart, regionProblems } from '../../core/nik.ts';
import { copyValue } from '../../db/copy-text.ts';
import { FamilyFields, PersonFields, type RowField, type TemplateColumn } from '../registry.columns.ts';
import { fieldHash, fieldHashBytes } from './file-checks.ts';
import { utf8Text } from './readers.ts';
import {
  type CellResult,
  decileCell,
  periodCell,
  type RowContext,
  smallNumberCell,
  type VocabularyColumn,
  villageCell,
  vocabCell,
  vocabularyColumns,
} from './string-lane.ts';

/**
 * The import's byte lane: most rows of a register file are plain ASCII lines that pass every
 * check, and this reads such a line straight from the file's bytes into COPY text, without
 * making a string of each cell and an object of the row. It is a shortcut, not a second set of
 * rules: a row it is not sure of (any problem, even a warning; a character that is not plain
 * ASCII; a backslash; a date of death; a cell in an unusual form) it leaves to `validateRow`,
 * which then reports exactly what it always did. The cells it looks up (enumerations, village
 * codes, RT/RW, decile, period) are checked by `string-lane.ts`'s own functions the first time a
 * spelling is seen, and the answer is remembered by the cell's bytes.
 *
 * The lane's output must equal what `validateRow` and `read-phase.ts` make of the same row:
 * `byte-lane.test.ts` reads files both ways and compares every byte.
 */

const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const encoder = new TextEncoder();

/** A checked cell, remembered: its value as COPY text and as `fieldHash` has it. */
interface Known {
  ok: boolean;
  /** The value's COPY text (never needs escaping: codes, digits, dots). */
  copy: Uint8Array;
  /** `fieldHash` of the value, for the family fields. */
  hash: number;
  /** The value itself, for the rules between cells. */
  value: string | number | null;
  /** The trimmed cell was empty. */
  empty: boolean;
}

/**
 * Results by the cell's bytes: an open-addressing table over a pool of the keys' bytes. It
 * stops learning at `capacity` spellings, and does not learn cells longer than 64 bytes (such
 * cells, and a column with more spellings, are checked each time).
 */
class ByteCache {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: Known[] = [];
  private pool = new Uint8Array(4096);
  private used = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
  }

  get(bytes: Uint8Array, from: number, to: number): Known | undefined {
    const h = fieldHashBytes(bytes, from, to);
    const length = to - from;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i] as number;
      if (slot === 0) return undefined;
      const e = slot - 1;
      if (this.hashes[e] !== h || this.lengths[e] !== length) continue;
      const at = this.starts[e] as number;
      let same = true;
      for (let k = 0; k < length; k++)
        if (this.pool[at + k] !== bytes[from + k]) {
          same = false;
          break;
        }
      if (same) return this.values[e];
    }
  }

  set(bytes: Uint8Array, from: number, to: number, value: Known): void {
    const length = to - from;
    if (this.values.length >= this.capacity || length > 64) return;
    if (this.used + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.used + length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(from, to), this.used);
    const h = fieldHashBytes(bytes, from, to);
    let i = h & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.hashes.push(h);
    this.starts.push(this.used);
    this.lengths.push(length);
    this.values.push(value);
    this.slots[i] = this.values.length;
    this.used += length;
  }
}

/** The fields of a row in COPY order: the person's, then the family's. */
const outputFields = [...PersonFields, ...FamilyFields] as const;
type OutputField = (typeof outputFields)[number];
const slotOf = new Map<OutputField, number>(outputFields.map((f, i) => [f, i]));
const slot = (f: OutputField) => slotOf.get(f) as number;
const familySlots = FamilyFields.map(slot);

const constant = (text: string): Uint8Array => encoder.encode(text);
const TRUE = constant('t');
const FALSE = constant('f');
const NULL = constant('\\N');

/** How each checked column is checked, and its cache. */
interface LookupColumn {
  field: RowField;
  check: (text: string) => CellResult<string | number | null>;
  cache: ByteCache;
}

/** A parsed NIK or KK: its halves, and its date part (valid: it has no problem at all). */
interface IdNumber {
  hi: number;
  lo: number;
  /** The date as YYYYMMDD. */
  ymd: number;
  /** A NIK of a woman (its day is the birth day + 40). */
  female: boolean;
  /** Where its 16 digits start in the line. */
  at: number;
}

/** A date part as one number: YYYYMMDD × 2 plus 1 for a woman; 0 when it has any problem. */
function dateKey(part: DatePart): number {
  if (part.problems.length > 0) return 0;
  const ymd =
    Number(part.date.slice(0, 4)) * 10_000 +
    Number(part.date.slice(5, 7)) * 100 +
    Number(part.date.slice(8, 10));
  return ymd * 2 + (part.female ? 1 : 0);
}

export class ByteLane {
  // The row just read (valid until the next `read`).
  readonly kk: IdNumber = { hi: 0, lo: 0, ymd: 0, female: false, at: 0 };
  readonly nik: IdNumber = { hi: 0, lo: 0, ymd: 0, female: false, at: 0 };
  /** The birth date's COPY text, YYYY-MM-DD. */
  private readonly birthIso = new Uint8Array(10);
  head = false;
  /** `fieldHash` of each family field, in `FamilyFields` order. */
  readonly familyHash = new Int32Array(FamilyFields.length);
  private src: Uint8Array = new Uint8Array(0);
  /** Per output field: bytes of its own (`value`) or a span of the line (`from`, `to`). */
  private readonly value: Array<Uint8Array | null> = outputFields.map(() => null);
  private readonly from = new Int32Array(outputFields.length);
  private readonly to = new Int32Array(outputFields.length);
  /** Per output field given by `value`: `fieldHash` of it. */
  private readonly hash = new Int32Array(outputFields.length);

  private readonly column: Record<RowField, number>;
  private readonly starts = new Int32Array(256);
  private fields = 0;
  private lineEnd = 0;
  private readonly regions = new Map<number, boolean>();
  /** By DDMMYY: YYYYMMDD × 2, plus 1 for a woman; 0 for a date with a problem. */
  private readonly dates = { nik: new Map<number, number>(), kk: new Map<number, number>() };
  private readonly lookups: Record<string, LookupColumn>;

  constructor(
    columns: Array<TemplateColumn | undefined>,
    private readonly ctx: RowContext,
    private readonly delimiter: number,
  ) {
    this.column = {} as Record<RowField, number>;
    columns.forEach((c, i) => {
      if (c && this.column[c.key] === undefined) this.column[c.key] = i;
    });
    const cached = (c: { field: RowField; check: LookupColumn['check'] }, capacity = 512): LookupColumn => ({
      ...c,
      cache: new ByteCache(capacity),
    });
    this.lookups = Object.fromEntries(
      [
        ...(Object.keys(vocabularyColumns) as VocabularyColumn[]).map((field) =>
          cached({ field, check: (t) => vocabCell(field, t) }),
        ),
        cached({ field: 'villageCode', check: (t) => villageCell(t, ctx) }, 8192),
        cached({ field: 'rt', check: (t) => smallNumberCell(t, 'rt') }),
        cached({ field: 'rw', check: (t) => smallNumberCell(t, 'rw') }),
        cached({ field: 'decile', check: decileCell }),
        cached({ field: 'statusPeriod', check: periodCell }),
      ].map((l) => [l.field, l]),
    );
  }

  /** The span `[a, b)` of the last `span` (no array made for each cell). */
  private a = 0;
  private b = 0;

  /**
   * Sets `a` and `b` to a column's cell, spaces trimmed when `trim` (empty when the file lacks
   * the column or the row the cell).
   */
  private span(field: RowField, trim = true): void {
    const j = this.column[field];
    if (j === undefined || j >= this.fields) {
      this.a = 0;
      this.b = 0;
      return;
    }
    let a = this.starts[j] as number;
    let b = j + 1 < this.fields ? (this.starts[j + 1] as number) - 1 : this.lineEnd;
    const s = this.src;
    if (trim) {
      while (a < b && s[a] === SPACE) a++;
      while (b > a && s[b - 1] === SPACE) b--;
    }
    this.a = a;
    this.b = b;
  }

  /** A checked column's cell, or undefined when it has a problem. */
  private lookup(field: RowField): Known | undefined {
    const column = this.lookups[field] as LookupColumn;
    this.span(field, false);
    const { a, b } = this;
    let known = column.cache.get(this.src, a, b);
    if (!known) {
      const text = utf8Text(this.src, a, b).trim();
      const r = column.check(text);
      known = {
        ok: r.error === undefined,
        copy: encoder.encode(copyValue(r.value)),
        hash: fieldHash(r.value),
        value: r.value,
        empty: text === '',
      };
      column.cache.set(this.src, a, b, known);
    }
    return known.ok ? known : undefined;
  }

  private set(field: OutputField, value: Uint8Array): void {
    this.value[slot(field)] = value;
  }

  private setKnown(field: OutputField, known: Known): void {
    const i = slot(field);
    this.value[i] = known.copy;
    this.hash[i] = known.hash;
  }

  /** A field taken as it is from the line (its trimmed cell), cut at `max` characters (all ASCII). */
  private text(field: OutputField & RowField, max: number): void {
    this.span(field);
    const i = slot(field);
    this.value[i] = null;
    this.from[i] = this.a;
    this.to[i] = Math.min(this.b, this.a + max);
  }

  /**
   * A NIK or KK of exactly 16 digits with no problem (not even a warning) into `into`; false
   * for any other.
   */
  private idNumber(kind: 'nik' | 'kk', into: IdNumber): boolean {
    this.span(kind);
    const { a, b } = this;
    if (b - a !== 16) return false;
    const s = this.src;
    let hi = 0;
    let lo = 0;
    for (let i = a; i < b; i++) {
      const d = (s[i] as number) - 48;
      if (d < 0 || d > 9) return false;
      if (i < a + 8) hi = hi * 10 + d;
      else lo = lo * 10 + d;
    }
    // The serial (last four digits) may not be 0000.
    if (lo % 10_000 === 0) return false;
    const prefix = Math.floor(hi / 100);
    let region = this.regions.get(prefix);
    if (region === undefined) {
      region = regionProblems(String(prefix).padStart(6, '0')).length === 0;
      this.regions.set(prefix, region);
    }
    if (!region) return false;
    const ddmmyy = (hi % 100) * 10_000 + Math.floor(lo / 10_000);
    const dates = this.dates[kind];
    let date = dates.get(ddmmyy);
    if (date === undefined) {
      date = dateKey(datePart(kind, String(ddmmyy).padStart(6, '0'), this.ctx.today));
      dates.set(ddmmyy, date);
    }
    if (date === 0) return false;
    into.hi = hi;
    into.lo = lo;
    into.ymd = Math.floor(date / 2);
    into.female = date % 2 === 1;
    into.at = a;
    return true;
  }

  /**
   * A date cell as `validateRow` reads it (`D-M-YYYY` with `-`, `/` or `.`, or `YYYY-M-D`), as
   * YYYYMMDD, or -1 for any other form.
   */
  private ymd(field: RowField): number {
    this.span(field);
    const s = this.src;
    // Three runs of digits (x, y, z) and their lengths, parted by two separators.
    let x = 0;
    let y = 0;
    let z = 0;
    let lx = 0;
    let ly = 0;
    let lz = 0;
    let dashes = 0;
    let r = 0;
    for (let i = this.a; i < this.b; i++) {
      const c = s[i] as number;
      if (c >= 48 && c <= 57) {
        if (r === 0) {
          x = x * 10 + c - 48;
          lx++;
        } else if (r === 1) {
          y = y * 10 + c - 48;
          ly++;
        } else {
          z = z * 10 + c - 48;
          lz++;
        }
      } else if ((c === 45 || c === 47 || c === 46) && (r === 0 ? lx : r === 1 ? ly : 0) > 0) {
        if (c === 45) dashes++;
        r++;
      } else return -1;
    }
    if (r !== 2 || lz === 0) return -1;
    if (lx <= 2 && ly <= 2 && lz === 4) return z * 10_000 + y * 100 + x;
    if (lx === 4 && ly <= 2 && lz <= 2 && dashes === 2) return x * 10_000 + y * 100 + z;
    return -1;
  }

  /**
   * Reads the line `bytes[start, end)`. True when the row is valid without a single problem;
   * then its fields are ready for the `write…` methods. False: leave it to `validateRow`.
   */
  read(bytes: Uint8Array, start: number, end: number): boolean {
    this.src = bytes;
    this.lineEnd = end;
    const delimiter = this.delimiter;
    let n = 0;
    this.starts[n++] = start;
    for (let i = start; i < end; i++) {
      const c = bytes[i] as number;
      if (c === delimiter) {
        if (n === this.starts.length) return false;
        this.starts[n++] = i + 1;
      } else if (c < SPACE || c > 126 || c === BACKSLASH) return false;
    }
    this.fields = n;

    const { kk, nik } = this;
    if (!this.idNumber('kk', kk) || !this.idNumber('nik', nik)) return false;

    // The name: required, spaces already single, at most 100 characters.
    this.span('name');
    if (this.a === this.b || this.b - this.a > 100) return false;
    for (let i = this.a; i < this.b - 1; i++) if (bytes[i] === SPACE && bytes[i + 1] === SPACE) return false;
    this.text('name', 100);
    this.text('birthPlace', 100);

    // The birth date must be the NIK's: then it is valid, past and after 1880 as the NIK's is
    // (a NIK's year is within the hundred years before today).
    const birth = this.ymd('birthDate');
    if (birth !== nik.ymd) return false;
    const iso = this.birthIso;
    for (let i = 9, n = birth; i >= 0; i--) {
      if (i === 4 || i === 7) iso[i] = 45;
      else {
        iso[i] = 48 + (n % 10);
        n = Math.floor(n / 10);
      }
    }
    this.set('birthDate', iso);

    const sex = this.lookup('sex');
    const relationship = this.lookup('relationship');
    const marital = this.lookup('maritalStatus');
    const education = this.lookup('education');
    const schooling = this.lookup('schooling');
    const kind = this.lookup('disabilityKind');
    const severity = this.lookup('disabilitySeverity');
    const pregnancy = this.lookup('pregnancy');
    const life = this.lookup('lifeStatus');
    if (!sex || !relationship || !marital || !education || !schooling) return false;
    if (!kind || !severity || !pregnancy || !life) return false;
    if (sex.value !== (nik.female ? 'P' : 'L')) return false;
    if (severity.value && !kind.value && kind.empty) return false;
    if (pregnancy.value && sex.value === 'L') return false;
    // A date of death has rules of its own (after birth, agreeing with the status): left to
    // `validateRow`.
    this.span('deathDate');
    if (this.a !== this.b) return false;
    this.set('sex', sex.copy);
    this.set('relationship', relationship.copy);
    this.head = relationship.value === 'kepala_keluarga';
    this.set('maritalStatus', marital.copy);
    this.set('education', education.copy);
    this.set('schooling', schooling.copy);
    this.text('occupation', 100);
    this.set('disabilityKind', kind.copy);
    this.set('disabilitySeverity', severity.copy);
    this.set('pregnancy', pregnancy.copy);
    this.set('alive', life.value === 'meninggal' ? FALSE : TRUE);
    this.set('deathDate', NULL);

    const village = this.lookup('villageCode');
    const rt = this.lookup('rt');
    const rw = this.lookup('rw');
    const decile = this.lookup('decile');
    const welfare = this.lookup('welfareStatus');
    const period = this.lookup('statusPeriod');
    if (!village || !rt || !rw || !decile || !welfare || !period) return false;
    this.setKnown('villageCode', village);
    this.text('address', 200);
    this.setKnown('rt', rt);
    this.setKnown('rw', rw);
    this.setKnown('decile', decile);
    this.setKnown('welfareStatus', welfare);
    this.setKnown('statusPeriod', period);
    for (let i = 0; i < FamilyFields.length; i++) {
      const s = familySlots[i] as number;
      this.familyHash[i] = this.value[s]
        ? (this.hash[s] as number)
        : fieldHashBytes(bytes, this.from[s] as number, this.to[s] as number);
    }
    return true;
  }

  // Writing: each method puts one COPY line at the end of `out`.

  private fieldsInto(out: Writer, first: number, last: number): void {
    for (let i = first; i < last; i++) {
      out.byte(TAB);
      const own = this.value[i];
      if (own) out.bytes(own, 0, own.length);
      else out.bytes(this.src, this.from[i] as number, this.to[i] as number);
    }
  }

  /** A NIK's or KK's 16 digits, after a tab. */
  private id(out: Writer, n: IdNumber): void {
    out.byte(TAB);
    out.bytes(this.src, n.at, n.at + 16);
  }

  /** An output field given by its own bytes, after a tab. */
  private own(out: Writer, field: OutputField): void {
    const bytes = this.value[slot(field)] as Uint8Array;
    out.byte(TAB);
    out.bytes(bytes, 0, bytes.length);
  }

  /** A staging line (`stageColumns`). */
  writeStage(out: Writer, rowNo: number, first: boolean, batchFirst: boolean): void {
    out.int(rowNo);
    out.byte(TAB);
    out.byte(first ? 116 : 102);
    out.byte(TAB);
    out.byte(batchFirst ? 116 : 102);
    this.id(out, this.kk);
    this.id(out, this.nik);
    this.fieldsInto(out, 0, outputFields.length);
    out.byte(10);
  }

  /** A first load's family line (`loadColumns.families`); `written` is `\t<by>\t<note>\n`. */
  writeFamily(out: Writer, familyId: number, written: Uint8Array): void {
    out.int(familyId);
    this.id(out, this.kk);
    this.fieldsInto(out, PersonFields.length, outputFields.length);
    out.bytes(written, 0, written.length);
  }

  /** A first load's person line (`loadColumns.people`). */
  writePerson(out: Writer, personId: number, familyId: number, written: Uint8Array): void {
    out.int(personId);
    this.id(out, this.nik);
    out.byte(TAB);
    out.int(familyId);
    this.own(out, 'villageCode');
    this.fieldsInto(out, 0, PersonFields.length);
    out.bytes(written, 0, written.length);
  }

  /** A first load's loaded-rows line (`loadColumns.direct`). */
  writeDirect(out: Writer, rowNo: number): void {
    out.int(rowNo);
    this.id(out, this.nik);
    this.id(out, this.kk);
    this.own(out, 'relationship');
    out.byte(10);
  }
}

/** Where the byte lane writes: a growing byte buffer (`CopyText` in `read-phase.ts`). */
export interface Writer {
  byte(c: number): void;
  bytes(src: Uint8Array, from: number, to: number): void;
  int(n: number): void;
}
