import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Problem, ValidationError } from '../core/errors.ts';
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

/**
 * Line (1-based) of the key that names the node at `parts` (or of the list item), or of its
 * nearest existing ancestor; with `key`, of that key inside the map at `parts`.
 */
function lineOf(doc: Document, counter: LineCounter, parts: PathPart[], key?: string): number | undefined {
  const path = key === undefined ? parts : [...parts, key];
  for (let n = path.length; n >= 1; n--) {
    const container = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const last = path[n - 1];
    if (isMap(container)) {
      const pair = container.items.find((p) => isScalar(p.key) && p.key.value === last);
      const keyNode = pair?.key;
      if (isNode(keyNode) && keyNode.range) return counter.linePos(keyNode.range[0]).line;
    } else if (isSeq(container) && typeof last === 'number') {
      const item = container.items[last];
      if (isNode(item) && item.range) return counter.linePos(item.range[0]).line;
    }
  }
  return 1;
}

function zodProblems(error: z.ZodError, doc: Document, counter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const parts = issue.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: lineOf(doc, counter, parts, key),
          path: formatPath([...parts, key]),
          message: `unknown key "${key}"`,
          severity: 'error',
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && !doc.hasIn(parts);
    problems.push({
      file,
      line: lineOf(doc, counter, parts),
      path: formatPath(parts),
      message: missing ? `required (${issue.message.replace(/^Invalid input: /, '')})` : issue.message,
      severity: 'error',
    });
  }
  return problems;
}

/**
 * Parses a standard's YAML. Throws `ValidationError('standard.invalid')` with every problem
 * (syntax and schema), each located by file, line and path; returns the standard otherwise.
 */
export function parseStandardYaml(text: string, file: string): Standard {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ValidationError(
      'standard.invalid',
      doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        path: '',
        message: `YAML: ${e.message.split('\n')[0]}`,
        severity: 'error' as const,
      })),
    );
  }
  const parsed = Standard.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, doc, counter, file);
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ValidationError('standard.invalid', problems);
  }
  return parsed.data;
}

export interface LoadedStandard {
  file: string;
  standard: Standard;
  text: string;
}

/**
 * Reads `dir/<unit>/*.yaml`. Collects the problems of every file (and checks that the folder
 * is the unit, the file name is the id, and ids are unique) instead of stopping at the first.
 */
export async function loadStandardsDir(
  dir: string,
): Promise<{ standards: LoadedStandard[]; problems: Problem[] }> {
  const standards: LoadedStandard[] = [];
  const problems: Problem[] = [];
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const units = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const unit of units.sort()) {
    const files = (await readdir(path.join(dir, unit))).filter((f) => /\.ya?ml$/.test(f)).sort();
    const ids = new Set<string>();
    for (const name of files) {
      const file = path.join(dir, unit, name);
      const text = await readFile(file, 'utf8');
      try {
        const standard = parseStandardYaml(text, rel(file));
        const expectedId = name.replace(/\.ya?ml$/, '');
        if (standard.unit !== unit) {
          problems.push({
            file: rel(file),
            line: lineOfKey(text, 'unit'),
            path: 'unit',
            message: `is "${standard.unit}" but the file is in folder "${unit}"`,
            severity: 'error',
          });
        }
        if (standard.id !== expectedId) {
          problems.push({
            file: rel(file),
            line: lineOfKey(text, 'id'),
            path: 'id',
            message: `is "${standard.id}" but the file is named "${name}"`,
            severity: 'error',
          });
        }
        if (ids.has(standard.id)) {
          problems.push({
            file: rel(file),
            line: lineOfKey(text, 'id'),
            path: 'id',
            message: `duplicate id "${standard.id}" in unit "${unit}"`,
            severity: 'error',
          });
        }
        ids.add(standard.id);
        standards.push({ file, standard, text });
      } catch (error) {
        if (error instanceof ValidationError) problems.push(...error.problems);
        else throw error;
      }
    }
  }
  return { standards, problems };
}

function lineOfKey(text: string, key: string): number | undefined {
  const i = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : undefined;
}

/** `workflow.steps[1].actions[0]` → `['workflow', 'steps', 1, 'actions', 0]`. */
function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(m[1]);
  }
  return parts;
}

/** Adds the line to problems that name a path but no line (lint problems), from the YAML text. */
export function withLines(problems: Problem[], text: string): Problem[] {
  if (problems.every((p) => p.line !== undefined)) return problems;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return problems.map((p) =>
    p.line !== undefined || !p.path ? p : { ...p, line: lineOf(doc, counter, parsePath(p.path)) },
  );
}
