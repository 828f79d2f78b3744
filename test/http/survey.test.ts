import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTokenOf } from '../../src/core/survey-token.ts';
import { surveyResponses } from '../../src/survey/survey.tables.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const all4 = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };

describe('satisfaction survey (SKM): one response per served case, anonymous to staff', () => {
  let t: TestApp;
  let fo: Agent;
  let head: Agent;
  let caseId = 0;
  let code = '';
  let token = '';

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
      note: 'Surat polisi tidak ada',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  // A respondent's phone: no session, but the CSRF cookie every browser of the app gets.
  let citizen: Agent;
  const post = (tok: string, body: object) => citizen.post(`/api/public/survey/${tok}`, body);

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    head = await signedIn(t.app, 'sragen.kadis');
    citizen = new Agent(t.app, '10.9.0.1');
    const c = await open();
    caseId = c.id;
    code = c.trackingCode;
    token = surveyTokenOf(t.app.keys.survey, code);
  });
  afterAll(() => t.close());

  it('opens the questionnaire by token, and refuses an answer while the case is open', async () => {
    const form = await t.app.inject({ url: `/api/public/survey/${token}` });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({
      service: expect.stringContaining('Kehabisan Bekal'),
      closed: false,
      answered: false,
    });
    expect(form.json().questionnaire.unsur).toHaveLength(9);
    expect(form.body).not.toContain('Rahmat');

    const early = await post(token, { answers: all4 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('survey.case_open');
    const stored = await t.database.db.select({ id: surveyResponses.id }).from(surveyResponses);
    expect(stored).toHaveLength(0);
  });

  it('refuses a tracking code without its signature, and a forged one', async () => {
    for (const bad of [code, `${code}-AAAAAA`, 'junk']) {
      const res = await t.app.inject({ url: `/api/public/survey/${bad}` });
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().error.code).toBe('survey.token_unknown');
    }
  });

  it('takes one response when the case is closed, and refuses a second', async () => {
    await reject(caseId);
    const first = await post(token, {
      answers: { ...all4, U9: 2 },
      profile: { sex: 'L', age: 41, education: 'sma', occupation: 'wirausaha' },
      comment: 'Petugas ramah',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(token.toLowerCase(), { answers: all4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('survey.answered');
    expect((await t.app.inject({ url: `/api/public/survey/${token}` })).json()).toMatchObject({
      answered: true,
    });
  });

  it('refuses answers outside 1–4 and a missing unsur, storing nothing', async () => {
    const c = await open();
    await reject(c.id);
    const tok = surveyTokenOf(t.app.keys.survey, c.trackingCode);
    for (const answers of [{ ...all4, U3: 5 }, { ...all4, U1: 0 }, { U1: 4 }]) {
      const res = await post(tok, { answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(422);
    }
    expect((await t.app.inject({ url: `/api/public/survey/${tok}` })).json().answered).toBe(false);
  });

  it('counts kiosk responses apart and computes the index of the period with its sample', async () => {
    const kiosk = await t.app.inject({ url: '/api/public/units/sragen/survey' });
    expect(kiosk.statusCode).toBe(200);
    const service = kiosk.json().services.find((s: { name: string }) => /Kehabisan Bekal/.test(s.name));
    const walkIn = await citizen.post('/api/public/units/sragen/survey', {
      standardId: service.id,
      answers: { ...all4, U1: 3, U2: 3 },
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    const wrong = await citizen.post('/api/public/units/sragen/survey', {
      standardId: 999_999,
      answers: all4,
    });
    expect(wrong.statusCode).toBe(422);

    const year = new Date().getFullYear();
    const res = await head.get(`/api/survey/index?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().services.find((s: { standardId: number }) => s.standardId === service.id);
    // Token: U9 2, the rest 4. Kiosk: U1 3, U2 3, the rest 4. Σ NRR = 3.5 + 3.5 + 6 × 4 + 3 = 34.
    expect(row).toMatchObject({
      respondents: { total: 2, token: 1, kiosk: 1, paper: 0 },
      served: 2,
      sampleNeeded: 2,
      sampleShort: false,
      index: { score: '94.44', grade: 'A', weakest: ['U9'] },
    });
    // Staff see figures, never who answered.
    expect(res.body).not.toMatch(/Rahmat|3314011203850002|Petugas ramah|caseId|trackingCode/);
    const none = await head.get(`/api/survey/index?year=${year - 5}`);
    expect(none.json().unit).toMatchObject({
      index: null,
      missing: expect.arrayContaining(['U1']),
      served: 0,
    });
  });

  it('is read by the roles that read reports only', async () => {
    const res = await fo.get(`/api/survey/index?year=2026`);
    expect(res.statusCode).toBe(403);
  });
});
