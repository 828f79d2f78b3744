/**
 * What a case action holds while it lays out a PDF. Rendering takes far longer than any
 * statement, so while it runs the action must hold neither the audit chain's lock (every audited
 * write of every office waits on it), nor the stock rows of the items it moves (every posting on
 * those items waits on them), nor its unit's agenda counter (every numbered letter of the unit
 * waits on it). Each render is wrapped with a probe that asks, from a connection
 * of its own, whether both are free. Only PostgreSQL has a second connection to ask from.
 */
import { execFileSync } from 'node:child_process';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createItem, createWarehouse } from '../../src/logistics/stock.service.ts';
import { type Agent, createTestApp, signedIn, type TestApp, unitIdOf } from '../app.ts';
import { secondConnection } from '../db.ts';
import { inDays, receiveToday, today } from '../relief.ts';

interface Seen {
  paper: string;
  auditChainFree: boolean;
  /** Stock position and balance rows another transaction could not lock. */
  stockRowsHeld: number;
  /** Agenda counter rows (any unit's) another transaction could not lock. */
  agendaRowsHeld: number;
}
const probe = vi.hoisted(() => ({
  run: undefined as undefined | ((paper: string) => Promise<void>),
}));

vi.mock('../../src/logistics/logistics.pdf.ts', async (original) => {
  const real = await original<typeof import('../../src/logistics/logistics.pdf.ts')>();
  return {
    ...real,
    renderDeliveryNotePdf: async (n: Parameters<typeof real.renderDeliveryNotePdf>[0]) => {
      await probe.run?.('surat-jalan');
      return real.renderDeliveryNotePdf(n);
    },
    renderHandoverPdf: async (b: Parameters<typeof real.renderHandoverPdf>[0]) => {
      await probe.run?.('bast');
      return real.renderHandoverPdf(b);
    },
  };
});
vi.mock('../../src/documents/letter.pdf.ts', async (original) => {
  const real = await original<typeof import('../../src/documents/letter.pdf.ts')>();
  return {
    ...real,
    renderLetterPdf: async (l: Parameters<typeof real.renderLetterPdf>[0]) => {
      await probe.run?.('surat');
      return real.renderLetterPdf(l);
    },
  };
});

const scan = Buffer.from('%PDF-1.4\n% berkas\n');

const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString().replace(/\s+/g, ' ');

