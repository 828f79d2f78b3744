import { randomInt } from 'node:crypto';
import { type AuditEntry, recordAudit, recordAudits } from '../audit/audit.service.ts';
import { findUnitById, type UnitRow } from '../auth/auth.repository.ts';
import { type AuthContext, actorOf, type ClientInfo, hasPermission } from '../auth/auth.service.ts';
import { userNames } from '../auth/people.ts';
import { writesCases } from '../auth/permissions.ts';
import type { StaffRole } from '../auth/roles.ts';
import { calendarOf } from '../calendar/calendar.service.ts';
import { addOfficeMinutes, addWorkingDays, type WorkingCalendar } from '../core/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { parseNik } from '../core/nik.ts';
import { maskNumbersInText, maskPersonalNumbers } from '../core/privacy.ts';
import { findRegion } from '../core/regions.ts';
import { surveyUrlOf } from '../core/survey-token.ts';
import type { Db } from '../db/client.ts';
import { type FileStore, sha256Of, sniffMimeType } from '../documents/file-store.ts';
import {
  attachSignedLetter,
  findLetterOfCase,
  issueLetter,
  type LetterRow,
  lettersOfCase,
  signedScansOf,
} from '../documents/letters.service.ts';
import {
  checkIntakeAnswers,
  conditionHolds,
  type IntakeAnswers,
  requirementText,
} from '../standards/intake.ts';
import type { Standard, TimeLimit } from '../standards/standard.schema.ts';
import { findStandard, revisionIdsOfUnit, revisionMetasOf } from '../standards/standards.repository.ts';
import { pickInForce, standardOfRevision } from '../standards/standards.service.ts';
import type { Workflow } from '../standards/workflow.schema.ts';
import {
  actionOf,
  type CaseAction,
  type CaseState,
  caseState,
  isClosedStatus,
  isWaiting,
  refusal,
  requiringStepLeft,
  stepOf,
} from './case.reducer.ts';
import { caseCalendar, caseClock } from './case-clock.ts';
import { caseLetterInput } from './case-letter.ts';
import { originsIn } from './case-origin.ts';
import { recordedSteps } from './case-recorded.ts';
import * as repo from './cases.repository.ts';
import type {
  ActInput,
  CaseDetail,
  CaseDocument,
  OpenCaseInput,
  PapersSeenView,
  PublicTracking,
  QueueItem,
} from './cases.schema.ts';
import type { PapersSeen } from './cases.tables.ts';
import { deadlineView, decisionsOf, dueWhereItWaits, stepDeadlines, stepDueAtOf } from './deadline.ts';
import { assertHoldsInDivision, holdsInDivision, queueScopeOf, writersInDivision } from './divisions.ts';
import { type Effects, findEffect } from './effects.ts';
import { signerOf } from './signer.ts';

