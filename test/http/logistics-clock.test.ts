import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { createItem, createWarehouse, receiveGoods } from '../../src/logistics/stock.service.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% logistik\n');
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The ledger dates what a relief request's actions post at the action's time, on the
 * installation's clock, so that the stock card and the case history tell one time (a demo or an
 * acceptance run shifts that clock; a back-dated ledger would not match the BAST's date).
 */
describe('relief request postings follow the installation clock', () => {
  // 10:00 in Jakarta five days on, days away from the real time of the run.
  const today = todayIn('Asia/Jakarta');
  const clock = new ManualClock(Date.parse(`${today}T03:00:00Z`) + 5 * 86_400_000);
  const day = todayIn('Asia/Jakarta', new Date(clock.now()));
  const inDays = (n: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  let t: TestApp;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    fo = await signedIn(t.app, 'banten.fo', '10.17.0.1');
    kadis = await signedIn(t.app, 'banten.kadis', '10.17.0.2');
    kabid = await signedIn(t.app, 'banten.kabid', '10.17.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.17.0.4');
  });
  afterAll(() => t.close());

  /** A request of Cibeber taken through approval on the clock; each action one hour later. */
  async function approvedRequest(office: string) {
    const db = t.database.db;
    const [unit] = rows<{ id: number }>(await db.execute(sql`SELECT id FROM units WHERE code = 'banten'`));
    const [user] = rows<{ id: number }>(
      await db.execute(sql`SELECT id FROM users WHERE username = 'banten.fungsional'`),
    );
    const unitId = unit?.id as number;
    const warehouse = await createWarehouse(db, unitId, {
      code: `GDG-${office}`,
      name: `Gudang Uji ${office}`,
    });
    const rice = await createItem(db, unitId, {
      name: `Beras Uji ${office}`,
      uom: 'kg',
      category: 'food',
      normPerPersonDay: 0.4,
      normUnit: 'kg',
      minimum: null,
    });
    const received = await receiveGoods(db, {
      unitId,
      warehouseId: warehouse.id,
      source: 'procurement',
      supplier: 'Bulog',
      documentRef: `BAPB/${office}/1`,
      receivedOn: day,
      lines: [{ itemId: rice.id, quantity: 100, expiresOn: inDays(90) }],
      userId: user?.id as number,
      clock,
    });
    const opened = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: `Posko Banjir ${office}` },
      intake: { areaCode: '36.02', requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, pdf)).statusCode).toBe(201);
    let version = 1;
    const act = async (who: Agent, action: string, data?: Record<string, unknown>, reason?: string) => {
      clock.advance(3_600_000);
      const res = await who.post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
        ...(reason ? { note: reason } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().case.version;
      return clock.now();
    };
    await act(fo, 'teruskan');
    await act(kadis, 'teruskan');
    await act(kabid, 'disposisikan', { instruction: 'Teliti dan saran' });
    await act(fungsional, 'ajukan', {
      peopleAffected: 50,
      days: 3,
      lines: [{ itemId: rice.id, quantity: 60 }],
    });
    const approvedAt = await act(kabid, 'setujui', {
      warehouseId: warehouse.id,
      lines: [{ itemId: rice.id, quantity: 60 }],
    });
    const ledger = async () =>
      rows<{ kind: string; quantity: number; at: Date | string }>(
        await db.execute(
          sql`SELECT kind, quantity, at FROM stock_movements WHERE source_kind = 'case' AND source_id = ${id} ORDER BY id`,
        ),
      ).map((r) => [r.kind, r.quantity, new Date(r.at).getTime()]);
    return { act, approvedAt, ledger, batchId: received.batchIds[0] };
  }

  it('declares the emergency the requests run under', async () => {
    const declared = await kadis.post('/api/emergencies', {
      number: '360/Kep.130-Huk/2026',
      decreedOn: day,
      declaredBy: 'gubernur',
      disaster: 'Banjir',
      areas: ['36.02'],
      startsOn: day,
      endsOn: inDays(14),
    });
    expect(declared.statusCode, declared.body).toBe(201);
  });

  it('reservation, dispatch, return and write-off rows carry the time of their actions', async () => {
    const { act, approvedAt, ledger, batchId } = await approvedRequest('JAM');
    const shippedAt = await act(fungsional, 'kirim', { vehicle: 'A 1234 BC', driver: 'Ujang' });
    const handedAt = await act(fungsional, 'serahkan', {
      receiverName: 'H. Suhendi',
      receiverPosition: 'Kepala Desa Cibeber',
      returns: [
        { batchId, quantity: 5, reason: 'Kurang 5 kg saat dihitung' },
        { batchId, quantity: 2, damaged: true, reason: 'Karung sobek, beras basah' },
      ],
    });
    expect(await ledger()).toEqual([
      ['reservation', 60, approvedAt],
      ['dispatch', 60, shippedAt],
      ['return', 5, handedAt],
      ['return', 2, handedAt],
      ['write_off', 2, handedAt],
    ]);
  });

  it('a request withdrawn after approval releases its reservation at the withdrawal', async () => {
    const { act, approvedAt, ledger } = await approvedRequest('BTL');
    const withdrawnAt = await act(
      fungsional,
      'batalkan',
      undefined,
      'Posko sudah menerima bantuan dari BPBD',
    );
    expect(await ledger()).toEqual([
      ['reservation', 60, approvedAt],
      ['release', 60, withdrawnAt],
    ]);
  });
});
