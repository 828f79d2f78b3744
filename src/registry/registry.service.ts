import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { type AuthContext, actorOf, type ClientInfo } from '../auth/auth.service.ts';
import { offsetMinutes } from '../core/calendar.ts';
import { DomainError } from '../core/errors.ts';
import { maskKk, maskNik } from '../core/privacy.ts';
import { childrenOf, displayName, getVillage, normaliseRegionCode, regionPath } from '../core/regions.ts';
import { type Db, rows } from '../db/client.ts';
import {
  columnOf,
  FamilyFields,
  headerOf,
  labelOf,
  PersonFields,
  readSearchBox,
} from './registry.columns.ts';
import type {
  FamilyMember,
  FamilyView,
  HistoryEntry,
  PersonListItem,
  RegisterSummary,
  RegisterTotals,
  SearchQuery,
  SearchResult,
  VillageChoice,
} from './registry.schema.ts';

/**
 * Reading the register: search, a family with its members and history, the state on a past
 * date, revealing a full number. Every read is limited to the unit's region, and a village
 * operator's to their village (UU 27/2022: the least data the task needs).
 */
export interface Scope {
  /** `33.14.` — village codes of the unit start with it. */
  prefix: string;
  /** A village operator's village. */
  village: string | null;
}

export function scopeOf(ctx: AuthContext): Scope {
  const operator = ctx.roles.includes('operator_desa') && !ctx.roles.some((r) => r === 'admin');
  if (operator && !ctx.user.villageCode) throw new DomainError('registry.village_forbidden');
  return { prefix: `${ctx.unit.regionCode}.`, village: operator ? (ctx.user.villageCode ?? null) : null };
}

export function inScope(scope: Scope, villageCode: string): boolean {
  return villageCode.startsWith(scope.prefix) && (!scope.village || villageCode === scope.village);
}

interface PersonRowDb {
  id: string | number;
  family_id: string | number;
  nik: string;
  kk: string;
  name: string;
  sex: string;
  birth_date: string | Date;
  relationship: string;
  village_code: string;
  alive: boolean;
  score?: number | string;
}

const isoDate = (d: string | Date) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

function toItem(r: PersonRowDb): PersonListItem {
  return {
    id: Number(r.id),
    familyId: Number(r.family_id),
    nik: maskNik(r.nik),
    kk: maskKk(r.kk),
    name: r.name,
    sex: r.sex,
    birthDate: isoDate(r.birth_date),
    relationship: r.relationship,
    relationshipLabel: labelOf('relationship', r.relationship),
    villageCode: r.village_code,
    villageName: getVillage(r.village_code)?.name ?? r.village_code,
    alive: r.alive,
    ...(r.score !== undefined ? { score: Number(r.score) } : {}),
  };
}

const encodeCursor = (parts: Array<string | number>) =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeCursor(cursor: string): Array<string | number> {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string' || typeof p === 'number'))
      return parts;
  } catch {
    // fall through
  }
  throw new DomainError('registry.cursor_invalid');
}

const personColumns = sql.raw(
  'p.id, p.family_id, p.nik, f.kk, p.name, p.sex, p.birth_date::text AS birth_date, p.relationship, p.village_code, p.alive',
);

/** A village code from a request, checked to exist and to lie in the caller's scope. */
export function checkVillage(scope: Scope, input: string): string {
  const village = normaliseRegionCode(input);
  if (!village || !getVillage(village)) throw new DomainError('registry.invalid', { village: input });
  if (!inScope(scope, village)) throw new DomainError('registry.village_forbidden');
  return village;
}

/** A search box that can be searched (`readSearchBox`), or the refusal of one that cannot. */
export function searchTerm(input: string | undefined) {
  const term = readSearchBox(input);
  if (term.kind === 'wrong_length') throw new DomainError('registry.search_digits', { q: term.digits });
  if (term.kind === 'too_short') throw new DomainError('registry.search_short');
  return term;
}

/**
 * The rows a selection covers (a village, or the whole scope), for search, export and totals
 * alike; `column` is the village code column to filter.
 */
