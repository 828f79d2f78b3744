import type { Language, Text } from '../core/i18n.ts';

/**
 * What each audited action is called for the people who read the trail (the Inspektorat, the
 * head of office). The raw code stays in the answer and the export, for auditors who need it.
 * Case workflow actions are recorded as `case.<action id>`; the common ones are named here.
 */
export const AuditActionLabels: Readonly<Record<string, Text>> = {
  'auth.login': { id: 'Masuk', en: 'Signed in' },
  'auth.login_failed': { id: 'Gagal masuk', en: 'Sign-in failed' },
  'auth.logout': { id: 'Keluar', en: 'Signed out' },
  'auth.password_change': { id: 'Kata sandi diganti', en: 'Password changed' },
  'auth.password_check_failed': { id: 'Kata sandi salah saat konfirmasi', en: 'Password check failed' },
  'auth.recovery_code_used': { id: 'Kode pemulihan dipakai', en: 'Recovery code used' },
  'auth.session_revoke': { id: 'Sesi diakhiri', en: 'Session ended' },
  'auth.sessions_revoke_others': { id: 'Sesi lain diakhiri', en: 'Other sessions ended' },
  'auth.switch_unit': { id: 'Pindah unit', en: 'Switched unit' },
  'auth.totp_setup': { id: 'Autentikator disiapkan', en: 'Authenticator set up' },
  'auth.totp_enable': { id: 'Autentikator diaktifkan', en: 'Authenticator enabled' },
  'auth.totp_disable': { id: 'Autentikator dinonaktifkan', en: 'Authenticator disabled' },
  'auth.totp_failed': { id: 'Kode autentikator salah', en: 'Wrong authenticator code' },
  'audit.export': { id: 'Log audit diekspor', en: 'Audit trail exported' },
  'calendar.set_office_hours': { id: 'Jam layanan diubah', en: 'Office hours changed' },
  'calendar.set_closed_day': { id: 'Hari libur ditetapkan', en: 'Closed day set' },
  'calendar.remove_closed_day': { id: 'Hari libur dihapus', en: 'Closed day removed' },
  'case.open': { id: 'Permohonan dibuka', en: 'Case opened' },
  'case.claim': { id: 'Permohonan diambil', en: 'Case taken' },
  'case.teruskan': { id: 'Permohonan diteruskan', en: 'Case forwarded' },
  'case.setujui': { id: 'Permohonan disetujui', en: 'Case approved' },
  'case.kembalikan': { id: 'Permohonan dikembalikan', en: 'Case returned' },
  'case.tolak': { id: 'Permohonan ditolak', en: 'Case refused' },
  'case.perbaiki': { id: 'Permohonan diperbaiki', en: 'Case corrected' },
  'case.resume': { id: 'Permohonan dilanjutkan', en: 'Case resumed' },
  'case.serahkan': { id: 'Bantuan diserahkan', en: 'Aid handed over' },
  'case.bayar': { id: 'Pembayaran dicatat', en: 'Payment recorded' },
  'case.breach': { id: 'Batas waktu layanan terlewati', en: 'Service time limit passed' },
  'case.document_add': { id: 'Berkas diunggah', en: 'Document uploaded' },
  'case.document_replace': { id: 'Berkas diganti', en: 'Document replaced' },
  'case.document_remove': { id: 'Berkas dihapus', en: 'Document removed' },
  'case.intake_correct': { id: 'Data permohonan dikoreksi', en: 'Case data corrected' },
  'case.reveal': { id: 'NIK pemohon dibuka', en: 'Applicant NIK revealed' },
  'clock.advance': { id: 'Jam uji dimajukan', en: 'Test clock advanced' },
  'letter.issue': { id: 'Surat diterbitkan', en: 'Letter issued' },
  'letter.attach_signed': { id: 'Surat bertanda tangan diunggah', en: 'Signed letter uploaded' },
  'registry.export': { id: 'Register diekspor', en: 'Register exported' },
  'registry.import': { id: 'Register diimpor', en: 'Register imported' },
  'registry.import_rejected': { id: 'Impor register ditolak', en: 'Register import refused' },
  'registry.import_problems': { id: 'Berkas masalah impor diunduh', en: 'Import problem file downloaded' },
  'registry.reveal': { id: 'NIK/KK dibuka', en: 'NIK/KK revealed' },
  'relief.claims_lookup': { id: 'Riwayat klaim dicari', en: 'Claims looked up' },
  'relief.payout': { id: 'Bantuan dibayarkan', en: 'Aid paid out' },
  'relief.set_tariff': { id: 'Tarif bantuan diubah', en: 'Relief tariff changed' },
  'standard.publish': { id: 'Standar layanan diterbitkan', en: 'Service standard published' },
  'standard.revise': { id: 'Standar layanan direvisi', en: 'Service standard revised' },
  'survey.close_period': { id: 'Periode survei ditutup', en: 'Survey period closed' },
  'survey.follow_up': { id: 'Rencana tindak lanjut dicatat', en: 'Follow-up recorded' },
  'survey.follow_up_status': { id: 'Status tindak lanjut diubah', en: 'Follow-up status changed' },
  'survey.import': { id: 'Survei kertas diimpor', en: 'Paper surveys imported' },
  'survey.question_add': { id: 'Pertanyaan survei ditambahkan', en: 'Survey question added' },
  'survey.question_change': { id: 'Pertanyaan survei diubah', en: 'Survey question changed' },
  'survey.question_retire': { id: 'Pertanyaan survei dinonaktifkan', en: 'Survey question retired' },
  'survey.question_order': { id: 'Urutan pertanyaan survei diubah', en: 'Survey questions reordered' },
  'unit.create': { id: 'Unit dibuat', en: 'Unit created' },
  'unit.require_totp': { id: 'Autentikator diwajibkan', en: 'Authenticator made compulsory' },
  'unit.one_head_for_all_divisions': {
    id: 'Satu kepala untuk semua bidang',
    en: 'One head for all divisions',
  },
  'user.create': { id: 'Pengguna dibuat', en: 'User created' },
  'user.update_official': { id: 'Data pejabat diubah', en: 'Official’s data changed' },
};

