import {
  codeOf,
  labelOf,
  readSearchBox,
  TemplateColumns,
  type VocabularyName,
} from '@jaring/registry/registry.columns.ts';
import type { Lang } from '../../i18n/texts.ts';

export { formatNumber as num } from '../../format.ts';

/**
 * A register code in the reader's language. The server answers codes with Indonesian labels;
 * the labels come from the same vocabularies, so both languages read the same list.
 */
export const label = (vocabulary: VocabularyName, code: string, lang: Lang) =>
  labelOf(vocabulary, codeOf(vocabulary, code) ?? code, lang);
/** Sex as the tables show it: L/P in Indonesian, M/F in English. */
export const sexShort = (code: string, lang: Lang) => (lang === 'id' ? code : code === 'P' ? 'F' : 'M');
/** The vocabulary behind a column header of the history (`Hubungan Keluarga` → relationship). */
export const vocabularyOfHeader = new Map(
  TemplateColumns.flatMap((c) => (c.vocabulary ? [[c.header, c.vocabulary] as const] : [])),
);

export type SearchProblem = { key: 'wrongLength'; digits: number } | { key: 'tooShort' };

/** Why a search box cannot be searched (the server's own rule, `readSearchBox`), said before asking. */
export function searchProblem(term: string): SearchProblem | null {
  const read = readSearchBox(term);
  if (read.kind === 'wrong_length') return { key: 'wrongLength', digits: read.digits };
  if (read.kind === 'too_short') return { key: 'tooShort' };
  return null;
}
