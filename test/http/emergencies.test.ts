import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { type Agent, createTestApp, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { lockWaiters, secondConnection } from '../db.ts';

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
      {
        ...declaration,
        number: '360/Kep.13-Huk/2026',
        areas: ['33.14', '99.99'],
        endsOn: addDays(today, -1),
      },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'areas[0]',
      'areas[1]',
      'endsOn',
    ]);
    expect(res.json().error.problems[0].message).toBe("Kabupaten Sragen is outside this office's region");
    const id = await kadis.request('POST', '/api/emergencies', {
      ...declaration,
      number: '360/Kep.13-Huk/2026',
      areas: ['33.14'],
    });
    expect(id.json().error.problems[0].message).toBe('Kabupaten Sragen di luar wilayah unit ini');
  });

  it('needs the permission to declare', async () => {
    expect((await fungsional.post('/api/emergencies', declaration)).statusCode).toBe(403);
  });

  it('extends by a new decree, keeping the first as history; an earlier end is refused', async () => {
    const created = (
      await kadis.post('/api/emergencies', { ...declaration, number: '360/Kep.14-Huk/2026' })
    ).json();
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
    const created = (
      await kadis.post('/api/emergencies', { ...declaration, number: '360/Kep.15-Huk/2026' })
    ).json();
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

  it('refuses a decree dated after today, before the last decree, or under a number already recorded', async () => {
    const count = async () => (await kadis.get('/api/emergencies')).json().emergencies.length as number;
    const before = await count();
    const future = await kadis.post('/api/emergencies', {
      ...declaration,
      number: '360/Kep.40-Huk/2026',
      decreedOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.problems).toEqual([
      {
        path: 'decreedOn',
        message: `tanggal keputusan (${addDays(today, 1)}) sesudah hari ini (${today}): keputusan dicatat setelah ditandatangani`,
      },
    ]);
    // The first test's number, spaced and cased otherwise, is the same decree.
    const again = await kadis.request(
      'POST',
      '/api/emergencies',
      { ...declaration, number: ' 360/KEP.12-huk/2026 ' },
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().error.problems).toEqual([
      {
        path: 'number',
        message: `this decree number is already recorded (the declaration of the Banjir emergency, ${today})`,
      },
    ]);
    expect(await count()).toBe(before);
    // A retroactive declaration is lawful (signed after the disaster began); an extension
    // cannot predate it.
    const late = await kadis.post('/api/emergencies', {
      ...declaration,
      number: '360/Kep.41-Huk/2026',
      decreedOn: today,
      startsOn: addDays(today, -3),
    });
    expect(late.statusCode, late.body).toBe(201);
    const early = await kadis.post(`/api/emergencies/${late.json().id}/extensions`, {
      number: '360/Kep.42-Huk/2026',
      decreedOn: addDays(today, -1),
      declaredBy: 'gubernur',
      endsOn: addDays(today, 30),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['decreedOn']);
    // An extension or an ending is held to the same rules: not after today, not under a number
    // the unit has recorded (here the extension's own number, then the first declaration's).
    const lateId = late.json().id as number;
    const tomorrow = await kadis.post(`/api/emergencies/${lateId}/extensions`, {
      number: '360/Kep.43-Huk/2026',
      decreedOn: addDays(today, 1),
      declaredBy: 'gubernur',
      endsOn: addDays(today, 30),
    });
    expect(tomorrow.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['decreedOn']);
    const taken = await kadis.post(`/api/emergencies/${lateId}/extensions`, {
      number: '360/kep.41-huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      endsOn: addDays(today, 30),
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.problems).toEqual([
      {
        path: 'number',
        message: `nomor keputusan ini sudah tercatat (penetapan status Banjir, ${today})`,
      },
    ]);
    const endTaken = await kadis.post(`/api/emergencies/${lateId}/end`, {
      number: '360/Kep.12-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
    });
    expect(endTaken.statusCode).toBe(422);
    expect(endTaken.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['number']);
    const endTomorrow = await kadis.post(`/api/emergencies/${lateId}/end`, {
      number: '360/Kep.44-Huk/2026',
      decreedOn: addDays(today, 1),
      declaredBy: 'gubernur',
    });
    expect(endTomorrow.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['decreedOn']);
    const after = (await kadis.get(`/api/emergencies/${lateId}`)).json();
    expect(after.decrees).toHaveLength(1);
    expect(after.status).toBe('active');
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'records a number once when another desk is recording it at that moment',
    async () => {
      const other = await secondConnection(t.database);
      const unitId = await unitIdOf(t.database.db, 'banten');
      const number = '360/Kep.50-Huk/2026';
      try {
        // The other desk's declaration, under the unit's decree lock, not yet committed.
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock(7238201, $1)', [unitId]);
        const e = await other.query<{ id: number }>(
          `INSERT INTO emergencies (unit_id, disaster, starts_on, ends_on, created_at)
           VALUES ($1, 'Gempa bumi', $2, $3, now()) RETURNING id`,
          [unitId, today, addDays(today, 7)],
        );
        await other.query(
          `INSERT INTO emergency_decrees (emergency_id, kind, number, decreed_on, declared_by, ends_on, recorded_at)
           VALUES ($1, 'declaration', $2, $3, 'gubernur', $4, now())`,
          [e.rows[0]?.id, number, today, addDays(today, 7)],
        );
        const declared = kadis.post('/api/emergencies', { ...declaration, number });
        expect(await lockWaiters(other, 1, declared)).toBe(true);
        await other.query('COMMIT');
        const res = await declared;
        expect(res.statusCode).toBe(422);
        expect(res.json().error.problems[0].path).toBe('number');
      } finally {
        await other.query('ROLLBACK').catch(() => undefined);
        await other.end();
      }
    },
  );
});
