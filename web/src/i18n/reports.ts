import { defineTexts } from './texts.ts';

/** The office's reports: service times against the standards, and the relief cash book. */
export const reportsTexts = defineTexts({
  slaTitle: { id: 'Laporan waktu pelayanan', en: 'Service time report' },
  from: { id: 'Dari', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  noRequests: { id: 'Tidak ada permohonan pada periode ini.', en: 'No requests in this period.' },
  service: { id: 'Layanan', en: 'Service' },
  requests: { id: 'Permohonan', en: 'Requests' },
  closed: { id: 'Selesai', en: 'Closed' },
  breached: { id: 'Melewati batas', en: 'Breached' },
  withinTime: { id: 'Tepat waktu', en: 'Within time' },
  median: { id: 'Median', en: 'Median' },
  p90: { id: 'P90', en: 'P90' },
  pausedCases: { id: 'Menunggu pemohon', en: 'Waited for applicant' },
  pausedCasesHint: {
    id: 'Permohonan yang pernah dikembalikan; jam layanannya berhenti selama menunggu.',
    en: 'Requests returned at least once; their clock stopped while waiting.',
  },
  pausedTotal: { id: 'Waktu tunggu (jam kerja)', en: 'Waiting time (office hours)' },
  pausedMedian: { id: 'Median tunggu', en: 'Median wait' },
  withinTimeHint: {
    id: 'Terhadap batas waktu yang digeser oleh waktu menunggu pemohon.',
    en: 'Against the due time moved by the time waiting for the applicant.',
  },
  minutes: { id: '{n} mnt', en: '{n} min' },
  hours: { id: '{n} jam', en: '{n} h' },
  cashBookTitle: { id: 'Buku kas bantuan kehabisan bekal', en: 'Stranded-traveller cash book' },
  tariffs: { id: 'Tarif per kelas jarak', en: 'Tariff per distance class' },
  class_dalam_provinsi: { id: 'Dalam provinsi', en: 'Within the province' },
  class_antar_provinsi: { id: 'Antar provinsi', en: 'Another province' },
  class_antar_pulau: { id: 'Antar pulau', en: 'Across islands' },
  recipient: { id: 'Penerima', en: 'Recipient' },
  route: { id: 'Rute', en: 'Route' },
  amount: { id: 'Jumlah', en: 'Amount' },
  receipt: { id: 'Kwitansi', en: 'Receipt' },
  total: { id: 'Jumlah', en: 'Total' },
});
