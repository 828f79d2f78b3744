import type { Text } from '../core/i18n.ts';
import type { CyclePeriod, TimeLimitKind } from './standard.schema.ts';

export type ComponentGroup = 'delivery' | 'manufacturing';

/**
 * The 14 components of a Standar Pelayanan (UU 25/2009 Pasal 21; PermenPAN-RB 15/2014), numbered
 * in the regulation's order: 1–6 service delivery, 7–14 manufacturing. Offices' own tables may
 * number them differently (the Sragen seeds print Kompetensi 8, Pengawasan 9, Sarana 10); the
 * number here is the regulation's. `key` is the field under `delivery` or `manufacturing`.
 */
export const Components = [
  { number: 1, group: 'delivery', key: 'requirements', label: { id: 'Persyaratan', en: 'Requirements' } },
  {
    number: 2,
    group: 'delivery',
    key: 'procedure',
    label: { id: 'Sistem, Mekanisme dan Prosedur', en: 'System, mechanism and procedure' },
  },
  {
    number: 3,
    group: 'delivery',
    key: 'timeLimit',
    label: { id: 'Jangka Waktu Penyelesaian', en: 'Time limit' },
  },
  { number: 4, group: 'delivery', key: 'cost', label: { id: 'Biaya/Tarif', en: 'Cost/fee' } },
  {
    number: 5,
    group: 'delivery',
    key: 'products',
    label: { id: 'Produk Pelayanan', en: 'Service products' },
  },
  {
    number: 6,
    group: 'delivery',
    key: 'complaints',
    label: { id: 'Penanganan Pengaduan, Saran dan Masukan', en: 'Complaints, suggestions and feedback' },
  },
  { number: 7, group: 'manufacturing', key: 'legalBasis', label: { id: 'Dasar Hukum', en: 'Legal basis' } },
  {
    number: 8,
    group: 'manufacturing',
    key: 'facilities',
    label: { id: 'Sarana, Prasarana dan/atau Fasilitas', en: 'Facilities and infrastructure' },
  },
  {
    number: 9,
    group: 'manufacturing',
    key: 'competence',
    label: { id: 'Kompetensi Pelaksana', en: 'Staff competence' },
  },
  {
    number: 10,
    group: 'manufacturing',
    key: 'oversight',
    label: { id: 'Pengawasan Internal', en: 'Internal oversight' },
  },
  {
    number: 11,
    group: 'manufacturing',
    key: 'staffing',
    label: { id: 'Jumlah Pelaksana', en: 'Number of staff' },
  },
  {
    number: 12,
    group: 'manufacturing',
    key: 'guarantees',
    label: { id: 'Jaminan Pelayanan', en: 'Service guarantee' },
  },
  {
    number: 13,
    group: 'manufacturing',
    key: 'safety',
    label: { id: 'Jaminan Keamanan dan Keselamatan Pelayanan', en: 'Security and safety guarantee' },
  },
  {
    number: 14,
    group: 'manufacturing',
    key: 'evaluation',
    label: { id: 'Evaluasi Kinerja Pelaksana', en: 'Staff performance evaluation' },
  },
] as const satisfies ReadonlyArray<{
  number: number;
  group: ComponentGroup;
  key: string;
  label: Text;
}>;

export type Component = (typeof Components)[number];
export type ComponentKey = Component['key'];

/** The component stored under `key` (`delivery.<key>` or `manufacturing.<key>`). */
export function componentByKey(key: ComponentKey): Component {
  const c = Components.find((x) => x.key === key);
  if (!c) throw new Error(`unknown component ${key}`);
  return c;
}

export const GroupLabels: Record<ComponentGroup, Text> = {
  delivery: {
    id: 'Proses Penyampaian Pelayanan (Service Delivery)',
    en: 'Service delivery',
  },
  manufacturing: {
    id: 'Proses Pengelolaan Pelayanan di Internal Organisasi (Manufacturing)',
    en: 'Service management within the organisation (manufacturing)',
  },
};

/** The kinds a "jangka waktu" takes in practice (DOMAIN.md §2). */
export const TimeLimitKindLabels: Record<TimeLimitKind, Text> = {
  duration: { id: 'Durasi', en: 'Duration' },
  per_incident: { id: 'Batas per kejadian', en: 'Limit per incident' },
  schedule: { id: 'Jadwal penyaluran', en: 'Payment schedule' },
  cycle: { id: 'Siklus', en: 'Cycle' },
};

/** The period of a `cycle` time limit. */
export const CyclePeriodLabels: Record<CyclePeriod, Text> = {
  budget_year: { id: 'Tahun anggaran', en: 'Budget year' },
  calendar_year: { id: 'Tahun berjalan', en: 'Calendar year' },
};
