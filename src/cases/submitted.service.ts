import { findUnitById, type UnitRow } from '../auth/auth.repository.ts';
import type { AuthContext, ClientInfo } from '../auth/auth.service.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { type FileStore, sniffMimeType } from '../documents/file-store.ts';
import { findLetterOfCase, type LetterRow, lettersOfCases } from '../documents/letters.service.ts';
import { requirementText } from '../standards/intake.ts';
import type { Standard } from '../standards/standard.schema.ts';
import { standardOfRevision } from '../standards/standards.service.ts';
import { actionOf, type CaseState, caseState, isWaiting, stepOf } from './case.reducer.ts';
import { regionLabel } from './case-recorded.ts';
import * as repo from './cases.repository.ts';
import type { CaseOpened, OpenCaseInput } from './cases.schema.ts';
import { type OpeningEnv, openCaseIn, receiveDocument, toAction, workflowOf } from './cases.service.ts';
import type {
  SubmittedDetail,
  SubmittedItem,
  SubmittedList,
  SubmittedListQuery,
  SubmittedPaper,
} from './submitted.schema.ts';

/**
 * Cases an office submits to the office above it on Jaring (`units.parent_id`): a regency's
 * relief request to the province. The case is the office above's, in its queue and its rules;
 * the submitting office is recorded on it (`cases.requesting_unit_id`) and follows it here,
 * read-only: its status and step, the papers it sent, the letters the office above issued.
 * Any other case, and every case of another office, is `case.not_found` to it.
 */

/** The office above the caller's on Jaring, or `submission.no_office_above`. */
export async function officeAbove(db: Db, ctx: AuthContext): Promise<UnitRow> {
  const above = ctx.unit.parentId === null ? undefined : await findUnitById(db, ctx.unit.parentId);
  if (!above) throw new DomainError('submission.no_office_above', { office: ctx.unit.name });
  return above;
}

/**
 * Opens a case in the office above the caller's, submitted by the caller's office; `note` is what
 * the submitter writes with it (the opening's note). The office above's opening check applies.
 */
export async function submitCase(
  db: Db,
  env: OpeningEnv,
  ctx: AuthContext,
  input: OpenCaseInput & { note?: string | undefined },
  client: ClientInfo,
  clock: Clock,
): Promise<CaseOpened & { unitId: number }> {
  const { note, papersSeen: _desk, ...open } = input;
  const above = await officeAbove(db, ctx);
  const created = await openCaseIn(
    db,
    env,
    ctx,
    { unit: above, requestingUnit: ctx.unit, note },
    open,
    client,
    clock,
  );
  return { id: created.id, trackingCode: created.trackingCode, unitId: created.unitId };
}

async function loadSubmitted(db: Db, ctx: AuthContext, id: number) {
  const row = await repo.findSubmittedCase(db, ctx.unit.id, id);
  if (!row) throw new DomainError('case.not_found', { id });
  const standard = await standardOfRevision(db, row.revisionId);
  const workflow = workflowOf(standard);
  const actions = await repo.actionsOf(db, row.id);
  const state = caseState(workflow, actions.map(toAction));
  return { row, standard, workflow, actions, state };
}

const dayMs = 86_400_000;

function itemOf(
  row: repo.CaseRow,
  standard: Standard,
  office: string,
  caseLetters: readonly LetterRow[],
  now: number,
): SubmittedItem {
  const closed = row.closedAt?.getTime() ?? null;
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    applicantName: row.applicant.name,
    office,
    service: standard.name,
    areas: (standard.intake?.fields ?? []).flatMap((f) => {
      const code = row.intake[f.id];
      return f.kind === 'region' && typeof code === 'string' ? [regionLabel(code)] : [];
    }),
    status: row.status as SubmittedItem['status'],
    step: isWaiting(row.status)
      ? (standard.workflow?.steps.find((s) => s.id === row.step)?.label ?? null)
      : null,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    ageDays: Math.max(0, Math.floor(((closed ?? now) - row.openedAt.getTime()) / dayMs)),
    letters: caseLetters
      .filter((l) => l.caseId === row.id)
      .map((l) => ({
        id: l.id,
        title: l.title,
        number: l.number,
        issuedAt: l.issuedAt.toISOString(),
        verificationCode: l.verificationCode,
        signed: l.signedSha256 !== null,
      })),
  };
}

/** The offices' names by id, for the few offices a page of submissions went to. */
async function officeNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(ids)) names.set(id, (await findUnitById(db, id))?.name ?? '');
  return names;
}

