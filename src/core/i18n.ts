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

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

/** User-facing messages of domain error codes. */
const errorMessages: Record<string, Text> = {
  'auth.unauthenticated': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.invalid_credentials': {
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong user name or password.',
  },
  'auth.throttled': {
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {retryAfterSeconds} detik.',
    en: 'Too many sign-in attempts. Try again in {retryAfterSeconds} seconds.',
  },
  'auth.forbidden': {
    id: 'Anda tidak memiliki hak untuk tindakan ini.',
    en: 'You do not have permission for this action.',
  },
  'auth.password_unchanged': {
    id: 'Kata sandi baru harus berbeda dari yang lama.',
    en: 'The new password must differ from the current one.',
  },
  'csrf.invalid': {
    id: 'Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.',
    en: 'Request refused (security token mismatch). Reload the page.',
  },
  'rate.limited': {
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: 'Too many requests. Please try again shortly.',
  },
  'request.invalid': { id: 'Isian tidak valid.', en: 'The input is not valid.' },
  'unit.not_found': { id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  'standard.not_found': { id: 'Standar pelayanan tidak ditemukan.', en: 'Service standard not found.' },
  'standard.invalid': {
    id: 'Berkas standar pelayanan tidak valid ({count} masalah).',
    en: 'The service standard file is not valid ({count} problems).',
  },
  'standard.wrong_unit': {
    id: 'Standar ini milik unit "{unit}", bukan unit Anda ("{activeUnit}").',
    en: 'This standard belongs to unit "{unit}", not your unit ("{activeUnit}").',
  },
  'standard.revision_exists': {
    id: 'Revisi "{revision}" sudah diterbitkan dengan isi berbeda. Naikkan nomor revisi (document.revision).',
    en: 'Revision "{revision}" is already published with other content. Raise document.revision.',
  },
  'standard.unchanged': {
    id: 'Revisi "{revision}" sudah diterbitkan dengan isi yang sama.',
    en: 'Revision "{revision}" is already published with the same content.',
  },
  not_found: { id: 'Halaman atau data tidak ditemukan.', en: 'Not found.' },
  internal: {
    id: 'Terjadi kesalahan pada server. Kode permintaan: {requestId}.',
    en: 'Something went wrong on the server. Request id: {requestId}.',
  },
};

export function errorMessage(code: string, lang: Language, params: Record<string, unknown> = {}): string {
  const text = errorMessages[code];
  if (!text) return code;
  return fill(text[lang], params);
}

export function hasErrorMessage(code: string): boolean {
  return code in errorMessages;
}
