import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBreaches } from '../../src/cases/sla.service.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

/** A local time in Tarakan (WITA, UTC+8) as an ISO instant. */
const wita = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const minute = 60_000;

async function breachesOf(t: TestApp, caseId: number): Promise<number> {
  const res = (await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.breach' AND entity_id = ${String(caseId)}`,
  )) as unknown as { rows: Array<{ n: number }> };
  return Number(res.rows[0]?.n);
}

describe('a returned case’s clock pauses until it is resumed', () => {
  // Monday 7 December 2026, 09:00 in Tarakan.
  const clock = new ManualClock(Date.parse(wita('2026-12-07 09:00')));
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kadis: Agent;
  let id = 0;
  let trackingCode = '';
  const view = async (a: Agent = fo) => (await a.get(`/api/cases/${id}`)).json();
  const act = async (a: Agent, action: string, extra: Record<string, unknown> = {}, lang?: string) =>
    a.post(
      `/api/cases/${id}/actions`,
      { action, version: (await view(a)).case.version, ...extra },
      lang ? { 'accept-language': lang } : {},
    );
  const sweep = () => recordBreaches(t.database.db, new Date(clock.now()));

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kadis = await signedIn(t.app, 'tarakan.kadis');
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name: 'Rahmat Hidayat' },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    trackingCode = res.json().trackingCode;
  });
  afterAll(() => t.close());

  it('opens on the injected clock: received 09:00, due 30 office minutes later', async () => {
    const v = await view();
    expect(v.case.openedAt).toBe(wita('2026-12-07 09:00'));
    expect(v.case.dueAt).toBe(wita('2026-12-07 09:30'));
    expect(v.clock).toMatchObject({ unit: 'officeMinutes', paused: false, pausedMinutes: 0, pauseCount: 0 });
  });

  it('returned for a missing paper: paused, no due time, only the resume is available', async () => {
    clock.advance(10 * minute);
    const res = await act(fo, 'kembalikan', { note: 'Surat keterangan kelurahan belum ada' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.case.dueAt).toBeNull();
    expect(v.clock).toMatchObject({ paused: true, pausedSince: wita('2026-12-07 09:10'), dueAt: null });
    expect(v.available).toEqual([{ id: 'resume', label: 'Lanjutkan', kind: 'resume' }]);
    expect(v.state.pauses).toEqual([{ from: wita('2026-12-07 09:10'), to: null }]);

    const track = (await t.app.inject({ method: 'GET', url: `/api/public/track/${trackingCode}` })).json();
    expect(track).toMatchObject({ status: 'returned', dueAt: null, waitingSince: wita('2026-12-07 09:10') });
  });

  it('refuses other actions while waiting, naming the reason and the resume action', async () => {
    const id_ = await act(fo, 'teruskan');
    expect(id_.statusCode).toBe(409);
    expect(id_.json().error.code).toBe('case.waiting_for_applicant');
    expect(id_.json().error.message).toBe(
      'Permohonan menunggu kelengkapan dari pemohon (alasan: Surat keterangan kelurahan belum ada). Pilih "Lanjutkan" setelah berkas dilengkapi.',
    );
    const en = await act(fo, 'teruskan', {}, 'en');
    expect(en.json().error.message).toBe(
      'The request waits for the applicant to complete it (reason: Surat keterangan kelurahan belum ada). Choose "Resume" once the papers are complete.',
    );
  });

  it('records no breach while paused, long past the original due time', async () => {
    clock.advance(120 * minute); // 11:10, well past 09:30
    expect(await sweep()).toBe(0);
    expect(await breachesOf(t, id)).toBe(0);
    expect((await view()).clock).toMatchObject({ paused: true, pausedMinutes: 120 });
    const queue = (await fo.get('/api/cases')).json().cases;
    expect(queue[0]).toMatchObject({ id, dueAt: null, overdue: false });
  });

  it('resumed: the due time moved by exactly the paused office minutes', async () => {
    const res = await act(fo, 'resume');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    // Paused 09:10–11:10 = 120 office minutes: 09:30 + 120 = 11:30.
    expect(v.case.dueAt).toBe(wita('2026-12-07 11:30'));
    expect(Date.parse(v.case.dueAt) - Date.parse(wita('2026-12-07 09:30'))).toBe(120 * minute);
    expect(v.clock).toMatchObject({
      paused: false,
      pausedMinutes: 120,
      pausedAmount: 120,
      pauseCount: 1,
      dueAt: wita('2026-12-07 11:30'),
    });
    expect(v.case).toMatchObject({ pausedAt: null, pausedMinutes: 120, pauseCount: 1 });
    expect(v.available.map((a: { id: string }) => a.id)).toEqual(['teruskan', 'kembalikan']);
    const track = (await t.app.inject({ method: 'GET', url: `/api/public/track/${trackingCode}` })).json();
    expect(track).toMatchObject({ status: 'open', dueAt: wita('2026-12-07 11:30'), waitingSince: null });
  });

  it('the SLA report counts it within time by its moved due time, with its paused time', async () => {
    for (const doc of ['kk-ktp', 'surat-kelurahan']) {
      const up = await fo.upload(`/api/cases/${id}/documents/${doc}`, Buffer.from('%PDF-1.4\n% berkas\n'));
      expect(up.statusCode, up.body).toBe(201);
    }
    clock.advance(5 * minute);
    expect((await act(fo, 'teruskan')).statusCode).toBe(200);
    clock.advance(5 * minute); // 11:20: past 09:30, before the moved 11:30
    const closed = await act(officer, 'tolak', { note: 'Bukan KPM di DTKS' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().case.breachedAt).toBeNull();
    clock.advance(60 * minute);
    expect(await sweep()).toBe(0);

    const res = await kadis.get('/api/reports/sla?from=2026-12-07&to=2026-12-07');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().services).toEqual([
      expect.objectContaining({
        standard: 'sembako',
        cases: 1,
        closed: 1,
        breached: 0,
        withinTimeShare: 1,
        pausedCases: 1,
        pausedMinutesTotal: 120,
        medianPausedMinutes: 120,
      }),
    ]);
  });

  it('a resumed case breaches later, against its moved due time', async () => {
    clock.advance(60 * minute); // 13:20 Monday
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name: 'Nur Aini' },
    });
    id = res.json().id;
    clock.advance(10 * minute);
    await act(fo, 'kembalikan', { note: 'KTP buram' });
    clock.advance(60 * minute); // 14:30; due was 13:50
    expect(await sweep()).toBe(0);
    await act(fo, 'resume');
    expect((await view()).case.dueAt).toBe(wita('2026-12-07 14:50'));
    clock.advance(19 * minute);
    expect(await sweep()).toBe(0);
    clock.advance(2 * minute);
    expect(await sweep()).toBe(1);
    expect((await view()).case.breachedAt).toBe(wita('2026-12-07 14:50'));
  });
});

