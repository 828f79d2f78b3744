import { defineTexts } from './texts.ts';

/** The public portal: offices, their services and the published Service Standards. */
export const portalTexts = defineTexts({
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
  sippnExport: {
    id: 'Ekspor semua standar untuk SIPPN (JSON)',
    en: 'Export all standards for SIPPN (JSON)',
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
  revisions: { id: 'Riwayat revisi', en: 'Revision history' },
  inForce: { id: 'berlaku', en: 'in force' },
  notInForce: { id: 'tidak berlaku', en: 'superseded' },
  serviceStandard: { id: 'Standar Pelayanan', en: 'Service standard' },
  downloadPdf: { id: 'Unduh PDF', en: 'Download PDF' },
  maklumat: { id: 'Maklumat Pelayanan', en: 'Service pledge' },
  complaintsBox: {
    id: 'Sampaikan pengaduan, saran dan masukan',
    en: 'Send a complaint, suggestion or feedback',
  },
  officer: { id: 'Pejabat Pengelola Pengaduan', en: 'Complaint officer' },
  handler: { id: 'Petugas pengaduan', en: 'Complaint desk' },
  appliesTo: { id: 'Untuk', en: 'For' },
  kind_document: { id: 'dokumen', en: 'document' },
  kind_condition: { id: 'syarat', en: 'condition' },
  kind_data: { id: 'data', en: 'data' },
  free: { id: 'Gratis', en: 'Free' },
  componentNumber: { id: 'No', en: 'No' },
  component: { id: 'Komponen', en: 'Component' },
  description: { id: 'Uraian', en: 'Description' },
});
