/**
 * Text that PostgreSQL cannot store as given. A `text` or `jsonb` value refuses U+0000 (NUL),
 * and a lone UTF-16 surrogate (U+D800–U+DFFF without its pair) is not Unicode at all: the
 * driver's UTF-8 encoding turns it into U+FFFD. Either way what is stored is not what was sent.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');
const nul = '\u0000';

export type TextFault = { kind: 'nul' } | { kind: 'surrogate'; codePoint: string };

/** The first character of `s` that cannot be stored as it is, or null. */
export function textFault(s: string): TextFault | null {
  const at = s.indexOf(nul);
  const hit = loneSurrogate.exec(at < 0 ? s : s.slice(0, at));
  if (hit) return { kind: 'surrogate', codePoint: `U+${hit[0].charCodeAt(0).toString(16).toUpperCase()}` };
  return at < 0 ? null : { kind: 'nul' };
}

/** `s` as the database keeps it: NUL and lone surrogates replaced by U+FFFD. */
export function storableText(s: string): string {
  const out = loneSurrogate.test(s) ? s.replace(loneSurrogates, '\uFFFD') : s;
  return out.includes(nul) ? out.replaceAll(nul, '\uFFFD') : out;
}
