import { type ErrorCode, type ErrorSpec, errorCatalogue } from './error-catalogue.ts';

/** Languages of the interface and documents; Indonesian is the default. */
export const Languages = ['id', 'en'] as const;
export type Language = (typeof Languages)[number];

export interface Text {
  id: string;
  en: string;
}

/** Picks the language from an Accept-Language header or `lang` query value. */
export function pickLanguage(value: string | undefined | null): Language {
  if (!value) return 'id';
  for (const part of value.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
  }
  return 'id';
}

const isText = (v: unknown): v is Text =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Text).id === 'string' &&
  typeof (v as Text).en === 'string';

/** Fills `{name}` placeholders; a value given in both languages (`{ id, en }`) in `lang`'s. */
export function fill(template: string, params: Record<string, unknown> = {}, lang: Language = 'id'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return isText(value) ? value[lang] : String(value);
  });
}

/**
 * The user-facing message of a catalogue code, in the language, with its details filled in; a
 * variant of the code (`ErrorSpec.variants`) when the detail it depends on has its value.
 */
export function errorMessage(code: ErrorCode, lang: Language, params: Record<string, unknown> = {}): string {
  const spec: ErrorSpec = errorCatalogue[code];
  const { variants } = spec;
  const variant = variants ? variants.texts[String(params[variants.on])] : undefined;
  return fill((variant ?? spec)[lang], params, lang);
}
