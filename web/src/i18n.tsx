import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Lang = 'id' | 'en';
export interface Text {
  id: string;
  en: string;
}

/** Interface strings; Indonesian first. */
const dict = {
  appTagline: { id: 'Layanan publik Dinas Sosial', en: 'Public services of social offices' },
  portalTitle: { id: 'Standar Pelayanan Dinas Sosial', en: 'Service standards of social offices' },
  portalIntro: {
    id: 'Setiap layanan dijalankan menurut Standar Pelayanan yang terbuka untuk umum (UU 25/2009): persyaratan, prosedur, waktu, biaya, produk dan cara mengadu. Pilih kantor untuk melihat layanannya.',
    en: 'Every service runs by a public Service Standard (Law 25/2009): requirements, procedure, time, cost, product and how to complain. Choose an office to see its services.',
  },
  services: { id: 'layanan', en: 'services' },
  noUnits: { id: 'Belum ada kantor yang menerbitkan layanan.', en: 'No office has published services yet.' },
  noServices: {
    id: 'Kantor ini belum menerbitkan standar pelayanan.',
    en: 'This office has not published any service standard yet.',
  },
  level_province: { id: 'Provinsi', en: 'Province' },
  level_regency: { id: 'Kabupaten', en: 'Regency' },
  level_city: { id: 'Kota', en: 'City' },
  servicesOf: { id: 'Layanan', en: 'Services' },
  timeLimit: { id: 'Jangka waktu', en: 'Time limit' },
  documentNumber: { id: 'Nomor dokumen', en: 'Document number' },
  revision: { id: 'Revisi', en: 'Revision' },
  effectiveDate: { id: 'Tanggal efektif', en: 'Effective date' },
  division: { id: 'Bidang', en: 'Division' },
  downloadPdf: { id: 'Unduh PDF', en: 'Download PDF' },
  print: { id: 'Cetak', en: 'Print' },
  maklumat: { id: 'Maklumat Pelayanan', en: 'Service pledge' },
  complaintsBox: {
    id: 'Sampaikan pengaduan, saran dan masukan',
    en: 'Send a complaint, suggestion or feedback',
  },
  officer: { id: 'Pejabat Pengelola Pengaduan', en: 'Complaint officer' },
  handler: { id: 'Petugas pengaduan', en: 'Complaint desk' },
  revisions: { id: 'Riwayat revisi', en: 'Revision history' },
  inForce: { id: 'berlaku', en: 'in force' },
  notInForce: { id: 'tidak berlaku', en: 'superseded' },
  appliesTo: { id: 'Untuk', en: 'For' },
  kind_document: { id: 'dokumen', en: 'document' },
  kind_condition: { id: 'syarat', en: 'condition' },
  kind_data: { id: 'data', en: 'data' },
  free: { id: 'Gratis', en: 'Free' },
  back: { id: 'Kembali', en: 'Back' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  loadError: { id: 'Data tidak dapat dimuat.', en: 'The data could not be loaded.' },
  signIn: { id: 'Masuk petugas', en: 'Staff sign-in' },
  signInTitle: { id: 'Masuk sebagai petugas', en: 'Sign in as staff' },
  username: { id: 'Nama pengguna', en: 'User name' },
  password: { id: 'Kata sandi', en: 'Password' },
  submitSignIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  unit: { id: 'Unit', en: 'Office' },
  roles: { id: 'Peran', en: 'Roles' },
  soon: { id: 'segera', en: 'soon' },
  switchUnit: { id: 'Ganti unit', en: 'Switch office' },
  standardsStaff: { id: 'Standar Pelayanan unit', en: 'Office service standards' },
  upload: { id: 'Unggah standar baru atau revisi (YAML)', en: 'Upload a new or revised standard (YAML)' },
  uploadFile: { id: 'Berkas YAML', en: 'YAML file' },
  orPaste: { id: 'atau tempel isi YAML', en: 'or paste the YAML' },
  publish: { id: 'Periksa dan terbitkan', en: 'Check and publish' },
  published: { id: 'Standar diterbitkan', en: 'Standard published' },
  problems: { id: 'Masalah yang ditemukan', en: 'Problems found' },
  uploadedBy: { id: 'oleh pengguna', en: 'by user' },
  publishedAt: { id: 'Diterbitkan', en: 'Published' },
  account: { id: 'Akun Saya', en: 'My account' },
  changePassword: { id: 'Ganti kata sandi', en: 'Change password' },
  currentPassword: { id: 'Kata sandi sekarang', en: 'Current password' },
  newPassword: { id: 'Kata sandi baru', en: 'New password' },
  repeatPassword: { id: 'Ulangi kata sandi baru', en: 'Repeat new password' },
  passwordTooShort: { id: 'Minimal 10 karakter', en: 'At least 10 characters' },
  passwordMismatch: { id: 'Kata sandi baru tidak sama', en: 'The new passwords differ' },
  passwordChanged: {
    id: 'Kata sandi diganti. Sesi lain telah dikeluarkan.',
    en: 'Password changed. Other sessions were signed out.',
  },
  save: { id: 'Simpan', en: 'Save' },
  totpCode: { id: 'Kode autentikator', en: 'Authenticator code' },
  totpCodeHint: {
    id: '6 angka dari aplikasi autentikator, atau satu kode pemulihan',
    en: '6 digits from your authenticator app, or one recovery code',
  },
  totpTitle: { id: 'Aplikasi autentikator (TOTP)', en: 'Authenticator app (TOTP)' },
  totpIntro: {
    id: 'Langkah kedua saat masuk: selain kata sandi, kode 6 angka dari aplikasi di ponsel Anda (Google Authenticator, Aegis, FreeOTP dan sejenisnya).',
    en: 'A second step at sign-in: besides the password, a 6-digit code from an app on your phone (Google Authenticator, Aegis, FreeOTP and the like).',
  },
  totpOn: { id: 'Aktif', en: 'On' },
  totpOff: { id: 'Belum aktif', en: 'Off' },
  totpStart: { id: 'Aktifkan autentikator', en: 'Set up an authenticator' },
  totpScan: {
    id: 'Pindai kode QR ini dengan aplikasi autentikator, atau ketik kunci di bawahnya. Lalu masukkan kode yang muncul.',
    en: 'Scan this QR code with your authenticator app, or type the key below it. Then enter the code it shows.',
  },
  totpKey: { id: 'Kunci', en: 'Key' },
  totpConfirm: { id: 'Konfirmasi dan aktifkan', en: 'Confirm and turn on' },
  totpRecoveryTitle: { id: 'Kode pemulihan', en: 'Recovery codes' },
  totpRecoveryNote: {
    id: 'Simpan kode-kode ini di tempat aman. Jika ponsel hilang, masing-masing dapat dipakai sekali sebagai pengganti kode autentikator. Kode ini tidak akan ditampilkan lagi.',
    en: 'Keep these codes somewhere safe. If you lose your phone, each works once instead of an authenticator code. They will not be shown again.',
  },
  totpDisable: { id: 'Nonaktifkan autentikator', en: 'Turn the authenticator off' },
  totpRequiredNote: {
    id: 'Unit Anda mewajibkan aplikasi autentikator untuk peran Anda. Aktifkan sekarang untuk dapat bekerja.',
    en: 'Your office requires an authenticator app for your role. Set it up now to continue working.',
  },
  unitSecurity: { id: 'Keamanan unit', en: 'Office security' },
  unitRequireTotp: {
    id: 'Wajibkan aplikasi autentikator untuk administrator dan kepala dinas unit ini',
    en: 'Require an authenticator app for administrators and the head of this office',
  },
  sessionsTitle: { id: 'Sesi aktif', en: 'Active sessions' },
  sessionsIntro: {
    id: 'Perangkat dan peramban tempat akun Anda sedang masuk. Keluarkan sesi yang tidak Anda kenali, lalu ganti kata sandi.',
    en: 'Devices and browsers where your account is signed in. Sign out any session you do not recognise, then change your password.',
  },
  sessionCreated: { id: 'Masuk', en: 'Signed in' },
  sessionLastSeen: { id: 'Terakhir aktif', en: 'Last active' },
  sessionAddress: { id: 'Alamat', en: 'Address' },
  sessionAgent: { id: 'Peramban', en: 'Browser' },
  sessionCurrent: { id: 'sesi ini', en: 'this session' },
  sessionSignOut: { id: 'Keluarkan', en: 'Sign out' },
  sessionSignOutOthers: { id: 'Keluarkan semua sesi lain', en: 'Sign out all other sessions' },
  sessionsOthersDone: { id: 'sesi lain dikeluarkan', en: 'other sessions signed out' },
  staffArea: { id: 'Ruang kerja petugas', en: 'Staff workspace' },
  publicPortal: { id: 'Portal publik', en: 'Public portal' },
  notFound: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  track: { id: 'Lacak permohonan', en: 'Track a request' },
  scanQr: { id: 'Pindai untuk membuka halaman ini', en: 'Scan to open this page' },
} satisfies Record<string, Text>;

export type Key = keyof typeof dict;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key): string;
  pick(text: Text): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('jaring.lang') : null;
  return saved === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('jaring.lang', l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key) => dict[key][lang], pick: (text) => text[lang] }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('I18nProvider missing');
  return ctx;
}

export function currentLang(): Lang {
  return initialLang();
}
