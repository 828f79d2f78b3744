import { findUnitByCode } from '../auth/auth.repository.ts';
import { type CaseFacts, casesOpenedWith } from '../cases/case-facts.service.ts';
import type { Clock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { productLettersOfCases } from '../documents/letters.service.ts';
import { regencyOf } from '../regions/regions.service.ts';
import type { Emergency } from './emergencies.schema.ts';
import { areaName, type EmergencyUnit, getEmergency, listEmergencies } from './emergencies.service.ts';
import { emergencyCheck } from './logistics.effects.ts';
import { type CaseItemTotals, caseItemTotals } from './reports.repository.ts';
import type {
  DistributionArea,
  DistributionLine,
  DistributionQuery,
  DistributionReport,
  EmergencySummary,
  PublicDelivered,
  PublicEmergency,
  PublicEmergencyList,
  PublicEmergencySummary,
  RequestAgeQuery,
  RequestAgeReport,
  RequestAgeRow,
  RequestStepCount,
} from './reports.schema.ts';

/**
 * Reports of relief logistics (issue 16): distributions per emergency and per regency, read
 * from the stock ledger's movements booked against each request (`source_kind = 'case'`) and
 * the BASTs of the requests; the age of requests against the standard's time limit; and the
 * public page of an emergency, which carries no personal data.
 */

/** How long after its end an emergency stays linked from the office's public page. */
export const publicDaysAfterEnd = 30;

type Place = { code: string; name: string };

/** A request with what the ledger and the agenda book hold of it. */
interface Flow {
  facts: CaseFacts;
  emergencyId: number | null;
  regency: Place | null;
  lines: DistributionLine[];
  /** The days (office time zone) its BASTs were issued. */
  bastDays: string[];
}

const emptyLine = (t: Pick<CaseItemTotals, 'itemId' | 'name' | 'uom'>): DistributionLine => ({
  itemId: t.itemId,
  name: t.name,
  uom: t.uom,
  reserved: 0,
  dispatched: 0,
  inTransit: 0,
  received: 0,
  returned: 0,
  writtenOff: 0,
});

/**
 * One request's line of an item. Before the handover what was dispatched is in transit; after
 * it, what did not come back was received, and what came back was either written off (damaged or lost)
 * or returned to stock, so the four add up to what was dispatched.
 */
function lineOf(t: CaseItemTotals, handedOver: boolean): DistributionLine {
  return {
    ...emptyLine(t),
    reserved: t.reserved,
    dispatched: t.dispatched,
    inTransit: handedOver ? 0 : t.dispatched,
    received: handedOver ? t.dispatched - t.returned : 0,
    returned: t.returned - t.writtenOff,
    writtenOff: t.writtenOff,
  };
}

const quantities = ['reserved', 'dispatched', 'inTransit', 'received', 'returned', 'writtenOff'] as const;

/** The lines of several requests summed per item, by item name. */
function sumLines(lists: DistributionLine[][]): DistributionLine[] {
  const byItem = new Map<number, DistributionLine>();
  for (const line of lists.flat()) {
    const sum = byItem.get(line.itemId) ?? emptyLine(line);
    for (const q of quantities) sum[q] += line[q];
    byItem.set(line.itemId, sum);
  }
  return [...byItem.values()].sort((a, b) => a.name.localeCompare(b.name, 'id') || a.itemId - b.itemId);
}

/** The emergency a request opened under, as its opening check recorded it. */
function emergencyIdOf(f: CaseFacts): number | null {
  const id = f.opening?.emergencyId;
  return typeof id === 'number' ? id : null;
}

const areaCodeOf = (f: CaseFacts) => (typeof f.intake.areaCode === 'string' ? f.intake.areaCode : null);

/** The unit's relief requests (optionally of one emergency) with their ledger totals and BASTs. */
async function flowsOf(db: Db, unit: EmergencyUnit, emergencyId?: number): Promise<Flow[]> {
  const facts = await casesOpenedWith(
    db,
    unit.id,
    emergencyCheck,
    emergencyId === undefined ? undefined : { emergencyId },
  );
  const ids = facts.map((f) => f.id);
  const [totals, basts] = [
    await caseItemTotals(db, unit.id, ids),
    await productLettersOfCases(db, unit.id, ids, 'bast'),
  ];
  const bastDays = new Map<number, string[]>();
  for (const b of basts)
    bastDays.set(b.caseId, [...(bastDays.get(b.caseId) ?? []), todayIn(unit.timeZone, b.issuedAt)]);
  return facts.map((f) => {
    const days = bastDays.get(f.id) ?? [];
    const code = areaCodeOf(f);
    return {
      facts: f,
      emergencyId: emergencyIdOf(f),
      regency: code ? regencyOf(code) : null,
      lines: totals.filter((t) => t.caseId === f.id).map((t) => lineOf(t, days.length > 0)),
      bastDays: days,
    };
  });
}

/** The requests grouped per regency (by code), each with its counts and summed lines. */
function perRegency(flows: Flow[]): DistributionArea[] {
  const groups = new Map<string, { place: Place; flows: Flow[] }>();
  for (const f of flows) {
    const place = f.regency ?? { code: '', name: '' };
    const group = groups.get(place.code) ?? { place, flows: [] };
    group.flows.push(f);
    groups.set(place.code, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.place.code.localeCompare(b.place.code))
    .map(({ place, flows: list }) => ({
      ...place,
      requests: list.length,
      basts: list.reduce((n, f) => n + f.bastDays.length, 0),
      lines: sumLines(list.map((f) => f.lines)),
    }));
}

function summaryOf(e: Emergency): EmergencySummary {
  return {
    id: e.id,
    disaster: e.disaster,
    status: e.status,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    decree: e.decrees.find((d) => d.kind === 'declaration')?.number ?? '',
    areas: e.areas,
  };
}

/**
 * What was distributed under each emergency of the unit (or one), per regency and item, with
 * the number of requests and of BASTs; and the same per regency over the emergencies shown.
 */
export async function distributionReport(
  db: Db,
  unit: EmergencyUnit,
  query: DistributionQuery,
  clock: Clock,
): Promise<DistributionReport> {
  const shown =
    query.emergencyId === undefined
      ? await listEmergencies(db, unit, clock)
      : [await getEmergency(db, unit, query.emergencyId, clock)];
  const ids = new Set(shown.map((e) => e.id));
  const flows = (await flowsOf(db, unit, query.emergencyId)).filter(
    (f) => f.emergencyId !== null && ids.has(f.emergencyId),
  );
  return {
    asOf: new Date(clock.now()).toISOString(),
    emergencies: shown.map((e) => {
      const mine = flows.filter((f) => f.emergencyId === e.id);
      return {
        emergency: summaryOf(e),
        requests: mine.length,
        basts: mine.reduce((n, f) => n + f.bastDays.length, 0),
        areas: perRegency(mine),
        totals: sumLines(mine.map((f) => f.lines)),
      };
    }),
    regencies: perRegency(flows),
  };
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
/** Calendar days between two moments in a time zone. */
const daysBetween = (tz: string, from: Date, to: Date) =>
  dayNumber(todayIn(tz, to)) - dayNumber(todayIn(tz, from));

/**
 * A request's time limit from its standard: a duration is the engine's due time; a cycle
 * (`1 tahun berjalan`, `1 tahun anggaran`: both January to December in Indonesia) ends on the
 * last day of the year the request opened in. Other kinds set no limit on one request.
 */
function limitOf(f: CaseFacts, tz: string): { due: string | null; passed: (at: Date) => boolean } {
  const limit = f.timeLimit;
  if (limit.kind === 'duration') {
    const dueAt = f.dueAt;
    return dueAt
      ? { due: dueAt.toISOString(), passed: (at) => at.getTime() > dueAt.getTime() }
      : { due: null, passed: () => false };
  }
  if (limit.kind === 'cycle') {
    const lastDay = `${todayIn(tz, f.openedAt).slice(0, 4)}-12-31`;
    return { due: lastDay, passed: (at) => todayIn(tz, at) > lastDay };
  }
  return { due: null, passed: () => false };
}

const isWaiting = (f: CaseFacts) => f.status === 'open' || f.status === 'returned';
const statusOrder = { open: 0, returned: 0, done: 1, rejected: 2, withdrawn: 3 } as const;

/**
 * The unit's relief requests by status and age, oldest first: days since opening and at the
 * current step, and whether each is past the standard's time limit; with counts per step.
 */
export async function requestAgeReport(
  db: Db,
  unit: EmergencyUnit,
  query: RequestAgeQuery,
  clock: Clock,
): Promise<RequestAgeReport> {
  const now = new Date(clock.now());
  const emergencies = new Map(
    (query.emergencyId === undefined
      ? await listEmergencies(db, unit, clock)
      : [await getEmergency(db, unit, query.emergencyId, clock)]
    ).map((e) => [e.id, e]),
  );
  const facts = (
    await casesOpenedWith(
      db,
      unit.id,
      emergencyCheck,
      query.emergencyId === undefined ? undefined : { emergencyId: query.emergencyId },
      now,
    )
  ).filter((f) =>
    query.status === 'all' ? true : query.status === 'waiting' ? isWaiting(f) : !isWaiting(f),
  );
  const tz = unit.timeZone;
  const requests: RequestAgeRow[] = facts.map((f) => {
    const code = areaCodeOf(f);
    const eid = emergencyIdOf(f);
    const e = eid === null ? undefined : emergencies.get(eid);
    const waiting = isWaiting(f);
    const end = waiting ? now : (f.closedAt ?? now);
    const limit = limitOf(f, tz);
    const office = f.intake.requestingOffice;
    return {
      caseId: f.id,
      trackingCode: f.trackingCode,
      applicant: f.applicantName,
      area: code ? { code, name: areaName(code) } : null,
      regency: code ? regencyOf(code) : null,
      requestingOffice: typeof office === 'string' && office.trim() ? office : null,
      emergency: e ? { id: e.id, disaster: e.disaster, status: e.status } : null,
      status: f.status,
      step: waiting ? f.stepLabel : null,
      openedAt: f.openedAt.toISOString(),
      lastStepAt: f.lastActionAt.toISOString(),
      closedAt: f.closedAt?.toISOString() ?? null,
      ageDays: daysBetween(tz, f.openedAt, end),
      daysAtStep: waiting ? daysBetween(tz, f.lastActionAt, now) : null,
      due: limit.due,
      overdue: limit.passed(end),
      deadline: f.deadlines[0] ?? null,
    };
  });
  const groups = new Map<string, RequestStepCount & { order: number }>();
  facts.forEach((f, i) => {
    const row = requests[i] as RequestAgeRow;
    const key = `${f.status}|${row.step ?? ''}`;
    const group = groups.get(key) ?? {
      status: f.status,
      step: row.step,
      count: 0,
      overdue: 0,
      oldestDays: 0,
      order: statusOrder[f.status] * 1000 + (isWaiting(f) ? (f.stepIndex ?? 999) : 0),
    };
    group.count++;
    if (row.overdue) group.overdue++;
    group.oldestDays = Math.max(group.oldestDays, row.ageDays);
    groups.set(key, group);
  });
  return {
    asOf: now.toISOString(),
    timeLimit: facts[0]?.timeLimit.text ?? null,
    steps: [...groups.values()]
      .sort((a, b) => a.order - b.order || a.status.localeCompare(b.status))
      .map(({ order: _, ...g }) => g),
    requests,
  };
}

// ---- public ------------------------------------------------------------------------------------

async function publicUnit(db: Db, code: string) {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new DomainError('unit.not_found', { unitCode: code });
  return unit;
}

function publicSummary(e: Emergency, tz: string): PublicEmergencySummary {
  return {
    id: e.id,
    disaster: e.disaster,
    status: e.status,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    endedOn: e.endedAt ? todayIn(tz, new Date(e.endedAt)) : null,
    areas: e.areas,
  };
}

/** The last day an emergency held: the day it was ended by decree, else its end. */
const lastDayOf = (e: PublicEmergencySummary) => e.endedOn ?? e.endsOn;

/**
 * The emergencies an office's public page links to: those in force, and those whose last day
 * was within the last `publicDaysAfterEnd` days.
 */
export async function publicEmergencies(
  db: Db,
  unitCode: string,
  clock: Clock,
): Promise<PublicEmergencyList> {
  const unit = await publicUnit(db, unitCode);
  const today = todayIn(unit.timeZone, new Date(clock.now()));
  const emergencies = (await listEmergencies(db, unit, clock))
    .map((e) => publicSummary(e, unit.timeZone))
    .filter(
      (e) =>
        e.status === 'active' ||
        (e.status !== 'upcoming' && dayNumber(today) - dayNumber(lastDayOf(e)) <= publicDaysAfterEnd),
    );
  return { unit: { code: unit.code, name: unit.name }, emergencies };
}

const publicLine = (l: DistributionLine): PublicDelivered => ({
  name: l.name,
  uom: l.uom,
  delivered: l.received,
  inTransit: l.inTransit,
});
const sentOnly = (lines: DistributionLine[]) =>
  lines.filter((l) => l.received > 0 || l.inTransit > 0).map(publicLine);

/**
 * An emergency as the public reads it: its decrees, area, dates and status, and what the
 * office sent to each regency (items and quantities handed over or on the way, the days of
 * the BASTs). Nothing that names a person or a request: no receiver, applicant, NIK, tracking
 * code, officer or letter number.
 */
export async function publicEmergency(
  db: Db,
  unitCode: string,
  id: number,
  clock: Clock,
): Promise<PublicEmergency> {
  const unit = await publicUnit(db, unitCode);
  const e = await getEmergency(db, unit, id, clock);
  const flows = (await flowsOf(db, unit, id)).filter((f) => f.emergencyId === id);
  const groups = new Map<string, Flow[]>();
  for (const f of flows) {
    const code = f.regency?.code ?? '';
    groups.set(code, [...(groups.get(code) ?? []), f]);
  }
  const sent = perRegency(flows)
    .map((area) => {
      const days = new Map<string, number>();
      for (const f of groups.get(area.code) ?? [])
        for (const d of f.bastDays) days.set(d, (days.get(d) ?? 0) + 1);
      return {
        code: area.code,
        name: area.name,
        items: sentOnly(area.lines),
        handovers: [...days.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([on, count]) => ({ on, count })),
      };
    })
    .filter((a) => a.items.length > 0 || a.handovers.length > 0);
  return {
    ...publicSummary(e, unit.timeZone),
    unit: { code: unit.code, name: unit.name },
    decrees: e.decrees.map((d) => ({
      kind: d.kind,
      number: d.number,
      decreedOn: d.decreedOn,
      declaredBy: d.declaredBy,
      endsOn: d.endsOn,
    })),
    requests: flows.length,
    handedOver: flows.filter((f) => f.bastDays.length > 0).length,
    inProcess: flows.filter((f) => isWaiting(f.facts)).length,
    notServed: flows.filter((f) => f.facts.status === 'rejected' || f.facts.status === 'withdrawn').length,
    sent,
    totals: sentOnly(sumLines(flows.map((f) => f.lines))),
    asOf: new Date(clock.now()).toISOString(),
  };
}
