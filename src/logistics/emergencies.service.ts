import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { displayName, findRegion } from '../core/regions.ts';
import { type Db, rows } from '../db/client.ts';
import type {
  DeclareEmergencyInput,
  Emergency,
  EmergencyStatus,
  EndEmergencyInput,
  ExtendEmergencyInput,
} from './emergencies.schema.ts';
import { emergencies, emergencyAreas, emergencyDecrees } from './emergencies.tables.ts';

/** The unit an emergency belongs to, as the service needs it. */
export interface EmergencyUnit {
  id: number;
  regionCode: string;
  timeZone: string;
}

type EmergencyRow = typeof emergencies.$inferSelect;

const areaLevels = new Set(['province', 'regency', 'district']);

/** The region's name for messages: `Kabupaten Lebak`, or the code when it is unknown. */
export function areaName(code: string): string {
  const r = findRegion(code);
  return r ? displayName(r) : code;
}

/** Whether `code` lies in `area` (the area itself or a region under it). */
export function withinArea(code: string, area: string): boolean {
  return code === area || code.startsWith(`${area}.`);
}

function statusOf(row: EmergencyRow, today: string): EmergencyStatus {
  if (row.endedAt) return 'ended';
  if (today < row.startsOn) return 'upcoming';
  if (today > row.endsOn) return 'expired';
  return 'active';
}

function checkAreas(unit: EmergencyUnit, areas: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  areas.forEach((code, i) => {
    const r = findRegion(code);
    const path = `areas[${i}]`;
    if (!r || !areaLevels.has(r.level))
      problems.push(
        problemIn(path, {
          id: `kode wilayah ${code} bukan provinsi, kabupaten/kota atau kecamatan yang dikenal`,
          en: `${code} is not a known province, regency/city or district code`,
        }),
      );
    else if (!withinArea(r.code, unit.regionCode) && !withinArea(unit.regionCode, r.code))
      problems.push(
        problemIn(path, {
          id: `${displayName(r)} di luar wilayah unit ini`,
          en: `${displayName(r)} is outside this office's region`,
        }),
      );
    else if (seen.has(r.code))
      problems.push(
        problemIn(path, {
          id: `${displayName(r)} tercatat dua kali`,
          en: `${displayName(r)} is listed twice`,
        }),
      );
    if (r) seen.add(r.code);
  });
  return problems;
}

async function viewOf(db: Db, rows: EmergencyRow[], today: string): Promise<Emergency[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const areas = await db.select().from(emergencyAreas).where(inArray(emergencyAreas.emergencyId, ids));
  const decrees = await db
    .select()
    .from(emergencyDecrees)
    .where(inArray(emergencyDecrees.emergencyId, ids))
    .orderBy(asc(emergencyDecrees.id));
  return rows.map((row) => ({
    id: row.id,
    disaster: row.disaster,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    endedAt: row.endedAt?.toISOString() ?? null,
    status: statusOf(row, today),
    areas: areas
      .filter((a) => a.emergencyId === row.id)
      .map((a) => ({ code: a.regionCode, name: areaName(a.regionCode) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    decrees: decrees
      .filter((d) => d.emergencyId === row.id)
      .map((d) => ({
        kind: d.kind,
        number: d.number,
        decreedOn: d.decreedOn,
        declaredBy: d.declaredBy,
        endsOn: d.endsOn,
        note: d.note,
        recordedAt: d.recordedAt.toISOString(),
      })),
  }));
}

const today = (unit: EmergencyUnit, clock: Clock) => todayIn(unit.timeZone, new Date(clock.now()));

const decreeLockKey = 7_238_201;
const decreeKindWords = { declaration: 'penetapan', extension: 'perpanjangan', termination: 'pengakhiran' };

/**
 * Takes the unit's decree lock until the transaction ends, so that two desks cannot record one
 * number at once: every decree's checks and insert run under it.
 */
async function holdDecreeNumbers(tx: Db, unit: EmergencyUnit): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${decreeLockKey}, ${unit.id})`);
}

/**
 * The checks every decree passes before it is recorded, under `holdDecreeNumbers`: it is not
 * dated after today nor before the emergency's last decree (`since`), and its number is not
 * already recorded in the unit.
 */
async function checkDecree(
  tx: Db,
  unit: EmergencyUnit,
  input: { number: string; decreedOn: string },
  day: string,
  since?: string,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (input.decreedOn > day)
    problems.push(
      problemIn('decreedOn', {
        id: `tanggal keputusan (${input.decreedOn}) sesudah hari ini (${day}): keputusan dicatat setelah ditandatangani`,
        en: `the decree date (${input.decreedOn}) is after today (${day}): a decree is recorded once it is signed`,
      }),
    );
  else if (since !== undefined && input.decreedOn < since)
    problems.push(
      problemIn('decreedOn', {
        id: `tanggal keputusan (${input.decreedOn}) sebelum keputusan terakhir status ini (${since})`,
        en: `the decree date (${input.decreedOn}) is before this emergency's last decree (${since})`,
      }),
    );
  const [taken] = await rows<{ kind: keyof typeof decreeKindWords; decreedOn: string; disaster: string }>(
    tx,
    sql`SELECT d.kind, d.decreed_on::text AS "decreedOn", e.disaster
      FROM emergency_decrees d JOIN emergencies e ON e.id = d.emergency_id
      WHERE e.unit_id = ${unit.id}
        AND lower(regexp_replace(trim(d.number), '[[:space:]]+', ' ', 'g')) = lower(regexp_replace(trim(${input.number}), '[[:space:]]+', ' ', 'g'))
      LIMIT 1`,
  );
  if (taken)
    problems.push(
      problemIn('number', {
        id: `nomor keputusan ini sudah tercatat (${decreeKindWords[taken.kind]} status ${taken.disaster}, ${taken.decreedOn})`,
        en: `this decree number is already recorded (the ${taken.kind} of the ${taken.disaster} emergency, ${taken.decreedOn})`,
      }),
    );
  return problems;
}

