import { FamilyFields, headerOf } from '../registry.columns.ts';
import { IdTable, IntColumn } from './id-table.ts';
import type { PersonRow, RowProblem } from './string-lane.ts';

const familyHeaders = FamilyFields.map(headerOf);

/**
 * A 32-bit hash of a family field's value (FNV-1a, then murmur3's finaliser). Two values of one
 * field that differ hash alike about once in four billion comparisons; a row whose family data
 * differs from its family's first row goes unnoticed only then.
 */
export function fieldHash(value: string | number | null): number {
  const s = value === null ? '' : typeof value === 'number' ? String(value) : value;
  let h = 0x811c9dc5 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

/** `fieldHash` of an ASCII value given as bytes `[from, to)` of `bytes`. */
export function fieldHashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 ^ (to - from);
  for (let i = from; i < to; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return finish(h);
}

function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** What `FileChecks` says of a row. */
export interface Accepted {
  /** Problems that keep the row out of the register (empty: stage it). */
  problems: RowProblem[];
  /** Problems for earlier, already staged rows it invalidates. */
  earlier: RowProblem[];
  /** Whether it is its family's first row. */
  first: boolean;
  /** The family's index, numbered from 0 (-1 when refused). */
  family: number;
}

/** No problems: shared by the rows without any (a row with problems gets arrays of its own). */
const none: RowProblem[] = Object.freeze([]) as unknown as RowProblem[];

const idText = (hi: number, lo: number) => `${String(hi).padStart(8, '0')}${String(lo).padStart(8, '0')}`;

/**
 * Rules across the rows of one file, checked while it streams, in compact memory: a NIK
 * appears once; the rows of one KK agree on the family's data (the first row is the
 * reference); each family has one head. Families that meet rows already in the register are
 * re-checked in SQL by the import, which sees both.
 */
export class FileChecks {
  // Typed arrays and numbers wherever possible: at a million rows this is the import's largest
  // live memory, and the fewer objects it holds the less each garbage collection has to walk.
  private readonly nikRow = new IdTable(1 << 18);
  private readonly rowFamily = new IntColumn();
  private readonly rowIsHead = new IntColumn();
  /** KK → family index; the family's KK is its key's two halves. */
  private readonly kkIndex = new IdTable(1 << 16);
  private readonly famKkHi = new IntColumn();
  private readonly famKkLo = new IntColumn();
  private readonly famFirstRow = new IntColumn();
  private readonly famHeads = new IntColumn();
  private readonly famFirstHead = new IntColumn();
  /** Head rows after the first, only for families with more than one head. */
  private readonly famMoreHeads = new Map<number, number[]>();
  /**
   * The family data of each family's first row, as one hash per field: at 250,000 families the
   * strings themselves took some 30 MB of the reader's heap. On a mismatch the differing fields
   * are still named.
   */
  private readonly famData = FamilyFields.map(() => new IntColumn());
  private readonly rowData = new Int32Array(FamilyFields.length);
  private families = 0;
  private readonly rejectedFirst = new Set<number>();
  /** KKs with a row rejected after it was staged; their head count is re-checked in SQL. */
  readonly unsettledKk = new Set<string>();

  /** Checks a row that passed its own validation. */
  accept(rowNo: number, r: PersonRow): Accepted {
    for (let i = 0; i < FamilyFields.length; i++)
      this.rowData[i] = fieldHash(r[FamilyFields[i] as (typeof FamilyFields)[number]]);
    return this.acceptKeys(
      rowNo,
      Number(r.kk.slice(0, 8)),
      Number(r.kk.slice(8, 16)),
      Number(r.nik.slice(0, 8)),
      Number(r.nik.slice(8, 16)),
      r.relationship === 'kepala_keluarga',
      this.rowData,
    );
  }

  /**
   * `accept` for a row given by numbers: its KK and NIK as their two 8-digit halves, whether it
   * is a head, and the `fieldHash` of each of its family fields (`FamilyFields` order).
   */
  acceptKeys(
    rowNo: number,
    kkHi: number,
    kkLo: number,
    nikHi: number,
    nikLo: number,
    head: boolean,
    data: Int32Array,
  ): Accepted {
    const out: Accepted = { problems: none, earlier: none, first: false, family: -1 };
    let fam = this.kkIndex.getKey(kkHi, kkLo);
    if (fam !== undefined) {
      let same = true;
      for (let i = 0; i < FamilyFields.length; i++) if (data[i] !== this.famData[i]?.get(fam)) same = false;
      if (!same) {
        // Rare: the fields are compared again only to name them.
        const known = fam;
        const differing = familyHeaders.filter((_, i) => data[i] !== this.famData[i]?.get(known));
        out.problems = [
          {
            row: rowNo,
            column: 'No KK',
            value: idText(kkHi, kkLo),
            severity: 'error',
            message: `data keluarga berbeda dengan baris ${this.famFirstRow.get(fam)} untuk No KK yang sama (${differing.join(', ')})`,
          },
        ];
        return out;
      }
    }
    const previous = this.nikRow.setIfAbsentKey(nikHi, nikLo, rowNo);
    if (previous !== undefined) {
      const nik = idText(nikHi, nikLo);
      out.problems = [
        {
          row: rowNo,
          column: 'NIK',
          value: nik,
          severity: 'error',
          message: `NIK ganda dalam berkas (juga di baris ${previous})`,
        },
      ];
      if (!this.rejectedFirst.has(previous)) {
        this.rejectedFirst.add(previous);
        out.earlier = [
          {
            row: previous,
            column: 'NIK',
            value: nik,
            severity: 'error',
            message: `NIK ganda dalam berkas (juga di baris ${rowNo})`,
          },
        ];
        const prevFam = this.rowFamily.get(previous);
        if (this.rowIsHead.get(previous)) this.famHeads.set(prevFam, this.famHeads.get(prevFam) - 1);
        this.unsettledKk.add(this.kkOf(prevFam));
      }
      return out;
    }
    if (fam === undefined) {
      fam = this.families++;
      out.first = true;
      this.kkIndex.setIfAbsentKey(kkHi, kkLo, fam);
      this.famKkHi.set(fam, kkHi);
      this.famKkLo.set(fam, kkLo);
      this.famFirstRow.set(fam, rowNo);
      for (let i = 0; i < FamilyFields.length; i++) this.famData[i]?.set(fam, data[i] as number);
    }
    out.family = fam;
    this.rowFamily.set(rowNo, fam);
    if (head) {
      this.rowIsHead.set(rowNo, 1);
      const heads = this.famHeads.get(fam) + 1;
      this.famHeads.set(fam, heads);
      if (heads === 1) this.famFirstHead.set(fam, rowNo);
      else {
        const more = this.famMoreHeads.get(fam) ?? [];
        if (more.length < 4) more.push(rowNo);
        this.famMoreHeads.set(fam, more);
      }
    }
    return out;
  }

  private kkOf(fam: number): string {
    return idText(this.famKkHi.get(fam), this.famKkLo.get(fam));
  }

  /** Families of the file without exactly one head, leaving out those re-checked in SQL. */
  headProblems(): Array<{ kk: string; message: string }> {
    const out: Array<{ kk: string; message: string }> = [];
    for (let fam = 0; fam < this.families; fam++) {
      const heads = this.famHeads.get(fam);
      if (heads === 1) continue;
      const kk = this.kkOf(fam);
      if (this.unsettledKk.has(kk)) continue;
      const rows = [this.famFirstHead.get(fam), ...(this.famMoreHeads.get(fam) ?? [])];
      out.push({
        kk,
        message:
          heads === 0
            ? `keluarga No KK ${kk} tidak punya Kepala Keluarga`
            : `keluarga No KK ${kk} punya ${heads} Kepala Keluarga (baris ${rows.join(', ')})`,
      });
    }
    return out;
  }
}
