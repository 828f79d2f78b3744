import ExcelJS from 'exceljs';
import type { StepDeadlineView } from '../cases/cases.schema.ts';
import type { DistributionLine, DistributionReport, RequestAgeReport } from './reports.schema.ts';

/** The workbooks of the logistics reports: Indonesian headers, numbers as numbers, codes as text. */

const statusNames: Record<string, string> = {
  upcoming: 'Belum mulai',
  active: 'Berlaku',
  expired: 'Lewat masa berlaku',
  ended: 'Diakhiri',
};
const caseStatusNames: Record<string, string> = {
  open: 'Diproses',
  returned: 'Menunggu kelengkapan',
  done: 'Selesai',
  rejected: 'Ditolak',
  withdrawn: 'Dibatalkan',
};

const lineHeaders = [
  'Barang',
  'Satuan',
  'Dipesan (belum dikirim)',
  'Dikirim',
  'Dalam perjalanan',
  'Diterima (BAST)',
  'Kembali ke gudang',
  'Dihapuskan (rusak/hilang)',
];
const lineCells = (l: DistributionLine) => [
  l.name,
  l.uom,
  l.reserved,
  l.dispatched,
  l.inTransit,
  l.received,
  l.returned,
  l.writtenOff,
];

/** A calendar day as a date cell (midnight UTC: Excel has no time zones, the day is what counts). */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

async function bytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet with a bold title row and a bold, frozen header row. */
function sheetOf(workbook: ExcelJS.Workbook, name: string, title: string, headers: string[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow(headers).font = { bold: true };
  return sheet;
}

/** Columns (1-based) that hold codes: kept as text, so `36.02` is not read as a number. */
function asText(sheet: ExcelJS.Worksheet, ...columns: number[]) {
  for (const c of columns) sheet.getColumn(c).numFmt = '@';
}

function widths(sheet: ExcelJS.Worksheet, wide: Record<number, number>, base = 14) {
  sheet.columns.forEach((c, i) => {
    c.width = wide[i + 1] ?? base;
  });
}

/**
 * The distributions as a workbook: per emergency, regency and item; per regency and item over
 * the emergencies shown; and the number of requests and BASTs per emergency and regency.
 */
export async function distributionWorkbook(title: string, report: DistributionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const byEmergency = sheetOf(workbook, 'Per kejadian', title, [
    'Kejadian bencana',
    'Nomor keputusan',
    'Status',
    'Kode wilayah',
    'Kabupaten/Kota',
    ...lineHeaders,
  ]);
  for (const e of report.emergencies)
    for (const a of e.areas)
      for (const l of a.lines)
        byEmergency.addRow([
          e.emergency.disaster,
          e.emergency.decree,
          statusNames[e.emergency.status] ?? e.emergency.status,
          a.code,
          a.name,
          ...lineCells(l),
        ]);
  asText(byEmergency, 2, 4);
  widths(byEmergency, { 1: 24, 2: 24, 5: 26, 6: 28 });

  const byRegency = sheetOf(workbook, 'Per kabupaten-kota', title, [
    'Kode wilayah',
    'Kabupaten/Kota',
    ...lineHeaders,
  ]);
  for (const a of report.regencies)
    for (const l of a.lines) byRegency.addRow([a.code, a.name, ...lineCells(l)]);
  asText(byRegency, 1);
  widths(byRegency, { 2: 26, 3: 28 });

  const counts = sheetOf(workbook, 'Permohonan dan BAST', title, [
    'Kejadian bencana',
    'Nomor keputusan',
    'Mulai',
    'Berakhir',
    'Status',
    'Kode wilayah',
    'Kabupaten/Kota',
    'Jumlah permohonan',
    'Jumlah BAST',
  ]);
  for (const e of report.emergencies) {
    const head = [
      e.emergency.disaster,
      e.emergency.decree,
      day(e.emergency.startsOn),
      day(e.emergency.endsOn),
      statusNames[e.emergency.status] ?? e.emergency.status,
    ];
    if (e.areas.length === 0) counts.addRow([...head, '', '', 0, 0]);
    for (const a of e.areas) counts.addRow([...head, a.code, a.name, a.requests, a.basts]);
  }
  asText(counts, 2, 6);
  counts.getColumn(3).numFmt = 'dd/mm/yyyy';
  counts.getColumn(4).numFmt = 'dd/mm/yyyy';
  widths(counts, { 1: 24, 2: 24, 7: 26 });
  return bytes(workbook);
}

/** Where a decision stands against its deadline, as the workbook names it. */
const deadlineStatusNames: Record<StepDeadlineView['status'], string> = {
  running: 'Menunggu',
  warning: 'Mendekati batas',
  late: 'Melewati batas',
  met: 'Tepat waktu',
  metLate: 'Terlambat',
  ended: 'Tidak diperlukan (ditutup sebelumnya)',
};

/** The requests by status and age as a workbook: one row per request, oldest first; then per step. */
export async function requestAgeWorkbook(title: string, report: RequestAgeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const sheet = sheetOf(workbook, 'Umur permohonan', title, [
    'Kode lacak',
    'Pemohon (posko/desa/kecamatan)',
    'Kode wilayah',
    'Wilayah',
    'Kabupaten/Kota',
    'Dinas Sosial kabupaten/kota',
    'Kejadian bencana',
    'Status',
    'Tahap',
    'Diterima (UTC)',
    'Sampai di tahap ini (UTC)',
    'Selesai (UTC)',
    'Umur (hari)',
    'Hari di tahap ini',
    'Batas waktu',
    'Melewati batas waktu',
    'Prioritas',
    'Batas keputusan Kepala Bidang (UTC)',
    'Diputuskan (UTC)',
    'Keputusan',
  ]);
  for (const r of report.requests)
    sheet.addRow([
      r.trackingCode,
      r.applicant,
      r.area?.code ?? '',
      r.area?.name ?? '',
      r.regency?.name ?? '',
      r.requestingOffice ?? '',
      r.emergency?.disaster ?? '',
      caseStatusNames[r.status] ?? r.status,
      r.step ?? '',
      new Date(r.openedAt),
      new Date(r.lastStepAt),
      r.closedAt ? new Date(r.closedAt) : '',
      r.ageDays,
      r.daysAtStep ?? '',
      r.due ? (r.due.length === 10 ? day(r.due) : new Date(r.due)) : '',
      r.overdue ? 'Ya' : 'Tidak',
      r.deadline ? `${r.deadline.valueLabel}${r.deadline.answered ? '' : ' (tidak dipilih)'}` : '',
      r.deadline ? new Date(r.deadline.dueAt) : '',
      r.deadline?.decidedAt ? new Date(r.deadline.decidedAt) : '',
      r.deadline ? deadlineStatusNames[r.deadline.status] : '',
    ]);
  asText(sheet, 1, 3);
  for (const c of [10, 11, 12, 18, 19]) sheet.getColumn(c).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getColumn(15).numFmt = 'dd/mm/yyyy';
  widths(sheet, { 2: 30, 4: 24, 5: 24, 6: 30, 7: 22, 9: 34, 17: 26, 20: 24 }, 16);

  const steps = sheetOf(workbook, 'Per tahap', title, [
    'Status',
    'Tahap',
    'Jumlah',
    'Melewati batas waktu',
    'Umur tertua (hari)',
  ]);
  for (const s of report.steps)
    steps.addRow([caseStatusNames[s.status] ?? s.status, s.step ?? '', s.count, s.overdue, s.oldestDays]);
  widths(steps, { 2: 40 }, 18);
  return bytes(workbook);
}
