import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

describe('public portal API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the three seeded units with their services', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/units' });
    expect(res.statusCode).toBe(200);
    const units = res.json().units as Array<{
      code: string;
      regionCode: string;
      regionName: string;
      serviceCount: number;
    }>;
    expect(units.map((u) => [u.code, u.regionCode, u.serviceCount]).sort()).toEqual([
      ['banten', '36', 1],
      ['sragen', '33.14', 3],
      ['tarakan', '65.71', 1],
    ]);
    expect(units.find((u) => u.code === 'sragen')?.regionName).toBe('Kabupaten Sragen');
  });

  it('shows a unit with its maklumat and services', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/units/tarakan' });
    const body = res.json();
    expect(body.unit.name).toBe('Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan');
    expect(body.unit.maklumat).toMatch(/sanggup menyelenggarakan pelayanan/);
    expect(body.services).toHaveLength(1);
    expect(body.services[0]).toMatchObject({ id: 'sembako', documentNumber: '000.8.3.2/03.2/DINSOSPM' });
  });

  it('serves a standard with its 14 components and revision', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/public/units/sragen/standards/kehabisan-bekal',
    });
    expect(res.statusCode).toBe(200);
    const { standard, revision, revisions } = res.json();
    expect(standard.name).toBe('Kehabisan Bekal');
    expect(Object.keys(standard.delivery).sort()).toEqual(
      ['complaints', 'cost', 'procedure', 'products', 'requirements', 'timeLimit'].sort(),
    );
    expect(Object.keys(standard.manufacturing)).toHaveLength(8);
    expect(standard.delivery.complaints.officer.nip).toBe('19660101 199803 2 005');
    expect(revision.revision).toBe('00');
    expect(revision.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(revisions).toHaveLength(1);
  });

  it('answers 404 with a translated message for an unknown standard or unit', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/public/units/sragen/standards/tidak-ada' });
    expect(a.statusCode).toBe(404);
    expect(a.json().error.message).toBe('Standar pelayanan tidak ditemukan.');
    const b = await t.app.inject({
      method: 'GET',
      url: '/api/public/units/atlantis',
      headers: { 'accept-language': 'en' },
    });
    expect(b.statusCode).toBe(404);
    expect(b.json().error.message).toBe('Unit not found.');
  });

  it('renders the standard as a PDF', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/units/tarakan/standards/sembako/pdf' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports every standard in force for SIPPN', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/sippn' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const services = body.units.flatMap((u: { services: unknown[] }) => u.services);
    expect(services).toHaveLength(5);
  });
});

describe('publishing a standard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('rejects a malformed file with every problem, file and line, and changes nothing', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const before = (await kabid.get('/api/staff/standards')).json();
    const { readFile } = await import('node:fs/promises');
    const yaml = (await readFile('standards/sragen/pkh.yaml', 'utf8'))
      .replace(/role: (\w+)/, 'role: kabid2')
      .replace(/revision: ['"]?00['"]?/, "revision: '01'");
    const res = await kabid.post('/api/staff/standards', { yaml, fileName: 'standards/sragen/pkh.yaml' });
    expect(res.statusCode).toBe(422);
    const { code, message, problems } = res.json().error;
    expect(code).toBe('standard.invalid');
    expect(message).toBe('Berkas standar pelayanan tidak valid (1 masalah).');
    const role = problems.find((p: { message: string }) =>
      p.message.includes('peran "kabid2" tidak dikenal'),
    );
    expect(role.file).toBe('standards/sragen/pkh.yaml');
    expect(role.line).toBe(yaml.split('\n').findIndex((l) => l.includes('kabid2')) + 1);
    expect(role.path).toMatch(/procedure\.steps\[\d+\]\.role$/);
    const en = await kabid.post(
      '/api/staff/standards',
      { yaml, fileName: 'standards/sragen/pkh.yaml' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toBe('The service standard file is not valid (1 problem).');
    expect(en.json().error.problems[0].message).toMatch(/^unknown role "kabid2" \(one of: admin, /);
    expect((await kabid.get('/api/staff/standards')).json()).toEqual(before);
  });

  it('names a missing or empty component by number and name, in the user’s language', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const { readFile } = await import('node:fs/promises');
    const pkh = (await readFile('standards/sragen/pkh.yaml', 'utf8')).replace(
      /revision: ['"]?00['"]?/,
      "revision: '02'",
    );
    const missing = pkh.replace(/\n {2}evaluation:\n(?: {4}- .*\n)+/, '\n');
    const empty = pkh.replace(/\n {2}evaluation:\n(?: {4}- .*\n)+/, '\n  evaluation: []\n');
    expect(missing).not.toContain('evaluation:');
    for (const yaml of [missing, empty]) {
      const id = await kabid.post('/api/staff/standards', { yaml });
      expect(id.statusCode).toBe(422);
      expect(id.json().error.problems).toEqual([
        expect.objectContaining({
          path: 'manufacturing.evaluation',
          message: 'komponen 14 (Evaluasi Kinerja Pelaksana) wajib diisi',
        }),
      ]);
      const en = await kabid.post('/api/staff/standards', { yaml }, { 'accept-language': 'en' });
      expect(en.json().error.problems[0].message).toBe(
        'component 14 (Staff performance evaluation) is required',
      );
    }
  });

  it('refuses republishing the same revision', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid');
    const { readFile } = await import('node:fs/promises');
    const yaml = await readFile('standards/sragen/dtks.yaml', 'utf8');
    const same = await kabid.post('/api/staff/standards', { yaml, fileName: 'dtks.yaml' });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('standard.unchanged');
    const changed = await kabid.post('/api/staff/standards', {
      yaml: `${yaml}\n# catatan\n`,
      fileName: 'dtks.yaml',
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('standard.revision_exists');
  });
});

describe('repeated public reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serve the same page before and after a PDF of it (shared cached content is not mutated)', async () => {
    const url = '/api/public/units/sragen/standards/kehabisan-bekal';
    const first = await t.app.inject({ url });
    expect((await t.app.inject({ url: `${url}/pdf` })).statusCode).toBe(200);
    const again = await t.app.inject({ url });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
  });
});
