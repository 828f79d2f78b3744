import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Problem, ValidationError } from '../core/errors.ts';
import { textFault } from '../core/text.ts';

/** Deeper than any request of Jaring nests; deeper input could overflow a recursive walk later. */
const maxDepth = 32;
/** Enough to show what is wrong without echoing a whole hostile body. */
const maxProblems = 20;

/**
 * Refuses, before validation and before any handler or audit write, every request whose
 * strings the database could not store as sent (NUL, lone surrogates) or whose JSON nests too
 * deep: in the path, the query string, the JSON body, and the names and fields of a multipart
 * upload. One 422 (`request.invalid_text`) names each field, e.g. `body.applicant.name`.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const problems: Problem[] = [];
    inspect(request.params, 'params', problems);
    inspect(request.query, 'querystring', problems);
    if (request.isMultipart()) guardMultipart(request);
    else inspect(request.body, 'body', problems);
    if (problems.length > 0) throw refusal(problems);
  });
}

/** The uploaded file's name and the fields sent before it are checked when a handler reads it. */
function guardMultipart(request: FastifyRequest) {
  const file = request.file.bind(request);
  request.file = async (...args: Parameters<FastifyRequest['file']>) => {
    const part = await file(...args);
    if (!part) return part;
    const problems = partProblems(part);
    if (problems.length > 0) {
      part.file.resume();
      throw refusal(problems);
    }
    return part;
  };
}

function partProblems(part: MultipartFile): Problem[] {
  const problems: Problem[] = [];
  inspect(part.fieldname, 'body', problems);
  inspect(part.filename, `body.${part.fieldname}.filename`, problems);
  for (const [name, field] of Object.entries(part.fields)) {
    for (const f of Array.isArray(field) ? field : [field]) {
      if (f && f.type === 'field') inspect(f.value, `body.${name}`, problems);
    }
  }
  return problems;
}

const tooDeep = `bersarang terlalu dalam (lebih dari ${maxDepth} tingkat)`;

/** `request.invalid_text` when some text cannot be stored; a body that only nests too deep is `request.invalid`. */
function refusal(problems: Problem[]): ValidationError {
  const text = problems.some((p) => p.message !== tooDeep);
  return new ValidationError(text ? 'request.invalid_text' : 'request.invalid', problems);
}

/** Walks a parsed value without recursion (a hostile body may nest a million levels). */
function inspect(root: unknown, rootPath: string, problems: Problem[]) {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: rootPath, depth: 0 },
  ];
  while (stack.length > 0 && problems.length < maxProblems) {
    const item = stack.pop();
    if (!item) break;
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) problems.push({ path, message: faultMessage(fault) });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ path, message: tooDeep });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      const keyFault = textFault(key);
      if (keyFault) {
        problems.push({ path: `${path}.${JSON.stringify(shortened(key))}`, message: faultMessage(keyFault) });
        continue;
      }
      stack.push({ value: child, path: `${path}.${shortened(key)}`, depth: depth + 1 });
    }
  }
}

/** A key as shown in a problem's path: a hostile key can be megabytes long. */
const shortened = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

function faultMessage(fault: NonNullable<ReturnType<typeof textFault>>): string {
  return fault.kind === 'nul'
    ? 'berisi karakter NUL (U+0000), yang tidak boleh ada dalam teks'
    : `berisi surrogate tunggal (${fault.codePoint}), bukan teks Unicode yang sah`;
}
