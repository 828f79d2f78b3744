import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimerSettings } from '../../src/complaints/complaint-timers.ts';
import { sweepComplaints } from '../../src/complaints/complaints.service.ts';
import { rows } from '../../src/db/client.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const calendarDays: TimerSettings = {
  completeness: 'calendar',
  completion: 'calendar',
  decision: 'calendar',
  delivery: 'calendar',
};

/** A LAPOR! export as Indonesian Excel saves it: UTF-8 with BOM, `;` between fields. */
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
const header =
  'ID Laporan;Tanggal Laporan;Judul;Isi Laporan;Klasifikasi;Kategori;Status;Sumber;Nama Pelapor;Kontak Pelapor;Rahasia;Tanggal Verifikasi';
const goodFile = csv([
  header,
  '0012345;22/12/2026 09:00;Bantuan PKH belum cair;Sudah tiga bulan bantuan PKH keluarga kami belum cair.;Pengaduan;Sosial;Belum Terverifikasi;Website;Sumarni;081234567890;Tidak;',
  '0012346;21/12/2026 08:00;Data DTKS;Mohon data keluarga kami diperbarui di DTKS tahun ini.;Aspirasi;Sosial;Terverifikasi;SMS 1708;Budi;;Tidak;22/12/2026 10:00',
  '0012347;2026-12-21 13:30;Pungutan;"Ada pungutan; petugas meminta uang ""administrasi"" untuk surat.";Pengaduan;Sosial;Belum Terverifikasi;Aplikasi;Pelapor Rahasia;0899111222;Ya;',
]);

interface Timer {
  timer: string;
  state: string;
  due: string | null;
  breachedAt: string | null;
}

