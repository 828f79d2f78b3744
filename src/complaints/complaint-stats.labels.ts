/** The names of the complaint statistics' groups and columns, shared by the XLSX and the PDF. */
import type { ComplaintChannel, ComplaintClass, ComplaintStatus } from './complaints.tables.ts';

export type Pair = { id: string; en: string };

export const channelNames: Record<ComplaintChannel, Pair> = {
  form: { id: 'Formulir daring', en: 'Online form' },
  in_person: { id: 'Tatap muka', en: 'In person' },
  box: { id: 'Kotak pengaduan', en: 'Complaint box' },
  sms_whatsapp: { id: 'SMS/WhatsApp', en: 'SMS/WhatsApp' },
  phone: { id: 'Telepon', en: 'Phone' },
  email: { id: 'Surel', en: 'E-mail' },
  lapor: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  website: { id: 'Situs web', en: 'Website' },
  instagram: { id: 'Instagram', en: 'Instagram' },
  open311: { id: 'Open311 (aplikasi mitra)', en: 'Open311 (partner app)' },
};
export const classNames: Record<ComplaintClass, Pair> = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint' },
  aspirasi: { id: 'Aspirasi', en: 'Suggestion' },
  permintaan_informasi: { id: 'Permintaan informasi', en: 'Request for information' },
};
export const statusNames: Record<ComplaintStatus, Pair> = {
  received: { id: 'Diterima', en: 'Received' },
  incomplete: { id: 'Belum lengkap', en: 'Incomplete' },
  complete: { id: 'Lengkap', en: 'Complete' },
  decided: { id: 'Diputuskan', en: 'Decided' },
  delivered: { id: 'Keputusan disampaikan', en: 'Decision delivered' },
  withdrawn: { id: 'Dianggap dicabut', en: 'Deemed withdrawn' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};

export const words = {
  title: {
    id: 'Statistik pengaduan (UU 25/2009 Pasal 37 ayat 3)',
    en: 'Complaint statistics (Law 25/2009 art. 37(3))',
  },
  period: { id: 'Bulan diterima', en: 'Months received' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  service: { id: 'Per layanan', en: 'By service' },
  channel: { id: 'Per saluran', en: 'By channel' },
  class: { id: 'Per jenis', en: 'By kind' },
  status: { id: 'Per status', en: 'By status' },
  month: { id: 'Per bulan', en: 'By month' },
  noService: { id: '(tanpa layanan)', en: '(no service)' },
  group: { id: 'Kelompok', en: 'Group' },
  received: { id: 'Diterima', en: 'Received' },
  complete: { id: 'Lengkap', en: 'Complete' },
  decided: { id: 'Diputuskan', en: 'Decided' },
  decidedInTime: { id: 'Diputuskan tepat waktu', en: 'Decided in time' },
  median: { id: 'Median hari sampai keputusan', en: 'Median days to decision' },
  p90: { id: 'P90 hari sampai keputusan', en: 'P90 days to decision' },
  transferred: { id: 'Dialihkan', en: 'Transferred' },
  withdrawn: { id: 'Dianggap dicabut', en: 'Deemed withdrawn' },
} satisfies Record<string, Pair>;

/** The words of the PDF beyond the workbook's. */
export const pdfWords = {
  heading: { id: 'STATISTIK PENGADUAN', en: 'COMPLAINT STATISTICS' },
  basis: {
    id: 'Menurut Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, Pasal 37 ayat (3)',
    en: 'Following Law No. 25 of 2009 on Public Services, article 37(3)',
  },
  periodOf: { id: 'Periode penerimaan', en: 'Period of receipt' },
  timeZone: { id: 'Zona waktu', en: 'Time zone' },
  note: {
    id: 'Termasuk pengaduan yang dialihkan ke unit lain. Lama sampai keputusan dalam hari kalender sejak diterima; tepat waktu: diputuskan sebelum batas Pasal 50 ayat (1).',
    en: 'Transferred complaints included. Time to decision in calendar days from receipt; in time: decided by the due date of article 50(1).',
  },
  total: { id: 'Jumlah seluruhnya', en: 'Totals' },
  printed: { id: 'Dicetak {date}', en: 'Printed {date}' },
  headFallback: { id: 'Kepala Dinas', en: 'Head of Office' },
  none: { id: 'Tidak ada pengaduan.', en: 'No complaint.' },
} satisfies Record<string, Pair>;