describe.runIf(Boolean(process.env.DATABASE_URL))('locks held while a case action renders its paper', () => {
  let t: TestApp & { database: { url?: string } };
  let other: pg.Client;
  const seen: Seen[] = [];
  let itemIds: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    other = await secondConnection(t.database);
    // Each unit's agenda counter for the year exists before its first letter, so the probe finds
    // the row a letter would lock (a first letter inserts it, unseen by others until it commits).
    await other.query(
      `INSERT INTO letter_counters (unit_id, year, last)
       SELECT id, $1, 0 FROM units ON CONFLICT DO NOTHING`,
      [Number(today.slice(0, 4))],
    );
    probe.run = async (paper) => {
      // Taken and given back at once: true only when no transaction holds it.
      const lock = await other.query<{ got: boolean }>('SELECT pg_try_advisory_lock(7238002) AS got');
      const free = lock.rows[0]?.got === true;
      if (free) await other.query('SELECT pg_advisory_unlock(7238002)');
      let held = 0;
      await other.query('BEGIN');
      const counters = await other.query('SELECT 1 FROM letter_counters');
      const freeCounters = await other.query('SELECT 1 FROM letter_counters FOR UPDATE SKIP LOCKED');
      await other.query('ROLLBACK');
      const agendaRowsHeld = (counters.rowCount ?? 0) - (freeCounters.rowCount ?? 0);
      if (itemIds.length > 0) {
        await other.query('BEGIN');
        for (const table of ['stock_positions', 'stock_balances']) {
          const all = await other.query(`SELECT 1 FROM ${table} WHERE item_id = ANY($1)`, [itemIds]);
          const lockable = await other.query(
            `SELECT 1 FROM ${table} WHERE item_id = ANY($1) FOR UPDATE SKIP LOCKED`,
            [itemIds],
          );
          held += (all.rowCount ?? 0) - (lockable.rowCount ?? 0);
        }
        await other.query('ROLLBACK');
      }
      seen.push({ paper, auditChainFree: free, stockRowsHeld: held, agendaRowsHeld });
    };
  });
  afterAll(async () => {
    probe.run = undefined;
    await other?.end();
    await t?.close();
  });

  it('renders the surat jalan and the BAST with the items, the audit chain and the agenda free', async () => {
    const fo = await signedIn(t.app, 'banten.fo', '10.18.0.1');
    const kadis = await signedIn(t.app, 'banten.kadis', '10.18.0.2');
    const kabid = await signedIn(t.app, 'banten.kabid', '10.18.0.3');
    const fungsional = await signedIn(t.app, 'banten.fungsional', '10.18.0.4');
    const db = t.database.db;
    const unitId = await unitIdOf(db, 'banten');
    const warehouse = await createWarehouse(db, unitId, { code: 'GDG-KUNCI', name: 'Gudang Uji Kunci' });
    const rice = await createItem(db, unitId, {
      name: 'Beras Uji Kunci',
      uom: 'kg',
      category: 'food',
      normPerPersonDay: 0.4,
      normUnit: 'kg',
      minimum: null,
    });
    const [batch] = (
      await receiveToday(db, {
        unitId,
        warehouseId: warehouse.id,
        documentRef: 'BAPB/KUNCI/1',
        lines: [{ itemId: rice.id, quantity: 200, expiresOn: inDays(90) }],
      })
    ).batchIds;
    itemIds = [rice.id];
    expect(
      (
        await kadis.post('/api/emergencies', {
          number: '360/Kep.300-Huk/2026',
          decreedOn: today,
          declaredBy: 'gubernur',
          disaster: 'Banjir',
          areas: ['36.01'],
          startsOn: today,
          endsOn: inDays(14),
        })
      ).statusCode,
    ).toBe(201);
    const opened = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Desa Kunci' },
      intake: { areaCode: '36.01.01', requestingOffice: 'Dinas Sosial Kabupaten Pandeglang' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    for (const paper of ['permohonan', 'surat-dinsos-kabkota', 'asesmen'])
      expect((await fo.upload(`/api/cases/${id}/documents/${paper}`, scan)).statusCode).toBe(201);
    const act = async (who: Agent, action: string, version: number, data?: Record<string, unknown>) => {
      const res = await who.post(`/api/cases/${id}/actions`, { action, version, ...(data ? { data } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await act(fo, 'teruskan', 1);
    await act(kadis, 'teruskan', 2);
    await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' });
    await act(fungsional, 'ajukan', 4, {
      peopleAffected: 50,
      days: 5,
      lines: [{ itemId: rice.id, quantity: 100 }],
    });
    await act(kabid, 'setujui', 5, {
      warehouseId: warehouse.id,
      lines: [{ itemId: rice.id, quantity: 100 }],
    });
    const shipped = await act(fungsional, 'kirim', 6, { vehicle: 'B 1234 KJ', driver: 'Asep' });
    expect(shipped.actions.at(-1).data.result.dispatched).toBe(100);
    const handed = await act(fungsional, 'serahkan', 7, {
      receiverName: 'Ujang Suherman',
      receiverPosition: 'Koordinator Posko',
      returns: [{ batchId: batch, quantity: 4, damaged: true, reason: 'karung sobek saat bongkar' }],
    });
    expect(handed.actions.at(-1).data.result).toMatchObject({ returned: 4, writtenOff: 4 });

    expect(seen.filter((s) => s.paper !== 'surat')).toEqual([
      { paper: 'surat-jalan', auditChainFree: true, stockRowsHeld: 0, agendaRowsHeld: 0 },
      { paper: 'bast', auditChainFree: true, stockRowsHeld: 0, agendaRowsHeld: 0 },
    ]);
  });

  /** A Kehabisan Bekal case taken to its payment, which issues its letter. */
  const paidTravelAid = async (applicant: { name: string; nik: string }, ip: number) => {
    const fo = await signedIn(t.app, 'sragen.fo', `10.18.0.${ip}`);
    const officer = await signedIn(t.app, 'sragen.fungsional', `10.18.0.${ip + 1}`);
    const opened = await fo.post('/api/cases', { standardId: 'kehabisan-bekal', applicant });
    const id = opened.json().id as number;
    expect((await fo.upload(`/api/cases/${id}/documents/surat-keterangan-kepolisian`, scan)).statusCode).toBe(
      201,
    );
    expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
      200,
    );
    const paid = await officer.post(`/api/cases/${id}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    return { id, officer, paid: paid.json() };
  };

  it('renders a letter issued after an effect with the audit chain and the agenda free (Kehabisan Bekal)', async () => {
    seen.length = 0;
    itemIds = [];
    const { paid } = await paidTravelAid({ name: 'Bambang Sutrisno', nik: '3314011708900001' }, 5);
    expect(paid.letters).toHaveLength(1);
    expect(seen).toEqual([{ paper: 'surat', auditChainFree: true, stockRowsHeld: 0, agendaRowsHeld: 0 }]);
  });

  it('lays a letter out again when another letter took its number during the render', async () => {
    seen.length = 0;
    const unitId = await unitIdOf(t.database.db, 'sragen');
    const year = Number(today.slice(0, 4));
    const last = async () =>
      Number(
        (
          await other.query('SELECT last FROM letter_counters WHERE unit_id = $1 AND year = $2', [
            unitId,
            year,
          ])
        ).rows[0]?.last,
      );
    const before = await last();
    // Another desk's letter takes the number this one was laid out for, once, while it renders.
    let taken = false;
    probe.run = async (paper) => {
      seen.push({ paper, auditChainFree: true, stockRowsHeld: 0, agendaRowsHeld: 0 });
      if (taken) return;
      taken = true;
      await other.query('UPDATE letter_counters SET last = last + 1 WHERE unit_id = $1 AND year = $2', [
        unitId,
        year,
      ]);
    };
    const { id, paid, officer } = await paidTravelAid({ name: 'Siti Aminah', nik: '3314015708900002' }, 7);
    // Laid out twice: for the number guessed, then for the one it was given.
    expect(seen.map((s) => s.paper)).toEqual(['surat', 'surat']);
    const [letter] = paid.letters as { id: number; number: string }[];
    const seq = (n: string) => Number(n.split('/')[1]);
    expect(seq(letter?.number ?? '')).toBe(before + 2);
    expect(await last()).toBe(before + 2);
    const issued = pdfText((await officer.get(`/api/cases/${id}/letters/${letter?.id}/pdf`)).rawPayload);
    expect(issued).toContain(letter?.number);
    expect(issued).not.toContain(`/${String(before + 1).padStart(4, '0')}/`);
  });
});
