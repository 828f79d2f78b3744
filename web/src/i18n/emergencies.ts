import { defineTexts } from './texts.ts';

/** Emergencies (status tanggap darurat): declared, extended and ended by decree. */
export const emergenciesTexts = defineTexts({
  title: { id: 'Status Tanggap Darurat', en: 'Emergencies' },
  declare: { id: 'Tetapkan status tanggap darurat', en: 'Declare an emergency' },
  none: { id: 'Belum ada status tanggap darurat.', en: 'No emergency recorded yet.' },
  number: { id: 'Nomor keputusan', en: 'Decree number' },
  decreedOn: { id: 'Tanggal keputusan', en: 'Decree date' },
  declaredBy: { id: 'Ditetapkan oleh', en: 'Declared by' },
  by_bupati: { id: 'Bupati', en: 'Regent (Bupati)' },
  by_wali_kota: { id: 'Wali Kota', en: 'Mayor (Wali Kota)' },
  by_gubernur: { id: 'Gubernur', en: 'Governor (Gubernur)' },
  disaster: { id: 'Jenis bencana', en: 'Kind of disaster' },
  areas: { id: 'Wilayah', en: 'Area' },
  startsOn: { id: 'Mulai', en: 'Start' },
  endsOn: { id: 'Berakhir', en: 'End' },
  status_upcoming: { id: 'Belum mulai', en: 'Not started' },
  status_active: { id: 'Berlaku', en: 'Active' },
  status_expired: { id: 'Lewat masa berlaku', en: 'Expired' },
  status_ended: { id: 'Diakhiri', en: 'Ended' },
  extend: { id: 'Perpanjang', en: 'Extend' },
  end: { id: 'Akhiri', en: 'End' },
  newEnd: { id: 'Berakhir pada (perpanjangan)', en: 'New end (extension)' },
  decrees: { id: 'Riwayat keputusan', en: 'Decree history' },
  kind_declaration: { id: 'Penetapan', en: 'Declaration' },
  kind_extension: { id: 'Perpanjangan', en: 'Extension' },
  kind_termination: { id: 'Pengakhiran', en: 'Termination' },
});
