import type { IntakeAnswers } from '../standards/intake.ts';
import type { Standard } from '../standards/standard.schema.ts';
import type { StepDeadlineView } from './cases.schema.ts';

/**
 * Where a step's decision stands against its deadline: `running` and `warning` (past `warnAt`
 * of the time) while it waits, `late` once past due; `met` or `metLate` once an action was taken
 * at the step; `ended` when the case closed before reaching it, so no decision is due.
 */
export type DeadlineStatus = 'running' | 'warning' | 'late' | 'met' | 'metLate' | 'ended';

export interface StepDeadlineState {
  step: string;
  stepLabel: string;
  /** The intake answer that set the hours, and its label; `answered` false when the default did. */
  value: string;
  valueLabel: string;
  answered: boolean;
  hours: number;
  dueAt: Date;
  warnAt: Date;
  decidedAt: Date | null;
  status: DeadlineStatus;
}

/**
 * The deadlines of a case's steps (`workflow.steps[].deadline`): hours from the opening by the
 * intake answer, on the wall clock, since an emergency does not keep office hours. A step's
 * decision is the first action taken at it.
 */
export function stepDeadlines(
  standard: Pick<Standard, 'intake' | 'workflow'>,
  c: { openedAt: Date; intake: IntakeAnswers; closed: boolean },
  decidedAt: (step: string) => Date | null,
  now: Date,
): StepDeadlineState[] {
  return deadlineSteps(standard).map(({ step, deadline: d, field }) => {
    const { value, answered } = answerOf(d, c.intake);
    const hours = hoursOf(d, value);
    const budget = hours * 3_600_000;
    const dueAt = new Date(c.openedAt.getTime() + budget);
    const warnAt = new Date(c.openedAt.getTime() + Math.round(budget * d.warnAt));
    const decided = decidedAt(step.id);
    const status: DeadlineStatus = decided
      ? decided > dueAt
        ? 'metLate'
        : 'met'
      : c.closed
        ? 'ended'
        : now > dueAt
          ? 'late'
          : now >= warnAt
            ? 'warning'
            : 'running';
    return {
      step: step.id,
      stepLabel: step.label,
      value,
      valueLabel: labelOf(field, value),
      answered,
      hours,
      dueAt,
      warnAt,
      decidedAt: decided,
      status,
    };
  });
}

type WorkflowStep = NonNullable<Standard['workflow']>['steps'][number];
type StepDeadline = NonNullable<WorkflowStep['deadline']>;

/** The steps of a workflow that have a deadline on a choice field of the intake, with both. */
function deadlineSteps(standard: Pick<Standard, 'intake' | 'workflow'>) {
  const fields = new Map((standard.intake?.fields ?? []).map((f) => [f.id, f]));
  return (standard.workflow?.steps ?? []).flatMap((step) => {
    const deadline = step.deadline;
    const field = deadline ? fields.get(deadline.intakeField) : undefined;
    return deadline && field?.kind === 'choice' ? [{ step, deadline, field }] : [];
  });
}

/** The intake answer a deadline goes by: the one given if it is an option, else the default. */
function answerOf(d: StepDeadline, intake: IntakeAnswers): { value: string; answered: boolean } {
  const given = intake[d.intakeField];
  return typeof given === 'string' && d.hours[given] !== undefined
    ? { value: given, answered: true }
    : { value: d.default, answered: false };
}

/** The label of an answer among the field's options, else the answer itself. */
function labelOf(field: { options: ReadonlyArray<{ value: string; label: string }> }, value: string): string {
  return field.options.find((o) => o.value === value)?.label ?? value;
}

/** The hours a deadline gives an answer (the standard's schema gives every option and the default hours). */
function hoursOf(d: StepDeadline, value: string): number {
  return d.hours[value] ?? 0;
}

/**
 * When the decision at `step` is due, as `stepDeadlines` reckons it; null at a step without a
 * deadline, or none. The engine stores it on the case (`cases.step_due_at`) whenever the step
 * or the intake answers change, so the queue and the list order and filter by it in SQL.
 */
export function stepDueAtOf(
  standard: Pick<Standard, 'intake' | 'workflow'>,
  c: { openedAt: Date; intake: IntakeAnswers },
  step: string | null,
): Date | null {
  const found = deadlineSteps(standard).find((d) => d.step.id === step);
  if (!found) return null;
  const { value } = answerOf(found.deadline, c.intake);
  return new Date(c.openedAt.getTime() + hoursOf(found.deadline, value) * 3_600_000);
}

/**
 * When each step's decision was taken: the first action there that moves the case on (forward,
 * complete or reject); sending it back to the applicant, or resuming, decides nothing.
 */
export function decisionsOf(
  workflow: Pick<NonNullable<Standard['workflow']>, 'steps'> | undefined,
  actions: ReadonlyArray<{ step: string | null; action: string; at: Date | string }>,
): (step: string) => Date | null {
  const deciding = new Map(
    (workflow?.steps ?? []).map((s) => [
      s.id,
      new Set(s.actions.filter((a) => a.kind !== 'return').map((a) => a.id)),
    ]),
  );
  const first = new Map<string, Date>();
  for (const a of actions) {
    if (a.step === null || first.has(a.step) || !deciding.get(a.step)?.has(a.action)) continue;
    first.set(a.step, new Date(a.at));
  }
  return (step) => first.get(step) ?? null;
}

/** A deadline as the API gives it. */
export function deadlineView(d: StepDeadlineState): StepDeadlineView {
  return {
    ...d,
    dueAt: d.dueAt.toISOString(),
    warnAt: d.warnAt.toISOString(),
    decidedAt: d.decidedAt?.toISOString() ?? null,
  };
}

/** Where a waiting case stands against time at its current step, as the queue and the list show it. */
export interface WaitingDue {
  dueAt: Date | null;
  overdue: boolean;
  /** Past `warnAt` of a step deadline; else within 15 minutes of the case's due time. */
  dueSoon: boolean;
  /** The label of the intake answer that set the step's deadline. */
  priority: string | null;
}

/**
 * A waiting case's due time where it waits: the decision's at a step with a deadline, which the
 * case stores (`stepDueAt`, as the queue's SQL orders by it), else the case's own due time. The
 * standard gives only the step's warning point and the priority label of the answer.
 */
export function dueWhereItWaits(
  standard: Pick<Standard, 'intake' | 'workflow'>,
  c: {
    step: string | null;
    openedAt: Date;
    intake: IntakeAnswers;
    dueAt: Date | null;
    stepDueAt: Date | null;
  },
  now: Date,
): WaitingDue {
  const t = now.getTime();
  if (c.stepDueAt) {
    const due = c.stepDueAt.getTime();
    const found = deadlineSteps(standard).find((d) => d.step.id === c.step);
    const opened = c.openedAt.getTime();
    const warn = found ? opened + Math.round((due - opened) * found.deadline.warnAt) : due;
    const value = found ? answerOf(found.deadline, c.intake).value : undefined;
    return {
      dueAt: c.stepDueAt,
      overdue: t > due,
      dueSoon: t <= due && t >= warn,
      priority: found && value !== undefined ? labelOf(found.field, value) : null,
    };
  }
  const at = c.dueAt?.getTime() ?? null;
  return {
    dueAt: c.dueAt,
    overdue: at !== null && at < t,
    dueSoon: at !== null && at >= t && at - t < 15 * 60_000,
    priority: null,
  };
}
