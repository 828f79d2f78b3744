import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { type Answers, skmIndex } from '../../src/survey/skm.ts';
import { periodOf } from '../../src/survey/survey.service.ts';
import { surveyResponses } from '../../src/survey/survey.tables.ts';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const zone = 'Asia/Jakarta';
const textOf = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString().replace(/\s+/g, ' ');

/** Seeded answer sets: the same in both offices, so only the unit's own questions differ. */
function answerSets(n: number, seed: number): Answers[] {
  let x = seed;
  const next = () => {
    x = (x * 48_271) % 2_147_483_647;
    return (x % 4) + 1;
  };
  return Array.from({ length: n }, () =>
    Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((u) => [u, next()])),
  ) as Answers[];
}

describe("a unit's own survey questions: kept by the head, answered after U1–U9, never in the index", () => {
  const clock = new ManualClock();
  let t: TestApp;
  let head: Agent;
  let fo: Agent;
  let tarakanHead: Agent;
  let citizen: Agent;
  let sragenService = 0;
  let tarakanService = 0;
  const q = { scale: 0, yesNo: 0, text: 0 };
  const today = todayIn(zone, new Date(clock.now()));
  const year = Number(today.slice(0, 4));
  const semester = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const stored = async () => (await t.database.db.select().from(surveyResponses)).length;
  const kiosk = (unit: string, standardId: number, answers: Answers, extra?: Record<string, string>) =>
    citizen.post(`/api/public/units/${unit}/survey`, {
      standardId,
      answers,
      ...(extra ? { extra } : {}),
    });
  const report = async (agent = head, p: { year: number; semester: number } = { year, semester }) => {
    const res = await agent.get(`/api/survey/report?year=${p.year}&semester=${p.semester}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp({ JARING_PUBLIC_RATE_LIMIT: '100000' }, { clock });
    head = await signedIn(t.app, 'sragen.kadis');
    fo = await signedIn(t.app, 'sragen.fo');
    tarakanHead = await signedIn(t.app, 'tarakan.kadis');
    citizen = new Agent(t.app, '10.9.2.1');
    const services = (await citizen.get('/api/public/units/sragen/survey')).json().services;
    sragenService = services.find((s: { name: string }) => /Kehabisan Bekal/.test(s.name)).id;
    tarakanService = (await citizen.get('/api/public/units/tarakan/survey')).json().services[0].id;
  });
  afterAll(() => t.close());

  it('is defined, edited and ordered by the head only, and asked in its order', async () => {
    const add = (agent: Agent, body: object) => agent.post('/api/survey/questions', body);
    expect(
      (await add(fo, { text: { id: 'Bagaimana kebersihan ruang tunggu?' }, kind: 'scale' })).statusCode,
    ).toBe(403);
    const short = await add(head, { text: { id: 'Apa?' }, kind: 'scale' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.problems[0].path).toBe('body.text.id');
    const wrongKind = await add(head, { text: { id: 'Bagaimana parkirnya?' }, kind: 'bintang' });
    expect(wrongKind.statusCode).toBe(422);

    const made = [
      await add(head, {
        text: { id: 'Bagaimana kebersihan ruang tunggu?', en: 'How clean was the waiting room?' },
        kind: 'scale',
      }),
      await add(head, { text: { id: 'Apakah Anda diminta membayar?' }, kind: 'yes_no', optional: false }),
      await add(head, { text: { id: 'Apa yang perlu kami perbaiki?', en: '' }, kind: 'text' }),
    ];
    for (const m of made) expect(m.statusCode, m.body).toBe(201);
    const [scale, yesNo, text] = made.map((m) => m.json().id as number);
    Object.assign(q, { scale, yesNo, text });

    const reorder = await head.put('/api/survey/questions/order', { ids: [q.text, q.scale, q.yesNo] });
    expect(reorder.statusCode, reorder.body).toBe(204);
    const bad = await head.put('/api/survey/questions/order', { ids: [q.text, q.text, 999_999] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems.map((p: { message: string }) => p.message)).toEqual([
      `${q.text} disebut dua kali`,
      '999999 bukan pertanyaan kantor ini yang sedang dipakai',
      `urutan tidak memuat pertanyaan ${q.scale}, ${q.yesNo}`,
    ]);

    const form = (await citizen.get('/api/public/units/sragen/survey')).json();
    expect(form.questions).toEqual([
      { id: q.text, text: { id: 'Apa yang perlu kami perbaiki?', en: null }, kind: 'text', optional: true },
      {
        id: q.scale,
        text: { id: 'Bagaimana kebersihan ruang tunggu?', en: 'How clean was the waiting room?' },
        kind: 'scale',
        optional: true,
      },
      {
        id: q.yesNo,
        text: { id: 'Apakah Anda diminta membayar?', en: null },
        kind: 'yes_no',
        optional: false,
      },
    ]);
    expect(form.questionnaire.scale.map((a: { id: string }) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    // Another office asks none of them, and cannot touch them.
    expect((await citizen.get('/api/public/units/tarakan/survey')).json().questions).toEqual([]);
    const foreign = await tarakanHead.put(`/api/survey/questions/${q.scale}`, {
      text: { id: 'Pertanyaan Tarakan' },
      kind: 'scale',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await tarakanHead.post(`/api/survey/questions/${q.scale}/retire`)).statusCode).toBe(404);

    const edited = await head.put(`/api/survey/questions/${q.scale}`, {
      text: {
        id: 'Bagaimana kebersihan dan kenyamanan ruang tunggu?',
        en: 'How clean was the waiting room?',
      },
      kind: 'scale',
    });
    expect(edited.statusCode, edited.body).toBe(204);
    const list = (await head.get('/api/survey/questions')).json();
    expect(list.max).toBe(10);
    expect(list.questions.map((x: { id: number; answers: number }) => [x.id, x.answers])).toEqual([
      [q.text, 0],
      [q.scale, 0],
      [q.yesNo, 0],
    ]);
  });

  it('checks the answers by question, every problem at once, and stores nothing when one is wrong', async () => {
    const before = await stored();
    const all4 = answerSets(1, 7)[0] as Answers;
    const res = await kiosk('sragen', sragenService, all4, {
      [q.scale]: 'e',
      [q.text]: 'x'.repeat(201),
      '999999': 'ya',
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('survey.extra_invalid');
    expect(error.message).toMatch(/4 masalah/);
    expect(error.problems).toEqual([
      { path: `extra.${q.scale}`, message: '“e” bukan jawaban skala; isi a, b, c atau d' },
      { path: `extra.${q.text}`, message: 'jawaban terlalu panjang (201 karakter; paling banyak 200)' },
      { path: 'extra.999999', message: 'pertanyaan 999999 bukan pertanyaan kantor ini' },
      { path: `extra.${q.yesNo}`, message: 'pertanyaan “Apakah Anda diminta membayar?” wajib dijawab' },
    ]);
    const yesNo = await citizen.post(
      '/api/public/units/sragen/survey',
      { standardId: sragenService, answers: all4, extra: { [q.yesNo]: 'mungkin' } },
      { 'accept-language': 'en' },
    );
    expect(yesNo.json().error.problems).toEqual([
      { path: `extra.${q.yesNo}`, message: '“mungkin” is not a yes/no answer; give yes or no' },
    ]);
    // Sragen's question is no question of Tarakan's survey.
    const elsewhere = await kiosk('tarakan', tarakanService, all4, { [q.yesNo]: 'no' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.problems[0].path).toBe(`extra.${q.yesNo}`);
    expect(await stored()).toBe(before);
  });

  it('never changes NRR, IKM or the score: the same answers with and without them', async () => {
    const sets = answerSets(12, 20_261_202);
    for (const [i, answers] of sets.entries()) {
      // Sragen's respondents answer the extra questions as harshly as they can; Tarakan's have none.
      const extra: Record<string, string> = { [q.yesNo]: i % 2 ? 'yes' : 'no', [q.scale]: i % 3 ? 'a' : 'd' };
      if (i % 4 === 0) extra[q.text] = `  Antrean loket ${i % 8 === 0 ? 'lama' : 'panas'}  `;
      expect((await kiosk('sragen', sragenService, answers, extra)).statusCode).toBe(201);
      expect((await kiosk('tarakan', tarakanService, answers)).statusCode).toBe(201);
    }
    const index = async (agent: Agent) =>
      (await agent.get(`/api/survey/index?year=${year}&semester=${semester}`)).json();
    const withExtra = await index(head);
    const without = await index(tarakanHead);
    expect(withExtra.unit.index).not.toBeNull();
    expect(withExtra.unit.index).toEqual(without.unit.index);
    const expected = skmIndex(sets);
    expect('index' in expected && expected.index).toEqual(withExtra.unit.index);
    const service = withExtra.services.find((s: { standardId: number }) => s.standardId === sragenService);
    expect(service.index).toEqual(withExtra.unit.index);

    const r = await report();
    expect(r.unit.index).toEqual(without.unit.index);
    expect(r.extraQuestions).toEqual([
      {
        id: q.text,
        text: { id: 'Apa yang perlu kami perbaiki?', en: null },
        kind: 'text',
        retired: false,
        answered: 3,
        tallies: [],
        texts: ['Antrean loket lama', 'Antrean loket lama', 'Antrean loket panas'],
      },
      expect.objectContaining({
        id: q.scale,
        kind: 'scale',
        answered: 12,
        tallies: [
          { key: 'a', label: { id: 'Tidak baik', en: 'Poor' }, n: 8 },
          { key: 'b', label: { id: 'Kurang baik', en: 'Fair' }, n: 0 },
          { key: 'c', label: { id: 'Baik', en: 'Good' }, n: 0 },
          { key: 'd', label: { id: 'Sangat baik', en: 'Very good' }, n: 4 },
        ],
      }),
      expect.objectContaining({
        id: q.yesNo,
        answered: 12,
        tallies: [
          { key: 'yes', label: { id: 'Ya', en: 'Yes' }, n: 6 },
          { key: 'no', label: { id: 'Tidak', en: 'No' }, n: 6 },
        ],
      }),
    ]);
    expect((await report(tarakanHead)).extraQuestions).toEqual([]);

    const pdf = await head.get(`/api/survey/report.pdf?year=${year}&semester=${semester}`);
    const text = textOf(pdf.rawPayload);
    expect(text).toContain('Pertanyaan tambahan unit (tidak masuk IKM)');
    expect(text).toMatch(
      /a\. Tidak baik: 8 · b\. Kurang baik: 0 · c\. Baik: 0 · d\. Sangat baik: 4 · Tidak dijawab: 0/,
    );
    expect(text).toContain('Antrean loket panas');
    const xlsx = await head.get(`/api/survey/report.xlsx?year=${year}&semester=${semester}&lang=en`);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Own questions');
    const values = sheet?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : [])) ?? [];
    expect(values).toContainEqual(["The unit's own questions (not in the index)"]);
    expect(values).toContainEqual(['a. Poor', 8]);
    expect(values).toContainEqual(['Not answered', 0]);
  });

  it('fixes the kind of an answered question, and all of it once a closed period holds its answers', async () => {
    const kindChange = await head.put(`/api/survey/questions/${q.yesNo}`, {
      text: { id: 'Apakah Anda diminta membayar?' },
      kind: 'text',
    });
    expect(kindChange.statusCode).toBe(409);
    expect(kindChange.json().error.code).toBe('survey.question_answered');

    // A case served in this semester, whose citizen answers only once the head closed it.
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Rahmat Hidayat', nik: '3314011203850002' },
    });
    const c = opened.json();
    const version = (await fo.get(`/api/cases/${c.id}`)).json().case.version;
    await fo.post(`/api/cases/${c.id}/actions`, { action: 'tolak', version, note: 'Tidak lengkap' });
    const token = (await citizen.get(`/api/public/track/${c.trackingCode}/survey`)).json().token;

    const before = await report();
    const count = await stored();
    // The semester ends; the head closes it.
    const p = periodOf(year, semester, zone);
    clock.advance(p.toInstant.getTime() - clock.now() + 2 * 86_400_000);
    head = await signedIn(t.app, 'sragen.kadis');
    expect((await head.post('/api/survey/periods/close', { year, semester })).statusCode).toBe(200);
    const late = await citizen.post(`/api/public/survey/${token}`, {
      answers: answerSets(1, 5)[0],
      extra: { [q.scale]: 'a', [q.yesNo]: 'yes', [q.text]: 'Terlambat' },
    });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.code).toBe('survey.period_closed');
    expect(await stored()).toBe(count);

    const textChange = await head.put(`/api/survey/questions/${q.scale}`, {
      text: { id: 'Bagaimana parkir kendaraan?' },
      kind: 'scale',
    });
    expect(textChange.statusCode).toBe(409);
    expect(textChange.json().error.code).toBe('survey.question_locked');
    const list = (await head.get('/api/survey/questions')).json().questions;
    expect(list.find((x: { id: number }) => x.id === q.scale)).toMatchObject({ locked: true, answers: 12 });

    // Retired: no longer asked, its answers kept in the closed period's report.
    expect((await head.post(`/api/survey/questions/${q.scale}/retire`)).statusCode).toBe(204);
    expect((await head.post(`/api/survey/questions/${q.scale}/retire`)).json().error.code).toBe(
      'survey.question_retired',
    );
    const after = await report();
    const byId = (list: { id: number }[]) => [...list].sort((a, b) => a.id - b.id);
    expect(byId(after.extraQuestions)).toEqual(
      byId(
        before.extraQuestions.map((x: { id: number }) => (x.id === q.scale ? { ...x, retired: true } : x)),
      ),
    );
    expect(after.unit.index).toEqual(before.unit.index);

    const next = p.to;
    const form = (await citizen.get('/api/public/units/sragen/survey')).json();
    expect(form.questions.map((x: { id: number }) => x.id)).toEqual([q.text, q.yesNo]);
    const retired = await kiosk('sragen', sragenService, answerSets(1, 3)[0] as Answers, {
      [q.scale]: 'd',
      [q.yesNo]: 'no',
    });
    expect(retired.statusCode).toBe(422);
    expect(retired.json().error.problems).toEqual([
      { path: `extra.${q.scale}`, message: `pertanyaan ${q.scale} sudah tidak dipakai kantor ini` },
    ]);
    // The new period reports the questions asked now and none of the closed period's answers.
    const nextYear = Number(next.slice(0, 4));
    const nextSemester = Number(next.slice(5, 7)) <= 6 ? 1 : 2;
    const fresh = await report(head, { year: nextYear, semester: nextSemester });
    expect(fresh.extraQuestions.map((x: { id: number; answered: number }) => [x.id, x.answered])).toEqual([
      [q.text, 0],
      [q.yesNo, 0],
    ]);
  });
});