const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An unguessable short code a citizen can read aloud: `K7MQ2-XW9PD` (31^10 ≈ 8·10^14). */
export function newTrackingCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += codeAlphabet[randomInt(codeAlphabet.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

export function toAction(row: repo.CaseActionRow): CaseAction {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.userId,
    role: row.role,
    step: row.step,
    action: row.action,
    note: row.note ?? undefined,
  };
}

export function workflowOf(standard: Standard): Workflow {
  if (!standard.workflow) throw new DomainError('case.no_workflow', { standard: standard.id });
  return standard.workflow;
}

/** When a case opened at `openedAt` is due, on the unit's calendar; null for limits that are not durations. */
async function dueAt(db: Db, unitId: number, limit: TimeLimit, openedAt: Date): Promise<Date | null> {
  if (limit.kind !== 'duration') return null;
  const year = openedAt.getUTCFullYear();
  const cal = await calendarOf(db, unitId, { from: year, to: year + 1 });
  if (limit.minutes !== undefined) return addOfficeMinutes(cal, openedAt, limit.minutes);
  return addWorkingDays(cal, openedAt, limit.workingDays ?? 0);
}

/**
 * The case row's columns that follow from its history: status, step and its role, and the due
 * time of the step's decision (`step_due_at`), which goes by the case's opening and intake.
 */
function projection(
  state: CaseState,
  standard: Standard,
  c: { openedAt: Date; intake: IntakeAnswers },
  version: number,
  dueAt?: Date | null,
) {
  const workflow = workflowOf(standard);
  const closedAt = state.closedAt ? new Date(state.closedAt) : null;
  return {
    // A case closed after its due time is a breach, recorded at the closing if the sweep had not yet.
    ...(closedAt && dueAt && closedAt > dueAt ? { breachedAt: dueAt } : {}),
    status: state.status,
    step: state.step,
    stepRole: stepOf(workflow, state.step)?.role ?? null,
    stepDueAt: stepDueAtOf(standard, c, state.step),
    assigneeId: state.assignee,
    version,
    closedAt,
  };
}

/** A product as a refusal lists it: its id for programs, its name for the message. */
const productItem = (p: { id: string; name: string }) => ({ id: p.id, text: p.name });

/** The effects the workflow's opening check is taken from, and the file store they get. */
export interface OpeningEnv {
  effects: Effects;
  files: FileStore;
}

/** Opens a case for a citizen at the front desk: the first action of its history. */
export async function openCase(
  db: Db,
  env: OpeningEnv,
  ctx: AuthContext,
  input: OpenCaseInput,
  client: ClientInfo,
  clock: Clock,
) {
  return openCaseIn(db, env, ctx, { unit: ctx.unit, requestingUnit: null }, input, client, clock);
}

/**
 * Where a case opens: the office it belongs to and, for a case another office submitted to it
 * (`submitted.service.ts`), that office and the note its submitter wrote.
 */
export interface OpeningPlace {
  unit: UnitRow;
  requestingUnit: UnitRow | null;
  note?: string | undefined;
}

/**
 * Opens a case in `place.unit`: at its own desk, or submitted by `place.requestingUnit` (whose
 * user opens it as the applicant's side, `pemohon`). The standard, the calendar, the opening
 * check and the audit entry are the case's office's.
 */
export async function openCaseIn(
  db: Db,
  env: OpeningEnv,
  ctx: AuthContext,
  place: OpeningPlace,
  input: OpenCaseInput,
  client: ClientInfo,
  clock: Clock,
) {
  const { unit, requestingUnit } = place;
  const openedAt = new Date(clock.now());
  const row = await findStandard(db, unit.id, input.standardId);
  if (!row) throw new DomainError('standard.not_found', { id: input.standardId });
  // The standard in force on the office's own date: one effective from today applies from midnight there.
  const revision = pickInForce(await revisionMetasOf(db, row.id), todayIn(unit.timeZone, openedAt));
  if (!revision) throw new DomainError('standard.not_found', { id: input.standardId });
  const standard = await standardOfRevision(db, revision.id);
  const workflow = workflowOf(standard);
  const products = standard.delivery.products;
  const product = input.product ?? (products.length === 1 ? products[0]?.id : undefined);
  if (!product) {
    throw new DomainError('case.product_required', { products: products.map(productItem) });
  }
  if (!products.some((p) => p.id === product)) {
    throw new DomainError('case.unknown_product', { product, products: products.map(productItem) });
  }
  // The intake answers and the NIK are checked before anything is written, every problem at
  // once; a traveller without a NIK is flagged.
  const intake = checkIntakeAnswers(standard.intake?.fields ?? [], input.intake ?? {});
  const problems: Problem[] = [...intake.problems];
  // A region answer must name a region; the browser's check (shared) knows only the code's form.
  for (const f of standard.intake?.fields ?? []) {
    const code = intake.answers[f.id];
    if (f.kind === 'region' && typeof code === 'string' && !findRegion(code))
      problems.push(
        problemIn(`intake.${f.id}`, {
          id: `${f.label}: kode wilayah tidak dikenal (${code})`,
          en: `${f.label}: unknown region code (${code})`,
        }),
      );
  }
  const flags: string[] = [];
  if (input.applicant.nik) {
    const nik = parseNik(input.applicant.nik);
    const errors = nik.problems.filter((p) => p.severity === 'error');
    problems.unshift(...errors.map((p) => problemIn('applicant.nik', { id: p.message, en: p.en })));
    if (nik.problems.length > 0) flags.push('nik-perlu-dicek');
  } else {
    flags.push('tanpa-ktp');
  }
  problems.push(...papersSeenProblems(standard, product, intake.answers, input.papersSeen ?? []));
  if (problems.length > 0) throw new ValidationError('case.invalid', problems);
  const first = workflow.steps[0];
  const role = requestingUnit
    ? 'pemohon'
    : first && ctx.roles.includes(first.role)
      ? first.role
      : (ctx.roles[0] ?? 'unknown');
  const open: CaseAction = {
    seq: 1,
    at: openedAt.toISOString(),
    userId: ctx.user.id,
    role,
    step: null,
    action: 'open',
    note: place.note,
  };
  const state = caseState(workflow, [open]);
  const due = await dueAt(db, unit.id, standard.delivery.timeLimit, openedAt);
  return db.transaction(async (tx) => {
    const created = await repo.insertCase(tx, {
      unitId: unit.id,
      requestingUnitId: requestingUnit?.id ?? null,
      standardId: row.id,
      revisionId: revision.id,
      trackingCode: newTrackingCode(),
      product,
      applicant: input.applicant,
      flags,
      intake: intake.answers,
      papersSeen: input.papersSeen
        ? { ids: [...new Set(input.papersSeen)], by: ctx.user.id, at: openedAt.toISOString() }
        : null,
      ...projection(state, standard, { openedAt, intake: intake.answers }, 1),
      dueAt: due,
      openedAt,
    });
    // The workflow's opening check refuses, in this transaction, a request the office may not
    // accept; what it found is kept with the opening.
    let checked: Record<string, unknown> | undefined;
    if (workflow.openingCheck) {
      const check = findEffect(env.effects, workflow.openingCheck);
      if (!check?.atOpening) throw new DomainError('case.unknown_effect', { effect: workflow.openingCheck });
      // The check is the case's office's: its emergencies, its rules.
      checked = await check.run(tx, {
        ctx: { ...ctx, unit },
        caseRow: created,
        data: intake.answers,
        files: env.files,
      });
    }
    await repo.insertAction(tx, {
      ...open,
      note: open.note ?? null,
      caseId: created.id,
      ...(checked ? { data: { result: checked } } : {}),
    });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'case.open',
      entity: 'case',
      entityId: created.id,
      unitId: unit.id,
      after: {
        trackingCode: created.trackingCode,
        standard: standard.id,
        product,
        ...(requestingUnit ? { requestingUnit: requestingUnit.code } : {}),
      },
    });
    return created;
  });
}

/**
 * Ticks of the intake checklist that are not on it: an id the standard does not have, or a
 * requirement that does not apply to the product and the answers.
 */
