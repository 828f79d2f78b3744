import { defineTexts } from './texts.ts';

/** The staff home and the office's own list of standards. */
export const staffTexts = defineTexts({
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  staffArea: { id: 'Ruang kerja petugas', en: 'Staff workspace' },
  soon: { id: 'segera', en: 'soon' },
  switchUnit: { id: 'Ganti unit', en: 'Switch office' },
  standardsStaff: { id: 'Standar Pelayanan unit', en: 'Office service standards' },
  upload: { id: 'Unggah standar baru atau revisi (YAML)', en: 'Upload a new or revised standard (YAML)' },
  uploadFile: { id: 'Berkas YAML', en: 'YAML file' },
  orPaste: { id: 'atau tempel isi YAML', en: 'or paste the YAML' },
  publish: { id: 'Periksa dan terbitkan', en: 'Check and publish' },
  published: { id: 'Standar diterbitkan', en: 'Standard published' },
  menu: { id: 'menu', en: 'menu' },
});
