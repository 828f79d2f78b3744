import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/core/dates.ts';
import { periodOf } from '../../src/survey/survey.service.ts';
import { surveyResponses } from '../../src/survey/survey.tables.ts';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const all4 = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };
const zone = 'Asia/Jakarta';

describe("the survey's office side: tracking link, paper import, periods, report", () => {
  const clock = new ManualClock();
  let t: TestApp;
  let fo: Agent;
  let head: Agent;
  let citizen: Agent;
  let serviceId = 0;
  const today = todayIn(zone, new Date(clock.now()));
  const year = Number(today.slice(0, 4));
  const semester = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  // The semester before today's: finished, so the head may close it.
  const past = semester === 2 ? { year, semester: 1 as const } : { year: year - 1, semester: 2 as const };

  const open = async () => {
    const res = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Rahmat Hidayat', nik: '3314011203850002' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; trackingCode: string };
  };
  const reject = async (id: number) => {
    const version = (await fo.get(`/api/cases/${id}`)).json().case.version;
    const res = await fo.post(`/api/cases/${id}/actions`, {
      action: 'tolak',
      version,
      note: 'Tidak lengkap',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const upload = (agent: Agent, csv: string, p: { year: number; semester?: number }, lang = 'id') =>
    agent.request(
      'POST',
      `/api/survey/imports?standardId=${serviceId}&year=${p.year}${p.semester ? `&semester=${p.semester}` : ''}`,
      multipart(csv),
      { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': lang },
    );
  const stored = async () => (await t.database.db.select().from(surveyResponses)).length;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    fo = await signedIn(t.app, 'sragen.fo');
    head = await signedIn(t.app, 'sragen.kadis');
    citizen = new Agent(t.app, '10.9.1.1');
    const kiosk = (await citizen.get('/api/public/units/sragen/survey')).json();
    serviceId = kiosk.services.find((s: { name: string }) => /Kehabisan Bekal/.test(s.name)).id;
  });
  afterAll(() => t.close());

  it('gives the tracking page the survey token of a closed case only', async () => {
    const c = await open();
    const early = await citizen.get(`/api/public/track/${c.trackingCode}/survey`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('survey.case_open');

    await reject(c.id);
    const res = await citizen.get(`/api/public/track/${c.trackingCode.toLowerCase()}/survey`);
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json())).toEqual(['token']);
    const token = res.json().token as string;
    expect(token.startsWith(`${c.trackingCode}-`)).toBe(true);
    const answered = await citizen.post(`/api/public/survey/${token}`, {
      answers: { ...all4, U3: 2 },
      profile: { sex: 'P', age: 34, education: 's1', occupation: 'swasta' },
      comment: 'Antrean perlu dipercepat',
    });
    expect(answered.statusCode, answered.body).toBe(201);

    const unknown = await citizen.get('/api/public/track/AAAAA-BBBBB/survey', { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Request code not found/);
  });

  it('imports a paper sheet whole into a period, or refuses it with every problem by row', async () => {
    const before = await stored();
    const bad = [
      'U1,U2,U3,U4,U5,U6,U7,U8,U9,Jenis Kelamin,Umur',
      '4,4,4,4,4,4,4,4,4,L,40',
      '4,5,4,4,4,4,4,4,4,X,40',
      '',
      '4,4,4,4,4,4,4,4,4,P,7',
    ].join('\n');
    const refused = await upload(head, bad, past);
    expect(refused.statusCode, refused.body).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('survey.import_invalid');
    expect(error.message).toMatch(/3 masalah/);
    expect(error.problems.map((p: { message: string }) => p.message)).toEqual([
      'baris 3, U2: “5” bukan jawaban; isi 1–4 atau a–d',
      'baris 3, Jenis Kelamin: “X” bukan jenis kelamin; isi L atau P',
      'baris 5, Umur: “7” bukan umur; isi bilangan bulat 10–120',
    ]);
    const english = (await upload(head, bad, past, 'en')).json().error;
    expect(english.problems[0]).toMatchObject({
      path: 'rows[3].U2',
      message: 'row 3, U2: “5” is not an answer; write 1–4 or a–d',
    });
    expect(await stored()).toBe(before);

    // Sixty wrong rows: the first fifty, and how many more.
    const many = ['U1,U2,U3,U4,U5,U6,U7,U8,U9', ...Array.from({ length: 60 }, () => '9,4,4,4,4,4,4,4,4')];
    const long = (await upload(head, many.join('\n'), past)).json().error;
    expect(long.problems).toHaveLength(51);
    expect(long.problems[50].message).toBe('dan 10 masalah lain');

    const good = ['U1;U2;U3;U4;U5;U6;U7;U8;U9;JK;Umur', '4;4;3;4;4;4;4;4;4;L;40', 'd;c;c;d;d;d;d;d;d;P;52'];
    const res = await upload(head, good.join('\n'), past);
    expect(res.statusCode, res.body).toBe(201);
    const p = periodOf(past.year, past.semester, zone);
    expect(res.json()).toEqual({
      imported: 2,
      service: expect.stringMatching(/Kehabisan Bekal/),
      servedOn: p.from,
    });
    expect(await stored()).toBe(before + 2);

    expect((await upload(fo, good.join('\n'), past)).statusCode).toBe(403);
  });

  it('reports the period: index, channels, sample, profile, comments, never who answered', async () => {
    const res = await head.get(`/api/survey/report?year=${year}&semester=${semester}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ year, semester, ended: false, closed: null, followUps: [] });
    expect(r.unit.respondents).toEqual({ total: 1, token: 1, kiosk: 0, paper: 0 });
    expect(r.unit.index.weakest).toEqual(['U3']);
    expect(r.profile.sex).toEqual([
      { key: 'L', label: { id: 'Laki-laki', en: 'Male' }, n: 0 },
      { key: 'P', label: { id: 'Perempuan', en: 'Female' }, n: 1 },
    ]);
    expect(r.comments).toEqual(['Antrean perlu dipercepat']);
    expect(res.body).not.toMatch(/Rahmat|3314011203850002|trackingCode|caseId/);

    const old = (await head.get(`/api/survey/report?year=${past.year}&semester=${past.semester}`)).json();
    expect(old).toMatchObject({ ended: true, unit: { respondents: { total: 2, paper: 2 } } });
    expect(old.profile.age.find((a: { key: string }) => a.key === '50-59').n).toBe(1);
  });

  it('records the follow-up plan of a weak unsur and its later status (the head only)', async () => {
    const made = await head.post('/api/survey/follow-ups', {
      year,
      semester,
      unsur: 'U3',
      action: 'Menambah petugas loket pada jam sibuk',
      dueOn: `${year + 1}-03-31`,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect((await head.put(`/api/survey/follow-ups/${id}`, { status: 'in_progress' })).statusCode).toBe(204);
    expect((await head.put('/api/survey/follow-ups/999999', { status: 'done' })).statusCode).toBe(404);
    expect((await fo.put(`/api/survey/follow-ups/${id}`, { status: 'done' })).statusCode).toBe(403);
    const tarakan = await signedIn(t.app, 'tarakan.kadis');
    expect((await tarakan.put(`/api/survey/follow-ups/${id}`, { status: 'done' })).statusCode).toBe(404);
    const r = (await head.get(`/api/survey/report?year=${year}&semester=${semester}`)).json();
    expect(r.followUps).toEqual([
      {
        id,
        unsur: 'U3',
        action: 'Menambah petugas loket pada jam sibuk',
        dueOn: `${year + 1}-03-31`,
        status: 'in_progress',
        recordedBy: expect.any(String),
      },
    ]);
  });

  it('renders the report as PDF and XLSX', async () => {
    const pdf = await head.get(`/api/survey/report.pdf?year=${year}&semester=${semester}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/survey-report.pdf', pdf.rawPayload);
    const xlsx = await head.get(`/api/survey/report.xlsx?year=${year}&semester=${semester}&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Follow-up plan');
    expect(book.getWorksheet('SKM')?.getCell('B4').value).toBe(1);
  });

  it('closes a finished period only, after which no channel adds a response to it', async () => {
    const unfinished = await head.post('/api/survey/periods/close', { year, semester });
    expect(unfinished.statusCode).toBe(409);
    expect(unfinished.json().error.code).toBe('survey.period_unfinished');
    expect((await fo.post('/api/survey/periods/close', past)).statusCode).toBe(403);

    // A case closed today, whose citizen answers only after the head closed today's semester.
    const late = await open();
    await reject(late.id);
    const token = (await citizen.get(`/api/public/track/${late.trackingCode}/survey`)).json().token;
    const p = periodOf(year, semester, zone);
    clock.advance(p.toInstant.getTime() - clock.now() + 3 * 86_400_000);
    head = await signedIn(t.app, 'sragen.kadis');

    const closed = await head.post('/api/survey/periods/close', { year, semester });
    expect(closed.statusCode, closed.body).toBe(200);
    const again = await head.post('/api/survey/periods/close', { year, semester });
    expect(again.json().error.code).toBe('survey.period_already_closed');

    const before = await stored();
    const answer = await citizen.post(`/api/public/survey/${token}`, { answers: all4 });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error).toMatchObject({
      code: 'survey.period_closed',
      message: `Periode survei semester ${semester === 1 ? 'I' : 'II'} tahun ${year} sudah ditutup oleh kepala dinas; tanggapan atas layanan pada periode itu tidak dapat ditambahkan lagi.`,
    });

    // The whole year closed: paper for any of its semesters is refused, in the year's words.
    expect((await head.post('/api/survey/periods/close', { year, semester: null })).statusCode).toBe(200);
    const paper = await upload(
      head,
      'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4',
      { year, semester: 1 },
      'en',
    );
    expect(paper.statusCode).toBe(409);
    expect(paper.json().error.message).toBe(
      `The survey period of the year ${year} has been closed by the head of office; no response for a service given in it can be added.`,
    );
    expect(await stored()).toBe(before);

    const report = (await head.get(`/api/survey/report?year=${year}&semester=${semester}`)).json();
    expect(report.closed).toMatchObject({ by: expect.any(String) });
    // The kiosk answers for today, in the next period, which is open.
    const kiosk = await citizen.post('/api/public/units/sragen/survey', {
      standardId: serviceId,
      answers: all4,
    });
    expect(kiosk.statusCode, kiosk.body).toBe(201);
  });
});

const boundary = '----jaring-survey-boundary';
function multipart(csv: string) {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="skm.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}
