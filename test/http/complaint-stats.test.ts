import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const day = 86_400_000;

/**
 * Complaint statistics (Pasal 37(3)) on complaints written straight into the tables, so that
 * every figure is known beforehand: Tarakan (WITA, UTC+8) in the first quarter of 2026.
 */
describe('complaint statistics', () => {
  let t: TestApp;
  let n = 0;
  const clock = new ManualClock(Date.parse('2026-04-15T02:00:00Z'));

  async function complaint(c: {
    unit: 'tarakan' | 'sragen';
    received: string;
    channel: string;
    class: string;
    status: string;
    service?: string;
    /** Days from receipt to decision. */
    decidedAfter?: number;
    /** Days from receipt to the decision timer's due date. */
    dueAfter?: number;
  }): Promise<number> {
    n++;
    const received = Date.parse(c.received);
    const at = (days: number | undefined) =>
      days === undefined ? null : new Date(received + days * day).toISOString();
    const [row] = await rows<{ id: number }>(
      t.app.db,
      sql`INSERT INTO complaints (unit_id, agenda_number, tracking_code, class, channel, text, status,
            standard_slug, received_at, complete_at, decided_at, decision_due)
          SELECT id, ${`065/${n}/STAT/2026`}, ${`STATS-${String(n).padStart(5, '0')}`}, ${c.class},
                 ${c.channel}, 'Pengaduan buatan untuk statistik.', ${c.status}, ${c.service ?? null},
                 ${c.received}, ${at(c.decidedAfter === undefined ? undefined : 1)},
                 ${at(c.decidedAfter)}, ${at(c.dueAfter)}
          FROM units WHERE code = ${c.unit} RETURNING id`,
    );
    if (!row) throw new Error('no complaint');
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    await complaint({
      unit: 'tarakan',
      received: '2026-01-05T01:00:00Z',
      channel: 'phone',
      class: 'pengaduan',
      status: 'delivered',
      service: 'sembako',
      decidedAfter: 10,
      dueAfter: 61,
    });
    await complaint({
      unit: 'tarakan',
      received: '2026-01-10T01:00:00Z',
      channel: 'form',
      class: 'aspirasi',
      status: 'decided',
      service: 'sembako',
      decidedAfter: 20,
      dueAfter: 61,
    });
    // Decided after 70 days, 10 past its due date.
    await complaint({
      unit: 'tarakan',
      received: '2026-01-20T01:00:00Z',
      channel: 'lapor',
      class: 'pengaduan',
      status: 'decided',
      decidedAfter: 70,
      dueAfter: 60,
    });
    // 1 February 01:00 in Tarakan: a February complaint, although January in UTC.
    await complaint({
      unit: 'tarakan',
      received: '2026-01-31T17:00:00Z',
      channel: 'phone',
      class: 'pengaduan',
      status: 'withdrawn',
    });
    // 1 January 00:30 in Tarakan: inside the year, although 2025 in UTC.
    await complaint({
      unit: 'tarakan',
      received: '2025-12-31T16:30:00Z',
      channel: 'box',
      class: 'pengaduan',
      status: 'received',
    });
    // Handed over to Sragen, which accepted: Sragen holds it, Tarakan counts it as transferred.
    const moved = await complaint({
      unit: 'sragen',
      received: '2026-02-10T01:00:00Z',
      channel: 'email',
      class: 'pengaduan',
      status: 'received',
    });
    await t.app.db.execute(sql`INSERT INTO complaint_transfers (complaint_id, from_unit_id, to_unit_id, reason,
        state, requested_at, answered_at)
      SELECT ${moved}, f.id, s.id, 'Kewenangan kabupaten', 'accepted', now(), now()
      FROM units f, units s WHERE f.code = 'tarakan' AND s.code = 'sragen'`);
    // Not Tarakan's, and outside the span.
    await complaint({
      unit: 'sragen',
      received: '2026-02-11T01:00:00Z',
      channel: 'phone',
      class: 'aspirasi',
      status: 'received',
    });
    await complaint({
      unit: 'tarakan',
      received: '2026-04-01T01:00:00Z',
      channel: 'phone',
      class: 'aspirasi',
      status: 'received',
    });
  });
  afterAll(() => t.close());

  it('counts per unit, service, channel, class, status and month, with median and p90 days to decision', async () => {
    const agent = await signedIn(t.app, 'tarakan.pengaduan');
    const res = await agent.get('/api/complaints/stats?from=2026-01&to=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ from: '2026-01', to: '2026-03', timeZone: 'Asia/Makassar' });
    // Decided after 10, 20 and 70 days: median 20; p90 = 20 + 0.8 × (70 − 20) = 60.
    expect(s.total).toEqual({
      received: 6,
      complete: 3,
      decided: 3,
      decidedInTime: 2,
      medianDaysToDecision: 20,
      p90DaysToDecision: 60,
      transferred: 1,
      withdrawn: 1,
    });
    const pick = (list: Array<{ key: string | null; received: number }>) =>
      list.map((r) => [r.key, r.received]);
    expect(pick(s.byMonth)).toEqual([
      ['2026-01', 4],
      ['2026-02', 2],
      ['2026-03', 0],
    ]);
    expect(pick(s.byChannel)).toEqual([
      ['form', 1],
      ['box', 1],
      ['phone', 2],
      ['email', 1],
      ['lapor', 1],
    ]);
    expect(pick(s.byClass)).toEqual([
      ['pengaduan', 5],
      ['aspirasi', 1],
    ]);
    expect(pick(s.byStatus)).toEqual([
      ['received', 2],
      ['decided', 2],
      ['delivered', 1],
      ['withdrawn', 1],
    ]);
    expect(s.byService.map((r: { label: string | null; received: number }) => [r.label, r.received])).toEqual(
      [
        [null, 4],
        ['Fasilitas Program Sembako', 2],
      ],
    );
    // Month by class, for the stacked chart: January 3 complaints and 1 suggestion (the one of
    // 1 January 00:30 WITA included), February 2 complaints.
    expect(s.byMonthAndClass).toEqual([
      { month: '2026-01', class: 'pengaduan', received: 3 },
      { month: '2026-01', class: 'aspirasi', received: 1 },
      { month: '2026-02', class: 'pengaduan', received: 2 },
    ]);
    const sembako = s.byService.find((r: { key: string | null }) => r.key === 'sembako');
    expect(sembako).toMatchObject({ decided: 2, decidedInTime: 2, medianDaysToDecision: 15 });
    const lapor = s.byChannel.find((r: { key: string }) => r.key === 'lapor');
    expect(lapor).toMatchObject({ decided: 1, decidedInTime: 0, medianDaysToDecision: 70 });
  });

  it('is scoped to the caller’s unit, and refuses a span backwards or too long', async () => {
    const sragen = (
      await (await signedIn(t.app, 'sragen.pengaduan')).get('/api/complaints/stats?from=2026-01&to=2026-03')
    ).json();
    expect(sragen.total).toMatchObject({ received: 2, transferred: 0 });
    const agent = await signedIn(t.app, 'tarakan.pengaduan');
    const backwards = await agent.get('/api/complaints/stats?from=2026-03&to=2026-01');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe('complaint.stats_range');
    expect((await agent.get('/api/complaints/stats?from=2020-01&to=2026-01')).statusCode).toBe(422);
    expect((await agent.get('/api/complaints/stats?from=2026-13')).statusCode).toBe(422);
    // Default: January to this month (April).
    const year = (await agent.get('/api/complaints/stats')).json();
    expect([year.from, year.to, year.total.received]).toEqual(['2026-01', '2026-04', 7]);
  });

  it('exports the same figures as a workbook', async () => {
    const agent = await signedIn(t.app, 'tarakan.pengaduan');
    const res = await agent.get('/api/complaints/stats.xlsx?from=2026-01&to=2026-03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Per layanan',
      'Per saluran',
      'Per jenis',
      'Per status',
      'Per bulan',
    ]);
    const summary = book.getWorksheet('Ringkasan');
    expect(summary?.getRow(3).values).toEqual([
      undefined,
      'Kelompok',
      'Diterima',
      'Lengkap',
      'Diputuskan',
      'Diputuskan tepat waktu',
      'Median hari sampai keputusan',
      'P90 hari sampai keputusan',
      'Dialihkan',
      'Dianggap dicabut',
    ]);
    expect(summary?.getRow(4).values).toEqual([undefined, expect.any(String), 6, 3, 3, 2, 20, 60, 1, 1]);
    const channels = book.getWorksheet('Per saluran');
    expect(channels?.getCell('A6').value).toBe('Telepon');
    expect(channels?.getCell('B6').value).toBe(2);
    const en = await agent.get('/api/complaints/stats.xlsx?from=2026-01&to=2026-03&lang=en');
    const bookEn = new ExcelJS.Workbook();
    await bookEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(bookEn.worksheets[0]?.name).toBe('Summary');
  });

  it('prints the same figures as a PDF with the kop surat, the period and page numbers', async () => {
    const agent = await signedIn(t.app, 'tarakan.pengaduan');
    const json = (await agent.get('/api/complaints/stats?from=2026-01&to=2026-03')).json();
    const res = await agent.get('/api/complaints/stats.pdf?from=2026-01&to=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('statistik-pengaduan-tarakan-2026-01-2026-03.pdf');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/complaint-stats.pdf', res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.rawPayload }).toString();
    const lines = text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    type Row = {
      key: string | null;
      label: string | null;
      received: number;
      complete: number;
      decided: number;
      decidedInTime: number;
      medianDaysToDecision: number | null;
      p90DaysToDecision: number | null;
      transferred: number;
      withdrawn: number;
    };
    const id = (v: number | null) => (v === null ? '–' : String(v).replace('.', ','));
    const figures = (r: Row) =>
      [
        r.received,
        r.complete,
        r.decided,
        r.decidedInTime,
        r.medianDaysToDecision,
        r.p90DaysToDecision,
        r.transferred,
        r.withdrawn,
      ]
        .map(id)
        .join(' ');
    /** The row printed for a group: its label, then its eight figures, on one line. */
    const printed = (label: string, r: Row) => expect(lines).toContain(`${label} ${figures(r)}`);
    expect(text).toContain('STATISTIK PENGADUAN');
    expect(text).toContain('Pasal 37 ayat (3)');
    expect(text).toContain('Periode penerimaan: Januari 2026 – Maret 2026');
    expect(text).toContain('Halaman 1 dari');
    expect(text).toContain('Dicetak 15 April 2026');
    // The kop surat: the unit's letterhead lines.
    const [unit] = await rows<{ name: string; letterhead: string[] }>(
      t.app.db,
      sql`SELECT name, letterhead FROM units WHERE code = 'tarakan'`,
    );
    for (const line of unit?.letterhead ?? [unit?.name]) expect(text).toContain(line);
    // Totals: 6 received … 20 and 60 days … as the JSON says.
    expect(figures(json.total)).toBe('6 3 3 2 20 60 1 1');
    expect(lines.some((l) => l.endsWith(figures(json.total)))).toBe(true);
    const months = { '2026-01': 'Januari 2026', '2026-02': 'Februari 2026', '2026-03': 'Maret 2026' };
    for (const r of json.byMonth as Row[]) printed(months[r.key as keyof typeof months], r);
    for (const r of json.byService as Row[]) printed(r.label ?? '(tanpa layanan)', r);
    const channels: Record<string, string> = {
      form: 'Formulir daring',
      box: 'Kotak pengaduan',
      phone: 'Telepon',
      email: 'Surel',
      lapor: 'SP4N-LAPOR!',
    };
    for (const r of json.byChannel as Row[]) printed(channels[r.key as string] as string, r);
    printed('Pengaduan', json.byClass[0]);
    printed('Aspirasi', json.byClass[1]);
    const statuses: Record<string, string> = {
      received: 'Diterima',
      decided: 'Diputuskan',
      delivered: 'Keputusan disampaikan',
      withdrawn: 'Dianggap dicabut',
    };
    for (const r of json.byStatus as Row[]) printed(statuses[r.key as string] as string, r);
    // The LAPOR! row: decided late, 70 days.
    expect(lines).toContain('SP4N-LAPOR! 1 1 1 0 70 70 0 0');

    const en = await agent.get('/api/complaints/stats.pdf?from=2026-01&to=2026-03&lang=en');
    const english = execFileSync('pdftotext', ['-layout', '-', '-'], { input: en.rawPayload }).toString();
    expect(english).toContain('COMPLAINT STATISTICS');
    expect(english).toContain('Period of receipt: January 2026 – March 2026');
    expect(english).toContain('Page 1 of');
    expect(english.split('\n').map((l) => l.trim().replace(/\s+/g, ' '))).toContain(
      'Phone 2 1 1 1 10 10 0 1',
    );
  });

  it('gives the workbook and the PDF only to complaint handlers of the unit', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/complaints/stats.pdf' });
    expect(anonymous.statusCode).toBe(401);
    const operator = await signedIn(t.app, 'tarakan.fo');
    for (const url of ['/api/complaints/stats.pdf', '/api/complaints/stats.xlsx'])
      expect((await operator.get(url)).statusCode).toBe(403);
    const backwards = await (await signedIn(t.app, 'tarakan.pengaduan')).get(
      '/api/complaints/stats.pdf?from=2026-03&to=2026-01',
    );
    expect(backwards.statusCode).toBe(422);
  });
});
