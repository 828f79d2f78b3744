import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStock,
  createItem,
  createWarehouse,
  returnStock,
  stockPosition,
} from '../../src/logistics/stock.service.ts';
import { type Agent, createTestApp, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { inDays, receiveToday, today } from '../relief.ts';

const pdf = Buffer.from('%PDF-1.4\n% logistik\n');

/** Issue 16: a Banten relief request opens only under an active emergency, then runs a–f. */
describe('relief requests (Banten): the emergency check at opening and the workflow', () => {
  let t: TestApp;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  const count = async () =>
    Number(
      (
        (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM cases`)) as unknown as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]?.n,
    );
  const request = (areaCode: string, name = 'Posko Banjir Cibeber') => ({
    standardId: 'logistik-tanggap-darurat',
    applicant: { name },
    intake: { areaCode, requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
  });

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'banten.fo', '10.16.0.1');
    kadis = await signedIn(t.app, 'banten.kadis', '10.16.0.2');
    kabid = await signedIn(t.app, 'banten.kabid', '10.16.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.16.0.4');
  });
  afterAll(() => t.close());

  it('refuses a request for an area under no emergency, naming the area in both languages', async () => {
    const before = await count();
    const id = await fo.post('/api/cases', request('36.02'));
    expect(id.statusCode).toBe(422);
    expect(id.json().error.code).toBe('emergency.not_active');
    expect(id.json().error.message).toBe(
      'Wilayah Kabupaten Lebak tidak dalam status tanggap darurat; permohonan bantuan logistik tidak dapat diterima.',
    );
    const en = await fo.post('/api/cases', request('36.02'), { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      'Kabupaten Lebak is not under an emergency response status; the relief request cannot be accepted.',
    );
    expect(await count()).toBe(before);
  });

  it('refuses an unknown region code and a missing area before anything is written', async () => {
    const unknown = await fo.post('/api/cases', request('36.99'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.problems).toEqual([
      {
        path: 'intake.areaCode',
        message: 'Wilayah terdampak (kabupaten/kota atau kecamatan): kode wilayah tidak dikenal (36.99)',
      },
    ]);
    const garbled = await fo.post('/api/cases', request('Lebak'));
    expect(garbled.json().error.problems[0].path).toBe('intake.areaCode');
    const missing = await fo.post('/api/cases', { ...request('36.02'), intake: {} });
    expect(missing.json().error.problems.map((p: { path: string }) => p.path)).toContain('intake.areaCode');
  });

  it('opens a request for a district inside a declared regency, and again refuses once it ends', async () => {
    const declared = await kadis.post('/api/emergencies', {
      number: '360/Kep.101-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir bandang',
      areas: ['36.02'],
      startsOn: today,
      endsOn: inDays(14),
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const opened = await fo.post('/api/cases', request('36.02.01'));
    expect(opened.statusCode, opened.body).toBe(201);
    const detail = (await kadis.get(`/api/cases/${opened.json().id}`)).json();
    expect(detail.actions[0].data).toEqual({
      result: { emergencyId: declared.json().id, areaCode: '36.02' },
    });
    // Pandeglang is not in the area.
    const other = await fo.post('/api/cases', request('36.01'));
    expect(other.json().error.message).toMatch(
      /^Wilayah Kabupaten Pandeglang tidak dalam status tanggap darurat/,
    );
    // A declaration that starts tomorrow does not cover today.
    await kadis.post('/api/emergencies', {
      number: '360/Kep.102-Huk/2026',
      decreedOn: today,
      declaredBy: 'bupati',
      disaster: 'Tanah longsor',
      areas: ['36.01'],
      startsOn: inDays(1),
      endsOn: inDays(7),
    });
    expect((await fo.post('/api/cases', request('36.01'))).statusCode).toBe(422);
    const ended = await kadis.post(`/api/emergencies/${declared.json().id}/end`, {
      number: '360/Kep.110-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
    });
    expect(ended.statusCode).toBe(200);
    const after = await fo.post('/api/cases', request('36.02.01'));
    expect(after.statusCode).toBe(422);
    expect(after.json().error.message).toMatch(/^Wilayah Malingping tidak dalam status tanggap darurat/);
  });

  it('runs a to f with the stock: telaah estimate, approval reserves, shipment dispatches, handover returns', async () => {
    const db = t.database.db;
    const unitId = await unitIdOf(db, 'banten');
    const userId = (
      (await db.execute(sql`SELECT id FROM users WHERE username = 'banten.fungsional'`)) as unknown as {
        rows: Array<{ id: number }>;
      }
    ).rows[0]?.id as number;
    const warehouse = await createWarehouse(db, unitId, { code: 'GDG-UJI', name: 'Gudang Uji Provinsi' });
    const rice = await createItem(db, unitId, {
      name: 'Beras Uji',
      uom: 'kg',
      category: 'food',
      normPerPersonDay: 0.4,
      normUnit: 'kg',
      minimum: null,
    });
    const tarp = await createItem(db, unitId, {
      name: 'Terpal Uji',
      uom: 'lembar',
      category: 'shelter',
      normPerPersonDay: null,
      normUnit: null,
      minimum: null,
    });
    const received = await receiveToday(db, {
      unitId,
      warehouseId: warehouse.id,
      documentRef: 'BAPB/UJI/1',
      lines: [
        { itemId: rice.id, quantity: 300, expiresOn: inDays(200) },
        { itemId: rice.id, quantity: 300, expiresOn: inDays(60) },
        { itemId: tarp.id, quantity: 50, expiresOn: null },
      ],
      userId,
    });
    const position = async (itemId: number) => {
      const row = (await stockPosition(db, unitId, warehouse.id)).find((p) => p.itemId === itemId);
      return { onHand: row?.onHand, reserved: row?.reserved, available: row?.available };
    };
    await kadis.post('/api/emergencies', {
      number: '360/Kep.120-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir',
      areas: ['36.01'],
      startsOn: today,
      endsOn: inDays(14),
    });
    const id = (await fo.post('/api/cases', request('36.01.01', 'Posko Desa Sumur'))).json().id as number;
    const act = (
      who: Agent,
      action: string,
      version: number,
      data?: Record<string, unknown>,
      note?: string,
    ) =>
      who.post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
        ...(note ? { note } : {}),
      });
    const early = await act(fo, 'teruskan', 1);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('case.documents_missing');
    expect(early.json().error.details.missing.map((m: { id: string }) => m.id)).toEqual([
      'permohonan',
      'surat-dinsos-kabkota',
      'asesmen',
    ]);
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, pdf)).statusCode).toBe(201);
    expect((await act(fo, 'teruskan', 1)).statusCode).toBe(200);
    expect((await act(kadis, 'teruskan', 2)).statusCode).toBe(200);
    // The functional officer may not give the Kepala Bidang's disposition.
    expect((await act(fungsional, 'disposisikan', 3, { instruction: 'teliti dan saran' })).statusCode).toBe(
      403,
    );
    expect((await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' })).statusCode).toBe(200);

    // The case page's telaah preview: the catalogue with stock, no estimate before people and days.
    const atTelaah = (await fungsional.get(`/api/cases/${id}`)).json().previews.ajukan;
    expect(atTelaah.kind).toBe('logistics.needs');
    expect(atTelaah.estimate).toBeNull();
    expect(atTelaah.stock.find((s: { itemId: number }) => s.itemId === rice.id)).toMatchObject({
      name: 'Beras Uji',
      uom: 'kg',
      normPerPersonDay: 0.4,
      available: 600,
    });
    // Incomplete form values (as typed, or not yet typed) give no estimate, and no error.
    const typed = await fungsional.post(`/api/cases/${id}/preview`, {
      action: 'ajukan',
      data: { peopleAffected: '100', days: '', lines: [] },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json().effect.estimate).toBeNull();
    // A thousand people as an office types it: 1.000 × 7 days × 0.4 kg = 2.800 kg.
    const grouped = await fungsional.post(`/api/cases/${id}/preview`, {
      action: 'ajukan',
      data: { peopleAffected: '1.000', days: '7', lines: [] },
    });
    expect(
      grouped.json().effect.estimate.items.find((i: { itemId: number }) => i.itemId === rice.id).needed,
    ).toBe(2800);
    // A decimal comma is not a count of people: no estimate rather than a misread one.
    const decimal = await fungsional.post(`/api/cases/${id}/preview`, {
      action: 'ajukan',
      data: { peopleAffected: '1,5', days: '7', lines: [] },
    });
    expect(decimal.json().effect.estimate).toBeNull();
    // The telaah: the needs estimate (100 people × 7 days × 0.4 kg = 280 kg) beside the stock.
    const preview = await fungsional.post(`/api/cases/${id}/preview`, {
      action: 'ajukan',
      data: { peopleAffected: 100, days: 7, lines: [{ itemId: rice.id, quantity: 500 }] },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const estimate = preview.json().effect.estimate;
    expect(estimate.sphere).toEqual({ waterLitres: 10_500, kcal: 1_470_000, shelterM2: 350 });
    expect(estimate.items.find((i: { itemId: number }) => i.itemId === rice.id)).toMatchObject({
      needed: 280,
      available: 600,
      reserved: 0,
      proposed: 500,
    });
    expect(estimate.items.find((i: { itemId: number }) => i.itemId === tarp.id).needed).toBeNull();
    const badLines = await act(fungsional, 'ajukan', 4, {
      peopleAffected: 100,
      days: 7,
      lines: [{ itemId: 999999, quantity: 0 }],
    });
    expect(badLines.statusCode).toBe(422);
    expect(badLines.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'data.lines[0].quantity',
    ]);
    const unknownItem = await act(fungsional, 'ajukan', 4, {
      peopleAffected: 100,
      days: 7,
      lines: [{ itemId: 999999, quantity: 5 }],
    });
    expect(unknownItem.json().error.problems).toEqual([
      { path: 'data.lines[0].itemId', message: 'barang tidak ada di katalog' },
    ]);
    // Typed into the form's fields, the counts arrive as text; "1.00" is refused, "100" taken.
    const misgrouped = await act(fungsional, 'ajukan', 4, {
      peopleAffected: '1.00',
      days: '7',
      lines: [{ itemId: rice.id, quantity: 500 }],
    });
    expect(misgrouped.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'data.peopleAffected',
    ]);
    const telaah = await act(fungsional, 'ajukan', 4, {
      peopleAffected: '100',
      days: '7',
      lines: [
        { itemId: rice.id, quantity: 500 },
        { itemId: tarp.id, quantity: 20 },
      ],
    });
    expect(telaah.statusCode, telaah.body).toBe(200);

    // The Kepala Bidang's page starts from the telaah's lines, the first warehouse and its stock.
    const atApproval = (await kabid.get(`/api/cases/${id}`)).json().previews.setujui;
    expect(atApproval.kind).toBe('logistics.approval');
    expect(atApproval.proposal).toEqual({
      peopleAffected: 100,
      days: 7,
      lines: [
        { itemId: rice.id, quantity: 500 },
        { itemId: tarp.id, quantity: 20 },
      ],
    });
    expect(atApproval.warehouses.map((w: { name: string }) => w.name)).toContain('Gudang Uji Provinsi');
    const chosen = await kabid.post(`/api/cases/${id}/preview`, {
      action: 'setujui',
      data: { warehouseId: warehouse.id },
    });
    expect(chosen.json().effect.warehouseId).toBe(warehouse.id);
    expect(
      chosen.json().effect.stock.map((s: { name: string; available: number }) => [s.name, s.available]),
    ).toEqual(
      expect.arrayContaining([
        ['Beras Uji', 600],
        ['Terpal Uji', 50],
      ]),
    );
    const foreign = await kabid.post(`/api/cases/${id}/preview`, {
      action: 'setujui',
      data: { warehouseId: 999_999 },
    });
    expect(foreign.statusCode).toBe(404);
    // d. Approval beyond the stock is refused and changes nothing; a lower quantity reserves.
    const tooMuch = await act(kabid, 'setujui', 5, {
      warehouseId: warehouse.id,
      lines: [{ itemId: rice.id, quantity: 700 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe('stock.insufficient');
    expect(await position(rice.id)).toEqual({ onHand: 600, reserved: 0, available: 600 });
    expect((await kabid.get(`/api/cases/${id}`)).json().step.id).toBe('persetujuan');
    const approved = await act(kabid, 'setujui', 5, {
      warehouseId: warehouse.id,
      lines: [
        { itemId: rice.id, quantity: 400 },
        { itemId: tarp.id, quantity: 20 },
      ],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await position(rice.id)).toEqual({ onHand: 600, reserved: 400, available: 200 });
    // First expiry first out: the 300 kg expiring in 60 days, then 100 of the later batch.
    const reservedBatches = approved.json().actions.at(-1).data.result.allocations as Array<{
      batchId: number;
      itemId: number;
      quantity: number;
    }>;
    expect(reservedBatches.filter((a) => a.itemId === rice.id).map((a) => [a.batchId, a.quantity])).toEqual([
      [received.batchIds[1], 300],
      [received.batchIds[0], 100],
    ]);

    // e. The shipment's preview lists what is reserved, batch by batch; it dispatches that.
    const atShipment = (await fungsional.get(`/api/cases/${id}`)).json().previews;
    expect(atShipment.kirim.kind).toBe('logistics.shipment');
    expect(
      atShipment.kirim.lines.map((l: { name: string; reserved: number; warehouse: string }) => [
        l.name,
        l.reserved,
        l.warehouse,
      ]),
    ).toEqual([
      ['Beras Uji', 300, 'Gudang Uji Provinsi'],
      ['Beras Uji', 100, 'Gudang Uji Provinsi'],
      ['Terpal Uji', 20, 'Gudang Uji Provinsi'],
    ]);
    expect(atShipment.batalkan.kind).toBe('logistics.release');
    expect(atShipment.batalkan.lines).toHaveLength(3);
    const shipped = await act(fungsional, 'kirim', 6, { vehicle: 'A 1234 BC', driver: 'Ujang' });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(await position(rice.id)).toEqual({ onHand: 200, reserved: 0, available: 200 });
    expect(await position(tarp.id)).toEqual({ onHand: 30, reserved: 0, available: 30 });

    // f. The handover's preview: what was dispatched per batch, nothing reserved any more.
    const atHandover = (await fungsional.get(`/api/cases/${id}`)).json().previews.serahkan;
    expect(atHandover.kind).toBe('logistics.handover');
    expect(
      atHandover.lines.map((l: { batchId: number; dispatched: number; reserved: number }) => [
        l.batchId,
        l.dispatched,
        l.reserved,
      ]),
    ).toEqual([
      [received.batchIds[1], 300, 0],
      [received.batchIds[0], 100, 0],
      [received.batchIds[2], 20, 0],
    ]);
    // The handover: 10 kg short (back to stock), 2 tarpaulins torn (back, then written off).
    const noReason = await act(fungsional, 'serahkan', 7, {
      receiverName: 'H. Suhendi',
      receiverPosition: 'Kepala Desa Sumur',
      returns: [{ batchId: received.batchIds[0], quantity: 10 }],
    });
    expect(noReason.statusCode).toBe(422);
    // What was not sent cannot come back: more than the batch sent, a batch this shipment never
    // took from, two lines of one batch above what it sent. Refused on the line, nothing moves.
    const elsewhere = await createWarehouse(db, unitId, { code: 'GDG-UJI-LAIN', name: 'Gudang Uji Lain' });
    const [unsent] = (
      await receiveToday(db, {
        unitId,
        warehouseId: elsewhere.id,
        source: 'donation',
        supplier: 'Donatur',
        documentRef: 'BAPB/UJI/LAIN',
        lines: [{ itemId: tarp.id, quantity: 5, expiresOn: null }],
        userId,
      })
    ).batchIds;
    const refused = await act(fungsional, 'serahkan', 7, {
      receiverName: 'H. Suhendi',
      receiverPosition: 'Kepala Desa Sumur',
      returns: [
        { batchId: received.batchIds[1], quantity: 301, reason: 'Dihitung ulang di posko' },
        { batchId: unsent, quantity: 3, reason: 'Tidak pernah dikirim' },
        { batchId: received.batchIds[2], quantity: 15, damaged: true, reason: 'Sobek dalam perjalanan' },
        { batchId: received.batchIds[2], quantity: 10, damaged: true, reason: 'Sobek dalam perjalanan' },
        { batchId: received.batchIds[0], quantity: 1, condition: 'dicuri', reason: 'Tidak ada di truk' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(
      refused.json().error.problems.map((p: { path: string; message: string }) => [p.path, p.message]),
    ).toEqual([
      ['data.returns[4].condition', 'keadaan barang harus kembali ke gudang, rusak, atau hilang'],
      ['data.returns[0].quantity', 'melebihi yang dikirim dari batch ini (300)'],
      ['data.returns[1].batchId', 'batch ini tidak dikirim untuk permohonan ini'],
      ['data.returns[3].quantity', 'melebihi yang dikirim dari batch ini (20)'],
    ]);
    expect(await position(rice.id)).toEqual({ onHand: 200, reserved: 0, available: 200 });
    expect(await position(tarp.id)).toEqual({ onHand: 30, reserved: 0, available: 30 });
    const done = await act(fungsional, 'serahkan', 7, {
      receiverName: 'H. Suhendi',
      receiverPosition: 'Kepala Desa Sumur',
      returns: [
        { batchId: received.batchIds[0], quantity: 10, reason: 'Kurang 10 kg saat dihitung' },
        { batchId: received.batchIds[2], quantity: 2, damaged: true, reason: 'Sobek dalam perjalanan' },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state.status).toBe('done');
    expect(done.json().actions.at(-1).data.result).toMatchObject({ returned: 12, writtenOff: 2 });
    expect(await position(rice.id)).toEqual({ onHand: 210, reserved: 0, available: 210 });
    expect(await position(tarp.id)).toEqual({ onHand: 30, reserved: 0, available: 30 });
    expect(await checkStock(db, unitId)).toEqual([]);
    // The stock service refuses it as well, whoever calls it: 90 kg of that batch are left to return.
    await expect(
      returnStock(db, {
        unitId,
        source: { kind: 'case', id },
        userId,
        lines: [{ batchId: received.batchIds[0] ?? 0, quantity: 91, reason: 'Dikembalikan lagi' }],
      }),
    ).rejects.toMatchObject({ code: 'stock.return_exceeds', details: { wanted: 91, returnable: 90 } });
  });

  it('a request withdrawn after approval gives its reservation back', async () => {
    const db = t.database.db;
    const unitId = await unitIdOf(db, 'banten');
    const warehouse = await createWarehouse(db, unitId, { code: 'GDG-UJI-2', name: 'Gudang Uji Kedua' });
    const water = await createItem(db, unitId, {
      name: 'Air Mineral Uji',
      uom: 'liter',
      category: 'water',
      normPerPersonDay: 15,
      normUnit: 'liter',
      minimum: null,
    });
    await receiveToday(db, {
      unitId,
      warehouseId: warehouse.id,
      source: 'donation',
      supplier: 'Donatur',
      documentRef: 'BAPB/UJI/2',
      lines: [{ itemId: water.id, quantity: 1000, expiresOn: inDays(300) }],
    });
    const id = (await fo.post('/api/cases', request('36.01.02', 'Posko Kecamatan'))).json().id as number;
    const act = (
      who: Agent,
      action: string,
      version: number,
      data?: Record<string, unknown>,
      note?: string,
    ) =>
      who.post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
        ...(note ? { note } : {}),
      });
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      await fo.upload(`/api/cases/${id}/documents/${paper}`, pdf);
    await act(fo, 'teruskan', 1);
    await act(kadis, 'teruskan', 2);
    await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' });
    await act(fungsional, 'ajukan', 4, {
      peopleAffected: 10,
      days: 3,
      lines: [{ itemId: water.id, quantity: 450 }],
    });
    expect(
      (
        await act(kabid, 'setujui', 5, {
          warehouseId: warehouse.id,
          lines: [{ itemId: water.id, quantity: 450 }],
        })
      ).statusCode,
    ).toBe(200);
    expect((await stockPosition(db, unitId, warehouse.id)).find((p) => p.itemId === water.id)?.reserved).toBe(
      450,
    );
    const emergencyId = (await kadis.get(`/api/cases/${id}`)).json().actions[0].data.result.emergencyId;
    const figures = async () => {
      const page = (
        await t.app.inject({ url: `/api/public/units/banten/emergencies/${emergencyId}` })
      ).json();
      return { requests: page.requests, inProcess: page.inProcess, notServed: page.notServed };
    };
    const before = await figures();
    const withdrawn = await act(fungsional, 'batalkan', 6, undefined, 'Posko sudah menerima bantuan BPBD');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    // Withdrawn, not refused: the staff, the requesting post and the reports say so.
    expect(withdrawn.json().state.status).toBe('withdrawn');
    const code = withdrawn.json().case.trackingCode as string;
    const tracked = (await t.app.inject({ url: `/api/public/track/${code}` })).json();
    expect(tracked).toMatchObject({ status: 'withdrawn', reason: 'Posko sudah menerima bantuan BPBD' });
    const ages = (await kabid.get('/api/logistics/requests?status=closed')).json();
    expect(ages.requests.find((r: { caseId: number }) => r.caseId === id)?.status).toBe('withdrawn');
    expect(ages.steps).toContainEqual(expect.objectContaining({ status: 'withdrawn', count: 1 }));
    // The public page counts it as received and not served, no longer in process.
    expect(await figures()).toEqual({
      requests: before.requests,
      inProcess: before.inProcess - 1,
      notServed: before.notServed + 1,
    });
    // A withdrawn request is closed: nothing more can be done on it.
    const again = await act(fungsional, 'kirim', 7, { vehicle: 'A 1234 BC', driver: 'Sopir' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'case.closed' } });
    expect((await stockPosition(db, unitId, warehouse.id)).find((p) => p.itemId === water.id)).toMatchObject({
      onHand: 1000,
      reserved: 0,
      available: 1000,
    });
  });
});
