import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const pdf = Buffer.from('%PDF-1.4\n% scan of a paper\n');
const nik = '6571015708900001';

interface Item {
  id: number;
  trackingCode: string;
  applicantName: string;
  applicantNik: string | null;
  status: string;
  step: string | null;
  overdue: boolean;
  paused: boolean;
}
interface Page {
  cases: Item[];
  total: number;
  next: number | null;
  exact: number | null;
}

describe('the office case list: search, filters, keyset paging, counts and live changes', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  let kadis: Agent;
  let foreign: Agent;
  const clock = new ManualClock(Date.parse('2026-03-03T02:00:00Z'));
  const opened: Array<{ id: number; trackingCode: string }> = [];
  const list = async (a: Agent, query: string) => {
    const res = await a.get(`/api/cases/list?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const version = async (a: Agent, id: number) =>
    (await a.get(`/api/cases/${id}`)).json().case.version as number;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    fo = await signedIn(t.app, 'tarakan.fo');
    officer = await signedIn(t.app, 'tarakan.fungsional');
    kadis = await signedIn(t.app, 'tarakan.kadis');
    foreign = await signedIn(t.app, 'sragen.kadis');
    for (const [name, withNik] of [
      ['Siti Rahma Wati', true],
      ['Ahmad Fauzi', false],
      ['Rahmat Hidayat', false],
    ] as const) {
      const res = await fo.post('/api/cases', {
        standardId: 'sembako',
        product: 'meninggal',
        applicant: { name, ...(withNik ? { nik } : {}) },
      });
      expect(res.statusCode, res.body).toBe(201);
      opened.push(res.json());
    }
  });
  afterAll(() => t.close());

  it('finds a case by its tracking code, typed in any case and with or without the dash', async () => {
    const [first] = opened;
    if (!first) throw new Error('no case');
    for (const q of [
      first.trackingCode,
      first.trackingCode.toLowerCase(),
      first.trackingCode.replace('-', ''),
    ]) {
      const page = await list(kadis, `q=${encodeURIComponent(q)}`);
      expect(page.exact).toBe(first.id);
      expect(page.cases.map((c) => c.id)).toEqual([first.id]);
    }
  });

  it('finds by part of the name, and by the full NIK with the NIK shown masked', async () => {
    const byName = await list(kadis, 'q=rahma');
    expect(byName.cases.map((c) => c.applicantName).sort()).toEqual(['Rahmat Hidayat', 'Siti Rahma Wati']);
    expect(byName.exact).toBeNull();
    const res = await kadis.get(`/api/cases/list?q=${nik}`);
    expect(res.body).not.toContain(nik);
    const byNik = res.json() as Page;
    expect(byNik.cases.map((c) => c.applicantName)).toEqual(['Siti Rahma Wati']);
    expect(byNik.cases[0]?.applicantNik).toBe('6571********0001');
  });

  it('refuses a partial NIK, in Indonesian and in English, instead of matching digits loosely', async () => {
    const id = await kadis.get('/api/cases/list?q=65710157');
    expect(id.statusCode).toBe(422);
    expect(id.json().error.code).toBe('case.search_nik_partial');
    expect(id.json().error.message).toBe('NIK dicari dengan 16 angka lengkap; yang diketik 8 angka.');
    const en = await kadis.get('/api/cases/list?q=65710157', { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('A NIK is searched by all 16 digits; 8 were typed.');
  });

  it('filters by status, step, due, assignee and a queue the caller holds', async () => {
    const [a, b] = opened;
    if (!a || !b) throw new Error('no case');
    for (const id of ['kk-ktp', 'kks', 'akte-kematian'])
      expect((await fo.upload(`/api/cases/${a.id}/documents/${id}`, pdf, `${id}.pdf`)).statusCode).toBe(201);
    const forward = await fo.post(`/api/cases/${a.id}/actions`, {
      action: 'teruskan',
      version: await version(fo, a.id),
    });
    expect(forward.statusCode, forward.body).toBe(200);
    const back = await fo.post(`/api/cases/${b.id}/actions`, {
      action: 'kembalikan',
      note: 'KK belum dibawa',
      version: await version(fo, b.id),
    });
    expect(back.statusCode, back.body).toBe(200);

    const atFront = await list(kadis, 'step=periksa-berkas');
    expect(atFront.cases.map((c) => c.id).sort()).toEqual(
      opened
        .filter((c) => c.id !== a.id)
        .map((c) => c.id)
        .sort(),
    );
    expect((await list(kadis, 'status=returned')).cases.map((c) => c.id)).toEqual([b.id]);
    expect((await list(kadis, 'due=paused')).cases.map((c) => c.id)).toEqual([b.id]);
    expect((await list(officer, 'queue=fungsional')).cases.map((c) => c.id)).toEqual([a.id]);
    expect((await list(kadis, 'assignee=none')).total).toBe(3);
    const notHeld = await kadis.get('/api/cases/list?queue=fungsional');
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().error.code).toBe('case.queue_role_not_held');
    expect((await kadis.get('/api/cases/list?due=soon')).statusCode).toBe(422);

    expect((await list(kadis, 'due=overdue')).total).toBe(0);
    clock.advance(24 * 3600_000);
    const late = await list(kadis, 'due=overdue');
    expect(late.cases.map((c) => c.id).sort()).toEqual([a.id, opened[2]?.id].sort());
    expect(late.cases.every((c) => c.overdue)).toBe(true);
  });

  it('counts on the home what the filtered list shows', async () => {
    const home = (await officer.get('/api/home')).json();
    const own = home.work.find((w: { role: string | null }) => w.role === 'fungsional');
    expect(own).toMatchObject({ waiting: 1, overdue: 1 });
    expect((await list(officer, 'queue=fungsional')).total).toBe(own.waiting);
    expect((await list(officer, 'queue=fungsional&due=overdue')).total).toBe(own.overdue);
    expect((await list(officer, 'queue=fungsional&due=today')).total).toBe(own.dueToday);
    const office = (await kadis.get('/api/home'))
      .json()
      .work.find((w: { role: string | null }) => w.role === null);
    expect(office).toMatchObject({ waiting: 3, overdue: 2, dueToday: 0 });
    expect((await list(kadis, 'status=waiting')).total).toBe(office.waiting);
    expect((await list(kadis, 'due=overdue')).total).toBe(office.overdue);
  });

  it('never shows another unit’s cases, even by their exact tracking code', async () => {
    const [first] = opened;
    if (!first) throw new Error('no case');
    const page = await list(foreign, `q=${first.trackingCode}`);
    expect(page.cases).toEqual([]);
    expect(page.exact).toBeNull();
    const all = await list(foreign, 'limit=100');
    expect(all.cases.some((c) => opened.some((o) => o.id === c.id))).toBe(false);
  });

  it('pages 263 cases by keyset, each exactly once, and the queue says how many there are in all', async () => {
    const [first] = opened;
    if (!first) throw new Error('no case');
    await t.database.db.execute(sql`
      INSERT INTO cases (unit_id, standard_id, revision_id, tracking_code, product, applicant, status, step, step_role, version, due_at, opened_at)
      SELECT unit_id, standard_id, revision_id, 'MASSAL-' || g, product, jsonb_build_object('name', 'Warga Massal ' || g),
             'open', step, step_role, version, due_at, opened_at
      FROM cases, generate_series(1, 260) g WHERE id = ${first.id}`);
    const seen: number[] = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const page: Page = await list(kadis, `limit=100${after ? `&after=${after}` : ''}`);
      expect(page.total).toBe(263);
      seen.push(...page.cases.map((c) => c.id));
      after = page.next;
      pages++;
    } while (after !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(263);
    expect(new Set(seen).size).toBe(263);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);

    // The first case was forwarded to the officer, and so are its 260 copies.
    const queue = (await officer.get('/api/cases')).json();
    expect(queue.cases).toHaveLength(200);
    expect(queue.total).toBe(261);
    expect((await list(officer, 'queue=fungsional')).total).toBe(261);
    expect((await list(officer, 'queue=mine')).total).toBe(261);
  });

  it('answers a change request once a case of the unit is written, and not for another unit', async () => {
    const mark = (await officer.get('/api/cases/changes')).json().version as string;
    const foreignMark = (await foreign.get('/api/cases/changes')).json().version as string;
    const waiting = officer.get(`/api/cases/changes?since=${mark}`);
    const foreignWaiting = foreign.get(`/api/cases/changes?since=${foreignMark}`);
    const [, , c] = opened;
    if (!c) throw new Error('no case');
    for (const id of ['kk-ktp', 'kks', 'akte-kematian'])
      expect((await fo.upload(`/api/cases/${c.id}/documents/${id}`, pdf, `${id}.pdf`)).statusCode).toBe(201);
    const changed = (await waiting).json().version as string;
    expect(Number(changed)).toBeGreaterThan(Number(mark));
    // The other unit's request is still held; closing the app answers it instead of hanging.
    const settled = await Promise.race([
      foreignWaiting.then(() => 'answered'),
      new Promise((r) => setImmediate(() => r('held'))),
    ]);
    expect(settled).toBe('held');
    await t.app.close();
    expect((await foreignWaiting).json().version).toBe(foreignMark);
  });
});
