import { defineTexts } from './texts.ts';

/** What the one who acts on a request reads before acting: recorded fields, scans, previews, confirmation. */
export const approverTexts = defineTexts({
  recordedTitle: { id: 'Yang dicatat pada langkah sebelumnya', en: 'Recorded at earlier steps' },
  recordedBy: { id: '{action} · {who} · {at}', en: '{action} · {who} · {at}' },
  unknownUser: { id: 'petugas', en: 'officer' },
  openDocument: { id: 'Lihat', en: 'View' },
  openInTab: { id: 'Buka di tab baru', en: 'Open in a new tab' },
  documentTitle: { id: '{requirement}: {file}', en: '{requirement}: {file}' },
  close: { id: 'Tutup', en: 'Close' },
  confirmTitle: { id: 'Konfirmasi: {action}', en: 'Confirm: {action}' },
  confirmDo: { id: 'Ya, {action}', en: 'Yes, {action}' },
  willForward: {
    id: 'Permohonan diteruskan ke langkah: {step}.',
    en: 'The request moves on to the step: {step}.',
  },
  willComplete: { id: 'Permohonan diselesaikan dan ditutup.', en: 'The request is completed and closed.' },
  willReject: {
    id: 'Permohonan ditolak dan ditutup. Alasan yang dicatat: {reason}',
    en: 'The request is refused and closed. The reason recorded: {reason}',
  },
  willWithdraw: {
    id: 'Permohonan dibatalkan dan ditutup tanpa dilayani. Alasan yang dicatat: {reason}',
    en: 'The request is withdrawn and closed unserved. The reason recorded: {reason}',
  },
  noReasonYet: { id: '(belum diisi)', en: '(not given yet)' },
  willIssueLetter: {
    id: 'Surat "{title}" diterbitkan dengan nomor agenda berikutnya dan ditandatangani atas nama Anda, {signer}. Surat yang sudah terbit tidak dapat ditarik.',
    en: 'The letter "{title}" is issued with the next agenda number and signed in your name, {signer}. An issued letter cannot be withdrawn.',
  },
  letterPreview: { id: 'Pratinjau surat', en: 'Letter preview' },
  letterPreviewHint: {
    id: 'Contoh surat seperti akan diterbitkan, bertanda CONTOH / PRATINJAU, tanpa nomor agenda.',
    en: 'The letter as it would be issued, marked CONTOH / PRATINJAU, without an agenda number.',
  },
  payoutTitle: { id: 'Bantuan yang akan dibayarkan', en: 'Aid to be paid' },
  payoutAmount: { id: 'Jumlah', en: 'Amount' },
  payoutClass: { id: 'Kelas jarak', en: 'Distance class' },
  payoutLeg: { id: 'Dibayar untuk perjalanan', en: 'Paid for the trip' },
  payoutDestination: { id: 'Tujuan akhir', en: 'Final destination' },
  payoutIncomplete: {
    id: 'Lengkapi daerah asal dan tujuan akhir untuk melihat jumlah yang dibayarkan.',
    en: 'Fill in the origin and the final destination to see the amount paid.',
  },
  payoutNoTariff: {
    id: 'Tarif untuk kelas jarak ini belum diatur; bantuan tidak dapat dibayarkan.',
    en: 'No tariff is set for this distance class; the aid cannot be paid.',
  },
  'class.dalam_provinsi': { id: 'Dalam provinsi', en: 'Within the province' },
  'class.antar_provinsi': { id: 'Antar provinsi', en: 'To another province' },
  'class.antar_pulau': { id: 'Antar pulau', en: 'To another island' },
  repeatReason: { id: 'Alasan membayar klaim berulang', en: 'Reason for paying a repeat claim' },
  repeatReasonHint: {
    id: 'Wajib: pemohon ini sudah pernah menerima bantuan. Alasan dicatat dalam jejak audit.',
    en: 'Required: this applicant was paid before. The reason is kept in the audit trail.',
  },
  repeatReasonRecorded: {
    id: 'Klaim berulang dibayar, alasan: {reason}',
    en: 'Repeat claim paid, reason: {reason}',
  },
});
