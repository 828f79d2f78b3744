import ExcelJS from 'exceljs';
import type { AuthContext } from '../auth/auth.service.ts';
import { formatDateLong, todayIn } from '../core/dates.ts';
import { type Content, letterhead, pageFooter, renderPdf } from '../core/pdf.ts';
import type { SurveyReport } from './survey.schema.ts';

type Lang = 'id' | 'en';
type UnitRow = AuthContext['unit'];

const words = {
  title: { id: 'LAPORAN SURVEI KEPUASAN MASYARAKAT', en: 'PUBLIC SATISFACTION SURVEY REPORT' },
  basis: {
    id: 'Menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017',
    en: 'Following Regulation of the Minister of PANRB No. 14 of 2017',
  },
  period: { id: 'Periode', en: 'Period' },
  respondents: { id: 'Responden', en: 'Respondents' },
  channels: {
    id: 'Melalui kode survei {t}, kios {k}, kertas {p}',
    en: 'By survey code {t}, kiosk {k}, paper {p}',
  },
  served: { id: 'Layanan selesai (populasi)', en: 'Services completed (population)' },
  sample: { id: 'Sampel minimal (Krejcie–Morgan)', en: 'Minimum sample (Krejcie–Morgan)' },
  short: {
    id: 'Jumlah responden kurang dari sampel minimal; hasil belum mewakili.',
    en: 'Fewer respondents than the minimum sample; the result is not yet representative.',
  },
  unsur: { id: 'Unsur', en: 'Element' },
  nrr: { id: 'NRR', en: 'Mean score' },
  weighted: { id: 'NRR tertimbang', en: 'Weighted' },
  ikm: { id: 'IKM', en: 'Index' },
  score: { id: 'Nilai IKM (konversi)', en: 'Score (converted)' },
  grade: { id: 'Mutu pelayanan', en: 'Service grade' },
  weakest: { id: 'Unsur terendah', en: 'Weakest element' },
  noIndex: { id: 'Belum ada jawaban untuk semua unsur.', en: 'Not every element has an answer yet.' },
  services: { id: 'Per layanan', en: 'Per service' },
  service: { id: 'Layanan', en: 'Service' },
  profile: { id: 'Profil responden', en: 'Respondent profile' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  age: { id: 'Umur', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  comments: { id: 'Saran dan masukan', en: 'Suggestions' },
  noComments: { id: 'Tidak ada saran tertulis.', en: 'No written suggestion.' },
  extra: {
    id: 'Pertanyaan tambahan unit (tidak masuk IKM)',
    en: "The unit's own questions (not in the index)",
  },
  extraSheet: { id: 'Pertanyaan tambahan', en: 'Own questions' },
  noExtra: { id: 'Unit tidak mengajukan pertanyaan tambahan.', en: 'The unit asked no question of its own.' },
  question: { id: 'Pertanyaan', en: 'Question' },
  answer: { id: 'Jawaban', en: 'Answer' },
  count: { id: 'Jumlah', en: 'Count' },
  answered: { id: 'Dijawab {n} responden', en: 'Answered by {n} respondents' },
  unanswered: { id: 'Tidak dijawab', en: 'Not answered' },
  retired: { id: 'tidak dipakai lagi', en: 'retired' },
  noTexts: { id: 'Belum ada jawaban.', en: 'No answer yet.' },
  followUp: { id: 'Rencana tindak lanjut', en: 'Follow-up plan' },
  action: { id: 'Tindakan', en: 'Action' },
  due: { id: 'Batas waktu', en: 'Due' },
  status: { id: 'Status', en: 'Status' },
  noFollowUp: { id: 'Belum ada rencana tindak lanjut.', en: 'No follow-up plan yet.' },
  planned: { id: 'Direncanakan', en: 'Planned' },
  in_progress: { id: 'Berjalan', en: 'In progress' },
  done: { id: 'Selesai', en: 'Done' },
  draft: { id: 'Periode belum ditutup (draf)', en: 'Period not closed (draft)' },
  closedBy: { id: 'Ditutup {at} oleh {by}', en: 'Closed {at} by {by}' },
} as const;

const say = (lang: Lang, key: keyof typeof words, values: Record<string, string | number> = {}) =>
  words[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));

/** `94.44` as Indonesian writes it (`94,44`), or as it is in English. */
const decimal = (value: string, lang: Lang) => (lang === 'id' ? value.replace('.', ',') : value);
const weighted = (nrr: string, lang: Lang) => decimal((Number(nrr) / 9).toFixed(3), lang);

type ExtraQuestion = SurveyReport['extraQuestions'][number];

/** A unit question's heading: its text in the language asked (Indonesian when it has no English). */
const questionTitle = (q: ExtraQuestion, n: number, lang: Lang) =>
  `${n}. ${(lang === 'en' && q.text.en) || q.text.id}${q.retired ? ` (${say(lang, 'retired')})` : ''}`;

/** A scale or yes/no question's answers and counts, with those of the period who left it blank. */
function tallyRows(q: ExtraQuestion, respondents: number, lang: Lang): [string, number][] {
  return [
    ...q.tallies.map((t): [string, number] => [
      q.kind === 'scale' ? `${t.key}. ${t.label[lang]}` : t.label[lang],
      t.n,
    ]),
    [say(lang, 'unanswered'), Math.max(0, respondents - q.answered)],
  ];
}

function extraPdf(r: SurveyReport, lang: Lang): Content[] {
  if (r.extraQuestions.length === 0)
    return [{ text: say(lang, 'noExtra'), fontSize: 8, margin: [0, 4, 0, 10] }];
  return r.extraQuestions.map((q, i) => ({
    stack: [
      { text: questionTitle(q, i + 1, lang), bold: true, fontSize: 9 },
      { text: say(lang, 'answered', { n: q.answered }), fontSize: 8, color: '#555555' },
      q.kind === 'text'
        ? q.texts.length > 0
          ? { ul: q.texts.slice(0, 40), fontSize: 8 }
          : { text: say(lang, 'noTexts'), fontSize: 8 }
        : {
            text: tallyRows(q, r.unit.respondents.total, lang)
              .map(([label, n]) => `${label}: ${n}`)
              .join('   ·   '),
            fontSize: 8,
          },
    ],
    margin: [0, 4, 0, 6],
    unbreakable: true,
  }));
}

function unsurRows(r: SurveyReport, lang: Lang): string[][] {
  const names = new Map(r.unsurNames.map((u) => [u.id, u.name[lang]]));
  return (r.unit.index?.unsur ?? []).map((u) => [
    `${u.id} ${names.get(u.id) ?? ''}`,
    String(u.respondents),
    decimal(u.nrr, lang),
    weighted(u.nrr, lang),
  ]);
}

function table(head: string[], rows: string[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [head.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 4, 0, 10],
  };
}

/** The SKM report as the office files it: kop surat, the figures, the plan, the head's signature. */
export async function surveyReportPdf(
  r: SurveyReport,
  unit: UnitRow,
  lang: Lang,
  now: Date,
): Promise<Buffer> {
  const i = r.unit.index;
  const today = todayIn(unit.timeZone, now);
  const head = unit.head;
  const profileCols = (['sex', 'age', 'education', 'occupation'] as const).map((k) => ({
    stack: [
      {
        text: say(lang, k),
        bold: true,
        fontSize: 9,
        margin: [0, 0, 0, 2] as [number, number, number, number],
      },
      ...r.profile[k].map((c) => ({ text: `${c.label[lang]}: ${c.n}`, fontSize: 8 })),
    ],
  }));
  const content: Content[] = [
    ...letterhead(unit),
    { text: say(lang, 'title'), alignment: 'center', bold: true, fontSize: 12 },
    { text: say(lang, 'basis'), alignment: 'center', fontSize: 9, margin: [0, 2, 0, 2] },
    {
      text: `${say(lang, 'period')}: ${r.period.label[lang]} · ${r.closed ? say(lang, 'closedBy', { at: formatDateLong(r.closed.at.slice(0, 10), lang), by: r.closed.by }) : say(lang, 'draft')}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
    {
      columns: [
        {
          stack: [
            `${say(lang, 'respondents')}: ${r.unit.respondents.total}`,
            {
              text: say(lang, 'channels', {
                t: r.unit.respondents.token,
                k: r.unit.respondents.kiosk,
                p: r.unit.respondents.paper,
              }),
              fontSize: 8,
              color: '#555555',
            },
            `${say(lang, 'served')}: ${r.unit.served}`,
            `${say(lang, 'sample')}: ${r.unit.sampleNeeded}`,
          ],
          fontSize: 9,
        },
        i
          ? {
              stack: [
                `${say(lang, 'ikm')}: ${decimal(i.ikm, lang)}`,
                { text: `${say(lang, 'score')}: ${decimal(i.score, lang)}`, bold: true, fontSize: 12 },
                `${say(lang, 'grade')}: ${i.grade} (${r.unit.gradeLabel?.[lang] ?? ''})`,
                `${say(lang, 'weakest')}: ${i.weakest.map((w) => `${w} ${r.unsurNames.find((u) => u.id === w)?.name[lang] ?? ''}`).join(', ')}`,
              ],
              fontSize: 9,
            }
          : { text: say(lang, 'noIndex'), fontSize: 9 },
      ],
      margin: [0, 0, 0, 6],
    },
    ...(r.unit.sampleShort
      ? [{ text: say(lang, 'short'), color: '#b45309', fontSize: 9, margin: [0, 0, 0, 6] } as Content]
      : []),
    table(
      [say(lang, 'unsur'), say(lang, 'respondents'), say(lang, 'nrr'), say(lang, 'weighted')],
      unsurRows(r, lang),
      ['*', 60, 50, 70],
    ),
    { text: say(lang, 'services'), bold: true, fontSize: 10 },
    table(
      [
        say(lang, 'service'),
        say(lang, 'respondents'),
        say(lang, 'sample'),
        say(lang, 'score'),
        say(lang, 'grade'),
      ],
      r.services.map((s) => [
        s.service,
        String(s.respondents.total),
        String(s.sampleNeeded),
        s.index ? decimal(s.index.score, lang) : '–',
        s.index?.grade ?? '–',
      ]),
      ['*', 60, 70, 60, 50],
    ),
    { text: say(lang, 'profile'), bold: true, fontSize: 10 },
    { columns: profileCols, margin: [0, 4, 0, 10] },
    { text: say(lang, 'comments'), bold: true, fontSize: 10 },
    r.comments.length > 0
      ? { ul: r.comments.slice(0, 40), fontSize: 8, margin: [0, 4, 0, 10] }
      : { text: say(lang, 'noComments'), fontSize: 8, margin: [0, 4, 0, 10] },
    { text: say(lang, 'extra'), bold: true, fontSize: 10 },
    ...extraPdf(r, lang),
    { text: say(lang, 'followUp'), bold: true, fontSize: 10, margin: [0, 4, 0, 0] },
    r.followUps.length > 0
      ? table(
          [say(lang, 'unsur'), say(lang, 'action'), say(lang, 'due'), say(lang, 'status')],
          r.followUps.map((f) => [f.unsur, f.action, formatDateLong(f.dueOn, lang), say(lang, f.status)]),
          [35, '*', 80, 60],
        )
      : { text: say(lang, 'noFollowUp'), fontSize: 8, margin: [0, 4, 0, 10] },
    {
      columns: [
        { text: '' },
        {
          stack: [
            `${unit.letterPlace || unit.name}, ${formatDateLong(today, lang)}`,
            head?.position ?? (lang === 'id' ? 'Kepala Dinas' : 'Head of Office'),
            { text: ' ', margin: [0, 28, 0, 0] },
            // The head on the unit's record; else who closed the period; else a line to sign on.
            {
              text: head?.name ?? r.closed?.by ?? '(.................................)',
              bold: true,
              decoration: 'underline',
            },
            ...(head?.rank ? [head.rank] : []),
            ...(head?.nip ? [`NIP ${head.nip}`] : []),
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
    pageMargins: [40, 36, 40, 40],
    language: lang,
    info: { title: `${say(lang, 'title')} ${r.period.label[lang]}`, author: unit.name },
    content,
    footer: pageFooter(`SKM ${r.period.label[lang]} · ${unit.name}`, lang),
    defaultStyle: { fontSize: 10 },
  });
}

/** The same report as a workbook: the index per unsur, per service, the profile, comments, the plan. */
export async function surveyReportXlsx(r: SurveyReport, unit: UnitRow, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jaring';
  const summary = book.addWorksheet('SKM');
  summary.addRows([
    [say(lang, 'title')],
    [unit.name],
    [say(lang, 'period'), r.period.label[lang]],
    [say(lang, 'respondents'), r.unit.respondents.total],
    [say(lang, 'served'), r.unit.served],
    [say(lang, 'sample'), r.unit.sampleNeeded],
    [say(lang, 'ikm'), r.unit.index?.ikm ?? ''],
    [say(lang, 'score'), r.unit.index?.score ?? ''],
    [say(lang, 'grade'), r.unit.index ? `${r.unit.index.grade} (${r.unit.gradeLabel?.[lang] ?? ''})` : ''],
    [],
    [say(lang, 'unsur'), say(lang, 'respondents'), say(lang, 'nrr'), say(lang, 'weighted')],
    ...unsurRows(r, lang),
  ]);
  summary.getColumn(1).width = 48;
  const services = book.addWorksheet(say(lang, 'services'));
  services.addRows([
    [
      say(lang, 'service'),
      say(lang, 'respondents'),
      say(lang, 'served'),
      say(lang, 'sample'),
      say(lang, 'score'),
      say(lang, 'grade'),
    ],
    ...r.services.map((s) => [
      s.service,
      s.respondents.total,
      s.served,
      s.sampleNeeded,
      s.index?.score ?? '',
      s.index?.grade ?? '',
    ]),
  ]);
  services.getColumn(1).width = 48;
  const profile = book.addWorksheet(say(lang, 'profile'));
  for (const k of ['sex', 'age', 'education', 'occupation'] as const) {
    profile.addRow([say(lang, k)]).font = { bold: true };
    for (const c of r.profile[k]) profile.addRow([c.label[lang], c.n]);
  }
  profile.getColumn(1).width = 32;
  const comments = book.addWorksheet(say(lang, 'comments'));
  comments.addRows(r.comments.map((c) => [c]));
  comments.getColumn(1).width = 100;
  const extra = book.addWorksheet(say(lang, 'extraSheet'));
  extra.addRow([say(lang, 'extra')]).font = { bold: true };
  if (r.extraQuestions.length === 0) extra.addRow([say(lang, 'noExtra')]);
  for (const [i, q] of r.extraQuestions.entries()) {
    extra.addRow([]);
    extra.addRow([questionTitle(q, i + 1, lang), say(lang, 'answered', { n: q.answered })]).font = {
      bold: true,
    };
    if (q.kind === 'text') for (const text of q.texts) extra.addRow([text]);
    else {
      extra.addRow([say(lang, 'answer'), say(lang, 'count')]);
      for (const row of tallyRows(q, r.unit.respondents.total, lang)) extra.addRow(row);
    }
  }
  extra.getColumn(1).width = 70;
  extra.getColumn(2).width = 24;
  const plan = book.addWorksheet(say(lang, 'followUp'));
  plan.addRows([
    [say(lang, 'unsur'), say(lang, 'action'), say(lang, 'due'), say(lang, 'status')],
    ...r.followUps.map((f) => [f.unsur, f.action, f.dueOn, say(lang, f.status)]),
  ]);
  plan.getColumn(2).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}
