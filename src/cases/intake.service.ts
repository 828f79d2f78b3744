import { recordAudit } from '../audit/audit.service.ts';
import { type AuthContext, actorOf, type ClientInfo } from '../auth/auth.service.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { DomainError, ValidationError } from '../core/errors.ts';
import { parseNik } from '../core/nik.ts';
import type { Db } from '../db/client.ts';
import { checkIntakeAnswers } from '../standards/intake.ts';
import { isWaiting } from './case.reducer.ts';
import * as repo from './cases.repository.ts';
import type { CaseDetail, CorrectIntakeInput, NikCheck } from './cases.schema.ts';
import { type CaseEnv, getCase, loadCase } from './cases.service.ts';
import { stepDueAtOf } from './deadline.ts';

/**
 * What the desk sees under the NIK field before opening a case: `parseNik`'s problems. An error
 * refuses the case at opening; a warning (a district code not in the register, as after a split)
 * only flags it `nik-perlu-dicek`.
 */
export function checkIntakeNik(nik: string): NikCheck {
  return {
    problems: parseNik(nik).problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: p.message,
      en: p.en,
      params: p.params,
    })),
  };
}

/**
 * Corrects the intake answers of an open case (a mistyped answer, or a patient admitted after
 * the visit): the whole set is checked again as at intake, a reason is required, and the audit
 * chain keeps the answers before and after. Which papers are asked follows the new answers. The
 * desk says which answers it corrects (`previous`): a correction made meanwhile is a conflict.
 */
export async function correctIntake(
  db: Db,
  env: CaseEnv,
  ctx: AuthContext,
  id: number,
  input: CorrectIntakeInput,
  client: ClientInfo,
): Promise<CaseDetail> {
  const { row, standard } = await loadCase(db, ctx, id);
  await db.transaction(async (tx) => {
    // A corrected priority moves the decision's due time at the step the case waits at now: the
    // row is locked, so what is checked, reckoned and audited below is the case as it stands,
    // and an action that read the answers before this commits is refused.
    const now = await repo.lockCase(tx, row.id);
    if (!now) throw new DomainError('case.not_found', { id });
    if (!isWaiting(now.status)) throw new DomainError('case.closed', { status: now.status });
    // Two desks correcting at once: the second would overwrite answers it never saw.
    if (canonicalJson(now.intake) !== canonicalJson(input.previous))
      throw new DomainError('case.conflict', { intake: 'corrected since' });
    const { answers, problems } = checkIntakeAnswers(standard.intake?.fields ?? [], input.intake);
    if (problems.length > 0) throw new ValidationError('case.invalid', problems);
    await repo.updateIntake(
      tx,
      row.id,
      answers,
      stepDueAtOf(standard, { openedAt: row.openedAt, intake: answers }, now.step),
    );
    await recordAudit(tx, actorOf(ctx, client), {
      action: 'case.intake_correct',
      entity: 'case',
      entityId: row.id,
      before: { intake: now.intake },
      after: { intake: answers, reason: input.reason },
    });
  });
  return getCase(db, env, ctx, id);
}
