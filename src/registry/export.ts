import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type ExcelCell, excelCsvLine } from '../core/excel-csv.ts';
import { maskKk, maskNik } from '../core/privacy.ts';
import { type Db, rows } from '../db/client.ts';
import { csvLine, writeChunk } from './csv.ts';
import { labelOf, TemplateColumns, Vocabularies, type VocabularyName } from './registry.columns.ts';
import { type Scope, searchTerm, villageFilter } from './registry.service.ts';

/**
 * Export of a selection of the register in the import template's layout (an exported file
 * imports back unchanged), streamed in keyset batches so a million rows never sit in memory.
 * NIK and KK numbers are written in full only for a role that may reveal them; otherwise
 * masked (`core/privacy.ts`), a file to read that the import refuses row by row.
 */
export type ExportNumbers = 'full' | 'masked';

export interface ExportFilter {
  q?: string | undefined;
  village?: string | undefined;
}

interface ExportRowDb {
  id: string | number;
  kk: string;
  nik: string;
  name: string;
  birth_place: string;
  birth_date: string;
  sex: string;
  relationship: string;
  marital_status: string;
  education: string;
  schooling: string;
  occupation: string;
  disability_kind: string;
  disability_severity: string;
  pregnancy: string;
  alive: boolean;
  death_date: string | null;
  village_code: string;
  address: string;
  rt: string;
  rw: string;
  decile: number | null;
  welfare_status: string;
  status_period: string;
}

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '');
const label = (v: VocabularyName, code: string) => (code ? labelOf(v, code) : '');

function cellsOf(r: ExportRowDb, numbers: ExportNumbers): string[] {
  const full = numbers === 'full';
  const byKey: Record<string, string> = {
    kk: full ? r.kk : maskKk(r.kk),
    nik: full ? r.nik : maskNik(r.nik),
    name: r.name,
    birthPlace: r.birth_place,
    birthDate: dmy(r.birth_date),
    sex: r.sex,
    relationship: label('relationship', r.relationship),
    maritalStatus: label('maritalStatus', r.marital_status),
    education: label('education', r.education),
    schooling: label('schooling', r.schooling),
    occupation: r.occupation,
    disabilityKind: label('disabilityKind', r.disability_kind),
    disabilitySeverity: label('disabilitySeverity', r.disability_severity),
    pregnancy: label('pregnancy', r.pregnancy),
    lifeStatus: r.alive ? 'Hidup' : 'Meninggal',
    deathDate: dmy(r.death_date),
    villageCode: r.village_code,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    decile: r.decile === null ? '' : String(r.decile),
    welfareStatus: label('welfareStatus', r.welfare_status),
    statusPeriod: r.status_period,
  };
  return TemplateColumns.map((c) => byKey[c.key] ?? '');
}

/** Rows of the selection, in batches, ordered by family then person. */
export async function* exportBatches(
  db: Db,
  scope: Scope,
  filter: ExportFilter,
  numbers: ExportNumbers,
  batchSize = 5_000,
): AsyncGenerator<string[][]> {
  const term = searchTerm(filter.q);
  const where = [villageFilter(scope, filter.village)];
  if (term.kind === 'id') where.push(sql`(p.nik = ${term.digits} OR f.kk = ${term.digits})`);
  // Matched on the register's distinct names (trigram-indexed), as the search does.
  if (term.kind === 'name')
    where.push(sql`p.name IN (SELECT name FROM registry_names WHERE name % ${term.text})`);
  let after = 0;
  for (;;) {
    const batch = await rows<ExportRowDb>(
      db,
      sql`SELECT p.id, f.kk, p.nik, p.name, p.birth_place, p.birth_date::text AS birth_date, p.sex, p.relationship,
          p.marital_status, p.education, p.schooling, p.occupation, p.disability_kind, p.disability_severity,
          p.pregnancy, p.alive, p.death_date::text AS death_date, f.village_code, f.address, f.rt, f.rw, f.decile,
          f.welfare_status, f.status_period
        FROM registry_people p JOIN registry_families f ON f.id = p.family_id
        WHERE ${sql.join(where, sql` AND `)} AND p.id > ${after}
        ORDER BY p.id LIMIT ${batchSize}`,
    );
    if (batch.length === 0) return;
    yield batch.map((r) => cellsOf(r, numbers));
    after = Number(batch[batch.length - 1]?.id);
    if (batch.length < batchSize) return;
  }
}

