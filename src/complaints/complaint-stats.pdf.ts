/**
 * The complaint statistics (Pasal 37(3)) as the office files them: the kop surat, the period,
 * the totals, one table per month, service, channel, class and status with the same figures as
 * the workbook, the head's signature block and page numbers.
 */
import type { AuthContext } from '../auth/auth.service.ts';
import { formatDateLong, todayIn } from '../core/dates.ts';
import type { Language } from '../core/i18n.ts';
import { type Content, letterhead, pageFooter, renderPdf } from '../core/pdf.ts';
import { channelNames, classNames, pdfWords, statusNames, words } from './complaint-stats.labels.ts';
import type { ComplaintStats, StatsFigures, StatsRow } from './complaint-stats.schema.ts';
import type { ComplaintChannel, ComplaintClass, ComplaintStatus } from './complaints.tables.ts';

type Unit = AuthContext['unit'];

/** A4 landscape less the margins: the nine columns need the width. */
const contentWidth = 842 - 80;

/** `2026-03` → `Maret 2026` (or `March 2026`). */
const monthLong = (m: string, lang: Language) => formatDateLong(`${m}-01`, lang).replace(/^1 /, '');

/** A count or a number of days as printed: a decimal comma in Indonesian, one decimal at most. */
export function statNumber(v: number | null, lang: Language): string {
  if (v === null) return '–';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(v);
}

const figureCells = (f: StatsFigures, lang: Language) =>
  [
    f.received,
    f.complete,
    f.decided,
    f.decidedInTime,
    f.medianDaysToDecision,
    f.p90DaysToDecision,
    f.transferred,
    f.withdrawn,
  ].map((v) => ({ text: statNumber(v, lang), alignment: 'right' as const }));

export async function complaintStatsPdf(
  stats: ComplaintStats,
  unit: Unit,
  lang: Language,
  now: Date,
): Promise<Buffer> {
  const w = (k: keyof typeof words) => words[k][lang];
  const p = (k: keyof typeof pdfWords) => pdfWords[k][lang];
  const today = formatDateLong(todayIn(unit.timeZone, now), lang);
  const period = `${monthLong(stats.from, lang)} – ${monthLong(stats.to, lang)}`;
  const head = [
    w('group'),
    w('received'),
    w('complete'),
    w('decided'),
    w('decidedInTime'),
    w('median'),
    w('p90'),
    w('transferred'),
    w('withdrawn'),
  ].map((text, i) => ({
    text,
    bold: true,
    fillColor: '#eeeeee',
    alignment: i === 0 ? ('left' as const) : ('right' as const),
  }));
  const table = (title: string, rows: Array<[string, StatsFigures]>): Content[] => [
    { text: title, bold: true, fontSize: 10, margin: [0, 6, 0, 2] },
    rows.length === 0
      ? { text: p('none'), fontSize: 8, margin: [0, 0, 0, 6] }
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 54, 54, 58, 58, 62, 62, 54, 58],
            body: [head, ...rows.map(([label, f]) => [label, ...figureCells(f, lang)])],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8,
          margin: [0, 0, 0, 6],
        },
  ];
  const named = (rows: StatsRow[], label: (r: StatsRow) => string): Array<[string, StatsFigures]> =>
    rows.map((r) => [label(r), r]);
  const content: Content[] = [
    ...letterhead(unit, contentWidth),
    { text: p('heading'), alignment: 'center', bold: true, fontSize: 12 },
    { text: p('basis'), alignment: 'center', fontSize: 9, margin: [0, 2, 0, 2] },
    {
      text: `${p('periodOf')}: ${period} · ${p('timeZone')}: ${stats.timeZone}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 0, 0, 6],
    },
    { text: p('note'), fontSize: 8, color: '#555555', margin: [0, 0, 0, 4] },
    ...table(p('total'), [[stats.unit, stats.total]]),
    ...table(
      w('month'),
      named(stats.byMonth, (r) => (r.key ? monthLong(r.key, lang) : '–')),
    ),
    ...table(
      w('service'),
      named(stats.byService, (r) => r.label ?? w('noService')),
    ),
    ...table(
      w('channel'),
      named(stats.byChannel, (r) => channelNames[r.key as ComplaintChannel]?.[lang] ?? String(r.key)),
    ),
    ...table(
      w('class'),
      named(stats.byClass, (r) => classNames[r.key as ComplaintClass]?.[lang] ?? String(r.key)),
    ),
    ...table(
      w('status'),
      named(stats.byStatus, (r) => statusNames[r.key as ComplaintStatus]?.[lang] ?? String(r.key)),
    ),
    {
      columns: [
        { text: '' },
        {
          stack: [
            `${unit.letterPlace || unit.name}, ${today}`,
            unit.head?.position ?? p('headFallback'),
            { text: ' ', margin: [0, 28, 0, 0] },
            {
              text: unit.head?.name ?? '(.................................)',
              bold: true,
              decoration: 'underline',
            },
            ...(unit.head?.rank ? [unit.head.rank] : []),
            ...(unit.head?.nip ? [`NIP ${unit.head.nip}`] : []),
          ],
          alignment: 'center',
          fontSize: 9,
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 36, 40, 40],
    language: lang,
    info: { title: `${p('heading')} ${period}`, author: unit.name, subject: unit.name },
    content,
    footer: pageFooter(`${unit.name} · ${p('printed').replace('{date}', today)}`, lang),
    defaultStyle: { fontSize: 9 },
  });
}
