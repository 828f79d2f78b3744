import QRCode from 'qrcode';
import { type ProcedureActor, RoleLabels } from '../auth/roles.ts';
import { formatDateLong } from '../core/dates.ts';
import { formatRupiah } from '../core/money.ts';
import { type Content, justifiable, letterhead, pageFooter, renderPdf } from '../core/pdf.ts';
import { Components, GroupLabels } from './components.ts';
import { requirementText } from './intake.ts';
import type { Standard } from './standard.schema.ts';

export interface StandardPdfInput {
  unit: {
    code: string;
    name: string;
    maklumat: string;
    head: { name: string; rank?: string | undefined; nip?: string | undefined; position: string } | null;
    letterhead: string[];
  };
  standard: Standard;
  revision: { revision: string; effectiveDate: string | null; publishedAt: string; sha256: string };
  lang: 'id' | 'en';
  publicUrl: string;
}

type Lang = 'id' | 'en';
const t = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

const numbered = (items: string[]): Content =>
  items.length === 1 ? { text: items[0] ?? '' } : { ol: items, margin: [0, 0, 0, 0] };

/** A component's content as it appears in the Uraian column. */
function uraian(s: Standard, key: (typeof Components)[number]['key'], lang: Lang): Content {
  const d = s.delivery;
  switch (key) {
    case 'requirements': {
      const productName = new Map(d.products.map((p) => [p.id, p.name]));
      const items = d.requirements.items.map((r) => {
        const only = r.products?.length
          ? ` (${t(lang, 'untuk', 'for')}: ${r.products.map((p) => productName.get(p) ?? p).join('; ')})`
          : '';
        return `${r.group ? `${r.group} ` : ''}${requirementText(r)}${only}`;
      });
      return { stack: [...(d.requirements.intro ? [{ text: d.requirements.intro }] : []), numbered(items)] };
    }
    case 'procedure':
      return {
        stack: [
          ...(d.procedure.intro ? [{ text: d.procedure.intro }] : []),
          {
            ol: d.procedure.steps.map((st) => ({
              text: [
                st.text,
                {
                  text: ` [${RoleLabels[st.role as ProcedureActor][lang]}]`,
                  italics: true,
                  color: '#444444',
                },
              ],
            })),
          },
        ],
      };
    case 'timeLimit':
      return { text: d.timeLimit.text };
    case 'cost':
      return {
        text: d.cost.amount !== undefined ? `${d.cost.text} (${formatRupiah(d.cost.amount)})` : d.cost.text,
      };
    case 'products':
      return numbered(d.products.map((p) => p.name));
    case 'complaints': {
      const c = d.complaints;
      const lines: Content[] = [];
      if (c.intro) lines.push({ text: c.intro });
      if (c.officer) {
        lines.push({
          text: [
            { text: `${t(lang, 'Pejabat Pengelola Pengaduan', 'Complaint officer')}: `, bold: true },
            `${c.officer.name}${c.officer.nip ? `, NIP ${c.officer.nip}` : ''}, ${c.officer.position}`,
          ],
        });
      }
      if (c.handler) lines.push({ text: `${t(lang, 'Petugas Pengaduan', 'Complaint desk')}: ${c.handler}` });
      lines.push(numbered(c.channels.map((ch) => (ch.value ? `${ch.label}: ${ch.value}` : ch.label))));
      if (c.flow) lines.push({ text: c.flow, italics: true });
      return { stack: lines };
    }
    case 'legalBasis':
      return numbered(s.manufacturing.legalBasis.map((l) => l.text));
    default:
      return numbered(s.manufacturing[key]);
  }
}

