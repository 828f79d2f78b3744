/** Rupiah are whole numbers; no cents exist in practice. */
function assertRupiah(amount: number): void {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`rupiah amount must be a whole number, got ${amount}`);
}

/** `1500000` → `Rp1.500.000`; `-1500` → `-Rp1.500`. */
export function formatRupiah(amount: number): string {
  assertRupiah(amount);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp${digits}`;
}

/** `Rp1.500.000`, `Rp 1.500.000,-`, `1500000` → 1500000; undefined when not an amount. */
export function parseRupiah(text: string): number | undefined {
  const m = /^\s*(-)?\s*(?:Rp\.?)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?\s*$/i.exec(text);
  if (!m?.[2]) return undefined;
  const value = Number(m[2].replace(/\./g, ''));
  return m[1] ? -value : value;
}

const ones = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

function below1000(n: number): string {
  if (n < 12) return ones[n] ?? '';
  if (n < 20) return `${ones[n - 10]} belas`;
  if (n < 100) return [`${ones[Math.floor(n / 10)]} puluh`, ones[n % 10]].filter(Boolean).join(' ');
  const hundreds = Math.floor(n / 100);
  return [hundreds === 1 ? 'seratus' : `${ones[hundreds]} ratus`, below1000(n % 100)]
    .filter(Boolean)
    .join(' ');
}

const scales: Array<[number, string]> = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
  [1e3, 'ribu'],
];

/** A whole number in Indonesian words (terbilang): 1500000 → `satu juta lima ratus ribu`. */
export function terbilang(amount: number): string {
  assertRupiah(amount);
  if (amount === 0) return 'nol';
  if (amount < 0) return `minus ${terbilang(-amount)}`;
  const parts: string[] = [];
  let rest = amount;
  for (const [size, word] of scales) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(size === 1e3 && count === 1 ? 'seribu' : `${terbilang(count)} ${word}`);
      rest -= count * size;
    }
  }
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(' ');
}

/** For receipts (kwitansi): `satu juta lima ratus ribu rupiah`. */
export function rupiahInWords(amount: number): string {
  return `${terbilang(amount)} rupiah`;
}
