/** The complaint statistics as a workbook: a summary sheet and one sheet per grouping. */
import ExcelJS from 'exceljs';
import type { Language } from '../core/i18n.ts';
import { channelNames, classNames, statusNames, words } from './complaint-stats.labels.ts';
import type { ComplaintStats, StatsFigures, StatsRow } from './complaint-stats.schema.ts';
import type { ComplaintChannel, ComplaintClass, ComplaintStatus } from './complaints.tables.ts';

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
