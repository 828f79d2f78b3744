import { defineTexts } from './texts.ts';

/** The shell's texts and those every page shares. */
export const commonTexts = defineTexts({
  appTagline: { id: 'Layanan publik Dinas Sosial', en: 'Public services of social offices' },
  skipToContent: { id: 'Langsung ke isi halaman', en: 'Skip to content' },
  languageSwitch: { id: 'Bahasa / Language', en: 'Bahasa / Language' },
  track: { id: 'Lacak permohonan', en: 'Track a request' },
  trackShort: { id: 'Lacak', en: 'Track' },
  signIn: { id: 'Masuk petugas', en: 'Staff sign-in' },
  signInShort: { id: 'Masuk', en: 'Sign in' },
  notFound: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  back: { id: 'Kembali', en: 'Back' },
  closeDialog: { id: 'Tutup', en: 'Close' },
  clearField: { id: 'Kosongkan isian', en: 'Clear the field' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  loading: { id: 'memuat', en: 'loading' },
  loadError: { id: 'Data tidak dapat dimuat.', en: 'The data could not be loaded.' },
  networkError: { id: 'Tidak dapat terhubung ke server.', en: 'Cannot reach the server.' },
  save: { id: 'Simpan', en: 'Save' },
  cancel: { id: 'Batal', en: 'Cancel' },
  print: { id: 'Cetak', en: 'Print' },
  status: { id: 'Status', en: 'Status' },
  date: { id: 'Tanggal', en: 'Date' },
});
