import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

/** Refusals reach the user in their language, each problem with its field path. */
describe('translated refusals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives a schema refusal in Indonesian by default and in English on request, with the path', async () => {
    const agent = await signedIn(t.app, 'sragen.fo', '10.9.0.1');
    const body = { currentPassword: 'jaring-demo-2026', newPassword: ['bukan', 'teks'] };
    const id = await agent.post('/api/auth/password', body);
    expect(id.statusCode).toBe(422);
    const problem = id.json().error.problems[0];
    expect(problem.path).toBe('body.newPassword');
    expect(problem.message).toBe('Input tidak valid: diharapkan string, diterima array');
    const en = await agent.post('/api/auth/password', body, { 'accept-language': 'en' });
    expect(en.json().error.problems[0].message).toBe('Invalid input: expected string, received array');
    expect(en.json().error.message).toBe('The input is not valid.');
  });

  it('keeps a message a schema wrote itself', async () => {
    const agent = await signedIn(t.app, 'sragen.kadis', '10.9.0.2');
    const res = await agent.get('/api/reports/sla?from=2026-12-01&to=2026-11-01');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems[0].message).toBe('from must not be after to');
    const fo = await signedIn(t.app, 'sragen.fo', '10.9.0.3');
    const short = await fo.post('/api/auth/password', { currentPassword: 'x', newPassword: 'pendek' });
    expect(short.json().error.problems[0].message).toBe('minimal 10 karakter / at least 10 characters');
  });

  it("answers Fastify's own refusals with a catalogue code and a translated message", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/track/${'A'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().error).toMatchObject({
      code: 'request.uri_too_long',
      message: 'Alamat permintaan terlalu panjang.',
      details: { reason: 'FST_ERR_MAX_PARAM_LENGTH' },
    });
  });
});
