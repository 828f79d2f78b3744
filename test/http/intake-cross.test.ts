/**
 * An intake correction that crosses an action: the correction reads the case, and the action
 * moves it on before the correction writes. The correction must reckon the step's decision due
 * time from the step the case stands at when it holds the row, not the one it read. Only
 * PostgreSQL has the parallel connections to cross them.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { lockWaiters, secondConnection } from '../db.ts';
import { declareEmergency, plainItem } from '../relief.ts';

const pdf = Buffer.from('%PDF-1.4\n% silang\n');
const hour = 3_600_000;
const intake = (priority: string) => ({
  areaCode: '36.02.01',
  requestingOffice: 'Dinas Sosial Kabupaten Lebak',
  priority,
});

describe.runIf(Boolean(process.env.DATABASE_URL))('an intake correction crossing an action', () => {
  let t: TestApp;
  let other: pg.Client;
  let fo: Agent;
  let fungsional: Agent;
  let caseId = 0;
  let version = 0;
  let itemId = 0;

  const waiters = (n: number) => lockWaiters(other, n);

  beforeAll(async () => {
    t = await createTestApp();
    other = await secondConnection(t.database);
    fo = await signedIn(t.app, 'banten.fo', '10.17.0.1');
    const kadis = await signedIn(t.app, 'banten.kadis', '10.17.0.2');
    const kabid = await signedIn(t.app, 'banten.kabid', '10.17.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.17.0.4');
    const db = t.database.db;
    const unitId = await unitIdOf(db, 'banten');
    itemId = (await plainItem(db, unitId, { name: 'Selimut Uji Silang', uom: 'lembar', category: 'shelter' }))
      .id;
    await declareEmergency(kadis, '360/Kep.401-Huk/2026', ['36.02']);
    const opened = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Silang' },
      intake: intake('rendah'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    version = 1;
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${caseId}/documents/${paper}`, pdf)).statusCode).toBe(201);
    for (const [who, action, data] of [
      [fo, 'teruskan', undefined],
      [kadis, 'teruskan', undefined],
      [kabid, 'disposisikan', { instruction: 'Teliti dan saran' }],
    ] as const) {
      const res = await who.post(`/api/cases/${caseId}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().case.version;
    }
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  it('reckons the corrected priority from the step the action moved the case to', async () => {
    const row = async () =>
      (
        await other.query<{ step: string; opened_at: Date; step_due_at: Date | null }>(
          'SELECT step, opened_at, step_due_at FROM cases WHERE id = $1',
          [caseId],
        )
      ).rows[0];
    // At the officer's review there is no step deadline yet.
    expect(await row()).toMatchObject({ step: 'telaah', step_due_at: null });

    // The case row is held while the officer's proposal and then the desk's correction (which has
    // read the case at the review) come to wait on it; released, the proposal lands first.
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const proposal = fungsional.post(`/api/cases/${caseId}/actions`, {
      action: 'ajukan',
      version,
      data: { peopleAffected: 12, days: 2, lines: [{ itemId, quantity: 6 }] },
    });
    await waiters(1);
    const correction = fo.put(`/api/cases/${caseId}/intake`, {
      previous: intake('rendah'),
      intake: intake('kritis'),
      reason: 'Posko melaporkan korban terjebak banjir',
    });
    await waiters(2);
    await other.query('COMMIT');
    const [proposed, corrected] = await Promise.all([proposal, correction]);
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(corrected.statusCode, corrected.body).toBe(200);

    // The case waits at the approval, due 4 h after its opening (critical), not 48 h (low), and
    // not without a deadline as the review it was read at would give.
    const after = await row();
    expect(after?.step).toBe('persetujuan');
    expect(after?.step_due_at?.toISOString()).toBe(
      new Date((after?.opened_at.getTime() ?? 0) + 4 * hour).toISOString(),
    );
    const detail = (await fo.get(`/api/cases/${caseId}`)).json();
    expect(detail.deadlines[0]).toMatchObject({ value: 'kritis', hours: 4 });
  });
});