function papersSeenProblems(
  standard: Standard,
  product: string,
  intake: IntakeAnswers,
  ids: readonly string[],
): Problem[] {
  const items = standard.delivery.requirements.items;
  return ids.flatMap((id, i) => {
    const r = items.find((item) => item.id === id);
    if (!r) {
      return [
        problemIn(`papersSeen.${i}`, {
          id: `persyaratan "${id}" tidak ada dalam layanan ${standard.name}`,
          en: `requirement "${id}" is not one of ${standard.name}`,
        }),
      ];
    }
    if ((r.products && !r.products.includes(product)) || !conditionHolds(r.when, intake)) {
      return [
        problemIn(`papersSeen.${i}`, {
          id: `${requirementText(r)}: tidak diminta untuk permohonan ini`,
          en: `${requirementText(r)}: not asked for this request`,
        }),
      ];
    }
    return [];
  });
}

export async function loadCase(db: Db, ctx: AuthContext, id: number) {
  const row = await repo.findCase(db, ctx.unit.id, id);
  if (!row) throw new DomainError('case.not_found', { id });
  const standard = await standardOfRevision(db, row.revisionId);
  const workflow = workflowOf(standard);
  const actions = await repo.actionsOf(db, row.id);
  const state = caseState(workflow, actions.map(toAction));
  return { row, standard, workflow, actions, state };
}

const isClosed = (state: CaseState) => isClosedStatus(state.status);

/**
 * The caller's roles that write to this case: named at a step of its workflow and holding a
 * write permission. None (a read-only role, or one no step names, like the administrator):
 * `case.wrong_role`, naming the workflow's roles.
 */
export function writerRoles(ctx: AuthContext, workflow: Workflow): StaffRole[] {
  const roles = caseWriterRoles(ctx, workflow);
  if (roles.length === 0) throw new DomainError('case.wrong_role', { role: workflowRoles(workflow) });
  return roles;
}

function workflowRoles(workflow: Workflow): string[] {
  return [...new Set(workflow.steps.map((s) => s.role))];
}

/** The caller's roles that write to this case (see `writerRoles`); empty for read-only roles. */
function caseWriterRoles(ctx: AuthContext, workflow: Workflow): StaffRole[] {
  const named = workflowRoles(workflow);
  return ctx.roles.filter((r) => writesCases(r) && named.includes(r));
}

/**
 * The role that signed a letter: that of the step whose action issued it. Letters are issued
 * only by actions, one per action, in the action's transaction, so the n-th letter of a case
 * comes from its n-th letter-issuing action.
 */
function signerRoleOf(
  workflow: Workflow,
  actions: repo.CaseActionRow[],
  caseLetters: LetterRow[],
  letterId: number,
): string | undefined {
  // A letter an effect issued (a delivery note, a BAST) is named in that action's result.
  const byEffect = (a: repo.CaseActionRow) => {
    const result = (a.data as { result?: { letterId?: unknown } } | null)?.result;
    return typeof result?.letterId === 'number' ? result.letterId : undefined;
  };
  const fromEffect = actions.find((a) => byEffect(a) === letterId);
  if (fromEffect) return fromEffect.role;
  const effectLetters = new Set(actions.map(byEffect));
  const issuing = actions.filter((a) => actionOf(workflow, a.step, a.action)?.letter);
  return issuing[caseLetters.filter((l) => !effectLetters.has(l.id)).findIndex((l) => l.id === letterId)]
    ?.role;
}

/**
 * Requirement documents the current step needs for the case's product and intake answers (a
 * requirement whose `when` does not hold is not asked for) and does not have.
 */
function missingDocuments(
  standard: Standard,
  workflow: Workflow,
  state: CaseState,
  product: string | null,
  have: Set<string>,
  intake: IntakeAnswers,
) {
  const step = stepOf(workflow, state.step);
  const needed = new Set(step?.requires ?? []);
  return standard.delivery.requirements.items.filter(
    (r) =>
      needed.has(r.id) &&
      r.kind === 'document' &&
      (!r.products || (product !== null && r.products.includes(product))) &&
      conditionHolds(r.when, intake) &&
      !have.has(r.id),
  );
}

