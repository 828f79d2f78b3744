import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLError,
} from 'yaml';
import { z } from 'zod';
import { en as zodEnglish, id as zodIndonesian } from 'zod/locales';
import { type Problem, ValidationError } from '../core/errors.ts';
import type { Language, Text } from '../core/i18n.ts';
import { safeParseIn } from '../core/parse-language.ts';
import { type Component, Components, GroupLabels } from './components.ts';
import { Standard } from './standard.schema.ts';

type PathPart = string | number;

/** `['delivery','procedure','steps',2,'role']` → `delivery.procedure.steps[2].role`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** `delivery.procedure.steps[2].role` → `['delivery','procedure','steps',2,'role']`. */
export function parsePath(formatted: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const m of formatted.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(m[1]);
  }
  return parts;
}

/** A YAML text parsed once, that can tell on which line a path sits. */
class YamlSource {
  readonly counter = new LineCounter();
  readonly doc: Document;

  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
  }

  has(parts: readonly PathPart[]): boolean {
    return parts.length === 0 ? this.doc.contents !== null : this.doc.hasIn(parts);
  }

  /** A key written with no value (`cost:`), as a syntax error's recovery often leaves behind. */
  isEmptyAt(parts: readonly PathPart[]): boolean {
    const node = parts.length === 0 ? this.doc.contents : this.doc.getIn(parts, true);
    return node === null || node === undefined || (isScalar(node) && node.value === null);
  }

  /**
   * Line (1-based) of the node at `parts`: of the key that names it in a mapping, of the item in a
   * sequence. A path that is not in the file (a missing key) gets the line of its nearest
   * existing ancestor: the parent that should hold it.
   */
  lineOf(parts: readonly PathPart[], offset?: number): number {
    if (offset !== undefined) {
      const node = this.doc.getIn(parts, true);
      if (isScalar(node) && node.range && typeof node.value === 'string') {
        const start = this.counter.linePos(node.range[0]).line;
        // A block literal's text starts on the line after its `|`, and keeps its line breaks.
        if (node.type === 'BLOCK_LITERAL')
          return start + 1 + (node.value.slice(0, offset).match(/\n/g)?.length ?? 0);
        return start;
      }
    }
    for (let n = parts.length; n >= 1; n--) {
      const container = n === 1 ? this.doc.contents : this.doc.getIn(parts.slice(0, n - 1), true);
      const last = parts[n - 1];
      if (isMap(container)) {
        const key = container.items.find((p) => isScalar(p.key) && p.key.value === last)?.key;
        if (isNode(key) && key.range) return this.counter.linePos(key.range[0]).line;
      } else if (isSeq(container) && typeof last === 'number') {
        const item = container.items[last];
        if (isNode(item) && item.range) return this.counter.linePos(item.range[0]).line;
      }
    }
    const root = this.doc.contents;
    return isNode(root) && root.range ? this.counter.linePos(root.range[0]).line : 1;
  }
}

/** A lint problem; `offset`, for a problem inside a text (a letter template), is the character of that text it is at. */
export type LintProblem = Problem & { offset?: number };

/**
 * Adds the line to problems that name a path but no line (lint problems), from the YAML text; a
 * problem with an `offset` gets the line of that character where the text is a block literal (`|`).
 */
export function withLines(problems: LintProblem[], text: string): Problem[] {
  if (problems.every((p) => (p.line !== undefined || !p.path) && p.offset === undefined)) return problems;
  const source = new YamlSource(text);
  return problems.map(({ offset, ...p }) =>
    p.line !== undefined || !p.path ? p : { ...p, line: source.lineOf(parsePath(p.path), offset) },
  );
}

