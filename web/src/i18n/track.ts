import { defineTexts } from './texts.ts';

/** The citizen's pages for a request and a letter: tracking and verification. */
export const trackTexts = defineTexts({
  trackTitle: { id: 'Lacak permohonan', en: 'Track a request' },
  trackCode: { id: 'Kode permohonan (pada tanda terima)', en: 'Request code (on your receipt)' },
  trackSubmit: { id: 'Lacak', en: 'Track' },
  requestOf: { id: 'Permohonan {name}', en: "{name}'s request" },
  received: { id: 'Diterima', en: 'Received' },
  due: { id: 'Batas waktu', en: 'Due' },
  waiting: {
    id: 'menunggu kelengkapan dari pemohon (sejak {since}); batas waktu dihitung lagi setelah berkas dilengkapi',
    en: 'waiting for your papers (since {since}); the due time is set again once they are complete',
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