export async function getCase(
  db: Db,
  env: { effects: Effects; clock: Clock },
  ctx: AuthContext,
  id: number,
  /** The unit's calendar when the caller (an action) has just read it. */
  known: { calendar?: WorkingCalendar } = {},
): Promise<CaseDetail> {
  const { row, standard, workflow, actions, state } = await loadCase(db, ctx, id);
  const now = new Date(env.clock.now());
  const clock = caseClock(
    known.calendar ?? (await caseCalendar(db, row.unitId, row.openedAt, now)),
    standard.delivery.timeLimit,
    state,
    row.openedAt,
    now,
  );
  const documents = await repo.documentsOf(db, row.id);
  const names = await userNames(db, [
    ...actions.flatMap((a) => (a.userId === null ? [] : [a.userId])),
    ...(row.papersSeen ? [row.papersSeen.by] : []),
    ...documents.flatMap((d) => [d.uploadedBy, d.removedBy].filter((u): u is number => u !== null)),
  ]);
  const caseLetters = await lettersOfCase(db, row.id);
  const scans = await signedScansOf(
    db,
    caseLetters.map((l) => l.id),
  );
  const step = stepOf(workflow, state.step);
  const mayAct =
    step !== undefined &&
    ctx.roles.includes(step.role) &&
    writesCases(step.role) &&
    holdsInDivision(ctx, step.role, standard.division);
  const open = isWaiting(state.status);
  const previews: Record<string, Record<string, unknown>> = {};
  if (mayAct && open) {
    for (const a of step.actions) {
      const preview = a.effect ? findEffect(env.effects, a.effect)?.preview : undefined;
      if (preview) previews[a.id] = await preview(db, row);
    }
  }
  return {
    // The applicant's NIK is masked for every reader; `revealApplicantNik` shows it, audited.
    case: {
      ...row,
      applicant: maskPersonalNumbers(row.applicant),
      dueAt: row.dueAt?.toISOString() ?? null,
      openedAt: row.openedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      breachedAt: row.breachedAt?.toISOString() ?? null,
      pausedAt: row.pausedAt?.toISOString() ?? null,
    },
    mayRevealNik: Boolean(row.applicant.nik) && mayRevealNik(ctx, workflow),
    standard: {
      id: standard.id,
      name: standard.name,
      products: standard.delivery.products,
      intake: standard.intake?.fields ?? [],
      documents: standard.delivery.requirements.items
        .filter((r) => r.kind === 'document')
        .map((r) => ({ id: r.id, text: requirementText(r) })),
    },
    /** Labels of steps and of actions per step, for the timeline. */
    labels: Object.fromEntries(
      workflow.steps.map((s) => [
        s.id,
        { label: s.label, actions: Object.fromEntries(s.actions.map((a) => [a.id, a.label])) },
      ]),
    ),
    state,
    clock: clock.view,
    deadlines: stepDeadlines(
      standard,
      { openedAt: row.openedAt, intake: row.intake, closed: !open },
      decisionsOf(workflow, actions),
      now,
    ).map(deadlineView),
    step: step ? { id: step.id, label: step.label, role: step.role } : null,
    available: mayAct && open ? availableActions(step, state) : [],
    previews,
    missing: missingDocuments(
      standard,
      workflow,
      state,
      row.product,
      receivedRequirements(documents),
      row.intake,
    ).map((r) => ({ id: r.id, text: requirementText(r) })),
    recorded: recordedSteps(workflow, actions, names),
    actions: actions.map((a) => ({
      ...a,
      userName: a.userId === null ? null : (names.get(a.userId) ?? null),
    })),
    documents: documents.map((d) => documentView(d, names, documentChangeable(workflow, state, actions, d))),
    papersSeen: row.papersSeen ? papersSeenView(standard, row.papersSeen, names) : null,
    origin: (await originsIn(db, row.unitId))(row.requestingUnitId),
    letters: caseLetters.map((l) => ({
      id: l.id,
      number: l.number,
      title: l.title,
      issuedAt: l.issuedAt.toISOString(),
      pdfSha256: l.pdfSha256,
      verificationCode: l.verificationCode,
      signedSha256: l.signedSha256,
      /** Every signed scan, oldest first; all but the newest were replaced. */
      signedScans: scans
        .filter((s) => s.letterId === l.id)
        .map((s) => ({
          sha256: s.sha256,
          uploadedAt: s.uploadedAt.toISOString(),
          uploadedBy: s.uploadedBy,
          reason: s.reason,
          replaced: s.replacedBy !== null,
        })),
    })),
  };
}

/** What may be done at the step: its actions, or only the resume while the case waits for the applicant. */
function availableActions(step: Workflow['steps'][number], state: CaseState): CaseDetail['available'] {
  return state.status === 'returned' ? [{ id: 'resume', label: 'Lanjutkan', kind: 'resume' }] : step.actions;
}

/** The ticked papers by their requirement texts, in the standard's order. */
export function papersSeenView(
  standard: Standard,
  seen: PapersSeen,
  names: ReadonlyMap<number, string>,
): PapersSeenView {
  return {
    items: standard.delivery.requirements.items
      .filter((r) => seen.ids.includes(r.id))
      .map((r) => ({ id: r.id, text: requirementText(r) })),
    by: names.get(seen.by) ?? null,
    at: seen.at,
  };
}

/** The requirements a case has received: its current documents' (a removed one no longer counts). */
function receivedRequirements(documents: readonly repo.CaseDocumentRow[]): Set<string> {
  return new Set(documents.filter((d) => d.removedAt === null).map((d) => d.requirementId));
}

/** Whether a document may still be replaced or removed: current, and its requiring step not left. */
function documentChangeable(
  workflow: Workflow,
  state: CaseState,
  actions: readonly repo.CaseActionRow[],
  doc: repo.CaseDocumentRow,
): boolean {
  return (
    doc.replacedBy === null &&
    doc.removedAt === null &&
    requiringStepLeft(workflow, state, actions, doc.requirementId) === undefined
  );
}

function documentView(
  doc: repo.CaseDocumentRow,
  names: ReadonlyMap<number, string>,
  changeable: boolean,
): CaseDocument {
  const { removedBy: _removedBy, ...rest } = doc;
  return {
    ...rest,
    uploadedAt: doc.uploadedAt.toISOString(),
    uploaderName: doc.uploadedBy === null ? null : (names.get(doc.uploadedBy) ?? null),
    removedAt: doc.removedAt?.toISOString() ?? null,
    removedByName: doc.removedBy === null ? null : (names.get(doc.removedBy) ?? null),
    changeable,
  };
}