/** The keys the schema allows for the object at `parts` of `data`, for "unknown key" messages. */
function allowedKeys(schema: z.ZodType, data: unknown, parts: readonly PathPart[]): string[] {
  let s: z.ZodType | undefined = schema;
  let value = data;
  for (let i = 0; s; ) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodUnion) {
      // A discriminated union: the option whose literal fields match the data.
      const v = value;
      s = (s.options as z.ZodType[]).find(
        (o) =>
          o instanceof z.ZodObject &&
          Object.entries(o.shape).every(
            ([k, f]) =>
              !(f instanceof z.ZodLiteral) ||
              (typeof v === 'object' && v !== null && f.values.has(Reflect.get(v, k))),
          ),
      );
    } else if (i === parts.length) {
      break;
    } else {
      const part = parts[i++];
      if (s instanceof z.ZodObject && typeof part === 'string') s = s.shape[part] as z.ZodType | undefined;
      else if (s instanceof z.ZodArray && typeof part === 'number') s = s.element as z.ZodType;
      else return [];
      value =
        typeof value === 'object' && value !== null && part !== undefined
          ? Reflect.get(value, part)
          : undefined;
    }
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function unknownKeyMessage(key: string, allowed: string[], lang: Language): string {
  if (allowed.length === 0) return lang === 'id' ? `kunci "${key}" tidak dikenal` : `unknown key "${key}"`;
  const near = allowed
    .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.k.length / 4)))
    .sort((a, b) => a.d - b.d)[0];
  if (lang === 'id') {
    const hint = near ? `mungkin maksudnya "${near.k}"? ` : '';
    return `kunci "${key}" tidak dikenal (${hint}yang boleh di sini: ${allowed.join(', ')})`;
  }
  const hint = near ? `did you mean "${near.k}"? ` : '';
  return `unknown key "${key}" (${hint}allowed here: ${allowed.join(', ')})`;
}

/** Names of the types zod checks, as a YAML author reads them. */
const typeNames: Record<string, Text> = {
  string: { id: 'teks', en: 'string' },
  number: { id: 'angka', en: 'number' },
  int: { id: 'bilangan bulat', en: 'int' },
  boolean: { id: 'true atau false', en: 'boolean' },
  object: { id: 'objek (kunci: nilai)', en: 'object' },
  array: { id: 'daftar', en: 'array' },
  null: { id: 'kosong', en: 'null' },
  undefined: { id: 'kosong', en: 'undefined' },
  nan: { id: 'NaN', en: 'NaN' },
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const typeName = (type: string, lang: Language) => typeNames[type]?.[lang] ?? type;
const valueList = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join('|');

/**
 * Zod's own checks (a wrong type, a value not in a list), worded to read after `path:` in the
 * language of the parse; the schema's own messages (`msg`, `say`) take precedence over these.
 * What zod words better itself (sizes, formats) comes from its locale.
 */
const zodLocales = { id: zodIndonesian(), en: zodEnglish() };

function zodText(lang: Language) {
  const locale = zodLocales[lang];
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    if (issue.code === 'invalid_type') {
      const expected = typeName(issue.expected, lang);
      if (issue.input === undefined) {
        return lang === 'id' ? `wajib diisi (berupa ${expected})` : `required (expected ${expected})`;
      }
      const received = typeName(typeOf(issue.input), lang);
      const quote =
        issue.expected === 'string' && typeof issue.input === 'number'
          ? lang === 'id'
            ? '; beri tanda kutip agar tetap tertulis apa adanya (nol di depan, spasi)'
            : '; put it in quotes to keep it as written (leading zeros, spaces)'
          : '';
      return lang === 'id'
        ? `harus berupa ${expected}, bukan ${received}${quote}`
        : `expected ${expected}, received ${received}${quote}`;
    }
    if (issue.code === 'invalid_value') {
      const one = issue.values.length === 1;
      const found = JSON.stringify(issue.input);
      if (lang === 'id') {
        return `harus ${one ? '' : 'salah satu dari '}${valueList(issue.values)}, bukan ${found}`;
      }
      return `expected ${one ? '' : 'one of '}${valueList(issue.values)}, received ${found}`;
    }
    const text = locale.localeError(issue);
    return typeof text === 'string' ? text : text?.message;
  };
}

/** A component (or a group of them) missing from the file, by its number and name. */
function missingComponentMessage(parts: readonly PathPart[], lang: Language): string | undefined {
  const [group, key] = parts;
  if (parts.length === 1 && (group === 'delivery' || group === 'manufacturing')) {
    const range = group === 'delivery' ? '1–6' : '7–14';
    return lang === 'id'
      ? `komponen ${range} wajib diisi: ${GroupLabels[group].id}`
      : `components ${range} are required: ${GroupLabels[group].en}`;
  }
  const component = Components.find((c) => c.group === group && c.key === key);
  return parts.length === 2 && component ? componentRequired(component, lang) : undefined;
}

/** "komponen 14 (Evaluasi Kinerja Pelaksana) wajib diisi": a component missing or empty. */
export function componentRequired(c: Component, lang: Language): string {
  return lang === 'id'
    ? `komponen ${c.number} (${c.label.id}) wajib diisi`
    : `component ${c.number} (${c.label.en}) is required`;
}

