import { defineTexts } from './texts.ts';

/** Texts of the shared components (`components/`): the status and deadline badges, the reveal dialog. */
export const componentTexts = defineTexts({
  status_open: { id: 'Diproses', en: 'In progress' },
  status_ready: { id: 'Siap diambil', en: 'Ready to collect' },
  status_returned: { id: 'Menunggu kelengkapan', en: 'Waiting for applicant' },
  status_done: { id: 'Selesai', en: 'Done' },
  status_rejected: { id: 'Ditolak', en: 'Refused' },
  status_withdrawn: { id: 'Dibatalkan', en: 'Withdrawn' },
  // Where a step's decision stands against its deadline (cases/deadline.ts).
  deadline_running: { id: 'Berjalan', en: 'Running' },
  deadline_warning: { id: 'Mendekati batas', en: 'Near the deadline' },
  deadline_late: { id: 'Melewati batas', en: 'Past the deadline' },
  deadline_met: { id: 'Tepat waktu', en: 'On time' },
  deadline_metLate: { id: 'Terlambat', en: 'Late' },
  deadline_ended: { id: 'Tidak diperlukan', en: 'Not needed' },
  reason: { id: 'Alasan (dicatat di jejak audit)', en: 'Reason (recorded in the audit trail)' },
  reasonPlaceholder: {
    id: 'mis. verifikasi usulan PKH desa Kalijambe',
    en: 'e.g. verifying a PKH proposal',
  },
  reasonHint: { id: 'minimal 5 karakter', en: 'at least 5 characters' },
  continue: { id: 'Lanjutkan', en: 'Continue' },
  show: { id: 'Tampilkan', en: 'Show' },
});
