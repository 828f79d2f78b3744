import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Every character a Jaring PDF prints is one its font can draw: a character Roboto lacks would
 * print as an empty box (an arrow in a standard's text, an emoji in a complaint typed on a
 * phone). Such a character is written as its nearest drawable form (`→` as `‑>`), an invisible
 * one (variation selector, zero-width joiner) is dropped, and any other as `?`. The stored text
 * keeps the original; only the paper is affected.
 */

const require = createRequire(import.meta.url);

interface Font {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The Roboto files pdfmake ships; the four weights share one character set. */
export const robotoDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let roboto: Font | undefined;
function font(): Font {
  roboto ??= (require('fontkit') as { openSync(file: string): Font }).openSync(
    path.join(robotoDir, 'Roboto-Regular.ttf'),
  );
  return roboto;
}

/** Nearest drawable forms of characters Jaring's own texts and seeds use. */
// A non-breaking hyphen (U+2011) in the arrows, so that a justified line never splits one.
const nearest: Readonly<Record<string, string>> = {
  '→': '\u2011>',
  '←': '<\u2011',
  '↔': '<\u2011>',
  '⇒': '=>',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '─': '-',
  '━': '-',
  '═': '=',
  '│': '|',
};

/** Zero-width marks an emoji or a script joins with (joiners, variation selectors); nothing to draw. */
const invisible = (cp: number) =>
  cp === 0x200c || cp === 0x200d || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f);

const covered = new Map<number, boolean>();
function drawable(codePoint: number): boolean {
  let known = covered.get(codePoint);
  if (known === undefined) {
    known = font().hasGlyphForCodePoint(codePoint);
    covered.set(codePoint, known);
  }
  return known;
}

/** The characters of a text its font cannot draw, each once, in order of appearance. */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0x20 && !drawable(cp)) missing.add(ch);
  }
  return [...missing];
}

/** A text with every character its font cannot draw replaced by a drawable one. */
export function printable(text: string): string {
  // Fast path: almost every text is plain Latin script.
  if (!/[^\t\n\r -\u024f]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || drawable(cp)) out += ch;
    else if (invisible(cp)) continue;
    else out += nearest[ch] ?? '?';
  }
  return out;
}

type Node = unknown;
const containers = ['stack', 'columns', 'ul', 'ol'] as const;

/** A pdfmake content tree with `printable` applied to every text it draws. */
export function printableContent<T extends Node>(node: T): T {
  if (typeof node === 'string') return printable(node) as T;
  if (Array.isArray(node)) return node.map((n) => printableContent(n)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  if ('text' in o) out.text = printableContent(o.text);
  for (const key of containers) if (Array.isArray(o[key])) out[key] = printableContent(o[key]);
  const table = o.table as { body?: unknown } | undefined;
  if (table && Array.isArray(table.body)) out.table = { ...table, body: printableContent(table.body) };
  return out as T;
}

/** A header or footer (content, or a function of the page giving content) made printable. */
export function printableMargin<T>(part: T): T {
  if (typeof part === 'function')
    return ((...args: unknown[]) => printableContent((part as (...a: unknown[]) => unknown)(...args))) as T;
  return printableContent(part);
}
