import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.service.ts';
import { todayIn } from '../../src/core/dates.ts';
import { rows } from '../../src/db/client.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * Malformed input, seeded, against every public endpoint and the main staff writes: bodies of
 * the wrong shape, hostile strings (NUL, lone surrogates, megabytes), deep nesting, broken JSON,
 * wrong content types, garbage query strings and headers, broken multipart. No answer may be a
 * 5xx, and no refused input may change a row of the main tables or the audit head (beyond the
 * refusal an endpoint audits by design: a failed sign-in, a refused import).
 */
const seed = 20_261_212;
const importLimit = 4096;

interface Input {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}
interface Session {
  cookie: string;
  csrf: string;
}
interface Target {
  /** As in the route table (OpenAPI paths). */
  route: string;
  runs: number;
  inputs: (s: Session) => fc.Arbitrary<Input>;
  session: () => Session;
  /** Audit actions a refusal of this endpoint writes by design. */
  audits?: string[];
  /** Whether a valid input could change data; all the generated inputs of a write are invalid. */
  write: boolean;
}

// ---- text, values and JSON ------------------------------------------------------------------

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Any UTF-16 text: lone surrogates and NUL included, and the characters JSON escapes. */
const anyText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(codeUnit, fc.constantFrom('\u0000', '\ud800', '\udfff', '"', '\\', 'a')),
    maxLength,
  });
/** Text the database cannot store: invalid in every string field. */
const unstorable = fc
  .tuple(anyText(12), fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff'), anyText(12))
  .map(([a, bad, b]) => `${a}x${bad}x${b}`);
const hostileText = fc.oneof(
  unstorable,
  anyText(60),
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE cases; --",
    '\ufeff',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'ü'.repeat(n)),
);
const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -0, 1e308),
);
const wrongFor = (kind: 'string' | 'number' | 'object' | 'array') => {
  const object = fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 });
  const array = fc.array(fc.oneof(scalar, hostileText), { maxLength: 3 });
  if (kind === 'string') return fc.oneof(scalar, object, array);
  if (kind === 'number') return fc.oneof(hostileText, fc.boolean(), fc.constant(null), object, array);
  if (kind === 'object') return fc.oneof(scalar, hostileText, array);
  return fc.oneof(scalar, hostileText, object);
};

type Json = Record<string, unknown>;
/** An invalid change to a JSON body: each writes a value its path cannot take. */
type Breaker = (root: Json) => Json;
const setAt =
  (path: string[], value: unknown): Breaker =>
  (root) => {
    let cur: Json = root;
    for (const key of path.slice(0, -1)) {
      const next = cur[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[key] = {};
      cur = cur[key] as Json;
    }
    cur[path[path.length - 1] as string] = value;
    return root;
  };
const removeAt =
  (path: string[]): Breaker =>
  (root) => {
    let cur: unknown = root;
    for (const key of path.slice(0, -1)) cur = (cur as Json | undefined)?.[key];
    if (cur && typeof cur === 'object') delete (cur as Json)[path[path.length - 1] as string];
    return root;
  };
const replaced =
  (value: Json): Breaker =>
  () =>
    structuredClone(value);

/** The breakers of a string field: unstorable, of another type, and whatever else its rule refuses. */
const stringField = (path: string[], opts: { max?: number; required?: boolean; bad?: string[] } = {}) => {
  const list: fc.Arbitrary<Breaker>[] = [
    unstorable.map((v) => setAt(path, v)),
    wrongFor('string').map((v) => setAt(path, v)),
  ];
  if (opts.max)
    list.push(
      fc.integer({ min: opts.max + 1, max: opts.max + 3_000 }).map((n) => setAt(path, 'a'.repeat(n))),
    );
  if (opts.required) list.push(fc.constant(removeAt(path)));
  if (opts.bad) list.push(fc.constantFrom(...opts.bad).map((v) => setAt(path, v)));
  return list;
};
const numberField = (path: string[], bad: number[], required = true) => {
  const list: fc.Arbitrary<Breaker>[] = [
    wrongFor('number').map((v) => setAt(path, v)),
    fc.constantFrom(...bad).map((v) => setAt(path, v)),
  ];
  if (required) list.push(fc.constant(removeAt(path)));
  return list;
};

const deepJson = fc
  .tuple(fc.integer({ min: 33, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );
const brokenJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    '{a:1}',
    "{'a':1}",
    '{"a":1,}',
    '[1,2',
    'nul',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    '\ufeff{}',
    '1e999999',
    '"unterminated',
  ),
  anyText(200),
);
const otherJson = fc.oneof(fc.jsonValue({ maxDepth: 2 }), scalar).map((v) => JSON.stringify(v) ?? 'null');
const jsonTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON');
const otherTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/vnd.api+json',
  'foo/bar',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/octet-stream',
);
const hugeBody = fc.constant(`{"a":"${'x'.repeat(2 * 1024 * 1024 + 10)}"}`);

/** JSON bodies that an endpoint must refuse, built from a valid one. */
const jsonBodies = (template: Json, breakers: fc.Arbitrary<Breaker>[]) =>
  fc.oneof(
    {
      weight: 24,
      arbitrary: fc
        .tuple(
          fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(scalar, hostileText), { maxKeys: 2 }),
          jsonTypes,
        )
        .map(([bs, extra, type]) => {
          let body: Json = { ...extra, ...structuredClone(template) };
          for (const b of bs) body = b(body);
          return { payload: JSON.stringify(body), type };
        }),
    },
    { weight: 4, arbitrary: brokenJson.map((payload) => ({ payload, type: 'application/json' })) },
    { weight: 2, arbitrary: otherJson.map((payload) => ({ payload, type: 'application/json' })) },
    { weight: 2, arbitrary: deepJson.map((payload) => ({ payload, type: 'application/json' })) },
    { weight: 4, arbitrary: otherTypes.map((type) => ({ payload: JSON.stringify(template), type })) },
    {
      weight: 2,
      arbitrary: fc.constant({ payload: `${JSON.stringify(template)}garbage`, type: 'application/json' }),
    },
    { weight: 1, arbitrary: hugeBody.map((payload) => ({ payload, type: 'application/json' })) },
  );

// ---- URLs and headers -----------------------------------------------------------------------

