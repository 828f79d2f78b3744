import { type Lang, locale } from './i18n/texts.ts';

/** A calendar date (`2026-03-01`) or a moment as a long date in the reader's language. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return d.toLocaleDateString(locale(lang), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A moment with its time, in the viewer's time zone unless one is given. */
export function formatDateTime(
  iso: string | null,
  lang: Lang,
  options: { timeZone?: string | undefined; dateStyle?: 'medium' | 'long' } = {},
): string {
  if (!iso) return '—';
  const { timeZone, dateStyle } = options;
  if (!dateStyle) return new Date(iso).toLocaleString(locale(lang), timeZone ? { timeZone } : {});
  return new Date(iso).toLocaleString(locale(lang), { dateStyle, timeStyle: 'short', timeZone });
}

/** A count with the reader's thousands separator. */
export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(locale(lang));

/** Rupiah as the offices write it, whatever the reader's language: `Rp1.250.000`. */
export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