export function villageFilter(scope: Scope, village?: string, column = 'p.village_code') {
  const code = scope.village ?? village;
  const c = sql.raw(column);
  return code ? sql`${c} = ${code}` : sql`${c} LIKE ${`${scope.prefix}%`}`;
}

/** One page of `limit` rows out of `limit + 1` fetched, with the cursor of its last row. */
function pageOf(
  found: PersonRowDb[],
  limit: number,
  mode: SearchResult['mode'],
  cursor: (last: PersonRowDb) => Array<string | number>,
): SearchResult {
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    people: page.map(toItem),
    mode,
    ...(found.length > limit && last ? { next: encodeCursor(cursor(last)) } : {}),
  };
}

/**
 * Search by NIK or KK number (16 digits, exact), by name (trigram similarity, typo-tolerant),
 * or list a village; pages by keyset (never OFFSET), so page 500 costs what page 1 costs.
 */
export async function searchPeople(db: Db, scope: Scope, query: SearchQuery): Promise<SearchResult> {
  const limit = query.limit;
  const term = searchTerm(query.q);
  const village = query.village ? checkVillage(scope, query.village) : undefined;
  const where = villageFilter(scope, village);
  const after = query.after ? decodeCursor(query.after) : undefined;

  if (term.kind === 'id') {
    const afterId = after ? Number(after[0]) : 0;
    const found = await rows<PersonRowDb>(
      db,
      sql`SELECT ${personColumns} FROM registry_people p JOIN registry_families f ON f.id = p.family_id
        WHERE p.nik = ${term.digits} AND ${where} AND p.id > ${afterId}
        UNION
        SELECT ${personColumns} FROM registry_families f JOIN registry_people p ON p.family_id = f.id
        WHERE f.kk = ${term.digits} AND ${where} AND p.id > ${afterId}
        ORDER BY id LIMIT ${limit + 1}`,
    );
    const mode = found.some((r) => r.nik === term.digits) ? 'nik' : 'kk';
    return pageOf(found, limit, mode, (last) => [Number(last.id)]);
  }

  if (term.kind === 'name') {
    // Distinct names are matched by trigrams and ordered by score; each name's people follow in
    // id order, read through an index only until the page is full. Equal scores are ordered by
    // name, then id, so a page boundary loses and repeats nothing.
    const nameCursor = after
      ? sql`AND (similarity(name, ${term.text}) < ${Number(after[0])}
          OR (similarity(name, ${term.text}) = ${Number(after[0])} AND name >= ${String(after[1])}))`
      : sql``;
    const idCursor = after ? sql`AND (n.name <> ${String(after[1])} OR p.id > ${Number(after[2])})` : sql``;
    const found = await rows<PersonRowDb>(
      db,
      sql`SELECT ${personColumns}, n.score FROM
          (SELECT name, similarity(name, ${term.text}) AS score FROM registry_names
            WHERE name % ${term.text} ${nameCursor} ORDER BY score DESC, name) n
        CROSS JOIN LATERAL (
          SELECT p.* FROM registry_people p WHERE p.name = n.name AND ${where} ${idCursor}
          ORDER BY p.id LIMIT ${limit + 1}) p
        JOIN registry_families f ON f.id = p.family_id
        ORDER BY n.score DESC, n.name, p.id LIMIT ${limit + 1}`,
    );
    return pageOf(found, limit, 'name', (last) => [Number(last.score), last.name, Number(last.id)]);
  }

  if (village || scope.village) {
    const cursor = after ? sql`AND (p.name, p.id) > (${String(after[0])}, ${Number(after[1])})` : sql``;
    const found = await rows<PersonRowDb>(
      db,
      sql`SELECT ${personColumns} FROM registry_people p JOIN registry_families f ON f.id = p.family_id
        WHERE ${where} ${cursor}
        ORDER BY p.name, p.id LIMIT ${limit + 1}`,
    );
    return pageOf(found, limit, 'village', (last) => [last.name, Number(last.id)]);
  }
  return { people: [], mode: 'none' };
}

