import { createHash } from 'node:crypto';
import { copyValue } from '../../db/copy-text.ts';
import { columnOf, FamilyFields, mapHeaders, PersonFields, TemplateColumns } from '../registry.columns.ts';
import { ByteLane, type Writer } from './byte-lane.ts';
import { type Accepted, FileChecks } from './file-checks.ts';
import { IntColumn } from './id-table.ts';
import { cellsAt, type FileFormat, readTable } from './readers.ts';
import { type PersonRow, type RowProblem, rowContext, validateRow } from './string-lane.ts';

/**
 * Phase 1 of an import (*membaca*): the file is streamed, each row validated on its own and
 * across rows (`FileChecks`), and turned into COPY text: valid rows for the staging table (or,
 * in a first load, for the register's own tables), problems for the problem table. Plain CSV
 * lines take the byte lane (`byte-lane.ts`), the rest `validateRow`. Nothing here touches the
 * database, so the same code runs in the request's thread or in a worker thread
 * (`read-worker.ts`) while the database loads the previous batch.
 */
export interface ReadPhaseInput {
  file: string;
  format: FileFormat;
  /** ISO time of "today" for date checks. */
  today: string;
  regionCode: string;
  regionName: string;
  villageCode?: string | null;
  batchRows: number;
  /**
   * A first load into an empty register: every valid row goes straight into the register's
   * tables, with ids counted on from these (the import holds the register's lock), instead of
   * through the staging table.
   */
  firstLoad?: FirstLoad | null;
  /**
   * Plain CSV lines go through the byte lane (`byte-lane.ts`) unless this is false; the tests
   * read files both ways and compare.
   */
  byteLane?: boolean;
}

export interface FirstLoad {
  /** The ids before the first family and the first person of this import. */
  familyBase: number;
  personBase: number;
  /** `changed_by` and `change_note` of the rows, as COPY text. */
  changedBy: string;
  note: string;
}

/**
 * One batch of the read phase. Its byte arrays are each a whole buffer of their own (never a
 * view into a shared one), so a worker thread can transfer them.
 */
export interface ReadBatch {
  /** COPY lines for the staging table (`stageColumns`), as UTF-8. */
  stage: Uint8Array;
  /**
   * A first load's COPY lines for the register (`familyColumns`, `personColumns`; people in NIK
   * order) and the loaded-rows list.
   */
  load?: { families: Uint8Array; people: Uint8Array; direct: Uint8Array };
  /** COPY lines for the problem table (`problemColumns`). */
  problems: string;
  rowsRead: number;
  bytesRead: number;
}

export interface ReadOutcome {
  rowsRead: number;
  /** Rows kept out of staging while reading. */
  rejectedEarly: number;
  warnings: number;
  /** Set when the file is refused as a whole (no header, a required column missing, no data). */
  refused?: string;
  fileSha256: string;
  /** KKs with a row rejected after it was staged; their head count is re-checked in SQL. */
  unsettledKk: string[];
  /** Families of the file without exactly one head (those in `unsettledKk` left out). */
  headProblems: Array<{ kk: string; message: string }>;
}

const personColumns = PersonFields.map(columnOf);
const familyColumns = FamilyFields.map(columnOf);
/** Staging columns, in the order `stageLine` writes them. */
export const stageColumns = [
  'row_no',
  'kk_first',
  'batch_first',
  'kk',
  'nik',
  ...personColumns,
  ...familyColumns,
];
export const problemColumns = ['row_no', 'col_order', 'col', 'value', 'severity', 'message'] as const;
/** A first load's columns of `registry_families`, `registry_people` and the loaded-rows list. */
export const loadColumns = {
  families: ['id', 'kk', ...familyColumns, 'changed_by', 'change_note'],
  people: ['id', 'nik', 'family_id', 'village_code', ...personColumns, 'changed_by', 'change_note'],
  direct: ['row_no', 'nik', 'kk', 'relationship'],
};
const stagedFields = [...PersonFields, ...FamilyFields];
const colOrder = new Map(TemplateColumns.map((c, i) => [c.header, i]));

