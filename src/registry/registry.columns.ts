/**
 * The register's vocabularies and the import/export template. Codes are stored; labels are
 * what staff read and write. Input accepts the label, the code and the Dukcapil/DTKS number
 * of a value, in any case and spacing, so files from SIKS-NG and from village spreadsheets
 * load without editing.
 */
export interface EnumValue {
  code: string;
  id: string;
  en: string;
  /** Other spellings found in real files (lower case). */
  aliases?: string[];
}

const v = (code: string, id: string, en: string, aliases: string[] = []): EnumValue => ({
  code,
  id,
  en,
  aliases,
});

export const Vocabularies = {
  sex: [
    v('L', 'Laki-laki', 'Male', ['l', 'lk', 'pria', '1']),
    v('P', 'Perempuan', 'Female', ['p', 'pr', 'wanita', '2']),
  ],
  // Status hubungan dalam keluarga (SHDK), Dukcapil numbering.
  relationship: [
    v('kepala_keluarga', 'Kepala Keluarga', 'Head of family', [
      '1',
      'kepala',
      'kk',
      'krt',
      'kepala rumah tangga',
    ]),
    v('suami', 'Suami', 'Husband', ['2']),
    v('istri', 'Istri', 'Wife', ['3', 'isteri']),
    v('anak', 'Anak', 'Child', ['4', 'anak kandung', 'anak angkat', 'anak tiri']),
    v('menantu', 'Menantu', 'Son/daughter-in-law', ['5']),
    v('cucu', 'Cucu', 'Grandchild', ['6']),
    v('orang_tua', 'Orang Tua', 'Parent', ['7', 'orangtua', 'ayah', 'ibu']),
    v('mertua', 'Mertua', 'Parent-in-law', ['8']),
    v('famili_lain', 'Famili Lain', 'Other relative', ['9', 'famili']),
    v('pembantu', 'Pembantu', 'Domestic worker', ['10']),
    v('lainnya', 'Lainnya', 'Other', ['11', 'lain lain', 'lain-lain']),
  ],
  maritalStatus: [
    v('belum_kawin', 'Belum Kawin', 'Never married', ['1', 'belum menikah', 'lajang']),
    v('kawin', 'Kawin', 'Married', ['2', 'menikah', 'kawin tercatat', 'kawin belum tercatat']),
    v('cerai_hidup', 'Cerai Hidup', 'Divorced', ['3']),
    v('cerai_mati', 'Cerai Mati', 'Widowed', ['4', 'janda', 'duda']),
  ],
  // Pendidikan terakhir (Dukcapil).
  education: [
    v('tidak_sekolah', 'Tidak/Belum Sekolah', 'No schooling', ['1', 'tidak sekolah', 'belum sekolah']),
    v('belum_tamat_sd', 'Belum Tamat SD/Sederajat', 'Primary not completed', ['2', 'belum tamat sd']),
    v('sd', 'Tamat SD/Sederajat', 'Primary', ['3', 'sd', 'tamat sd', 'sd/sederajat']),
    v('smp', 'SLTP/Sederajat', 'Junior secondary', ['4', 'smp', 'sltp', 'smp/sederajat']),
    v('sma', 'SLTA/Sederajat', 'Senior secondary', ['5', 'sma', 'slta', 'smk', 'sma/sederajat']),
    v('d1_d2', 'Diploma I/II', 'Diploma I/II', ['6', 'd1', 'd2']),
    v('d3', 'Akademi/Diploma III/S. Muda', 'Diploma III', ['7', 'd3', 'diploma iii']),
    v('s1', 'Diploma IV/Strata I', 'Bachelor', ['8', 's1', 'd4']),
    v('s2', 'Strata II', 'Master', ['9', 's2']),
    v('s3', 'Strata III', 'Doctorate', ['10', 's3']),
  ],
  // Partisipasi sekolah (DTKS): whether and where a person is enrolled now.
  schooling: [
    v('tidak_pernah', 'Tidak/Belum Pernah Sekolah', 'Never enrolled', ['0', 'belum pernah sekolah']),
    v('sd', 'Masih Sekolah SD/Sederajat', 'Enrolled, primary', ['masih sd', 'sd']),
    v('smp', 'Masih Sekolah SMP/Sederajat', 'Enrolled, junior secondary', ['masih smp', 'smp']),
    v('sma', 'Masih Sekolah SMA/Sederajat', 'Enrolled, senior secondary', ['masih sma', 'sma', 'smk']),
    v('pt', 'Masih Kuliah', 'Enrolled, higher education', ['kuliah', 'perguruan tinggi']),
    v('tidak_lagi', 'Tidak Bersekolah Lagi', 'No longer enrolled', [
      '2',
      'tidak sekolah lagi',
      'putus sekolah',
    ]),
  ],
  // Ragam penyandang disabilitas, UU 8/2016 Pasal 4.
  disabilityKind: [
    v('fisik', 'Fisik', 'Physical'),
    v('intelektual', 'Intelektual', 'Intellectual'),
    v('mental', 'Mental', 'Mental'),
    v('sensorik', 'Sensorik', 'Sensory', ['netra', 'rungu', 'wicara', 'tunanetra', 'tunarungu']),
    v('ganda', 'Ganda/Multi', 'Multiple', ['multi', 'ganda']),
  ],
  disabilitySeverity: [
    v('ringan', 'Ringan', 'Mild'),
    v('sedang', 'Sedang', 'Moderate'),
    v('berat', 'Berat', 'Severe'),
  ],
  pregnancy: [
    v('hamil', 'Hamil', 'Pregnant', ['ya hamil']),
    v('menyusui', 'Menyusui/Nifas', 'Breastfeeding/postpartum', ['menyusui', 'nifas']),
  ],
  lifeStatus: [
    v('hidup', 'Hidup', 'Alive', ['1', 'masih hidup']),
    v('meninggal', 'Meninggal', 'Deceased', ['0', '2', 'wafat', 'meninggal dunia']),
  ],
  welfareStatus: [
    v('dtsen', 'DTSEN', 'DTSEN'),
    v('dtks', 'DTKS', 'DTKS'),
    v('non', 'Tidak Terdaftar', 'Not registered', [
      'non',
      'non dtks',
      'non-dtks',
      'bukan',
      'tidak',
      'tidak terdaftar',
    ]),
  ],
} satisfies Record<string, EnumValue[]>;
export type VocabularyName = keyof typeof Vocabularies;