describe('a test clock set by configuration (JARING_CLOCK_START) and moved by an administrator', () => {
  let t: TestApp;
  let fo: Agent;
  let admin: Agent;
  beforeAll(async () => {
    // A Friday afternoon in Tarakan; the clock then runs on in real time (seconds in this test).
    // Sessions last long enough to survive the moves of the clock below.
    t = await createTestApp({ JARING_CLOCK_START: '2026-12-04T16:15:00+08:00', JARING_SESSION_DAYS: '90' });
    fo = await signedIn(t.app, 'tarakan.fo');
    admin = await signedIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const open = async (name: string) => {
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'kks-baru',
      applicant: { name },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (await fo.get(`/api/cases/${res.json().id}`)).json();
  };

  it('a Friday 16:15 case is due on Monday (15 minutes Friday, 15 Monday)', async () => {
    const v = await open('Pemohon Jumat');
    expect(v.case.openedAt.slice(0, 16)).toBe(wita('2026-12-04 16:15').slice(0, 16));
    expect(v.case.dueAt).toBe(wita('2026-12-07 07:45'));
  });

  it('moved to the afternoon before Christmas: due after the cuti bersama and the holiday', async () => {
    // Friday 4 Dec 16:15 + 18 days 23 h 35 min = Wednesday 23 Dec 15:50 (Wednesday closes 16:00).
    const moved = await admin.post('/api/admin/clock', { by: '18d23h35m' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().now.slice(0, 16)).toBe(wita('2026-12-23 15:50').slice(0, 16));
    const v = await open('Pemohon Natal');
    // 24 Dec cuti bersama, 25 Dec Natal, then the weekend: 10 minutes Wednesday, 20 on Monday.
    expect(v.case.dueAt).toBe(wita('2026-12-28 07:50'));

    const audit = (await t.database.db.execute(
      sql`SELECT actor_username, after FROM audit_log WHERE action = 'clock.advance'`,
    )) as unknown as { rows: Array<{ actor_username: string; after: { by: string } }> };
    expect(audit.rows).toEqual([
      expect.objectContaining({
        actor_username: 'admin',
        after: expect.objectContaining({ by: '18d23h35m' }),
      }),
    ]);
  });

  it('moved past the due time, the sweep records the breach', async () => {
    const v = await open('Pemohon Terlambat'); // Wednesday 23 Dec 15:50, due Monday 07:50
    // Only the Friday case, left unfinished since its due on 7 December, is late yet.
    expect(await recordBreaches(t.database.db, new Date(t.app.clock.now()))).toBe(1);
    expect((await admin.post('/api/admin/clock', { by: 'P4DT17H' })).statusCode).toBe(200); // Monday 08:50
    expect(await recordBreaches(t.database.db, new Date(t.app.clock.now()))).toBe(2);
    const after = (await fo.get(`/api/cases/${v.case.id}`)).json();
    expect(after.case.breachedAt).toBe(wita('2026-12-28 07:50'));
    const queue = (await fo.get('/api/cases')).json().cases as Array<{ id: number; overdue: boolean }>;
    expect(queue.find((c) => c.id === v.case.id)?.overdue).toBe(true);
  });

  it('refuses to move the clock backwards or by nonsense', async () => {
    const res = await admin.post('/api/admin/clock', { by: '-1h' });
    expect(res.statusCode).toBe(422);
    expect((await admin.post('/api/admin/clock', { by: 'besok' })).statusCode).toBe(422);
  });
});

describe('the real clock cannot be moved', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses the move, in Indonesian and English, and audits nothing', async () => {
    const admin = await signedIn(t.app, 'admin');
    const res = await admin.post('/api/admin/clock', { by: '1h' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('calendar.clock_fixed');
    expect(res.json().error.message).toContain('jam uji tidak aktif');
    const en = await admin.post('/api/admin/clock', { by: '1h' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('no test clock is on');
    const audit = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'clock.advance'`,
    )) as unknown as { rows: Array<{ n: number }> };
    expect(audit.rows[0]?.n).toBe(0);
  });
});
