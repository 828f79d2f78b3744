import { defineTexts } from './texts.ts';

/** The administrator's page of Open311 clients and their API keys. */
export const open311Texts = defineTexts({
  open311Title: { id: 'Open311: aplikasi mitra', en: 'Open311: partner apps' },
  open311Intro: {
    id: 'Aplikasi mitra (portal kota, aplikasi warga) dapat membaca layanan dan status pengaduan unit ini, dan mengirim pengaduan, melalui standar terbuka Open311 GeoReport v2. Setiap aplikasi memakai kunci API sendiri. Kunci hanya ditampilkan sekali, saat dibuat, dan dapat dicabut kapan saja; pengaduan yang sudah dikirim tetap tercatat.',
    en: "Partner apps (a city portal, a citizens' app) can read this unit's services and complaint statuses, and send complaints, through the open Open311 GeoReport v2 standard. Each app uses its own API key. A key is shown once, when it is made, and can be revoked at any time; the complaints already sent stay on record.",
  },
  open311Endpoint: { id: 'Alamat layanan', en: 'Endpoint' },
  open311Jurisdiction: { id: 'jurisdiction_id unit ini', en: "This unit's jurisdiction_id" },
  open311Public: {
    id: 'Pembacaan bersifat publik dan tidak pernah memuat nama atau kontak pengadu; isi pengaduan hanya tampil bila dikirim lewat Open311 dan tidak dirahasiakan.',
    en: "Reading is public and never shows a complainant's name or contact; a complaint's text is shown only when it came through Open311 and is not confidential.",
  },
  open311Clients: { id: 'Aplikasi dan kuncinya', en: 'Apps and their keys' },
  open311NoClients: { id: 'Belum ada aplikasi mitra.', en: 'No partner apps yet.' },
  open311Name: { id: 'Nama aplikasi', en: 'App name' },
  open311Prefix: { id: 'Awal kunci', en: 'Key begins' },
  open311Created: { id: 'Dibuat', en: 'Created' },
  open311CreatedBy: { id: 'oleh {name}', en: 'by {name}' },
  open311LastUsed: { id: 'Terakhir dipakai', en: 'Last used' },
  open311Never: { id: 'belum pernah', en: 'never' },
  open311Requests: { id: 'Pengaduan terkirim', en: 'Complaints sent' },
  open311State: { id: 'Keadaan', en: 'State' },
  open311Active: { id: 'Aktif', en: 'Active' },
  open311RevokedAt: { id: 'Dicabut {date}', en: 'Revoked {date}' },
  open311Revoke: { id: 'Cabut kunci', en: 'Revoke key' },
  open311RevokeLabel: { id: 'Cabut kunci {name}', en: 'Revoke the key of {name}' },
  open311ConfirmRevoke: {
    id: 'Cabut kunci {name}? Aplikasi itu tidak dapat lagi mengirim pengaduan.',
    en: 'Revoke the key of {name}? The app can no longer send complaints.',
  },
  open311Issue: { id: 'Buat kunci untuk aplikasi baru', en: 'Make a key for a new app' },
  open311IssueButton: { id: 'Buat kunci', en: 'Make key' },
  open311NewKey: { id: 'Kunci API untuk {name}', en: 'API key for {name}' },
  open311CopyNow: {
    id: 'Salin dan serahkan kunci ini sekarang: kunci tidak akan ditampilkan lagi. Yang disimpan hanya sidik (hash)-nya.',
    en: 'Copy and hand over this key now: it will not be shown again. Only its hash is kept.',
  },
  open311Copy: { id: 'Salin', en: 'Copy' },
  open311Copied: { id: 'Tersalin', en: 'Copied' },
  open311Done: { id: 'Sudah saya salin', en: 'I have copied it' },
});
