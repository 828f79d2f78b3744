import { IdTable, IntColumn } from './id-table.ts';
import { FamilyFields, headerOf } from './registry.schema.ts';
import type { PersonRow, RowProblem } from './row.ts';

const familyHeaders = FamilyFields.map(headerOf);

const familyData = (r: PersonRow) => FamilyFields.map((f) => String(r[f] ?? '')).join('\u001f');

/**
 * A copy of a short string that keeps nothing else alive. A cell cut from the reader's 1 MB
 * text buffer points into that buffer (V8 substrings share their parent), so keeping one KK per
 * family as-is would keep the whole file in memory.
 */
const detach = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

/**
 * Rules across the rows of one file, checked while it streams, in compact memory: a NIK
 * appears once; the rows of one KK agree on the family's data (the first row is the
 * reference); each family has one head. Families that meet rows already in the register are
 * re-checked in SQL by the import, which sees both.
 */
export class FileChecks {
  private readonly nikRow = new IdTable(1 << 18);
  private readonly rowFamily = new IntColumn();
  private readonly rowIsHead = new IntColumn();
  private readonly kkIndex = new Map<string, number>();
  private readonly famFirstRow: number[] = [];
  private readonly famKk: string[] = [];
  private readonly famData: string[] = [];
  private readonly famHeads: number[] = [];
  private readonly famHeadRows: number[][] = [];
  private readonly rejectedFirst = new Set<number>();
  /** KKs with a row rejected after it was staged; their head count is re-checked in SQL. */
  readonly unsettledKk = new Set<string>();

  /**
   * Checks a row that passed its own validation. Returns the problems that keep it out of the
   * register (empty: stage it), and problems for earlier, already staged rows it invalidates.
   */
  accept(rowNo: number, r: PersonRow): { problems: RowProblem[]; earlier: RowProblem[]; first: boolean } {
    const problems: RowProblem[] = [];
    const earlier: RowProblem[] = [];
    let fam = this.kkIndex.get(r.kk);
    const data = familyData(r);
    const first = fam === undefined;
    if (fam !== undefined && this.famData[fam] !== data) {
      const was = (this.famData[fam] ?? '').split('\u001f');
      const now = data.split('\u001f');
      const differing = familyHeaders.filter((_, i) => was[i] !== now[i]).join(', ');
      problems.push({
        row: rowNo,
        column: 'No KK',
        value: r.kk,
        severity: 'error',
        message: `data keluarga berbeda dengan baris ${this.famFirstRow[fam]} untuk No KK yang sama (${differing})`,
      });
      return { problems, earlier, first: false };
    }
    const previous = this.nikRow.setIfAbsent(r.nik, rowNo);
    if (previous !== undefined) {
      problems.push({
        row: rowNo,
        column: 'NIK',
        value: r.nik,
        severity: 'error',
        message: `NIK ganda dalam berkas (juga di baris ${previous})`,
      });
      if (!this.rejectedFirst.has(previous)) {
        this.rejectedFirst.add(previous);
        earlier.push({
          row: previous,
          column: 'NIK',
          value: r.nik,
          severity: 'error',
          message: `NIK ganda dalam berkas (juga di baris ${rowNo})`,
        });
        const prevFam = this.rowFamily.get(previous);
        if (this.rowIsHead.get(previous)) this.famHeads[prevFam] = (this.famHeads[prevFam] ?? 1) - 1;
        const prevKk = this.famKk[prevFam];
        if (prevKk) this.unsettledKk.add(prevKk);
      }
      return { problems, earlier, first: false };
    }
    if (fam === undefined) {
      fam = this.famData.length;
      const kk = detach(r.kk);
      this.kkIndex.set(kk, fam);
      this.famFirstRow.push(rowNo);
      this.famKk.push(kk);
      this.famData.push(data);
      this.famHeads.push(0);
      this.famHeadRows.push([]);
    }
    this.rowFamily.set(rowNo, fam);
    if (r.relationship === 'kepala_keluarga') {
      this.rowIsHead.set(rowNo, 1);
      this.famHeads[fam] = (this.famHeads[fam] ?? 0) + 1;
      const rows = this.famHeadRows[fam];
      if (rows && rows.length < 5) rows.push(rowNo);
    }
    return { problems, earlier, first };
  }

  /** Families of the file without exactly one head, leaving out the KKs given. */
  headProblems(skip: Set<string>): Array<{ kk: string; message: string }> {
    const out: Array<{ kk: string; message: string }> = [];
    for (const [kk, fam] of this.kkIndex) {
      const heads = this.famHeads[fam] ?? 0;
      if (heads === 1 || skip.has(kk) || this.unsettledKk.has(kk)) continue;
      const rows = this.famHeadRows[fam] ?? [];
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
