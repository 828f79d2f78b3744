import type { Db } from '../db/client.ts';
import type { IntakeAnswers } from '../standards/intake.ts';
import type { TimeLimit } from '../standards/standard.schema.ts';
import { revisionIdsOfUnit } from '../standards/standards.repository.ts';
import { standardOfRevision } from '../standards/standards.service.ts';
import { type CaseStatus, isClosedStatus } from './case.reducer.ts';
import { caseFacts, openingResult } from './case-facts.repository.ts';
import type { StepDeadlineView } from './cases.schema.ts';
import { deadlineView, decisionsOf, stepDeadlines } from './deadline.ts';

/**
 * What a domain module's report may read of the cases of its service (read-only): the case's
 * projection, its intake, what its opening check recorded and when it last moved. The module
 * names its service by the opening check its workflow runs, so no standard's id is written in
 * code and a second standard with the same check is counted too.
 */
export interface CaseFacts {
  id: number;
  trackingCode: string;
  /** The applicant as recorded: for relief logistics, the requesting post or village. */
  applicantName: string;
  status: CaseStatus;
  /** The current step's id and label; null once the case is closed. */
  step: string | null;
  stepLabel: string | null;
  /** The step's place in its workflow (0 is the first), for ordering; null once closed. */
  stepIndex: number | null;
  openedAt: Date;
  /** When the latest action was taken: the case has been at its step since then. */
  lastActionAt: Date;
  closedAt: Date | null;
  /** The engine's due time, for a standard whose time limit is a duration (null while paused). */
  dueAt: Date | null;
  paused: boolean;
  intake: IntakeAnswers;
  /** What the workflow's opening check returned when the case opened; null if it had none. */
  opening: Record<string, unknown> | null;
  /** The time limit (component 3) of the revision the case follows. */
  timeLimit: TimeLimit;
  /** Its steps' decisions against their deadlines, as of the `now` the facts were read at. */
  deadlines: StepDeadlineView[];
}

/** The unit's revisions whose workflow opens with `openingCheck`, with their content. */
async function revisionsOpenedWith(db: Db, unitId: number, openingCheck: string) {
  const out = new Map<number, Awaited<ReturnType<typeof standardOfRevision>>>();
  for (const id of await revisionIdsOfUnit(db, unitId)) {
    const standard = await standardOfRevision(db, id);
    if (standard.workflow?.openingCheck === openingCheck) out.set(id, standard);
  }
  return out;
}

/**
 * The unit's cases whose workflow opens with the check `openingCheck`, oldest first; with
 * `holding`, only those whose opening result holds these values (`{ emergencyId: 3 }`).
 */
/**
 * What a case's opening check returned (as `CaseFacts.opening`), or null: a module reads what
 * its check recorded (the emergency a relief request opened under) from the case itself.
 */
export async function openingOf(
  db: Db,
  unitId: number,
  caseId: number,
): Promise<Record<string, unknown> | null> {
  const found = await openingResult(db, unitId, caseId);
  return found !== null && typeof found === 'object' && !Array.isArray(found)
    ? (found as Record<string, unknown>)
    : null;
}

export async function casesOpenedWith(
  db: Db,
  unitId: number,
  openingCheck: string,
  holding?: Record<string, string | number>,
  now = new Date(),
): Promise<CaseFacts[]> {
  const revisions = await revisionsOpenedWith(db, unitId, openingCheck);
  const found = await caseFacts(db, unitId, [...revisions.keys()], holding);
  return found.map(({ row, opening, lastActionAt, moves }) => {
    const standard = revisions.get(row.revisionId);
    if (!standard)
      throw new Error(`case ${row.id} follows revision ${row.revisionId}, which was not asked for`);
    const steps = standard.workflow?.steps ?? [];
    const index = steps.findIndex((s) => s.id === row.step);
    return {
      id: row.id,
      trackingCode: row.trackingCode,
      applicantName: row.applicant.name,
      status: row.status as CaseStatus,
      step: row.step,
      stepLabel: steps[index]?.label ?? null,
      stepIndex: index >= 0 ? index : null,
      openedAt: row.openedAt,
      lastActionAt: new Date(lastActionAt),
      closedAt: row.closedAt,
      dueAt: row.dueAt,
      paused: row.pausedAt !== null,
      intake: row.intake,
      opening:
        opening !== null && typeof opening === 'object' && !Array.isArray(opening)
          ? (opening as Record<string, unknown>)
          : null,
      timeLimit: standard.delivery.timeLimit,
      deadlines: stepDeadlines(
        standard,
        {
          openedAt: row.openedAt,
          intake: row.intake,
          closed: isClosedStatus(row.status),
        },
        decisionsOf(standard.workflow, moves),
        now,
      ).map(deadlineView),
    };
  });
}
