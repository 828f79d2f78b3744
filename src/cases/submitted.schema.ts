import { z } from 'zod';
import { IdParam } from '../core/ids.ts';
import { CaseIdParams, CaseStatus } from './cases.schema.ts';

/**
 * Cases an office submitted to the office above it on Jaring (a regency's relief request to the
 * province), as the submitting office follows them: read-only, no personal data beyond the
 * applicant's name it wrote itself, no names of the other office's staff.
 */

/** The submitting office's list: `after` is the keyset cursor (the id of the last case shown). */
export const SubmittedListQuery = z.object({
  after: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SubmittedListQuery = z.infer<typeof SubmittedListQuery>;

/** A paper the other office issued for the case (a surat jalan, a BAST), viewable by the submitter. */
export const SubmittedLetter = z.object({
  id: z.number().int(),
  title: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  verificationCode: z.string(),
  /** Whether its signed scan has come back (e.g. the BAST signed by both parties). */
  signed: z.boolean(),
});
export type SubmittedLetter = z.infer<typeof SubmittedLetter>;

export const SubmittedItem = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  /** The requesting post, village or district, as the submitter named it. */
  applicantName: z.string(),
  /** The office the case was submitted to. */
  office: z.string(),
  service: z.string(),
  /** Region answers of the intake, by name (the area the request is for). */
  areas: z.array(z.string()),
  status: CaseStatus,
  /** The current step's label; null once closed. */
  step: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Whole days since the opening, up to the closing for a closed case. */
  ageDays: z.number().int(),
  letters: z.array(SubmittedLetter),
});
export type SubmittedItem = z.infer<typeof SubmittedItem>;

export const SubmittedList = z.object({
  cases: z.array(SubmittedItem),
  next: z.number().int().nullable(),
});
export type SubmittedList = z.infer<typeof SubmittedList>;

/** A submitted case as its submitter follows it. */
export const SubmittedDetail = z.object({
  case: SubmittedItem,
  /** The intake answers by their labels; regions by name. */
  intake: z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })),
  /** What the submitter wrote with the request. */
  note: z.string().nullable(),
  /** Who works the current step, as a role id of `auth/roles.ts` (the page names it). */
  stepRole: z.string().nullable(),
  steps: z.array(z.object({ label: z.string(), state: z.enum(['current', 'done', 'pending']) })),
  /** Why the other office refused or returned it. */
  reason: z.string().nullable(),
  /** The history, oldest first, by the workflow's labels. */
  history: z.array(
    z.object({
      at: z.string(),
      step: z.string().nullable(),
      /** The engine's own actions (opening, claiming, resuming), named by the page. */
      builtIn: z.enum(['open', 'claim', 'resume']).nullable(),
      /** The workflow's label of any other action. */
      action: z.string().nullable(),
    }),
  ),
  /** The papers received for the case (current ones), and whether the submitter sent each. */
  papers: z.array(
    z.object({
      id: z.number().int(),
      requirement: z.string(),
      fileName: z.string(),
      uploadedAt: z.string(),
      bySubmitter: z.boolean(),
    }),
  ),
  /** Papers the case still lacks that the submitter may add (while it stands at its first step). */
  missing: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type SubmittedDetail = z.infer<typeof SubmittedDetail>;

export const SubmittedPaperParams = CaseIdParams.extend({
  requirementId: z.string().regex(/^[a-z0-9-]{1,80}$/),
});
export const SubmittedLetterParams = CaseIdParams.extend({ letterId: IdParam });

export const SubmittedPaper = z.object({
  id: z.number().int(),
  requirementId: z.string(),
  fileName: z.string(),
  uploadedAt: z.string(),
});
export type SubmittedPaper = z.infer<typeof SubmittedPaper>;