const pctBytes = (max: number) =>
  fc
    .uint8Array({ maxLength: max })
    .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));
const urlText = fc.oneof(
  pctBytes(30),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom(
    '%00',
    '%ff',
    '%ED%A0%80',
    '%C0%80',
    '%',
    '%zz',
    '%E2%82',
    '+',
    '..',
    '%2e%2e',
    '__proto__',
    'constructor',
    '99999999999',
    '-1',
    '0x10',
    '1e3',
    'x'.repeat(3_000),
  ),
);
/** A path segment that matches no valid id or code of the endpoint. */
const badSegment = urlText.filter((s) => s.length > 0);
const query = (keys: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...keys, '__proto__', 'x[]', 'a[b]'), urlText),
        urlText,
        fc.boolean(),
      ),
      {
        maxLength: 5,
      },
    )
    .map((pairs) => pairs.map(([k, v, eq]) => (eq ? `${k}=${v}` : k)).join('&'));

/** A header value as it can reach the server: latin-1 bytes without controls. */
const headerText = (max: number) =>
  fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
      .map((c) => String.fromCharCode(c)),
    maxLength: max,
  });
const oddHeaders = fc.record(
  {
    'accept-language': fc.oneof(
      fc.constantFrom('en', 'id-ID', '*', ';;;', 'en;q=abc', ',,,', 'x'.repeat(4_000)),
      headerText(40),
    ),
    cookie: fc.oneof(
      fc.constantFrom(
        'garbage',
        'jaring_session=',
        'jaring_session=%00',
        '=;=;=',
        'jaring_csrf=a; jaring_csrf=b',
        'jaring_session=x'.repeat(300),
      ),
      headerText(80),
    ),
    'x-csrf-token': fc.oneof(fc.constant(''), headerText(40)),
    accept: fc.constantFrom('*/*', 'application/pdf', 'text/html', '', 'x'),
    'x-forwarded-for': headerText(30),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x'),
  },
  { requiredKeys: [] },
);

/**
 * An input: the session's cookies and CSRF header, with odd headers laid over them now and
 * then (a garbage cookie ends the session; a wrong token is a CSRF refusal).
 */
const withHeaders = (
  s: Session,
  parts: fc.Arbitrary<{ method: Input['method']; url: string; payload?: string | Buffer; type?: string }>,
) =>
  fc
    .tuple(parts, fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oddHeaders }))
    .map(([p, odd]): Input => {
      const headers: Record<string, string> = { cookie: s.cookie };
      if (p.method !== 'GET') headers['x-csrf-token'] = s.csrf;
      if (p.type !== undefined) headers['content-type'] = p.type;
      Object.assign(headers, odd ?? {});
      return {
        method: p.method,
        url: p.url,
        headers,
        ...(p.payload === undefined ? {} : { payload: p.payload }),
      };
    });
const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

// ---- multipart ------------------------------------------------------------------------------

const partSpec = (content: fc.Arbitrary<Buffer>) =>
  fc.record({
    name: fc.oneof(fc.constant('file'), fc.constant('x'), anyText(10), fc.constant('__proto__')),
    filename: fc.option(
      fc.oneof(fc.constantFrom('a.pdf', 'a.csv', 'a.xlsx', '', '../../x.csv'), anyText(30)),
      { freq: 5 },
    ),
    latin1: fc.boolean(),
    type: fc.option(fc.constantFrom('application/pdf', 'text/csv', 'application/json', 'x/y'), { freq: 2 }),
    content,
  });
