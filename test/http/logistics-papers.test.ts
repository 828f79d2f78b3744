import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../src/logistics/stock.service.ts';
import { type Agent, createTestApp, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { declareEmergency, inDays, plainItem, receiveToday } from '../relief.ts';

const scan = Buffer.from('%PDF-1.4\n% berkas\n');
/** The PDF's text as laid out (table rows stay on one line), runs of spaces as one. */
const textOf = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes })
    .toString()
    .replace(/[ \t]+/g, ' ');
/** The PDF's text as reading order, all whitespace as one space (wrapped lines joined). */
const flatOf = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString().replace(/\s+/g, ' ');

/** With JARING_SAVE_PAPERS=dir the PDFs are kept there, to render and look at. */
function keep(name: string, bytes: Buffer) {
  const dir = process.env.JARING_SAVE_PAPERS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), bytes);
}

/**
 * Issue 16: the papers of a relief request, driven by API from registration to handover: the
 * Kepala Bidang's dispositions as rows and lembar disposisi, the surat jalan at shipment and
 * the BAST at handover as QR-verifiable letters of the case, the signed BAST uploaded back.
 */
describe('relief request papers (Banten): lembar disposisi, surat jalan, BAST', () => {
  let t: TestApp;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  let unitId: number;
  let warehouseId: number;
  let rice: number;
  let tarp: number;
  let batches: number[];

  const open = async (name: string) => {
    const opened = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name },
      intake: { areaCode: '36.01.01', requestingOffice: 'Dinas Sosial Kabupaten Pandeglang' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, scan)).statusCode).toBe(201);
    return id;
  };
  const actOn =
    (id: number) =>
    async (who: Agent, action: string, version: number, data?: Record<string, unknown>, note?: string) => {
      const res = await who.post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(data ? { data } : {}),
        ...(note ? { note } : {}),
      });
      return res;
    };

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'banten.fo', '10.17.0.1');
    kadis = await signedIn(t.app, 'banten.kadis', '10.17.0.2');
    kabid = await signedIn(t.app, 'banten.kabid', '10.17.0.3');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.17.0.4');
    const db = t.database.db;
    unitId = await unitIdOf(db, 'banten');
    const w = await createWarehouse(db, unitId, {
      code: 'GDG-PROV',
      name: 'Gudang Transit Pandeglang',
      address: 'Jl. Raya Labuan, Pandeglang',
    });
    warehouseId = w.id;
    rice = (
      await createItem(db, unitId, {
        name: 'Beras Medium',
        uom: 'kg',
        category: 'food',
        normPerPersonDay: 0.4,
        normUnit: 'kg',
        minimum: null,
      })
    ).id;
    tarp = (await plainItem(db, unitId, { name: 'Terpal Plastik', uom: 'lembar', category: 'shelter' })).id;
    batches = (
      await receiveToday(db, {
        unitId,
        warehouseId,
        documentRef: 'BAPB/2026/01',
        lines: [
          { itemId: rice, quantity: 500, expiresOn: inDays(90) },
          { itemId: tarp, quantity: 40, expiresOn: null },
        ],
        userId: null,
      })
    ).batchIds;
    await declareEmergency(kadis, '360/Kep.200-Huk/2026', ['36.01']);
    // A second emergency over the same regency, declared later: a request is booked to the first
    // (the older one its opening check finds), and its BAST must name that one's disaster.
    await declareEmergency(kadis, '360/Kep.201-Huk/2026', ['36.01'], { disaster: 'Tanah longsor' });
  });
  afterAll(() => t.close());

  it('runs registrasi → handover and prints each paper with its number, items and parties', async () => {
    const id = await open('Posko Desa Pagadungan');
    const act = actOn(id);
    expect((await act(fo, 'teruskan', 1)).statusCode).toBe(200);
    expect((await act(kadis, 'teruskan', 2)).statusCode).toBe(200);
    const disposed = await act(kabid, 'disposisikan', 3, {
      instruction: 'Teliti dan saran, cek stok beras dan terpal',
    });
    expect(disposed.statusCode, disposed.body).toBe(200);
    expect(
      (
        await act(fungsional, 'ajukan', 4, {
          peopleAffected: 120,
          days: 7,
          lines: [
            { itemId: rice, quantity: 336 },
            { itemId: tarp, quantity: 30 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const approved = await act(
      kabid,
      'setujui',
      5,
      {
        warehouseId,
        lines: [
          { itemId: rice, quantity: 300 },
          { itemId: tarp, quantity: 30 },
        ],
      },
      'Setuju 300 kg beras dan 30 lembar terpal',
    );
    expect(approved.statusCode, approved.body).toBe(200);

    // 1. The dispositions are rows, listed with names (never codes) and printable.
    const listed = await fungsional.get(`/api/cases/${id}/dispositions`);
    expect(listed.statusCode, listed.body).toBe(200);
    const dispositions = listed.json().dispositions;
    expect(
      dispositions.map((d: { from: { name: string; role: string }; to: string; decision: string }) => [
        d.from.name,
        d.from.role,
        d.to,
        d.decision,
      ]),
    ).toEqual([
      ['Yuliana Putri', 'Kepala Bidang', 'Fungsional/Penyuluh Sosial', 'Teliti dan saran'],
      ['Yuliana Putri', 'Kepala Bidang', 'Fungsional/Penyuluh Sosial', 'Setuju'],
    ]);
    expect(dispositions[0].instruction).toBe('Teliti dan saran, cek stok beras dan terpal');
    expect(dispositions[1].instruction).toBe('Setuju 300 kg beras dan 30 lembar terpal');
    const sheet = await fungsional.get(`/api/cases/${id}/dispositions/${dispositions[0].id}/pdf`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    keep('lembar-disposisi.pdf', sheet.rawPayload);
    const trackingCode = (await fungsional.get(`/api/cases/${id}`)).json().case.trackingCode as string;
    const sheetText = flatOf(sheet.rawPayload);
    for (const expected of [
      'LEMBAR DISPOSISI',
      'PEMERINTAH PROVINSI BANTEN',
      'Posko Desa Pagadungan, diketahui Dinas Sosial Kabupaten Pandeglang',
      trackingCode,
      'Fungsional/Penyuluh Sosial',
      'Teliti dan saran, cek stok beras dan terpal',
      'Kepala Bidang Perlindungan Sosial,',
      'Yuliana Putri',
      'NIP 19780330 200312 2 002',
    ])
      expect(sheetText).toContain(expected);
    expect(sheetText).toMatch(
      /Hal Permohonan bantuan logistik tanggap darurat untuk Sumur, Kabupaten Pandeglang, Provinsi Banten/,
    );
    // A disposition of another case is not this case's.
    const other = await open('Posko Kecamatan Cimanuk');
    expect(
      (await fungsional.get(`/api/cases/${other}/dispositions/${dispositions[0].id}/pdf`)).statusCode,
    ).toBe(404);

    // 2. The shipment issues the surat jalan: a letter of the case listing what left the warehouse.
    const shipped = await act(fungsional, 'kirim', 6, { vehicle: 'A 8812 XY', driver: 'Asep Saepudin' });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const sent = shipped.json().actions.at(-1).data.result;
    expect(sent).toMatchObject({ dispatched: 330 });
    expect(sent.deliveryNote).toMatch(/^460\/\d{4}\/DINSOS\/\d{4}$/);
    const afterShipment = shipped.json().letters as Array<{ id: number; number: string; title: string }>;
    expect(afterShipment.map((l) => [l.title, l.number])).toEqual([['Surat Jalan', sent.deliveryNote]]);
    const ledgerRefs = (
      (await t.database.db.execute(
        sql`SELECT DISTINCT document_ref AS ref FROM stock_movements WHERE kind = 'dispatch' AND source_id = ${id}`,
      )) as unknown as { rows: Array<{ ref: string }> }
    ).rows.map((r) => r.ref);
    expect(ledgerRefs).toEqual([sent.deliveryNote]);
    const note = await fungsional.get(`/api/cases/${id}/letters/${sent.letterId}/pdf`);
    expect(note.statusCode).toBe(200);
    keep('surat-jalan.pdf', note.rawPayload);
    const noteText = flatOf(note.rawPayload);
    const noteRows = textOf(note.rawPayload);
    for (const expected of [
      'SURAT JALAN',
      `Nomor: ${sent.deliveryNote}`,
      'Gudang Transit Pandeglang, Jl. Raya Labuan, Pandeglang',
      'Posko Desa Pagadungan',
      'A 8812 XY',
      'Asep Saepudin',
      trackingCode,
      'Dedi Kurniawan',
      'Penyuluh Sosial Ahli Muda',
    ])
      expect(noteText).toContain(expected);
    expect(noteRows).toMatch(/1\.\s+Beras Medium\s+300\s+kg/);
    expect(noteRows).toMatch(/2\.\s+Terpal Plastik\s+30\s+lembar\s+-/);
    expect(noteText).toContain('/verifikasi/');

    // 3. The handover: 5 kg short and brought back, 3 kg lost on the way, 2 tarpaulins torn
    // (recorded as handovers before `condition` did: `damaged`); the BAST says so line by line.
    const done = await act(fungsional, 'serahkan', 7, {
      receiverName: 'Hj. Siti Rohmah',
      receiverPosition: 'Kepala Desa Pagadungan',
      received: 'Diterima di balai desa',
      returns: [
        { batchId: batches[0], quantity: 5, condition: 'returned', reason: 'Kurang 5 kg saat ditimbang' },
        { batchId: batches[0], quantity: 3, condition: 'lost', reason: 'Karung jatuh di jalan longsor' },
        { batchId: batches[1], quantity: 2, damaged: true, reason: 'Sobek saat bongkar muat' },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state.status).toBe('done');
    const handed = done.json().actions.at(-1).data.result;
    expect(handed).toMatchObject({ returned: 10, writtenOff: 5 });
    const letters = done.json().letters as Array<{ id: number; number: string; title: string }>;
    expect(letters.map((l) => l.title)).toEqual(['Surat Jalan', 'Berita Acara Serah Terima Barang']);
    expect(letters[1]?.number).toBe(handed.bast);
    expect(handed.bast).not.toBe(sent.deliveryNote);
    const bast = await fungsional.get(`/api/cases/${id}/letters/${handed.letterId}/pdf`);
    expect(bast.statusCode).toBe(200);
    keep('bast.pdf', bast.rawPayload);
    const bastText = flatOf(bast.rawPayload);
    const bastRows = textOf(bast.rawPayload);
    for (const expected of [
      'BERITA ACARA SERAH TERIMA BARANG',
      `Nomor: ${handed.bast}`,
      'Dedi Kurniawan',
      'NIP 19870512 201101 1 004',
      'Penyuluh Sosial Ahli Muda',
      'Dinas Sosial Provinsi Banten',
      'PIHAK PERTAMA',
      'Hj. Siti Rohmah',
      'Kepala Desa Pagadungan',
      'PIHAK KEDUA',
      'Posko Desa Pagadungan',
      `Surat Jalan Nomor ${sent.deliveryNote}`,
      'bantuan logistik tanggap darurat banjir berdasarkan permohonan',
      'kurang 5 kg, kembali ke gudang: Kurang 5 kg saat ditimbang',
      'hilang 3 kg: Karung jatuh di jalan longsor',
      'rusak 2 lembar: Sobek saat bongkar muat',
      'Catatan penerimaan: Diterima di balai desa',
      'Yang Menerima,',
      'Yang Menyerahkan,',
    ])
      expect(bastText).toContain(expected);
    expect(bastText).toMatch(/Pada hari ini \w+ tanggal [a-z ]+ bulan \w+ tahun dua ribu/);
    expect(bastRows).toMatch(/1\.\s+Beras Medium\s+kg\s+300\s+292/);
    expect(bastRows).toMatch(/2\.\s+Terpal Plastik\s+lembar\s+30\s+28/);
    const refs = (
      (await t.database.db.execute(
        sql`SELECT kind, document_ref AS ref FROM stock_movements WHERE kind IN ('return', 'write_off') AND source_id = ${id} ORDER BY id`,
      )) as unknown as { rows: Array<{ kind: string; ref: string }> }
    ).rows;
    expect(refs.map((r) => r.kind).sort()).toEqual(['return', 'return', 'return', 'write_off', 'write_off']);
    expect(new Set(refs.map((r) => r.ref))).toEqual(new Set([handed.bast]));

    // QR-verifiable like every letter: the verification page knows both papers, and the file.
    const codes = (
      (await t.database.db.execute(
        sql`SELECT id, verification_code AS code FROM letters WHERE case_id = ${id} ORDER BY id`,
      )) as unknown as { rows: Array<{ id: number; code: string }> }
    ).rows;
    // As laid out: in reading order pdftotext drops a hyphen that ends a line, and a code may end
    // with one (base64url).
    expect(textOf(bast.rawPayload)).toContain(`/verifikasi/${codes[1]?.code}`);
    const page = (await fo.get(`/api/public/verify/${codes[1]?.code}`)).json();
    expect(page.number).toBe(handed.bast);
    const matched = await fo.upload(`/api/public/verify/${codes[1]?.code}`, bast.rawPayload, 'bast.pdf');
    expect(matched.json()).toMatchObject({ matches: true, matched: 'issued' });
    expect(page.product).toBe('Berita Acara Serah Terima Barang');

    // The signed BAST is uploaded back through the letters' signed-scan route, on the closed case:
    // by the role that issued it (the functional officer), not the Kepala Bidang.
    const signed = Buffer.from('%PDF-1.4\n% BAST ditandatangani kedua pihak\n');
    const refused = await kabid.upload(
      `/api/cases/${id}/letters/${handed.letterId}/signed`,
      signed,
      'bast.pdf',
    );
    expect(refused.statusCode).toBe(403);
    const stored = await fungsional.upload(
      `/api/cases/${id}/letters/${handed.letterId}/signed`,
      signed,
      'bast.pdf',
    );
    expect(stored.statusCode, stored.body).toBe(201);
    const detail = (await fungsional.get(`/api/cases/${id}`)).json();
    expect(detail.letters[1].signedSha256).toBe(stored.json().signedSha256);
  });

  it('a refusal at approval is a disposition "tolak" with its reason, and leaves no papers', async () => {
    const id = await open('Posko Kelurahan Kadomas');
    const act = actOn(id);
    await act(fo, 'teruskan', 1);
    await act(kadis, 'teruskan', 2);
    await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' });
    await act(fungsional, 'ajukan', 4, {
      peopleAffected: 10,
      days: 2,
      lines: [{ itemId: rice, quantity: 8 }],
    });
    const refused = await act(kabid, 'tolak', 5, undefined, 'Sudah dipenuhi oleh BPBD Kabupaten Pandeglang');
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().state.status).toBe('rejected');
    expect(refused.json().letters).toEqual([]);
    const dispositions = (await kabid.get(`/api/cases/${id}/dispositions`)).json().dispositions;
    expect(dispositions.map((d: { decision: string; to: string }) => [d.decision, d.to])).toEqual([
      ['Teliti dan saran', 'Fungsional/Penyuluh Sosial'],
      ['Tolak', 'Petugas Front Office'],
    ]);
    expect(dispositions[1].instruction).toBe('Sudah dipenuhi oleh BPBD Kabupaten Pandeglang');
    const sheet = await kabid.get(`/api/cases/${id}/dispositions/${dispositions[1].id}/pdf`);
    const text = flatOf(sheet.rawPayload);
    expect(text).toContain('Tolak');
    expect(text).toContain('Sudah dipenuhi oleh BPBD Kabupaten Pandeglang');
  });
});
