import { defineTexts } from './texts.ts';

/** A request's papers: the uploaded documents with their history, the desk's checklist, the receipt. */
export const documentsTexts = defineTexts({
  replace: { id: 'Ganti', en: 'Replace' },
  remove: { id: 'Hapus', en: 'Remove' },
  uploadedBy: { id: 'diunggah {when} oleh {who}', en: 'uploaded {when} by {who}' },
  replacedEntry: { id: 'Diganti', en: 'Replaced' },
  removedEntry: { id: 'Dihapus {when} oleh {who}', en: 'Removed {when} by {who}' },
  history: { id: 'Riwayat berkas', en: 'File history' },
  locked: {
    id: 'Langkah yang memerlukan berkas ini sudah dilewati; berkas tidak dapat diganti atau dihapus.',
    en: 'The step that requires this paper has been left; it can no longer be replaced or removed.',
  },
  removeTitle: { id: 'Hapus berkas?', en: 'Remove the file?' },
  removeBody: {
    id: 'Berkas "{file}" untuk {requirement} tidak lagi dihitung sebagai diterima. Berkas tetap tersimpan di riwayat dan log audit.',
    en: 'The file "{file}" for {requirement} will no longer count as received. It stays in the history and the audit trail.',
  },
  confirmRemove: { id: 'Ya, hapus', en: 'Yes, remove' },
  papersSeen: { id: 'Berkas diperiksa di loket', en: 'Papers checked at the desk' },
  papersSeenBy: { id: 'diperiksa {when} oleh {who}', en: 'checked {when} by {who}' },
  papersSeenNone: { id: 'Tidak ada berkas yang dicentang di loket.', en: 'No paper was ticked at the desk.' },
});
