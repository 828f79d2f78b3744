/**
 * The receipt (tanda terima, UU 25/2009 Pasal 44(1–2)): the unit's kop, the agenda number and
 * date, the class and a summary, the tracking code with a QR to the public tracking page, and
 * the timers' due dates. It names the complainant only when they did not ask for confidentiality.
 */
import QRCode from 'qrcode';
import { formatDateLong, todayIn } from '../core/dates.ts';
import { type Content, letterhead, renderPdf } from '../core/pdf.ts';
import type { ComplaintClass, ComplaintTimer } from './complaints.tables.ts';

export interface ReceiptInput {
  unit: { name: string; letterhead: string[]; timeZone: string; letterPlace: string };
  agendaNumber: string;
  receivedAt: Date;
  class: ComplaintClass;
  channel: string;
  summary: string;
  trackingCode: string;
  trackUrl: string;
  /** Null when confidential (Pasal 42(5)). */
  complainant: string | null;
  late: boolean;
  timers: Array<{ timer: ComplaintTimer; days: number; dayKind: 'calendar' | 'working'; due: Date | null }>;
}

const classLabel: Record<ComplaintClass, string> = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan Informasi',
};

const timerLabel: Record<ComplaintTimer, string> = {
  completeness: 'Pemberitahuan kelengkapan pengaduan (Pasal 44 ayat 3)',
  completion: 'Batas melengkapi pengaduan oleh pengadu (Pasal 44 ayat 4)',
  decision: 'Keputusan atas pengaduan (Pasal 50 ayat 1)',
  delivery: 'Penyampaian keputusan (Pasal 50 ayat 2)',
  lapor_verification: 'Verifikasi laporan SP4N-LAPOR!',
  lapor_follow_up: 'Tindak lanjut laporan SP4N-LAPOR!',
};

const width = 595.28 - 68 - 56;

export async function renderReceiptPdf(r: ReceiptInput): Promise<Buffer> {
  const qr = await QRCode.toDataURL(r.trackUrl, { margin: 0, width: 200, errorCorrectionLevel: 'M' });
  const date = (d: Date) => formatDateLong(todayIn(r.unit.timeZone, d));
  const summary = r.summary.length > 600 ? `${r.summary.slice(0, 600)}…` : r.summary;
  const field = (label: string, value: string): Content[] => [label, ':', value];
  const content: Content[] = [
    ...letterhead(r.unit, width),
    {
      text: 'TANDA TERIMA PENGADUAN',
      alignment: 'center',
      bold: true,
      fontSize: 13,
      decoration: 'underline',
    },
    { text: `Nomor Agenda: ${r.agendaNumber}`, alignment: 'center', margin: [0, 2, 0, 16] },
    {
      table: {
        widths: [130, 8, '*'],
        body: [
          field('Tanggal diterima', date(r.receivedAt)),
          field('Jenis', classLabel[r.class]),
          field('Saluran', r.channel),
          field('Pengadu', r.complainant ?? 'Identitas dirahasiakan (Pasal 42 ayat 5 UU 25/2009)'),
          field('Ringkasan', summary),
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 10],
    },
    ...(r.late
      ? [
          {
            text: 'Catatan: pengaduan ini disampaikan lebih dari 30 hari sejak pelayanan (Pasal 42 ayat 2).',
            italics: true,
            fontSize: 9,
            margin: [0, 0, 0, 10],
          } as Content,
        ]
      : []),
    { text: 'Jangka waktu penanganan', bold: true, margin: [0, 4, 0, 4] },
    {
      table: {
        widths: ['*', 90, 110],
        headerRows: 1,
        body: [
          [
            { text: 'Tahap', bold: true },
            { text: 'Jangka waktu', bold: true },
            { text: 'Paling lambat', bold: true },
          ],
          ...r.timers.map((t) => [
            timerLabel[t.timer],
            `${t.days} hari ${t.dayKind === 'working' ? 'kerja' : 'kalender'}`,
            t.due ? date(new Date(t.due.getTime() - 1)) : 'menunggu tahap sebelumnya',
          ]),
          ...(r.timers.some((t) => t.timer === 'decision')
            ? []
            : [
                [
                  'Keputusan atas pengaduan (Pasal 50 ayat 1)',
                  '60 hari',
                  'sejak pengaduan dinyatakan lengkap',
                ],
              ]),
          ...(r.timers.some((t) => t.timer === 'delivery')
            ? []
            : [['Penyampaian keputusan (Pasal 50 ayat 2)', '14 hari', 'sejak keputusan ditetapkan']]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9.5,
      margin: [0, 0, 0, 16],
    },
    {
      columns: [
        { width: 96, image: qr, fit: [96, 96] },
        {
          width: '*',
          margin: [12, 6, 0, 0],
          stack: [
            { text: 'Kode pelacakan', fontSize: 9 },
            { text: r.trackingCode, bold: true, fontSize: 18, margin: [0, 2, 0, 6] },
            {
              text: `Pindai kode QR atau buka ${r.trackUrl} untuk melihat perkembangan pengaduan.`,
              fontSize: 9,
            },
            {
              text: 'Simpan kode ini: siapa pun yang memegangnya dapat melihat status pengaduan (tanpa identitas pengadu).',
              fontSize: 8,
              color: '#555555',
              margin: [0, 4, 0, 0],
            },
          ],
        },
      ],
    },
    {
      text: `${r.unit.letterPlace || r.unit.name}, ${date(r.receivedAt)}`,
      alignment: 'right',
      margin: [0, 20, 0, 0],
    },
    { text: r.unit.name, alignment: 'right' },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [68, 30, 56, 50],
    language: 'id',
    info: { title: `Tanda terima pengaduan ${r.agendaNumber}`, author: r.unit.name, subject: r.unit.name },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    content,
  });
}