/** The printable standard: letterhead, identity, the 14 components, maklumat, signature, QR. */
export async function renderStandardPdf(input: StandardPdfInput): Promise<Buffer> {
  const { unit, revision, lang, publicUrl } = input;
  // pdfmake annotates the arrays and objects it is given; never hand it shared (cached) data.
  const s = structuredClone(input.standard);
  const pageUrl = `${publicUrl.replace(/\/$/, '')}/layanan/${unit.code}/${s.id}`;
  const qr = await QRCode.toDataURL(pageUrl, { margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const signer = s.signedBy ?? unit.head;

  const identity: Array<[string, string]> = [
    [t(lang, 'Nomor Dokumen', 'Document number'), s.document.number],
    [
      t(lang, 'Revisi', 'Revision'),
      `${s.document.revision}${s.document.revisionNote ? ` (${s.document.revisionNote})` : ''}`,
    ],
    [
      t(lang, 'Tanggal Efektif', 'Effective date'),
      s.document.effectiveDate ? formatDateLong(s.document.effectiveDate, lang) : t(lang, '-', '-'),
    ],
    [t(lang, 'Unit Kerja', 'Office'), unit.name],
    [t(lang, 'Bidang', 'Division'), s.division.name],
  ];

  const group = (g: 'delivery' | 'manufacturing', letter: string): Content => ({
    table: {
      headerRows: 2,
      widths: [22, 120, '*'],
      dontBreakRows: false,
      body: [
        [
          { text: `${letter}.`, bold: true, fillColor: '#e8eef0' },
          { text: GroupLabels[g][lang], bold: true, colSpan: 2, fillColor: '#e8eef0' },
          {},
        ],
        [
          { text: 'No', bold: true, fillColor: '#f4f6f7' },
          { text: t(lang, 'Komponen', 'Component'), bold: true, fillColor: '#f4f6f7' },
          { text: t(lang, 'Uraian', 'Description'), bold: true, fillColor: '#f4f6f7' },
        ],
        ...Components.filter((c) => c.group === g).map((c) => [
          { text: `${c.number}.` },
          { text: c.label[lang], bold: true },
          uraian(s, c.key, lang),
        ]),
      ],
    },
    fontSize: 9,
    margin: [0, 0, 0, 12],
  });

  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    language: lang,
    info: {
      title: `${t(lang, 'Standar Pelayanan', 'Service Standard')} ${s.name}`,
      author: unit.name,
      subject: unit.name,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    footer: pageFooter(
      `${t(lang, 'Dicetak dari Jaring', 'Printed from Jaring')} · ${pageUrl} · SHA-256 ${revision.sha256.slice(0, 16)}…`,
      lang,
    ),
    content: [
      ...letterhead(unit),
      { text: 'STANDAR PELAYANAN', alignment: 'center', bold: true, fontSize: 14 },
      lang === 'en'
        ? { text: 'Service standard', alignment: 'center', italics: true, fontSize: 9 }
        : { text: '' },
      { text: s.name.toUpperCase(), alignment: 'center', bold: true, fontSize: 12, margin: [0, 2, 0, 10] },
      {
        table: { widths: [110, '*'], body: identity.map(([k, v]) => [{ text: k, bold: true }, v]) },
        layout: 'noBorders',
        fontSize: 9,
        margin: [0, 0, 0, 10],
      },
      group('delivery', 'A'),
      group('manufacturing', 'B'),
      {
        unbreakable: true,
        stack: [
          {
            table: {
              widths: ['*'],
              body: [
                [
                  {
                    stack: [
                      { text: 'MAKLUMAT PELAYANAN', bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
                      ...(lang === 'en'
                        ? [
                            {
                              text: 'Service pledge',
                              italics: true,
                              alignment: 'center' as const,
                              fontSize: 8,
                            },
                          ]
                        : []),
                      {
                        text: justifiable(unit.maklumat),
                        alignment: 'justify',
                        italics: true,
                        margin: [6, 2, 6, 4],
                      },
                    ],
                    fillColor: '#f7f3e8',
                  },
                ],
              ],
            },
            margin: [0, 4, 0, 16],
          },
          {
            columns: [
              {
                width: 150,
                stack: [
                  { image: qr, width: 80 },
                  {
                    text: t(
                      lang,
                      'Pindai untuk membaca standar ini secara daring',
                      'Scan to read this standard online',
                    ),
                    fontSize: 7,
                    margin: [0, 2, 0, 0],
                  },
                ],
              },
              { width: '*', text: '' },
              signer
                ? {
                    width: 220,
                    alignment: 'center',
                    stack: [
                      { text: signer.position, margin: [0, 0, 0, 50] },
                      { text: signer.name, bold: true, decoration: 'underline' },
                      ...(signer.rank ? [{ text: signer.rank }] : []),
                      ...(signer.nip ? [{ text: `NIP ${signer.nip}` }] : []),
                    ],
                  }
                : { width: 220, text: '' },
            ],
          },
        ],
      },
    ],
  });
}
