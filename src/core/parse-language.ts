import type { z } from 'zod';
import type { Language, Text } from './i18n.ts';

/**
 * The language in which schemas write their own messages during one parse. A zod parse is
 * synchronous, so a value set around it cannot leak into another request's parse; outside
 * `parseIn` schemas speak English, the language of the code (tests, logs).
 */
let current: Language = 'en';

/**
 * Runs a synchronous parse (or lint) whose messages from `msg` and `say` are in `lang`. Refuses
 * an async one: it would outlive the language it was given. For a zod parse use `safeParseIn`,
 * which also words the issues while the language holds.
 */
export function parseIn<T>(lang: Language, parse: () => T): T {
  const before = current;
  current = lang;
  try {
    const result = parse();
    if (result instanceof Promise) throw new Error('parseIn takes a synchronous parse');
    return result;
  } finally {
    current = before;
  }
}

/**
 * `schema.safeParse(data, options)` with the schema's own messages in `lang`. zod words its
 * issues when the error is first read, so the error is read here, while the language holds.
 */
export function safeParseIn<S extends z.ZodType>(
  lang: Language,
  schema: S,
  data: unknown,
  options?: z.core.ParseContext<z.core.$ZodIssue>,
): z.ZodSafeParseResult<z.output<S>> {
  return parseIn(lang, () => {
    const result = schema.safeParse(data, options) as z.ZodSafeParseResult<z.output<S>>;
    if (!result.success) void result.error.issues;
    return result;
  });
}

/** The language of the parse running now. */
export function parseLanguage(): Language {
  return current;
}

/**
 * A text in the language of the parse running now, for messages written inside a refinement:
 * `ctx.addIssue({ code: 'custom', path, message: say({ id: '…', en: '…' }) })`.
 */
export function say(text: Text): string {
  return text[current];
}

/**
 * A check's message in both languages, given where zod takes the check's options:
 * `.min(1, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }))`. A function of the issue
 * names what was found; returning undefined leaves the message to zod.
 */
export function msg(text: Text | ((issue: z.core.$ZodRawIssue) => Text | undefined)): {
  error: (issue: z.core.$ZodRawIssue) => string | undefined;
} {
  return { error: (issue) => (typeof text === 'function' ? text(issue) : text)?.[current] };
}
