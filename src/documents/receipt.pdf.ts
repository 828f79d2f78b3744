import QRCode from 'qrcode';
import type { Interval } from '../core/calendar.ts';
import { type Content, letterhead, renderPdf } from '../core/pdf.ts';

/** What the desk hands the applicant when a request is received (tanda terima permohonan). */
export interface ReceiptInput {
  lang: 'id' | 'en';
  unit: {
    name: string;
    letterhead: string[];
    address: string;
    phone: string;
    timeZone: string;
    /** The town printed before the date (`Tarakan, 2 Desember 2026`); may be empty. */
    place: string;
    /** ISO weekday '1'…'7' → office intervals. */
    officeHours: Record<string, Interval[]>;
  };
  trackingCode: string;
  /** The public tracking page, where a code is typed. */
  trackPage: string;
  /** The public tracking page of this request, which the QR code opens. */
  trackUrl: string;
  service: string;
  product: string | null;
  applicant: { name: string /** Masked. */; nik: string | null };
  /** ISO 8601. */
  receivedAt: string;
  /** ISO 8601, or null while the clock is paused or the limit is not a duration. */
  dueAt: string | null;
  /** Each paper received: ticked at the desk, uploaded as a file, or both. */
  papers: Array<{ text: string; seen: boolean; files: string[] }>;
  officer: { name: string; nip: string | null } | null;
  /** The satisfaction survey this request's token opens once it is served (SKM). */
  surveyUrl?: string;
}

const texts = {
  id: {
    title: 'TANDA TERIMA PERMOHONAN',
    code: 'Kode pelacakan',
    service: 'Layanan',
    product: 'Produk layanan',
    applicant: 'Nama pemohon',
    nik: 'NIK',
    noNik: 'tanpa KTP',
    received: 'Diterima',
    due: 'Perkiraan selesai',
    noDue: 'mengikuti proses layanan',
    papers: 'Berkas yang diterima',
    paper: 'Persyaratan',
    note: 'Keterangan',
    seen: 'diperiksa di loket',
    uploaded: 'dipindai',
    noPapers: 'Belum ada berkas yang dicatat.',
    track: (url: string, code: string) =>
      `Pantau permohonan Anda dengan memindai kode QR ini atau membuka ${url} dan memasukkan kode ${code}.`,
    hours: 'Jam layanan',
    address: 'Alamat',
    phone: 'Telepon',
    officer: 'Petugas penerima,',
    keep: 'Simpan tanda terima ini sampai permohonan selesai.',
    survey:
      'Setelah layanan selesai, mohon nilai pelayanan kami (Survei Kepuasan Masyarakat) dengan memindai kode QR ini atau membuka',
    days: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
    locale: 'id-ID',
  },
  en: {
    title: 'RECEIPT OF APPLICATION',
    code: 'Tracking code',
    service: 'Service',
    product: 'Service product',
    applicant: 'Applicant',
    nik: 'NIK',
    noNik: 'no identity card',
    received: 'Received',
    due: 'Expected by',
    noDue: 'follows the service process',
    papers: 'Papers received',
    paper: 'Requirement',
    note: 'Note',
    seen: 'checked at the desk',
    uploaded: 'scanned',
    noPapers: 'No paper recorded yet.',
    track: (url: string, code: string) =>
      `Follow your application by scanning this QR code or by opening ${url} and entering the code ${code}.`,
    hours: 'Office hours',
    address: 'Address',
    phone: 'Phone',
    officer: 'Receiving officer,',
    keep: 'Keep this receipt until the application is finished.',
    survey:
      'Once the service is done, please rate it (satisfaction survey) by scanning this QR code or opening',
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    locale: 'en-GB',
  },
} as const;

