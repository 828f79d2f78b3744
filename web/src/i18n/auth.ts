import { defineTexts } from './texts.ts';

/** Signing in and one's own account: password, authenticator app, sessions. */
export const authTexts = defineTexts({
  signInTitle: { id: 'Masuk sebagai petugas', en: 'Sign in as staff' },
  username: { id: 'Nama pengguna', en: 'User name' },
  password: { id: 'Kata sandi', en: 'Password' },
  submitSignIn: { id: 'Masuk', en: 'Sign in' },
  totpCode: { id: 'Kode autentikator', en: 'Authenticator code' },
  totpCodeHint: {
    id: '6 angka dari aplikasi autentikator, atau satu kode pemulihan',
    en: '6 digits from your authenticator app, or one recovery code',
  },
  signOut: { id: 'Keluar', en: 'Sign out' },
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
});