/** COPY text of a row's fields, each after a tab. */
function fieldsLine(r: PersonRow, fields: readonly (keyof PersonRow)[]): string {
  let line = '';
  for (const f of fields) {
    const v = r[f];
    line += `\t${typeof v === 'boolean' ? (v ? 't' : 'f') : copyValue(v)}`;
  }
  return line;
}

/** `first`: the family's first row in the file; `batchFirst`: its first row in this batch. */
function stageLine(rowNo: number, first: boolean, batchFirst: boolean, r: PersonRow): string {
  return `${rowNo}\t${first ? 't' : 'f'}\t${batchFirst ? 't' : 'f'}\t${r.kk}\t${r.nik}${fieldsLine(r, stagedFields)}\n`;
}

/**
 * COPY lines collected for one batch. They leave the JS heap every few hundred rows: kept as
 * strings until the batch is full, they would survive each young-generation collection and be
 * copied by it. They are encoded into one buffer that every batch reuses, and each batch leaves
 * as one copy of the right size: many short-lived buffers of a few megabytes each fragment the
 * process's heap, which then stays large long after they are freed.
 */
class CopyText implements Writer {
  private static readonly encoder = new TextEncoder();
  private text = '';
  private buf = new Uint8Array(1 << 16);
  private length = 0;
  private lines = 0;
  add(line: string) {
    this.text += line;
    if (++this.lines % 256 === 0) this.flush();
  }
  private flush() {
    if (!this.text) return;
    // At most three bytes of UTF-8 for each UTF-16 unit.
    this.room(this.text.length * 3);
    this.length += CopyText.encoder.encodeInto(this.text, this.buf.subarray(this.length)).written;
    this.text = '';
  }
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.length + n, this.buf.length * 2));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }
  // The byte lane writes here directly, after any text the string lane left.
  byte(c: number) {
    if (this.text) this.flush();
    this.room(1);
    this.buf[this.length++] = c;
  }
  bytes(src: Uint8Array, from: number, to: number) {
    if (this.text) this.flush();
    this.room(to - from);
    // Cells are short: a loop beats making a view to copy from.
    if (to - from > 64) this.buf.set(src.subarray(from, to), this.length);
    else for (let i = from, at = this.length; i < to; i++, at++) this.buf[at] = src[i] as number;
    this.length += to - from;
  }
  int(n: number) {
    if (this.text) this.flush();
    this.room(16);
    if (n === 0) {
      this.buf[this.length++] = 48;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
    for (let i = this.length + digits - 1, m = n; i >= this.length; i--, m = Math.floor(m / 10))
      this.buf[i] = 48 + (m % 10);
    this.length += digits;
  }
  /**
   * The batch's bytes, in a buffer of their own: `finish` makes it from a view of the shared
   * buffer (a plain copy by default).
   */
  take(finish: (view: Uint8Array) => Uint8Array = (view) => view.slice()): Uint8Array {
    this.flush();
    const out = finish(this.buf.subarray(0, this.length));
    this.length = 0;
    this.lines = 0;
    return out;
  }
}

/**
 * A first load's COPY lines for `registry_people` (`id`, `nik`, …) in NIK order: the NIK index
 * then takes them in runs instead of at random places, which at a million rows is a third of
 * the load's time. The lines are moved, not parsed. (Here, in the reader: the main thread keeps
 * its hands free for the database.)
 */
