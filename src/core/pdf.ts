import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { printableContent, printableMargin, robotoDir } from './pdf-glyphs.ts';

export type { Content, TDocumentDefinitions };

const require = createRequire(import.meta.url);
let engine: typeof PdfMake | undefined;

/** pdfmake (CommonJS) with its bundled Roboto fonts; no network, no file access beyond fonts. */
function pdfmake(): typeof PdfMake {
  if (engine) return engine;
  const pm = require('pdfmake') as typeof PdfMake & {
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
  };
  const fontDir = robotoDir;
  pm.setFonts({
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  engine = pm;
  return pm;
}

/**
 * What every Jaring PDF declares for a screen reader and a records system: the language of its
 * text (the PDF's /Lang), its title (shown by the viewer instead of the file name) and its author,
 * the office that issues it.
 */
export type PdfDocument = Omit<TDocumentDefinitions, 'info' | 'language'> & {
  language: 'id' | 'en';
  info: NonNullable<TDocumentDefinitions['info']> & { title: string; author: string };
};

/** Renders a document to PDF bytes. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const created = pdfmake().createPdf({
    ...doc,
    content: printableContent(doc.content),
    ...(doc.header ? { header: printableMargin(doc.header) } : {}),
    ...(doc.footer ? { footer: printableMargin(doc.footer) } : {}),
    ...(doc.watermark ? { watermark: printableContent(doc.watermark) } : {}),
    displayTitle: true,
    info: { creator: 'Jaring', producer: 'Jaring', ...doc.info },
  });
  return (await (created as unknown as { getBuffer(): Promise<Buffer> }).getBuffer()) as Buffer;
}

/**
 * A text for a justified line. pdfmake may break a line after a hyphen or a slash and stretches
 * every gap between the pieces when it justifies (`SIKS- NG`, `460/0007/ DINSOS`), so a hyphen
 * inside a word becomes a non-breaking one and a word holding a slash (a letter number, a
 * reference) is set as one unbreakable piece.
 */
export function justifiable(text: string): string | Content[] {
  const joined = text.replace(/(\w)-(?=\w)/g, '$1\u2011');
  // The capturing split puts each slashed word at an odd index, between the plain runs.
  const pieces = joined.split(/(\S*\w\/\w\S*)/);
  if (pieces.length === 1) return joined;
  return pieces.flatMap((piece, i): Content[] =>
    piece === '' ? [] : [i % 2 === 1 ? { text: piece, noWrap: true } : { text: piece }],
  );
}

export interface LetterheadUnit {
  name: string;
  letterhead: string[];
}

/**
 * The kop surat (Tata Naskah Dinas): the government and office lines centred, the first two
 * in capitals and bold, contact lines smaller, then a thick-and-thin double rule.
 */
export function letterhead(unit: LetterheadUnit, width = 515): Content[] {
  const lines = unit.letterhead.length > 0 ? unit.letterhead : [unit.name.toUpperCase()];
  return [
    ...lines.map(
      (text, i): Content => ({
        text,
        alignment: 'center',
        bold: i < 2,
        fontSize: i === 0 ? 13 : i === 1 ? 15 : 9,
        margin: [0, 0, 0, i === lines.length - 1 ? 4 : 1],
      }),
    ),
    {
      canvas: [
        { type: 'line', x1: 0, y1: 2, x2: width, y2: 2, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 0.5 },
      ],
      margin: [0, 0, 0, 12],
    },
  ];
}

/** Footer with page numbers, in the document's language. */
export function pageFooter(note: string, lang: 'id' | 'en') {
  return (page: number, pages: number): Content => ({
    columns: [
      { text: note, fontSize: 7, color: '#666666' },
      {
        text: lang === 'id' ? `Halaman ${page} dari ${pages}` : `Page ${page} of ${pages}`,
        alignment: 'right',
        fontSize: 7,
        color: '#666666',
      },
    ],
    margin: [40, 10, 40, 0],
  });
}