const multipartBodies = (content: fc.Arbitrary<Buffer>) =>
  fc
    .record({
      boundary: fc.oneof(
        fc.constant('fuzz-boundary'),
        fc.string({ unit: fc.constantFrom(...'abcXYZ019-_'), minLength: 1, maxLength: 70 }),
        fc.constant('b'.repeat(300)),
      ),
      declared: fc.constantFrom('same', 'same', 'same', 'none', 'other', 'empty', 'quoted'),
      parts: fc.array(partSpec(content), { maxLength: 3 }),
      closing: fc.constantFrom('proper', 'proper', 'missing', 'garbage'),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 3 }),
      preamble: fc.option(fc.uint8Array({ maxLength: 40 }), { freq: 4 }),
    })
    .map((m) => {
      const type = {
        same: `multipart/form-data; boundary=${m.boundary}`,
        none: 'multipart/form-data',
        other: `multipart/form-data; boundary=${m.boundary}x`,
        empty: 'multipart/form-data; boundary=',
        quoted: `multipart/form-data; boundary="${m.boundary}"`,
      }[m.declared];
      const chunks: Buffer[] = [];
      if (m.preamble) chunks.push(Buffer.from(m.preamble), Buffer.from('\r\n'));
      for (const p of m.parts) {
        const disposition = `form-data; name="${p.name}"${p.filename === null ? '' : `; filename="${p.filename}"`}`;
        const head = `--${m.boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
        chunks.push(Buffer.from(head, p.latin1 ? 'latin1' : 'utf8'), p.content, Buffer.from('\r\n'));
      }
      if (m.closing === 'proper') chunks.push(Buffer.from(`--${m.boundary}--\r\n`));
      if (m.closing === 'garbage') chunks.push(Buffer.from(`--${m.boundary}-x\r\n\u0000`));
      let payload = Buffer.concat(chunks);
      if (m.cut !== null) payload = payload.subarray(0, Math.floor(payload.length * m.cut));
      return { payload, type };
    });
/** Upload bodies: broken or odd multipart most of the time, else something that is not multipart. */
const uploadBodies = (content: fc.Arbitrary<Buffer>) =>
  fc.oneof(
    { weight: 8, arbitrary: multipartBodies(content) },
    {
      weight: 1,
      arbitrary: fc.oneof(brokenJson, otherJson).map((payload) => ({ payload, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(otherTypes, fc.uint8Array({ maxLength: 200 }))
        .map(([type, bytes]) => ({ payload: Buffer.from(bytes), type })),
    },
  );
const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b));
/** File content no document rule accepts: never PDF, JPEG or PNG. */
const notADocument = bytes(3_000).map((b) => Buffer.concat([Buffer.from('Z'), b]));
/** File content every import refuses before it starts: an old .xls, or larger than the limit. */
const notAnImport = fc
  .integer({ min: 0, max: importLimit + 2_000 })
  .map((n) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(n, 0x41)]));

/** Content no LAPOR! import takes: random bytes, or text and JSON without the columns it needs. */
const laporGarbage = fc.oneof(
  bytes(2_000),
  fc
    .constantFrom(
      '',
      '\ufeff',
      'ID Laporan;Isi Laporan\n1;tanpa tanggal dan klasifikasi\n',
      '[]',
      '[1,2]',
      '{"data":{}}',
      '[{"ID Laporan":"1"}]',
      '"ID Laporan",\n"',
      'PK\u0003\u0004 bukan xlsx',
    )
    .map((t) => Buffer.from(t)),
);

// ---- the run --------------------------------------------------------------------------------

const tables = [
  'cases',
  'case_actions',
  'case_documents',
  'letters',
  'letter_counters',
  'logistics_dispositions',
  'registry_people',
  'registry_families',
  'registry_imports',
  'users',
  'user_roles',
  'units',
  'standards',
  'standard_revisions',
  'closed_days',
  'office_hours',
  'relief_tariffs',
  'relief_payouts',
  'survey_responses',
  'survey_questions',
  'complaints',
  'complaint_events',
  'complaint_files',
  'complaint_challenges_used',
  'open311_clients',
  'open311_requests',
  'complaint_breaches',
  'lapor_imports',
  'lapor_reports',
  'lapor_follow_ups',
  'lapor_settings',
];

const reliefRequest = {
  applicant: { name: 'Posko Banjir Malingping', phone: '0812' },
  areaCode: '36.02.01',
  description: 'Banjir merendam rumah warga; butuh makanan siap saji.',
};

const surveyAll4 = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };
const surveyBreakers = [
  wrongFor('object').map((v) => setAt(['answers'], v)),
  fc.constant(removeAt(['answers', 'U5'])),
  ...numberField(['answers', 'U1'], [0, 5, 2.5, -1]),
  wrongFor('object').map((v) => setAt(['profile'], v)),
  fc.constantFrom('X', '', 'laki').map((v) => setAt(['profile', 'sex'], v)),
  ...numberField(['profile', 'age'], [9, 121, 40.5], false),
  ...stringField(['comment'], { max: 1000 }),
  wrongFor('object').map((v) => setAt(['extra'], v)),
  ...stringField(['extra', '1'], { max: 1000, bad: ['e', 'mungkin'] }),
  fc.constantFrom('999999', 'abc', 'x'.repeat(21), '').map((k) => setAt(['extra', k], 'a')),
];

describe('fuzzing the HTTP boundary', () => {
  let t: TestApp;
  const sessions: Record<string, Session> = {};
  let caseId = 0;
  /** A valid Open311 key of Sragen: the bodies sent with it are broken, the key is not. */
  const open311Key = `j311_fuzz_${'f'.repeat(24)}`;
  let submittedId = 0;

  const sessionOf = (agent: Agent): Session => {
    const cookie = agent.cookieHeader();
    return { cookie, csrf: /jaring_csrf=([^;]+)/.exec(cookie)?.[1] ?? '' };
  };
  /** Row counts of the main tables, office hours and tariffs by content, and the audit head. */
  const snapshot = async () => {
    const counts = tables.map((name) => sql`(SELECT count(*) FROM ${sql.raw(name)})::text`);
    const [row] = await rows<{ state: string; seq: string | null; hash: string | null }>(
      t.database.db,
      sql`SELECT concat_ws(',', ${sql.join(counts, sql`, `)},
          (SELECT md5(coalesce(string_agg(unit_id || '=' || hours::text, ';' ORDER BY unit_id), '')) FROM office_hours),
          (SELECT md5(coalesce(string_agg(unit_id || distance_class || amount, ';' ORDER BY unit_id, distance_class), '')) FROM relief_tariffs)
        ) AS state,
        (SELECT max(seq)::text FROM audit_log) AS seq,
        (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash`,
    );
    return { state: row?.state ?? '', seq: Number(row?.seq ?? 0), hash: row?.hash ?? '' };
  };

  beforeAll(async () => {
    t = await createTestApp({
      JARING_PUBLIC_RATE_LIMIT: '100000',
      JARING_IMPORT_MAX_BYTES: String(importLimit),
    });
    const anonymous = new Agent(t.app, '10.250.0.1');
    await anonymous.get('/api/auth/csrf');
    sessions.anonymous = sessionOf(anonymous);
    for (const user of [
      'tarakan.fo',
      'tarakan.fungsional',
      'tarakan.kadis',
      'sragen.desa',
      'banten.fungsional',
      'tarakan.pengaduan',
      'lebak.operator',
    ])
      sessions[user] = sessionOf(await signedIn(t.app, user, '10.250.0.2'));
    const fo = await signedIn(t.app, 'tarakan.fo', '10.250.0.3');
    const opened = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti Rahma', nik: '6571015708900001' },
    });
    caseId = opened.json().id;
    sessions.admin = sessionOf(await signedIn(t.app, 'admin', '10.250.0.4'));
    await rows(
      t.database.db,
      sql`INSERT INTO open311_clients (unit_id, name, key_hash, key_prefix, created_at)
        SELECT id, 'Klien Fuzz', ${createHash('sha256').update(open311Key).digest('hex')}, 'j311_fuzz', now()
        FROM units WHERE code = 'sragen'`,
    );
    // A relief request Lebak submitted to the province, under an emergency that then ends: no
    // generated submission can open another.
    const kadis = await signedIn(t.app, 'banten.kadis', '10.250.0.4');
    const today = todayIn('Asia/Jakarta');
    const emergency = await kadis.post('/api/emergencies', {
      number: '360/FUZZ/1',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir uji',
      areas: ['36.02'],
      startsOn: today,
      endsOn: today,
    });
    const lebak = await signedIn(t.app, 'lebak.operator', '10.250.0.5');
    const submission = await lebak.post('/api/logistics/requests', reliefRequest);
    submittedId = submission.json().id;
    if (!submittedId) throw new Error(`no submission: ${submission.body}`);
    await kadis.post(`/api/emergencies/${emergency.json().id}/end`, {
      number: '360/FUZZ/2',
      decreedOn: today,
      declaredBy: 'gubernur',
    });
  });
  afterAll(() => t?.close());

  const get =
    (paths: fc.Arbitrary<string>, keys: string[] = ['lang']) =>
    (s: Session) =>
      withHeaders(
        s,
        fc.tuple(paths, query(keys)).map(([p, q]) => ({ method: 'GET' as const, url: withQuery(p, q) })),
      );
  const slugOrBad = fc.oneof(
    fc.constantFrom('sragen', 'tarakan', 'sembako', 'kehabisan-bekal', 'tidak-ada'),
    badSegment,
  );
  const caseUrl = (suffix: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(`/api/cases/${caseId}${suffix}`) },
      badSegment.map((b) => `/api/cases/${b}${suffix}`),
    );

  const format = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('json', 'xml') }, badSegment);
  /** An Open311 read: a valid, unknown or missing jurisdiction, then odd query parameters. */
  const open311Get = (paths: fc.Arbitrary<string>, keys: string[]) => (s: Session) =>
    withHeaders(
      s,
      fc
        .tuple(
          paths,
          fc.constantFrom('jurisdiction_id=sragen&', 'jurisdiction_id=tarakan&', 'jurisdiction_id=x&', ''),
          query(['jurisdiction_id', 'lang', ...keys]),
        )
        .map(([p, j, q]) => ({ method: 'GET' as const, url: `${p}?${j}${q}` })),
    );
  const open311Fields = [
    'api_key',
    'jurisdiction_id',
    'service_code',
    'description',
    'lat',
    'long',
    'email',
    'phone',
    'first_name',
    'media_url',
    'account_id',
    'attribute',
    'attribute[class]',
    'attribute[confidential]',
    'attribute[service_date]',
    'attribute[case_code]',
    'attribute[warna][]',
    'attribute[]',
    'attribute[__proto__]',
    '__proto__',
  ];
  /** Form bodies as the spec sends them: the fields, valid or hostile, and always something wrong. */
  const open311Forms = fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.constantFrom(...open311Fields),
          fc.oneof(hostileText, fc.constantFrom('pkh', 'sragen', 'aspirasi', 'true', '91', open311Key)),
        ),
        { maxLength: 8 },
      ),
      fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded; charset=utf-8',
        'application/x-www-form-urlencoded; charset=latin1',
      ),
    )
    .map(([pairs, type]) => ({
      // Never a description the rules accept: shorter than 10 characters or not text at all.
      payload: new URLSearchParams([...pairs, ['description', 'pendek']]).toString(),
      type,
    }));

  const targets = (): Target[] => [
    // Public: everything a stranger can reach.
    {
      route: 'GET /api/public/units',
      runs: 120,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.constant('/api/public/units')),
    },
    {
      route: 'GET /api/public/units/{unit}',
      runs: 150,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(slugOrBad.map((u) => `/api/public/units/${u}`)),
    },
    {
      route: 'GET /api/public/units/{unit}/emergencies',
      runs: 120,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc.oneof(slugOrBad, fc.constant('banten')).map((u) => `/api/public/units/${u}/emergencies`),
      ),
    },
    {
      route: 'GET /api/public/units/{unit}/emergencies/{id}',
      runs: 150,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc
          .tuple(
            fc.oneof(slugOrBad, fc.constant('banten')),
            fc.oneof(
              fc.constantFrom('1', '2', '0', '-1', '1.5', '2147483648', '99999999999999999999', '1e3'),
              badSegment,
            ),
          )
          .map(([u, id]) => `/api/public/units/${u}/emergencies/${id}`),
      ),
    },
    {
      route: 'GET /api/public/units/{unit}/standards/{id}',
      runs: 150,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.tuple(slugOrBad, slugOrBad).map(([u, id]) => `/api/public/units/${u}/standards/${id}`)),
    },
    {
      route: 'GET /api/public/units/{unit}/standards/{id}/pdf',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc
          .tuple(fc.oneof(fc.constant('tidak-ada'), badSegment), slugOrBad)
          .map(([u, id]) => `/api/public/units/${u}/standards/${id}/pdf`),
      ),
    },
    {
      route: 'GET /api/public/sippn',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.constant('/api/public/sippn'), ['unit', 'format', 'lang']),
    },
    {
      route: 'GET /api/public/track/{code}',
      runs: 150,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment).map((c) => `/api/public/track/${c}`)),
    },
    // The satisfaction survey: a token that names no case, a service the office does not offer.
    {
      route: 'GET /api/public/survey/{token}',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc.oneof(fc.constant('ABCDE-FGHJK-MNPQRS'), badSegment).map((c) => `/api/public/survey/${c}`),
      ),
    },
    {
      route: 'POST /api/public/survey/{token}',
      runs: 150,
      write: true,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies(
            { answers: surveyAll4, profile: { sex: 'L', age: 40 }, comment: 'baik' },
            surveyBreakers,
          ).map((b) => ({ method: 'POST' as const, url: '/api/public/survey/ABCDE-FGHJK-MNPQRS', ...b })),
        ),
    },
    {
      route: 'GET /api/public/units/{unit}/survey',
      runs: 60,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(slugOrBad.map((u) => `/api/public/units/${u}/survey`)),
    },
    {
      route: 'POST /api/public/units/{unit}/survey',
      runs: 150,
      write: true,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              slugOrBad,
              jsonBodies({ standardId: 999_999, answers: surveyAll4 }, [
                ...surveyBreakers,
                ...numberField(['standardId'], [0, -1, 1.5, 2 ** 40]),
              ]),
            )
            .map(([u, b]) => ({ method: 'POST' as const, url: `/api/public/units/${u}/survey`, ...b })),
        ),
    },
    {
      route: 'GET /api/public/units/{unit}/survey/index',
      runs: 60,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(slugOrBad.map((u) => `/api/public/units/${u}/survey/index`)),
    },
    {
      route: 'GET /api/public/track/{code}/survey',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment).map((c) => `/api/public/track/${c}/survey`),
      ),
    },
    {
      route: 'GET /api/public/verify/{code}',
      runs: 150,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.oneof(fc.constant('ABCDEFGH12'), badSegment).map((c) => `/api/public/verify/${c}`)),
    },
    {
      route: 'POST /api/public/verify/{code}',
      runs: 300,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(fc.oneof(fc.constant('ABCDEFGH12'), badSegment), uploadBodies(bytes(3_000)))
            .map(([code, b]) => ({ method: 'POST' as const, url: `/api/public/verify/${code}`, ...b })),
        ),
    },
    {
      route: 'GET /api/public/complaints/challenge',
      runs: 60,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.constant('/api/public/complaints/challenge')),
    },
    {
      route: 'GET /api/public/complaints/{code}',
      runs: 120,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment).map((c) => `/api/public/complaints/${c}`)),
    },
    {
      route: 'GET /api/public/complaints/{code}/receipt',
      runs: 80,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment).map((c) => `/api/public/complaints/${c}/receipt`),
      ),
    },
    {
      route: 'GET /api/public/complaints/{code}/decision',
      runs: 80,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(
        fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment).map((c) => `/api/public/complaints/${c}/decision`),
      ),
    },
    {
      route: 'POST /api/public/complaints/{code}/files',
      runs: 200,
      write: true,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(fc.oneof(fc.constant('ABCDE-FGHIJ'), badSegment), uploadBodies(notADocument))
            .map(([code, b]) => ({
              method: 'POST' as const,
              url: `/api/public/complaints/${code}/files`,
              ...b,
            })),
        ),
    },
    {
      // The challenge token is never valid here, so no generated input may file a complaint.
      route: 'POST /api/public/units/{unit}/complaints',
      runs: 250,
      write: true,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              slugOrBad,
              jsonBodies(
                {
                  class: 'pengaduan',
                  text: 'Bantuan belum diterima sampai hari ini.',
                  name: 'Warga',
                  contact: '0812',
                  confidential: true,
                  challenge: { token: `${'1'.repeat(13)}.abc.def`, answer: '7' },
                },
                [
                  ...stringField(['class'], { required: true, bad: ['PENGADUAN', ''] }),
                  ...stringField(['text'], { max: 5000, required: true, bad: ['', 'pendek'] }),
                  ...stringField(['name'], { max: 200 }),
                  ...stringField(['contact'], { max: 200 }),
                  ...stringField(['standardId'], { max: 80, bad: ['A B', '../x'] }),
                  ...stringField(['caseTrackingCode'], { bad: ['x', 'ABCDE_FGHIJ'] }),
                  ...stringField(['serviceDate'], { bad: ['2026-13-45', 'kemarin'] }),
                  wrongFor('string').map((v) => setAt(['confidential'], v)),
                  wrongFor('object').map((v) => setAt(['challenge'], v)),
                  ...stringField(['challenge', 'token'], { max: 400, required: true }),
                  ...stringField(['challenge', 'answer'], { max: 10, required: true }),
                ],
              ),
            )
            .map(([unit, b]) => ({
              method: 'POST' as const,
              url: `/api/public/units/${unit}/complaints`,
              ...b,
            })),
        ),
    },
    // Open311 GeoReport v2.
    {
      route: 'GET /open311/discovery.{format}',
      runs: 60,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(format.map((f) => `/open311/discovery.${f}`)),
    },
    {
      route: 'GET /open311/v2/services.{format}',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: open311Get(
        format.map((f) => `/open311/v2/services.${f}`),
        [],
      ),
    },
    {
      route: 'GET /open311/v2/services/{service_code}.{format}',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: open311Get(
        fc.tuple(slugOrBad, format).map(([c, f]) => `/open311/v2/services/${c}.${f}`),
        [],
      ),
    },
    {
      route: 'GET /open311/v2/requests.{format}',
      runs: 250,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: open311Get(
        format.map((f) => `/open311/v2/requests.${f}`),
        ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size'],
      ),
    },
    {
      route: 'GET /open311/v2/requests/{id}.{format}',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: open311Get(
        fc
          .tuple(fc.oneof(fc.constant('1'), badSegment), format)
          .map(([id, f]) => `/open311/v2/requests/${id}.${f}`),
        [],
      ),
    },
    {
      route: 'GET /open311/v2/tokens/{token}.{format}',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: open311Get(
        fc
          .tuple(fc.oneof(fc.constant('ABCDE-FGHJK'), badSegment), format)
          .map(([c, f]) => `/open311/v2/tokens/${c}.${f}`),
        [],
      ),
    },
    {
      route: 'POST /open311/v2/requests.{format}',
      runs: 300,
      write: true,
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc.oneof(
            fc
              .tuple(
                format,
                jsonBodies(
                  {
                    api_key: open311Key,
                    jurisdiction_id: 'sragen',
                    service_code: 'pkh',
                    description: 'Bantuan belum diterima sampai hari ini.',
                    lat: -7.4,
                    long: 111,
                    email: 'warga@example.org',
                    attribute: { class: 'pengaduan', confidential: 'true' },
                  },
                  [
                    ...stringField(['api_key'], { max: 200, bad: ['salah', ''] }),
                    ...stringField(['jurisdiction_id'], { max: 60, bad: ['tarakan', 'atlantis'] }),
                    ...stringField(['service_code'], { max: 80, required: true, bad: ['sembako', 'A B'] }),
                    ...stringField(['description'], { max: 4000, required: true, bad: ['pendek', '   '] }),
                    ...numberField(['lat'], [91, -90.5, 1e308], false),
                    ...numberField(['long'], [181, -181], false),
                    ...stringField(['email'], { max: 150, bad: ['bukan-surel', 'a@'] }),
                    ...stringField(['media_url'], { max: 2000, bad: ['ftp://x/y', 'javascript:alert(1)'] }),
                    wrongFor('object').map((v) => setAt(['attribute'], v)),
                    ...stringField(['attribute', 'class'], { bad: ['keluhan', 'PENGADUAN'] }),
                    ...stringField(['attribute', 'confidential'], { bad: ['ya', '1'] }),
                    ...stringField(['attribute', 'service_date'], { bad: ['2026-13-45', 'kemarin'] }),
                    fc
                      .constantFrom('warna', '__proto__', 'constructor')
                      .map((k) => setAt(['attribute', k], 'x')),
                  ],
                ),
              )
              .map(([f, b]) => ({ method: 'POST' as const, url: `/open311/v2/requests.${f}`, ...b })),
            fc
              .tuple(format, open311Forms)
              .map(([f, b]) => ({ method: 'POST' as const, url: `/open311/v2/requests.${f}`, ...b })),
          ),
        ),
    },
    {
      route: 'POST /api/auth/login',
      runs: 300,
      write: true,
      audits: ['auth.login_failed'],
      session: () => sessions.anonymous as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ username: 'sragen.kadis', password: 'bukan-sandinya' }, [
            ...stringField(['username'], { max: 100, required: true, bad: ['', '   '] }),
            ...stringField(['password'], { max: 200, required: true, bad: [''] }),
          ]).map((b) => ({ method: 'POST' as const, url: '/api/auth/login', ...b })),
        ),
    },
    {
      route: 'GET /api/auth/session',
      runs: 50,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.constant('/api/auth/session')),
    },
    {
      route: 'GET /api/auth/csrf',
      runs: 100,
      write: false,
      session: () => sessions.anonymous as Session,
      inputs: get(fc.constant('/api/auth/csrf')),
    },

    // Staff writes, by a user who holds the permission.
    {
      route: 'POST /api/cases',
      runs: 250,
      write: true,
      session: () => sessions['tarakan.fo'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies(
            {
              standardId: 'sembako',
              product: 'meninggal',
              applicant: { name: 'Siti Rahma', nik: '6571015708900001', phone: '0812' },
            },
            [
              ...stringField(['standardId'], {
                max: 80,
                required: true,
                bad: ['SEMBAKO', 'a b', '', '../x'],
              }),
              ...stringField(['product'], { max: 80, bad: ['MENINGGAL', '', 'a/b'] }),
              wrongFor('object').map((v) => setAt(['applicant'], v)),
              fc.constant(removeAt(['applicant'])),
              ...stringField(['applicant', 'name'], { max: 200, required: true, bad: ['', '   '] }),
              ...stringField(['applicant', 'nik'], { bad: ['123', 'x'.repeat(16), '65710157089000011', ''] }),
              ...stringField(['applicant', 'phone'], { max: 30 }),
              // Intake answers: sembako asks none, so any answer is refused, whatever its shape.
              wrongFor('object').map((v) => setAt(['intake'], v)),
              hostileText.map((v) => setAt(['intake', 'rawatInap'], v)),
              fc
                .constantFrom('toString', 'constructor', 'x'.repeat(81))
                .map((k) => setAt(['intake', k], true)),
              // Well-formed, refused by the rules: no such service or product.
              fc.constantFrom('tidak-ada', 'sembako-x').map((v) => setAt(['standardId'], v)),
              fc.constantFrom('tidak-ada').map((v) => setAt(['product'], v)),
            ],
          ).map((b) => ({ method: 'POST' as const, url: '/api/cases', ...b })),
        ),
    },
    {
      route: 'POST /api/cases/{id}/actions',
      runs: 250,
      write: true,
      session: () => sessions['tarakan.fungsional'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              caseUrl('/actions'),
              jsonBodies({ action: 'teruskan', version: 1, note: 'catatan' }, [
                ...stringField(['action'], { max: 80, required: true, bad: ['TERUSKAN', '', 'a b'] }),
                ...numberField(['version'], [0, -1, 1.5, 1e20, 2 ** 53]),
                ...stringField(['note'], { max: 2000 }),
                wrongFor('object').map((v) => setAt(['data'], v)),
                unstorable.map((k) => setAt(['data', k], 1)),
                fc.integer({ min: 40, max: 1_000 }).map((d) => {
                  let deep: unknown = 1;
                  for (let i = 0; i < d; i++) deep = { a: deep };
                  return setAt(['data'], deep);
                }),
                // Well-formed, refused by the rules: no such action, a stale version.
                fc.constantFrom('tidak-ada', 'setujui').map((v) => setAt(['action'], v)),
                fc.constantFrom(999, 2 ** 31 - 1).map((v) => setAt(['version'], v)),
              ]),
            )
            .map(([url, b]) => ({ method: 'POST' as const, url, ...b })),
        ),
    },
    {
      route: 'POST /api/cases/{id}/documents/{requirementId}',
      runs: 250,
      write: true,
      session: () => sessions['tarakan.fo'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              fc
                .oneof(fc.constant('kk-ktp'), fc.constant('tidak-ada'), badSegment)
                .chain((r) => caseUrl(`/documents/${r}`)),
              uploadBodies(notADocument),
            )
            .map(([url, b]) => ({ method: 'POST' as const, url, ...b })),
        ),
    },
    {
      route: 'POST /api/cases/{id}/documents/{documentId}/replacement',
      runs: 150,
      write: true,
      session: () => sessions['tarakan.fo'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              fc
                .oneof(fc.constant('1'), fc.constant('999999'), badSegment)
                .chain((d) => caseUrl(`/documents/${d}/replacement`)),
              uploadBodies(notADocument),
            )
            .map(([url, b]) => ({ method: 'POST' as const, url, ...b })),
        ),
    },
    {
      route: 'POST /api/logistics/requests',
      runs: 200,
      write: true,
      session: () => sessions['lebak.operator'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies(reliefRequest, [
            wrongFor('object').map((v) => setAt(['applicant'], v)),
            fc.constant(removeAt(['applicant'])),
            ...stringField(['applicant', 'name'], { max: 200, required: true, bad: ['', '   '] }),
            ...stringField(['applicant', 'phone'], { max: 30 }),
            hostileText.map((v) => setAt(['applicant', 'extra'], v)),
            ...stringField(['areaCode'], {
              max: 20,
              required: true,
              bad: ['', '36.01.01', '36', '36.02.99', 'Lebak', '../36.02'],
            }),
            ...stringField(['description'], { max: 2000, required: true, bad: ['', 'pendek'] }),
          ]).map((b) => ({ method: 'POST' as const, url: '/api/logistics/requests', ...b })),
        ),
    },
    {
      route: 'POST /api/submissions/{id}/documents/{requirementId}',
      runs: 200,
      write: true,
      session: () => sessions['lebak.operator'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              fc.oneof(fc.constant('permohonan'), fc.constant('tidak-ada'), badSegment),
              fc.oneof({ weight: 4, arbitrary: fc.constant(String(submittedId)) }, badSegment),
              uploadBodies(notADocument),
            )
            .map(([r, id, b]) => ({
              method: 'POST' as const,
              url: `/api/submissions/${id}/documents/${r}`,
              ...b,
            })),
        ),
    },
    {
      route: 'GET /api/submissions',
      runs: 100,
      write: false,
      session: () => sessions['lebak.operator'] as Session,
      inputs: get(fc.constant('/api/submissions'), ['after', 'limit']),
    },
    {
      route: 'GET /api/logistics/requests',
      runs: 150,
      write: false,
      session: () => sessions['banten.fungsional'] as Session,
      inputs: get(fc.constant('/api/logistics/requests'), ['status', 'emergencyId']),
    },
    {
      route: 'GET /api/logistics/distributions',
      runs: 100,
      write: false,
      session: () => sessions['banten.fungsional'] as Session,
      inputs: get(fc.constant('/api/logistics/distributions'), ['emergencyId']),
    },
    {
      route: 'GET /api/registry/people',
      runs: 250,
      write: false,
      session: () => sessions['sragen.desa'] as Session,
      inputs: get(fc.constant('/api/registry/people'), ['q', 'village', 'after', 'limit']),
    },
    {
      route: 'POST /api/registry/imports',
      runs: 250,
      write: true,
      audits: ['registry.import_rejected'],
      session: () => sessions['sragen.desa'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(query(['onError', 'onExisting']), uploadBodies(notAnImport))
            .map(([q, b]) => ({ method: 'POST' as const, url: withQuery('/api/registry/imports', q), ...b })),
        ),
    },
    {
      // Random bytes are never a LAPOR! file with its columns: every upload is refused whole.
      route: 'POST /api/complaints/lapor/imports',
      runs: 200,
      write: true,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          uploadBodies(laporGarbage).map((b) => ({
            method: 'POST' as const,
            url: '/api/complaints/lapor/imports',
            ...b,
          })),
        ),
    },
    {
      route: 'POST /api/complaints/lapor/imports/preview',
      runs: 150,
      write: true,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          uploadBodies(laporGarbage).map((b) => ({
            method: 'POST' as const,
            url: '/api/complaints/lapor/imports/preview',
            ...b,
          })),
        ),
    },
    {
      route: 'PUT /api/complaints/lapor/mapping',
      runs: 200,
      write: true,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ mapping: { columns: { 'No Tiket': 'laporId' }, classes: { Keluhan: 'pengaduan' } } }, [
            unstorable.map((k) => setAt(['mapping', 'columns', k], 'laporId')),
            unstorable.map((v) => setAt(['mapping', 'columns', 'No Tiket'], v)),
            fc
              .constantFrom('', ' ', 'x'.repeat(121))
              .map((k) => setAt(['mapping', 'classes', k], 'aspirasi')),
            fc
              .constantFrom('LaporId', 'tanggal', '', 'IGNORE')
              .map((v) => setAt(['mapping', 'columns', 'Tgl'], v)),
            fc
              .constantFrom('done', 'Verifikasi', '')
              .map((v) => setAt(['mapping', 'statuses', 'Selesai'], v)),
            wrongFor('object').map((v) => setAt(['mapping', 'columns'], v)),
            fc.constantFrom('jaring-lapor-2', '', 1).map((v) => setAt(['mapping', 'layout'], v)),
            fc.constant(setAt(['mapping', 'extra'], true)),
            fc.constant(removeAt(['mapping'])),
            fc
              .integer({ min: 201, max: 400 })
              .map((n) =>
                setAt(
                  ['mapping', 'columns'],
                  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'title'])),
                ),
              ),
          ]).map((b) => ({ method: 'PUT' as const, url: '/api/complaints/lapor/mapping', ...b })),
        ),
    },
    {
      // No complaint of Tarakan came from LAPOR!: a well-formed follow-up is refused as well.
      route: 'POST /api/complaints/{id}/lapor/follow-ups',
      runs: 150,
      write: true,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc
            .tuple(
              fc.oneof(
                { weight: 3, arbitrary: fc.constant('/api/complaints/1/lapor/follow-ups') },
                badSegment.map((b) => `/api/complaints/${b}/lapor/follow-ups`),
              ),
              jsonBodies({ text: 'Sudah kami tindak lanjuti bersama pendamping.' }, [
                ...stringField(['text'], { max: 4000, required: true, bad: ['', 'pendek'] }),
              ]),
            )
            .map(([url, b]) => ({ method: 'POST' as const, url, ...b })),
        ),
    },
    {
      // An export is audited: a GET that writes the audit log when it answers.
      route: 'GET /api/complaints/lapor/follow-ups.{format}',
      runs: 100,
      write: true,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: get(
        fc
          .oneof(fc.constantFrom('csv', 'xlsx'), badSegment)
          .map((f) => `/api/complaints/lapor/follow-ups.${f}`),
        ['from', 'to'],
      ),
    },
    {
      route: 'GET /api/complaints/stats',
      runs: 100,
      write: false,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: get(fc.constant('/api/complaints/stats'), ['from', 'to']),
    },
    {
      route: 'GET /api/complaints/stats.pdf',
      runs: 40,
      write: false,
      session: () => sessions['tarakan.pengaduan'] as Session,
      inputs: get(fc.constant('/api/complaints/stats.pdf'), ['from', 'to', 'lang']),
    },
    {
      route: 'PUT /api/calendar/hours',
      runs: 250,
      write: true,
      session: () => sessions['tarakan.kadis'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ '1': [{ start: '08:00', end: '16:00' }] }, [
            fc.constantFrom<Json>({}, { '1': [] }, { '1': [], '5': [] }).map(replaced),
            fc
              .constantFrom('0', '8', 'mon', '1.0', ' 1', '__proto__')
              .map((d) => setAt([d], [{ start: '08:00', end: '12:00' }])),
            fc
              .constantFrom(
                ['16:00', '08:00'],
                ['08:00', '08:00'],
                ['24:01', '25:00'],
                ['7:00', '12:00'],
                ['08:60', '09:00'],
                ['0800', '1200'],
                ['', ''],
              )
              .chain(([start, end]) =>
                fc.constantFrom('1', '2', '7').map((d) => setAt([d], [{ start, end }])),
              ),
            fc.constant(
              setAt(
                ['2'],
                [
                  { start: '08:00', end: '12:00' },
                  { start: '11:59', end: '15:00' },
                ],
              ),
            ),
            fc.constant(
              setAt(
                ['3'],
                Array.from({ length: 13 }, (_, i) => ({ start: `0${i % 10}:00`.slice(-5), end: '23:59' })),
              ),
            ),
            wrongFor('array').map((v) => setAt(['1'], v)),
            wrongFor('object').map((v) => setAt(['1'], [v])),
            unstorable.map((v) => setAt(['1'], [{ start: v, end: '16:00' }])),
            fc.constant(removeAt(['1', '0', 'end'])),
          ]).map((b) => ({ method: 'PUT' as const, url: '/api/calendar/hours', ...b })),
        ),
    },
    {
      route: 'PUT /api/relief/tariffs/{distanceClass}',
      runs: 200,
      write: true,
      session: () => sessions['tarakan.kadis'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          fc.oneof(
            fc
              .tuple(
                fc.constantFrom('dalam_provinsi', 'antar_pulau'),
                jsonBodies(
                  { amount: 150_000 },
                  numberField(['amount'], [-1, 1.5, 100_000_001, 1e20, 2 ** 31]),
                ),
              )
              .map(([c, b]) => ({ method: 'PUT' as const, url: `/api/relief/tariffs/${c}`, ...b })),
            badSegment.map((c) => ({
              method: 'PUT' as const,
              url: `/api/relief/tariffs/${c}`,
              payload: JSON.stringify({ amount: 150_000 }),
              type: 'application/json',
            })),
          ),
        ),
    },
    {
      route: 'POST /api/open311/clients',
      runs: 100,
      write: true,
      session: () => sessions.admin as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ name: 'Aplikasi Mitra' }, [
            ...stringField(['name'], { max: 100, required: true, bad: ['', 'ab', '   '] }),
          ]).map((b) => ({ method: 'POST' as const, url: '/api/open311/clients', ...b })),
        ),
    },
    {
      route: 'POST /api/survey/questions',
      runs: 150,
      write: true,
      session: () => sessions['tarakan.kadis'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ text: { id: 'Bagaimana kebersihan ruang tunggu?', en: 'Clean?' }, kind: 'scale' }, [
            ...stringField(['text', 'id'], { max: 300, required: true, bad: ['', 'Apa?', '    '] }),
            ...stringField(['text', 'en'], { max: 300 }),
            wrongFor('object').map((v) => setAt(['text'], v)),
            fc.constantFrom('bintang', '', 'SCALE', 'yes-no').map((v) => setAt(['kind'], v)),
            fc.constant(removeAt(['kind'])),
            fc
              .oneof(
                hostileText,
                scalar.filter((v) => typeof v !== 'boolean'),
              )
              .map((v) => setAt(['optional'], v)),
          ]).map((b) => ({ method: 'POST' as const, url: '/api/survey/questions', ...b })),
        ),
    },
    {
      route: 'POST /api/auth/password',
      runs: 150,
      write: true,
      session: () => sessions['banten.fungsional'] as Session,
      inputs: (s) =>
        withHeaders(
          s,
          jsonBodies({ currentPassword: 'jaring-demo-2026', newPassword: 'sandi-baru-yang-panjang' }, [
            ...stringField(['currentPassword'], { max: 200, required: true, bad: [''] }),
            ...stringField(['newPassword'], { max: 200, required: true, bad: ['', 'pendek', '123456789'] }),
          ]).map((b) => ({ method: 'POST' as const, url: '/api/auth/password', ...b })),
        ),
    },
  ];

  it('covers every public endpoint of the route table', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const publicRoutes = Object.entries(spec.paths)
      .filter(
        ([p]) =>
          p.startsWith('/api/public/') ||
          p.startsWith('/open311/') ||
          p === '/api/auth/login' ||
          p === '/api/auth/csrf' ||
          p === '/api/auth/session',
      )
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    const fuzzed = new Set(targets().map((x) => x.route));
    expect(publicRoutes.filter((r) => !fuzzed.has(r))).toEqual([]);
  });

  it('answers thousands of malformed inputs without a 5xx, and refusals change nothing', async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    let fiveHundreds = 0;
    let changed = 0;
    let accepted = 0;
    let base = await snapshot();
    for (const [index, target] of targets().entries()) {
      const inputs = fc.sample(target.inputs(target.session()), { seed: seed + index, numRuns: target.runs });
      for (const input of inputs) {
        sent++;
        const n = sent;
        const res = await t.app.inject({
          method: input.method,
          url: input.url,
          headers: input.headers,
          remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          ...(input.payload === undefined ? {} : { payload: input.payload }),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const shown = () =>
          `${target.route} #${n}: ${res.statusCode} ${input.method} ${input.url.slice(0, 120)} ${JSON.stringify(input.headers).slice(0, 200)} ${String(input.payload ?? '').slice(0, 200)} → ${res.body.slice(0, 200)}`;
        if (res.statusCode >= 500) {
          fiveHundreds++;
          failures.push(`5xx: ${shown()}`);
        }
        if (!target.write) continue;
        const now = await snapshot();
        if (res.statusCode < 300) {
          accepted++;
          base = now;
          continue;
        }
        let unchanged = now.state === base.state;
        if (now.hash !== base.hash) {
          const added = await rows<{ action: string }>(
            t.database.db,
            sql`SELECT action FROM audit_log WHERE seq > ${base.seq} ORDER BY seq`,
          );
          unchanged &&= added.every((a) => target.audits?.includes(a.action));
        }
        if (!unchanged) {
          changed++;
          failures.push(`changed: ${shown()}`);
        }
        base = now;
      }
    }
    const chain = await verifyAuditChain(t.database.db);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const answers = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${s}×${c}`)
      .join(' ');
    console.log(
      `fuzz: ${sent} inputs to ${targets().length} endpoints (seed ${seed}) in ${seconds}s; 5xx: ${fiveHundreds}; rows or audit changed by refused inputs: ${changed}; writes accepted: ${accepted}; audit chain ${chain.ok ? 'ok' : 'BROKEN'}; answers ${answers}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(chain.ok).toBe(true);
    expect(sent).toBeGreaterThanOrEqual(3_000);
  }, 300_000);
});
