import QRCode from 'qrcode';
import type { Official } from '../auth/auth.tables.ts';
import { formatDateLong } from '../core/dates.ts';
import { type Content, letterhead, pageFooter, renderPdf } from '../core/pdf.ts';

export interface LetterInput {
  unit: { name: string; letterhead: string[] };
  title: string;
  number: string;
  place: string;
  /** YYYY-MM-DD, in the unit's time zone. */
  date: string;
  opening: string;
  fields: Array<[string, string]>;
  closing: string[];
  signer: Official;
  verifyUrl: string;
}

/** A letter (surat keterangan) with kop surat, number, body, signature block and a QR to verify it. */
export async function renderLetterPdf(l: LetterInput): Promise<Buffer> {
  const qr = await QRCode.toDataURL(l.verifyUrl, { margin: 1, width: 180, errorCorrectionLevel: 'M' });
  const body: Content[] = [
    ...letterhead(l.unit),
    { text: l.title.toUpperCase(), alignment: 'center', bold: true, fontSize: 13, decoration: 'underline' },
    { text: `Nomor: ${l.number}`, alignment: 'center', margin: [0, 2, 0, 16] },
    { text: l.opening, alignment: 'justify', margin: [0, 0, 0, 8] },
    {
      table: { widths: [140, 8, '*'], body: l.fields.map(([k, v]) => [k, ':', { text: v, bold: true }]) },
      layout: 'noBorders',
      margin: [20, 0, 0, 10],
    },
    ...l.closing.map((p): Content => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 8] })),
    {
      columns: [
        {
          width: 140,
          stack: [
            { image: qr, width: 90 },
            { text: 'Pindai untuk memeriksa keaslian surat ini', fontSize: 7, margin: [0, 2, 0, 0] },
          ],
        },
        { width: '*', text: '' },
        {
          width: 230,
          alignment: 'center',
          stack: [
            { text: `${l.place}, ${formatDateLong(l.date, 'id')}` },
            { text: l.signer.position, margin: [0, 0, 0, 56] },
            { text: l.signer.name, bold: true, decoration: 'underline' },
            ...(l.signer.rank ? [{ text: l.signer.rank }] : []),
            ...(l.signer.nip ? [{ text: `NIP ${l.signer.nip}` }] : []),
          ],
        },
      ],
      margin: [0, 16, 0, 0],
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 40, 56, 50],
    info: { title: `${l.title} ${l.number}`, subject: l.unit.name },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    footer: pageFooter(`Verifikasi: ${l.verifyUrl}`, 'id'),
    content: body,
  });
}
