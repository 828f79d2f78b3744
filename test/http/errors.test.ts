import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

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

  it('words the schema’s own messages and zod’s common checks in the user’s language', async () => {
    const kadis = await signedIn(t.app, 'banten.kadis', '10.9.0.6');
    const empty = {
      number: '',
      decreedOn: '',
      declaredBy: 'gubernur',
      disaster: '',
      areas: [],
      startsOn: '',
      endsOn: '',
    };
    const messages = (res: {
      json: () => { error: { problems: Array<{ path: string; message: string }> } };
    }) => Object.fromEntries(res.json().error.problems.map((p) => [p.path, p.message]));
    expect(messages(await kadis.post('/api/emergencies', empty))).toEqual({
      'body.number': 'tidak boleh kosong',
      'body.decreedOn': 'tanggal seperti 2026-12-01',
      'body.disaster': 'tidak boleh kosong',
      'body.areas': 'wilayah wajib diisi',
      'body.startsOn': 'tanggal seperti 2026-12-01',
      'body.endsOn': 'tanggal seperti 2026-12-01',
    });
    expect(messages(await kadis.post('/api/emergencies', empty, { 'accept-language': 'en' }))).toMatchObject({
      'body.number': 'must not be empty',
      'body.areas': 'an area is required',
    });
    // zod's own checks, as a form says them rather than as zod's locale does.
    const officer = await signedIn(t.app, 'banten.fungsional', '10.9.0.7');
    const item = { name: '', uom: 'kg', category: 'food', minimum: -1 };
    expect(messages(await officer.post('/api/stock/items', item))).toEqual({
      'body.name': 'wajib diisi',
      'body.minimum': 'paling kecil 0',
    });
    expect(messages(await officer.post('/api/stock/items', item, { 'accept-language': 'en' }))).toEqual({
      'body.name': 'is required',
      'body.minimum': 'at least 0',
    });
    const typed = await officer.post('/api/stock/items', { ...item, name: 'Beras', minimum: '1.000' });
    expect(messages(typed)).toEqual({ 'body.minimum': 'harus berupa angka bulat, tanpa titik atau koma' });
  });

  it('answers an upload without a file, on every upload route, with a translated 422', async () => {
    const anonymous = new Agent(t.app, '10.9.0.4');
    const noBody = await anonymous.request('POST', '/api/public/verify/ABCDEFGH12');
    expect(noBody.statusCode).toBe(422);
    expect(noBody.json().error).toMatchObject({
      code: 'request.file_missing',
      message: 'Tidak ada berkas yang dikirim; pilih berkas lalu unggah.',
    });
    const en = await anonymous.request('POST', '/api/public/verify/ABCDEFGH12', undefined, {
      'accept-language': 'en',
    });
    expect(en.json().error.message).toBe('No file was sent; choose a file and upload it.');
    // A form without its file part says the same; a body of another kind is not an upload at all.
    const boundary = 'b0undary';
    const fieldOnly = await anonymous.request(
      'POST',
      '/api/public/verify/ABCDEFGH12',
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(fieldOnly.json().error.code).toBe('request.file_missing');
    const json = await anonymous.post('/api/public/verify/ABCDEFGH12', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('request.not_multipart');

    const fo = await signedIn(t.app, 'sragen.fo', '10.9.0.5');
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang' },
    });
    const caseId = opened.json().id as number;
    const document = await fo.request('POST', `/api/cases/${caseId}/documents/surat-keterangan-kepolisian`);
    expect(document.json().error.code).toBe('request.file_missing');
    const signed = await fo.request('POST', `/api/cases/${caseId}/letters/1/signed`);
    expect(signed.json().error.code).toBe('request.file_missing');
    const operator = await signedIn(t.app, 'sragen.desa', '10.9.0.6');
    const register = await operator.request('POST', '/api/registry/imports');
    expect(register.json().error.code).toBe('registry.import_file_missing');
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