/** Words meaning "none" in optional enumeration columns. */
const noneWords = new Set(['', '-', 'tidak', 'tidak ada', 'bukan', 'none', 'n/a', '0']);

export const normaliseWord = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

const lookup = new Map<VocabularyName, Map<string, string>>();
/** Per vocabulary, raw spellings already seen → code ('' = unknown); files repeat a few spellings. */
const seen = new Map<VocabularyName, Map<string, string>>();
/** The stored code for an input spelling, or undefined. */
export function codeOf(vocabulary: VocabularyName, input: string): string | undefined {
  let cache = seen.get(vocabulary);
  if (!cache) {
    cache = new Map();
    seen.set(vocabulary, cache);
  }
  const hit = cache.get(input);
  if (hit !== undefined) return hit === '' ? undefined : hit;
  let map = lookup.get(vocabulary);
  if (!map) {
    map = new Map();
    for (const value of Vocabularies[vocabulary]) {
      for (const spelling of [value.code, value.id, value.en, ...(value.aliases ?? [])])
        map.set(normaliseWord(spelling), value.code);
    }
    lookup.set(vocabulary, map);
  }
  const code = map.get(normaliseWord(input));
  if (cache.size < 1_000) cache.set(input, code ?? '');
  return code;
}

const noneSeen = new Map<string, boolean>();
/** Whether a cell means "none" (`-`, `tidak ada`, …); remembered, as files repeat a few spellings. */
export function isNoneWord(input: string): boolean {
  if (input === '') return true;
  const hit = noneSeen.get(input);
  if (hit !== undefined) return hit;
  const none = noneWords.has(normaliseWord(input));
  if (noneSeen.size < 1_000) noneSeen.set(input, none);
  return none;
}

export function labelOf(vocabulary: VocabularyName, code: string, lang: 'id' | 'en' = 'id'): string {
  const value = Vocabularies[vocabulary].find((x) => x.code === code);
  return value ? value[lang] : code;
}

