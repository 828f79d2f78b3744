import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { msg, parseIn, parseLanguage, safeParseIn, say } from './parse-language.ts';

const Name = z
  .string()
  .min(3, msg({ id: 'minimal 3 huruf', en: 'at least 3 letters' }))
  .refine(
    (v) => v !== 'xxx',
    msg((i) => ({
      id: `${JSON.stringify(i.input)} bukan nama`,
      en: `${JSON.stringify(i.input)} is no name`,
    })),
  )
  .superRefine((v, ctx) => {
    if (v === 'yyy') ctx.addIssue({ code: 'custom', message: say({ id: 'tidak boleh yyy', en: 'not yyy' }) });
  });

const messages = (r: z.ZodSafeParseResult<unknown>) =>
  r.success ? [] : r.error.issues.map((i) => i.message);

describe('schema messages in the language of the parse', () => {
  it('words checks, refinements and added issues in the language asked for', () => {
    expect(messages(safeParseIn('id', Name, 'ab'))).toEqual(['minimal 3 huruf']);
    expect(messages(safeParseIn('en', Name, 'ab'))).toEqual(['at least 3 letters']);
    expect(messages(safeParseIn('id', Name, 'xxx'))).toEqual(['"xxx" bukan nama']);
    expect(messages(safeParseIn('en', Name, 'xxx'))).toEqual(['"xxx" is no name']);
    expect(messages(safeParseIn('id', Name, 'yyy'))).toEqual(['tidak boleh yyy']);
  });

  it('speaks English outside a parse in a language, and restores it after one that throws', () => {
    expect(messages(Name.safeParse('ab'))).toEqual(['at least 3 letters']);
    expect(() =>
      parseIn('id', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(parseLanguage()).toBe('en');
    expect(parseIn('id', () => parseIn('en', parseLanguage) + parseLanguage())).toBe('enid');
  });

  it('refuses an asynchronous parse, which would outlive its language', () => {
    expect(() => parseIn('id', async () => 1)).toThrow('synchronous');
    expect(parseLanguage()).toBe('en');
  });
});