/** The line of a YAML syntax error in the language; the parser's English where no code says more. */
const yamlErrors: Partial<Record<YAMLError['code'], string>> = {
  ALIAS_PROPS: 'alias tidak boleh memiliki tag atau anchor',
  BAD_ALIAS: 'alias merujuk ke anchor yang tidak ada',
  BAD_DIRECTIVE: 'direktif YAML tidak sah',
  BAD_DQ_ESCAPE: 'karakter escape tidak sah di dalam tanda kutip ganda',
  BAD_INDENT: 'indentasi (spasi di awal baris) tidak sesuai',
  BAD_PROP_ORDER: 'urutan anchor dan tag tidak sah',
  BAD_SCALAR_START: 'nilai diawali karakter yang tidak boleh di awal; beri tanda kutip',
  BLOCK_AS_IMPLICIT_KEY: 'blok tidak dapat dipakai sebagai kunci',
  BLOCK_IN_FLOW: 'blok tidak boleh berada di dalam { } atau [ ]',
  DUPLICATE_KEY: 'kunci yang sama ditulis dua kali',
  KEY_OVER_1024_CHARS: 'kunci lebih dari 1024 karakter',
  MULTILINE_IMPLICIT_KEY: 'kunci tidak boleh lebih dari satu baris (titik dua atau indentasi salah?)',
  MULTIPLE_ANCHORS: 'satu nilai memiliki lebih dari satu anchor',
  MULTIPLE_DOCS: 'berkas berisi lebih dari satu dokumen YAML (---)',
  MULTIPLE_TAGS: 'satu nilai memiliki lebih dari satu tag',
  NON_STRING_KEY: 'kunci harus berupa teks',
  RESOURCE_EXHAUSTION: 'berkas terlalu rumit untuk dibaca (alias berlapis)',
  TAB_AS_INDENT: 'tab tidak boleh dipakai sebagai indentasi; pakai spasi',
  TAG_RESOLVE_FAILED: 'tag YAML tidak dikenal atau nilainya tidak sesuai dengan tagnya',
  BAD_COLLECTION_TYPE: 'jenis koleksi tidak sesuai dengan tagnya',
};

function syntaxMessage(error: YAMLError, column: number, lang: Language): string {
  const english = error.message.split('\n')[0] ?? '';
  if (lang === 'en') return `YAML syntax: ${english} (column ${column})`;
  // The codes that stand for many different mistakes keep the parser's own words beside them.
  const said = yamlErrors[error.code];
  return `Sintaks YAML: ${said ?? `"${english}"`} (kolom ${column})`;
}

type LocatedProblem = Problem & { line: number; trusted: boolean };

function schemaProblems(
  error: z.ZodError,
  data: unknown,
  source: YamlSource,
  file: string,
  lang: Language,
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  for (const issue of error.issues) {
    const parts = issue.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(Standard, data, parts);
      for (const key of issue.keys) {
        problems.push({
          file,
          line: source.lineOf([...parts, key]),
          path: formatPath([...parts, key]),
          message: unknownKeyMessage(key, allowed, lang),
          severity: 'error',
          trusted: true,
        });
      }
      continue;
    }
    const missing = !source.has(parts);
    let message = (missing && missingComponentMessage(parts, lang)) || issue.message;
    if (parts.length === 0 && data == null) message = lang === 'id' ? 'berkas kosong' : 'the file is empty';
    else if (issue.code === 'invalid_format' && typeof issue.input === 'string') {
      message += `, ${lang === 'id' ? 'tertulis' : 'received'} ${JSON.stringify(issue.input)}`;
    }
    problems.push({
      file,
      line: source.lineOf(parts),
      path: formatPath(parts),
      message,
      severity: 'error',
      trusted: !missing && !source.isEmptyAt(parts),
    });
  }
  return problems;
}

/**
 * Parses a standard's YAML. Throws `ValidationError('standard.invalid')` with every problem, each
 * with file, line and full path (`delivery.procedure.steps[2].role`); returns the standard
 * otherwise.
 *
 * With YAML syntax errors the schema is still checked, and its problems are reported where they
 * can be trusted: at nodes present and not empty, above the first syntax error. Below it, and for
 * missing or empty keys, the parser's recovery may have mangled the structure.
 *
 * Problems are worded in `lang` (English unless the caller says: the HTTP upload passes the
 * user's language).
 */