export function sortedByNik(lines: Uint8Array): Uint8Array {
  const starts: number[] = [];
  for (let at = 0; at < lines.length; ) {
    starts.push(at);
    const end = lines.indexOf(10, at);
    at = end < 0 ? lines.length : end + 1;
  }
  // The NIK follows the id and a tab; 16 ASCII digits, so two 8-digit numbers order it.
  const keys = new Float64Array(starts.length * 2);
  const digits = (from: number) => {
    let n = 0;
    for (let i = from; i < from + 8; i++) n = n * 10 + ((lines[i] as number) - 48);
    return n;
  };
  for (let i = 0; i < starts.length; i++) {
    const nik = lines.indexOf(9, starts[i]) + 1;
    keys[i * 2] = digits(nik);
    keys[i * 2 + 1] = digits(nik + 8);
  }
  const order = Array.from(starts.keys()).sort(
    (a, b) =>
      (keys[a * 2] as number) - (keys[b * 2] as number) ||
      (keys[a * 2 + 1] as number) - (keys[b * 2 + 1] as number),
  );
  const out = new Uint8Array(lines.length);
  let pos = 0;
  for (const i of order) {
    const from = starts[i] as number;
    const to = i + 1 < starts.length ? (starts[i + 1] as number) : lines.length;
    out.set(lines.subarray(from, to), pos);
    pos += to - from;
  }
  return out;
}

export function problemLine(p: RowProblem): string {
  return `${p.row}\t${colOrder.get(p.column) ?? 99}\t${copyValue(p.column)}\t${copyValue(p.value.slice(0, 200))}\t${
    p.severity
  }\t${copyValue(p.message)}\n`;
}

/**
 * Yields a batch every `batchRows` valid rows (fewer at first, or 4 MB of problems); returns the
 * totals.
 */
