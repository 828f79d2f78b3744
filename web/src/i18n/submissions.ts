import { defineTexts } from './texts.ts';

/** A regency office's requests to the province, and where a case came from (issue 16). */
export const submissionTexts = defineTexts({
  originOffice: { id: 'Diajukan oleh: {office}', en: 'Submitted by: {office}' },
  originDesk: { id: 'Diterima di loket (kertas)', en: 'Received at the desk (on paper)' },

  submitTitle: {
    id: 'Ajukan permohonan bantuan logistik ke Provinsi',
    en: 'Request relief supplies from the province',
  },
  submitTo: { id: '{from} → {to}', en: '{from} → {to}' },
  submitIntro: {
    id: 'Permohonan dari masyarakat, posko, desa/kelurahan atau kecamatan di wilayah Anda, diketahui dinas sosial kabupaten/kota, dikirim ke {office}. Provinsi memeriksa berkas, menelaah kebutuhan, lalu mengirim bantuan dengan surat jalan dan berita acara serah terima (BAST).',
    en: 'A request of a community, post, village or district in your area, endorsed by your office, sent to {office}. The province checks the papers, reviews the needs, then ships the goods with a delivery note and a handover record (BAST).',
  },
  noEmergency: {
    id: 'Belum ada status tanggap darurat aktif dari {office} untuk {area}. Permohonan hanya dapat diterima untuk wilayah dalam status tanggap darurat.',
    en: '{office} has no active emergency over {area}. A request can only be accepted for an area under an emergency.',
  },
  activeEmergencies: { id: 'Status tanggap darurat aktif', en: 'Active emergencies' },
  emergencyLine: {
    id: '{disaster} · {areas} · berlaku sampai {endsOn}',
    en: '{disaster} · {areas} · in force until {endsOn}',
  },
  applicantName: {
    id: 'Pemohon (masyarakat, posko, desa/kelurahan atau kecamatan)',
    en: 'Applicant (community, post, village or district)',
  },
  applicantPhone: { id: 'Nomor telepon pemohon', en: 'Applicant’s phone number' },
  area: { id: 'Wilayah terdampak', en: 'Affected area' },
  wholeArea: { id: 'Seluruh {area}', en: 'All of {area}' },
  description: { id: 'Uraian kejadian dan kebutuhan', en: 'What happened and what is needed' },
  priority: { id: 'Prioritas', en: 'Priority' },
  priorityHint: {
    id: 'Menentukan batas waktu keputusan Kepala Bidang di Provinsi; bila tidak dipilih: {default}.',
    en: 'Sets when the province’s Kepala Bidang must decide; when not chosen: {default}.',
  },
  priorityOption: {
    id: '{label} (keputusan dalam {hours} jam)',
    en: '{label} (decision within {hours} hours)',
  },
  descriptionHint: {
    id: 'Misalnya jumlah rumah dan jiwa terdampak, lokasi pengungsian, barang yang paling dibutuhkan.',
    en: 'E.g. houses and people affected, where people shelter, the goods most needed.',
  },
  papersTitle: { id: 'Berkas permohonan', en: 'Papers of the request' },
  papersHint: {
    id: 'PDF, JPEG atau PNG, paling besar 10 MB. Berkas yang belum dilampirkan dapat dikirim kemudian dari halaman pengajuan, selama provinsi belum memprosesnya.',
    en: 'PDF, JPEG or PNG, up to 10 MB. A paper not attached now can be sent later from the request’s page, until the province takes it on.',
  },
  choosePaper: { id: 'Pilih berkas', en: 'Choose a file' },
  submit: { id: 'Ajukan ke Provinsi', en: 'Submit to the province' },
  uploadFailed: {
    id: 'Permohonan {code} sudah diajukan, tetapi berkas "{paper}" gagal dikirim: {message}',
    en: 'Request {code} was submitted, but the paper "{paper}" could not be sent: {message}',
  },
  openSubmission: { id: 'Buka pengajuan', en: 'Open the request' },

  listTitle: { id: 'Pengajuan ke Provinsi', en: 'Requests to the province' },
  newSubmission: { id: 'Ajukan permohonan baru', en: 'New request' },
  listEmpty: {
    id: 'Kantor Anda belum mengajukan permohonan.',
    en: 'Your office has not submitted a request yet.',
  },
  currentStep: { id: 'Langkah sekarang', en: 'Current step' },
  submittedOn: { id: 'Diajukan {date}', en: 'Submitted {date}' },
  ageDays: { id: 'umur {n} hari', en: '{n} days old' },
  ageToday: { id: 'diajukan hari ini', en: 'submitted today' },
  closedOn: { id: 'selesai {date}', en: 'closed {date}' },
  lettersFromProvince: { id: 'Surat dari provinsi', en: 'Papers from the province' },
  signedScan: { id: 'Pindaian bertanda tangan', en: 'Signed scan' },
  verify: { id: 'Verifikasi', en: 'Verify' },
  more: { id: 'Tampilkan lebih banyak', en: 'Show more' },

  backToList: { id: 'Pengajuan ke Provinsi', en: 'Requests to the province' },
  sentTo: { id: 'Diajukan ke {office} · {service}', en: 'Submitted to {office} · {service}' },
  handledBy: { id: 'ditangani {role}', en: 'handled by {role}' },
  finished: { id: 'Selesai', en: 'Finished' },
  steps: { id: 'Tahapan di provinsi', en: 'Steps at the province' },
  history: { id: 'Riwayat', en: 'History' },
  builtIn_open: { id: 'Diajukan oleh kantor Anda', en: 'Submitted by your office' },
  builtIn_claim: { id: 'Diambil petugas', en: 'Taken up by an officer' },
  builtIn_resume: { id: 'Dilanjutkan', en: 'Resumed' },
  yourNote: { id: 'Uraian yang diajukan', en: 'What you wrote' },
  papersSent: { id: 'Berkas diterima', en: 'Papers received' },
  bySubmitter: { id: 'dikirim kantor Anda', en: 'sent by your office' },
  byProvince: { id: 'diterima provinsi', en: 'received by the province' },
  papersMissing: { id: 'Berkas yang masih kurang', en: 'Papers still missing' },
  sendPaper: { id: 'Kirim berkas', en: 'Send the paper' },
  noLetters: {
    id: 'Surat jalan dan BAST akan tampil di sini setelah provinsi mengirim bantuan.',
    en: 'The delivery note and the BAST will show here once the province ships the goods.',
  },
  readOnly: {
    id: 'Permohonan ini diproses oleh provinsi; kantor Anda dapat mengikuti perkembangannya di sini.',
    en: 'The province processes this request; your office follows it here.',
  },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
});
