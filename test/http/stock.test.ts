import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';
import { inDays, today } from '../relief.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('stock routes (Banten demo warehouse)', () => {
  it('shows the position with the water norm, receives goods, and keeps the stock card', async () => {
    const officer = await signedIn(t.app, 'banten.fungsional');
    const [warehouse] = (await officer.get('/api/stock/warehouses')).json().warehouses;
    expect(warehouse.name).toBe('Gudang Logistik Dinas Sosial Provinsi Banten');
    const position = (await officer.get(`/api/stock/position?warehouseId=${warehouse.id}`)).json().rows;
    const water = position.find((r: { name: string }) => r.name === 'Air mineral');
    expect(water).toMatchObject({ onHand: 24000, available: 24000, normPerPersonDay: 15, normUnit: 'liter' });
    // The demo's ready meals have a batch past its expiry: on hand, not available.
    expect(position.find((r: { name: string }) => r.name === 'Makanan siap saji')).toMatchObject({
      onHand: 1100,
      expired: 300,
      available: 800,
    });

    const received = await officer.post('/api/stock/receipts', {
      warehouseId: warehouse.id,
      source: 'donation',
      supplier: 'PMI Kota Serang',
      documentRef: 'BAST/PMI/12/2026',
      receivedOn: '2026-12-01',
      lines: [{ itemId: water.itemId, quantity: 600, expiresOn: '2027-12-31' }],
    });
    expect(received.statusCode, received.body).toBe(201);
    const card = await officer.get(`/api/stock/card?warehouseId=${warehouse.id}&itemId=${water.itemId}`);
    expect(card.statusCode).toBe(200);
    expect(card.json().lines.map((l: { onHandAfter: number }) => l.onHandAfter)).toEqual([24000, 24600]);
    expect(card.json().lines[1]).toMatchObject({ kind: 'receipt', documentRef: 'BAST/PMI/12/2026' });

    const xlsx = await officer.get(`/api/stock/card.xlsx?warehouseId=${warehouse.id}&itemId=${water.itemId}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Kartu stok');
    expect(sheet?.getRow(4).getCell(5).value).toBe(24600);
    expect(sheet?.getRow(4).getCell(2).value).toBe('Penerimaan');
  });

  it('refuses a receipt dated after today or of goods already expired, and posts nothing', async () => {
    const officer = await signedIn(t.app, 'banten.fungsional');
    const [warehouse] = (await officer.get('/api/stock/warehouses')).json().warehouses;
    const position = async () =>
      (await officer.get(`/api/stock/position?warehouseId=${warehouse.id}`)).json().rows;
    const rice = (await position()).find((r: { name: string }) => r.name === 'Beras');
    const tomorrow = inDays(1);
    const refused = await officer.post('/api/stock/receipts', {
      warehouseId: warehouse.id,
      source: 'donation',
      supplier: 'Donatur',
      documentRef: 'BAPB/UJI/TANGGAL',
      receivedOn: tomorrow,
      lines: [
        { itemId: rice.itemId, quantity: 50, expiresOn: inDays(200) },
        { itemId: rice.itemId, quantity: 20, expiresOn: today },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.problems).toEqual([
      { path: 'receivedOn', message: `tanggal terima (${tomorrow}) sesudah hari ini (${today})` },
      {
        path: 'lines[1].expiresOn',
        message: `sudah kedaluwarsa (${today}) pada tanggal terima: barang kedaluwarsa tidak diterima sebagai stok`,
      },
    ]);
    expect((await position()).find((r: { name: string }) => r.name === 'Beras')).toEqual(rice);
    // Goods that expire on the day they arrive are still good that day.
    const sameDay = await officer.post('/api/stock/receipts', {
      warehouseId: warehouse.id,
      source: 'donation',
      supplier: 'Donatur',
      documentRef: 'BAPB/UJI/TANGGAL',
      receivedOn: today,
      lines: [{ itemId: rice.itemId, quantity: 20, expiresOn: today }],
    });
    expect(sameDay.statusCode, sameDay.body).toBe(201);
  });

  it('lists expiring batches and writes off the expired ones', async () => {
    const officer = await signedIn(t.app, 'banten.fungsional');
    const bands = (await officer.get('/api/stock/expiring'))
      .json()
      .batches.map((b: { band: string }) => b.band);
    expect(bands).toContain('expired');
    expect(bands).toContain('7');
    const written = await officer.post('/api/stock/expired/write-off', {
      reason: 'Kedaluwarsa, berita acara 01/2026',
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json().batches).toHaveLength(1);
    expect(
      (await officer.get('/api/stock/expiring')).json().batches.map((b: { band: string }) => b.band),
    ).not.toContain('expired');
  });

  it('refuses a count naming another unit’s batch in the user’s language', async () => {
    const officer = await signedIn(t.app, 'banten.fungsional');
    const [warehouse] = (await officer.get('/api/stock/warehouses')).json().warehouses;
    const body = {
      warehouseId: warehouse.id,
      countedOn: '2026-12-01',
      reason: 'Opname',
      lines: [{ batchId: 999999, counted: 1 }],
    };
    const id = await officer.post('/api/stock/counts', body);
    expect(id.statusCode).toBe(404);
    expect(id.json().error.message).toBe('Barang, gudang atau batch tidak ditemukan di unit ini.');
    const en = await officer.post('/api/stock/counts', body, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Item, warehouse or batch not found in this office.');
  });
});