export async function* readPhase(input: ReadPhaseInput): AsyncGenerator<ReadBatch, ReadOutcome> {
  const progress = { bytes: 0, hash: createHash('sha256') };
  const ctx = rowContext({
    today: new Date(input.today),
    regionCode: input.regionCode,
    regionName: input.regionName,
    villageCode: input.villageCode,
  });
  const checks = new FileChecks();
  let rowsRead = 0;
  let rejectedEarly = 0;
  let warnings = 0;
  const stage = new CopyText();
  const first = input.firstLoad;
  const load = first ? { families: new CopyText(), people: new CopyText(), direct: new CopyText() } : null;
  const written = first ? `\t${first.changedBy}\t${first.note}\n` : '';
  let staged = 0;
  // A first load's people so far: each one's id is the base plus this.
  let peopleLoaded = 0;
  // The batch in which each family (by `FileChecks` index) last had a row.
  let batchNo = 1;
  const familyBatch = new IntColumn();
  let problems = '';
  // The first batches are small, so the database starts on them while the rest is parsed.
  let limit = Math.min(input.batchRows, 500);
  const take = (): ReadBatch => {
    limit = Math.min(input.batchRows, limit * 2);
    const batch: ReadBatch = { stage: stage.take(), problems, rowsRead, bytesRead: progress.bytes };
    if (load)
      batch.load = {
        families: load.families.take(),
        people: load.people.take(sortedByNik),
        direct: load.direct.take(),
      };
    problems = '';
    staged = 0;
    batchNo++;
    return batch;
  };
  const outcome = (refused?: string): ReadOutcome => ({
    rowsRead,
    rejectedEarly,
    warnings,
    ...(refused ? { refused } : {}),
    fileSha256: progress.hash.digest('hex'),
    unsettledKk: [...checks.unsettledKk],
    headProblems: refused ? [] : checks.headProblems(),
  });

  let columns: ReturnType<typeof mapHeaders>['columns'] | undefined;
  let lane: ByteLane | undefined;
  const writtenBytes = new TextEncoder().encode(written);
  /** A row that passed its own checks and `FileChecks`: into the batch. */
  const keep = (number: number, accepted: Accepted, r: PersonRow | ByteLane) => {
    staged++;
    if (first && load) {
      peopleLoaded++;
      const familyId = first.familyBase + accepted.family + 1;
      const personId = first.personBase + peopleLoaded;
      if (r instanceof ByteLane) {
        if (accepted.first) r.writeFamily(load.families, familyId, writtenBytes);
        r.writePerson(load.people, personId, familyId, writtenBytes);
        r.writeDirect(load.direct, number);
        return;
      }
      if (accepted.first) load.families.add(`${familyId}\t${r.kk}${fieldsLine(r, FamilyFields)}${written}`);
      load.people.add(
        `${personId}\t${r.nik}\t${familyId}\t${r.villageCode}${fieldsLine(r, PersonFields)}${written}`,
      );
      load.direct.add(`${number}\t${r.nik}\t${r.kk}\t${r.relationship}\n`);
    } else {
      const batchFirst = familyBatch.get(accepted.family) !== batchNo;
      if (batchFirst) familyBatch.set(accepted.family, batchNo);
      if (r instanceof ByteLane) r.writeStage(stage, number, accepted.first, batchFirst);
      else stage.add(stageLine(number, accepted.first, batchFirst, r));
    }
  };
  for await (const chunk of readTable(input.file, input.format, progress))
    for (let i = 0; i < chunk.count; i++) {
      const number = chunk.spans[i * 3] as number;
      if (!columns) {
        const cells = cellsAt(chunk, i);
        const mapping = mapHeaders(cells.map((c) => (c === null || c === undefined ? '' : String(c))));
        if (mapping.missing.length > 0) {
          for (const c of mapping.missing)
            problems += problemLine({
              row: number,
              column: c.header,
              value: '',
              severity: 'error',
              message: `kolom ${c.header} tidak ada di baris judul`,
            });
          yield take();
          return outcome(
            `kolom wajib tidak ada: ${mapping.missing.map((c) => c.header).join(', ')}. Gunakan templat (baris 1 berisi judul kolom).`,
          );
        }
        const ignored = [
          ...mapping.unknown.map((h) => ({ h, why: 'tidak dikenal dan diabaikan' })),
          ...mapping.duplicated.map((h) => ({ h, why: 'muncul dua kali; yang kedua diabaikan' })),
        ];
        for (const { h, why } of ignored)
          problems += problemLine({
            row: number,
            column: h,
            value: h,
            severity: 'warning',
            message: `kolom "${h}" ${why}`,
          });
        warnings += ignored.length;
        columns = mapping.columns;
        if (input.format === 'csv' && input.byteLane !== false)
          lane = new ByteLane(columns, ctx, chunk.delimiter);
        continue;
      }
      rowsRead++;
      const start = chunk.spans[i * 3 + 1] as number;
      let accepted: Accepted | undefined;
      if (lane && start >= 0 && lane.read(chunk.bytes, start, chunk.spans[i * 3 + 2] as number)) {
        accepted = checks.acceptKeys(
          number,
          lane.kk.hi,
          lane.kk.lo,
          lane.nik.hi,
          lane.nik.lo,
          lane.head,
          lane.familyHash,
        );
        if (accepted.problems.length === 0) keep(number, accepted, lane);
        else rejectedEarly++;
      } else {
        const result = validateRow(number, columns, cellsAt(chunk, i), ctx);
        for (const p of result.problems) {
          problems += problemLine(p);
          if (p.severity === 'warning') warnings++;
        }
        accepted = result.row ? checks.accept(number, result.row) : undefined;
        if (result.row && accepted && accepted.problems.length === 0) keep(number, accepted, result.row);
        else rejectedEarly++;
      }
      // Problems of this row found across rows, and of an earlier staged row it undoes.
      if (accepted && (accepted.problems.length > 0 || accepted.earlier.length > 0))
        for (const p of [...accepted.problems, ...accepted.earlier]) problems += problemLine(p);
      if (staged >= limit || problems.length > 4_000_000) yield take();
    }
  if (staged > 0 || problems) yield take();
  if (!columns) return outcome('berkas kosong: tidak ada baris judul');
  if (rowsRead === 0) return outcome('berkas tidak berisi data (hanya baris judul)');
  return outcome();
}
