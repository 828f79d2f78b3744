/**
 * The one masking rule for personal numbers: NIK and KK numbers show their first 4 and last 4
 * digits only (`3314********0001`) in every API answer, page, export and audit entry (UU 27/2022:
 * personal data masked unless the task needs it; DESIGN.md principle 5).
 *
 * The full number leaves the server only where an answer exists to show it:
 * - the register's reveal (`POST /api/registry/reveal`) and a case's reveal
 *   (`POST /api/cases/:id/reveal`), each with a reason, audited;
 * - a register export by a role holding `registry.reveal`, audited as unmasked;
 * - the papers handed to the citizen, which identify them: an issued letter's PDF and the
 *   kehabisan bekal receipt (kwitansi);
 * - an import's problem file, which repeats the uploader's own rows to them, audited per download.
 */

/** `3314015708900001` → `3314********0001`; anything shorter than 16 characters is all stars. */
export function maskNik(value: string): string {
  const v = value.replace(/[\s.]/g, '');
  if (v.length < 16) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** Free text (a reason written to the applicant) with every 16-digit NIK or KK number in it masked. */
export function maskNumbersInText(text: string): string {
  return text.replace(/(?<!\d)\d{16}(?!\d)/g, maskNik);
}

/** A KK (family card) number, masked by the same rule as a NIK. */
export const maskKk = maskNik;

/** Whether a cell holds a masked number (from a masked export), not a typing error. */
export function isMaskedNumber(value: string): boolean {
  return /^\d{0,4}\*{4,}\d{0,4}$/.test(value.replace(/[\s.]/g, ''));
}

/** Keys that hold a NIK or KK number: `nik`, `kk`, `applicantNik`, `old_kk`. */
const personalNumberKey = /(?:^|_)(?:nik|kk|NIK|KK)$|[a-z0-9](?:Nik|Kk|NIK|KK)$/;
export const isPersonalNumberKey = (key: string): boolean => personalNumberKey.test(key);

/**
 * A copy of a JSON-like value with every string under a personal-number key masked, at any
 * depth. Dates and other non-plain objects are kept as they are.
 */
export function maskPersonalNumbers<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown, key?: string): unknown {
  if (typeof value === 'string')
    return key !== undefined && isPersonalNumberKey(key) ? maskNik(value) : value;
  if (Array.isArray(value)) return value.map((v) => mask(v, key));
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
}
