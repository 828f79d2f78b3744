import type { TableCell } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { formatDateLong } from '../core/dates.ts';
import { terbilang } from '../core/money.ts';
import { type Content, justifiable, letterhead, renderPdf } from '../core/pdf.ts';

/**
 * The papers of a relief request (issue 16), laid out as the office prints them: the lembar
 * disposisi, the surat jalan that goes with the truck and the berita acara serah terima (BAST)
 * the recipient signs. Each carries the kop surat; the last two a QR to their verification page.
 */

export interface PaperUnit {
  name: string;
  letterhead: string[];
}

/** A person as a signature block prints them. */
export interface Party {
  name: string;
  position: string;
  nip?: string | undefined;
  rank?: string | undefined;
}

const page = { width: 595.28, margins: [62, 30, 52, 64] as [number, number, number, number] };
const contentWidth = page.width - page.margins[0] - page.margins[2];

const tight = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 2,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

/** A ruled table with header cells shaded, as forms print them. */
const ruled = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
};

const fields = (rows: Array<[string, string]>, indent = 0): Content => ({
  table: { widths: [128, 8, '*'], body: rows.map(([k, v]) => [k, ':', v]) },
  layout: tight,
  margin: [indent, 0, 0, 8],
});

const title = (text: string, number: string): Content[] => [
  { text, alignment: 'center', bold: true, fontSize: 12.5, decoration: 'underline', margin: [20, 4, 20, 0] },
  { text: `Nomor: ${number}`, alignment: 'center', margin: [0, 2, 0, 14] },
];

/** One signature block: the caption lines, room for the signature, the name underlined, NIP. */
function signatureBlock(caption: string[], p: Party | undefined, blankName = false): Content {
  return {
    stack: [
      ...caption.map((text, i): Content => ({ text, bold: i === 0 })),
      {
        text: p && !blankName ? p.name : '(.................................)',
        bold: true,
        decoration: p && !blankName ? 'underline' : undefined,
        margin: [0, 50, 0, 0],
      },
      ...(p?.rank ? [{ text: p.rank } as Content] : []),
      ...(p?.nip ? [{ text: `NIP ${p.nip}` } as Content] : []),
    ],
    alignment: 'center',
  };
}

async function qrFooter(verifyUrl: string, what: string) {
  const qr = await QRCode.toDataURL(verifyUrl, { margin: 0, width: 160, errorCorrectionLevel: 'M' });
  return (current: number, pages: number): Content => ({
    columns: [
      {
        width: '*',
        stack: [
          { text: `Keaslian ${what} ini dapat diperiksa dengan memindai kode QR atau melalui`, fontSize: 7 },
          // On a line of its own and never broken: a code may hold a hyphen, where a wrap would cut it.
          { text: verifyUrl, fontSize: 7, noWrap: true },
          { text: `Halaman ${current} dari ${pages}`, fontSize: 7 },
        ],
        color: '#555555',
        margin: [0, 10, 8, 0],
      },
      current === pages ? { width: 44, image: qr, fit: [44, 44] } : { width: 44, text: '' },
    ],
    margin: [page.margins[0], 6, page.margins[2], 0],
  });
}

const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const months = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/**
 * A date as a berita acara spells it out: `Rabu tanggal dua bulan Desember tahun dua ribu dua
 * puluh enam`, so that it cannot be altered by a stroke of the pen.
 */