/** A letter of a case as its PDF, for a user who may read the case. */
export async function letterPdfOf(
  db: Db,
  env: { effects: Effects; files: FileStore; clock: Clock },
  ctx: AuthContext,
  id: number,
  letterId: number,
): Promise<{ fileName: string; pdf: Buffer }> {
  await getCase(db, env, ctx, id);
  const letter = await findLetterOfCase(db, id, letterId);
  return {
    fileName: `surat-${letter.number.replace(/[^\w.-]+/g, '-')}.pdf`,
    pdf: await env.files.get(letter.pdfSha256),
  };
}

/**
 * Who may see an applicant's full NIK: a role holding `registry.reveal` (it may reveal any NIK
 * of its unit's register anyway), or a role that acts at a step of the case's workflow (the desk
 * compares the number with the identity card; the signer's letter prints it). Read-only roles
 * (the auditor, a kepala dinas outside the workflow) see the masked number only.
 */
function mayRevealNik(ctx: AuthContext, workflow: Workflow): boolean {
  return hasPermission(ctx, 'registry.reveal') || caseWriterRoles(ctx, workflow).length > 0;
}

/** The applicant's full NIK for a reason, audited like the register's reveal. */
export async function revealApplicantNik(
  db: Db,
  ctx: AuthContext,
  id: number,
  reason: string,
  client: ClientInfo,
): Promise<{ value: string }> {
  const { row, workflow } = await loadCase(db, ctx, id);
  if (!mayRevealNik(ctx, workflow)) throw new DomainError('case.reveal_forbidden');
  const nik = row.applicant.nik;
  if (!nik) throw new DomainError('case.nik_not_found', { id });
  await recordAudit(db, actorOf(ctx, client), {
    action: 'case.reveal',
    entity: 'case',
    entityId: row.id,
    after: { kind: 'nik', reason },
  });
  return { value: nik };
}

/**
 * Takes an action on a case. Refused when the case is closed, the user lacks the step's
 * role, the action is not one of the step's, a reason is missing, the step's documents are
 * missing, or someone acted since the user looked (`version`).
 */
export interface CaseEnv {
  files: FileStore;
  publicUrl: string;
  /** The effects workflow actions may name, as the composition root joined them. */
  effects: Effects;
  /** The server's one clock: the action's time, the letter's date and the case's clock. */
  clock: Clock;
  /** The survey tokens' key: a letter that closes the case prints the survey's QR. */
  surveyKey?: Buffer | undefined;
}

/**
 * The survey's address a case letter prints: the citizen takes the letter home, usually at the
 * step that closes the case, and the token answers once it is closed.
 */
export function letterSurveyUrl(
  env: Pick<CaseEnv, 'publicUrl' | 'surveyKey'>,
  trackingCode: string,
): string | undefined {
  return env.surveyKey ? surveyUrlOf(env.publicUrl, env.surveyKey, trackingCode) : undefined;
}

