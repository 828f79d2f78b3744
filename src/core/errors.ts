import type { ErrorCode } from './error-catalogue.ts';
import type { Text } from './i18n.ts';

/**
 * Domain errors carry a code of the catalogue (`error-catalogue.ts`) and details; `http/` answers
 * with the code's status and translated message. Services never throw HTTP errors.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** One problem in an input, located by path (and, for files, by file and line). */
export interface Problem {
  path: string;
  message: string;
  /**
   * The message in both languages, where the code that found the problem wrote both: the error
   * mapper answers `text[lang]` as the message (and sends no `text`); `message` is the Indonesian.
   */
  text?: Text;
  file?: string;
  line?: number;
  severity?: 'error' | 'warning';
}

/** A problem worded in both languages; its `message` is the Indonesian. */
export function problemIn(path: string, text: Text): Problem {
  return { path, message: text.id, text };
}

/** Formats a problem the way the linter and CLI print it: `file:line path: message`. */
export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''} ` : '';
  const path = p.path ? `${p.path}: ` : '';
  return `${where}${path}${p.message}`;
}

/** Thrown when an input has one or more problems; nothing was changed. */
export class ValidationError extends DomainError {
  readonly problems: Problem[];
  constructor(code: ErrorCode, problems: Problem[]) {
    super(code, { problems }, problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}
