import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  displayName,
  findRegion,
  getDistrict,
  getProvince,
  getRegency,
  getVillage,
  normaliseRegionCode,
  regionPath,
  searchRegions,
} from './regions.ts';

describe('regions', () => {
  // First in the file: villages are looked up by regency block until the whole list is loaded.
  it('finds a village by its regency block as in the whole list', () => {
    const codes = ['11.01.01.2001', '33.14.01.2001', '33.14.20.2001', '96.71.10.1004', '33.14.01.2999'];
    const byBlock = codes.map((c) => getVillage(c));
    expect(byBlock[1]?.parentCode).toBe('33.14.01');
    expect(byBlock[3]?.name).toBe('Tanjung Kasuari');
    expect(byBlock[4]).toBeUndefined();
    expect(getVillage('33.99.01.2001')).toBeUndefined();
    expect(byBlock).toEqual(codes.map((c) => findRegion(c)));
  });

  it('finds the seed units’ regions by code', () => {
    expect(getRegency('33.14')?.name).toBe('KABUPATEN SRAGEN');
    expect(getRegency('6571')?.name).toBe('KOTA TARAKAN');
    expect(getProvince('36')?.name).toBe('BANTEN');
    // Names for reading: capitals from the source become title case; acronyms stay.
    expect(displayName({ name: 'KABUPATEN SRAGEN' })).toBe('Kabupaten Sragen');
    expect(displayName({ name: 'DKI JAKARTA' })).toBe('DKI Jakarta');
    expect(displayName({ name: 'KOTA BAU-BAU' })).toBe('Kota Bau-Bau');
    expect(displayName({ name: 'KOTA ADM. JAKARTA PUSAT' })).toBe('Kota Adm. Jakarta Pusat');
    expect(displayName({ name: 'Kalijambe' })).toBe('Kalijambe');
    expect(getRegency('33')).toBeUndefined();
  });

  it('has every province and regency', () => {
    expect(childrenOf('')).toHaveLength(38);
    expect(childrenOf('33').length).toBe(35);
    expect(childrenOf('33.14').length).toBe(20);
  });

  it('walks down to villages and back up', () => {
    const village = getVillage('33.14.01.2001');
    expect(village?.parentCode).toBe('33.14.01');
    expect(getDistrict('33.14.01')?.parentCode).toBe('33.14');
    expect(regionPath('33.14.01.2001').map((r) => r.level)).toEqual([
      'province',
      'regency',
      'district',
      'village',
    ]);
    expect(regionPath('33.14.01.2001')[0]?.name).toBe('JAWA TENGAH');
  });

  it('normalises codes and rejects other shapes', () => {
    expect(normaliseRegionCode('3314012001')).toBe('33.14.01.2001');
    expect(normaliseRegionCode('33.1')).toBeUndefined();
    expect(findRegion('99.99')).toBeUndefined();
  });

  it('searches by name with or without the Kabupaten/Kota prefix', () => {
    expect(searchRegions('sragen')[0]?.code).toBe('33.14');
    expect(searchRegions('Kabupaten Sragen')[0]?.code).toBe('33.14');
    expect(searchRegions('KOTA TARAKAN', { level: 'regency' })[0]?.code).toBe('65.71');
  });
});
