import type { AuthContext } from '../auth/auth.service.ts';
import { writesCases } from '../auth/permissions.ts';
import { isStaffRole, RoleLabels } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError } from '../core/errors.ts';
import { maskNik } from '../core/privacy.ts';
import type { Db } from '../db/client.ts';
import type { IntakeAnswers } from '../standards/intake.ts';
import { revisionsOfUnit } from '../standards/standards.repository.ts';
import { standardOfRevision } from '../standards/standards.service.ts';
import { isWaiting } from './case.reducer.ts';
import * as listRepo from './case-list.repository.ts';
import type { CaseList, CaseListOptions, CaseListQuery, WorkCount } from './case-list.schema.ts';
import { originsIn } from './case-origin.ts';
import { queueTotal } from './cases.repository.ts';
import { standardsOfUnit } from './cases.service.ts';
import { dueWhereItWaits } from './deadline.ts';
import { queueScopeOf } from './divisions.ts';

const trackingCodeShape = /^[A-HJKMNP-Z2-9]{5}-?[A-HJKMNP-Z2-9]{5}$/;

/** The case-list filter of a query, for the caller's unit; `q` read as a code, a NIK or a name. */
async function filterOf(
  db: Db,
  ctx: AuthContext,
  query: CaseListQuery,
  now: Date,
): Promise<listRepo.ListFilter> {
  const f: listRepo.ListFilter = {
    unitId: ctx.unit.id,
    timeZone: ctx.unit.timeZone,
    now,
    standardId: query.service,
    product: query.product,
    status: query.status,
    step: query.step,
    due: query.due,
    assigneeId: query.assignee === 'me' ? ctx.user.id : query.assignee === 'none' ? null : query.assignee,
  };
  if (query.queue === 'mine') f.queue = queueScopeOf(ctx, ctx.roles);
  else if (query.queue !== undefined) {
    const role = ctx.roles.find((r) => r === query.queue);
    if (!role) throw new DomainError('case.queue_role_not_held', { role: query.queue });
    f.queue = queueScopeOf(ctx, [role]);
  }
  const q = query.q?.trim();
  if (!q) return f;
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 16) throw new DomainError('case.search_nik_partial', { length: digits.length });
    f.nik = digits;
    return f;
  }
  const code = q.toUpperCase();
  if (trackingCodeShape.test(code)) {
    const dashed = code.includes('-') ? code : `${code.slice(0, 5)}-${code.slice(5)}`;
    // A ten-letter name can look like a code: it is a code only when the unit has that case.
    if ((await listRepo.countCases(db, { ...f, trackingCode: dashed })) > 0) {
      f.trackingCode = dashed;
      return f;
    }
  }
  f.name = q;
  return f;
}

/** A listed case's due time: where it waits (a step's deadline first), or as recorded once it is closed. */
function dueOfRow(
  standard: Awaited<ReturnType<typeof standardOfRevision>>,
  row: {
    status: string;
    step: string | null;
    openedAt: Date;
    intake: IntakeAnswers;
    dueAt: Date | null;
    stepDueAt: Date | null;
  },
  now: Date,
) {
  if (!isWaiting(row.status)) return { dueAt: row.dueAt?.toISOString() ?? null, overdue: false };
  const due = dueWhereItWaits(standard, row, now);
  return { dueAt: due.dueAt?.toISOString() ?? null, overdue: due.overdue };
}