/** The export's formats: the import template's CSV, CSV to open in Indonesian Excel, or XLSX. */
export type ExportFormat = 'csv' | 'csv-excel' | 'xlsx';

const idColumns = new Set(['kk', 'nik', 'villageCode', 'rt', 'rw']);
const dateColumns = new Set(['birthDate', 'deathDate']);
const isoOf = (dmyDate: string) =>
  /^\d{2}-\d{2}-\d{4}$/.test(dmyDate)
    ? `${dmyDate.slice(6)}-${dmyDate.slice(3, 5)}-${dmyDate.slice(0, 2)}`
    : dmyDate;

/** A template row typed for a spreadsheet: numbers kept as text, dates in ISO form, the decile a number. */
function excelCells(cells: string[]): ExcelCell[] {
  return TemplateColumns.map((c, i) => {
    const v = cells[i] ?? '';
    if (idColumns.has(c.key)) return { id: v };
    if (dateColumns.has(c.key)) return { date: v ? isoOf(v) : null };
    if (c.key === 'decile') return v === '' ? null : Number(v);
    return v;
  });
}

/**
 * Writes CSV (UTF-8 with BOM so Excel reads the letters right), the same for Excel (`;`, codes
 * as text, ISO dates: `core/excel-csv.ts`; to read, not to import back) or XLSX; returns the row
 * count.
 */
export async function writeExport(
  batches: AsyncIterable<string[][]>,
  format: ExportFormat,
  out: Writable,
): Promise<number> {
  let count = 0;
  if (format === 'csv' || format === 'csv-excel') {
    const line = format === 'csv' ? csvLine : (cells: string[]) => excelCsvLine(excelCells(cells));
    const header = TemplateColumns.map((c) => c.header);
    await writeChunk(out, `\uFEFF${format === 'csv' ? csvLine(header) : excelCsvLine(header)}`);
    for await (const batch of batches) {
      let chunk = '';
      for (const cells of batch) chunk += line(cells);
      count += batch.length;
      await writeChunk(out, chunk);
    }
    out.end();
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Data');
  sheet.columns = TemplateColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'name' || c.key === 'address' ? 28 : c.key === 'kk' || c.key === 'nik' ? 20 : 16,
    // NIK and KK are text: a number cell would lose the last digits.
    style: c.key === 'kk' || c.key === 'nik' ? { numFmt: '@' } : {},
  }));
  for await (const batch of batches) {
    for (const cells of batch) sheet.addRow(cells).commit();
    count += batch.length;
  }
  sheet.commit();
  addInstructions(workbook);
  await workbook.commit();
  return count;
}

function addInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [
    { header: 'Kolom', key: 'h', width: 22 },
    { header: 'Wajib', key: 'r', width: 8 },
    { header: 'Cara mengisi', key: 'd', width: 50 },
    { header: 'Nilai yang diterima', key: 'v', width: 80 },
    { header: 'Judul lain yang dikenali', key: 'a', width: 60 },
  ];
  for (const c of TemplateColumns) {
    help
      .addRow({
        h: c.header,
        r: c.required ? 'ya' : '',
        d: c.help,
        v: c.vocabulary ? Vocabularies[c.vocabulary].map((x) => x.id).join('; ') : '',
        a: c.aliases.join('; '),
      })
      .commit();
  }
  help.addRow({}).commit();
  help
    .addRow({
      h: 'Catatan',
      d: 'Satu baris per orang. Data keluarga (No KK, Kode Desa, Alamat, RT, RW, Desil, Status, Periode) sama untuk semua anggota satu KK. Lembar pertama yang dibaca saat impor.',
    })
    .commit();
  help.commit();
}

/** The empty template (headers and, for XLSX, an instruction sheet). */
export async function writeTemplate(format: 'csv' | 'xlsx', out: Writable): Promise<void> {
  await writeExport((async function* () {})(), format, out);
}