export async function act(
  db: Db,
  env: CaseEnv,
  ctx: AuthContext,
  id: number,
  input: ActInput,
  client: ClientInfo,
): Promise<CaseDetail> {
  const { row, standard, workflow, actions, state } = await loadCase(db, ctx, id);
  const writers = writerRoles(ctx, workflow);
  // The case row and its actions are read by two queries; if another action landed between
  // them the two disagree, and the view this action was based on is stale either way.
  if (input.version !== row.version || actions.length !== row.version) {
    throw new DomainError('case.conflict', { expected: input.version, actual: row.version });
  }
  const step = stepOf(workflow, state.step);
  if (step && writers.includes(step.role)) await assertHoldsInDivision(db, ctx, step.role, standard);
  const role = step && writers.includes(step.role) ? step.role : (writers[0] ?? 'unknown');
  const now = new Date(env.clock.now());
  const action: CaseAction = {
    seq: row.version + 1,
    at: now.toISOString(),
    userId: ctx.user.id,
    role,
    step: state.step,
    action: input.action,
    note: input.note,
  };
  const refused = refusal(workflow, state, action);
  if (refused) throw new DomainError(refused.code, refused.details);
  const def = step?.actions.find((a) => a.id === input.action);
  const fieldProblems = (def?.fields ?? []).flatMap((f) => {
    const value = input.data?.[f.id];
    if (value === undefined || value === null || String(value).trim() === '') {
      return f.required
        ? [problemIn(`data.${f.id}`, { id: `${f.label}: wajib diisi`, en: `${f.label}: required` })]
        : [];
    }
    if (f.kind === 'region' && !findRegion(String(value))) {
      return [
        problemIn(`data.${f.id}`, {
          id: `${f.label}: kode wilayah tidak dikenal (${String(value)})`,
          en: `${f.label}: unknown region code (${String(value)})`,
        }),
      ];
    }
    if (f.kind === 'number' && !Number.isFinite(Number(value))) {
      return [
        problemIn(`data.${f.id}`, {
          id: `${f.label}: harus berupa angka`,
          en: `${f.label}: must be a number`,
        }),
      ];
    }
    return [];
  });
  if (fieldProblems.length > 0) throw new ValidationError('case.invalid', fieldProblems);
  if (def && (def.kind === 'forward' || def.kind === 'complete') && (step?.requires?.length ?? 0) > 0) {
    const have = receivedRequirements(await repo.documentsOf(db, row.id));
    const missing = missingDocuments(standard, workflow, state, row.product, have, row.intake);
    if (missing.length > 0) {
      throw new DomainError('case.documents_missing', {
        missing: missing.map((r) => ({ id: r.id, text: requirementText(r) })),
      });
    }
  }
  // The user who takes the signing action signs; refused before anything is written when their
  // NIP or position is not on record.
  const signer = def?.letter
    ? signerOf(ctx, ctx.unit, {
        onBehalfOf: row.product ? standard.letters?.[row.product]?.signer?.onBehalfOf : undefined,
      })
    : undefined;
  const next = caseState(workflow, [...actions.map(toAction), action]);
  // The due time follows the clock: none while the case waits, moved by the wait after it.
  const calendar = await caseCalendar(db, row.unitId, row.openedAt, now);
  const clock = caseClock(calendar, standard.delivery.timeLimit, next, row.openedAt, now).columns;
  // A recorded breach keeps the due time it was recorded against.
  const dueAt = row.breachedAt ? row.dueAt : clock.dueAt;
  await db
    .transaction(async (tx) => {
      // The action row is written last, with what its effect produced; the unique (case, seq)
      // index and the version guard still refuse a concurrent second action as a whole.
      let effectResult: Record<string, unknown> | undefined;
      // The audit entries go last too: the chain's lock they take is held to the commit, and
      // no other office's audited write should wait on this action's letter being laid out.
      const audits: AuditEntry[] = [];
      const moved = await repo.updateProjection(tx, row.id, row, {
        ...projection(next, standard, row, action.seq, row.breachedAt ? null : dueAt),
        ...clock,
        dueAt,
      });
      if (!moved) throw new DomainError('case.conflict', { expected: row.version });
      if (def?.effect) {
        const effect = findEffect(env.effects, def.effect);
        if (!effect) throw new DomainError('case.unknown_effect', { effect: def.effect });
        const result = await effect.run(tx, {
          ctx,
          caseRow: row,
          data: input.data ?? {},
          files: env.files,
          publicUrl: env.publicUrl,
          action: { id: input.action, role, note: input.note, at: now },
        });
        effectResult = result;
        audits.push({ action: def.effect, entity: 'case', entityId: row.id, after: result });
      }
      if (def?.letter && signer) {
        // What the case's actions recorded, this one included, for the letter's placeholders.
        const letterInput = caseLetterInput({
          ctx,
          standard,
          workflow,
          effects: env.effects,
          row,
          classification: def.letter.classification,
          signer,
          publicUrl: env.publicUrl,
          now,
          surveyUrl: letterSurveyUrl(env, row.trackingCode),
          recorded: [
            ...actions,
            {
              step: action.step,
              action: action.action,
              data: { ...(input.data ?? {}), result: effectResult },
            },
          ],
        });
        const letter = await issueLetter(tx, env.files, letterInput);
        audits.push({
          action: 'letter.issue',
          entity: 'letter',
          entityId: letter.id,
          after: { number: letter.number, caseId: row.id, sha256: letter.pdfSha256 },
        });
      }
      await repo.insertAction(tx, {
        ...action,
        note: action.note ?? null,
        caseId: row.id,
        data:
          input.data || effectResult
            ? { ...(input.data ?? {}), ...(effectResult ? { result: effectResult } : {}) }
            : null,
      });
      audits.push({
        action: `case.${input.action}`,
        entity: 'case',
        entityId: row.id,
        before: { status: state.status, step: state.step, version: row.version },
        after: { status: next.status, step: next.step, version: action.seq },
      });
      await recordAudits(tx, actorOf(ctx, client), audits);
    })
    .catch((error: unknown) => {
      // The unique (case, seq) index refuses the second of two simultaneous actions.
      const code =
        (error as { code?: string; cause?: { code?: string } }).cause?.code ??
        (error as { code?: string }).code;
      if (code === '23505') throw new DomainError('case.conflict', { expected: row.version });
      throw error;
    });
  // The answer reads the case again, but not the calendar this action has just read.
  return getCase(db, env, ctx, id, { calendar });
}

const maxUpload = 10 * 1024 * 1024;
const maxReason = 500;

/** Receives a requirement document (scan, photo or PDF) for a case. */
export async function addDocument(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  id: number,
  input: { requirementId: string; fileName: string; bytes: Buffer },
  client: ClientInfo,
): Promise<CaseDocument> {
  const { row, standard, workflow, actions, state } = await loadCase(db, ctx, id);
  await writersInDivision(db, ctx, writerRoles(ctx, workflow), standard);
  if (isClosed(state)) throw new DomainError('case.closed', { status: state.status });
  const requirement = standard.delivery.requirements.items.find((r) => r.id === input.requirementId);
  if (requirement?.kind !== 'document') {
    throw new DomainError('document.unknown_requirement', {
      requirementId: input.requirementId,
      allowed: standard.delivery.requirements.items
        .filter((r) => r.kind === 'document')
        .map((r) => ({ id: r.id, text: r.text })),
    });
  }
  const doc = await receiveDocument(db, store, ctx, row, requirement.id, input, client);
  return documentView(
    doc,
    new Map([[ctx.user.id, ctx.user.name]]),
    documentChangeable(workflow, state, actions, doc),
  );
}

/**
 * Stores a checked requirement's file and records it for the case, audited under the case's
 * office (also when another office's user sends it, `submitted.service.ts`).
 */
