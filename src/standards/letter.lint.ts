import Mustache from 'mustache';
import type { Language } from '../core/i18n.ts';
import type { Shape } from './letter.schema.ts';

/** A problem inside one template: `offset` is the character of the template it is at. */
export interface TemplateProblem {
  offset: number;
  message: string;
}

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/** Every full name under a shape (`applicant.name`, `data.legToCode.name`), for suggestions. */
function namesOf(shape: Shape, prefix = ''): string[] {
  if (shape.kind === 'value') return prefix ? [prefix] : [];
  return Object.entries(shape.fields).flatMap(([k, s]) => {
    const name = prefix ? `${prefix}.${k}` : k;
    return s.kind === 'value' ? [name] : [name, ...namesOf(s, name)];
  });
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function walk(shape: Shape, parts: string[]): Shape | undefined {
  let s: Shape | undefined = shape;
  for (const p of parts) s = s?.kind === 'group' ? s.fields[p] : undefined;
  return s;
}

/** Resolves a name as mustache does: `.` is the innermost context; a dotted name is tried in each context, innermost first. */
function resolve(name: string, stack: Shape[]): Shape | undefined {
  if (name === '.') return stack.at(-1);
  const parts = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    const hit = frame ? walk(frame, parts) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

function unknownMessage(name: string, root: Shape, lang: Language): string {
  const unknown = lang === 'id' ? `placeholder {{${name}}} tidak dikenal` : `unknown placeholder {{${name}}}`;
  const known = namesOf(root);
  const near = known
    .map((k) => ({ k, d: distance(name.toLowerCase(), k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.k.length / 5)))
    .sort((a, b) => a.d - b.d)[0];
  if (near)
    return lang === 'id'
      ? `${unknown} (maksud Anda {{${near.k}}}?)`
      : `${unknown} (did you mean {{${near.k}}}?)`;
  const parts = name.split('.');
  // The longest known group the name starts with: list what it holds.
  for (let n = parts.length - 1; n >= 1; n--) {
    const g = walk(root, parts.slice(0, n));
    if (g?.kind === 'group') {
      const members = Object.keys(g.fields);
      const group = parts.slice(0, n).join('.');
      return lang === 'id'
        ? `${unknown} (${group} berisi: ${members.join(', ') || 'tidak ada'})`
        : `${unknown} (${group} has: ${members.join(', ') || 'nothing'})`;
    }
  }
  const top = root.kind === 'group' ? Object.keys(root.fields) : [];
  return lang === 'id'
    ? `${unknown} (placeholder diawali salah satu dari: ${top.join(', ')})`
    : `${unknown} (a placeholder starts with one of: ${top.join(', ')})`;
}

/** The Indonesian of a group's `what` (`RegionShape`, `RupiahShape`). */
const whatId: Record<string, string> = { 'a region': 'wilayah', 'an amount in rupiah': 'jumlah rupiah' };

/** Where to point at for a syntax error: an unclosed section at its opening tag, not at the template's end. */
function syntaxOffset(template: string, message: string, at: number): number {
  const unclosed = /^Unclosed section "(.+)"/.exec(message)?.[1];
  if (!unclosed) return at;
  const name = unclosed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const opens = [...template.slice(0, at).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${name}\\s*\\}\\}`, 'g'))];
  return opens.at(-1)?.index ?? at;
}

/**
 * Checks a letter template against the names a letter knows (`root`): mustache syntax, unknown
 * placeholders, a group printed as a value (`{{data.legToCode}}` for a region), and partials
 * (not supported), worded in `lang`.
 */
export function checkTemplate(template: string, root: Shape, lang: Language = 'en'): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /\bat (\d+)$/.exec(message);
    return [
      {
        offset: syntaxOffset(template, message, at ? Number(at[1]) : 0),
        message: `${lang === 'id' ? 'sintaks templat' : 'template syntax'}: ${message.replace(/ at \d+$/, '')}`,
      },
    ];
  }
  const problems: TemplateProblem[] = [];
  const visit = (list: Token[], stack: Shape[]) => {
    for (const [type, name, start, , children] of list) {
      if (type === 'text' || type === '!' || type === '=') continue;
      if (type === '>') {
        problems.push({
          offset: start,
          message:
            lang === 'id'
              ? `partial ({{> ${name}}}) tidak didukung dalam surat`
              : `partials ({{> ${name}}}) are not supported in letters`,
        });
        continue;
      }
      const shape = resolve(name, stack);
      if (!shape) problems.push({ offset: start, message: unknownMessage(name, root, lang) });
      if (type === 'name' || type === '&') {
        if (shape?.kind === 'group') {
          const members = Object.keys(shape.fields).map((k) => `{{${name === '.' ? '' : `${name}.`}${k}}}`);
          problems.push({
            offset: start,
            message:
              lang === 'id'
                ? `{{${name}}} adalah ${whatId[shape.what ?? ''] ?? 'kelompok nilai'}, bukan satu nilai: cetak salah satu dari ${members.join(', ')}`
                : `{{${name}}} is ${shape.what ?? 'a group of values'}, not a value: print one of ${members.join(', ')}`,
          });
        }
      } else if (type === '#' || type === '^') {
        // A section renders with its value pushed as the context; an inverted one without it.
        visit(children ?? [], type === '#' && shape ? [...stack, shape] : stack);
      }
    }
  };
  visit(tokens, [root]);
  return problems;
}