export function parseStandardYaml(text: string, file: string, lang: Language = 'en'): Standard {
  const source = new YamlSource(text);
  const syntax: LocatedProblem[] = source.doc.errors.map((e) => {
    const pos = source.counter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      path: '',
      message: syntaxMessage(e, pos.col, lang),
      severity: 'error',
      trusted: true,
    };
  });
  let data: unknown;
  try {
    data = source.doc.toJS();
  } catch (error) {
    // e.g. an alias to a missing anchor (usually reported as a syntax error already).
    const message = `${lang === 'id' ? 'YAML tidak dapat dibaca' : 'YAML'}: ${error instanceof Error ? error.message : String(error)}`;
    throw new ValidationError(
      'standard.invalid',
      syntax.length > 0 ? syntax : [{ file, line: 1, path: '', message, severity: 'error' }],
    );
  }
  const parsed = safeParseIn(lang, Standard, data, { reportInput: true, error: zodText(lang) });
  if (parsed.success && syntax.length === 0) return parsed.data;
  const firstSyntaxLine = Math.min(...syntax.map((p) => p.line));
  const schema = parsed.success
    ? []
    : schemaProblems(parsed.error, data, source, file, lang).filter(
        (p) => syntax.length === 0 || (p.trusted && p.line < firstSyntaxLine),
      );
  const problems: Problem[] = [...syntax, ...schema]
    .sort((a, b) => a.line - b.line)
    .map(({ trusted: _, ...p }) => p);
  throw new ValidationError('standard.invalid', problems);
}

export interface LoadedStandard {
  /** The file as problems name it: relative to the working directory when inside it. */
  file: string;
  standard: Standard;
  text: string;
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const yamlFile = /\.ya?ml$/;

/**
 * Reads `dir/<unit>/*.yaml`. Collects the problems of every file instead of stopping at the
 * first, and checks that the folder is the standard's unit, the file name its id, and that ids
 * are unique within a unit.
 */
export async function loadStandardsDir(
  dir: string,
  lang: Language = 'en',
): Promise<{ standards: LoadedStandard[]; problems: Problem[] }> {
  const standards: LoadedStandard[] = [];
  const problems: Problem[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const message = lang === 'id' ? 'folder tidak ada' : 'no such folder';
    problems.push({ file: displayPath(dir), path: '', message, severity: 'error' });
    return { standards, problems };
  }
  for (const e of entries) {
    if (e.isFile() && yamlFile.test(e.name)) {
      problems.push({
        file: displayPath(path.join(dir, e.name)),
        path: '',
        message:
          lang === 'id'
            ? `tidak berada di folder unit; standar diletakkan di ${path.join(dir, '<unit>', e.name)}`
            : `not in a unit folder; a standard belongs in ${path.join(dir, '<unit>', e.name)}`,
        severity: 'error',
      });
    }
  }
  const units = entries
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  for (const unit of units) {
    const names = (await readdir(path.join(dir, unit))).filter((f) => yamlFile.test(f)).sort();
    const firstFileOfId = new Map<string, string>();
    for (const name of names) {
      const file = displayPath(path.join(dir, unit, name));
      const text = await readFile(path.join(dir, unit, name), 'utf8');
      let standard: Standard;
      try {
        standard = parseStandardYaml(text, file, lang);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push(...error.problems);
        continue;
      }
      const source = new YamlSource(text);
      const at = (key: string, message: Text): Problem => ({
        file,
        line: source.lineOf([key]),
        path: key,
        message: message[lang],
        severity: 'error',
      });
      if (standard.unit !== unit) {
        problems.push(
          at('unit', {
            id: `bernilai "${standard.unit}" tetapi berkasnya di folder "${unit}"`,
            en: `is "${standard.unit}" but the file is in folder "${unit}"`,
          }),
        );
      }
      const expectedId = name.replace(yamlFile, '');
      if (standard.id !== expectedId) {
        problems.push(
          at('id', {
            id: `bernilai "${standard.id}" tetapi nama berkasnya "${name}"`,
            en: `is "${standard.id}" but the file is named "${name}"`,
          }),
        );
      }
      const first = firstFileOfId.get(standard.id);
      if (first !== undefined) {
        problems.push(
          at('id', {
            id: `id "${standard.id}" ganda di unit "${unit}" (juga di ${first})`,
            en: `duplicate id "${standard.id}" in unit "${unit}" (also in ${first})`,
          }),
        );
      } else {
        firstFileOfId.set(standard.id, file);
      }
      standards.push({ file, standard, text });
    }
  }
  return { standards, problems };
}
