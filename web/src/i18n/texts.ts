export type Lang = 'id' | 'en';

/** One interface string in both languages; Indonesian first. `{name}` marks a value put in. */
export interface Text {
  id: string;
  en: string;
}

/** An area's interface strings (`i18n/<area>.ts`), each key with both languages. */
export type Texts = Readonly<Record<string, Text>>;

/** The names inside braces of a string literal: `'Jadikan {date} hari kerja?'` → `'date'`. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The values a text needs: none, or one per placeholder of either language. */
type Values<E> = E extends Text
  ? [Placeholders<E['id']> | Placeholders<E['en']>] extends [never]
    ? []
    : [values: Record<Placeholders<E['id']> | Placeholders<E['en']>, string | number>]
  : never;

/** Looks a key up in the reader's language; `tsc` checks the key and the values it needs. */
export type Translate<T extends Texts> = <K extends keyof T & string>(
  key: K,
  ...values: Values<T[K]>
) => string;

/**
 * Declares an area's texts. The `const` type keeps each string literal, so that `t()` knows the
 * placeholders of every key; the `Texts` bound makes a key without `id` or `en` fail `tsc`.
 */
export function defineTexts<const T extends Texts>(texts: T): T {
  return texts;
}

/** A text in one language with its placeholders filled; an unfilled one stays visible. */
export function translate(text: Text, lang: Lang, values?: Record<string, string | number>): string {
  const s = text[lang];
  if (!values) return s;
  return s.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `t` over one set of texts in one language. */
export function translator<T extends Texts>(texts: T, lang: Lang): Translate<T> {
  return ((key: string, values?: Record<string, string | number>) => {
    const text = texts[key];
    return text ? translate(text, lang, values) : key;
  }) as Translate<T>;
}

/** The locale of dates and numbers for a language. */
export const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