/** A moment in the unit's zone with the zone's Indonesian name: `2 Desember 2026 09.15 WITA`. */
export function unitDateTime(iso: string, lang: 'id' | 'en', timeZone: string): string {
  const at = new Date(iso);
  const text = at.toLocaleString(texts[lang].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const zone = new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${text} ${zone}` : text;
}

/** A date in the unit's zone: `2 Desember 2026`. */
function unitDate(iso: string, lang: 'id' | 'en', timeZone: string): string {
  return new Date(iso).toLocaleDateString(texts[lang].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
}

/** Office hours with the days that share them run together: `Senin–Kamis 07.30–12.00, 13.00–16.00`. */
export function officeHoursLine(hours: Record<string, Interval[]>, lang: 'id' | 'en'): string {
  const days = texts[lang].days;
  const dot = (t: string) => (lang === 'id' ? t.replace(':', '.') : t);
  const of = (d: number) => (hours[String(d)] ?? []).map((i) => `${dot(i.start)}–${dot(i.end)}`).join(', ');
  const runs: Array<{ from: number; to: number; text: string }> = [];
  for (let d = 1; d <= 7; d++) {
    const text = of(d);
    const last = runs.at(-1);
    if (text && last && last.text === text && last.to === d - 1) last.to = d;
    else if (text) runs.push({ from: d, to: d, text });
  }
  return runs
    .map((r) => `${days[r.from - 1]}${r.to > r.from ? `–${days[r.to - 1]}` : ''} ${r.text}`)
    .join('; ');
}

const tight = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The receipt on A4: kop surat, title, the request's facts, the papers, the QR to track it, the officer. */
export async function renderReceiptPdf(r: ReceiptInput): Promise<Buffer> {
  const t = texts[r.lang];
  const width = 595.28 - 56 - 56;
  const qr = await QRCode.toDataURL(r.trackUrl, { margin: 0, width: 240, errorCorrectionLevel: 'M' });
  const survey = r.surveyUrl
    ? await QRCode.toDataURL(r.surveyUrl, { margin: 0, width: 160, errorCorrectionLevel: 'M' })
    : null;
  const field = (label: string, value: Content): Content[] => [{ text: label }, { text: ':' }, value];
  const fields: Content[][] = [
    field(t.service, { text: r.service, bold: true }),
    ...(r.product ? [field(t.product, { text: r.product })] : []),
    field(t.applicant, { text: r.applicant.name, bold: true }),
    field(t.nik, { text: r.applicant.nik ?? t.noNik }),
    field(t.received, { text: unitDateTime(r.receivedAt, r.lang, r.unit.timeZone) }),
    field(t.due, {
      text: r.dueAt ? unitDateTime(r.dueAt, r.lang, r.unit.timeZone) : t.noDue,
      bold: r.dueAt !== null,
    }),
  ];
  const papers: Content =
    r.papers.length === 0
      ? { text: t.noPapers, italics: true, margin: [0, 0, 0, 10] }
      : {
          table: {
            headerRows: 1,
            widths: [18, '*', 170],
            body: [
              [
                { text: 'No.', bold: true },
                { text: t.paper, bold: true },
                { text: t.note, bold: true },
              ],
              ...r.papers.map((p, i): Content[] => [
                { text: `${i + 1}.` },
                { text: p.text },
                {
                  text: [...(p.seen ? [t.seen] : []), ...p.files.map((f) => `${t.uploaded}: ${f}`)].join(
                    '; ',
                  ),
                  fontSize: 9,
                },
              ]),
            ],
          },
          layout: {
            hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
              i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.2,
            vLineWidth: () => 0,
            hLineColor: () => '#555555',
            paddingTop: () => 3,
            paddingBottom: () => 3,
          },
          margin: [0, 0, 0, 12],
        };
  const contact: Content[] = [
    ...(r.unit.address ? [{ text: `${t.address}: ${r.unit.address}` }] : []),
    ...(r.unit.phone ? [{ text: `${t.phone}: ${r.unit.phone}` }] : []),
    { text: `${t.hours}: ${officeHoursLine(r.unit.officeHours, r.lang)}` },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 36, 56, 48],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    language: r.lang,
    info: { title: `${t.title} ${r.trackingCode}`, author: r.unit.name },
    content: [
      ...letterhead(r.unit, width),
      { text: t.title, alignment: 'center', bold: true, fontSize: 14, decoration: 'underline' },
      {
        text: [`${t.code}: `, { text: r.trackingCode, bold: true, font: 'Roboto', characterSpacing: 1 }],
        alignment: 'center',
        fontSize: 12,
        margin: [0, 4, 0, 14],
      },
      {
        columns: [
          {
            width: '*',
            table: { widths: [105, 8, '*'], body: fields },
            layout: tight,
          },
          {
            width: 110,
            stack: [
              { image: qr, fit: [96, 96], alignment: 'center' },
              { text: r.trackingCode, alignment: 'center', fontSize: 9, bold: true, margin: [0, 3, 0, 0] },
            ],
          },
        ],
        columnGap: 12,
        margin: [0, 0, 0, 14],
      },
      { text: t.papers, bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      papers,
      { text: t.track(r.trackPage, r.trackingCode), margin: [0, 0, 0, 12] },
      {
        columns: [
          { width: '*', stack: contact, fontSize: 8.5, color: '#333333' },
          {
            width: 190,
            alignment: 'center',
            stack: [
              {
                text: `${r.unit.place ? `${r.unit.place}, ` : ''}${unitDate(r.receivedAt, r.lang, r.unit.timeZone)}`,
              },
              { text: t.officer, margin: [0, 0, 0, 40] },
              { text: r.officer?.name ?? '—', bold: true, decoration: 'underline' },
              ...(r.officer?.nip ? [{ text: `NIP ${r.officer.nip}`, fontSize: 9 }] : []),
            ],
          },
        ],
        columnGap: 16,
      },
      ...(survey && r.surveyUrl
        ? [
            {
              columns: [
                { width: 56, image: survey, fit: [52, 52] },
                { width: '*', text: [`${t.survey} `, { text: r.surveyUrl, bold: true }], fontSize: 9 },
              ],
              columnGap: 10,
              margin: [0, 18, 0, 0],
            } as Content,
          ]
        : []),
      { text: t.keep, italics: true, fontSize: 8.5, alignment: 'center', margin: [0, 18, 0, 0] },
    ],
  });
}
