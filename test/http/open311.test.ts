import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { type Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2, checked field by field
 * against the spec's example responses, in JSON and XML: the same field names in the same
 * order, of the example's types (booleans, the integer `service_request_id`, `order` and error
 * `code`, numeric `lat`/`long`; `null` in JSON where the XML example has an empty element). Codes
 * are strings: the examples' `"service_code":001` is no JSON number, and their XML has "001".
 * Then the spec's error format and statuses, API keys and their revocation, the filters of GET
 * requests, and a confidential complainant who never shows.
 */

/** The fields of the spec's examples, in the examples' order. */
const specFields = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  definition: ['service_code', 'attributes'],
  attribute: [
    'variable',
    'code',
    'datatype',
    'required',
    'datatype_description',
    'order',
    'description',
    'values',
  ],
  value: ['key', 'name'],
  created: ['service_request_id', 'service_notice', 'account_id'],
  token: ['service_request_id', 'token'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  error: ['code', 'description'],
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
};
/** The spec's w3 datetime with a zone, as the server writes it (in the unit's zone). */
const w3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const day = 86_400_000;

/** The XML as a tree, lists always lists; every value kept as the text it was. */
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format'].includes(name),
});
function parseXml(res: LightMyRequestResponse) {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(res.body)).toBe(true);
  return xml.parse(res.body) as Record<string, unknown>;
}
function json(res: LightMyRequestResponse) {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json();
}
/** The names of the child elements of an XML element's first occurrence, in document order. */
const elementsOf = (body: string, element: string) => {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.trim() === `<${element}>`);
  const indent = (lines[at]?.length ?? 0) - (lines[at]?.trimStart().length ?? 0);
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line === `${' '.repeat(indent)}</${element}>`) break;
    const m = new RegExp(`^ {${indent + 2}}<([a-z_]+)[/>]`).exec(line);
    if (m?.[1]) names.push(m[1]);
  }
  return names;
};

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z'));
  let admin: Agent;
  let key = '';
  let clientId = 0;
  const inject = (method: 'GET' | 'POST', url: string, payload?: string | object, headers = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: '10.31.1.1',
      headers: {
        ...(typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload }),
    });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  /** Files through Open311 with the test's key; returns the new request's id. */
  const post = async (fields: Record<string, string>, format: 'json' | 'xml' = 'json') => {
    const res = await inject(
      'POST',
      `/open311/v2/requests.${format}`,
      form({
        api_key: key,
        jurisdiction_id: 'sragen',
        service_code: 'pkh',
        description: 'Bantuan PKH tahap ini belum kami terima.',
        ...fields,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const fileJson = async (fields: Record<string, string> = {}) =>
    (await post(fields)).json()[0].service_request_id as number;
  const get = (url: string, headers = {}) => inject('GET', url, undefined, headers);
  const dbRows = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.db, query);

  beforeAll(async () => {
    t = await createTestApp({ JARING_PUBLIC_URL: 'https://jaring.sragenkab.go.id' }, { clock });
    admin = await signedIn(t.app, 'admin');
    const issued = await admin.post('/api/open311/clients', { name: 'Aplikasi Lapor Warga' });
    expect(issued.statusCode, issued.body).toBe(201);
    key = issued.json().apiKey;
    clientId = issued.json().client.id;
  });
  afterAll(() => t.close());

  it('publishes the service discovery document, in XML and JSON', async () => {
    const j = json(await get('/open311/discovery.json'));
    expect(Object.keys(j)).toEqual(specFields.discovery);
    expect(Object.keys(j.endpoints[0])).toEqual(specFields.endpoint);
    expect(j.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'https://jaring.sragenkab.go.id/open311/v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const x = parseXml(await get('/open311/discovery.xml')) as {
      discovery: { endpoints: { endpoint: Array<{ formats: { format: string[] } }> } };
    };
    expect(x.discovery.endpoints.endpoint[0]?.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists the unit’s services from its standards, field by field as the spec’s example', async () => {
    const res = await get('/open311/v2/services.json?jurisdiction_id=sragen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const services = json(res) as Array<Record<string, unknown>>;
    expect(services.map((s) => s.service_code)).toEqual(['dtks', 'kehabisan-bekal', 'pkh']);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(specFields.service);
      expect(s).toEqual({
        service_code: expect.any(String),
        service_name: expect.any(String),
        description: expect.any(String),
        metadata: true,
        type: 'realtime',
        keywords: expect.stringMatching(/^[^,]+(, [^,]+)*$/),
        group: expect.any(String),
      });
    }
    const pkh = services.find((s) => s.service_code === 'pkh');
    expect(pkh?.service_name).toBe('Program Keluarga Harapan Kementerian Sosial');
    expect(pkh?.group).toBe('Bidang Perlindungan Sosial');

    const xmlRes = await get('/open311/v2/services.xml?jurisdiction_id=sragen');
    const x = parseXml(xmlRes) as { services: { service: Array<Record<string, string>> } };
    expect(x.services.service).toHaveLength(3);
    expect(elementsOf(xmlRes.body, 'service')).toEqual(specFields.service);
    expect(x.services.service[2]).toMatchObject({ service_code: 'pkh', metadata: 'true', type: 'realtime' });

    // Another jurisdiction lists its own.
    const tarakan = json(await get('/open311/v2/services.json?jurisdiction_id=tarakan'));
    expect(tarakan.map((s: { service_code: string }) => s.service_code)).toEqual(['sembako']);
  });

  it('answers a missing or unknown jurisdiction in the spec’s error format (400, 404)', async () => {
    const missing = await get('/open311/v2/services.json');
    expect(missing.statusCode).toBe(400);
    const errors = json(missing);
    expect(errors).toHaveLength(1);
    expect(Object.keys(errors[0])).toEqual(specFields.error);
    expect(errors[0].code).toBe(400);
    expect(errors[0].description).toMatch(/jurisdiction_id wajib.*sragen/);
    // "Optional": sent empty is not sent.
    expect((await get('/open311/v2/services.json?jurisdiction_id=')).statusCode).toBe(400);

    const unknown = await get('/open311/v2/services.xml?jurisdiction_id=atlantis', {
      'accept-language': 'en',
    });
    expect(unknown.statusCode).toBe(404);
    const x = parseXml(unknown) as { errors: { error: Array<{ code: string; description: string }> } };
    expect(x.errors.error).toEqual([
      { code: '404', description: 'The jurisdiction "atlantis" was not found.' },
    ]);
    expect(elementsOf(unknown.body, 'error')).toEqual(specFields.error);

    const nowhere = await get('/open311/v2/nothing.json');
    expect(nowhere.statusCode).toBe(404);
    expect(json(nowhere)[0].code).toBe(404);
    const format = await get('/open311/v2/services.html?jurisdiction_id=sragen');
    expect(format.statusCode).toBe(400);
    expect(parseXml(format)).toHaveProperty('errors.error.0.code', '400');
  });

  it('defines each service’s attributes as the spec’s service definition', async () => {
    const d = json(await get('/open311/v2/services/pkh.json?jurisdiction_id=sragen'));
    expect(Object.keys(d)).toEqual(specFields.definition);
    expect(d.service_code).toBe('pkh');
    expect(d.attributes.map((a: { code: string }) => a.code)).toEqual([
      'class',
      'confidential',
      'service_date',
      'case_code',
    ]);
    d.attributes.forEach((a: Record<string, unknown>, i: number) => {
      const lists = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
      expect(Object.keys(a)).toEqual(lists ? specFields.attribute : specFields.attribute.slice(0, -1));
      expect(a).toMatchObject({ variable: true, required: false, order: i + 1 });
      expect(typeof a.description).toBe('string');
      expect(a.datatype_description === null || typeof a.datatype_description === 'string').toBe(true);
      for (const v of (a.values as Array<Record<string, unknown>>) ?? [])
        expect(Object.keys(v)).toEqual(specFields.value);
    });
    expect(d.attributes[0].values.map((v: { key: string }) => v.key)).toEqual([
      'pengaduan',
      'aspirasi',
      'permintaan_informasi',
    ]);

    const xmlRes = await get('/open311/v2/services/pkh.xml?jurisdiction_id=sragen');
    const x = parseXml(xmlRes) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: Array<Record<string, unknown>> };
      };
    };
    expect(x.service_definition.service_code).toBe('pkh');
    const first = x.service_definition.attributes.attribute[0];
    expect(first).toMatchObject({ variable: 'true', code: 'class', datatype_description: '', order: '1' });
    expect((first?.values as { value: unknown[] } | undefined)?.value).toHaveLength(3);

    // A service of another unit, or none at all: 404.
    const other = await get('/open311/v2/services/sembako.json?jurisdiction_id=sragen');
    expect(other.statusCode).toBe(404);
    expect(json(other)[0].description).toMatch(/sembako/);
    expect((await get('/open311/v2/services/BAD%20CODE.json?jurisdiction_id=sragen')).statusCode).toBe(404);
  });

  it('refuses a POST without a key, with a wrong one, or for another jurisdiction (403), and writes nothing', async () => {
    const count = async () =>
      (await dbRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM complaints`))[0]?.n;
    const before = await count();
    const body = { jurisdiction_id: 'sragen', service_code: 'pkh', description: 'Bantuan belum diterima.' };
    const none = await inject('POST', '/open311/v2/requests.xml', form(body));
    expect(none.statusCode).toBe(403);
    // The spec's example of an error, element by element.
    const x = parseXml(none) as { errors: { error: Array<{ code: string; description: string }> } };
    expect(x.errors.error).toHaveLength(1);
    expect(x.errors.error[0]?.code).toBe('403');
    expect(x.errors.error[0]?.description).toMatch(/api_key/);

    const wrong = await inject('POST', '/open311/v2/requests.json', form({ ...body, api_key: `${key}x` }));
    expect(wrong.statusCode).toBe(403);
    expect(json(wrong)).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
    // The key is checked before the body: a bad body with a bad key is still a 403.
    const badBoth = await inject('POST', '/open311/v2/requests.json', form({ api_key: 'nope' }));
    expect(badBoth.statusCode).toBe(403);

    const elsewhere = await inject(
      'POST',
      '/open311/v2/requests.json',
      form({ ...body, api_key: key, jurisdiction_id: 'tarakan', service_code: 'sembako' }),
    );
    expect(elsewhere.statusCode).toBe(403);
    expect(json(elsewhere)[0].description).toMatch(/tarakan/);
    expect(await count()).toBe(before);
  });

  it('files a complaint through the complaints service, with receipt, routing and timers', async () => {
    const res = await post({
      first_name: 'Warsini',
      last_name: 'Utami',
      email: 'warsini@example.org',
      phone: '081234567890',
      account_id: 'akun-77',
      device_id: 'hp-1',
      lat: '-7.4301',
      long: '111.0200',
      address_string: 'Dukuh Karangasem RT 02, Sragen',
      media_url: 'https://foto.example.org/1.jpg',
      'attribute[class]': 'aspirasi',
      'attribute[service_date]': '2026-11-20',
    });
    const created = json(res);
    expect(created).toHaveLength(1);
    expect(Object.keys(created[0])).toEqual(specFields.created);
    const id = created[0].service_request_id;
    expect(Number.isInteger(id)).toBe(true);
    expect(created[0].account_id).toBe('akun-77');
    const notice = created[0].service_notice as string;
    expect(notice).toMatch(/nomor agenda 065\/\d{4}\/DINSOS\/2026/);
    expect(notice).toMatch(/kode pelacakan [A-Z0-9]{5}-[A-Z0-9]{5}/);
    expect(notice).toContain('https://jaring.sragenkab.go.id/pengaduan/lacak/');
    // Received Tuesday 1 December 09:00 WIB: 14 days, as the complaints module counts them.
    expect(notice).toMatch(/paling lambat 15 Desember 2026/);

    const [c] = await dbRows<{ channel: string; class: string; standard_slug: string; contact: string }>(
      sql`SELECT channel, class, standard_slug, contact, complainant_name FROM complaints WHERE id = ${id}`,
    );
    expect(c).toMatchObject({
      channel: 'open311',
      class: 'aspirasi',
      standard_slug: 'pkh',
      contact: 'warsini@example.org, 081234567890',
    });
    // The office sees it in its queue, routed to the standard's complaint officer.
    const queue = (await (await signedIn(t.app, 'sragen.pengaduan')).get('/api/complaints')).json();
    const item = queue.complaints.find((q: { id: number }) => q.id === id);
    expect(item).toMatchObject({ channel: 'open311', assignee: 'Sari Srihartiwi' });
    const [sent] = await dbRows<{ client_id: number; lat: number; attributes: unknown }>(
      sql`SELECT client_id, lat, attributes FROM open311_requests WHERE complaint_id = ${id}`,
    );
    expect(sent).toMatchObject({ client_id: clientId, lat: -7.4301 });
    expect(sent?.attributes).toEqual({ class: 'aspirasi', service_date: '2026-11-20' });

    // XML, from a JSON body.
    const xmlRes = await inject('POST', '/open311/v2/requests.xml', {
      api_key: key,
      service_code: 'dtks',
      description: 'Nama kami belum masuk DTKS padahal sudah diusulkan desa.',
      attribute: { class: 'permintaan_informasi' },
    });
    expect(xmlRes.statusCode, xmlRes.body).toBe(200);
    const x = parseXml(xmlRes) as { service_requests: { request: Array<Record<string, string>> } };
    expect(Object.keys(x.service_requests.request[0] ?? {})).toEqual(specFields.created);
    expect(x.service_requests.request[0]?.service_request_id).toMatch(/^\d+$/);
    // No account_id sent: an empty element, as in the spec's example (`<account_id/>`).
    expect(xmlRes.body).toContain('<account_id/>');
  });

  it('refuses a bad body with every problem at once, as 400, and writes nothing', async () => {
    const res = await inject(
      'POST',
      '/open311/v2/requests.json',
      form({
        api_key: key,
        service_code: 'pkh',
        description: 'x'.repeat(4001),
        lat: 'utara',
        email: 'bukan-surel',
        'attribute[class]': 'keluhan',
        'attribute[warna]': 'merah',
      }),
    );
    expect(res.statusCode).toBe(400);
    const errors = json(res) as Array<{ code: number; description: string }>;
    expect(errors.every((e) => e.code === 400)).toBe(true);
    const fields = errors.map((e) => e.description.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining(['lat', 'email', 'description', 'attribute[class]', 'attribute']),
    );
    expect(errors.find((e) => e.description.startsWith('attribute:'))?.description).toMatch(/warna/);

    const noText = await inject(
      'POST',
      '/open311/v2/requests.json',
      form({ api_key: key, service_code: 'pkh' }),
    );
    expect(noText.statusCode).toBe(400);
    expect(json(noText).map((e: { description: string }) => e.description.split(':')[0])).toEqual([
      'description',
    ]);
    const unknown = await inject(
      'POST',
      '/open311/v2/requests.json',
      form({ api_key: key, service_code: 'sembako', description: 'Bantuan belum diterima.' }),
    );
    expect(unknown.statusCode).toBe(404);
    const twice = await inject(
      'POST',
      '/open311/v2/requests.json',
      `${form({ api_key: key, service_code: 'pkh', description: 'Bantuan belum diterima.' })}&service_code=dtks`,
    );
    expect(twice.statusCode).toBe(400);
    expect(json(twice)[0].description).toMatch(/^service_code:/);
  });

  it('shows a request field by field as the spec’s example, with expected_datetime from the timers', async () => {
    const id = await fileJson({
      lat: '-7.43',
      long: '111.02',
      address_string: 'Balai Desa Karangasem',
      address_id: 'KRG-02',
      media_url: 'https://foto.example.org/2.jpg',
      description: 'Bantuan PKH atas NIK 3314015708900001 belum cair.',
    });
    const [r] = json(await get(`/open311/v2/requests/${id}.json?jurisdiction_id=sragen`));
    expect(Object.keys(r)).toEqual(specFields.request);
    expect(r).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: 'Diterima; kelengkapannya sedang diperiksa.',
      service_name: 'Program Keluarga Harapan Kementerian Sosial',
      service_code: 'pkh',
      // Filed by an Open311 client and not confidential: its text, the NIK masked.
      description: 'Bantuan PKH atas NIK 3314********0001 belum cair.',
      agency_responsible: 'Bidang Perlindungan Sosial, Dinas Sosial Kabupaten Sragen',
      service_notice: expect.stringMatching(/Pasal 44 ayat \(3\)/),
      requested_datetime: '2026-12-01T09:00:00+07:00',
      updated_datetime: '2026-12-01T09:00:00+07:00',
      // The completeness timer: 14 days, to the end of 15 December in WIB.
      expected_datetime: '2026-12-16T00:00:00+07:00',
      address: 'Balai Desa Karangasem',
      address_id: 'KRG-02',
      zipcode: null,
      lat: -7.43,
      long: 111.02,
      media_url: 'https://foto.example.org/2.jpg',
    });
    expect(r.requested_datetime).toMatch(w3);

    const xmlRes = await get(`/open311/v2/requests/${id}.xml?jurisdiction_id=sragen`);
    expect(elementsOf(xmlRes.body, 'request')).toEqual(specFields.request);
    const x = parseXml(xmlRes) as { service_requests: { request: Array<Record<string, string>> } };
    expect(x.service_requests.request).toHaveLength(1);
    expect(x.service_requests.request[0]).toMatchObject({
      service_request_id: String(id),
      status: 'open',
      zipcode: '',
      lat: '-7.43',
      expected_datetime: '2026-12-16T00:00:00+07:00',
    });

    const en = json(
      await get(`/open311/v2/requests/${id}.json?jurisdiction_id=sragen`, { 'accept-language': 'en' }),
    );
    expect(en[0].status_notes).toBe('Received; its completeness is being checked.');
    expect((await get('/open311/v2/requests/999999.json?jurisdiction_id=sragen')).statusCode).toBe(404);
    expect((await get('/open311/v2/requests/abc.xml?jurisdiction_id=sragen')).statusCode).toBe(404);
    // Held by Sragen, not Tarakan.
    expect((await get(`/open311/v2/requests/${id}.json?jurisdiction_id=tarakan`)).statusCode).toBe(404);
  });

  it('turns a receipt’s tracking code (the token) into the request id', async () => {
    const id = await fileJson();
    const [row] = await dbRows<{ tracking_code: string }>(
      sql`SELECT tracking_code FROM complaints WHERE id = ${id}`,
    );
    const code = row?.tracking_code ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const res = json(await get(`/open311/v2/tokens/${code.toLowerCase()}.json?jurisdiction_id=sragen`));
    expect(res).toEqual([{ service_request_id: id, token: code }]);
    expect(Object.keys(res[0])).toEqual(specFields.token);
    const x = parseXml(await get(`/open311/v2/tokens/${code}.xml?jurisdiction_id=sragen`)) as {
      service_requests: { request: Array<Record<string, string>> };
    };
    expect(x.service_requests.request).toEqual([{ service_request_id: String(id), token: code }]);
    expect((await get('/open311/v2/tokens/AAAAA-AAAAA.json?jurisdiction_id=sragen')).statusCode).toBe(404);
    expect((await get(`/open311/v2/tokens/${code}.json?jurisdiction_id=tarakan`)).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/x.json?jurisdiction_id=sragen')).statusCode).toBe(404);
  });

  it('never shows a confidential complainant: not their name or contact, not the text, place or media', async () => {
    const id = await fileJson({
      first_name: 'Sulastri',
      last_name: 'Rahayu',
      email: 'sulastri@example.org',
      phone: '085600001111',
      address_string: 'Rumah Sulastri, Dukuh Ngepringan',
      lat: '-7.41',
      long: '111.01',
      media_url: 'https://foto.example.org/sulastri.jpg',
      description: 'Saya Sulastri, pendamping meminta uang agar bantuan saya cair.',
      'attribute[confidential]': 'true',
    });
    const secrets = ['Sulastri', 'sulastri', '085600001111', 'Ngepringan', 'pendamping meminta'];
    const answers = [
      await get(`/open311/v2/requests/${id}.json?jurisdiction_id=sragen`),
      await get(`/open311/v2/requests/${id}.xml?jurisdiction_id=sragen`),
      await get('/open311/v2/requests.json?jurisdiction_id=sragen'),
      await get('/open311/v2/requests.xml?jurisdiction_id=sragen'),
      await get(`/open311/v2/requests.json?jurisdiction_id=sragen&service_request_id=${id}`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      for (const s of secrets) expect(res.body, s).not.toContain(s);
    }
    const [r] = answers[0]?.json() ?? [];
    expect(r).toMatchObject({ description: null, address: null, lat: null, long: null, media_url: null });
    expect(r.status).toBe('open');

    // Inside the office only the complaint officer sees who it is (Pasal 42(5)).
    const officer = (await (await signedIn(t.app, 'sragen.pengaduan')).get(`/api/complaints/${id}`)).json();
    expect(officer.complainant).toMatchObject({ name: 'Sulastri Rahayu', hidden: false });
    const head = (await (await signedIn(t.app, 'sragen.kabid')).get(`/api/complaints/${id}`)).json();
    expect(head.complainant).toMatchObject({ name: '', contact: '', hidden: true });
    // The audit trail holds the step, never the name.
    const trail = await dbRows<{ after: unknown }>(
      sql`SELECT after FROM audit_log WHERE entity = 'complaint' AND entity_id = ${String(id)}`,
    );
    expect(trail.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain('Sulastri');

    // A complaint from another channel shows its status, never its text.
    const [phone] = await dbRows<{ id: number }>(sql`
      INSERT INTO complaints (unit_id, agenda_number, tracking_code, class, channel, text, standard_slug, received_at)
      SELECT id, '065/TLP', 'TELPN-00001', 'pengaduan', 'phone', 'Ibu Painem mengadu lewat telepon.', 'pkh', ${new Date(clock.now()).toISOString()}
      FROM units WHERE code = 'sragen' RETURNING id`);
    const byPhone = json(await get(`/open311/v2/requests/${phone?.id}.json?jurisdiction_id=sragen`));
    expect(byPhone[0]).toMatchObject({ service_code: 'pkh', description: null });
    expect(JSON.stringify(byPhone)).not.toContain('Painem');
  });

  it('filters GET requests by ids, service, dates and status, within the spec’s 90 days and 1000 requests', async () => {
    // A fresh window: complaints filed from 1 March 2027, a week apart.
    clock.advance(Date.parse('2027-03-01T02:00:00Z') - clock.now());
    const start = clock.now();
    const pkhOld = await fileJson({ description: 'Aduan pertama tentang PKH bulan Maret.' });
    clock.advance(7 * day);
    const dtks = await fileJson({ service_code: 'dtks', description: 'Aduan tentang DTKS di minggu kedua.' });
    clock.advance(7 * day);
    const pkhClosed = await fileJson({ description: 'Aduan ketiga yang nanti diarsipkan.' });
    const officer = await signedIn(t.app, 'sragen.pengaduan');
    const archived = await officer.post(`/api/complaints/${pkhClosed}/actions`, {
      action: 'lapor',
      outcome: 'arsipkan',
      note: 'Duplikat laporan lain.',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const ids = async (query: string) => {
      const res = await get(`/open311/v2/requests.json?jurisdiction_id=sragen&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as Array<{ service_request_id: number }>).map((r) => r.service_request_id);
    };
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const window = `start_date=${iso(start - day)}&end_date=${iso(clock.now() + day)}`;

    // Newest first; the closed one is closed, with no expected date.
    expect(await ids(window)).toEqual([pkhClosed, dtks, pkhOld]);
    const closed = json(
      await get(`/open311/v2/requests.json?jurisdiction_id=sragen&${window}&status=closed`),
    );
    expect(closed.map((r: { service_request_id: number }) => r.service_request_id)).toEqual([pkhClosed]);
    expect(closed[0]).toMatchObject({
      status: 'closed',
      expected_datetime: null,
      status_notes: 'Diarsipkan.',
    });
    expect(await ids(`${window}&status=open`)).toEqual([dtks, pkhOld]);
    expect(await ids(`${window}&status=open,closed`)).toEqual([pkhClosed, dtks, pkhOld]);
    expect(await ids(`${window}&service_code=dtks`)).toEqual([dtks]);
    expect(await ids(`${window}&service_code=pkh&status=open`)).toEqual([pkhOld]);
    expect(await ids(`${window}&service_code=pkh,dtks&service_code=kehabisan-bekal`)).toEqual([
      pkhClosed,
      dtks,
      pkhOld,
    ]);
    // A date alone is a day in the unit's zone: 8 March WIB holds the second complaint only.
    expect(await ids('start_date=2027-03-08&end_date=2027-03-08')).toEqual([dtks]);
    // Empty parameters are parameters not sent.
    expect(await ids(`${window}&status=&service_code=`)).toEqual([pkhClosed, dtks, pkhOld]);
    // Pages (the pagination extension), at most 1000 a page.
    expect(await ids(`${window}&page_size=2`)).toEqual([pkhClosed, dtks]);
    expect(await ids(`${window}&page_size=2&page=2`)).toEqual([pkhOld]);
    expect((await get('/open311/v2/requests.json?jurisdiction_id=sragen&page_size=1001')).statusCode).toBe(
      400,
    );

    // Without dates: the most recent 90 days, which leave out December's complaints.
    const recent = await ids('');
    expect(recent).toEqual([pkhClosed, dtks, pkhOld]);
    clock.advance(85 * day);
    expect(await ids('')).toEqual([pkhClosed]);

    // service_request_id overrides every other argument, and names any the unit holds.
    expect(await ids(`service_request_id=${pkhOld},${dtks}&status=closed&service_code=x`)).toEqual([
      pkhOld,
      dtks,
    ]);

    // Ranges the spec does not allow, and values that are not what the spec names.
    const refused = async (query: string, pattern: RegExp) => {
      const res = await get(`/open311/v2/requests.json?jurisdiction_id=sragen&${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(json(res)[0].description).toMatch(pattern);
    };
    await refused('start_date=2027-01-01T00:00:00Z&end_date=2027-04-02T00:00:00Z', /90 hari/);
    await refused('start_date=2027-03-02T00:00:00Z&end_date=2027-03-01T00:00:00Z', /lebih awal/);
    await refused('start_date=kemarin', /^start_date:/);
    await refused('start_date=2027-03-01T00:00:00', /^start_date:/);
    await refused('status=pending', /^status:.*pending/);
    await refused('service_request_id=1,dua', /^service_request_id:.*dua/);
  });

  it('keeps answering a request after its transfer, naming the unit that holds it now', async () => {
    const id = await fileJson({ description: 'Aduan yang ternyata wewenang Tarakan.' });
    const officer = await signedIn(t.app, 'sragen.pengaduan');
    const sent = await officer.post(`/api/complaints/${id}/actions`, {
      action: 'transfer',
      toUnit: 'tarakan',
      reason: 'Penerima tinggal di Tarakan.',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const tarakan = await signedIn(t.app, 'tarakan.pengaduan');
    expect(
      (await tarakan.post(`/api/complaints/${id}/actions`, { action: 'accept_transfer' })).statusCode,
    ).toBe(200);
    const [r] = json(await get(`/open311/v2/requests/${id}.json?jurisdiction_id=sragen`));
    expect(r.agency_responsible).toBe('Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan');
    // In Tarakan's zone now (WITA).
    expect(r.requested_datetime).toMatch(/\+08:00$/);
    expect((await get(`/open311/v2/requests/${id}.json?jurisdiction_id=tarakan`)).statusCode).toBe(200);
    const list = await get('/open311/v2/requests.json?jurisdiction_id=sragen');
    expect(list.json().map((x: { service_request_id: number }) => x.service_request_id)).not.toContain(id);
  });

  it('lets an administrator issue and revoke keys: shown once, stored as a hash, audited', async () => {
    // Signed in afresh: the test clock has moved months.
    admin = await signedIn(t.app, 'admin');
    const issued = await admin.post('/api/open311/clients', { name: 'Portal Kecamatan' });
    expect(issued.statusCode).toBe(201);
    const { apiKey, client } = issued.json();
    expect(apiKey).toMatch(/^j311_[A-Za-z0-9_-]{32}$/);
    expect(client).toMatchObject({
      name: 'Portal Kecamatan',
      keyPrefix: apiKey.slice(0, 9),
      revokedAt: null,
    });
    const [stored] = await dbRows<{ key_hash: string }>(
      sql`SELECT key_hash FROM open311_clients WHERE id = ${client.id}`,
    );
    expect(stored?.key_hash).toBe(createHash('sha256').update(apiKey).digest('hex'));
    const list = (await admin.get('/api/open311/clients')).json();
    expect(list).toMatchObject({
      jurisdictionId: 'sragen',
      endpoint: 'https://jaring.sragenkab.go.id/open311/v2',
    });
    expect(JSON.stringify(list)).not.toContain(apiKey);
    expect(list.clients.find((c: { id: number }) => c.id === clientId)).toMatchObject({
      name: 'Aplikasi Lapor Warga',
      createdBy: 'Administrator Jaring',
      lastUsedAt: expect.any(String),
      requests: expect.any(Number),
    });

    const body = form({ api_key: apiKey, service_code: 'pkh', description: 'Aduan dari portal kecamatan.' });
    expect((await inject('POST', '/open311/v2/requests.json', body)).statusCode).toBe(200);
    const revoked = await admin.post(`/api/open311/clients/${client.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      revokedAt: expect.any(String),
      revokedBy: 'Administrator Jaring',
    });
    const after = await inject('POST', '/open311/v2/requests.json', body);
    expect(after.statusCode).toBe(403);
    expect(json(after)[0].description).toMatch(/dicabut/);
    expect((await admin.post(`/api/open311/clients/${client.id}/revoke`, {})).statusCode).toBe(409);
    // The other key still works.
    await fileJson();

    const audit = await dbRows<{ action: string; after: unknown }>(
      sql`SELECT action, after FROM audit_log WHERE entity = 'open311_client' AND entity_id = ${String(client.id)} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['open311.key_issue', 'open311.key_revoke']);
    expect(JSON.stringify(audit)).not.toContain(apiKey);

    // Only an administrator of the unit: others are refused, and cannot reach another unit's key.
    expect((await (await signedIn(t.app, 'sragen.kadis')).get('/api/open311/clients')).statusCode).toBe(403);
    expect((await admin.post('/api/open311/clients', { name: 'x' })).statusCode).toBe(422);
  });
});
