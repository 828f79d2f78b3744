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

/**
 * A moment as a letter dates it: date and time in the issuing unit's zone, with the zone's name
 * (`2 Maret 2026 pukul 23.30 WITA`), so that the reader sees the date on the paper wherever
 * their computer is. Indonesia's zones are named as Indonesians write them in either language.
 */
export function formatUnitDateTime(iso: string | null | undefined, lang: Lang, timeZone: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const text = at.toLocaleString(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const zone = new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${text} ${zone}` : text;
}

/** A count with the reader's thousands separator. */
export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(locale(lang));

/** Rupiah as the offices write it, whatever the reader's language: `Rp1.250.000`. */
export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** A decimal the server sends as `94.44`, in the reader's language: `94,44` in Indonesian. */
export function formatDecimal(value: string, lang: Lang): string {
  return lang === 'id' ? value.replace('.', ',') : value;
}
