import { defineTexts } from './texts.ts';

/** How area pickers name the areas an office serves. */
export const regionTexts = defineTexts({
  province: { id: 'Provinsi {name} (seluruh wilayah)', en: '{name} Province (whole area)' },
  regency: { id: '{name} (seluruh wilayah)', en: '{name} (whole area)' },
  district: { id: 'Kecamatan {name}, {regency}', en: '{name} District, {regency}' },
  provinceGroup: { id: 'Provinsi {name}', en: '{name} Province' },
  elsewhere: { id: 'Kabupaten/kota lain', en: 'Other regencies and cities' },
  elsewhereItem: { id: '{name} ({province})', en: '{name} ({province})' },
});