/** A column of the import/export template. */
export interface TemplateColumn {
  key: RowField;
  header: string;
  required: boolean;
  /** Other headers meaning the same column (compared lower case, spaces/underscores/dots folded). */
  aliases: string[];
  /** How to fill it in, for the template's instruction sheet. */
  help: string;
  vocabulary?: VocabularyName;
}

export type RowField =
  | 'kk'
  | 'nik'
  | 'name'
  | 'birthPlace'
  | 'birthDate'
  | 'sex'
  | 'relationship'
  | 'maritalStatus'
  | 'education'
  | 'schooling'
  | 'occupation'
  | 'disabilityKind'
  | 'disabilitySeverity'
  | 'pregnancy'
  | 'lifeStatus'
  | 'deathDate'
  | 'villageCode'
  | 'address'
  | 'rt'
  | 'rw'
  | 'decile'
  | 'welfareStatus'
  | 'statusPeriod';

const col = (
  key: RowField,
  header: string,
  required: boolean,
  aliases: string[],
  help: string,
  vocabulary?: VocabularyName,
): TemplateColumn => ({ key, header, required, aliases, help, ...(vocabulary ? { vocabulary } : {}) });

/** The template, in file order. An export writes exactly these headers. */
export const TemplateColumns: TemplateColumn[] = [
  col(
    'kk',
    'No KK',
    true,
    ['nomor kk', 'no kk', 'nokk', 'kk', 'nomor kartu keluarga', 'no kartu keluarga'],
    '16 digit, isi sebagai Teks di Excel',
  ),
  col(
    'nik',
    'NIK',
    true,
    ['no nik', 'nomor nik', 'nomor induk kependudukan'],
    '16 digit, isi sebagai Teks di Excel',
  ),
  col('name', 'Nama', true, ['nama lengkap', 'nama art', 'nama anggota keluarga'], 'nama sesuai KTP/KK'),
  col('birthPlace', 'Tempat Lahir', false, ['tmp lahir', 'tempat lhr'], 'kota/kabupaten kelahiran'),
  col(
    'birthDate',
    'Tanggal Lahir',
    true,
    ['tgl lahir', 'tanggal lhr', 'tgl lhr'],
    'DD-MM-YYYY atau YYYY-MM-DD',
  ),
  col('sex', 'Jenis Kelamin', true, ['jk', 'l/p', 'kelamin'], 'L atau P', 'sex'),
  col(
    'relationship',
    'Hubungan Keluarga',
    true,
    ['shdk', 'hub keluarga', 'hubungan dengan kepala keluarga', 'hubungan dlm keluarga', 'status hubungan'],
    'satu Kepala Keluarga per KK',
    'relationship',
  ),
  col('maritalStatus', 'Status Perkawinan', false, ['status kawin', 'perkawinan'], '', 'maritalStatus'),
  col('education', 'Pendidikan', false, ['pendidikan terakhir', 'ijazah tertinggi'], '', 'education'),
  col('schooling', 'Partisipasi Sekolah', false, ['status sekolah', 'sekolah'], '', 'schooling'),
  col('occupation', 'Pekerjaan', false, ['jenis pekerjaan', 'pekerjaan utama'], 'teks bebas'),
  col(
    'disabilityKind',
    'Jenis Disabilitas',
    false,
    ['disabilitas', 'ragam disabilitas', 'jenis cacat'],
    'kosong bila tidak ada',
    'disabilityKind',
  ),
  col(
    'disabilitySeverity',
    'Tingkat Disabilitas',
    false,
    ['derajat disabilitas', 'tingkat kecacatan'],
    'diisi bila ada disabilitas',
    'disabilitySeverity',
  ),
  col(
    'pregnancy',
    'Hamil/Menyusui',
    false,
    ['status kehamilan', 'hamil', 'ibu hamil'],
    'hanya untuk perempuan',
    'pregnancy',
  ),
  col(
    'lifeStatus',
    'Status Hidup',
    false,
    ['keberadaan', 'status keberadaan'],
    'kosong = Hidup',
    'lifeStatus',
  ),
  col('deathDate', 'Tanggal Meninggal', false, ['tgl meninggal', 'tanggal wafat'], 'diisi bila meninggal'),
  col(
    'villageCode',
    'Kode Desa',
    true,
    ['kode desa/kelurahan', 'kode kelurahan', 'kode wilayah', 'kd desa', 'kode desa kelurahan'],
    'kode Kemendagri 10 digit, mis. 33.14.01.2001',
  ),
  col('address', 'Alamat', false, ['alamat lengkap', 'alamat rumah'], 'jalan/dusun'),
  col('rt', 'RT', false, ['no rt'], 'angka'),
  col('rw', 'RW', false, ['no rw'], 'angka'),
  col(
    'decile',
    'Desil',
    false,
    ['desil kesejahteraan', 'peringkat desil', 'desil nasional'],
    '1–10, kosong bila belum diperingkat',
  ),
  col(
    'welfareStatus',
    'Status DTKS/DTSEN',
    false,
    ['status dtks', 'status dtsen', 'status kesejahteraan', 'terdaftar'],
    'DTSEN, DTKS, atau Tidak Terdaftar',
    'welfareStatus',
  ),
  col(
    'statusPeriod',
    'Periode Data',
    false,
    ['periode', 'periode dtks', 'periode dtsen', 'bulan data'],
    'YYYY-MM',
  ),
];

