import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { composeNik } from '../core/nik.ts';
import { childrenOf } from '../core/regions.ts';
import { csvLine, writeChunk } from './csv.ts';
import { TemplateColumns } from './registry.columns.ts';

/**
 * A synthetic register in the template's layout: `people` persons in about people/4 families
 * in the villages of one regency, with valid NIKs and KK numbers (issued in the family's
 * district, birth dates +40 for women) and, when asked, a share of deliberately bad rows of
 * the kinds real files have. Deterministic for a seed. Used by the benchmark, the tests and
 * the demo register. Nothing here is a real person.
 */
export interface SyntheticOptions {
  people: number;
  /** Share of rows made bad on purpose (0–1). */
  badShare?: number;
  seed?: number;
  regencyCode?: string;
  /** Data-entry year of the KK numbers. */
  year?: number;
}

export interface SyntheticRow {
  cells: string[];
  /** Why the row is bad, or undefined. */
  bad?: string;
}

/** A small seeded random number generator (mulberry32): the same numbers for the same seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const maleNames = [
  'Agus',
  'Budi',
  'Slamet',
  'Joko',
  'Sutrisno',
  'Bambang',
  'Wahyu',
  'Eko',
  'Hadi',
  'Sugeng',
  'Suparno',
  'Teguh',
  'Yanto',
  'Heru',
  'Dwi',
  'Ahmad',
  'Rudi',
  'Sukardi',
  'Wiyono',
  'Parjo',
  'Darmanto',
  'Mulyono',
  'Sarwono',
  'Tri',
  'Rizki',
  'Fajar',
  'Bayu',
  'Arif',
  'Suyatno',
  'Gunawan',
];
const femaleNames = [
  'Siti',
  'Sri',
  'Tri',
  'Endang',
  'Suparmi',
  'Sumarni',
  'Wahyuni',
  'Lestari',
  'Rahayu',
  'Ningsih',
  'Dewi',
  'Yuliani',
  'Sulastri',
  'Painem',
  'Tumini',
  'Sukini',
  'Rini',
  'Eka',
  'Nur',
  'Fitri',
  'Ayu',
  'Indah',
  'Puji',
  'Suwarni',
  'Murni',
  'Kartini',
  'Wulan',
  'Anisa',
  'Sari',
  'Yanti',
];
const lastNames = [
  'Santoso',
  'Wibowo',
  'Susanto',
  'Purnomo',
  'Setiawan',
  'Prasetyo',
  'Hidayat',
  'Nugroho',
  'Saputra',
  'Kurniawan',
  'Utomo',
  'Handayani',
  'Wati',
  'Astuti',
  'Rahmawati',
  'Suryani',
  'Maryati',
  'Haryanto',
  'Sutanto',
  'Mulyani',
  'Pratiwi',
  'Permana',
  'Hartono',
  'Subagyo',
  'Widodo',
  'Darmawan',
  'Riyanto',
  'Suharno',
  'Sumarno',
  'Lestiani',
];
const occupations = [
  'Petani',
  'Buruh Tani',
  'Buruh Harian Lepas',
  'Pedagang',
  'Mengurus Rumah Tangga',
  'Pelajar/Mahasiswa',
  'Wiraswasta',
  'Tidak Bekerja',
  'Karyawan Swasta',
  'Sopir',
];
const places = [
  'Sragen',
  'Karanganyar',
  'Surakarta',
  'Boyolali',
  'Ngawi',
  'Grobogan',
  'Sukoharjo',
  'Wonogiri',
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function* syntheticRegister(opts: SyntheticOptions): Generator<SyntheticRow> {
  const rnd = prng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const regency = opts.regencyCode ?? '33.14';
  const districts = childrenOf(regency).map((d) => ({
    code: d.code,
    villages: childrenOf(d.code).map((v) => v.code),
  }));
  const year = opts.year ?? 2024;
  const badShare = opts.badShare ?? 0;
  const usedNik = new Set<string>();
  const digits = (code: string) => code.replace(/\./g, '');
  const sizes = [4, 3, 5, 4, 2, 6, 4, 1, 7, 4];
  let person = 0;
  let family = 0;
  let lastGoodNik = '';

  const name = (female: boolean) => {
    const first = pick(female ? femaleNames : maleNames);
    return rnd() < 0.6
      ? `${first} ${pick(lastNames)}`
      : first + (rnd() < 0.3 ? ` ${pick(female ? femaleNames : maleNames)}` : '');
  };
  const nikFor = (district: string, birth: Date, female: boolean) => {
    for (;;) {
      const serial = 1 + Math.floor(rnd() * 9999);
      const nik = composeNik(district, birth.toISOString().slice(0, 10), female, serial);
      if (!usedNik.has(nik)) {
        usedNik.add(nik);
        return nik;
      }
    }
  };
  const birthAt = (minAge: number, maxAge: number) => {
    const age = minAge + rnd() * (maxAge - minAge);
    const t = Date.UTC(2026, 0, 1) - age * 365.25 * 86_400_000;
    const d = new Date(t);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  };
  const dmy = (d: Date) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;

  while (person < opts.people) {
    const district = pick(districts);
    const village = pick(district.villages);
    // KK numbers: district + entry date + serial; unique by the family counter.
    const entry = new Date(Date.UTC(year, 0, 1 + (Math.floor(family / 9999) % 365)));
    const kk = `${digits(district.code)}${pad(entry.getUTCDate())}${pad(entry.getUTCMonth() + 1)}${pad(entry.getUTCFullYear() % 100)}${pad((family % 9999) + 1, 4)}`;
    family++;
    const size = Math.min(sizes[family % sizes.length] ?? 4, opts.people - person);
    const decile = rnd() < 0.8 ? String(1 + Math.floor(rnd() * 10)) : '';
    const status = decile ? (Number(decile) <= 4 ? 'DTSEN' : 'DTKS') : 'Tidak Terdaftar';
    const address = `Dusun ${pick(lastNames)}`;
    const rt = String(1 + Math.floor(rnd() * 12));
    const rw = String(1 + Math.floor(rnd() * 6));
    for (let m = 0; m < size; m++) {
      const head = m === 0;
      const female = head ? rnd() < 0.15 : m === 1 ? true : rnd() < 0.5;
      const birth = head ? birthAt(28, 75) : m === 1 ? birthAt(25, 65) : birthAt(0, 22);
      const relationship = head ? 'Kepala Keluarga' : m === 1 ? (female ? 'Istri' : 'Suami') : 'Anak';
      const age = 2026 - birth.getUTCFullYear();
      const nik = nikFor(district.code, birth, female);
      const schooling =
        age >= 7 && age <= 12
          ? 'Masih Sekolah SD/Sederajat'
          : age >= 13 && age <= 15
            ? 'Masih Sekolah SMP/Sederajat'
            : age >= 16 && age <= 18
              ? 'Masih Sekolah SMA/Sederajat'
              : age < 7
                ? 'Tidak/Belum Pernah Sekolah'
                : 'Tidak Bersekolah Lagi';
      const education =
        age < 7
          ? 'Tidak/Belum Sekolah'
          : age < 13
            ? 'Belum Tamat SD/Sederajat'
            : pick(['Tamat SD/Sederajat', 'SLTP/Sederajat', 'SLTA/Sederajat']);
      const disabled = rnd() < 0.02;
      const cells: Record<string, string> = {
        kk,
        nik,
        name: name(female),
        birthPlace: pick(places),
        birthDate: dmy(birth),
        sex: female ? 'P' : 'L',
        relationship,
        maritalStatus: head || m === 1 ? 'Kawin' : 'Belum Kawin',
        education,
        schooling,
        occupation: age < 18 ? 'Pelajar/Mahasiswa' : pick(occupations),
        disabilityKind: disabled ? pick(['Fisik', 'Sensorik', 'Mental', 'Intelektual']) : '',
        disabilitySeverity: disabled ? pick(['Ringan', 'Sedang', 'Berat']) : '',
        pregnancy: m === 1 && female && age < 40 && rnd() < 0.05 ? 'Hamil' : '',
        lifeStatus: 'Hidup',
        deathDate: '',
        villageCode: village,
        address,
        rt,
        rw,
        decile,
        welfareStatus: status,
        statusPeriod: '2026-09',
      };
      let bad: string | undefined;
      // Bad rows never break a family's head rule by accident: heads stay intact unless that is the defect.
      if (badShare > 0 && rnd() < badShare) {
        const kind = Math.floor(rnd() * 6);
        if (kind === 0) {
          cells.nik = `${nik.slice(0, 6)}${head ? '45' : '75'}${nik.slice(8)}`;
          bad = 'nik-day';
        } else if (kind === 1 && !head) {
          cells.name = '';
          bad = 'name-missing';
        } else if (kind === 2) {
          cells.birthDate = '31-02-1990';
          bad = 'date';
        } else if (kind === 3 && lastGoodNik && !head) {
          cells.nik = lastGoodNik;
          bad = 'duplicate';
        } else if (kind === 4 && !head) {
          cells.sex = 'X';
          bad = 'sex';
        } else if (kind === 5) {
          cells.decile = '11';
          bad = 'decile';
        }
      }
      if (!bad) lastGoodNik = nik;
      person++;
      yield { cells: TemplateColumns.map((c) => cells[c.key] ?? ''), ...(bad ? { bad } : {}) };
    }
  }
}

const csvHeaderLine = () => csvLine(TemplateColumns.map((c) => c.header));

/**
 * Writes a synthetic register to a CSV file in the template's layout, streamed (a million rows
 * never sit in memory). `edit` may change a row's cells before it is written.
 */
export async function writeSyntheticRegister(
  file: string,
  opts: SyntheticOptions,
  edit?: (cells: string[]) => void,
): Promise<void> {
  const out = createWriteStream(file);
  out.write(csvHeaderLine());
  for (const r of syntheticRegister(opts)) {
    edit?.(r.cells);
    await writeChunk(out, csvLine(r.cells));
  }
  out.end();
  await finished(out);
}