/** Totals of the register in scope, for the page header (kept per village by the imports). */
export async function registerTotals(db: Db, scope: Scope): Promise<RegisterTotals> {
  const [totals] = await rows<{ people: string | number | null; families: string | number | null }>(
    db,
    sql`SELECT sum(people) AS people, sum(families) AS families FROM registry_village_counts
      WHERE ${villageFilter(scope, undefined, 'village_code')}`,
  );
  return { people: Number(totals?.people ?? 0), families: Number(totals?.families ?? 0) };
}

/** The register page's header: totals in scope, the unit, the villages to pick from. */
export async function registerSummary(db: Db, ctx: AuthContext): Promise<RegisterSummary> {
  const scope = scopeOf(ctx);
  return {
    totals: await registerTotals(db, scope),
    unit: { name: ctx.unit.name, regionCode: ctx.unit.regionCode },
    village: scope.village
      ? { code: scope.village, name: getVillage(scope.village)?.name ?? scope.village }
      : null,
    villages: scope.village ? [] : villagesUnder(ctx.unit.regionCode),
  };
}

const villageLists = new Map<string, VillageChoice[]>();
/** Villages of a region with their district, for the village picker. */
function villagesUnder(regionCode: string): VillageChoice[] {
  const hit = villageLists.get(regionCode);
  if (hit) return hit;
  const out: VillageChoice[] = [];
  const walk = (code: string) => {
    for (const child of childrenOf(code)) {
      if (child.level === 'district')
        for (const v of childrenOf(child.code))
          out.push({ code: v.code, name: v.name, district: child.name });
      else if (child.level !== 'village') walk(child.code);
    }
  };
  walk(regionCode);
  villageLists.set(regionCode, out);
  return out;
}

/* ---------- family view, history, state on a date ---------- */

interface FamilyRowDb {
  id: string | number;
  kk: string;
  village_code: string;
  address: string;
  rt: string;
  rw: string;
  decile: number | null;
  welfare_status: string;
  status_period: string;
  version: number;
  valid_from: string | Date;
  changed_by: number | null;
  change_note: string;
}

interface PersonFullDb {
  id: string | number;
  nik: string;
  family_id: string | number;
  village_code: string;
  name: string;
  birth_place: string;
  birth_date: string | Date;
  sex: string;
  relationship: string;
  marital_status: string;
  education: string;
  schooling: string;
  occupation: string;
  disability_kind: string;
  disability_severity: string;
  pregnancy: string;
  alive: boolean;
  death_date: string | Date | null;
  version: number;
  valid_from: string | Date;
  changed_by: number | null;
  change_note: string;
}

/** The end of a calendar day in the unit's zone: the state "on" that date. */
export function endOfDay(date: string, timeZone: string): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight)) throw new DomainError('registry.invalid', { asOf: date });
  return new Date(midnight + 86_400_000 - 1 - offsetMinutes(timeZone) * 60_000);
}

function toMember(p: PersonFullDb): FamilyMember {
  return {
    id: Number(p.id),
    nik: maskNik(p.nik),
    name: p.name,
    birthPlace: p.birth_place,
    birthDate: isoDate(p.birth_date),
    sex: p.sex,
    relationship: p.relationship,
    relationshipLabel: labelOf('relationship', p.relationship),
    maritalStatus: p.marital_status,
    education: p.education,
    schooling: p.schooling,
    occupation: p.occupation,
    disabilityKind: p.disability_kind,
    disabilitySeverity: p.disability_severity,
    pregnancy: p.pregnancy,
    alive: p.alive,
    deathDate: p.death_date ? isoDate(p.death_date) : null,
  };
}

const relationOrder = ['kepala_keluarga', 'suami', 'istri', 'anak', 'menantu', 'cucu', 'orang_tua', 'mertua'];
const byRelation = (a: FamilyMember, b: FamilyMember) => {
  const ra = relationOrder.indexOf(a.relationship);
  const rb = relationOrder.indexOf(b.relationship);
  return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb) || a.birthDate.localeCompare(b.birthDate);
};