/** A page of the unit's cases matching the query, newest first, with the total and the next cursor. */
export async function listCasesOf(
  db: Db,
  ctx: AuthContext,
  query: CaseListQuery,
  clock: Clock,
): Promise<CaseList> {
  const now = new Date(clock.now());
  const filter = await filterOf(db, ctx, query, now);
  const rows = await listRepo.listCases(db, filter, query.after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const total = await listRepo.countCases(db, filter);
  const origin = await originsIn(db, ctx.unit.id);
  const items = await Promise.all(
    page.map(async ({ row, assignee }) => {
      const standard = await standardOfRevision(db, row.revisionId);
      return {
        id: row.id,
        trackingCode: row.trackingCode,
        applicantName: row.applicant.name,
        applicantNik: row.applicant.nik ? maskNik(row.applicant.nik) : null,
        service: standard.name,
        product: standard.delivery.products.find((p) => p.id === row.product)?.name ?? null,
        status: row.status,
        step: standard.workflow?.steps.find((s) => s.id === row.step)?.label ?? null,
        assignee,
        openedAt: row.openedAt.toISOString(),
        ...dueOfRow(standard, row, now),
        paused: row.pausedAt !== null && isWaiting(row.status),
        origin: origin(row.requestingUnitId),
      };
    }),
  );
  return {
    cases: items,
    total,
    next: rows.length > query.limit ? (page.at(-1)?.row.id ?? null) : null,
    exact: filter.trackingCode !== undefined && page.length === 1 ? (page[0]?.row.id ?? null) : null,
  };
}

/** What the list's filters offer in the caller's unit: its services, their products and steps, the caller's queues. */
export async function caseListOptionsOf(db: Db, ctx: AuthContext): Promise<CaseListOptions> {
  const byStandard = new Map<number, CaseListOptions['services'][number]>();
  for (const { standard, revision } of await revisionsOfUnit(db, ctx.unit.id)) {
    const content = await standardOfRevision(db, revision.id);
    const entry = byStandard.get(standard.id) ?? {
      id: standard.id,
      name: content.name,
      products: [],
      steps: [],
    };
    for (const p of content.delivery.products)
      if (!entry.products.some((e) => e.id === p.id)) entry.products.push({ id: p.id, label: p.name });
    for (const s of content.workflow?.steps ?? [])
      if (!entry.steps.some((e) => e.id === s.id)) entry.steps.push({ id: s.id, label: s.label });
    byStandard.set(standard.id, entry);
  }
  const named = stepRolesOfUnit(ctx, await standardsOfUnit(db, ctx.unit.id));
  return {
    services: [...byStandard.values()],
    roles: named.map((role) => ({ role, label: RoleLabels[role] })),
  };
}

/** The caller's case-writing roles that some workflow of the unit names at a step (others never wait for work). */
function stepRolesOfUnit(ctx: AuthContext, standards: Awaited<ReturnType<typeof standardsOfUnit>>) {
  const named = new Set(
    standards.flatMap(({ standard }) => (standard.workflow?.steps ?? []).map((s) => s.role)),
  );
  return ctx.roles.filter((r) => writesCases(r) && named.has(r));
}

/**
 * The work that waits: per role the caller holds at a step of the unit's workflows, the cases in its queue, due
 * before the office's day ends and overdue; then the same for the whole office.
 */
export async function workCountsOf(db: Db, ctx: AuthContext, clock: Clock): Promise<WorkCount[]> {
  const now = new Date(clock.now());
  const standards = await standardsOfUnit(db, ctx.unit.id);
  const base = { unitId: ctx.unit.id, timeZone: ctx.unit.timeZone, now };
  const roles = stepRolesOfUnit(ctx, standards);
  const [office, ...perRole] = await listRepo.workCounts(db, base, [
    undefined,
    ...roles.map((role) => queueScopeOf(ctx, [role])),
  ]);
  const out: WorkCount[] = roles.map((role, i) => ({
    role,
    label: isStaffRole(role) ? RoleLabels[role] : { id: role, en: role },
    ...(perRole[i] ?? { waiting: 0, dueToday: 0, overdue: 0 }),
  }));
  out.push({
    role: null,
    label: { id: 'Seluruh kantor', en: 'Whole office' },
    ...(office ?? { waiting: 0, dueToday: 0, overdue: 0 }),
  });
  return out;
}

/** How many cases wait in the caller's queue in all; the queue page shows the first of them. */
export async function queueTotalOf(db: Db, ctx: AuthContext): Promise<number> {
  return queueTotal(db, ctx.unit.id, queueScopeOf(ctx, ctx.roles));
}