export function dateInWords(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = days[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${day} tanggal ${terbilang(d)} bulan ${months[m - 1]} tahun ${terbilang(y)}`;
}

const qty = (n: number) => n.toLocaleString('id-ID');
const right = (text: string): TableCell => ({ text, alignment: 'right' });
const head = (labels: string[]): TableCell[] => labels.map((text) => ({ text, bold: true }));

// ── Lembar disposisi ─────────────────────────────────────────────────────────────────────────

export interface DispositionPaper {
  unit: PaperUnit;
  place: string;
  /** The request as the agenda book records it. */
  agenda: {
    trackingCode: string;
    /** YYYY-MM-DD in the unit's zone. */
    receivedOn: string;
    from: string;
    requestingOffice?: string | undefined;
    subject: string;
  };
  /** YYYY-MM-DD in the unit's zone. */
  date: string;
  decision: string;
  instruction: string;
  to: string;
  from: Party;
}

/** The lembar disposisi: the agenda data of the request, to whom, what to do, by whom and when. */
export async function renderDispositionPdf(d: DispositionPaper): Promise<Buffer> {
  const cell = (label: string, value: string): TableCell => ({
    stack: [
      { text: label, fontSize: 9, color: '#444444' },
      { text: value || '-', margin: [0, 1, 0, 0] },
    ],
  });
  const from = [d.agenda.from, d.agenda.requestingOffice ? `diketahui ${d.agenda.requestingOffice}` : '']
    .filter(Boolean)
    .join(', ');
  const content: Content[] = [
    ...letterhead(d.unit, contentWidth),
    { text: 'LEMBAR DISPOSISI', alignment: 'center', bold: true, fontSize: 13, margin: [0, 2, 0, 12] },
    {
      table: {
        widths: ['*', '*'],
        body: [
          [cell('Surat dari', from), cell('Diterima tanggal', formatDateLong(d.agenda.receivedOn, 'id'))],
          [cell('Nomor permohonan', d.agenda.trackingCode), cell('Nomor agenda', d.agenda.trackingCode)],
          [cell('Tanggal permohonan', formatDateLong(d.agenda.receivedOn, 'id')), cell('Sifat', 'Segera')],
          [{ ...(cell('Hal', d.agenda.subject) as object), colSpan: 2 } as TableCell, {}],
          [cell('Diteruskan kepada Sdr.', d.to), cell('Dengan hormat harap', d.decision)],
          [
            {
              stack: [
                { text: 'Isi disposisi', fontSize: 9, color: '#444444' },
                { text: d.instruction, margin: [0, 4, 0, 0] },
              ],
              colSpan: 2,
              margin: [0, 0, 0, 60],
            } as TableCell,
            {},
          ],
        ],
      },
      layout: { ...ruled, fillColor: () => null },
    },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 230,
          stack: [
            { text: `${d.place}, ${formatDateLong(d.date, 'id')}` },
            { text: `${d.from.position},` },
            { text: d.from.name, bold: true, decoration: 'underline', margin: [0, 46, 0, 0] },
            ...(d.from.rank ? [{ text: d.from.rank } as Content] : []),
            ...(d.from.nip ? [{ text: `NIP ${d.from.nip}` } as Content] : []),
          ],
        },
      ],
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: page.margins,
    language: 'id',
    info: { title: `Lembar Disposisi ${d.agenda.trackingCode}`, author: d.unit.name, subject: d.unit.name },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    content,
  });
}

// ── Surat jalan ──────────────────────────────────────────────────────────────────────────────

export interface PaperLine {
  name: string;
  uom: string;
  quantity: number;
  /** YYYY-MM-DD, or null for goods that do not expire. */
  expiresOn: string | null;
}

export interface DeliveryNotePaper {
  unit: PaperUnit;
  place: string;
  number: string;
  date: string;
  verifyUrl: string;
  trackingCode: string;
  origin: { name: string; address: string };
  destination: { name: string; area: string };
  vehicle: string;
  driver: string;
  lines: PaperLine[];
  sender: Party;
}

/** The surat jalan: what leaves which warehouse, on which vehicle, with whom, for where. */
export async function renderDeliveryNotePdf(n: DeliveryNotePaper): Promise<Buffer> {
  const content: Content[] = [
    ...letterhead(n.unit, contentWidth),
    ...title('SURAT JALAN', n.number),
    {
      text: 'Bersama ini kami kirimkan bantuan logistik tanggap darurat dengan keterangan sebagai berikut:',
      margin: [0, 0, 0, 6],
    },
    fields([
      ['Dasar', `Permohonan nomor ${n.trackingCode}`],
      ['Gudang asal', [n.origin.name, n.origin.address].filter(Boolean).join(', ')],
      ['Tujuan', n.destination.name],
      ['Wilayah', n.destination.area],
      ['Kendaraan (nomor polisi)', n.vehicle],
      ['Pengemudi', n.driver],
      ['Tanggal kirim', formatDateLong(n.date, 'id')],
    ]),
    {
      table: {
        headerRows: 1,
        widths: [22, '*', 60, 50, 84],
        body: [
          head(['No.', 'Nama Barang', 'Jumlah', 'Satuan', 'Kedaluwarsa']),
          ...n.lines.map((l, i): TableCell[] => [
            right(`${i + 1}.`),
            l.name,
            right(qty(l.quantity)),
            l.uom,
            l.expiresOn ? formatDateLong(l.expiresOn, 'id') : '-',
          ]),
        ],
      },
      layout: ruled,
      margin: [0, 4, 0, 10],
    },
    // The closing sentence, place and date go with the signatures onto whichever page they fall.
    {
      stack: [
        {
          text: 'Barang tersebut di atas telah diterima dalam keadaan baik dan cukup. Kekurangan atau kerusakan dicatat pada Berita Acara Serah Terima.',
          fontSize: 9.5,
          margin: [0, 0, 0, 8],
        },
        { text: `${n.place}, ${formatDateLong(n.date, 'id')}`, alignment: 'right', margin: [0, 0, 0, 8] },
        {
          columns: [
            // Each block has as many caption lines as the sender's, so the names line up.
            signatureBlock(['Penerima,', '\u00a0'], undefined),
            signatureBlock(['Pengemudi,', '\u00a0'], { name: n.driver, position: 'Pengemudi' }),
            signatureBlock(['Pengirim,', n.sender.position], n.sender),
          ],
          columnGap: 10,
        },
      ],
      unbreakable: true,
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: page.margins,
    language: 'id',
    info: { title: `Surat Jalan ${n.number}`, author: n.unit.name, subject: n.unit.name },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    footer: await qrFooter(n.verifyUrl, 'surat jalan'),
    content,
  });
}

// ── Berita acara serah terima ────────────────────────────────────────────────────────────────

export interface HandoverLine extends PaperLine {
  /** What arrived whole. */
  received: number;
  /** What was short, damaged or lost, with the reason, line by line. */
  notes: string[];
}

export interface HandoverPaper {
  unit: PaperUnit;
  /** Where the goods were handed over (the post's village or district). */
  place: string;
  number: string;
  date: string;
  verifyUrl: string;
  trackingCode: string;
  deliveryNote: string;
  disaster: string;
  first: Party & { office: string };
  second: Party & { on: string };
  lines: HandoverLine[];
  remark?: string | undefined;
}

/**
 * The BAST in Tata Naskah Dinas form: day and date in words, the two parties (PIHAK PERTAMA
 * hands over, PIHAK KEDUA receives), the goods line by line with what arrived and what did not,
 * the closing sentence, place and date, and the two signature blocks side by side.
 */
export async function renderHandoverPdf(b: HandoverPaper): Promise<Buffer> {
  const party = (n: string, p: Party, extra: Array<[string, string]>, called: string): Content => ({
    table: {
      widths: [18, 110, 8, '*'],
      body: [
        [`${n}.`, 'Nama', ':', { text: p.name, bold: true }],
        ...(p.nip ? [['', 'NIP', ':', p.nip]] : []),
        ['', 'Jabatan', ':', p.position],
        ...extra.map(([k, v]) => ['', k, ':', v]),
        ['', { text: `selanjutnya disebut ${called}.`, colSpan: 3 }, '', ''],
      ],
    },
    layout: tight,
    margin: [0, 0, 0, 6],
  });
  const short = b.lines.some((l) => l.received < l.quantity);
  const content: Content[] = [
    ...letterhead(b.unit, contentWidth),
    ...title('BERITA ACARA SERAH TERIMA BARANG', b.number),
    {
      text: justifiable(
        `Pada hari ini ${dateInWords(b.date)}, bertempat di ${b.place}, kami yang bertanda tangan di bawah ini:`,
      ),
      alignment: 'justify',
      margin: [0, 0, 0, 6],
    },
    party('1', b.first, [['Instansi', b.first.office]], 'PIHAK PERTAMA'),
    party('2', b.second, [['Atas nama', b.second.on]], 'PIHAK KEDUA'),
    {
      text: justifiable(
        `PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, bantuan logistik tanggap darurat ${b.disaster} berdasarkan permohonan nomor ${b.trackingCode} dan Surat Jalan Nomor ${b.deliveryNote}, dengan rincian sebagai berikut:`,
      ),
      alignment: 'justify',
      margin: [0, 2, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        widths: [20, '*', 44, 46, 46, 120],
        body: [
          head(['No.', 'Nama Barang', 'Satuan', 'Dikirim', 'Diterima', 'Keterangan']),
          ...b.lines.map((l, i): TableCell[] => [
            right(`${i + 1}.`),
            l.name,
            l.uom,
            right(qty(l.quantity)),
            right(qty(l.received)),
            { text: l.notes.length > 0 ? l.notes.join('; ') : 'Baik, lengkap', fontSize: 9.5 },
          ]),
        ],
      },
      layout: ruled,
      margin: [0, 0, 0, 8],
    },
    // The closing paragraphs, place and date go with the signatures: never a page of signatures alone.
    {
      stack: [
        ...(short
          ? [
              {
                text: 'Barang yang kurang, rusak atau hilang sebagaimana tercatat dalam kolom keterangan dikembalikan ke gudang atau dihapuskan sesuai ketentuan.',
                alignment: 'justify',
                margin: [0, 0, 0, 6],
              } as Content,
            ]
          : []),
        ...(b.remark ? [{ text: `Catatan penerimaan: ${b.remark}`, margin: [0, 0, 0, 6] } as Content] : []),
        {
          text: 'Demikian Berita Acara Serah Terima ini dibuat dengan sebenarnya dalam rangkap 2 (dua) untuk dipergunakan sebagaimana mestinya.',
          alignment: 'justify',
          margin: [0, 0, 0, 10],
        },
        { text: `${b.place}, ${formatDateLong(b.date, 'id')}`, alignment: 'right', margin: [0, 0, 0, 8] },
        {
          columns: [
            signatureBlock(['PIHAK KEDUA', 'Yang Menerima,', b.second.position], b.second),
            signatureBlock(['PIHAK PERTAMA', 'Yang Menyerahkan,', b.first.position], b.first),
          ],
          columnGap: 24,
        },
      ],
      unbreakable: true,
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: page.margins,
    language: 'id',
    info: { title: `Berita Acara Serah Terima ${b.number}`, author: b.unit.name, subject: b.unit.name },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    footer: await qrFooter(b.verifyUrl, 'berita acara'),
    content,
  });
}
