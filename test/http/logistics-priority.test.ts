import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queue, updateProjection } from '../../src/cases/cases.repository.ts';
import { todayIn } from '../../src/core/dates.ts';
import { rows } from '../../src/db/client.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { declareEmergency, plainItem } from '../relief.ts';

const pdf = Buffer.from('%PDF-1.4\n% prioritas\n');
const hour = 3_600_000;

/**
 * A relief request's priority sets when the Kepala Bidang's decision is due (DOMAIN.md §8: 4 h
 * critical, 8 h high, 24 h routine, 48 h low, warned at 75%), as the Banten standard's approval
 * step declares it. On a clock the test moves: the case page and the requests report tell each
 * request's deadline, whether it is near or past, and whether the decision came in time.
 */
describe('relief request priority: the deadline of the Kepala Bidang’s decision', () => {
  const clock = new ManualClock(Date.parse(`${todayIn('Asia/Jakarta')}T01:00:00Z`) + 3 * 86_400_000);
  const openedAt = clock.now();
  const day = todayIn('Asia/Jakarta', new Date(clock.now()));
  let t: TestApp;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  let itemId: number;
  const ids: Record<string, number> = {};
  const versions: Record<string, number> = {};

  const detail = async (key: string) => (await kabid.get(`/api/cases/${ids[key]}`)).json();
  /** The case as the Kepala Bidang's queue lists it; the queue stays soonest due first. */
  const queued = async (key: string) => {
    const queue = (await kabid.get('/api/cases')).json() as {
      cases: Array<{ id: number; dueAt: string | null; stepRole: string | null }>;
    };
    const due = queue.cases.map((c) => (c.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(c.dueAt)));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    return queue.cases.find((c) => c.id === ids[key]);
  };
  const act = async (
    key: string,
    who: Agent,
    action: string,
    data?: Record<string, unknown>,
    note?: string,
  ) => {
    const res = await who.post(`/api/cases/${ids[key]}/actions`, {
      action,
      version: versions[key],
      ...(data ? { data } : {}),
      ...(note ? { note } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    versions[key] = res.json().case.version;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    fo = await signedIn(t.app, 'banten.fo', '10.19.0.1');
    kadis = await signedIn(t.app, 'banten.kadis', '10.19.0.2');
    kabid = await signedIn(t.app, 'banten.kabid', '10.19.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.19.0.4');
    const db = t.database.db;
    const unitId = await unitIdOf(db, 'banten');
    itemId = (await plainItem(db, unitId, { name: 'Air Mineral Uji', uom: 'dus', category: 'water' })).id;
    await declareEmergency(kadis, '360/Kep.400-Huk/2026', ['36.02'], { day });
    for (const [key, priority] of [
      ['kritis', 'kritis'],
      ['unset', undefined],
      ['rendah', 'rendah'],
    ] as const) {
      const opened = await fo.post('/api/cases', {
        standardId: 'logistik-tanggap-darurat',
        applicant: { name: `Posko ${key}` },
        intake: {
          areaCode: '36.02.01',
          requestingOffice: 'Dinas Sosial Kabupaten Lebak',
          ...(priority ? { priority } : {}),
        },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      ids[key] = opened.json().id;
      versions[key] = 1;
    }
  });
  afterAll(() => t.close());

  it('refuses a priority that is not one of the standard’s options, before anything is kept', async () => {
    const res = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Salah' },
      intake: { areaCode: '36.02.01', requestingOffice: 'Dinas Sosial Kabupaten Lebak', priority: 'segera' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['intake.priority']);
  });

  it('gives the critical request 4 hours and the one opened without a priority 24, on the wall clock', async () => {
    const critical = (await detail('kritis')).deadlines;
    expect(critical).toEqual([
      {
        step: 'persetujuan',
        stepLabel: 'Disposisi setuju/tolak Kepala Bidang',
        value: 'kritis',
        valueLabel: 'Kritis (mengancam jiwa)',
        answered: true,
        hours: 4,
        dueAt: new Date(openedAt + 4 * hour).toISOString(),
        warnAt: new Date(openedAt + 3 * hour).toISOString(),
        decidedAt: null,
        status: 'running',
      },
    ]);
    expect((await detail('unset')).deadlines[0]).toMatchObject({
      value: 'rutin',
      valueLabel: 'Rutin',
      answered: false,
      hours: 24,
      status: 'running',
    });
  });

  it('warns at 75% of the time and flags the decision late past it; a decision stops the clock', async () => {
    clock.advance(3 * hour);
    expect((await detail('kritis')).deadlines[0].status).toBe('warning');
    expect((await detail('unset')).deadlines[0].status).toBe('running');
    // The critical request goes through the steps before the approval; it is still undecided.
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${ids.kritis}/documents/${paper}`, pdf)).statusCode).toBe(201);
    await act('kritis', fo, 'teruskan');
    await act('kritis', kadis, 'teruskan');
    // At the disposition the Kepala Bidang's queue shows the case's own due time: no step deadline.
    expect(await queued('kritis')).toMatchObject({ priority: null, dueSoon: false, overdue: false });
    await act('kritis', kabid, 'disposisikan', { instruction: 'Teliti dan saran, segera' });
    await act('kritis', fungsional, 'ajukan', {
      peopleAffected: 40,
      days: 3,
      lines: [{ itemId, quantity: 20 }],
    });
    expect((await detail('kritis')).deadlines[0]).toMatchObject({ status: 'warning', decidedAt: null });
    // Waiting for the decision, the queue tells the priority and the decision's due time.
    const critical = await queued('kritis');
    expect(critical).toMatchObject({
      stepLabel: 'Disposisi setuju/tolak Kepala Bidang',
      priority: 'Kritis (mengancam jiwa)',
      dueAt: new Date(openedAt + 4 * hour).toISOString(),
      dueSoon: true,
      overdue: false,
    });
    clock.advance(hour + 60_000);
    expect((await detail('kritis')).deadlines[0].status).toBe('late');
    expect(await queued('kritis')).toMatchObject({ dueSoon: false, overdue: true });
    // The case list's overdue filter and the home page's counts reckon it late the same way.
    const late = (await kabid.get('/api/cases/list?queue=mine&due=overdue')).json();
    expect(late.cases.map((c: { id: number }) => c.id)).toContain(ids.kritis);
    expect(late.cases.find((c: { id: number }) => c.id === ids.kritis)).toMatchObject({
      dueAt: new Date(openedAt + 4 * hour).toISOString(),
      overdue: true,
    });
    const work = (await kabid.get('/api/home')).json().work as Array<{
      role: string | null;
      overdue: number;
    }>;
    expect(work.find((w) => w.role === critical?.stepRole)?.overdue).toBe(1);
    await act('kritis', kabid, 'tolak', undefined, 'Stok air habis, dialihkan ke gudang Kemensos');
    const decided = (await detail('kritis')).deadlines[0];
    expect(decided).toMatchObject({ status: 'metLate', decidedAt: new Date(clock.now()).toISOString() });
    clock.advance(48 * hour);
    expect((await detail('kritis')).deadlines[0].status).toBe('metLate');
    // The low-priority request refused at registration never reaches the decision.
    await act('rendah', fo, 'tolak', undefined, 'Berkas permohonan bukan dari posko yang terdaftar');
    expect((await detail('rendah')).deadlines[0]).toMatchObject({ status: 'ended', decidedAt: null });
    expect((await detail('unset')).deadlines[0].status).toBe('late');
  });

  it('lists the priority and the decision’s deadline in the requests report and its workbook', async () => {
    const report = (await kabid.get('/api/logistics/requests?status=all')).json();
    const byCase = new Map(
      report.requests.map((r: { caseId: number; deadline: unknown }) => [r.caseId, r.deadline]),
    );
    expect(byCase.get(ids.kritis)).toMatchObject({ value: 'kritis', hours: 4, status: 'metLate' });
    expect(byCase.get(ids.unset)).toMatchObject({ value: 'rutin', answered: false, status: 'late' });
    expect(byCase.get(ids.rendah)).toMatchObject({ value: 'rendah', hours: 48, status: 'ended' });

    const res = await kabid.get('/api/logistics/requests.xlsx?status=all');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Umur permohonan');
    if (!sheet) throw new Error('no sheet Umur permohonan');
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(16)).toEqual([
      'Prioritas',
      'Batas keputusan Kepala Bidang (UTC)',
      'Diputuskan (UTC)',
      'Keputusan',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1));
    });
    const tracking = new Map(
      report.requests.map((r: { caseId: number; trackingCode: string }) => [r.caseId, r.trackingCode]),
    );
    const rowOf = (key: string) => rows.find((r) => r[0] === tracking.get(ids[key] as number)) ?? [];
    expect(rowOf('kritis').slice(16, 17)).toEqual(['Kritis (mengancam jiwa)']);
    expect(rowOf('kritis')[17]).toEqual(new Date(openedAt + 4 * hour));
    expect(rowOf('kritis')[19]).toBe('Terlambat');
    expect([rowOf('unset')[16], rowOf('unset')[19]]).toEqual(['Rutin (tidak dipilih)', 'Melewati batas']);
    expect(rowOf('rendah')[19]).toBe('Tidak diperlukan (ditutup sebelumnya)');
  });
  it('orders the queue in the database by the decision’s due time, so a page holds the urgent ones', async () => {
    // A low-priority request opened first, a critical one an hour later: the critical one is due first.
    for (const [key, priority] of [
      ['lama', 'rendah'],
      ['baru', 'kritis'],
    ] as const) {
      const opened = await fo.post('/api/cases', {
        standardId: 'logistik-tanggap-darurat',
        applicant: { name: `Posko ${key}` },
        intake: { areaCode: '36.02.01', requestingOffice: 'Dinas Sosial Kabupaten Lebak', priority },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      ids[key] = opened.json().id;
      versions[key] = 1;
      clock.advance(hour);
    }
    for (const key of ['lama', 'baru']) {
      for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
        expect((await fo.upload(`/api/cases/${ids[key]}/documents/${paper}`, pdf)).statusCode).toBe(201);
      await act(key, fo, 'teruskan');
      await act(key, kadis, 'teruskan');
      await act(key, kabid, 'disposisikan', { instruction: 'Teliti dan saran' });
      await act(key, fungsional, 'ajukan', { peopleAffected: 10, days: 1, lines: [{ itemId, quantity: 5 }] });
    }
    const critical = await queued('baru');
    expect(critical).toMatchObject({ priority: 'Kritis (mengancam jiwa)' });
    const older = await queued('lama');
    expect(Date.parse(older?.dueAt ?? '')).toBeGreaterThan(Date.parse(critical?.dueAt ?? ''));
    // A page of one: the critical request, although the low one was opened (and falls due as a case) first.
    const db = t.database.db;
    const scope = { open: [critical?.stepRole ?? ''], scoped: [], divisionCode: undefined };
    const banten = await unitIdOf(db, 'banten');
    const page = await queue(db, banten, scope, 1);
    expect(page.map((c) => c.id)).toEqual([ids.baru]);
    // The engine stored each decision's due time when the case reached the approval step.
    expect(page[0]?.stepDueAt?.toISOString()).toBe(critical?.dueAt);
    expect(Date.parse(older?.dueAt ?? '')).toBe((page[0]?.openedAt.getTime() ?? 0) - hour + 48 * hour);

    // The desk corrects the older request to critical: it is due first now, on the queue as in the list.
    const corrected = await fo.put(`/api/cases/${ids.lama}/intake`, {
      previous: {
        areaCode: '36.02.01',
        requestingOffice: 'Dinas Sosial Kabupaten Lebak',
        priority: 'rendah',
      },
      intake: { areaCode: '36.02.01', requestingOffice: 'Dinas Sosial Kabupaten Lebak', priority: 'kritis' },
      reason: 'Salah pilih prioritas saat registrasi',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await queue(db, banten, scope, 1)).map((c) => c.id)).toEqual([ids.lama]);
    expect((await queued('lama'))?.dueAt).toBe(
      new Date((page[0]?.openedAt.getTime() ?? 0) - hour + 4 * hour).toISOString(),
    );
    // An action reckoned from the answers before the correction is refused as a conflict, so
    // it cannot write back the deadline of the old priority.
    const [now] = await rows<{ version: number; intake: Record<string, string> }>(
      db,
      sql`SELECT version, intake FROM cases WHERE id = ${ids.lama}`,
    );
    const version = now?.version ?? 0;
    const stale = { ...now?.intake, priority: 'rendah' };
    expect(await updateProjection(db, ids.lama ?? 0, { version, intake: stale }, { version })).toBe(false);
    expect(
      await updateProjection(db, ids.lama ?? 0, { version, intake: now?.intake ?? {} }, { version }),
    ).toBe(true);

    // Cases that waited before the column existed get the same from the migration's backfill.
    const stored = sql`SELECT id, step_due_at FROM cases WHERE unit_id = ${banten} ORDER BY id`;
    const before = await rows<{ id: number; step_due_at: unknown }>(db, stored);
    expect(before.filter((c) => c.step_due_at !== null).length).toBeGreaterThan(0);
    await db.execute(sql`UPDATE cases SET step_due_at = NULL`);
    const migration = readFileSync('src/db/migrations/0033_step_due_at.sql', 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => part.includes('UPDATE'));
    await db.execute(sql.raw(backfill ?? 'SELECT 1'));
    expect(await rows(db, stored)).toEqual(before);
  });
});
