import type { Lang } from '../../i18n/i18n.tsx';

type Week = Record<string, Array<{ start: string; end: string }>>;

const dayNames: Record<Lang, string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/**
 * A unit's weekly office hours as a citizen reads them, consecutive days with the same hours on
 * one line: `Senin–Kamis: 07.30–12.00, 13.00–16.00`. Indonesian writes the time with a dot.
 * Closed days are left out; `zone` (WIB, WITA, WIT) follows the last time of each line.
 */
export function officeHoursLines(week: Week, lang: Lang, zone = ''): string[] {
  const time = (hhmm: string) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);
  const hoursOf = (day: number) =>
    (week[String(day)] ?? []).map((i) => `${time(i.start)}–${time(i.end)}`).join(', ');
  const lines: string[] = [];
  for (let day = 1; day <= 7; ) {
    const hours = hoursOf(day);
    let last = day;
    while (last < 7 && hoursOf(last + 1) === hours) last++;
    if (hours) {
      const names = dayNames[lang];
      const days = last === day ? names[day - 1] : `${names[day - 1]}–${names[last - 1]}`;
      lines.push(`${days}: ${hours}${zone ? ` ${zone}` : ''}`);
    }
    day = last + 1;
  }
  return lines;
}

/** The short name of an Indonesian zone as Indonesians write it (WIB, WITA, WIT); '' for others. */
export function zoneName(timeZone: string): string {
  return (
    new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? ''
  );
}
