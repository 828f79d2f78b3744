/**
 * Open311 GeoReport v2 over the complaints module: a jurisdiction is a unit (`jurisdiction_id`
 * = its code), a service is one of its standards in force, a service request is a complaint
 * (`service_request_id` = its id), a token is the tracking code on its receipt. Complaints are
 * filed through the complaints service, so they get the receipt, the agenda number, the routing
 * and the legal timers of every other channel; `expected_datetime` is the nearest due date of a
 * running timer.
 *
 * The GET answers are public. They never carry a complainant's name or contact, and the text,
 * place and media of a complaint only when an Open311 client sent it (whose users post to a
 * public service) and it is not confidential (Pasal 42(5)).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { findUnitByCode, findUnitById, listUnits } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { units } from '../auth/auth.tables.ts';
import { formatDateLong, todayIn } from '../core/dates.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import type { Language, Text } from '../core/i18n.ts';
import { maxId } from '../core/ids.ts';
import { maskNumbersInText } from '../core/privacy.ts';
import type { Db } from '../db/client.ts';
import { TimerDays } from './complaint-timers.ts';
import { standardsInForce } from './complaints.repository.ts';
import { type ComplaintEnv, fileOpen311Complaint, trackUrlOf } from './complaints.service.ts';
import type { ComplaintStatus, LegalTimer } from './complaints.tables.ts';
import * as repo from './open311.repository.ts';
import type {
  Open311Attribute,
  Open311Client,
  Open311ClientInput,
  Open311ClientList,
  Open311Created,
  Open311Discovery,
  Open311IssuedKey,
  Open311Request,
  Open311RequestInput,
  Open311RequestList,
  Open311RequestsQuery,
  Open311Service,
  Open311ServiceDefinition,
  Open311TokenAnswer,
} from './open311.schema.ts';
import { open311Clients, open311Requests } from './open311.tables.ts';

type UnitRow = typeof units.$inferSelect;

export type { Open311ClientRow } from './open311.repository.ts';

/** The spec's default window and its longest: 90 days; and its first 1000 requests. */
const windowDays = 90;
const dayMs = 86_400_000;
export const maxRequests = 1000;

const openStatuses: readonly ComplaintStatus[] = ['received', 'incomplete', 'complete', 'decided'];
const closedStatuses: readonly ComplaintStatus[] = ['delivered', 'withdrawn', 'archived'];

const pick = (lang: Language, text: Text) => text[lang];

// ---- time -----------------------------------------------------------------------------------

