/**
 * The Survei Kepuasan Masyarakat of PermenPAN-RB 14/2017: the nine elements (unsur), their
 * questions and answer scales as the regulation's annex prints them, and the index computed
 * exactly. Scores are kept as fractions until the very end: the weight is 1/9, never 0.111,
 * and the unit score is rounded to two decimals only once (DOMAIN.md §4).
 */

export type Bilingual = { id: string; en: string };

export const unsurIds = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type UnsurId = (typeof unsurIds)[number];

export interface Unsur {
  id: UnsurId;
  name: Bilingual;
  question: Bilingual;
  /** Answers a–d, scored 1–4 in that order. */
  answers: readonly [Bilingual, Bilingual, Bilingual, Bilingual];
}

const both = (id: string, en: string): Bilingual => ({ id, en });

export const unsur: readonly Unsur[] = [
  {
    id: 'U1',
    name: both('Persyaratan', 'Requirements'),
    question: both(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well do the requirements fit the kind of service?',
    ),
    answers: [
      both('Tidak sesuai', 'Not fitting'),
      both('Kurang sesuai', 'Barely fitting'),
      both('Sesuai', 'Fitting'),
      both('Sangat sesuai', 'Very fitting'),
    ],
  },
  {
    id: 'U2',
    name: both('Sistem, mekanisme, dan prosedur', 'System, mechanism and procedure'),
    question: both(
      'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      'How easy is the procedure of this office to follow?',
    ),
    answers: [
      both('Tidak mudah', 'Not easy'),
      both('Kurang mudah', 'Hardly easy'),
      both('Mudah', 'Easy'),
      both('Sangat mudah', 'Very easy'),
    ],
  },
  {
    id: 'U3',
    name: both('Waktu penyelesaian', 'Time to completion'),
    question: both(
      'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service given?',
    ),
    answers: [
      both('Tidak cepat', 'Not fast'),
      both('Kurang cepat', 'Hardly fast'),
      both('Cepat', 'Fast'),
      both('Sangat cepat', 'Very fast'),
    ],
  },
  {
    id: 'U4',
    name: both('Biaya/tarif', 'Cost or fee'),
    question: both(
      'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      'How fair is the cost or fee of the service?',
    ),
    answers: [
      both('Sangat mahal', 'Very expensive'),
      both('Cukup mahal', 'Rather expensive'),
      both('Murah', 'Cheap'),
      both('Gratis', 'Free'),
    ],
  },
  {
    id: 'U5',
    name: both('Produk spesifikasi jenis pelayanan', 'Product of the service'),
    question: both(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well does what you received match the product the service standard names?',
    ),
    answers: [
      both('Tidak sesuai', 'Not matching'),
      both('Kurang sesuai', 'Barely matching'),
      both('Sesuai', 'Matching'),
      both('Sangat sesuai', 'Fully matching'),
    ],
  },
  {
    id: 'U6',
    name: both('Kompetensi pelaksana', 'Competence of the staff'),
    question: both(
      'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent were the staff who served you?',
    ),
    answers: [
      both('Tidak kompeten', 'Not competent'),
      both('Kurang kompeten', 'Hardly competent'),
      both('Kompeten', 'Competent'),
      both('Sangat kompeten', 'Very competent'),
    ],
  },
  {
    id: 'U7',
    name: both('Perilaku pelaksana', 'Conduct of the staff'),
    question: both(
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How courteous and friendly were the staff?',
    ),
    answers: [
      both('Tidak sopan dan ramah', 'Not courteous or friendly'),
      both('Kurang sopan dan ramah', 'Hardly courteous or friendly'),
      both('Sopan dan ramah', 'Courteous and friendly'),
      both('Sangat sopan dan ramah', 'Very courteous and friendly'),
    ],
  },
  {
    id: 'U8',
    name: both('Sarana dan prasarana', 'Facilities'),
    question: both(
      'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      'How good are the facilities?',
    ),
    answers: [
      both('Buruk', 'Poor'),
      both('Cukup', 'Fair'),
      both('Baik', 'Good'),
      both('Sangat baik', 'Very good'),
    ],
  },
  {
    id: 'U9',
    name: both('Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
    question: both(
      'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      'How are complaints of service users handled?',
    ),
    answers: [
      both('Tidak ada', 'Not at all'),
      both('Ada tetapi tidak berfungsi', 'There is a channel, but it does not work'),
      both('Berfungsi kurang maksimal', 'It works, but not fully'),
      both('Dikelola dengan baik', 'Well managed'),
    ],
  },
];

export type Score = 1 | 2 | 3 | 4;

/** One respondent's answers; an unsur left blank is absent and does not count for it. */
export type Answers = Partial<Record<UnsurId, Score>>;

/** A non-negative fraction num/den in lowest terms, with BigInt parts: no binary rounding. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

function times(a: Fraction, num: bigint, den = 1n): Fraction {
  return fraction(a.num * num, a.den * den);
}

/** A fraction × 10^places, rounded half up to a whole number. */
function rounded(f: Fraction, places: number): bigint {
  return (f.num * 10n ** BigInt(places) * 2n + f.den) / (2n * f.den);
}

/** A fraction rounded half up to `places` decimals, as the text the regulation prints ("88.31"). */
export function toFixed(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = rounded(f, places);
  const whole = scaled / scale;
  const rest = (scaled % scale).toString().padStart(places, '0');
  return places > 0 ? `${whole}.${rest}` : `${whole}`;
}

export type Grade = 'A' | 'B' | 'C' | 'D';

/** The grade of a unit score already rounded to two decimals, in hundredths (8831 = 88.31). */
export function gradeOf(hundredths: number): Grade {
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

export const gradeLabels: Record<Grade, Bilingual> = {
  A: both('Sangat baik', 'Very good'),
  B: both('Baik', 'Good'),
  C: both('Kurang baik', 'Poor'),
  D: both('Tidak baik', 'Bad'),
};

export interface UnsurResult {
  id: UnsurId;
  respondents: number;
  sum: number;
  /** NRR = sum ÷ respondents who answered, to 3 decimals for display (the index uses the fraction). */
  nrr: string;
}

export interface SkmIndex {
  respondents: number;
  unsur: UnsurResult[];
  /** Σ NRR × 1/9, on the 1–4 scale, to 3 decimals for display. */
  ikm: string;
  /** IKM × 25, rounded to two decimals once, e.g. "88.31". */
  score: string;
  grade: Grade;
  /** The unsur with the lowest NRR (ties: all of them), where follow-up starts. */
  weakest: UnsurId[];
}

/**
 * The index over a set of responses. Undefined when some unsur has no answer at all: its NRR
 * would be 0/0, and the regulation's mean over nine unsur cannot be formed without it.
 */
export function skmIndex(responses: readonly Answers[]): { index: SkmIndex } | { missing: UnsurId[] } {
  const sums = unsurIds.map((id) => {
    let sum = 0;
    let n = 0;
    for (const r of responses) {
      const s = r[id];
      if (s !== undefined) {
        sum += s;
        n += 1;
      }
    }
    return { id, sum, n };
  });
  const missing = sums.filter((s) => s.n === 0).map((s) => s.id);
  if (missing.length > 0) return { missing };
  const nrrs = sums.map((s) => fraction(BigInt(s.sum), BigInt(s.n)));
  const total = nrrs.reduce(add, fraction(0n, 1n));
  const ikm = times(total, 1n, 9n);
  const score = times(ikm, 25n);
  const lowest = nrrs.reduce((min, f) => (f.num * min.den < min.num * f.den ? f : min));
  return {
    index: {
      respondents: responses.length,
      unsur: sums.map((s, i) => ({
        id: s.id,
        respondents: s.n,
        sum: s.sum,
        nrr: toFixed(nrrs[i] as Fraction, 3),
      })),
      ikm: toFixed(ikm, 3),
      score: toFixed(score, 2),
      grade: gradeOf(Number(rounded(score, 2))),
      weakest: sums
        .filter((_, i) => {
          const f = nrrs[i] as Fraction;
          return f.num * lowest.den === lowest.num * f.den;
        })
        .map((s) => s.id),
    },
  };
}

/**
 * The sample a period needs by the Krejcie–Morgan formula (χ² 3.841, P 0.5, d 0.05) from the
 * number of people served: N 15 → 14, 100 → 80, 1,000 → 278.
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError('population must be a whole number');
  if (population === 0) return 0;
  return Math.round((3.841 * population * 0.25) / (0.0025 * (population - 1) + 0.96025));
}

/** An answer as offices write it on paper or in a sheet: 1–4 or a–d (either case). */
export function scoreOf(raw: string): Score | undefined {
  const t = raw.trim().toLowerCase();
  const i = ['1', '2', '3', '4'].indexOf(t);
  if (i >= 0) return (i + 1) as Score;
  const j = ['a', 'b', 'c', 'd'].indexOf(t);
  return j >= 0 ? ((j + 1) as Score) : undefined;
}
