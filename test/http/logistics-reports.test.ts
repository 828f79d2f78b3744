import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const day = 86_400_000;
const pdf = Buffer.from('%PDF-1.4\n% laporan\n');
const coordinatorNik = '3602014508850002';

/** Cell values of a sheet's rows from the header row on, and the cells themselves. */
async function sheetOf(body: Buffer, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n >= 2) rows.push(row);
  });
  const values = (rows[0]?.values ?? []) as unknown[];
  return { sheet, header: values.slice(1), rows: rows.slice(1) };
}

/**
 * Issue 16, Reports: distributions per emergency and per regency from the ledger rows booked
 * against each request, requests by status and age against the standard's time limit, each as
 * JSON and XLSX, and the public page of an emergency with no personal data. Everything is made
 * through the API on a clock the test moves: emergencies, goods in, requests through a–f.
 */
describe('relief logistics reports: distributions, request ages, the public emergency page', () => {
  let t: TestApp;
  const clock = new ManualClock(Date.now());
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  let tarakan: Agent;
  let anonymous: Agent;
  const start = todayIn('Asia/Jakarta', new Date(clock.now()));
  const dayOf = (offset: number) =>
    todayIn('Asia/Jakarta', new Date(Date.parse(`${start}T05:00:00Z`) + offset * day));
  const ids = { flood: 0, landslide: 0, quake: 0 };
  const items = { rice: 0, tarp: 0, blanket: 0 };
  const cases: Record<string, { id: number; trackingCode: string }> = {};
  let warehouseId = 0;

  const signInAll = async (round: number) => {
    fo = await signedIn(t.app, 'banten.fo', `10.31.${round}.1`);
    kadis = await signedIn(t.app, 'banten.kadis', `10.31.${round}.2`);
    kabid = await signedIn(t.app, 'banten.kabid', `10.31.${round}.3`);
    fungsional = await signedIn(t.app, 'banten.fungsional', `10.31.${round}.4`);
    tarakan = await signedIn(t.app, 'tarakan.kadis', `10.31.${round}.5`);
  };
  const declare = async (disaster: string, areas: string[], startsOn: string, endsOn: string) => {
    const res = await kadis.post('/api/emergencies', {
      number: `360/Kep.${disaster.length}${areas.length}-Huk/${start.slice(0, 4)}`,
      decreedOn: startsOn,
      declaredBy: 'gubernur',
      disaster,
      areas,
      startsOn,
      endsOn,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  /** Opens a request with its three papers, as the front office registers one on paper. */
  const open = async (key: string, name: string, areaCode: string, nik?: string) => {
    const res = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name, ...(nik ? { nik } : {}) },
      intake: { areaCode, requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
    });
    expect(res.statusCode, res.body).toBe(201);
    cases[key] = { id: res.json().id, trackingCode: res.json().trackingCode };
    return res.json().id as number;
  };
  const act = async (
    id: number,
    who: Agent,
    action: string,
    data?: Record<string, unknown>,
    note?: string,
  ) => {
    const detail = await kabid.get(`/api/cases/${id}`);
    const res = await who.post(`/api/cases/${id}/actions`, {
      action,
      version: detail.json().actions.length,
      ...(data ? { data } : {}),
      ...(note ? { note } : {}),
    });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** Registration to approval: papers, the Kepala Dinas, the disposition, the telaah, the approval. */
  const approve = async (id: number, lines: Array<{ itemId: number; quantity: number }>) => {
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, pdf)).statusCode).toBe(201);
    await act(id, fo, 'teruskan');
    await act(id, kadis, 'teruskan');
    await act(id, kabid, 'disposisikan', { instruction: 'Teliti dan saran' });
    await act(id, fungsional, 'ajukan', { peopleAffected: 120, days: 5, lines });
    const approved = await act(id, kabid, 'setujui', { warehouseId, lines });
    return approved.actions.at(-1).data.result.allocations as Array<{ batchId: number; itemId: number }>;
  };
  const ship = (id: number) => act(id, fungsional, 'kirim', { vehicle: 'A 8127 KB', driver: 'Ujang Sobari' });
  const handOver = (id: number, returns: unknown[] = []) =>
    act(id, fungsional, 'serahkan', {
      receiverName: 'H. Suhendi Wiratmaja',
      receiverPosition: 'Koordinator Posko Malingping',
      returns,
    });

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    anonymous = new Agent(t.app, '10.31.0.9');
    await signInAll(1);
    ids.flood = await declare('Banjir bandang', ['36.02', '36.01'], start, dayOf(400));
    ids.landslide = await declare('Tanah longsor', ['36.03'], start, dayOf(400));
    // Declared and over long ago: no longer linked from the public page.
    ids.quake = await declare('Gempa bumi', ['36.04'], dayOf(-60), dayOf(-40));

    warehouseId = (await kabid.get('/api/stock/warehouses')).json().warehouses[0].id;
    const item = async (name: string, uom: string, category: string) => {
      const res = await kabid.post('/api/stock/items', { name, uom, category });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    items.rice = await item('Beras Laporan', 'kg', 'food');
    items.tarp = await item('Terpal Laporan', 'lembar', 'shelter');
    items.blanket = await item('Selimut Laporan', 'lembar', 'bedding');
    const receipt = await kabid.post('/api/stock/receipts', {
      warehouseId,
      source: 'kemensos',
      supplier: 'Kementerian Sosial RI',
      documentRef: 'BAST/KEMENSOS/LAPORAN/1',
      receivedOn: start,
      lines: [
        { itemId: items.rice, quantity: 1000, expiresOn: dayOf(900) },
        { itemId: items.tarp, quantity: 200 },
        { itemId: items.blanket, quantity: 300 },
      ],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);

    // Day 0: a request that stays at registration, and one that will be handed over tomorrow.
    await open('waiting', 'Posko Desa Panggarangan', '36.02.02');
    await open('lebak', 'Posko Banjir Malingping', '36.02.01', coordinatorNik);
    clock.advance(day);
    // Day 1: Lebak is handed over with 10 kg short and 4 tarpaulins torn.
    const lebak = cases.lebak?.id as number;
    const allocations = await approve(lebak, [
      { itemId: items.rice, quantity: 300 },
      { itemId: items.tarp, quantity: 40 },
    ]);
    await ship(lebak);
    const batchOf = (itemId: number) => allocations.find((a) => a.itemId === itemId)?.batchId;
    await handOver(lebak, [
      { batchId: batchOf(items.rice), quantity: 10, reason: 'Kurang 10 kg saat ditimbang' },
      { batchId: batchOf(items.tarp), quantity: 4, damaged: true, reason: 'Sobek saat bongkar muat' },
    ]);
    clock.advance(day);
    // Day 2: one on the road, one handed over whole, one approved and waiting for its truck.
    const cibeber = await open('transit', 'Posko Kecamatan Cibeber', '36.02');
    const sumur = await open('pandeglang', 'Posko Desa Sumur', '36.01.01');
    const panimbang = await open('reserved', 'Posko Desa Cimanggu', '36.01.02');
    await approve(cibeber, [
      { itemId: items.rice, quantity: 100 },
      { itemId: items.blanket, quantity: 50 },
    ]);
    await ship(cibeber);
    await approve(sumur, [{ itemId: items.rice, quantity: 200 }]);
    await ship(sumur);
    await handOver(sumur);
    await approve(panimbang, [{ itemId: items.blanket, quantity: 20 }]);
    clock.advance(day);
    // Day 3: the landslide in Kabupaten Tangerang gets tarpaulins, then its emergency is ended.
    const tangerang = await open('tangerang', 'Posko Longsor Cisoka', '36.03.05');
    await approve(tangerang, [{ itemId: items.tarp, quantity: 20 }]);
    await ship(tangerang);
    await handOver(tangerang);
    const ended = await kadis.post(`/api/emergencies/${ids.landslide}/end`, {
      number: '360/Kep.99-Huk/2026',
      decreedOn: dayOf(3),
      declaredBy: 'gubernur',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    clock.advance(2 * day);
  }, 120_000);
  afterAll(() => t?.close());

  /**
   * Whether a request opened on day `opened` is past its cycle (the year it opened in) on day
   * `at` (5: when the reports are read): only when the run starts in the last days of December.
   */
  const late = (opened: number, at: number) => dayOf(at).slice(0, 4) > dayOf(opened).slice(0, 4);
  const lateOnDay5 = (opened: number) => late(opened, 5);
  const lineOf = (lines: Array<{ itemId: number }>, itemId: number) => lines.find((l) => l.itemId === itemId);

  it('counts what each emergency sent to each regency, item by item, with requests and BASTs', async () => {
    const res = await kabid.get('/api/logistics/distributions');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const flood = report.emergencies.find((e: { emergency: { id: number } }) => e.emergency.id === ids.flood);
    expect(flood.emergency).toMatchObject({ disaster: 'Banjir bandang', status: 'active' });
    expect(flood.emergency.decree).toMatch(/^360\/Kep\./);
    expect([flood.requests, flood.basts]).toEqual([5, 2]);
    expect(
      flood.areas.map((a: { code: string; name: string; requests: number; basts: number }) => [
        a.code,
        a.name,
        a.requests,
        a.basts,
      ]),
    ).toEqual([
      ['36.01', 'Kabupaten Pandeglang', 2, 1],
      ['36.02', 'Kabupaten Lebak', 3, 1],
    ]);
    const [pandeglang, lebak] = flood.areas;
    expect(lineOf(lebak.lines, items.rice)).toEqual({
      itemId: items.rice,
      name: 'Beras Laporan',
      uom: 'kg',
      reserved: 0,
      dispatched: 400,
      inTransit: 100,
      received: 290,
      returned: 10,
      writtenOff: 0,
    });
    expect(lineOf(lebak.lines, items.tarp)).toMatchObject({
      dispatched: 40,
      received: 36,
      returned: 0,
      writtenOff: 4,
    });
    expect(lineOf(lebak.lines, items.blanket)).toMatchObject({ dispatched: 50, inTransit: 50, received: 0 });
    expect(lineOf(pandeglang.lines, items.rice)).toMatchObject({
      dispatched: 200,
      received: 200,
      inTransit: 0,
    });
    // Approved and reserved, not yet on a truck.
    expect(lineOf(pandeglang.lines, items.blanket)).toMatchObject({ reserved: 20, dispatched: 0 });
    expect(lineOf(flood.totals, items.rice)).toMatchObject({
      dispatched: 600,
      received: 490,
      inTransit: 100,
    });
    // Every line adds up: dispatched = in transit + received + returned + written off.
    for (const area of flood.areas)
      for (const l of area.lines)
        expect(l.inTransit + l.received + l.returned + l.writtenOff, l.name).toBe(l.dispatched);

    const landslide = report.emergencies.find(
      (e: { emergency: { id: number } }) => e.emergency.id === ids.landslide,
    );
    expect(landslide.emergency.status).toBe('ended');
    expect(landslide.areas.map((a: { name: string }) => a.name)).toEqual(['Kabupaten Tangerang']);
    expect(lineOf(landslide.totals, items.tarp)).toMatchObject({ dispatched: 20, received: 20 });
    const quake = report.emergencies.find((e: { emergency: { id: number } }) => e.emergency.id === ids.quake);
    expect([quake.requests, quake.areas]).toEqual([0, []]);
    // Per regency over every emergency.
    expect(report.regencies.map((r: { code: string; requests: number }) => [r.code, r.requests])).toEqual([
      ['36.01', 2],
      ['36.02', 3],
      ['36.03', 1],
    ]);
    expect(lineOf(report.regencies[2].lines, items.tarp)).toMatchObject({ received: 20 });
  });

  it('narrows to one emergency, and refuses another office’s emergency as not found', async () => {
    const one = (await fungsional.get(`/api/logistics/distributions?emergencyId=${ids.landslide}`)).json();
    expect(one.emergencies.map((e: { emergency: { id: number } }) => e.emergency.id)).toEqual([
      ids.landslide,
    ]);
    expect(one.regencies.map((r: { code: string }) => r.code)).toEqual(['36.03']);
    const foreign = await tarakan.get(`/api/logistics/distributions?emergencyId=${ids.flood}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('emergency.not_found');
    // Tarakan's own report holds nothing of Banten's.
    const own = await tarakan.get('/api/logistics/distributions');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Banjir bandang');
    expect((await tarakan.get('/api/logistics/requests')).json().requests).toEqual([]);
  });

  it('lists waiting requests oldest first with their age, step and time limit', async () => {
    const res = await kabid.get('/api/logistics/requests');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.timeLimit).toBe('1 (satu) tahun berjalan');
    const rows = report.requests.map(
      (r: { trackingCode: string; step: string; ageDays: number; daysAtStep: number; overdue: boolean }) => [
        r.trackingCode,
        r.step,
        r.ageDays,
        r.daysAtStep,
        r.overdue,
      ],
    );
    expect(rows).toEqual([
      [cases.waiting?.trackingCode, 'Registrasi permohonan dan berkas', 5, 5, lateOnDay5(0)],
      [cases.transit?.trackingCode, 'Serah terima bantuan (BAST)', 3, 3, lateOnDay5(2)],
      [cases.reserved?.trackingCode, 'Pengiriman bantuan', 3, 3, lateOnDay5(2)],
    ]);
    const first = report.requests[0];
    expect(first).toMatchObject({
      applicant: 'Posko Desa Panggarangan',
      area: { code: '36.02.02', name: 'Panggarangan' },
      regency: { code: '36.02', name: 'Kabupaten Lebak' },
      requestingOffice: 'Dinas Sosial Kabupaten Lebak',
      emergency: { id: ids.flood, disaster: 'Banjir bandang', status: 'active' },
      status: 'open',
      closedAt: null,
      due: `${start.slice(0, 4)}-12-31`,
    });
    expect(report.steps).toEqual([
      {
        status: 'open',
        step: 'Registrasi permohonan dan berkas',
        count: 1,
        overdue: Number(lateOnDay5(0)),
        oldestDays: 5,
      },
      { status: 'open', step: 'Pengiriman bantuan', count: 1, overdue: Number(lateOnDay5(2)), oldestDays: 3 },
      {
        status: 'open',
        step: 'Serah terima bantuan (BAST)',
        count: 1,
        overdue: Number(lateOnDay5(2)),
        oldestDays: 3,
      },
    ]);
    const closed = (await kabid.get('/api/logistics/requests?status=closed')).json();
    expect(
      closed.requests.map((r: { trackingCode: string; ageDays: number; daysAtStep: null }) => [
        r.trackingCode,
        r.ageDays,
        r.daysAtStep,
      ]),
    ).toEqual([
      [cases.lebak?.trackingCode, 1, null],
      [cases.pandeglang?.trackingCode, 0, null],
      [cases.tangerang?.trackingCode, 0, null],
    ]);
    // Lebak was handed over on day 1: late only if that was a new year.
    expect(closed.steps).toEqual([
      { status: 'done', step: null, count: 3, overdue: Number(late(0, 1)), oldestDays: 1 },
    ]);
    const landslide = (
      await kabid.get(`/api/logistics/requests?status=all&emergencyId=${ids.landslide}`)
    ).json();
    expect(landslide.requests.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([
      cases.tangerang?.trackingCode,
    ]);
  });

  it('links from the office’s public page only the emergencies in force or just ended', async () => {
    const res = await anonymous.get('/api/public/units/banten/emergencies');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.unit).toEqual({ code: 'banten', name: 'Dinas Sosial Provinsi Banten' });
    const shown = list.emergencies.map((e: { id: number }) => e.id);
    expect(shown).toContain(ids.flood);
    expect(shown).toContain(ids.landslide);
    expect(shown).not.toContain(ids.quake);
    expect(list.emergencies.find((e: { id: number }) => e.id === ids.landslide)).toMatchObject({
      status: 'ended',
      endedOn: dayOf(3),
    });
    expect((await anonymous.get('/api/public/units/tidak-ada/emergencies')).statusCode).toBe(404);
  });

  it('shows the public what was sent where, with no personal data', async () => {
    const res = await anonymous.get(`/api/public/units/banten/emergencies/${ids.flood}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      disaster: 'Banjir bandang',
      status: 'active',
      areas: [
        { code: '36.01', name: 'Kabupaten Pandeglang' },
        { code: '36.02', name: 'Kabupaten Lebak' },
      ],
      requests: 5,
      handedOver: 2,
      inProcess: 3,
      notServed: 0,
    });
    expect(page.decrees).toEqual([expect.objectContaining({ kind: 'declaration', declaredBy: 'gubernur' })]);
    expect(page.sent).toEqual([
      {
        code: '36.01',
        name: 'Kabupaten Pandeglang',
        items: [{ name: 'Beras Laporan', uom: 'kg', delivered: 200, inTransit: 0 }],
        handovers: [{ on: dayOf(2), count: 1 }],
      },
      {
        code: '36.02',
        name: 'Kabupaten Lebak',
        items: [
          { name: 'Beras Laporan', uom: 'kg', delivered: 290, inTransit: 100 },
          { name: 'Selimut Laporan', uom: 'lembar', delivered: 0, inTransit: 50 },
          { name: 'Terpal Laporan', uom: 'lembar', delivered: 36, inTransit: 0 },
        ],
        handovers: [{ on: dayOf(1), count: 1 }],
      },
    ]);
    // Nobody is named: not the posts, receivers, coordinators' NIK, officers, drivers, codes or letters.
    const body = res.body;
    for (const personal of [
      'Posko',
      'Suhendi',
      'Koordinator',
      coordinatorNik,
      'Ujang',
      'A 8127 KB',
      ...Object.values(cases).map((c) => c.trackingCode),
    ])
      expect(body, personal).not.toContain(personal);
    const bast = (await kabid.get(`/api/cases/${cases.lebak?.id}`)).json().letters as Array<{
      number: string;
    }>;
    expect(bast.length).toBeGreaterThan(0);
    for (const l of bast) expect(body).not.toContain(l.number);
    for (const name of ['Kepala Bidang', 'Fungsional']) expect(body).not.toContain(name);
  });

  it('refuses the public page of another office’s emergency or an unknown one as not found', async () => {
    expect((await anonymous.get(`/api/public/units/sragen/emergencies/${ids.flood}`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/public/units/banten/emergencies/999999')).statusCode).toBe(404);
    expect((await anonymous.get('/api/public/units/banten/emergencies/0')).statusCode).toBe(404);
  });

  it('lets only those who see the stock read the reports', async () => {
    for (const url of [
      '/api/logistics/distributions',
      '/api/logistics/distributions.xlsx',
      '/api/logistics/requests',
      '/api/logistics/requests.xlsx',
    ]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
      const front = await fo.get(url);
      expect(front.statusCode, url).toBe(403);
      expect(front.json().error.code).toBe('auth.forbidden');
      expect((await kadis.get(url)).statusCode, url).toBe(200);
      expect((await fungsional.get(url)).statusCode, url).toBe(200);
    }
    expect((await kabid.get('/api/logistics/requests?status=bogus')).statusCode).toBe(422);
  });

  it('flags as overdue what is still waiting when the year of its standard’s cycle has ended', async () => {
    // To 2 January of the year after today's (on the test's clock), 10:00 in Jakarta.
    const year = Number(todayIn('Asia/Jakarta', new Date(clock.now())).slice(0, 4));
    clock.advance(Date.parse(`${year + 1}-01-02T03:00:00Z`) - clock.now());
    await signInAll(2);
    const report = (await kabid.get('/api/logistics/requests?status=all')).json();
    const flags = Object.fromEntries(
      report.requests.map((r: { trackingCode: string; overdue: boolean }) => [r.trackingCode, r.overdue]),
    );
    expect(flags).toEqual({
      [cases.waiting?.trackingCode as string]: true,
      [cases.lebak?.trackingCode as string]: late(0, 1),
      [cases.transit?.trackingCode as string]: true,
      [cases.pandeglang?.trackingCode as string]: false,
      [cases.reserved?.trackingCode as string]: true,
      [cases.tangerang?.trackingCode as string]: false,
    });
    expect(report.steps.find((s: { step: string }) => s.step === 'Pengiriman bantuan')).toMatchObject({
      count: 1,
      overdue: 1,
    });
  });

  it('answers both reports as workbooks: Indonesian headers, numbers as numbers, codes as text', async () => {
    const res = await kabid.get(`/api/logistics/distributions.xlsx?emergencyId=${ids.flood}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="penyaluran-logistik-\d+-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const perEmergency = await sheetOf(res.rawPayload, 'Per kejadian');
    expect(perEmergency.header).toEqual([
      'Kejadian bencana',
      'Nomor keputusan',
      'Status',
      'Kode wilayah',
      'Kabupaten/Kota',
      'Barang',
      'Satuan',
      'Dipesan (belum dikirim)',
      'Dikirim',
      'Dalam perjalanan',
      'Diterima (BAST)',
      'Kembali ke gudang',
      'Dihapuskan (rusak/hilang)',
    ]);
    const rice = perEmergency.rows.find(
      (r) => r.getCell(4).value === '36.02' && r.getCell(6).value === 'Beras Laporan',
    ) as ExcelJS.Row;
    expect(rice.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(rice.getCell(4).numFmt).toBe('@');
    expect([9, 10, 11, 12, 13].map((c) => rice.getCell(c).value)).toEqual([400, 100, 290, 10, 0]);
    expect(rice.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    const counts = await sheetOf(res.rawPayload, 'Permohonan dan BAST');
    expect(counts.rows.map((r) => [r.getCell(6).value, r.getCell(8).value, r.getCell(9).value])).toEqual([
      ['36.01', 2, 1],
      ['36.02', 3, 1],
    ]);
    expect(counts.rows[0]?.getCell(3).type).toBe(ExcelJS.ValueType.Date);

    const ages = await kabid.get('/api/logistics/requests.xlsx?status=all');
    expect(ages.headers['content-disposition']).toMatch(
      /filename="umur-permohonan-logistik-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const sheet = await sheetOf(ages.rawPayload, 'Umur permohonan');
    expect(sheet.header.slice(0, 3)).toEqual([
      'Kode lacak',
      'Pemohon (posko/desa/kecamatan)',
      'Kode wilayah',
    ]);
    expect(sheet.rows.map((r) => r.getCell(1).value)).toEqual(
      ['waiting', 'lebak', 'transit', 'pandeglang', 'reserved', 'tangerang'].map(
        (k) => cases[k]?.trackingCode,
      ),
    );
    const first = sheet.rows[0] as ExcelJS.Row;
    expect(first.getCell(3).value).toBe('36.02.02');
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(13).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(16).value).toBe('Ya');
    expect(first.getCell(10).type).toBe(ExcelJS.ValueType.Date);
  });

  it('dates each download by the office’s day in Banten, not by UTC', async () => {
    // 18:30 UTC is already 01:30 the next morning in Jakarta (WIB, UTC+7).
    const now = clock.now();
    const evening = Math.floor(now / 86_400_000) * 86_400_000 + 18.5 * 3_600_000;
    clock.advance(evening > now ? evening - now : evening + 86_400_000 - now);
    const local = todayIn('Asia/Jakarta', new Date(clock.now()));
    expect(local).not.toBe(new Date(clock.now()).toISOString().slice(0, 10));
    for (const [url, name] of [
      ['/api/stock/position.xlsx', 'posisi-stok'],
      ['/api/logistics/distributions.xlsx', 'penyaluran-logistik'],
      ['/api/logistics/requests.xlsx?status=all', 'umur-permohonan-logistik'],
    ] as const) {
      const res = await kabid.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}-${local}.xlsx"`);
    }
  });
});
