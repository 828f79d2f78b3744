/** The complaint statistics as a workbook: a summary sheet and one sheet per grouping. */
import ExcelJS from 'exceljs';
import type { Language } from '../core/i18n.ts';
import type { ComplaintStats, StatsFigures, StatsRow } from './complaint-stats.schema.ts';
import type { ComplaintChannel, ComplaintClass, ComplaintStatus } from './complaints.tables.ts';

type Pair = { id: string; en: string };

const channelNames: Record<ComplaintChannel, Pair> = {
  form: { id: 'Formulir daring', en: 'Online form' },
  in_person: { id: 'Tatap muka', en: 'In person' },
  box: { id: 'Kotak pengaduan', en: 'Complaint box' },
  sms_whatsapp: { id: 'SMS/WhatsApp', en: 'SMS/WhatsApp' },
  phone: { id: 'Telepon', en: 'Phone' },
  email: { id: 'Surel', en: 'E-mail' },
  lapor: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  website: { id: 'Situs web', en: 'Website' },
  instagram: { id: 'Instagram', en: 'Instagram' },
  open311: { id: 'Open311 (aplikasi mitra)', en: 'Open311 (partner app)' },
};
const classNames: Record<ComplaintClass, Pair> = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint' },
  aspirasi: { id: 'Aspirasi', en: 'Suggestion' },
  permintaan_informasi: { id: 'Permintaan informasi', en: 'Request for information' },
};
const statusNames: Record<ComplaintStatus, Pair> = {
  received: { id: 'Diterima', en: 'Received' },
  incomplete: { id: 'Belum lengkap', en: 'Incomplete' },
  complete: { id: 'Lengkap', en: 'Complete' },
  decided: { id: 'Diputuskan', en: 'Decided' },
  delivered: { id: 'Keputusan disampaikan', en: 'Decision delivered' },
  withdrawn: { id: 'Dianggap dicabut', en: 'Deemed withdrawn' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};

const words = {
  title: {
    id: 'Statistik pengaduan (UU 25/2009 Pasal 37 ayat 3)',
    en: 'Complaint statistics (Law 25/2009 art. 37(3))',
  },
  period: { id: 'Bulan diterima', en: 'Months received' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  service: { id: 'Per layanan', en: 'By service' },
  channel: { id: 'Per saluran', en: 'By channel' },
  class: { id: 'Per jenis', en: 'By kind' },
  status: { id: 'Per status', en: 'By status' },
  month: { id: 'Per bulan', en: 'By month' },
  noService: { id: '(tanpa layanan)', en: '(no service)' },
  group: { id: 'Kelompok', en: 'Group' },
  received: { id: 'Diterima', en: 'Received' },
  complete: { id: 'Lengkap', en: 'Complete' },
  decided: { id: 'Diputuskan', en: 'Decided' },
  decidedInTime: { id: 'Diputuskan tepat waktu', en: 'Decided in time' },
  median: { id: 'Median hari sampai keputusan', en: 'Median days to decision' },
  p90: { id: 'P90 hari sampai keputusan', en: 'P90 days to decision' },
  transferred: { id: 'Dialihkan', en: 'Transferred' },
  withdrawn: { id: 'Dianggap dicabut', en: 'Deemed withdrawn' },
} satisfies Record<string, Pair>;

const figureCells = (f: StatsFigures) => [
  f.received,
  f.complete,
  f.decided,
  f.decidedInTime,
  f.medianDaysToDecision ?? '',
  f.p90DaysToDecision ?? '',
  f.transferred,
  f.withdrawn,
];

export async function complaintStatsXlsx(stats: ComplaintStats, lang: Language): Promise<Buffer> {
  const w = (k: keyof typeof words) => words[k][lang];
  const header = [
    w('group'),
    w('received'),
    w('complete'),
    w('decided'),
    w('decidedInTime'),
    w('median'),
    w('p90'),
    w('transferred'),
    w('withdrawn'),
  ];
  const book = new ExcelJS.Workbook();
  book.creator = 'Jaring';
  const sheetOf = (name: string, rows: Array<[string, StatsFigures]>) => {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.addRow([`${w('title')}: ${stats.unit}`]).font = { bold: true };
    sheet.addRow([w('period'), `${stats.from} – ${stats.to}`]);
    sheet.addRow(header).font = { bold: true };
    for (const [label, f] of rows) sheet.addRow([label, ...figureCells(f)]);
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 34 : 14;
    });
  };
  const named = (rows: StatsRow[], label: (r: StatsRow) => string): Array<[string, StatsFigures]> =>
    rows.map((r) => [label(r), r]);
  sheetOf(w('summary'), [[stats.unit, stats.total]]);
  sheetOf(
    w('service'),
    named(stats.byService, (r) => r.label ?? w('noService')),
  );
  sheetOf(
    w('channel'),
    named(stats.byChannel, (r) => channelNames[r.key as ComplaintChannel]?.[lang] ?? String(r.key)),
  );
  sheetOf(
    w('class'),
    named(stats.byClass, (r) => classNames[r.key as ComplaintClass]?.[lang] ?? String(r.key)),
  );
  sheetOf(
    w('status'),
    named(stats.byStatus, (r) => statusNames[r.key as ComplaintStatus]?.[lang] ?? String(r.key)),
  );
  sheetOf(
    w('month'),
    named(stats.byMonth, (r) => String(r.key)),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
