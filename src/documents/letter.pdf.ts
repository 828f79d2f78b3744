import QRCode from 'qrcode';
import { formatDateLong } from '../core/dates.ts';
import { type Content, justifiable, letterhead, renderPdf } from '../core/pdf.ts';
import type { LetterKind } from '../standards/letter.schema.ts';
import type { LetterBlock } from './letter.body.ts';

/** The signature block's facts (a `LetterSigner`). */
export interface SignatureBlock {
  name: string;
  rank?: string | undefined;
  nip?: string | undefined;
  position: string;
  acting?: 'Plt.' | 'Plh.' | undefined;
  onBehalfOf?: string | undefined;
}

export interface LetterInput {
  unit: { name: string; letterhead: string[] };
  kind: LetterKind;
  title: string;
  number: string;
  place: string;
  /** YYYY-MM-DD, in the unit's time zone. */
  date: string;
  /** Surat dinas: the header lines and the addressee. */
  sifat?: string | undefined;
  lampiran?: string | undefined;
  perihal?: string | undefined;
  addressee?: { name: string; place: string } | undefined;
  body: LetterBlock[];
  tembusan: string[];
  signer: SignatureBlock;
  verifyUrl: string;
  /** The satisfaction survey the served citizen is asked to answer (SKM), on the last page. */
  surveyUrl?: string | undefined;
  /** A preview's mark across every page (`CONTOH / PRATINJAU`); absent on an issued letter. */
  watermark?: string | undefined;
}

const page = { width: 595.28, margins: [68, 30, 56, 60] as [number, number, number, number] };
const contentWidth = page.width - page.margins[0] - page.margins[2];
const fieldLabel = 150;

/** A borderless table with tight cells: the fields and the lists of a letter's body. */
const tightTable = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 2,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

function bodyContent(blocks: LetterBlock[]): Content[] {
  return blocks.map((b): Content => {
    if (b.kind === 'fields')
      return {
        table: {
          widths: [fieldLabel - 28, 8, '*'],
          body: b.rows.map(([label, value]) => [label, ':', value]),
        },
        layout: tightTable,
        margin: [28, 0, 0, 8],
      };
    if (b.kind === 'list')
      return {
        table: {
          widths: [18, '*'],
          body: b.items.map((i) => [i.marker, { text: justifiable(i.text), alignment: 'justify' }]),
        },
        layout: tightTable,
        margin: [0, 0, 0, 8],
      };
    return { text: justifiable(b.text), alignment: 'justify', margin: [0, 0, 0, 7] };
  });
}

/**
 * The position as the signature block prints it (Tata Naskah Dinas): `a.n.` the position signed
 * for, on its own line above the signer's own; `Plt.`/`Plh.` before an acting position; the
 * position ends with a comma. A bare `Kepala Dinas` is the head of this unit.
 */
export function signatureLines(s: SignatureBlock, unitName: string): string[] {
  const own = s.position.trim() === 'Kepala Dinas' ? `Kepala ${unitName}` : s.position.trim();
  return [...(s.onBehalfOf ? [`a.n. ${s.onBehalfOf}`] : []), `${s.acting ? `${s.acting} ` : ''}${own},`];
}

function signature(l: LetterInput, withDate: boolean): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 230,
        stack: [
          ...(withDate
            ? [{ text: `${l.place}, ${formatDateLong(l.date, 'id')}`, margin: [0, 0, 0, 2] } as Content]
            : []),
          ...signatureLines(l.signer, l.unit.name).map((text): Content => ({ text })),
          { text: l.signer.name, bold: true, decoration: 'underline', margin: [0, 46, 0, 0] },
          ...(l.signer.rank ? [{ text: l.signer.rank }] : []),
          ...(l.signer.nip ? [{ text: `NIP ${l.signer.nip}` }] : []),
        ],
      },
    ],
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

function tembusan(items: string[]): Content[] {
  if (items.length === 0) return [];
  return [
    {
      stack: [
        { text: 'Tembusan:', decoration: 'underline' },
        items.length === 1
          ? { text: `${items[0]}.` }
          : {
              table: {
                widths: [14, '*'],
                body: items.map((t, i) => [`${i + 1}.`, `${t}${i === items.length - 1 ? '.' : ';'}`]),
              },
              layout: {
                defaultBorder: false,
                paddingLeft: () => 0,
                paddingRight: () => 2,
                paddingTop: () => 0,
                paddingBottom: () => 0,
              },
            },
      ],
      fontSize: 10,
      margin: [0, 10, 0, 0],
      unbreakable: true,
    },
  ];
}