/** An emergency that a new decree may still change, locked, with the decree's problems. */
async function decreeOnto(
  tx: Db,
  unit: EmergencyUnit,
  id: number,
  input: { number: string; decreedOn: string },
  now: Date,
): Promise<{ row: EmergencyRow; problems: Problem[] }> {
  const row = await rowOf(tx, unit.id, id, true);
  if (row.endedAt) throw new DomainError('emergency.ended', { id });
  await holdDecreeNumbers(tx, unit);
  const problems = await checkDecree(
    tx,
    unit,
    input,
    todayIn(unit.timeZone, now),
    await lastDecreeOn(tx, row.id),
  );
  return { row, problems };
}

/** The date of an emergency's latest decree. */
async function lastDecreeOn(tx: Db, emergencyId: number): Promise<string | undefined> {
  const [last] = await rows<{ on: string | null }>(
    tx,
    sql`SELECT max(decreed_on)::text AS "on" FROM emergency_decrees WHERE emergency_id = ${emergencyId}`,
  );
  return last?.on ?? undefined;
}

/** The unit's emergencies, newest first. */
export async function listEmergencies(db: Db, unit: EmergencyUnit, clock: Clock): Promise<Emergency[]> {
  const rows = await db
    .select()
    .from(emergencies)
    .where(eq(emergencies.unitId, unit.id))
    .orderBy(desc(emergencies.startsOn), desc(emergencies.id));
  return viewOf(db, rows, today(unit, clock));
}