export async function receiveDocument(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  row: repo.CaseRow,
  requirementId: string,
  input: { fileName: string; bytes: Buffer },
  client: ClientInfo,
): Promise<repo.CaseDocumentRow> {
  const mimeType = acceptedMimeType(input.bytes);
  const sha256 = await store.put(input.bytes);
  return db.transaction(async (tx) => {
    const doc = await repo.insertDocument(tx, {
      caseId: row.id,
      requirementId,
      fileName: input.fileName.slice(0, 200),
      mimeType,
      size: input.bytes.length,
      sha256,
      uploadedBy: ctx.user.id,
    });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'case.document_add',
      entity: 'case',
      entityId: row.id,
      unitId: row.unitId,
      after: { requirementId, sha256, size: doc.size },
    });
    return doc;
  });
}

/** The type of an uploaded paper (PDF, JPEG or PNG of 1 byte to 10 MB), or the refusal. */
function acceptedMimeType(bytes: Buffer): string {
  if (bytes.length === 0 || bytes.length > maxUpload) {
    throw new DomainError('document.size', { size: bytes.length, max: maxUpload });
  }
  const mimeType = sniffMimeType(bytes);
  if (!mimeType)
    throw new DomainError('document.type', { allowed: ['application/pdf', 'image/jpeg', 'image/png'] });
  return mimeType;
}

/**
 * A current document of an open case whose requiring step has not been left, for a writer of
 * the case; refused with the reason otherwise.
 */
async function changeableDocument(
  db: Db,
  ctx: AuthContext,
  id: number,
  documentId: number,
  operation: 'replace' | 'remove',
) {
  const loaded = await loadCase(db, ctx, id);
  const { row, standard, workflow, actions, state } = loaded;
  await writersInDivision(db, ctx, writerRoles(ctx, workflow), standard);
  const doc = await repo.findDocument(db, row.id, documentId);
  if (!doc) throw new DomainError('document.not_found', { documentId });
  if (isClosed(state)) throw new DomainError('case.closed', { status: state.status });
  if (doc.replacedBy !== null || doc.removedAt !== null)
    throw new DomainError('document.not_current', { documentId });
  const left = requiringStepLeft(workflow, state, actions, doc.requirementId);
  if (left) {
    const requirement = standard.delivery.requirements.items.find((r) => r.id === doc.requirementId);
    throw new DomainError('document.step_left', {
      operation,
      requirement: requirement ? requirementText(requirement) : doc.requirementId,
      step: left.label,
    });
  }
  return { ...loaded, doc };
}

/**
 * Replaces a requirement document with a new file before the step that requires it is left. The
 * earlier document stays, pointing at its replacement, as the requirement's history.
 */
export async function replaceDocument(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  id: number,
  documentId: number,
  input: { fileName: string; bytes: Buffer },
  client: ClientInfo,
): Promise<CaseDocument> {
  const { row, workflow, actions, state, doc } = await changeableDocument(db, ctx, id, documentId, 'replace');
  const mimeType = acceptedMimeType(input.bytes);
  const sha256 = await store.put(input.bytes);
  return db.transaction(async (tx) => {
    const next = await repo.insertDocument(tx, {
      caseId: row.id,
      requirementId: doc.requirementId,
      fileName: input.fileName.slice(0, 200),
      mimeType,
      size: input.bytes.length,
      sha256,
      uploadedBy: ctx.user.id,
    });
    // Two replacements of the same document at once: the second finds it no longer current.
    if (!(await repo.markReplaced(tx, doc.id, next.id)))
      throw new DomainError('document.not_current', { documentId });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'case.document_replace',
      entity: 'case',
      entityId: row.id,
      before: { documentId: doc.id, requirementId: doc.requirementId, sha256: doc.sha256 },
      after: { documentId: next.id, requirementId: next.requirementId, sha256, size: next.size },
    });
    return documentView(
      next,
      new Map([[ctx.user.id, ctx.user.name]]),
      documentChangeable(workflow, state, actions, next),
    );
  });
}

/**
 * Removes a requirement document: only its uploader, only before the step that requires it is
 * left. The row and its file stay (marked removed), for the audit; it no longer counts as received.
 */
export async function removeDocument(
  db: Db,
  ctx: AuthContext,
  id: number,
  documentId: number,
  client: ClientInfo,
  clock: Clock,
): Promise<CaseDocument> {
  const { row, doc } = await changeableDocument(db, ctx, id, documentId, 'remove');
  if (doc.uploadedBy !== ctx.user.id) {
    const uploader =
      doc.uploadedBy === null ? undefined : (await userNames(db, [doc.uploadedBy])).get(doc.uploadedBy);
    throw new DomainError('document.not_uploader', { uploader: uploader ?? '—' });
  }
  return db.transaction(async (tx) => {
    const removed = await repo.markRemoved(tx, doc.id, ctx.user.id, new Date(clock.now()));
    if (!removed) throw new DomainError('document.not_current', { documentId });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'case.document_remove',
      entity: 'case',
      entityId: row.id,
      before: { documentId: doc.id, requirementId: doc.requirementId, sha256: doc.sha256 },
    });
    return documentView(removed, new Map([[ctx.user.id, ctx.user.name]]), false);
  });
}

/**
 * Receives the signed (wet-ink, scanned) letter back to its case. On an open case any role of
 * the workflow may; on a closed one only the signer's role. A scan that replaces an earlier one
 * needs a reason; the earlier scan stays in the letter's history.
 */