/** Nomor, Sifat, Lampiran, Hal on the left; place and date, then `Kepada Yth.` on the right. */
function dinasHeader(l: LetterInput): Content[] {
  const row = (k: string, v: string) => [k, ':', v];
  return [
    {
      columns: [
        {
          width: '*',
          table: {
            widths: [52, 8, '*'],
            body: [
              row('Nomor', l.number),
              row('Sifat', l.sifat ?? 'Biasa'),
              row('Lampiran', l.lampiran ?? '-'),
              row('Hal', l.perihal ?? l.title),
            ],
          },
          layout: {
            defaultBorder: false,
            paddingLeft: () => 0,
            paddingRight: () => 2,
            paddingTop: () => 1,
            paddingBottom: () => 1,
          },
          margin: [0, 16, 12, 0],
        },
        {
          width: 200,
          stack: [
            { text: `${l.place}, ${formatDateLong(l.date, 'id')}`, margin: [0, 0, 0, 20] },
            { text: 'Kepada' },
            {
              columns: [
                { width: 24, text: 'Yth.' },
                { width: '*', text: l.addressee?.name ?? '' },
              ],
            },
            { text: 'di' },
            { text: l.addressee?.place || 'Tempat', margin: [24, 0, 0, 0], bold: true },
          ],
        },
      ],
      margin: [0, 0, 0, 12],
    },
  ];
}

/**
 * The survey's QR and short link after the letter's text, kept whole on the last page: the
 * letter is the one paper every served citizen takes home (PermenPAN-RB 14/2017, SKM).
 */
async function surveyInvitation(url: string): Promise<Content> {
  const qr = await QRCode.toDataURL(url, { margin: 0, width: 160, errorCorrectionLevel: 'M' });
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      { width: 54, image: qr, fit: [50, 50] },
      {
        width: '*',
        fontSize: 8.5,
        color: '#333333',
        stack: [
          {
            text: 'Bagaimana pelayanan kami? Mohon isi Survei Kepuasan Masyarakat (kurang dari 1 menit):',
            bold: true,
          },
          { text: 'pindai kode QR ini atau buka', margin: [0, 1, 0, 0] },
          { text: url, noWrap: true },
        ],
        margin: [0, 6, 0, 0],
      },
    ],
  } as Content;
}

/** A Tata Naskah Dinas letter: kop surat, number, body, signature block, tembusan, and a small QR to verify it. */
export async function renderLetterPdf(l: LetterInput): Promise<Buffer> {
  const qr = await QRCode.toDataURL(l.verifyUrl, { margin: 0, width: 160, errorCorrectionLevel: 'M' });
  const keterangan = l.kind === 'keterangan';
  const content: Content[] = [
    ...letterhead(l.unit, contentWidth),
    ...(keterangan
      ? [
          {
            text: l.title.toUpperCase(),
            alignment: 'center',
            bold: true,
            fontSize: 12.5,
            decoration: 'underline',
            margin: [30, 4, 30, 0],
          } as Content,
          { text: `Nomor: ${l.number}`, alignment: 'center', margin: [0, 2, 0, 18] } as Content,
          ...bodyContent(l.body),
        ]
      : [
          ...dinasHeader(l),
          { stack: bodyContent(l.body), margin: [fieldLabel / 2 - 15, 0, 0, 0] } as Content,
        ]),
    signature(l, keterangan),
    ...tembusan(l.tembusan),
    ...(l.surveyUrl ? [await surveyInvitation(l.surveyUrl)] : []),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: page.margins,
    language: 'id',
    info: { title: `${l.title} ${l.number}`, author: l.unit.name, subject: l.unit.name },
    // A preview says so twice: across the page, and in a line a reader (or pdftotext) cannot miss.
    ...(l.watermark
      ? {
          watermark: { text: l.watermark, opacity: 0.12, bold: true, angle: -45 },
          header: {
            text: `${l.watermark} — belum bernomor, belum ditandatangani`,
            alignment: 'center',
            bold: true,
            color: '#b00020',
            fontSize: 9,
            margin: [0, 12, 0, 0],
          } as Content,
        }
      : {}),
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    // The QR sits small in the last page's corner, below the text, where it cannot cover it.
    footer: (current: number, pages: number): Content => ({
      columns: [
        {
          width: '*',
          stack: [
            { text: 'Keaslian surat ini dapat diperiksa dengan memindai kode QR atau melalui', fontSize: 7 },
            // On a line of its own and never broken: a code may hold a hyphen, where a wrap would cut it.
            { text: l.verifyUrl, fontSize: 7, noWrap: true },
            { text: `Halaman ${current} dari ${pages}`, fontSize: 7 },
          ],
          color: '#555555',
          margin: [0, 10, 8, 0],
        },
        current === pages ? { width: 44, image: qr, fit: [44, 44] } : { width: 44, text: '' },
      ],
      margin: [page.margins[0], 6, page.margins[2], 0],
    }),
    content,
  });
}
