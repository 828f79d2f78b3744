import type { AuthContext } from '../auth/auth.service.ts';
import { DomainError } from '../core/errors.ts';
import type { IssueLetterInput, LetterSigner } from '../documents/letters.service.ts';
import { printedAnswers } from '../standards/intake.ts';
import type { Standard } from '../standards/standard.schema.ts';
import type { Workflow } from '../standards/workflow.schema.ts';
import type { CaseRow } from './cases.repository.ts';
import type { Effects } from './effects.ts';
import { letterRecords, type RecordedAction } from './letter-data.ts';

/**
 * What a case's letter is made of, as the signing action issues it and as its preview shows
 * it: one function, so that the preview cannot drift from the letter.
 */
export function caseLetterInput(args: {
  ctx: AuthContext;
  standard: Standard;
  workflow: Workflow;
  effects: Effects;
  row: CaseRow;
  classification: string;
  signer: LetterSigner;
  publicUrl: string;
  now: Date;
  /** The case's actions, the signing one (its data and its effect's result) last. */
  recorded: readonly RecordedAction[];
  /** The survey's address printed under its QR on the last page. */
  surveyUrl?: string | undefined;
}): IssueLetterInput {
  const { standard, row } = args;
  const product =
    standard.delivery.products.find((p) => p.id === row.product) ?? standard.delivery.products[0];
  if (!product) throw new DomainError('case.unknown_product', { product: row.product });
  return {
    unit: args.ctx.unit,
    caseId: row.id,
    trackingCode: row.trackingCode,
    product,
    serviceName: standard.name,
    classification: args.classification,
    applicant: row.applicant,
    signer: args.signer,
    publicUrl: args.publicUrl,
    now: args.now,
    template: standard.letters?.[product.id],
    openedAt: row.openedAt,
    ...letterRecords(args.workflow, args.effects, args.recorded),
    intake: printedAnswers(standard.intake?.fields ?? [], row.intake),
    surveyUrl: args.surveyUrl,
  };
}