export async function attachSignedScan(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  id: number,
  letterId: number,
  input: { bytes: Buffer; reason?: string | undefined },
  client: ClientInfo,
) {
  const { row, standard, workflow, actions, state } = await loadCase(db, ctx, id);
  const writers = await writersInDivision(db, ctx, writerRoles(ctx, workflow), standard);
  const letter = await findLetterOfCase(db, row.id, letterId);
  if (isClosed(state)) {
    const signer = signerRoleOf(workflow, actions, await lettersOfCase(db, row.id), letter.id);
    if (!signer || !(writers as string[]).includes(signer))
      throw new DomainError('case.wrong_role', { role: signer ?? 'unknown', letter: letter.number });
  }
  if (input.bytes.length === 0 || input.bytes.length > maxUpload) {
    throw new DomainError('document.size', { size: input.bytes.length, max: maxUpload });
  }
  if (!sniffMimeType(input.bytes))
    throw new DomainError('document.type', { allowed: ['application/pdf', 'image/jpeg', 'image/png'] });
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > maxReason) {
    throw new ValidationError('case.invalid', [
      problemIn('reason', {
        id: `alasan paling panjang ${maxReason} karakter`,
        en: `the reason may be at most ${maxReason} characters`,
      }),
    ]);
  }
  // The same file again changes nothing.
  if (letter.signedSha256 === sha256Of(input.bytes))
    return { signedSha256: letter.signedSha256, stored: false };
  if (letter.signedSha256 && !reason)
    throw new DomainError('case.reason_required', { letter: letter.number });
  return db.transaction(async (tx) => {
    const { sha256 } = await attachSignedLetter(tx, store, letter, input.bytes, {
      userId: ctx.user.id,
      reason,
    });
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'letter.attach_signed',
      entity: 'letter',
      entityId: letter.id,
      before: { signedSha256: letter.signedSha256 },
      after: { signedSha256: sha256, caseId: row.id, ...(reason ? { reason } : {}) },
    });
    return { signedSha256: sha256, stored: true };
  });
}

/**
 * Every revision of a unit's standards with its content: the workflows its cases follow (an old
 * revision still governs the cases opened under it). Contents are parsed once per process
 * (standardOfRevision's cache); only the ids are read here.
 */
export async function standardsOfUnit(db: Db, unitId: number) {
  const out: Array<{ revisionId: number; standard: Standard }> = [];
  for (const revisionId of await revisionIdsOfUnit(db, unitId))
    out.push({ revisionId, standard: await standardOfRevision(db, revisionId) });
  return out;
}

export async function caseQueue(db: Db, ctx: AuthContext, clock: Clock, limit = 200): Promise<QueueItem[]> {
  const standards = await standardsOfUnit(db, ctx.unit.id);
  const rows = await repo.queue(db, ctx.unit.id, queueScopeOf(ctx, ctx.roles), limit);
  const now = clock.now();
  // The step's label as the standard names it: a queue shows no step ids.
  const standardsOf = new Map(standards.map((r) => [r.revisionId, r.standard]));
  const origin = await originsIn(db, ctx.unit.id);
  return rows.map((c): QueueItem => {
    const standard = standardsOf.get(c.revisionId);
    const due = dueWhereItWaits(standard ?? {}, c, new Date(now));
    return {
      id: c.id,
      trackingCode: c.trackingCode,
      applicantName: c.applicant.name,
      product: c.product,
      status: c.status,
      step: c.step,
      stepLabel:
        c.step === null ? null : (standard?.workflow?.steps.find((s) => s.id === c.step)?.label ?? c.step),
      stepRole: c.stepRole,
      assigneeId: c.assigneeId,
      dueAt: due.dueAt?.toISOString() ?? null,
      overdue: due.overdue,
      dueSoon: due.dueSoon,
      priority: due.priority,
      origin: origin(c.requestingUnitId),
    };
  });
}

/** What a citizen sees with the tracking code: steps, status, due time; no personal data but the first name. */
export async function publicTracking(db: Db, code: string): Promise<PublicTracking> {
  const row = await repo.findCaseByTrackingCode(db, code.trim().toUpperCase());
  if (!row) throw new DomainError('case.not_found', {});
  const standard = await standardOfRevision(db, row.revisionId);
  const workflow = workflowOf(standard);
  const actions = await repo.actionsOf(db, row.id);
  const state = caseState(workflow, actions.map(toAction));
  const passed = new Set(actions.map((a) => a.step).filter((s): s is string => s !== null));
  const unit = await findUnitById(db, row.unitId);
  return {
    trackingCode: row.trackingCode,
    firstName: row.applicant.name.split(/\s+/)[0] ?? '',
    service: standard.name,
    timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    status: state.status,
    // Written by the office for the applicant; a NIK or KK number in it is masked all the same.
    reason: state.reason === null ? null : maskNumbersInText(state.reason),
    letterIssued: (await lettersOfCase(db, row.id)).length > 0,
    office: {
      name: unit?.name ?? '',
      address: unit?.address ?? '',
      phone: unit?.phone ?? '',
      officeHours: (await calendarOf(db, row.unitId)).officeHours,
    },
    openedAt: row.openedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    waitingSince: row.pausedAt?.toISOString() ?? null,
    closedAt: state.closedAt,
    steps: workflow.steps.map((s) => ({
      id: s.id,
      label: s.label,
      role: s.role,
      publicLabel: s.publicLabel ?? null,
      state:
        s.id === state.step && state.status !== 'done'
          ? 'current'
          : passed.has(s.id) || state.status === 'done'
            ? 'done'
            : 'pending',
    })),
  };
}
