import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/audit/audit.service.ts';
import { rows } from '../../src/db/client.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * The HTTP boundary: text the database cannot store, malformed uploads, ids no row can have,
 * office hours that would stop every clock, and what a refused register import leaves behind.
 */
let t: TestApp;
const importLimit = 64 * 1024;
beforeAll(async () => {
  t = await createTestApp({ JARING_IMPORT_MAX_BYTES: String(importLimit) });
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number((await rows<{ n: string }>(t.database.db, sql`SELECT count(*) AS n FROM ${sql.raw(table)}`))[0]?.n);
const auditHead = async () =>
  (
    await rows<{ seq: string; hash: string }>(
      t.database.db,
      sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )
  )[0];
const problemPaths = (res: { json(): { error: { problems?: Array<{ path: string }> } } }) =>
  (res.json().error.problems ?? []).map((p) => p.path);

const boundary = 'XX-boundary';
const part = (fileName: string, bytes = '%PDF-1.4 scan') =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${bytes}\r\n--${boundary}--\r\n`;
const multipart = `multipart/form-data; boundary=${boundary}`;

describe('text the database cannot store is refused at the boundary', () => {
  it('answers the lone-surrogate login with 422 naming the field, and the chain stays whole', async () => {
    const before = await auditHead();
    const res = await new Agent(t.app, '10.5.0.1').post('/api/auth/login', {
      username: '\ud800',
      password: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('request.invalid_text');
    expect(problemPaths(res)).toEqual(['body.username']);
    expect(await auditHead()).toEqual(before);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses NUL in a query string, a JSON string, a JSON key, a path and a file name', async () => {
    const desa = await signedIn(t.app, 'sragen.desa', '10.5.0.2');
    const search = await desa.get('/api/registry/people?q=Bud%00i');
    expect(search.statusCode).toBe(422);
    expect(problemPaths(search)).toEqual(['querystring.q']);

    const fo = await signedIn(t.app, 'tarakan.fo', '10.5.0.3');
    const cases = await count('cases');
    const intake = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti\u0000Rahma' },
    });
    expect(intake.statusCode).toBe(422);
    expect(problemPaths(intake)).toEqual(['body.applicant.name']);
    expect(await count('cases')).toBe(cases);

    const key = await fo.post('/api/cases/1/actions', {
      action: 'teruskan',
      version: 1,
      data: { 'a\u0000': 1 },
    });
    expect(key.statusCode).toBe(422);
    expect(problemPaths(key)).toEqual(['body.data."a\\u0000"']);

    const track = await t.app.inject({ url: '/api/public/track/ABCDE%00FGHIJ', remoteAddress: '10.5.0.4' });
    expect(track.statusCode).toBe(422);
    expect(problemPaths(track)).toEqual(['params.code']);

    const upload = await new Agent(t.app, '10.5.0.5').request(
      'POST',
      '/api/public/verify/ABCDEFGH12',
      Buffer.from(part('surat\u0000.pdf')),
      { 'content-type': multipart },
    );
    expect(upload.statusCode).toBe(422);
    expect(problemPaths(upload)).toEqual(['body.file.filename']);
  });

  it('refuses JSON nested deeper than any request needs, without overflowing', async () => {
    const fo = await signedIn(t.app, 'tarakan.fo', '10.5.0.6');
    const deep = `{"action":"teruskan","version":1,"data":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const res = await fo.request('POST', '/api/cases/1/actions', deep, {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('request.invalid');
  });

  it('hashes in the audit what the database stores, whatever a caller passes', async () => {
    await recordAudit(
      t.database.db,
      { userId: null, username: 'a\ud800b', role: null, unitId: null, ip: '\udc00' },
      {
        action: 'test.write',
        entity: 'x\u0000',
        entityId: 'y\ud83d',
        after: { 'k\u0000': ['\ud800', 'ok 😀'] },
      },
    );
    const [row] = await rows<{ actor_username: string; entity: string; after: unknown }>(
      t.database.db,
      sql`SELECT actor_username, entity, after FROM audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(row).toEqual({
      actor_username: 'a\ufffdb',
      entity: 'x\ufffd',
      after: { 'k\ufffd': ['\ufffd', 'ok 😀'] },
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('malformed multipart is a 400 or 415 with a translated message', () => {
  let caseId = 0;
  let fo: Agent;
  let desa: Agent;
  let anonymous: Agent;
  beforeAll(async () => {
    anonymous = new Agent(t.app, '10.6.0.1');
    fo = await signedIn(t.app, 'tarakan.fo', '10.6.0.2');
    desa = await signedIn(t.app, 'sragen.desa', '10.6.0.3');
    const opened = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti Rahma' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
  });

  const variants: Array<{ name: string; body: string; type: string; status: number; code: string }> = [
    {
      name: 'no boundary',
      body: part('a.pdf'),
      type: 'multipart/form-data',
      status: 400,
      code: 'request.multipart_invalid',
    },
    {
      name: 'another boundary',
      body: part('a.pdf'),
      type: 'multipart/form-data; boundary=YY',
      status: 400,
      code: 'request.multipart_invalid',
    },
    {
      name: 'a boundary too long',
      body: part('a.pdf'),
      type: `multipart/form-data; boundary=${'b'.repeat(300)}`,
      status: 400,
      code: 'request.multipart_invalid',
    },
    {
      name: 'a truncated body',
      body: part('a.pdf').slice(0, 90),
      type: multipart,
      status: 400,
      code: 'request.multipart_invalid',
    },
    {
      name: 'a JSON body',
      body: '{"file":"a.pdf"}',
      type: 'application/json',
      status: 415,
      code: 'request.not_multipart',
    },
    { name: 'a text body', body: 'a.pdf', type: 'text/plain', status: 415, code: 'request.not_multipart' },
  ];
  const routes = () => [
    { name: 'public verify upload', agent: anonymous, url: '/api/public/verify/ABCDEFGH12' },
    { name: 'document upload', agent: fo, url: `/api/cases/${caseId}/documents/kk-ktp` },
    { name: 'register import', agent: desa, url: '/api/registry/imports' },
  ];

  it('answers every malformed upload of every upload route without a 500', async () => {
    const seen: string[] = [];
    for (const route of routes()) {
      for (const v of variants) {
        const res = await route.agent.request('POST', route.url, Buffer.from(v.body), {
          'content-type': v.type,
          'accept-language': 'en',
        });
        seen.push(`${route.name}, ${v.name}: ${res.statusCode} ${res.json().error?.code}`);
        expect(res.statusCode, `${route.name}, ${v.name}: ${res.body}`).toBe(v.status);
        expect(res.json().error.code).toBe(v.code);
        expect(res.json().error.message).not.toMatch(/multipart data|Boundary|not multipart/);
      }
    }
    expect(seen).toHaveLength(18);
    const id = await fo.request(
      'POST',
      `/api/cases/${caseId}/documents/kk-ktp`,
      Buffer.from(part('a.pdf').slice(0, 90)),
      {
        'content-type': multipart,
      },
    );
    expect(id.json().error.message).toBe('Unggahan rusak atau terputus; pilih berkas lalu kirim ulang.');
  });
});

describe('a body that is not what the route reads', () => {
  it('is a 400 or 415 with a translated message', async () => {
    const fo = await signedIn(t.app, 'tarakan.fo', '10.6.1.1');
    const send = (payload: string, type: string) =>
      fo.request('POST', '/api/cases', payload, { 'content-type': type, 'accept-language': 'en' });
    const broken = await send('{"standardId":', 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: 'request.malformed',
      message: 'The request body is malformed or incomplete (not valid JSON, say).',
    });
    const xml = await send('<case/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('request.unsupported_media_type');
    const big = await send(`{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`, 'application/json');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
  });
});

describe('ids no int4 column can hold', () => {
  it('are answered 404 in every path that takes one', async () => {
    const admin = await signedIn(t.app, 'admin', '10.7.0.1');
    for (const url of [
      '/api/cases/99999999999',
      '/api/cases/2147483648',
      '/api/cases/0',
      '/api/cases/-1',
      '/api/cases/1.5',
      // A word where an id goes names no row either.
      '/api/cases/abc',
      '/api/cases/1/letters/99999999999/pdf',
      '/api/registry/families/99999999999',
      '/api/registry/imports/99999999999',
      '/api/registry/imports/99999999999/errors',
      '/api/relief/payouts/99999999999/kwitansi',
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
    }
    const action = await admin.post('/api/cases/99999999999/actions', { action: 'teruskan', version: 1 });
    expect(action.statusCode).toBe(404);
    // On the public pages too, signed out: an emergency's address with a word in it.
    const page = await t.app.inject({ method: 'GET', url: '/api/public/units/banten/emergencies/banjir' });
    expect(page.statusCode, page.body).toBe(404);
    expect(page.json().error.code).toBe('not_found');
    // The largest id there can be is a real lookup (nothing there), not a refusal.
    expect((await admin.get('/api/cases/2147483647')).json().error.code).toBe('case.not_found');
  });

  it('are a 422 naming the field in a body', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid', '10.7.0.2');
    const res = await kabid.post('/api/registry/reveal', {
      kind: 'nik',
      id: 99_999_999_999,
      reason: 'pemeriksaan data',
    });
    expect(res.statusCode).toBe(422);
    expect(problemPaths(res)).toEqual(['body.id']);
    // A word where the id goes is worded as a form says it, in the reader's language.
    for (const [lang, message] of [
      ['id', 'harus berupa angka bulat, tanpa titik atau koma'],
      ['en', 'must be a whole number, without separators'],
    ] as const) {
      const word = await kabid.post(
        '/api/registry/reveal',
        { kind: 'nik', id: 'abc', reason: 'pemeriksaan data' },
        { 'accept-language': lang },
      );
      expect(word.statusCode).toBe(422);
      expect(word.json().error.problems).toEqual([{ path: 'body.id', message }]);
    }
  });
});

describe('office hours', () => {
  it('are refused without a working day, with a close before the open, overlapping or on a day 8', async () => {
    const kadis = await signedIn(t.app, 'tarakan.kadis', '10.8.0.1');
    const put = (body: unknown) => kadis.request('PUT', '/api/calendar/hours', body);
    const refused: Array<[unknown, string]> = [
      [{}, 'body'],
      [{ '1': [], '2': [] }, 'body'],
      [{ '1': [{ start: '16:00', end: '08:00' }] }, 'body.1.0.end'],
      [{ '1': [{ start: '08:00', end: '08:00' }] }, 'body.1.0.end'],
      [{ '1': [{ start: '08:00', end: '24:30' }] }, 'body.1.0.end'],
      [{ '1': [{ start: '8:00', end: '12:00' }] }, 'body.1.0.start'],
      [
        {
          '1': [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '15:00' },
          ],
        },
        'body.1',
      ],
      [{ '8': [{ start: '08:00', end: '12:00' }] }, 'body'],
    ];
    for (const [body, where] of refused) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(problemPaths(res), JSON.stringify(body)).toContain(where);
    }
    expect((await put({ '6': [{ start: '20:00', end: '24:00' }] })).statusCode).toBe(204);
    expect((await put({ '1': [{ start: '08:00', end: '16:00' }] })).statusCode).toBe(204);
  });

  it('stored before the rule without a working day make intake a precise 409, not a 500', async () => {
    const [unit] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM units WHERE code = 'tarakan'`,
    );
    await t.database.db.execute(sql`INSERT INTO office_hours (unit_id, hours) VALUES (${unit?.id}, '{}'::jsonb)
      ON CONFLICT (unit_id) DO UPDATE SET hours = excluded.hours`);
    const fo = await signedIn(t.app, 'tarakan.fo', '10.8.0.2');
    const cases = await count('cases');
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti' },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('calendar.no_working_time');
    expect(res.json().error.message).toMatch(/Kepala dinas perlu mengatur jam kantor/);
    expect(await count('cases')).toBe(cases);
    await t.database.db.execute(sql`DELETE FROM office_hours WHERE unit_id = ${unit?.id}`);
  });
});

describe('a refused register import', () => {
  const importsDir = () => path.join(t.app.config.dataDir, 'imports');
  const uploads = () => {
    try {
      return readdirSync(importsDir()).filter((f) => f.startsWith('unggah-'));
    } catch {
      return [];
    }
  };
  const refusals = async () =>
    rows<{ reason: string; file: string | null }>(
      t.database.db,
      sql`SELECT after->>'reason' AS reason, after->>'file' AS file FROM audit_log
        WHERE action = 'registry.import_rejected' ORDER BY seq`,
    );
  const header =
    'No KK;NIK;Nama;Tanggal Lahir;Jenis Kelamin;Hubungan Keluarga;Kode Desa;Alamat;Desil;Status DTKS/DTSEN;Pekerjaan';
  const badRow =
    '3314012001249901;3314017501909905;Salah Tanggal;01-01-1990;L;Kepala Keluarga;3314012001;Dusun Tegal;;;';

  it('leaves no upload behind and is audited with its reason, whatever refused it', async () => {
    const desa = await signedIn(t.app, 'sragen.desa', '10.9.0.1');
    const upload = (bytes: Buffer | string, name: string, url = '/api/registry/imports') =>
      desa.upload(url, Buffer.from(bytes), name);
    const before = (await refusals()).length;
    const answers = [
      (await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'lama.xls')).statusCode,
      (await upload('bukan excel', 'palsu.xlsx')).statusCode,
      (await upload(`${header}\n${'x'.repeat(importLimit)}\n`, 'besar.csv')).statusCode,
      (await upload('a', 'nul\u0000.csv')).statusCode,
      (
        await desa.request('POST', '/api/registry/imports', Buffer.from(part('a.csv').slice(0, 90)), {
          'content-type': multipart,
        })
      ).statusCode,
      (
        await desa.request('POST', '/api/registry/imports', Buffer.from(`--${boundary}--\r\n`), {
          'content-type': multipart,
        })
      ).statusCode,
    ];
    expect(answers).toEqual([415, 415, 413, 422, 400, 422]);
    expect((await refusals()).slice(before).map((r) => r.reason)).toEqual([
      'registry.import_xls',
      'registry.import_not_xlsx',
      'registry.import_too_large',
      'request.invalid_text',
      'request.multipart_invalid',
      'registry.import_file_missing',
    ]);
    expect(uploads()).toEqual([]);
  });

  it('refuses while another import of the unit runs, audited', async () => {
    const desa = await signedIn(t.app, 'sragen.desa', '10.9.0.2');
    const [unit] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM units WHERE code = 'sragen'`);
    const [running] = await rows<{ id: number }>(
      t.database.db,
      sql`INSERT INTO registry_imports (unit_id, file_name, format, file_bytes, on_error, on_existing, status)
        VALUES (${unit?.id}, 'lain.csv', 'csv', 1, 'reject_all', 'skip', 'running') RETURNING id`,
    );
    try {
      const res = await desa.upload('/api/registry/imports', Buffer.from(`${header}\n`), 'kedua.csv');
      expect(res.statusCode).toBe(409);
      expect((await refusals()).at(-1)?.reason).toBe('registry.import_running');
      expect(uploads()).toEqual([]);
    } finally {
      await t.database.db.execute(sql`DELETE FROM registry_imports WHERE id = ${running?.id}`);
    }
  });

  it('audits rows refused under reject_all, and a file that fails to parse leaves nothing', async () => {
    const desa = await signedIn(t.app, 'sragen.desa', '10.9.0.3');
    const settle = async (id: number) => {
      for (let i = 0; i < 100; i++) {
        const view = (await desa.get(`/api/registry/imports/${id}`)).json();
        if (view.status !== 'running') return view;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('import did not finish');
    };
    const rejected = await desa.upload(
      '/api/registry/imports?onError=reject_all',
      Buffer.from(`${header}\n${badRow}\n`),
      'salah.csv',
    );
    expect(rejected.statusCode).toBe(202);
    expect((await settle(rejected.json().id)).status).toBe('rejected');
    expect((await refusals()).at(-1)).toEqual({ reason: 'rows_rejected', file: 'salah.csv' });

    const corrupt = await desa.upload(
      '/api/registry/imports',
      Buffer.from('PK\u0003\u0004 not a zip at all'),
      'rusak.xlsx',
    );
    expect(corrupt.statusCode).toBe(202);
    expect((await settle(corrupt.json().id)).status).toBe('failed');
    // The record is closed first; the import's job removes its upload right after.
    for (let i = 0; i < 50 && uploads().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(uploads()).toEqual([]);
  });

  it('removes the upload of a client that goes away halfway', async () => {
    const admin = await signedIn(t.app, 'admin', '10.9.0.4');
    const address = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    const before = (await refusals()).length;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="putus.csv"\r\nContent-Type: text/csv\r\n\r\n${header}\n`;
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: address.hostname,
        port: address.port,
        method: 'POST',
        path: '/api/registry/imports',
        headers: {
          cookie: admin.cookieHeader(),
          'x-csrf-token': /jaring_csrf=([^;]+)/.exec(admin.cookieHeader())?.[1] ?? '',
          'content-type': multipart,
          'content-length': String(head.length + 50_000),
        },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write('3314012001240001;'.repeat(500), () => {
        // Long enough for the server to have opened the upload's file.
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
    });
    for (let i = 0; i < 50 && (await refusals()).length === before; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await refusals()).slice(before)).toEqual([{ reason: 'request.aborted', file: 'putus.csv' }]);
    expect(uploads()).toEqual([]);
  });
});