/** History labels by table column: the template's headers. */
const familyLabels = Object.fromEntries(FamilyFields.map((f) => [columnOf(f), headerOf(f)]));
const personLabels = Object.fromEntries(PersonFields.map((f) => [columnOf(f), headerOf(f)]));

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Hidup' : 'Meninggal';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function diff(labels: Record<string, string>, a: Record<string, unknown>, b: Record<string, unknown>) {
  const out: Array<{ field: string; from: string; to: string }> = [];
  for (const [key, label] of Object.entries(labels)) {
    const from = show(a[key]);
    const to = show(b[key]);
    if (from !== to) out.push({ field: label, from, to });
  }
  return out;
}

interface VersionRowDb {
  id: string | number;
  version: number;
  family_id: string | number | null;
  valid_from: string | Date;
  changed_by: number | null;
  change_note: string;
  data: Record<string, unknown>;
}

async function usernames(db: Db, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (wanted.length === 0) return new Map();
  const found = await rows<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM users WHERE id IN (${sql.join(
      wanted.map((w) => sql`${w}`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((u) => [u.id, u.name]));
}

const stamp = (d: string | Date) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export async function getFamily(
  db: Db,
  scope: Scope,
  familyId: number,
  opts: { asOf?: string | undefined; timeZone: string },
): Promise<FamilyView> {
  const [current] = await rows<FamilyRowDb>(db, sql`SELECT * FROM registry_families WHERE id = ${familyId}`);
  if (!current) throw new DomainError('registry.family_not_found');
  if (!inScope(scope, current.village_code)) throw new DomainError('registry.village_forbidden');

  const familyVersions = await rows<VersionRowDb>(
    db,
    sql`SELECT family_id AS id, version, family_id, valid_from, changed_by, change_note, data
      FROM registry_family_versions WHERE family_id = ${familyId} ORDER BY version`,
  );
  // People who are or ever were members.
  const people = await rows<PersonFullDb>(
    db,
    sql`SELECT id, nik, family_id, village_code, name, birth_place, birth_date::text AS birth_date, sex, relationship,
        marital_status, education, schooling, occupation, disability_kind, disability_severity, pregnancy, alive,
        death_date::text AS death_date, version, valid_from, changed_by, change_note
      FROM registry_people WHERE family_id = ${familyId}
      OR id IN (SELECT person_id FROM registry_person_versions WHERE family_id = ${familyId})`,
  );
  const personVersions = await rows<VersionRowDb>(
    db,
    sql`SELECT person_id AS id, version, family_id, valid_from, changed_by, change_note, data
      FROM registry_person_versions WHERE person_id IN (SELECT id FROM registry_people WHERE family_id = ${familyId})
        OR family_id = ${familyId}
      ORDER BY person_id, version`,
  );

  // States of the family and of each person, oldest first, each with its valid_from.
  type State = { from: string; by: number | null; note: string; data: Record<string, unknown> };
  const familyStates: State[] = [
    ...familyVersions.map((v) => ({
      from: stamp(v.valid_from),
      by: v.changed_by,
      note: v.change_note,
      data: v.data,
    })),
    {
      from: stamp(current.valid_from),
      by: current.changed_by,
      note: current.change_note,
      data: current as unknown as Record<string, unknown>,
    },
  ];
  const personStates = new Map<number, State[]>();
  for (const v of personVersions) {
    const id = Number(v.id);
    const list = personStates.get(id) ?? [];
    list.push({ from: stamp(v.valid_from), by: v.changed_by, note: v.change_note, data: v.data });
    personStates.set(id, list);
  }
  for (const p of people) {
    const id = Number(p.id);
    const list = personStates.get(id) ?? [];
    list.push({
      from: stamp(p.valid_from),
      by: p.changed_by,
      note: p.change_note,
      data: p as unknown as Record<string, unknown>,
    });
    personStates.set(id, list);
  }

  const names = await usernames(db, [
    ...familyStates.map((s) => s.by),
    ...[...personStates.values()].flat().map((s) => s.by),
  ]);
  const history: HistoryEntry[] = [];
  familyStates.forEach((s, i) => {
    const prev = familyStates[i - 1];
    history.push({
      at: s.from,
      by: s.by === null ? null : (names.get(s.by) ?? `#${s.by}`),
      note: s.note,
      subject: 'family',
      kind: prev ? 'changed' : 'created',
      changes: prev ? diff(familyLabels, prev.data, s.data) : [],
    });
  });
  for (const [personId, states] of personStates) {
    states.forEach((s, i) => {
      const prev = states[i - 1];
      const inFamily = Number(s.data.family_id) === familyId;
      const wasInFamily = prev ? Number(prev.data.family_id) === familyId : false;
      if (!inFamily && !wasInFamily) return;
      const kind: HistoryEntry['kind'] = !prev
        ? 'created'
        : inFamily && !wasInFamily
          ? 'joined'
          : !inFamily && wasInFamily
            ? 'left'
            : 'changed';
      history.push({
        at: s.from,
        by: s.by === null ? null : (names.get(s.by) ?? `#${s.by}`),
        note: s.note,
        subject: 'person',
        personId,
        name: String(s.data.name ?? ''),
        kind,
        changes: prev ? diff(personLabels, prev.data, s.data) : [],
      });
    });
  }
  history.sort((a, b) => b.at.localeCompare(a.at));

  // The state shown: now, or the last state that began by the end of the asked date.
  const at = opts.asOf ? endOfDay(opts.asOf, opts.timeZone).toISOString() : undefined;
  const stateAt = (states: State[]) =>
    at ? [...states].reverse().find((s) => s.from <= at) : states[states.length - 1];
  const family = stateAt(familyStates);
  const members: FamilyMember[] = [];
  for (const states of personStates.values()) {
    const s = stateAt(states);
    if (s && Number(s.data.family_id) === familyId) members.push(toMember(s.data as unknown as PersonFullDb));
  }
  members.sort(byRelation);
  const f = (family?.data ?? current) as unknown as FamilyRowDb;
  return {
    id: Number(current.id),
    kk: maskKk(current.kk),
    villageCode: f.village_code,
    villageName: getVillage(f.village_code)?.name ?? f.village_code,
    regionPath: regionPath(f.village_code).map(displayName),
    address: f.address,
    rt: f.rt,
    rw: f.rw,
    decile: f.decile === null || f.decile === undefined ? null : Number(f.decile),
    welfareStatus: f.welfare_status,
    welfareStatusLabel: labelOf('welfareStatus', f.welfare_status),
    statusPeriod: f.status_period,
    members,
    history,
    existed: Boolean(family),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  };
}

/* ---------- reveal ---------- */

export async function revealNumber(
  db: Db,
  ctx: AuthContext,
  input: { kind: 'nik' | 'kk'; id: number; reason: string },
  client?: ClientInfo,
): Promise<{ value: string }> {
  const scope = scopeOf(ctx);
  const [row] =
    input.kind === 'nik'
      ? await rows<{ value: string; village_code: string }>(
          db,
          sql`SELECT nik AS value, village_code FROM registry_people WHERE id = ${input.id}`,
        )
      : await rows<{ value: string; village_code: string }>(
          db,
          sql`SELECT kk AS value, village_code FROM registry_families WHERE id = ${input.id}`,
        );
  if (!row)
    throw new DomainError(input.kind === 'nik' ? 'registry.person_not_found' : 'registry.family_not_found');
  if (!inScope(scope, row.village_code)) throw new DomainError('registry.village_forbidden');
  await recordAudit(db, actorOf(ctx, client), {
    action: 'registry.reveal',
    entity: input.kind === 'nik' ? 'registry_person' : 'registry_family',
    entityId: input.id,
    after: { kind: input.kind, reason: input.reason },
  });
  return { value: row.value };
}