/** A page of what the caller's office submitted, newest first, with the letters issued for each. */
export async function listSubmitted(
  db: Db,
  ctx: AuthContext,
  query: SubmittedListQuery,
  clock: Clock,
): Promise<SubmittedList> {
  const rows = await repo.submittedCases(db, ctx.unit.id, query.after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const caseLetters = await lettersOfCases(
    db,
    page.map((r) => r.id),
  );
  const offices = await officeNames(
    db,
    page.map((r) => r.unitId),
  );
  const now = clock.now();
  const cases = await Promise.all(
    page.map(async (row) =>
      itemOf(
        row,
        await standardOfRevision(db, row.revisionId),
        offices.get(row.unitId) ?? '',
        caseLetters,
        now,
      ),
    ),
  );
  return { cases, next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

const isOpen = (state: CaseState) => isWaiting(state.status);

/** The requirements the submitter may still send: those its first step asks for, while it stands there. */
function sendable(
  standard: Standard,
  workflow: ReturnType<typeof workflowOf>,
  state: CaseState,
  product: string | null,
) {
  const first = workflow.steps[0];
  if (!first || state.step !== first.id || !isOpen(state)) return [];
  const asked = new Set(first.requires ?? []);
  return standard.delivery.requirements.items.filter(
    (r) =>
      asked.has(r.id) &&
      r.kind === 'document' &&
      (!r.products || (product !== null && r.products.includes(product))),
  );
}

/** One submitted case as its submitter follows it. */
export async function getSubmitted(
  db: Db,
  ctx: AuthContext,
  id: number,
  clock: Clock,
): Promise<SubmittedDetail> {
  const { row, standard, workflow, actions, state } = await loadSubmitted(db, ctx, id);
  const caseLetters = await lettersOfCases(db, [row.id]);
  const office = (await findUnitById(db, row.unitId))?.name ?? '';
  const documents = (await repo.documentsOf(db, row.id)).filter(
    (d) => d.replacedBy === null && d.removedAt === null,
  );
  const have = new Set(documents.map((d) => d.requirementId));
  const passed = new Set(actions.map((a) => a.step).filter((s): s is string => s !== null));
  const text = (requirementId: string) => {
    const r = standard.delivery.requirements.items.find((i) => i.id === requirementId);
    return r ? requirementText(r) : requirementId;
  };
  const submittedBy = new Set(actions.filter((a) => a.action === 'open').map((a) => a.userId));
  const open = actions.find((a) => a.action === 'open');
  return {
    case: itemOf(row, standard, office, caseLetters, clock.now()),
    intake: (standard.intake?.fields ?? []).flatMap((f) => {
      const value = row.intake[f.id];
      if (value === undefined || value === '') return [];
      // As the office reads it: a region by name, a choice by its option's label.
      const shown =
        f.kind === 'region' && typeof value === 'string'
          ? regionLabel(value)
          : f.kind === 'choice'
            ? (f.options.find((o) => o.value === value)?.label ?? value)
            : value;
      return [{ label: f.label, value: shown }];
    }),
    note: open?.note ?? null,
    stepRole: isOpen(state) ? (stepOf(workflow, state.step)?.role ?? null) : null,
    steps: workflow.steps.map((s) => ({
      label: s.label,
      state:
        s.id === state.step && isOpen(state)
          ? 'current'
          : passed.has(s.id) || state.status === 'done'
            ? 'done'
            : 'pending',
    })),
    reason: state.reason,
    history: actions.map((a) => {
      const builtIn = a.action === 'open' || a.action === 'claim' || a.action === 'resume' ? a.action : null;
      return {
        at: a.at,
        step: a.step === null ? null : (stepOf(workflow, a.step)?.label ?? null),
        builtIn,
        action: builtIn ? null : (actionOf(workflow, a.step, a.action)?.label ?? null),
      };
    }),
    papers: documents.map((d) => ({
      id: d.id,
      requirement: text(d.requirementId),
      fileName: d.fileName,
      uploadedAt: d.uploadedAt.toISOString(),
      bySubmitter: submittedBy.has(d.uploadedBy),
    })),
    missing: sendable(standard, workflow, state, row.product)
      .filter((r) => !have.has(r.id))
      .map((r) => ({ id: r.id, text: requirementText(r) })),
  };
}

/**
 * A paper the submitter sends for its case (the request letter, its own letter, the assessment):
 * one its first step asks for, while the case stands there; later the office above holds the file.
 */
export async function addSubmittedPaper(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  id: number,
  input: { requirementId: string; fileName: string; bytes: Buffer },
  client: ClientInfo,
): Promise<SubmittedPaper & { unitId: number }> {
  const { row, standard, workflow, state } = await loadSubmitted(db, ctx, id);
  const first = workflow.steps[0];
  if (!isOpen(state) || state.step !== first?.id) {
    const office = (await findUnitById(db, row.unitId))?.name ?? '';
    throw new DomainError('submission.paper_closed', {
      office,
      step: isOpen(state) ? (stepOf(workflow, state.step)?.label ?? '') : '',
      status: state.status,
    });
  }
  const asked = sendable(standard, workflow, state, row.product);
  const requirement = asked.find((r) => r.id === input.requirementId);
  if (!requirement)
    throw new DomainError('submission.paper_not_asked', {
      requirementId: input.requirementId,
      allowed: asked.map((r) => requirementText(r)).join('; '),
    });
  const doc = await receiveDocument(db, store, ctx, row, requirement.id, input, client);
  return {
    id: doc.id,
    requirementId: doc.requirementId,
    fileName: doc.fileName,
    uploadedAt: doc.uploadedAt.toISOString(),
    unitId: row.unitId,
  };
}

/** A letter the office above issued for a submitted case: as issued, or its signed scan. */
export async function submittedLetterFile(
  db: Db,
  store: FileStore,
  ctx: AuthContext,
  id: number,
  letterId: number,
  which: 'issued' | 'signed',
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const { row } = await loadSubmitted(db, ctx, id);
  const letter = await findLetterOfCase(db, row.id, letterId);
  const base = `surat-${letter.number.replace(/[^\w.-]+/g, '-')}`;
  if (which === 'issued')
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', bytes: await store.get(letter.pdfSha256) };
  if (!letter.signedSha256) throw new DomainError('letter.not_signed', { number: letter.number });
  const bytes = await store.get(letter.signedSha256);
  const mimeType = sniffMimeType(bytes) ?? 'application/octet-stream';
  const ext = mimeType === 'image/jpeg' ? 'jpg' : mimeType === 'image/png' ? 'png' : 'pdf';
  return { fileName: `${base}-ttd.${ext}`, mimeType, bytes };
}