/** A person's own data, as a file sets it; the order of the staging table's columns. */
export const PersonFields = [
  'name',
  'birthPlace',
  'birthDate',
  'sex',
  'relationship',
  'maritalStatus',
  'education',
  'schooling',
  'occupation',
  'disabilityKind',
  'disabilitySeverity',
  'pregnancy',
  'alive',
  'deathDate',
] as const;
/** A family's data, the same on every row of one KK. */
export const FamilyFields = [
  'villageCode',
  'address',
  'rt',
  'rw',
  'decile',
  'welfareStatus',
  'statusPeriod',
] as const;
export type PersonField = (typeof PersonFields)[number];
export type FamilyField = (typeof FamilyFields)[number];

/** The table column of a field: `birthDate` → `birth_date`. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The template header naming a field (`alive` is the *Status Hidup* column). */
export function headerOf(field: PersonField | FamilyField): string {
  const key = field === 'alive' ? 'lifeStatus' : field;
  return TemplateColumns.find((c) => c.key === key)?.header ?? field;
}

export type SearchTerm =
  | { kind: 'id'; digits: string }
  | { kind: 'name'; text: string }
  | { kind: 'none' }
  | { kind: 'too_short' }
  | { kind: 'wrong_length'; digits: number };

/**
 * What a search box holds: a NIK/KK number (16 digits, spaces and dots allowed), a name (3
 * letters or more), nothing, or why it cannot be searched. The server refuses the last two;
 * the page says so before asking.
 */
export function readSearchBox(input: string | undefined): SearchTerm {
  const q = (input ?? '').trim();
  if (q === '') return { kind: 'none' };
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits))
    return digits.length === 16 ? { kind: 'id', digits } : { kind: 'wrong_length', digits: digits.length };
  return q.length < 3 ? { kind: 'too_short' } : { kind: 'name', text: q };
}

export const normaliseHeader = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[_.\s]+/g, ' ')
    .trim();

const headerLookup = new Map<string, TemplateColumn>();
for (const c of TemplateColumns) {
  for (const h of [c.header, c.key, ...c.aliases]) headerLookup.set(normaliseHeader(h), c);
}

export interface HeaderMapping {
  /** For each file column, the template column it fills (or undefined: ignored). */
  columns: Array<TemplateColumn | undefined>;
  unknown: string[];
  missing: TemplateColumn[];
  duplicated: string[];
}

export function mapHeaders(headers: string[]): HeaderMapping {
  const seen = new Set<RowField>();
  const duplicated: string[] = [];
  const unknown: string[] = [];
  const columns = headers.map((h) => {
    const c = headerLookup.get(normaliseHeader(h));
    if (!c) {
      if (h.trim() !== '') unknown.push(h.trim());
      return undefined;
    }
    if (seen.has(c.key)) {
      duplicated.push(h.trim());
      return undefined;
    }
    seen.add(c.key);
    return c;
  });
  const missing = TemplateColumns.filter((c) => c.required && !seen.has(c.key));
  return { columns, unknown, missing, duplicated };
}
