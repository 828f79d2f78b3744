import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const all4 = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };

describe("the survey's office side: the tracking link", () => {
  let t: TestApp;
  let fo: Agent;
  let citizen: Agent;

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

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    citizen = new Agent(t.app, '10.9.1.1');
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
    const answered = await citizen.post(`/api/public/survey/${token}`, { answers: all4 });
    expect(answered.statusCode, answered.body).toBe(201);

    const unknown = await citizen.get('/api/public/track/AAAAA-BBBBB/survey', { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Request code not found/);
  });
});