/** What the objects of the trail are called. */
export const AuditEntityLabels: Readonly<Record<string, Text>> = {
  audit: { id: 'Log audit', en: 'Audit trail' },
  case: { id: 'Permohonan', en: 'Case' },
  closed_day: { id: 'Hari libur', en: 'Closed day' },
  letter: { id: 'Surat', en: 'Letter' },
  office_hours: { id: 'Jam layanan', en: 'Office hours' },
  person: { id: 'Penduduk', en: 'Person' },
  registry: { id: 'Register', en: 'Register' },
  registry_family: { id: 'Keluarga', en: 'Family' },
  registry_import: { id: 'Impor register', en: 'Register import' },
  registry_person: { id: 'Penduduk', en: 'Person' },
  relief_tariff: { id: 'Tarif bantuan', en: 'Relief tariff' },
  server_clock: { id: 'Jam server', en: 'Server clock' },
  session: { id: 'Sesi', en: 'Session' },
  standard: { id: 'Standar layanan', en: 'Service standard' },
  survey_follow_up: { id: 'Tindak lanjut survei', en: 'Survey follow-up' },
  survey_period: { id: 'Periode survei', en: 'Survey period' },
  survey_question: { id: 'Pertanyaan survei', en: 'Survey question' },
  survey_responses: { id: 'Jawaban survei', en: 'Survey responses' },
  unit: { id: 'Unit', en: 'Unit' },
  user: { id: 'Pengguna', en: 'User' },
};

/** Family names of codes not in the table, by their prefix, so no code is shown alone. */
const groupLabels: Readonly<Record<string, Text>> = {
  auth: { id: 'Akun', en: 'Account' },
  case: { id: 'Tindakan pada permohonan', en: 'Action on a case' },
  calendar: { id: 'Kalender', en: 'Calendar' },
  letter: { id: 'Surat', en: 'Letter' },
  registry: { id: 'Register', en: 'Register' },
  relief: { id: 'Bantuan', en: 'Relief' },
  standard: { id: 'Standar layanan', en: 'Service standard' },
  survey: { id: 'Survei kepuasan', en: 'Satisfaction survey' },
  unit: { id: 'Unit', en: 'Unit' },
  user: { id: 'Pengguna', en: 'User' },
};
const otherAction: Text = { id: 'Tindakan lain', en: 'Other action' };
const otherEntity: Text = { id: 'Objek lain', en: 'Other object' };

export function actionLabel(code: string, lang: Language): string {
  const text = AuditActionLabels[code] ?? groupLabels[code.split('.')[0] ?? ''] ?? otherAction;
  return text[lang];
}

export function entityLabel(code: string, lang: Language): string {
  return (AuditEntityLabels[code] ?? otherEntity)[lang];
}
