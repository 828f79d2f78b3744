/**
 * A whole number as Indonesian offices write it: `1000`, or `1.000` with dots grouping the
 * thousands (`24.000`); a whole number passes as it is. Undefined for anything else, a decimal
 * comma (`1,5`), a misplaced dot (`1.50`) or a leading zero before a dot (`0.500`) included, so that a quantity is never misread.
 */
export function parseWholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)$/.test(text)) return undefined;
  const n = Number(text.replace(/\./g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}
