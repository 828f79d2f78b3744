import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimerSettings } from '../../src/complaints/complaint-timers.ts';
import { sweepComplaints } from '../../src/complaints/complaints.service.ts';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const day = 86_400_000;
const calendarDays: TimerSettings = {
  completeness: 'calendar',
  completion: 'calendar',
  decision: 'calendar',
  delivery: 'calendar',
};

describe('complaints (UU 25/2009)', () => {
  let t: TestApp;
  const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z'));
  let ip = 1;
  const citizen = () => new Agent(t.app, `10.77.0.${ip++}`);
  const sweep = () => sweepComplaints(t.app.db, calendarDays, new Date(clock.now()));

  /** Files a complaint through the public form, answering its challenge. */
  async function file(body: Record<string, unknown>, unit = 'sragen') {
    const agent = citizen();
    const c = (await agent.get('/api/public/complaints/challenge')).json();
    const [a, b] = String(c.question).split(' + ').map(Number);
    const res = await agent.post(`/api/public/units/${unit}/complaints`, {
      class: 'pengaduan',
      text: 'Bantuan PKH bulan ini belum cair padahal sudah terdaftar.',
      ...body,
      challenge: { token: c.token, answer: String((a ?? 0) + (b ?? 0)) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: number;
      trackingCode: string;
      agendaNumber: string;
      late: boolean;
      timers: Array<{ timer: string; due: string }>;
    };
  }
  const act = async (agent: Agent, id: number, body: Record<string, unknown>) => {
    const res = await agent.post(`/api/complaints/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Signs in afresh: the test clock jumps weeks, past a session's life. */
  const officer = () => signedIn(t.app, 'sragen.pengaduan');
  const track = async (code: string) => (await citizen().get(`/api/public/complaints/${code}`)).json();

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  it('files from the public form with a receipt number, tracking code and the completeness due date', async () => {
    const r = await file({ name: 'Warsini', contact: '081234567890', standardId: 'pkh' });
    expect(r.agendaNumber).toMatch(/^065\/\d{4}\/DINSOS\/2026$/);
    expect(r.trackingCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    // Received Tuesday 1 December 09:00 WIB: 14 calendar days, due at the end of 15 December.
    expect(r.timers).toEqual([
      expect.objectContaining({ timer: 'completeness', due: '2026-12-15T17:00:00.000Z', state: 'running' }),
    ]);
    const pdf = await citizen().get(`/api/public/complaints/${r.trackingCode}/receipt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a wrong, a reused or a missing challenge answer, in both languages', async () => {
    const agent = citizen();
    const c = (await agent.get('/api/public/complaints/challenge')).json();
    const body = { class: 'aspirasi', text: 'Mohon jam layanan diperpanjang hingga sore.' };
    const wrong = await agent.post('/api/public/units/sragen/complaints', {
      ...body,
      challenge: { token: c.token, answer: '999' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('complaint.challenge_failed');
    expect(wrong.json().error.message).toMatch(/pertanyaan pengaman/);
    const [a, b] = String(c.question).split(' + ').map(Number);
    const right = { token: c.token, answer: String((a ?? 0) + (b ?? 0)) };
    expect(
      (await agent.post('/api/public/units/sragen/complaints', { ...body, challenge: right })).statusCode,
    ).toBe(201);
    const again = await agent.post(
      '/api/public/units/sragen/complaints',
      { ...body, challenge: right },
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toMatch(/safety question/);
    expect((await agent.post('/api/public/units/sragen/complaints', body)).statusCode).toBe(422);
  });

  it('flags a complaint filed more than 30 days after the service (Pasal 42(2))', async () => {
    expect((await file({ serviceDate: '2026-10-20' })).late).toBe(true);
    expect((await file({ serviceDate: '2026-11-15' })).late).toBe(false);
  });

  it('takes complaints from the channels the unit’s standards name, and refuses others', async () => {
    const officer = await signedIn(t.app, 'sragen.pengaduan');
    const phone = await officer.post('/api/complaints', {
      channel: 'phone',
      class: 'permintaan_informasi',
      text: 'Menanyakan jadwal penyaluran bantuan sembako.',
      name: 'Pak Darto',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    const insta = await officer.post('/api/complaints', {
      channel: 'instagram',
      class: 'pengaduan',
      text: 'Komentar di Instagram dinas.',
    });
    expect(insta.statusCode).toBe(422);
    expect(insta.json().error.code).toBe('complaint.unknown_channel');
    const detail = (await officer.get(`/api/complaints/${phone.json().id}`)).json();
    expect(detail.channel).toBe('phone');
  });

  it('hides a confidential complainant from every role but the complaint officer, and from the audit', async () => {
    const r = await file({
      name: 'Nama Rahasia Sekali',
      contact: 'rahasia@contoh.id',
      confidential: true,
      standardId: 'pkh',
    });
    const officer = await signedIn(t.app, 'sragen.pengaduan');
    const seen = (await officer.get(`/api/complaints/${r.id}`)).json();
    expect(seen.complainant).toEqual({
      name: 'Nama Rahasia Sekali',
      contact: 'rahasia@contoh.id',
      confidential: true,
      hidden: false,
    });
    // Routed to the officer the PKH standard names (by NIP).
    expect(seen.assignee).toBe('Sari Srihartiwi');
    for (const user of ['admin', 'sragen.kadis', 'sragen.kabid']) {
      const agent = await signedIn(t.app, user);
      const list = await agent.get('/api/complaints');
      const one = await agent.get(`/api/complaints/${r.id}`);
      expect(list.statusCode).toBe(200);
      expect(one.statusCode).toBe(200);
      expect(list.body + one.body).not.toContain('Nama Rahasia');
      expect(list.body + one.body).not.toContain('rahasia@contoh.id');
      expect(one.json().complainant.hidden).toBe(true);
      const trail = await agent.get('/api/audit?entity=complaint');
      expect(trail.body).not.toContain('Nama Rahasia');
    }
    const tracked = await citizen().get(`/api/public/complaints/${r.trackingCode}`);
    expect(tracked.body).not.toContain('Nama Rahasia');
    const audit = (await t.app.db.execute(sql`SELECT count(*)::int AS n FROM audit_log
      WHERE coalesce(after::text, '') || coalesce(before::text, '') ILIKE '%rahasia%'`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    expect(audit.rows[0]?.n).toBe(0);
    // Roles without complaints.handle do not reach the queue at all.
    expect((await (await signedIn(t.app, 'sragen.fo')).get('/api/complaints')).statusCode).toBe(403);
  });

  it('completeness: a breach after 14 days is recorded once by the sweep and listed', async () => {
    const r = await file({});
    clock.advance(14 * day);
    await sweep();
    const before = (await (await officer()).get('/api/complaints/breaches')).json().breaches;
    expect(before.some((b: { complaintId: number }) => b.complaintId === r.id)).toBe(false);
    clock.advance(1 * day);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const again = await sweep();
    const breaches = (await (await officer()).get('/api/complaints/breaches')).json().breaches;
    const mine = breaches.filter((b: { complaintId: number }) => b.complaintId === r.id);
    expect(mine).toEqual([expect.objectContaining({ timer: 'completeness', trackingCode: r.trackingCode })]);
    expect(again).toBe(0);
  });

  it('incomplete: the office’s clock pauses, and after 30 days the complaint counts as withdrawn', async () => {
    const r = await file({});
    clock.advance(2 * day);
    await act(await officer(), r.id, { action: 'incomplete', note: 'Mohon lampirkan nomor kartu PKH.' });
    const paused = await track(r.trackingCode);
    expect(paused.status).toBe('incomplete');
    expect(paused.incompleteNote).toBe('Mohon lampirkan nomor kartu PKH.');
    expect(paused.timers.find((x: { timer: string }) => x.timer === 'completeness').state).toBe('paused');
    // Past the office's 14 days, but paused: no breach.
    clock.advance(20 * day);
    await sweep();
    expect(
      (await (await officer()).get('/api/complaints/breaches'))
        .json()
        .breaches.some((b: { complaintId: number }) => b.complaintId === r.id),
    ).toBe(false);
    clock.advance(11 * day);
    await sweep();
    const gone = await track(r.trackingCode);
    expect(gone.status).toBe('withdrawn');
    expect(
      (await (await officer()).post(`/api/complaints/${r.id}/actions`, { action: 'complete' })).statusCode,
    ).toBe(409);
  });

  it('a resubmission resumes completeness with the paused days added', async () => {
    const r = await file({});
    const due0 = Date.parse(r.timers[0]?.due ?? '');
    clock.advance(1 * day);
    await act(await officer(), r.id, { action: 'incomplete', note: 'Kurang foto kartu.' });
    clock.advance(5 * day);
    await act(await officer(), r.id, { action: 'resubmitted' });
    const resumed = (await track(r.trackingCode)).timers.find(
      (x: { timer: string }) => x.timer === 'completeness',
    );
    expect(resumed.state).toBe('running');
    expect(Date.parse(resumed.due) - due0).toBe(5 * day);
  });

  it('decision within 60 days of completeness and delivery within 14: breaches, letter and tracking', async () => {
    const r = await file({ standardId: 'pkh' });
    await act(await officer(), r.id, { action: 'complete' });
    let tracked = await track(r.trackingCode);
    const decisionDue = tracked.timers.find((x: { timer: string }) => x.timer === 'decision');
    expect(Date.parse(decisionDue.due) - Date.parse(tracked.receivedAt)).toBeGreaterThan(59 * day);
    clock.advance(61 * day);
    await sweep();
    const decided = await act(await officer(), r.id, {
      action: 'decide',
      summary: 'Bantuan telah disalurkan kembali melalui rekening KKS pada tanggal 5.',
    });
    expect(decided.status).toBe('decided');
    // Not yet delivered: the citizen sees no decision and cannot fetch the letter.
    expect((await track(r.trackingCode)).decision).toBeNull();
    expect((await citizen().get(`/api/public/complaints/${r.trackingCode}/decision`)).statusCode).toBe(404);
    clock.advance(15 * day);
    await sweep();
    const breaches = (await (await officer()).get('/api/complaints/breaches'))
      .json()
      .breaches.filter((b: { complaintId: number }) => b.complaintId === r.id)
      .map((b: { timer: string }) => b.timer)
      .sort();
    expect(breaches).toEqual(['decision', 'delivery']);
    await act(await officer(), r.id, { action: 'deliver', via: 'Diserahkan langsung di kantor' });
    tracked = await track(r.trackingCode);
    expect(tracked.status).toBe('delivered');
    // The clock crossed into 2027: the decision takes that year's agenda.
    expect(tracked.decision.letterNumber).toMatch(/^065\/\d{4}\/DINSOS\/2027$/);
    const letter = await citizen().get(`/api/public/complaints/${r.trackingCode}/decision`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const verified = await citizen().get(`/api/public/verify/${tracked.decision.verificationCode}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json().number).toBe(tracked.decision.letterNumber);
  });

  it('a refused transfer returns to the sender with the reason; an accepted one moves the complaint', async () => {
    const sragen = await signedIn(t.app, 'sragen.pengaduan');
    const tarakan = await signedIn(t.app, 'tarakan.pengaduan');
    const r = await file({});
    await act(sragen, r.id, {
      action: 'transfer',
      toUnit: 'tarakan',
      reason: 'Bantuan diterima di Tarakan.',
    });
    const again = await sragen.post(`/api/complaints/${r.id}/actions`, {
      action: 'transfer',
      toUnit: 'banten',
      reason: 'Coba lagi',
    });
    expect(again.statusCode).toBe(409);
    const incoming = (await tarakan.get('/api/complaints'))
      .json()
      .complaints.find((c: { id: number }) => c.id === r.id);
    expect(incoming.incomingTransfer).toBe(true);
    // The receiver may answer, not act on it.
    expect((await tarakan.post(`/api/complaints/${r.id}/actions`, { action: 'complete' })).statusCode).toBe(
      404,
    );
    const refused = await act(tarakan, r.id, { action: 'refuse_transfer', reason: 'Bukan kewenangan kami.' });
    expect(refused.visible).toBe(false);
    expect((await tarakan.get(`/api/complaints/${r.id}`)).statusCode).toBe(404);
    const back = (await sragen.get(`/api/complaints/${r.id}`)).json();
    expect(back.transfers).toEqual([
      expect.objectContaining({
        state: 'refused',
        answer: 'Bukan kewenangan kami.',
        reason: 'Bantuan diterima di Tarakan.',
      }),
    ]);
    expect(back.status).toBe('received');
    expect(back.events.map((e: { action: string }) => e.action)).toEqual([
      'file',
      'transfer',
      'refuse_transfer',
    ]);
    // Sent again, and accepted this time.
    await act(sragen, r.id, { action: 'transfer', toUnit: 'tarakan', reason: 'Alamat pengadu di Tarakan.' });
    const accepted = await act(tarakan, r.id, { action: 'accept_transfer' });
    expect(accepted.visible).toBe(true);
    expect((await sragen.get(`/api/complaints/${r.id}`)).statusCode).toBe(404);
    expect((await track(r.trackingCode)).unit).toMatch(/Tarakan/);
  });

  it('records LAPOR! outcomes; arsipkan archives and stops the timers', async () => {
    const r = await file({});
    await act(await officer(), r.id, { action: 'lapor', outcome: 'verifikasi' });
    const archived = await act(await officer(), r.id, {
      action: 'lapor',
      outcome: 'arsipkan',
      note: 'Duplikat laporan.',
    });
    expect(archived).toEqual(expect.objectContaining({ status: 'archived', nextDueAt: null }));
    const detail = (await (await officer()).get(`/api/complaints/${r.id}`)).json();
    expect(detail.laporOutcome).toBe('arsipkan');
    expect(detail.timers.every((x: { state: string }) => x.state === 'stopped')).toBe(true);
  });

  it('takes a photo or PDF by tracking code and refuses other file types', async () => {
    const r = await file({});
    const agent = citizen();
    const ok = await agent.upload(
      `/api/public/complaints/${r.trackingCode}/files`,
      Buffer.from('%PDF-1.4\n% bukti\n'),
      'bukti.pdf',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await agent.upload(
      `/api/public/complaints/${r.trackingCode}/files`,
      Buffer.from('MZ not a pdf'),
      'x.exe',
    );
    expect(bad.statusCode).toBe(415);
  });
});

describe('complaint timers counted in working days when so set', () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 09:00 WIB.
  const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ JARING_COMPLAINT_COMPLETENESS_DAYS: 'working' }, { clock });
  });
  afterAll(() => t.close());

  it('puts the completeness due date 14 working days after receipt, skipping weekends and closed days', async () => {
    const officer = await signedIn(t.app, 'sragen.pengaduan');
    const res = await officer.post('/api/complaints', {
      channel: 'box',
      class: 'pengaduan',
      text: 'Surat di kotak pengaduan tentang antrean layanan.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [timer] = res.json().timers;
    expect(timer).toEqual(expect.objectContaining({ timer: 'completeness', dayKind: 'working' }));
    // Calendar days would end on 15 December; 14 working days (Wednesday 2 to Monday 21) end on the 21st.
    expect(Date.parse(timer.due)).toBeGreaterThan(Date.parse('2026-12-21T00:00:00Z'));
    expect(Date.parse(timer.due)).toBeLessThan(Date.parse('2026-12-22T00:00:00Z'));
    const detail = (await officer.get(`/api/complaints/${res.json().id}`)).json();
    expect(detail.timers[0].due).toBe(timer.due);
  });
});
