import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/auth.service.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import type { FileStore } from '../documents/file-store.ts';
import { previewLetter } from '../documents/letters.service.ts';
import { refusal, stepOf } from './case.reducer.ts';
import { caseLetterInput } from './case-letter.ts';
import type { ActionPreview } from './cases.schema.ts';
import { type CaseEnv, letterSurveyUrl, loadCase, writerRoles } from './cases.service.ts';
import { caseDocuments } from './cases.tables.ts';
import { assertHoldsInDivision } from './divisions.ts';
import { findEffect } from './effects.ts';
import { signerOf } from './signer.ts';

/**
 * The action a preview is asked for, refused as `act` would refuse taking it (wrong role,
 * closed case, unknown action), without a note or a version: a preview writes nothing.
 */
async function previewedAction(db: Db, ctx: AuthContext, id: number, actionId: string) {
  const loaded = await loadCase(db, ctx, id);
  const { standard, workflow, state } = loaded;
  const writers = writerRoles(ctx, workflow);
  const step = stepOf(workflow, state.step);
  if (step && writers.includes(step.role)) await assertHoldsInDivision(db, ctx, step.role, standard);
  const role = step && writers.includes(step.role) ? step.role : (writers[0] ?? 'unknown');
  // A reason is asked for when the action is taken, not for its preview.
  const refused = refusal(workflow, state, {
    action: actionId,
    role,
    note: 'pratinjau',
    userId: ctx.user.id,
  });
  if (refused) throw new DomainError(refused.code, refused.details);
  const def = step?.actions.find((a) => a.id === actionId);
  if (!def) throw new DomainError('case.unknown_action', { action: actionId, available: [] });
  return { ...loaded, def };
}

/** What an action's effect would do with the form's current data (a payout's amount and leg). */
export async function previewAction(
  db: Db,
  env: Pick<CaseEnv, 'effects'>,
  ctx: AuthContext,
  id: number,
  input: { action: string; data?: Record<string, unknown> | undefined },
): Promise<ActionPreview> {
  const { row, def } = await previewedAction(db, ctx, id, input.action);
  const preview = def.effect ? findEffect(env.effects, def.effect)?.preview : undefined;
  return {
    effect: preview ? await preview(db, row, input.data ?? {}) : null,
    letter: Boolean(def.letter),
  };
}

/**
 * The letter the action would issue, as its PDF marked `CONTOH / PRATINJAU`: the same inputs
 * as `act` gathers, the effect simulated; no agenda number is taken and nothing is written.
 */
export async function letterPreviewOf(
  db: Db,
  env: Pick<CaseEnv, 'effects' | 'publicUrl' | 'clock' | 'surveyKey'>,
  ctx: AuthContext,
  id: number,
  actionId: string,
  data: Record<string, unknown>,
): Promise<{ fileName: string; pdf: Buffer }> {
  const { row, standard, workflow, actions, state, def } = await previewedAction(db, ctx, id, actionId);
  if (!def.letter) throw new DomainError('case.no_letter', { action: def.label });
  const signer = signerOf(ctx, ctx.unit, {
    onBehalfOf: row.product ? standard.letters?.[row.product]?.signer?.onBehalfOf : undefined,
  });
  const effect = def.effect ? findEffect(env.effects, def.effect) : undefined;
  const result = effect?.simulate ? await effect.simulate(db, { ctx, caseRow: row, data }) : undefined;
  const { pdf } = await previewLetter(
    caseLetterInput({
      ctx,
      standard,
      workflow,
      effects: env.effects,
      row,
      classification: def.letter.classification,
      signer,
      publicUrl: env.publicUrl,
      now: new Date(env.clock.now()),
      surveyUrl: letterSurveyUrl(env, row.trackingCode),
      recorded: [...actions, { step: state.step, action: def.id, data: { ...data, result } }],
    }),
  );
  return { fileName: `pratinjau-${row.trackingCode}.pdf`, pdf };
}

/** A requirement document of a case (a scan, a photo), for a user who may read the case. */
export async function documentFileOf(
  db: Db,
  files: FileStore,
  ctx: AuthContext,
  id: number,
  documentId: number,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const { row } = await loadCase(db, ctx, id);
  const [doc] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, row.id)));
  if (!doc) throw new DomainError('document.not_found', { documentId });
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes: await files.get(doc.sha256) };
}
