/**
 * The follow-ups (tindak lanjut) of a period as a file to enter back into LAPOR!: CSV for a
 * double-click in Indonesian Excel (UTF-8 with BOM, `;` between fields) or XLSX. LAPOR! ids stay
 * text: in the CSV as `="…"`, which Excel shows as the id itself and never turns into a number
 * (a long id would lose digits, a leading zero would go); in the workbook as text cells.
 */
import ExcelJS from 'exceljs';
import { offsetMinutes } from '../core/calendar.ts';
import type { FollowUpExportRow } from './lapor.schema.ts';

export const exportHeaders = [
  'ID Laporan LAPOR!',
  'Kode Pelacakan Jaring',
  'Status',
  'Hasil Verifikasi LAPOR!',
  'Tindak Lanjut',
  'Tanggal Tindak Lanjut',
  'Petugas',
  'Unit',
] as const;

const statusNames: Record<FollowUpExportRow['status'], string> = {
  received: 'Diterima',
  incomplete: 'Belum lengkap',
  complete: 'Lengkap, ditangani',
  decided: 'Diputuskan',
  delivered: 'Keputusan disampaikan',
  withdrawn: 'Dianggap dicabut',
  archived: 'Diarsipkan',
};

const outcomeNames: Record<NonNullable<FollowUpExportRow['outcome']>, string> = {
  verifikasi: 'Verifikasi',
  tunda: 'Tunda',
  bukan_wewenang: 'Bukan Wewenang',
  arsipkan: 'Arsipkan',
};

/** `dd/mm/yyyy hh:mm` on the unit's wall clock, as Indonesian Excel reads a date. */
export function localDateTime(iso: string, timeZone: string): string {
  const d = new Date(Date.parse(iso) + offsetMinutes(timeZone) * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

const cellsOf = (r: FollowUpExportRow, timeZone: string) => [
  r.laporId,
  r.trackingCode,
  statusNames[r.status],
  r.outcome ? outcomeNames[r.outcome] : '',
  r.text,
  localDateTime(r.at, timeZone),
  r.officer,
  r.unit,
];

const quoted = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** An id as a text formula: `="0012345"`, quoted for the CSV. */
const asText = (id: string) => (id === '' ? '' : `"=""${id.replace(/"/g, '')}"""`);

export function followUpsCsv(rows: readonly FollowUpExportRow[], timeZone: string): Buffer {
  const lines = [exportHeaders.map(quoted).join(';')];
  for (const r of rows) {
    const [laporId = '', ...rest] = cellsOf(r, timeZone);
    lines.push([asText(laporId), ...rest.map(quoted)].join(';'));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function followUpsXlsx(
  rows: readonly FollowUpExportRow[],
  timeZone: string,
  title: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jaring';
  const sheet = book.addWorksheet('Tindak lanjut LAPOR!', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([...exportHeaders]).font = { bold: true };
  for (const r of rows) sheet.addRow(cellsOf(r, timeZone));
  // Text, not General: an id typed into the sheet later stays text too.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(2).numFmt = '@';
  sheet.columns.forEach((c, i) => {
    c.width = i === 4 ? 60 : 20;
  });
  sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