describe('SP4N-LAPOR!: import, clocks, follow-ups and their export', () => {
  let t: TestApp;
  // Tuesday 22 December 2026, 12:00 WIB: Christmas (24 cuti bersama, 25) is ahead.
  const clock = new ManualClock(Date.parse('2026-12-22T05:00:00Z'));
  const sweep = () => sweepComplaints(t.app.db, calendarDays, new Date(clock.now()));
  /** Signs in afresh: the test clock jumps days, past a session's life. */
  const officer = () => signedIn(t.app, 'sragen.pengaduan');
  const count = async (table: string) =>
    Number(
      (await rows<{ n: number }>(t.app.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]
        ?.n,
    );
  const counts = async () => ({
    complaints: await count('complaints'),
    reports: await count('lapor_reports'),
    imports: await count('lapor_imports'),
    events: await count('complaint_events'),
  });
  /** Uploads with the headers given (the agent's own upload sends none). */
  const upload = (agent: Agent, url: string, bytes: Buffer, fileName: string, headers = {}) => {
    const boundary = '----lapor-test';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return agent.request('POST', url, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...headers,
    });
  };
  const detail = async (agent: Agent, id: number) => {
    const res = await agent.get(`/api/complaints/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { channel: string; status: string; laporOutcome: string | null; timers: Timer[] } & {
      complainant: { hidden: boolean; name: string };
    };
  };
  const timer = (timers: Timer[], name: string) => timers.find((x) => x.timer === name);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  it('previews a file row by row and writes nothing', async () => {
    const before = await counts();
    const res = await upload(await officer(), '/api/complaints/lapor/imports/preview', goodFile, 'lapor.csv');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.kind).toBe('csv');
    expect(p.counts).toEqual({ rows: 3, new: 3, duplicate: 0, invalid: 0 });
    expect(p.rows.map((r: { laporId: string }) => r.laporId)).toEqual(['0012345', '0012346', '0012347']);
    expect(p.rows[1]).toMatchObject({ verdict: 'new', class: 'aspirasi', outcome: 'verifikasi' });
    expect(p.columns).toContainEqual({ column: 'Isi Laporan', field: 'text' });
    expect(await counts()).toEqual(before);
  });

  it('imports a good file: complaints of channel LAPOR! that keep their LAPOR! id', async () => {
    const agent = await officer();
    const res = await agent.upload('/api/complaints/lapor/imports', goodFile, 'lapor.csv');
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json();
    expect(done.duplicates).toEqual([]);
    expect(done.imported.map((r: { row: number; laporId: string }) => [r.row, r.laporId])).toEqual([
      [2, '0012345'],
      [3, '0012346'],
      [4, '0012347'],
    ]);
    for (const r of done.imported) ids[r.laporId] = r.id;
    const first = await detail(agent, ids['0012345'] as number);
    expect(first.channel).toBe('lapor');
    const lapor = (await agent.get(`/api/complaints/${ids['0012345']}/lapor`)).json();
    expect(lapor.report).toMatchObject({
      laporId: '0012345',
      title: 'Bantuan PKH belum cair',
      laporStatus: 'Belum Terverifikasi',
      source: 'Website',
      reportedAt: '2026-12-22T02:00:00.000Z',
    });
    expect(lapor.canFollowUp).toBe(false);
    // The status "Terverifikasi" is the outcome verifikasi, given at the file's verification date.
    const second = await detail(agent, ids['0012346'] as number);
    expect(second.laporOutcome).toBe('verifikasi');
    // The quoted text keeps its `;` and quotes; the confidential complainant stays hidden from the head.
    const third = (await agent.get(`/api/complaints/${ids['0012347']}`)).json();
    expect(third.text).toBe('Ada pungutan; petugas meminta uang "administrasi" untuk surat.');
    expect(third.complainant).toMatchObject({ confidential: true, hidden: false, name: 'Pelapor Rahasia' });
    const head = await detail(await signedIn(t.app, 'sragen.kadis'), ids['0012347'] as number);
    expect(head.complainant).toMatchObject({ hidden: true, name: '' });
  });

  it('runs LAPOR!’s clocks in working days on the unit’s calendar, over Christmas', async () => {
    const agent = await officer();
    // Reported Tuesday 22 Dec 09:00: 3 working days are 23, 28 and 29 December (24 is cuti
    // bersama, 25 Christmas, then the weekend); due at the close of the office on the 29th.
    const a = await detail(agent, ids['0012345'] as number);
    expect(timer(a.timers, 'lapor_verification')).toMatchObject({
      state: 'running',
      due: '2026-12-29T09:00:00.000Z',
    });
    expect(timer(a.timers, 'lapor_follow_up')).toBeUndefined();
    // The UU 25/2009 timers run beside them.
    expect(timer(a.timers, 'completeness')).toMatchObject({
      state: 'running',
      due: '2027-01-05T17:00:00.000Z',
    });
    // Verified on 22 Dec 10:00: verification stopped, 5 working days for the follow-up: 23, 28,
    // 29, 30 and 31 December.
    const b = await detail(agent, ids['0012346'] as number);
    expect(timer(b.timers, 'lapor_verification')).toMatchObject({ state: 'stopped', breachedAt: null });
    expect(timer(b.timers, 'lapor_follow_up')).toMatchObject({
      state: 'running',
      due: '2026-12-31T09:00:00.000Z',
    });
    // Reported Monday 21 Dec 13:30: 22, 23 and 28 December.
    const c = await detail(agent, ids['0012347'] as number);
    expect(timer(c.timers, 'lapor_verification')?.due).toBe('2026-12-28T09:00:00.000Z');
  });

  it('refuses a follow-up before verification and on a complaint that did not come from LAPOR!', async () => {
    const agent = await officer();
    const early = await agent.post(`/api/complaints/${ids['0012345']}/lapor/follow-ups`, {
      text: 'Sedang kami koordinasikan dengan pendamping PKH.',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('lapor.not_verified');
    const phone = await agent.post('/api/complaints', {
      channel: 'phone',
      class: 'pengaduan',
      text: 'Pengaduan lewat telepon, bukan LAPOR!.',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    const other = await agent.post(`/api/complaints/${phone.json().id}/lapor/follow-ups`, {
      text: 'Tindak lanjut yang tidak pada tempatnya.',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('lapor.not_lapor');
    const timers = (await detail(agent, phone.json().id)).timers.map((x) => x.timer);
    expect(timers).not.toContain('lapor_verification');
  });

  it('records the breaches of LAPOR!’s clocks in the same sweep and lists them', async () => {
    // Tuesday 29 December, 17:00 WIB: both unverified reports are past their 3 working days.
    clock.advance(Date.parse('2026-12-29T10:00:00Z') - clock.now());
    expect(await sweep()).toBe(2);
    expect(await sweep()).toBe(0);
    const agent = await officer();
    const breaches = (await agent.get('/api/complaints/breaches')).json().breaches as Array<{
      complaintId: number;
      timer: string;
      dueAt: string;
    }>;
    expect(
      breaches
        .filter((b) => b.timer.startsWith('lapor_'))
        .map((b) => [b.complaintId, b.timer, b.dueAt])
        .sort(),
    ).toEqual(
      [
        [ids['0012345'], 'lapor_verification', '2026-12-29T09:00:00.000Z'],
        [ids['0012347'], 'lapor_verification', '2026-12-28T09:00:00.000Z'],
      ].sort(),
    );
    const list = (await agent.get('/api/complaints')).json().complaints as Array<{
      id: number;
      breached: string[];
    }>;
    expect(list.find((c) => c.id === ids['0012347'])?.breached).toEqual(['lapor_verification']);
    const a = await detail(agent, ids['0012345'] as number);
    expect(timer(a.timers, 'lapor_verification')?.breachedAt).toBe('2026-12-29T09:00:00.000Z');
  });

  it('writes follow-ups once verified; the first stops the follow-up clock', async () => {
    const agent = await officer();
    // The late one is verified now (29 Dec 17:00): 5 working days are 30, 31 Dec, 4, 6 and 7
    // Jan (1 Jan is New Year, 5 Jan Isra Mikraj).
    const v = await agent.post(`/api/complaints/${ids['0012345']}/actions`, {
      action: 'lapor',
      outcome: 'verifikasi',
    });
    expect(v.statusCode, v.body).toBe(200);
    const a = await detail(agent, ids['0012345'] as number);
    expect(timer(a.timers, 'lapor_verification')).toMatchObject({ state: 'stopped' });
    expect(timer(a.timers, 'lapor_follow_up')).toMatchObject({
      state: 'running',
      due: '2027-01-07T09:00:00.000Z',
    });
    for (const [id, text] of [
      [ids['0012346'], 'Data keluarga Bapak sudah kami usulkan perbaikan pada musyawarah desa.'],
      [ids['0012345'], 'Bantuan PKH tahap IV; kami cek ke bank penyalur, hasilnya "sudah cair".'],
    ] as const) {
      const res = await agent.post(`/api/complaints/${id}/lapor/follow-ups`, { text });
      expect(res.statusCode, res.body).toBe(201);
    }
    const b = await detail(agent, ids['0012346'] as number);
    expect(timer(b.timers, 'lapor_follow_up')).toMatchObject({ state: 'stopped', breachedAt: null });
    const lapor = (await agent.get(`/api/complaints/${ids['0012346']}/lapor`)).json();
    expect(lapor.followUps).toHaveLength(1);
    expect(lapor.followUps[0]).toMatchObject({ officer: expect.any(String), at: '2026-12-29T10:00:00.000Z' });
    // 7 January: past both follow-ups' due dates, and past the 14 days of completeness (Pasal
    // 44(3)) of every complaint here, none declared complete. The follow-up clocks stopped in
    // time; the legal timer is recorded too where LAPOR!'s verification already ran out.
    clock.advance(Date.parse('2027-01-07T02:00:00Z') - clock.now());
    expect(await sweep()).toBe(4);
    expect(await sweep()).toBe(0);
    const breaches = (await (await officer()).get('/api/complaints/breaches')).json().breaches as Array<{
      complaintId: number;
      timer: string;
    }>;
    expect(breaches.filter((x) => x.timer === 'lapor_follow_up')).toEqual([]);
    expect(
      breaches
        .filter((x) => x.complaintId === ids['0012347'])
        .map((x) => x.timer)
        .sort(),
    ).toEqual(['completeness', 'lapor_verification']);
  });

  it('re-importing the same file adds nothing and reports each id as already there', async () => {
    const before = await counts();
    const res = await (await officer()).upload('/api/complaints/lapor/imports', goodFile, 'lapor-lagi.csv');
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json();
    expect(done.imported).toEqual([]);
    expect(done.duplicates.map((d: { laporId: string }) => d.laporId)).toEqual([
      '0012345',
      '0012346',
      '0012347',
    ]);
    expect(done.duplicates[0].trackingCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const after = await counts();
    expect(after.complaints).toBe(before.complaints);
    expect(after.reports).toBe(before.reports);
    const preview = (
      await upload(await officer(), '/api/complaints/lapor/imports/preview', goodFile, 'lapor.csv')
    ).json();
    expect(preview.counts).toMatchObject({ new: 0, duplicate: 3 });
  });

  it('refuses a bad file whole, every problem by row in Indonesian or English, and changes nothing', async () => {
    const bad = csv([
      header,
      '0020001;23/12/2026 08:00;Baik;Baris ini sendiri tidak bermasalah sama sekali.;Pengaduan;;;;;;;',
      '0020002;31/02/2026;Tanggal;Tanggal laporan ini tidak ada di kalender.;Pengaduan;;;;;;;',
      '0020003;23/12/2026;Jenis;Klasifikasi ini tidak dikenal oleh pemetaan.;Whistle Blowing System;;;;;;;',
      '0020004;23/12/2026;Kosong;;Aspirasi;;;;;;;',
      '0020001;23/12/2026;Ganda;ID yang sama dua kali dalam satu berkas.;Aspirasi;;Entah;;;;;',
    ]);
    const before = await counts();
    const agent = await officer();
    const res = await agent.upload('/api/complaints/lapor/imports', bad, 'buruk.csv');
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('lapor.import_invalid');
    expect(error.message).toBe(
      'Berkas LAPOR! tidak dapat diimpor (5 masalah); tidak ada laporan yang disimpan.',
    );
    const messages = error.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^baris 3, tanggal laporan: "31\/02\/2026" bukan tanggal/),
      expect.stringMatching(/^baris 4, klasifikasi: "Whistle Blowing System" tidak dikenal/),
      'baris 5, isi laporan: wajib diisi',
      'baris 6, ID laporan: 0020001 sudah ada di baris 2 berkas ini',
      expect.stringMatching(/^baris 6, status: "Entah" tidak dikenal/),
    ]);
    expect(error.problems[2].path).toBe('rows[5].text');
    const en = await upload(agent, '/api/complaints/lapor/imports', bad, 'buruk.csv', {
      'accept-language': 'en',
    });
    expect(en.json().error.problems[2].message).toBe('row 5, report text: is required');
    expect(await counts()).toEqual(before);
    // The preview shows the same problems beside their rows, and the good row as new.
    const p = (await upload(agent, '/api/complaints/lapor/imports/preview', bad, 'buruk.csv')).json();
    expect(p.counts).toEqual({ rows: 5, new: 1, duplicate: 0, invalid: 4 });
    expect(p.rows[3]).toMatchObject({ row: 5, laporId: '0020004', verdict: 'invalid' });
    expect(p.rows[3].problems.map((x: { message: string }) => x.message)).toEqual([
      'baris 5, isi laporan: wajib diisi',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names the missing columns of a file, and reads JSON exports', async () => {
    const agent = await officer();
    const missing = await agent.upload(
      '/api/complaints/lapor/imports',
      csv(['Nomor;Isi Laporan', '1;Isi laporan tanpa tanggal dan jenis.']),
      'kurang.csv',
    );
    expect(missing.statusCode).toBe(422);
    const messages = missing.json().error.problems.map((p: { message: string }) => p.message);
    expect(messages[0]).toMatch(/^tidak ada kolom untuk ID laporan; judul kolom yang dikenali: "id laporan"/);
    expect(messages).toHaveLength(3);
    const json = Buffer.from(
      JSON.stringify({
        data: [
          {
            'Tracking ID': 5550001,
            'Tanggal Laporan': '2026-12-23T08:15:00+07:00',
            Judul: 'Lansia terlantar',
            'Isi Laporan': 'Ada lansia terlantar di depan pasar, mohon ditangani dinas sosial.',
            Klasifikasi: 'pengaduan',
            Anonim: true,
            'Nama Pelapor': 'Tidak boleh tersimpan',
          },
        ],
      }),
    );
    const res = await agent.upload('/api/complaints/lapor/imports', json, 'lapor.json');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = res.json().imported;
    expect(row).toMatchObject({ row: 1, laporId: '5550001' });
    const c = (await agent.get(`/api/complaints/${row.id}`)).json();
    expect(c.complainant.name).toBe('');
    expect(c.receivedAt).toBe('2026-12-23T01:15:00.000Z');
  });

  it('takes a unit’s own column mapping, laid over the defaults, and can reset it', async () => {
    const agent = await officer();
    const own = csv([
      'No Tiket Internal;Tgl;Uraian;Jenis',
      'LPR-2027-001;04/01/2027 10:00;Pelayanan kartu KKS di kantor lambat sekali.;Keluhan',
    ]);
    const refused = await agent.upload('/api/complaints/lapor/imports', own, 'sendiri.csv');
    expect(refused.statusCode).toBe(422);
    const badMapping = await agent.put('/api/complaints/lapor/mapping', {
      mapping: { columns: { Tgl: 'tanggal' } },
    });
    expect(badMapping.statusCode).toBe(422);
    const saved = await agent.put('/api/complaints/lapor/mapping', {
      mapping: {
        columns: { 'No Tiket Internal': 'laporId', Tgl: 'reportedAt', Uraian: 'text', Jenis: 'class' },
        classes: { Keluhan: 'pengaduan' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ layout: 'jaring-lapor-1', custom: true });
    const res = await agent.upload('/api/complaints/lapor/imports', own, 'sendiri.csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported[0].laporId).toBe('LPR-2027-001');
    // The defaults still hold beside the unit's own entries.
    expect(
      (await agent.upload('/api/complaints/lapor/imports', goodFile, 'lapor.csv')).json().duplicates,
    ).toHaveLength(3);
    // Another unit keeps the defaults.
    const tarakan = (
      await (await signedIn(t.app, 'tarakan.pengaduan')).get('/api/complaints/lapor/mapping')
    ).json();
    expect(tarakan.custom).toBe(false);
    const reset = await agent.put('/api/complaints/lapor/mapping', { mapping: null });
    expect(reset.json().custom).toBe(false);
    expect((await agent.upload('/api/complaints/lapor/imports', own, 'sendiri.csv')).statusCode).toBe(422);
  });

  it('exports the follow-ups as CSV for Indonesian Excel, ids as text, and as XLSX', async () => {
    const agent = await officer();
    const list = (await agent.get('/api/complaints/lapor/follow-ups?from=2026-12-01&to=2027-01-31')).json();
    expect(list.followUps.map((f: { laporId: string }) => f.laporId)).toEqual(['0012346', '0012345']);
    const res = await agent.get('/api/complaints/lapor/follow-ups.csv?from=2026-12-01&to=2027-01-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(res.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual([
      'ID Laporan LAPOR!',
      'Kode Pelacakan Jaring',
      'Status',
      'Hasil Verifikasi LAPOR!',
      'Tindak Lanjut',
      'Tanggal Tindak Lanjut',
      'Petugas',
      'Unit',
    ]);
    expect(table).toHaveLength(3);
    // Excel reads `="0012345"` as the text 0012345: the leading zeros stay.
    expect(table.slice(1).map((r) => r[0])).toEqual(['="0012346"', '="0012345"']);
    expect(table[2]?.[3]).toBe('Verifikasi');
    expect(table[2]?.[4]).toBe('Bantuan PKH tahap IV; kami cek ke bank penyalur, hasilnya "sudah cair".');
    expect(table[2]?.[5]).toBe('29/12/2026 17:00');
    const xlsx = await agent.get('/api/complaints/lapor/follow-ups.xlsx?from=2026-12-01&to=2027-01-31');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const id = sheet?.getCell('A3');
    expect(id?.value).toBe('0012346');
    expect(id?.type).toBe(ExcelJS.ValueType.String);
    expect(id?.numFmt).toBe('@');
    expect(sheet?.getCell('E4').value).toBe(table[2]?.[4]);
    // Outside the span: nothing.
    const none = (await agent.get('/api/complaints/lapor/follow-ups?from=2026-11-01&to=2026-11-30')).json();
    expect(none.followUps).toEqual([]);
  });
});
