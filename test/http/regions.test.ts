import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area } from '../../src/regions/regions.schema.ts';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

describe('the areas an office serves, for area pickers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const areasOf = async (username: string): Promise<Area[]> => {
    const res = await (await signedIn(t.app, username)).get('/api/regions/areas');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().areas;
  };

  it('gives a province itself, each regency and city, and their districts under them', async () => {
    const areas = await areasOf('banten.kadis');
    expect(areas[0]).toEqual({ code: '36', name: 'Banten', level: 'province', regency: null });
    const regencies = areas.filter((a) => a.level === 'regency');
    expect(regencies.map((r) => r.code)).toEqual([
      '36.01',
      '36.02',
      '36.03',
      '36.04',
      '36.71',
      '36.72',
      '36.73',
      '36.74',
    ]);
    expect(regencies[1]).toEqual({ code: '36.02', name: 'Kabupaten Lebak', level: 'regency', regency: null });
    // Each district follows its own regency, named by it.
    areas.forEach((a, i) => {
      if (a.level !== 'district') return;
      const owner = areas.slice(0, i).findLast((b) => b.level === 'regency');
      expect(a.code.startsWith(`${owner?.code}.`), a.code).toBe(true);
      expect(a.regency).toBe(owner?.name);
    });
    expect(areas.find((a) => a.code === '36.02.03')).toEqual({
      code: '36.02.03',
      name: 'Bayah',
      level: 'district',
      regency: 'Kabupaten Lebak',
    });
    expect(areas.filter((a) => a.level === 'district').length).toBeGreaterThan(100);
  });

  it('gives a regency office itself and its districts only', async () => {
    const areas = await areasOf('lebak.operator');
    expect(areas[0]).toEqual({ code: '36.02', name: 'Kabupaten Lebak', level: 'regency', regency: null });
    expect(areas.length).toBeGreaterThan(20);
    expect(areas.slice(1).every((a) => a.level === 'district' && a.code.startsWith('36.02.'))).toBe(true);
    const sragen = await areasOf('sragen.fo');
    expect(sragen[0]?.name).toBe('Kabupaten Sragen');
    expect(sragen.slice(1).every((a) => a.code.startsWith('33.14.'))).toBe(true);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/areas' });
    expect(res.statusCode).toBe(401);
  });
});
