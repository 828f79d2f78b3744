import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { commonTexts } from './common.ts';
import { type Lang, type Text, type Texts, type Translate, translator } from './texts.ts';

export type { Lang, Text } from './texts.ts';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A text of the shell and of every page (`i18n/common.ts`). */
  t: Translate<typeof commonTexts>;
  /** A text that comes with its languages from elsewhere: the server, a shared label table. */
  pick(text: Text): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('jaring.lang') : null;
  return saved === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('jaring.lang', l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: translator(commonTexts, lang), pick: (text) => text[lang] }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('I18nProvider missing');
  return ctx;
}

/** An area's texts together with the common ones (an area's own key wins). */
type WithCommon<T extends Texts> = Omit<typeof commonTexts, keyof T> & T;

/**
 * The i18n of a page: `t` over its area's texts and the common ones. Each page imports only its
 * own area's dictionary, so a lazily loaded page brings its texts with it.
 */
export function useTexts<T extends Texts>(texts: T): Omit<I18n, 't'> & { t: Translate<WithCommon<T>> } {
  const i18n = useI18n();
  return useMemo(() => {
    const t = translator({ ...commonTexts, ...texts }, i18n.lang) as unknown as Translate<WithCommon<T>>;
    return { ...i18n, t };
  }, [i18n, texts]);
}

/** The language outside React (the API client's `accept-language`). */
export function currentLang(): Lang {
  return initialLang();
}