async function rowOf(db: Db, unitId: number, id: number, lock = false): Promise<EmergencyRow> {
  const query = db
    .select()
    .from(emergencies)
    .where(and(eq(emergencies.unitId, unitId), eq(emergencies.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new DomainError('emergency.not_found', { id });
  return row;
}

export async function getEmergency(
  db: Db,
  unit: EmergencyUnit,
  id: number,
  clock: Clock,
): Promise<Emergency> {
  const [view] = await viewOf(db, [await rowOf(db, unit.id, id)], today(unit, clock));
  if (!view) throw new DomainError('emergency.not_found', { id });
  return view;
}

/** Records a declaration decree: the emergency, its area and its first decree. */
export async function declareEmergency(
  db: Db,
  actor: Actor,
  unit: EmergencyUnit,
  input: DeclareEmergencyInput,
  clock: Clock,
): Promise<Emergency> {
  const problems = checkAreas(unit, input.areas);
  if (input.endsOn < input.startsOn)
    problems.push(
      problemIn('endsOn', {
        id: `tanggal akhir (${input.endsOn}) sebelum tanggal mulai (${input.startsOn})`,
        en: `the end (${input.endsOn}) is before the start (${input.startsOn})`,
      }),
    );
  const now = new Date(clock.now());
  const id = await db.transaction(async (tx) => {
    await holdDecreeNumbers(tx, unit);
    problems.push(...(await checkDecree(tx, unit, input, todayIn(unit.timeZone, now))));
    if (problems.length > 0) throw new ValidationError('emergency.invalid', problems);
    const [row] = await tx
      .insert(emergencies)
      .values({
        unitId: unit.id,
        disaster: input.disaster,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert emergency failed');
    const codes = [...new Set(input.areas.map((a) => findRegion(a)?.code ?? a))];
    await tx.insert(emergencyAreas).values(codes.map((regionCode) => ({ emergencyId: row.id, regionCode })));
    await tx.insert(emergencyDecrees).values({
      emergencyId: row.id,
      kind: 'declaration',
      number: input.number,
      decreedOn: input.decreedOn,
      declaredBy: input.declaredBy,
      endsOn: input.endsOn,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'emergency.declare',
      entity: 'emergency',
      entityId: row.id,
      after: { number: input.number, areas: codes, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return row.id;
  });
  return getEmergency(db, unit, id, clock);
}

/** Records a decree that extends the emergency to a later end; the earlier decrees stay. */
export async function extendEmergency(
  db: Db,
  actor: Actor,
  unit: EmergencyUnit,
  id: number,
  input: ExtendEmergencyInput,
  clock: Clock,
): Promise<Emergency> {
  const now = new Date(clock.now());
  await db.transaction(async (tx) => {
    const { row, problems } = await decreeOnto(tx, unit, id, input, now);
    if (input.endsOn <= row.endsOn)
      problems.push(
        problemIn('endsOn', {
          id: `perpanjangan harus sesudah akhir yang berlaku (${row.endsOn})`,
          en: `an extension must end after the current end (${row.endsOn})`,
        }),
      );
    if (problems.length > 0) throw new ValidationError('emergency.invalid', problems);
    await tx.update(emergencies).set({ endsOn: input.endsOn }).where(eq(emergencies.id, row.id));
    await tx.insert(emergencyDecrees).values({
      emergencyId: row.id,
      kind: 'extension',
      number: input.number,
      decreedOn: input.decreedOn,
      declaredBy: input.declaredBy,
      endsOn: input.endsOn,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'emergency.extend',
      entity: 'emergency',
      entityId: row.id,
      before: { endsOn: row.endsOn },
      after: { endsOn: input.endsOn, number: input.number },
    });
  });
  return getEmergency(db, unit, id, clock);
}

/** Records the decree that ends the emergency: from now on no request opens under it. */
export async function endEmergency(
  db: Db,
  actor: Actor,
  unit: EmergencyUnit,
  id: number,
  input: EndEmergencyInput,
  clock: Clock,
): Promise<Emergency> {
  const now = new Date(clock.now());
  await db.transaction(async (tx) => {
    const { row, problems } = await decreeOnto(tx, unit, id, input, now);
    if (problems.length > 0) throw new ValidationError('emergency.invalid', problems);
    await tx.update(emergencies).set({ endedAt: now }).where(eq(emergencies.id, row.id));
    await tx.insert(emergencyDecrees).values({
      emergencyId: row.id,
      kind: 'termination',
      number: input.number,
      decreedOn: input.decreedOn,
      declaredBy: input.declaredBy,
      endsOn: todayIn(unit.timeZone, now),
      note: input.note ?? null,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'emergency.end',
      entity: 'emergency',
      entityId: row.id,
      after: { number: input.number },
    });
  });
  return getEmergency(db, unit, id, clock);
}

/**
 * The active emergency of the unit whose area holds `regionCode` today, if any: the check a
 * relief request must pass before it opens (the standard's first requirement).
 */
export async function activeEmergencyFor(
  db: Db,
  unit: EmergencyUnit,
  regionCode: string,
  at: Date,
): Promise<{ id: number; areaCode: string } | undefined> {
  const day = todayIn(unit.timeZone, at);
  const rows = await db
    .select({ id: emergencies.id, areaCode: emergencyAreas.regionCode })
    .from(emergencies)
    .innerJoin(emergencyAreas, eq(emergencyAreas.emergencyId, emergencies.id))
    .where(
      and(
        eq(emergencies.unitId, unit.id),
        isNull(emergencies.endedAt),
        lte(emergencies.startsOn, day),
        gte(emergencies.endsOn, day),
      ),
    )
    .orderBy(asc(emergencies.id));
  return rows.find((r) => withinArea(regionCode, r.areaCode));
}
