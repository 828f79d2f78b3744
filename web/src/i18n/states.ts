import { defineTexts } from './texts.ts';

/** A page that is missing, forbidden or unreachable (components/load-error.tsx). */
export const statesTexts = defineTexts({
  notFoundHint: {
    id: 'Alamat {path} tidak ada di Jaring. Mungkin tautannya salah ketik atau halamannya sudah dipindahkan.',
    en: 'There is no page at {path}. The link may be mistyped, or the page has moved.',
  },
  notFoundTitle: { id: 'Data tidak ditemukan', en: 'Not found' },
  forbiddenTitle: {
    id: 'Anda tidak memiliki akses ke halaman ini',
    en: 'You do not have access to this page',
  },
  homePortal: { id: 'Ke beranda portal', en: 'To the portal home' },
  homeStaff: { id: 'Ke beranda petugas', en: 'To the staff home' },
});
