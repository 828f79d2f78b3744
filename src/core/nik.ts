import { getDistrict, getProvince, getRegency } from './regions.ts';

/**
 * NIK (Nomor Induk Kependudukan) and KK (family card) numbers, DOMAIN.md §5: 16 digits =
 * province (2) + regency/city (2) + district (2) + DDMMYY + serial (4). In a NIK the day is
 * +40 for women and the date is the birth date; in a KK number the date is the data-entry date.
 */
export interface IdProblem {
  code: string;
  severity: 'error' | 'warning';
  /** Indonesian, for the person at the desk. */
  message: string;
  /** The same in English, for a user who asked for it. */
  en: string;
  params: Record<string, string | number>;
}

export interface ParsedId {
  value: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** NIK: birth date; KK: issue date. YYYY-MM-DD. */
  date: string;
  serial: string;
}

export interface ParsedNik extends ParsedId {
  nik: string;
  birthDate: string;
  sex: 'L' | 'P';
}

export interface ParseResult<T> {
  ok: boolean;
  value?: T;
  problems: IdProblem[];
}

const problem = (
  code: string,
  message: string,
  en: string,
  params: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): IdProblem => ({ code, severity, message, en, params });

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

let lastToday: Date | undefined;
let lastTodayIso = '';
/** `YYYY-MM-DD` of a date; remembered, as bulk validation passes the same date for every row. */
function isoDay(today: Date): string {
  if (today !== lastToday) {
    lastToday = today;
    lastTodayIso = today.toISOString().slice(0, 10);
  }
  return lastTodayIso;
}

const regionCache = new Map<string, IdProblem[]>();
/** Problems of the 6-digit region prefix of a NIK/KK (province, regency, district), cached. */
export function regionProblems(prefix: string): IdProblem[] {
  const hit = regionCache.get(prefix);
  if (hit) return hit;
  const provinceCode = prefix.slice(0, 2);
  const regencyCode = `${provinceCode}.${prefix.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${prefix.slice(4, 6)}`;
  const found: IdProblem[] = [];
  if (!getProvince(provinceCode)) {
    found.push(
      problem(
        'region.province_unknown',
        `kode provinsi ${provinceCode} tidak dikenal`,
        `unknown province code ${provinceCode}`,
        { code: provinceCode },
      ),
    );
  } else if (!getRegency(regencyCode)) {
    found.push(
      problem(
        'region.regency_unknown',
        `kode kabupaten/kota ${regencyCode} tidak dikenal`,
        `unknown regency/city code ${regencyCode}`,
        { code: regencyCode },
      ),
    );
  } else if (!getDistrict(districtCode)) {
    // Districts split and are renumbered; a NIK keeps the code it was issued with.
    found.push(
      problem(
        'region.district_unknown',
        `kode kecamatan ${districtCode} tidak dikenal`,
        `unknown district code ${districtCode} (districts split and are renumbered: check the ID card)`,
        { code: districtCode },
        'warning',
      ),
    );
  }
  if (regionCache.size < 20_000) regionCache.set(prefix, found);
  return found;
}

const sixteenDigits = /^\d{16}$/;

function parseLayout(
  input: string,
  kind: 'nik' | 'kk',
  today: Date,
): ParseResult<ParsedId & { day: number; female: boolean }> {
  const label = kind === 'nik' ? 'NIK' : 'Nomor KK';
  const labelEn = kind === 'nik' ? 'NIK' : 'KK number';
  const clean = sixteenDigits.test(input);
  const value = clean ? input : input.replace(/[\s.]/g, '');
  const problems: IdProblem[] = [];
  if (!clean) {
    if (!/^\d+$/.test(value))
      problems.push(
        problem(`${kind}.not_digits`, `${label} hanya boleh berisi angka`, `${labelEn} may hold digits only`),
      );
    if (value.length !== 16)
      problems.push(
        problem(
          `${kind}.length`,
          `${label} harus 16 digit (ada ${value.length})`,
          `${labelEn} must have 16 digits (found ${value.length})`,
          { length: value.length },
        ),
      );
    if (problems.length > 0) return { ok: false, problems };
  }

  const provinceCode = value.slice(0, 2);
  const regencyCode = `${provinceCode}.${value.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${value.slice(4, 6)}`;
  const region = regionProblems(value.slice(0, 6));
  const when = datePart(kind, value.slice(6, 12), today);
  const serial = value.slice(12, 16);
  if (region.length > 0 || when.problems.length > 0 || serial === '0000') {
    problems.push(...region, ...when.problems);
    if (serial === '0000')
      problems.push(
        problem(`${kind}.serial`, 'nomor urut tidak boleh 0000', 'the serial number may not be 0000'),
      );
  }
  const ok = !problems.some((p) => p.severity === 'error');
  const { date, day, female } = when;
  return {
    ok,
    ...(ok ? { value: { value, provinceCode, regencyCode, districtCode, date, serial, day, female } } : {}),
    problems,
  };
}

