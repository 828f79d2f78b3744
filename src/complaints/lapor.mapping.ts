/**
 * How the columns of a LAPOR! file become a complaint's fields: the layout `jaring-lapor-1`
 * (README, "SP4N-LAPOR!"). The defaults name the columns, classes and statuses as we expect an
 * agency's LAPOR! export to show them; no official column list was found, so each unit may save
 * its own mapping, laid over the defaults. Pure.
 */
import { z } from 'zod';
import { textFault } from '../core/text.ts';
import type { ComplaintClass } from './complaints.tables.ts';

/** The Jaring fields a LAPOR! row fills. */
export const LaporFields = [
  'laporId',
  'reportedAt',
  'title',
  'text',
  'class',
  'category',
  'status',
  'source',
  'name',
  'contact',
  'confidential',
  'anonymous',
  'verifiedAt',
] as const;
export type LaporField = (typeof LaporFields)[number];

/** Fields every file must have a column for. */
export const requiredFields: readonly LaporField[] = ['laporId', 'reportedAt', 'text', 'class'];

/** Fields several columns may fill at once (a phone and an e-mail column): joined by ", ". */
export const joinedFields: readonly LaporField[] = ['contact'];

export const LaporOutcomes = ['verifikasi', 'tunda', 'bukan_wewenang', 'arsipkan'] as const;

export const layoutName = 'jaring-lapor-1';

/** A header, class or status label as a mapping names it; stored as JSON, so storable text only. */
const label = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((v) => textFault(v) === null, 'holds a character that cannot be stored');

/** A mapping as a unit writes it: every part optional, each entry laid over the defaults. */
export const LaporMapping = z
  .object({
    layout: z.literal(layoutName).default(layoutName),
    /** File column (as its header reads) → Jaring field; `ignore` drops a default column. */
    columns: z
      .record(label, z.enum([...LaporFields, 'ignore']))
      .refine((r) => Object.keys(r).length <= 200, 'at most 200 columns')
      .default({}),
    /** LAPOR!'s classification (klasifikasi) → the complaint's class. */
    classes: z
      .record(label, z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi']))
      .refine((r) => Object.keys(r).length <= 100, 'at most 100 classes')
      .default({}),
    /**
     * LAPOR!'s status → the administrative outcome it means (`none`: not verified yet). A
     * status with an outcome records that outcome at the file's verification date.
     */
    statuses: z
      .record(label, z.enum([...LaporOutcomes, 'none']))
      .refine((r) => Object.keys(r).length <= 100, 'at most 100 statuses')
      .default({}),
  })
  .strict();
export type LaporMapping = z.infer<typeof LaporMapping>;

/** The default layout. Column names, class and status labels are assumptions (README). */
export const defaultMapping: LaporMapping = {
  layout: layoutName,
  columns: {
    'ID Laporan': 'laporId',
    'Tracking ID': 'laporId',
    'Nomor Tiket': 'laporId',
    'No. Tiket': 'laporId',
    'Tanggal Laporan': 'reportedAt',
    'Tanggal Lapor': 'reportedAt',
    'Waktu Laporan': 'reportedAt',
    Judul: 'title',
    'Judul Laporan': 'title',
    'Isi Laporan': 'text',
    Isi: 'text',
    Klasifikasi: 'class',
    'Klasifikasi Laporan': 'class',
    'Jenis Laporan': 'class',
    Kategori: 'category',
    'Kategori Laporan': 'category',
    Status: 'status',
    'Status Laporan': 'status',
    Sumber: 'source',
    'Sumber Laporan': 'source',
    Kanal: 'source',
    'Nama Pelapor': 'name',
    Pelapor: 'name',
    'Kontak Pelapor': 'contact',
    'No. HP': 'contact',
    'Nomor HP': 'contact',
    Email: 'contact',
    Rahasia: 'confidential',
    'Laporan Rahasia': 'confidential',
    Anonim: 'anonymous',
    'Tanggal Verifikasi': 'verifiedAt',
    'Tanggal Disposisi': 'verifiedAt',
  },
  classes: {
    Pengaduan: 'pengaduan',
    Aspirasi: 'aspirasi',
    'Permintaan Informasi': 'permintaan_informasi',
  },
  statuses: {
    'Belum Terverifikasi': 'none',
    'Belum Diverifikasi': 'none',
    Terverifikasi: 'verifikasi',
    'Belum Ditindaklanjuti': 'verifikasi',
    Proses: 'verifikasi',
    Selesai: 'verifikasi',
    Tunda: 'tunda',
    Ditunda: 'tunda',
    'Bukan Wewenang': 'bukan_wewenang',
    Arsip: 'arsipkan',
    Diarsipkan: 'arsipkan',
  },
};

/** A header, class or status as compared: case, spacing, `_`, `.` and a BOM do not matter. */
export const normalLabel = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_.:]+/g, ' ')
    .trim();

/** The mapping in force: the defaults with the unit's entries laid over them, keys normalised. */
export interface EffectiveMapping {
  columns: Map<string, LaporField | 'ignore'>;
  classes: Map<string, ComplaintClass>;
  statuses: Map<string, (typeof LaporOutcomes)[number] | 'none'>;
}

export function effectiveMapping(unit: LaporMapping | undefined): EffectiveMapping {
  const over = <V>(a: Record<string, V>, b: Record<string, V> | undefined) => {
    const m = new Map<string, V>();
    for (const [k, v] of Object.entries(a)) m.set(normalLabel(k), v);
    for (const [k, v] of Object.entries(b ?? {})) m.set(normalLabel(k), v);
    return m;
  };
  return {
    columns: over(defaultMapping.columns, unit?.columns),
    classes: over(defaultMapping.classes, unit?.classes),
    statuses: over(defaultMapping.statuses, unit?.statuses),
  };
}

/** The field labels used in row problems, in both languages. */
export const fieldLabels: Record<LaporField, { id: string; en: string }> = {
  laporId: { id: 'ID laporan', en: 'report id' },
  reportedAt: { id: 'tanggal laporan', en: 'report date' },
  title: { id: 'judul', en: 'title' },
  text: { id: 'isi laporan', en: 'report text' },
  class: { id: 'klasifikasi', en: 'classification' },
  category: { id: 'kategori', en: 'category' },
  status: { id: 'status', en: 'status' },
  source: { id: 'sumber', en: 'source' },
  name: { id: 'nama pelapor', en: 'complainant' },
  contact: { id: 'kontak pelapor', en: 'contact' },
  confidential: { id: 'rahasia', en: 'confidential' },
  anonymous: { id: 'anonim', en: 'anonymous' },
  verifiedAt: { id: 'tanggal verifikasi', en: 'verification date' },
};