/** Minutes east of UTC of a zone at an instant (WIB +420). */
function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The spec's w3 datetime, in the unit's zone: `2026-12-01T09:00:00+07:00`. */
export function w3DateTime(at: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A w3 value as an instant; a date alone is the start of that day in the unit's zone (or its end). */
function instantOf(value: string, timeZone: string, endOfDay: boolean): Date {
  if (value.length > 10) return new Date(value);
  const midnight = Date.parse(`${value}T00:00:00Z`) + (endOfDay ? dayMs : 0);
  return new Date(midnight - offsetMinutes(timeZone, new Date(midnight)) * 60_000 - (endOfDay ? 1 : 0));
}

// ---- discovery ------------------------------------------------------------------------------

/** The date of this implementation of the endpoint: the changeset when no standard is newer. */
const implementedAt = new Date('2026-01-01T00:00:00Z');

/** GET discovery: where the GeoReport v2 endpoint is, its formats, and how to get a key. */
export async function open311Discovery(db: Db, env: ComplaintEnv, lang: Language): Promise<Open311Discovery> {
  const last = await repo.lastStandardChange(db);
  const changeset = (last && last > implementedAt ? last : implementedAt)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    changeset,
    contact: pick(lang, {
      id: 'Setiap unit (Dinas Sosial) adalah satu yurisdiksi; jurisdiction_id adalah kode unitnya. Hubungi unit yang bersangkutan.',
      en: 'Each unit (a social office) is one jurisdiction; jurisdiction_id is its code. Contact that unit.',
    }),
    key_service: pick(lang, {
      id: 'api_key diterbitkan oleh administrator unit di aplikasi staf (menu Open311), satu kunci per aplikasi mitra.',
      en: "api_key is issued by the unit's administrator in the staff app (Open311 menu), one key per partner app.",
    }),
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: open311Endpoint(env.publicUrl),
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

// ---- jurisdictions and services -------------------------------------------------------------

/**
 * The unit a request names. Required while the installation serves several units (the spec:
 * "only required if the endpoint serves multiple jurisdictions").
 */
async function jurisdictionOf(db: Db, jurisdictionId: string | undefined): Promise<UnitRow> {
  if (jurisdictionId === undefined) {
    const all = await listUnits(db);
    if (all.length === 1 && all[0]) return all[0];
    throw new DomainError('open311.jurisdiction_missing', { units: all.map((u) => u.code).join(', ') });
  }
  const unit = await findUnitByCode(db, jurisdictionId);
  if (!unit) throw new DomainError('open311.jurisdiction_unknown', { jurisdiction: jurisdictionId });
  return unit;
}

async function servicesOf(db: Db, unit: UnitRow) {
  return (await standardsInForce(db, unit)).sort((a, b) => a.id.localeCompare(b.id));
}

/** GET services: the jurisdiction's standards in force, each a service taking complaints. */
export async function listOpen311Services(
  db: Db,
  jurisdictionId: string | undefined,
  lang: Language,
): Promise<Open311Service[]> {
  const unit = await jurisdictionOf(db, jurisdictionId);
  const noComma = (s: string) => s.replace(/,/g, ' ').trim();
  return (await servicesOf(db, unit)).map((s) => ({
    service_code: s.id,
    service_name: s.name,
    description:
      lang === 'en'
        ? `Complaints, suggestions and requests for information about the service ${s.name} (${s.division.name}, ${unit.name}).`
        : `Pengaduan, aspirasi dan permintaan informasi tentang layanan ${s.name} (${s.division.name}, ${unit.name}).`,
    // Every service has the definition below: the kind of complaint, confidentiality and the rest.
    metadata: true,
    // The complaint, its receipt and its number are made while the client waits.
    type: 'realtime' as const,
    keywords: [
      ...s.delivery.products.map((p) => noComma(p.name)),
      ...(lang === 'en'
        ? ['complaint', 'suggestion', 'information request']
        : ['pengaduan', 'aspirasi', 'permintaan informasi']),
    ].join(', '),
    group: s.division.name,
  }));
}

/** The service definition's attributes: the same for every service, the complaint's own fields. */
function serviceAttributes(lang: Language): Open311Attribute[] {
  return [
    {
      variable: true,
      code: 'class',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 1,
      description: pick(lang, {
        id: 'Jenis: pengaduan, aspirasi atau permintaan informasi (bila kosong: pengaduan).',
        en: 'Kind: a complaint, a suggestion or a request for information (if empty: a complaint).',
      }),
      values: [
        { key: 'pengaduan', name: pick(lang, { id: 'Pengaduan', en: 'Complaint' }) },
        { key: 'aspirasi', name: pick(lang, { id: 'Aspirasi', en: 'Suggestion' }) },
        {
          key: 'permintaan_informasi',
          name: pick(lang, { id: 'Permintaan informasi', en: 'Request for information' }),
        },
      ],
    },
    {
      variable: true,
      code: 'confidential',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 2,
      description: pick(lang, {
        id: 'Rahasiakan identitas pengadu (UU 25/2009 Pasal 42 ayat (5)): nama dan kontak hanya dilihat pejabat pengelola pengaduan, dan isi pengaduan tidak ditampilkan di sini.',
        en: "Keep the complainant's identity confidential (Law 25/2009 art. 42(5)): name and contact are seen by the complaint officer only, and the complaint's text is not shown here.",
      }),
      values: [
        { key: 'false', name: pick(lang, { id: 'Tidak', en: 'No' }) },
        { key: 'true', name: pick(lang, { id: 'Ya', en: 'Yes' }) },
      ],
    },
    {
      variable: true,
      code: 'service_date',
      datatype: 'datetime',
      required: false,
      datatype_description: pick(lang, {
        id: 'Tanggal (YYYY-MM-DD) atau tanggal dan waktu ISO 8601',
        en: 'A date (YYYY-MM-DD) or an ISO 8601 date and time',
      }),
      order: 3,
      description: pick(lang, {
        id: 'Tanggal layanan yang diadukan; pengaduan lebih dari 30 hari sesudahnya ditandai terlambat (Pasal 42 ayat (2)).',
        en: 'The date of the service complained about; a complaint more than 30 days after it is flagged as late (art. 42(2)).',
      }),
    },
    {
      variable: true,
      code: 'case_code',
      datatype: 'string',
      required: false,
      datatype_description: pick(lang, {
        id: 'Kode pelacakan permohonan, mis. ABCDE-FGHJK',
        en: "The application's tracking code, e.g. ABCDE-FGHJK",
      }),
      order: 4,
      description: pick(lang, {
        id: 'Kode pelacakan permohonan layanan yang diadukan, bila ada.',
        en: 'The tracking code of the application complained about, if any.',
      }),
    },
  ];
}

/** GET services/{service_code}. */
export async function open311ServiceDefinition(
  db: Db,
  jurisdictionId: string | undefined,
  serviceCode: string,
  lang: Language,
): Promise<Open311ServiceDefinition> {
  const unit = await jurisdictionOf(db, jurisdictionId);
  if (!(await servicesOf(db, unit)).some((s) => s.id === serviceCode))
    throw new DomainError('open311.service_unknown', { service: serviceCode, unit: unit.name });
  return { service_code: serviceCode, attributes: serviceAttributes(lang) };
}

// ---- keys -----------------------------------------------------------------------------------

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** The client holding a key that is not revoked, or `open311.key_invalid`. */
export async function clientOfKey(db: Db, key: unknown): Promise<repo.Open311ClientRow> {
  const client =
    typeof key === 'string' && key.length > 0 && key.length <= 200
      ? await repo.findActiveClientByHash(db, hashKey(key))
      : undefined;
  if (!client) throw new DomainError('open311.key_invalid');
  return client;
}

// ---- requests -------------------------------------------------------------------------------

const dayWord = (env: ComplaintEnv, timer: LegalTimer, lang: Language) =>
  env.settings[timer] === 'working'
    ? pick(lang, { id: 'hari kerja', en: 'working days' })
    : pick(lang, { id: 'hari', en: 'days' });

/** The legal rule of the timer a complaint in this status runs on (UU 25/2009). */
function noticeOf(status: ComplaintStatus, env: ComplaintEnv, lang: Language): string | null {
  const days = (timer: LegalTimer) => `${TimerDays[timer]} ${dayWord(env, timer, lang)}`;
  switch (status) {
    case 'received':
      return lang === 'en'
        ? `Completeness is decided within ${days('completeness')} of receipt (Law 25/2009 art. 44(3)).`
        : `Kelengkapan diputuskan paling lambat ${days('completeness')} sejak diterima (UU 25/2009 Pasal 44 ayat (3)).`;
    case 'incomplete':
      return lang === 'en'
        ? `The complainant has ${days('completion')} to complete it, else it counts as withdrawn (art. 44(4–5)).`
        : `Pengadu melengkapinya paling lambat ${days('completion')}; bila tidak, dianggap dicabut (Pasal 44 ayat (4–5)).`;
    case 'complete':
      return lang === 'en'
        ? `A decision within ${days('decision')} of completeness (art. 50(1)).`
        : `Keputusan paling lambat ${days('decision')} sejak pengaduan lengkap (Pasal 50 ayat (1)).`;
    case 'decided':
      return lang === 'en'
        ? `The decision is delivered within ${days('delivery')} (art. 50(2)).`
        : `Keputusan disampaikan paling lambat ${days('delivery')} (Pasal 50 ayat (2)).`;
    default:
      return null;
  }
}

const statusNotes: Readonly<Record<ComplaintStatus, Text>> = {
  received: {
    id: 'Diterima; kelengkapannya sedang diperiksa.',
    en: 'Received; its completeness is being checked.',
  },
  incomplete: {
    id: 'Belum lengkap; menunggu pengadu melengkapinya.',
    en: 'Incomplete; waiting for the complainant to complete it.',
  },
  complete: { id: 'Lengkap; sedang ditangani.', en: 'Complete; being handled.' },
  decided: {
    id: 'Sudah diputuskan; keputusan sedang disampaikan.',
    en: 'Decided; the decision is being delivered.',
  },
  delivered: {
    id: 'Selesai: keputusan telah disampaikan kepada pengadu.',
    en: 'Closed: the decision has been delivered to the complainant.',
  },
  withdrawn: {
    id: 'Dianggap dicabut: tidak dilengkapi dalam batas waktunya (Pasal 44 ayat (5)).',
    en: 'Counted as withdrawn: not completed in time (art. 44(5)).',
  },
  archived: { id: 'Diarsipkan.', en: 'Archived.' },
};

function requestView(
  r: repo.Open311RequestRow,
  serviceNames: ReadonlyMap<string, string>,
  env: ComplaintEnv,
  lang: Language,
): Open311Request {
  const c = r.complaint;
  const closed = closedStatuses.includes(c.status);
  // Shown only as its Open311 client sent it to a public service, and never when confidential.
  const shown = r.sent !== null && c.channel === 'open311' && !c.confidential ? r.sent : null;
  const at = (d: Date) => w3DateTime(d, r.timeZone);
  return {
    service_request_id: c.id,
    status: closed ? 'closed' : 'open',
    status_notes: pick(lang, statusNotes[c.status]),
    service_name: c.standardSlug ? (serviceNames.get(c.standardSlug) ?? c.standardSlug) : null,
    service_code: c.standardSlug,
    description: shown ? maskNumbersInText(c.text).slice(0, 4000) : null,
    agency_responsible: r.divisionName ? `${r.divisionName}, ${r.unitName}` : r.unitName,
    service_notice: noticeOf(c.status, env, lang),
    requested_datetime: at(c.receivedAt),
    updated_datetime: at(c.updatedAt),
    expected_datetime: !closed && c.nextDueAt ? at(c.nextDueAt) : null,
    address: shown?.addressString ?? null,
    address_id: shown?.addressId ?? null,
    zipcode: null,
    lat: shown?.lat ?? null,
    long: shown?.long ?? null,
    media_url: shown?.mediaUrl ?? null,
  };
}

async function serviceNamesOf(db: Db, unit: UnitRow): Promise<Map<string, string>> {
  return new Map((await servicesOf(db, unit)).map((s) => [s.id, s.name]));
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** GET requests: by ids (which override every other argument), or a window of the jurisdiction's. */
export async function listOpen311Requests(
  db: Db,
  env: ComplaintEnv,
  q: Open311RequestsQuery,
  lang: Language,
): Promise<Open311RequestList> {
  const unit = await jurisdictionOf(db, q.jurisdiction_id);
  const names = await serviceNamesOf(db, unit);
  const problems: Problem[] = [];
  const ids = listOf(q.service_request_id);
  if (ids.length > 0) {
    const numbers = ids.map(Number);
    ids.forEach((id, i) => {
      const n = numbers[i] ?? Number.NaN;
      if (!/^\d{1,10}$/.test(id) || n < 1 || n > maxId)
        problems.push(
          problemIn('querystring.service_request_id', {
            id: `"${id.slice(0, 20)}" bukan nomor permintaan`,
            en: `"${id.slice(0, 20)}" is not a request number`,
          }),
        );
    });
    if (numbers.length > maxRequests)
      problems.push(
        problemIn('querystring.service_request_id', {
          id: `paling banyak ${maxRequests} nomor`,
          en: `at most ${maxRequests} numbers`,
        }),
      );
    if (problems.length > 0) throw new ValidationError('request.invalid', problems);
    const rows = await repo.requestsByIds(db, unit.id, [...new Set(numbers)]);
    return rows.map((r) => requestView(r, names, env, lang));
  }

  const statuses = listOf(q.status);
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed')
      problems.push(
        problemIn('querystring.status', {
          id: `"${s.slice(0, 20)}" bukan open atau closed`,
          en: `"${s.slice(0, 20)}" is not open or closed`,
        }),
      );
  if (problems.length > 0) throw new ValidationError('request.invalid', problems);
  const start = q.start_date ? instantOf(q.start_date, unit.timeZone, false) : undefined;
  const end = q.end_date ? instantOf(q.end_date, unit.timeZone, true) : undefined;
  const to = end ?? (start ? new Date(start.getTime() + windowDays * dayMs) : env.now());
  const from = start ?? new Date(to.getTime() - windowDays * dayMs);
  if (to < from)
    throw new DomainError('open311.range_reversed', { start: q.start_date ?? '', end: q.end_date ?? '' });
  if (to.getTime() - from.getTime() > windowDays * dayMs)
    throw new DomainError('open311.range_too_long', { days: windowDays });
  const wanted = new Set(statuses);
  const pageSize = q.page_size ?? maxRequests;
  const codes = listOf(q.service_code);
  const rows = await repo.requestsOfUnit(db, {
    unitId: unit.id,
    from,
    to,
    serviceCodes: codes.length > 0 ? codes : null,
    statuses: wanted.size === 1 ? (wanted.has('open') ? openStatuses : closedStatuses) : null,
    limit: pageSize,
    offset: ((q.page ?? 1) - 1) * pageSize,
  });
  return rows.map((r) => requestView(r, names, env, lang));
}

/** GET requests/{id}. */
export async function getOpen311Request(
  db: Db,
  env: ComplaintEnv,
  jurisdictionId: string | undefined,
  id: number,
  lang: Language,
): Promise<Open311RequestList> {
  const unit = await jurisdictionOf(db, jurisdictionId);
  const [row] = await repo.requestsByIds(db, unit.id, [id]);
  if (!row) throw new DomainError('open311.request_unknown', { id });
  return [requestView(row, await serviceNamesOf(db, unit), env, lang)];
}

/**
 * GET tokens/{token}: the request of a receipt's tracking code. Requests here are realtime, so
 * POST answers with the id and no token; the receipt's code (given to a complainant of any
 * channel) is what a client can turn into the id. It maps a secret to a public number only.
 */
export async function open311Token(
  db: Db,
  jurisdictionId: string | undefined,
  token: string,
): Promise<Open311TokenAnswer> {
  const unit = await jurisdictionOf(db, jurisdictionId);
  const code = token.toUpperCase();
  const row = await repo.requestByTrackingCode(db, unit.id, code);
  if (!row) throw new DomainError('open311.token_unknown', { token });
  return [{ service_request_id: row.complaint.id, token: code }];
}

/** The actor of an Open311 client's writes in the audit trail. */
function clientActor(client: repo.Open311ClientRow, request: { ip: string; requestId: string }): Actor {
  return {
    userId: null,
    username: `open311-client-${client.id}`,
    role: 'open311_client',
    unitId: client.unitId,
    ip: request.ip,
    requestId: request.requestId,
  };
}

/** The complaint's date of service from the attribute: a date, or the day of a datetime in the unit's zone. */
function serviceDateOf(value: string | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  return value.length === 10 ? value : todayIn(timeZone, new Date(value));
}

/** POST requests: files a complaint for the key's client, in the key's jurisdiction. */
export async function fileOpen311Request(
  db: Db,
  env: ComplaintEnv,
  client: repo.Open311ClientRow,
  input: Open311RequestInput,
  request: { ip: string; requestId: string },
  lang: Language,
): Promise<Open311Created> {
  // A key files into one jurisdiction: the one it names by default.
  const unit =
    input.jurisdiction_id === undefined
      ? await findUnitById(db, client.unitId)
      : await jurisdictionOf(db, input.jurisdiction_id);
  if (!unit) throw new DomainError('open311.key_invalid');
  if (unit.id !== client.unitId)
    throw new DomainError('open311.key_wrong_jurisdiction', { jurisdiction: unit.code });
  if (!(await servicesOf(db, unit)).some((s) => s.id === input.service_code))
    throw new DomainError('open311.service_unknown', { service: input.service_code, unit: unit.name });
  const a = input.attribute ?? {};
  const now = env.now();
  const receipt = await fileOpen311Complaint(db, env, {
    unit,
    fields: {
      class: a.class ?? 'pengaduan',
      text: input.description,
      standardId: input.service_code,
      ...(a.case_code ? { caseTrackingCode: a.case_code.toUpperCase() } : {}),
      ...(a.service_date ? { serviceDate: serviceDateOf(a.service_date, unit.timeZone) } : {}),
      name: [input.first_name, input.last_name].filter(Boolean).join(' '),
      contact: [input.email, input.phone].filter(Boolean).join(', '),
      confidential: a.confidential === 'true',
    },
    actor: clientActor(client, request),
    within: async (tx, complaintId) => {
      await tx.insert(open311Requests).values({
        complaintId,
        clientId: client.id,
        lat: input.lat ?? null,
        long: input.long ?? null,
        addressString: input.address_string ?? null,
        addressId: input.address_id ?? null,
        deviceId: input.device_id ?? null,
        accountId: input.account_id ?? null,
        mediaUrl: input.media_url ?? null,
        attributes: { ...a },
      });
      await tx.update(open311Clients).set({ lastUsedAt: now }).where(eq(open311Clients.id, client.id));
    },
  });
  const due = receipt.timers.find((t) => t.timer === 'completeness')?.due;
  // A due date is the end of its last day: the day shown is the one before that instant.
  const dueDate = due ? formatDateLong(todayIn(unit.timeZone, new Date(Date.parse(due) - 1)), lang) : null;
  const track = trackUrlOf(env.publicUrl, receipt.trackingCode);
  const notice =
    lang === 'en'
      ? `Received with agenda number ${receipt.agendaNumber} and tracking code ${receipt.trackingCode} (${track}).${dueDate ? ` Completeness is decided by ${dueDate} (Law 25/2009 art. 44(3)).` : ''}`
      : `Diterima dengan nomor agenda ${receipt.agendaNumber} dan kode pelacakan ${receipt.trackingCode} (${track}).${dueDate ? ` Kelengkapan diputuskan paling lambat ${dueDate} (UU 25/2009 Pasal 44 ayat (3)).` : ''}`;
  return [{ service_request_id: receipt.id, service_notice: notice, account_id: input.account_id ?? null }];
}

// ---- the administrator's keys ---------------------------------------------------------------

const clientView = (r: Awaited<ReturnType<typeof repo.clientsOfUnit>>[number]): Open311Client => ({
  id: r.client.id,
  name: r.client.name,
  keyPrefix: r.client.keyPrefix,
  createdAt: r.client.createdAt.toISOString(),
  createdBy: r.createdBy,
  lastUsedAt: r.client.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.client.revokedAt?.toISOString() ?? null,
  revokedBy: r.revokedBy,
  requests: r.requests,
});

export const open311Endpoint = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/open311/v2`;

export async function listOpen311Clients(
  db: Db,
  ctx: AuthContext,
  publicUrl: string,
): Promise<Open311ClientList> {
  return {
    jurisdictionId: ctx.unit.code,
    endpoint: open311Endpoint(publicUrl),
    clients: (await repo.clientsOfUnit(db, ctx.unit.id)).map(clientView),
  };
}

async function clientViewOf(db: Db, unitId: number, id: number): Promise<Open311Client> {
  const row = (await repo.clientsOfUnit(db, unitId)).find((r) => r.client.id === id);
  if (!row) throw new DomainError('open311.client_not_found');
  return clientView(row);
}

/** Issues a key for a new client of the unit; the key is in this answer only, its hash in the database. */
export async function issueOpen311Key(
  db: Db,
  ctx: AuthContext,
  input: Open311ClientInput,
  actor: Actor,
  now: Date,
): Promise<Open311IssuedKey> {
  const apiKey = `j311_${randomBytes(24).toString('base64url')}`;
  const keyPrefix = apiKey.slice(0, 9);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Clients)
      .values({
        unitId: ctx.unit.id,
        name: input.name,
        keyHash: hashKey(apiKey),
        keyPrefix,
        createdAt: now,
        createdBy: ctx.user.id,
      })
      .returning({ id: open311Clients.id });
    if (!row) throw new Error('insert open311 client returned nothing');
    await recordAudit(tx, actor, {
      action: 'open311.key_issue',
      entity: 'open311_client',
      entityId: row.id,
      unitId: ctx.unit.id,
      after: { name: input.name, keyPrefix },
    });
    return row.id;
  });
  return { client: await clientViewOf(db, ctx.unit.id, id), apiKey };
}

/** Revokes a client's key at once: its next request is refused (403). */
export async function revokeOpen311Key(
  db: Db,
  ctx: AuthContext,
  id: number,
  actor: Actor,
  now: Date,
): Promise<Open311Client> {
  await db.transaction(async (tx) => {
    const client = await repo.findClientOfUnit(tx, ctx.unit.id, id);
    if (!client) throw new DomainError('open311.client_not_found');
    // Conditional, so that of two revocations at once one is told the key was already revoked.
    const revoked = await tx
      .update(open311Clients)
      .set({ revokedAt: now, revokedBy: ctx.user.id })
      .where(and(eq(open311Clients.id, id), isNull(open311Clients.revokedAt)))
      .returning({ id: open311Clients.id });
    if (revoked.length === 0) throw new DomainError('open311.client_revoked');
    await recordAudit(tx, actor, {
      action: 'open311.key_revoke',
      entity: 'open311_client',
      entityId: id,
      unitId: ctx.unit.id,
      before: { name: client.name, keyPrefix: client.keyPrefix },
      after: { revokedAt: now.toISOString() },
    });
  });
  return clientViewOf(db, ctx.unit.id, id);
}
