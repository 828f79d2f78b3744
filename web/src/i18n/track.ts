import { defineTexts } from './texts.ts';

/** The citizen's pages for a request and a letter: tracking and verification. */
export const trackTexts = defineTexts({
  trackTitle: { id: 'Lacak permohonan', en: 'Track a request' },
  complainAboutCase: {
    id: 'Ada keluhan tentang permohonan ini? Sampaikan pengaduan',
    en: 'A problem with this request? Make a complaint',
  },
  trackCode: { id: 'Kode permohonan (pada tanda terima)', en: 'Request code (on your receipt)' },
  trackSubmit: { id: 'Lacak', en: 'Track' },
  requestOf: { id: 'Permohonan {name}', en: "{name}'s request" },
  received: { id: 'Diterima', en: 'Received' },
  due: { id: 'Batas waktu', en: 'Due' },
  waiting: {
    id: 'menunggu kelengkapan dari pemohon (sejak {since}); batas waktu dihitung lagi setelah berkas dilengkapi',
    en: 'waiting for your papers (since {since}); the due time is set again once they are complete',
  },
  trackNotFound: { id: 'Kode tidak ditemukan', en: 'Code not found' },
  trackNotFoundNote: {
    id: 'Periksa kode pada tanda terima Anda (10 huruf dan angka, misalnya K7MQ2-XW9PD), perbaiki di bawah, lalu lacak lagi.',
    en: 'Check the code on your receipt (10 letters and digits, e.g. K7MQ2-XW9PD), correct it below and track again.',
  },
  trackFailed: { id: 'Status permohonan tidak dapat dimuat', en: 'The request could not be loaded' },
  openReview: { id: 'Sedang diperiksa petugas', en: 'Being reviewed by the office' },
  openReviewNote: {
    id: 'Anda tidak perlu melakukan apa pun sekarang. Bila ada yang kurang, halaman ini akan memberi tahu Anda.',
    en: 'You need not do anything now. If something is missing, this page will tell you.',
  },
  openDue: { id: 'Perkiraan selesai: {due}', en: 'Expected by: {due}' },
  returnedTitle: { id: 'Menunggu kelengkapan dari Anda', en: 'Waiting for you to complete your papers' },
  returnedAsk: { id: 'Yang perlu Anda lengkapi: {reason}', en: 'What you need to complete: {reason}' },
  returnedNote: {
    id: 'Bawa kekurangan tersebut beserta tanda terima Anda ke kantor pada jam layanan. Batas waktu dihitung lagi setelah berkas lengkap.',
    en: 'Bring what is missing with your receipt to the office during its hours. The due time is set again once your papers are complete.',
  },
  readyTitle: { id: 'Surat Anda siap diambil', en: 'Your letter is ready to collect' },
  readyNote: {
    id: 'Ambil di kantor pada jam layanan dengan membawa tanda terima dan KTP Anda.',
    en: 'Collect it at the office during its hours; bring your receipt and your identity card.',
  },
  doneTitle: { id: 'Permohonan selesai', en: 'Request completed' },
  doneLetter: {
    id: 'Surat telah diterbitkan dan diserahkan. Bila Anda belum menerimanya atau ada pertanyaan, hubungi kantor.',
    en: 'The letter has been issued and handed over. If you have not received it or have a question, contact the office.',
  },
  doneService: {
    id: 'Layanan telah diberikan. Bila ada pertanyaan, hubungi kantor.',
    en: 'The service has been given. If you have a question, contact the office.',
  },
  rejectedTitle: { id: 'Permohonan tidak dapat dipenuhi', en: 'The request cannot be granted' },
  rejectedReason: { id: 'Alasan: {reason}', en: 'Reason: {reason}' },
  rejectedNote: {
    id: 'Bila Anda tidak setuju, Anda dapat menyampaikan pengaduan kepada kantor.',
    en: 'If you disagree, you can lodge a complaint with the office.',
  },
  withdrawnTitle: { id: 'Permohonan dibatalkan', en: 'The request was withdrawn' },
  withdrawnNote: {
    id: 'Permohonan ditutup tanpa dilayani. Bila pembatalan ini tidak Anda kehendaki, hubungi kantor.',
    en: 'The request was closed without being served. If you did not want it withdrawn, contact the office.',
  },
  officeHours: { id: 'Jam layanan', en: 'Office hours' },
  officeClosed: {
    id: 'Tutup pada hari lain dan hari libur.',
    en: 'Closed on other days and on public holidays.',
  },
  phone: { id: 'Telepon', en: 'Phone' },
  progress: { id: 'Tahapan', en: 'Progress' },
  stepIntake: { id: 'Pemeriksaan berkas di loket', en: 'Papers checked at the counter' },
  stepReview: { id: 'Diproses petugas', en: 'Handled by an officer' },
  stepApproval: { id: 'Persetujuan dan tanda tangan pejabat', en: 'Approval and signature by an official' },
  stepHandover: { id: 'Penyerahan kepada Anda', en: 'Handed over to you' },
  stepOffice: { id: 'Diproses kantor', en: 'Handled by the office' },
  verifyFormTitle: { id: 'Periksa keaslian surat', en: 'Check a letter' },
  verifyCode: {
    id: 'Kode verifikasi atau alamatnya (tercetak pada surat, di dekat kode QR)',
    en: 'Verification code or its address (printed on the letter, next to the QR code)',
  },
  verifyLink: { id: 'Periksa keaslian surat tanpa kode QR', en: 'Check a letter without its QR code' },
  verifySubmit: { id: 'Periksa', en: 'Check' },
  verifyNotFound: { id: 'Surat tidak ditemukan', en: 'Letter not found' },
  verifyNotFoundNote: {
    id: 'Tidak ada surat dengan kode ini. Periksa kode pada surat (huruf besar dan kecil dibedakan), perbaiki di bawah, lalu periksa lagi.',
    en: 'No letter has this code. Check the code on the letter (capitals matter), correct it below and check again.',
  },
  verifyTitle: { id: 'Verifikasi surat', en: 'Letter verification' },
  onRecord: { id: 'Surat ini terdaftar', en: 'This letter is on record' },
  number: { id: 'Nomor', en: 'Number' },
  unit: { id: 'Unit', en: 'Unit' },
  product: { id: 'Produk', en: 'Product' },
  signedBy: { id: 'Penanda tangan', en: 'Signed by' },
  checkFile: { id: 'Periksa berkas yang Anda terima', en: 'Check the file you received' },
  match: { id: 'COCOK', en: 'MATCH' },
  matchSigned: {
    id: 'Berkas ini sama dengan pindaian surat yang telah ditandatangani.',
    en: 'This file is the signed scan of the letter.',
  },
  matchIssued: {
    id: 'Berkas ini sama dengan surat yang diterbitkan.',
    en: 'This file is the letter as issued.',
  },
  replaced: { id: 'DIGANTI', en: 'REPLACED' },
  replacedNote: {
    id: 'Berkas ini pindaian lama surat ini; pada {date} kantor menggantinya dengan pindaian baru.',
    en: 'This file is an earlier scan of this letter; on {date} the office replaced it with a newer scan.',
  },
  noMatch: { id: 'TIDAK COCOK', en: 'NO MATCH' },
  noMatchNote: {
    id: 'Berkas ini BUKAN surat yang diterbitkan (isinya berbeda).',
    en: 'This file is NOT the letter as issued (its content differs).',
  },
});
