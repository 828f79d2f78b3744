import type { ErrorCode } from '../core/error-catalogue.ts';
import type { Workflow, WorkflowAction, WorkflowStep } from '../standards/workflow.schema.ts';
import { doneTarget } from '../standards/workflow.schema.ts';

/** One stored action of a case; a case is the list of its actions. */
export interface CaseAction {
  seq: number;
  at: string;
  userId: number | null;
  role: string;
  /** The step the action was taken at (null for the opening). */
  step: string | null;
  /** `open`, `claim`, `resume`, or the id of an action of the step. */
  action: string;
  note?: string | undefined;
}

export type CaseStatus = 'open' | 'returned' | 'done' | 'rejected' | 'withdrawn';

/**
 * The statuses of a case that still waits for someone. The queue's partial index is built on
 * this list, and the planner uses it only while the queries ask for the same one.
 */
export const waitingStatuses = ['open', 'returned'] as const satisfies readonly CaseStatus[];
export const isWaiting = (status: string): boolean => (waitingStatuses as readonly string[]).includes(status);

/** The statuses of a case that has ended: served, refused, or withdrawn before it was served. */
export const closedStatuses = ['done', 'rejected', 'withdrawn'] as const satisfies readonly CaseStatus[];
export const isClosedStatus = (status: string): boolean =>
  (closedStatuses as readonly string[]).includes(status);

export interface CaseState {
  status: CaseStatus;
  step: string | null;
  assignee: number | null;
  openedAt: string | null;
  closedAt: string | null;
  /** Why the case waits for the applicant, or why it was refused or withdrawn. */
  reason: string | null;
  flags: string[];
  /** Each wait for the applicant (returned, then resumed), oldest first; `to` null while waiting. */
  pauses: Array<{ from: string; to: string | null }>;
}

export const initialState: CaseState = {
  status: 'open',
  step: null,
  assignee: null,
  openedAt: null,
  closedAt: null,
  reason: null,
  flags: [],
  pauses: [],
};

export function stepOf(workflow: Workflow, id: string | null): WorkflowStep | undefined {
  return workflow.steps.find((s) => s.id === id);
}

export function actionOf(
  workflow: Workflow,
  stepId: string | null,
  actionId: string,
): WorkflowAction | undefined {
  return stepOf(workflow, stepId)?.actions.find((a) => a.id === actionId);
}

/** Stored times come back in PostgreSQL's text form; pauses are ISO 8601 for the clock and clients. */
const isoOf = (at: string) => new Date(at).toISOString();

const closed = (s: CaseState) => isClosedStatus(s.status);

/**
 * Why an action may not be taken now, as codes with details; empty when it may. The same
 * rules guard the HTTP path (before an action is stored) and the reducer (on stored actions).
 */
export function refusal(
  workflow: Workflow,
  state: CaseState,
  action: Pick<CaseAction, 'action' | 'role' | 'note' | 'userId'>,
): { code: ErrorCode; details: Record<string, unknown> } | undefined {
  if (action.action === 'open') {
    return state.openedAt ? { code: 'case.already_open', details: {} } : undefined;
  }
  if (!state.openedAt) return { code: 'case.not_open', details: {} };
  if (closed(state)) return { code: 'case.closed', details: { status: state.status } };
  const step = stepOf(workflow, state.step);
  if (!step) return { code: 'case.unknown_step', details: { step: state.step } };
  if (step.role !== action.role)
    return { code: 'case.wrong_role', details: { step: step.id, role: step.role } };
  if (action.action === 'claim') return undefined;
  if (action.action === 'resume') {
    return state.status === 'returned' ? undefined : { code: 'case.not_returned', details: {} };
  }
  if (state.status === 'returned')
    return { code: 'case.waiting_for_applicant', details: { reason: state.reason } };
  const def = step.actions.find((a) => a.id === action.action);
  if (!def) {
    return {
      code: 'case.unknown_action',
      details: { action: action.action, available: step.actions.map((a) => a.id) },
    };
  }
  if ((def.kind === 'reject' || def.kind === 'withdraw' || def.kind === 'return') && !action.note?.trim()) {
    return { code: 'case.reason_required', details: { action: def.id } };
  }
  return undefined;
}

/** Folds one action into the state. Throws on an action the rules refuse. */
export function reduce(workflow: Workflow, state: CaseState, action: CaseAction): CaseState {
  const refused = refusal(workflow, state, action);
  if (refused) throw new Error(`action ${action.seq} (${action.action}) refused: ${refused.code}`);
  switch (action.action) {
    case 'open':
      return { ...initialState, openedAt: action.at, step: workflow.steps[0]?.id ?? null };
    case 'claim':
      return { ...state, assignee: action.userId };
    case 'resume':
      return {
        ...state,
        status: 'open',
        reason: null,
        pauses: state.pauses.map((p) => (p.to === null ? { ...p, to: isoOf(action.at) } : p)),
      };
  }
  const def = actionOf(workflow, state.step, action.action);
  switch (def?.kind) {
    case 'forward':
      return def.to === doneTarget
        ? { ...state, status: 'done', closedAt: action.at, assignee: null }
        : { ...state, step: def.to ?? state.step, assignee: null };
    case 'complete':
      return { ...state, status: 'done', closedAt: action.at, assignee: null };
    case 'reject':
    case 'withdraw':
      return {
        ...state,
        status: def.kind === 'reject' ? 'rejected' : 'withdrawn',
        closedAt: action.at,
        reason: action.note ?? null,
        assignee: null,
      };
    case 'return':
      return {
        ...state,
        status: 'returned',
        reason: action.note ?? null,
        pauses: [...state.pauses, { from: isoOf(action.at), to: null }],
      };
    default:
      return state;
  }
}

/** The state of a case: its actions folded in order. */
export function caseState(workflow: Workflow, actions: readonly CaseAction[]): CaseState {
  return actions.reduce((s, a) => reduce(workflow, s, a), initialState);
}

/**
 * The step that required a paper and has been left (moved on from, closed, or the case closed
 * since), or undefined while the paper may still be replaced or removed: at a requiring step, or
 * before any requiring step was reached. A case sent back to a requiring step opens it again.
 */
export function requiringStepLeft(
  workflow: Workflow,
  state: CaseState,
  actions: readonly Pick<CaseAction, 'step' | 'action'>[],
  requirementId: string,
): WorkflowStep | undefined {
  const requiring = workflow.steps.filter((s) => s.requires?.includes(requirementId));
  if (!closed(state) && requiring.some((s) => s.id === state.step)) return undefined;
  const leaving = new Set(['forward', 'complete', 'reject', 'withdraw']);
  const left = actions.find(
    (a) =>
      requiring.some((s) => s.id === a.step) && leaving.has(actionOf(workflow, a.step, a.action)?.kind ?? ''),
  );
  if (left) return stepOf(workflow, left.step);
  return closed(state) ? (requiring[0] ?? stepOf(workflow, state.step) ?? workflow.steps[0]) : undefined;
}