export interface DatePart {
  date: string;
  day: number;
  female: boolean;
  problems: IdProblem[];
}

const dateParts = new Map<string, DatePart>();
let datePartsDay = '';
/**
 * The DDMMYY part of a NIK or KK: the date (a day over 40 is a woman's birth date) and its
 * problems. Remembered per day of "today": files repeat the same dates many times over.
 */
export function datePart(kind: 'nik' | 'kk', ddmmyy: string, today: Date): DatePart {
  const todayIso = isoDay(today);
  if (todayIso !== datePartsDay) {
    dateParts.clear();
    datePartsDay = todayIso;
  }
  const key = kind === 'nik' ? ddmmyy : `k${ddmmyy}`;
  const hit = dateParts.get(key);
  if (hit) return hit;
  const problems: IdProblem[] = [];
  let day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  const female = kind === 'nik' && day > 40;
  if (female) day -= 40;
  let date = '';
  const what = kind === 'nik' ? 'tanggal lahir' : 'tanggal';
  const whatEn = kind === 'nik' ? 'birth date' : 'date';
  if (month < 1 || month > 12) {
    problems.push(
      problem('date.month', `${what} tidak valid (bulan ${month})`, `invalid ${whatEn} (month ${month})`, {
        month,
      }),
    );
  } else if (day < 1 || day > 31) {
    problems.push(
      problem('date.day', `${what} tidak valid (hari ${day})`, `invalid ${whatEn} (day ${day})`, { day }),
    );
  } else {
    const thisYear = today.getUTCFullYear();
    let year = 2000 + yy;
    if (year > thisYear) year -= 100;
    if (!validDate(year, month, day)) {
      problems.push(
        problem(
          'date.invalid',
          `${what} tidak valid (${pad(day)}-${pad(month)})`,
          `invalid ${whatEn} (${pad(day)}-${pad(month)})`,
          { day, month },
        ),
      );
    } else {
      date = `${year}-${pad(month)}-${pad(day)}`;
      if (date > todayIso) {
        // Same two-digit year but a later day this year: it is a century earlier.
        year -= 100;
        date = `${year}-${pad(month)}-${pad(day)}`;
      }
    }
  }
  const part = { date, day, female, problems };
  if (dateParts.size < 100_000) dateParts.set(key, part);
  return part;
}

/** Parses and validates a NIK, returning every problem at once. */
export function parseNik(input: string, opts: { today?: Date } = {}): ParseResult<ParsedNik> {
  const r = parseLayout(input, 'nik', opts.today ?? new Date());
  if (!r.value) return { ok: false, problems: r.problems };
  const v = r.value;
  return {
    ok: true,
    problems: r.problems,
    value: {
      value: v.value,
      provinceCode: v.provinceCode,
      regencyCode: v.regencyCode,
      districtCode: v.districtCode,
      date: v.date,
      serial: v.serial,
      nik: v.value,
      birthDate: v.date,
      sex: v.female ? 'P' : 'L',
    },
  };
}

/** Parses and validates a KK (Kartu Keluarga) number. */
export function parseKk(input: string, opts: { today?: Date } = {}): ParseResult<ParsedId> {
  const r = parseLayout(input, 'kk', opts.today ?? new Date());
  if (!r.value) return { ok: false, problems: r.problems };
  const v = r.value;
  return {
    ok: true,
    problems: r.problems,
    value: {
      value: v.value,
      provinceCode: v.provinceCode,
      regencyCode: v.regencyCode,
      districtCode: v.districtCode,
      date: v.date,
      serial: v.serial,
    },
  };
}

/**
 * A NIK from its parts, the inverse of `parseNik`: the district (`33.14.01` or `331401`), the
 * birth date (`YYYY-MM-DD`; the day +40 for a woman) and a 4-digit serial. For generated and
 * test data; real NIKs are issued by Dukcapil.
 */
export function composeNik(district: string, birthIso: string, female: boolean, serial: number): string {
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const [y, m, d] = birthIso.split('-').map(Number) as [number, number, number];
  return `${district.replace(/\D/g, '')}${pad2(female ? d + 40 : d)}${pad2(m)}${pad2(y % 100)}${String(serial).padStart(4, '0')}`;
}
