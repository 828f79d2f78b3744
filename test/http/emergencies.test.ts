import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const today = todayIn('Asia/Jakarta');
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('emergencies: declared by decree, extended, ended, listed', () => {
  let t: TestApp;
  let kadis: Agent;
  let fungsional: Agent;
  let sragen: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    kadis = await signedIn(t.app, 'banten.kadis', '10.9.0.1');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.9.0.2');
    sragen = await signedIn(t.app, 'sragen.kadis', '10.9.0.3');
  });
  afterAll(() => t.close());

  const declaration = {
    number: '360/Kep.12-Huk/2026',
    decreedOn: today,
    declaredBy: 'gubernur',
    disaster: 'Banjir',
    areas: ['36.02', '36.01.01'],
    startsOn: today,
    endsOn: addDays(today, 14),
  };

  it('declares an emergency with its area and decree; another unit does not see it', async () => {
    const res = await kadis.post('/api/emergencies', declaration);
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e.status).toBe('active');
    expect(e.areas.map((a: { name: string }) => a.name)).toEqual(['Sumur', 'Kabupaten Lebak']);
    expect(e.areas.map((a: { code: string }) => a.code)).toEqual(['36.01.01', '36.02']);
    expect(e.decrees).toHaveLength(1);
    expect(e.decrees[0]).toMatchObject({
      kind: 'declaration',
      number: declaration.number,
      declaredBy: 'gubernur',
    });
    expect((await kadis.get('/api/emergencies')).json().emergencies).toHaveLength(1);
    expect((await sragen.get('/api/emergencies')).json().emergencies).toHaveLength(0);
    expect((await sragen.get(`/api/emergencies/${e.id}`)).statusCode).toBe(404);
  });

  it('refuses an area outside the unit, an unknown code and an end before the start, all at once', async () => {
    const res = await kadis.request(
      'POST',
      '/api/emergencies',
      { ...declaration, areas: ['33.14', '99.99'], endsOn: addDays(today, -1) },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'areas[0]',
      'areas[1]',
      'endsOn',
    ]);
    expect(res.json().error.problems[0].message).toBe("Kabupaten Sragen is outside this office's region");
    const id = await kadis.request('POST', '/api/emergencies', { ...declaration, areas: ['33.14'] });
    expect(id.json().error.problems[0].message).toBe('Kabupaten Sragen di luar wilayah unit ini');
  });

  it('needs the permission to declare', async () => {
    expect((await fungsional.post('/api/emergencies', declaration)).statusCode).toBe(403);
  });

  it('extends by a new decree, keeping the first as history; an earlier end is refused', async () => {
    const created = (await kadis.post('/api/emergencies', declaration)).json();
    const earlier = await kadis.post(`/api/emergencies/${created.id}/extensions`, {
      number: 'ext-0',
      decreedOn: today,
      declaredBy: 'gubernur',
      endsOn: addDays(today, 3),
    });
    expect(earlier.statusCode).toBe(422);
    const res = await kadis.post(`/api/emergencies/${created.id}/extensions`, {
      number: '360/Kep.20-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      endsOn: addDays(today, 30),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().endsOn).toBe(addDays(today, 30));
    expect(res.json().decrees.map((d: { kind: string; endsOn: string }) => [d.kind, d.endsOn])).toEqual([
      ['declaration', addDays(today, 14)],
      ['extension', addDays(today, 30)],
    ]);
  });

  it('ends an emergency; it cannot be ended or extended again', async () => {
    const created = (await kadis.post('/api/emergencies', declaration)).json();
    const decree = { number: '360/Kep.30-Huk/2026', decreedOn: today, declaredBy: 'gubernur' };
    const ended = await kadis.post(`/api/emergencies/${created.id}/end`, decree);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('ended');
    expect(ended.json().decrees.at(-1).kind).toBe('termination');
    const again = await kadis.post(`/api/emergencies/${created.id}/end`, decree);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Status tanggap darurat ini sudah diakhiri.');
    const extend = await kadis.post(`/api/emergencies/${created.id}/extensions`, {
      ...decree,
      endsOn: addDays(today, 60),
    });
    expect(extend.statusCode).toBe(409);
  });
});
