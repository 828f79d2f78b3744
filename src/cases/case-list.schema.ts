import { z } from 'zod';
import { msg } from '../core/parse-language.ts';
import { CaseOrigin } from './cases.schema.ts';

/** Which due state a list shows: past due, due before the office's day ends, or paused. */
export const DueFilter = z.enum(['overdue', 'today', 'paused']);
export type DueFilter = z.infer<typeof DueFilter>;

const Role = z.string().regex(/^[a-z_]{2,40}$/, msg({ id: 'bukan nama peran', en: 'not a role name' }));

/**
 * The office-wide case list and search. `q` is a tracking code, a full NIK (16 digits) or part of
 * an applicant's name; `queue` a role the caller holds: the cases in their queue for it
 * (`mine`: the caller's whole queue, as `GET /api/cases` shows it).
 * `after` is the keyset cursor: the id of the last case of the previous page.
 */
export const CaseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  service: z.coerce.number().int().positive().optional(),
  product: z.string().trim().min(1).max(60).optional(),
  /** `waiting`: open or returned, what the home counts as waiting. */
  status: z.enum(['waiting', 'open', 'returned', 'done', 'rejected', 'withdrawn']).optional(),
  step: z.string().trim().min(1).max(60).optional(),
  due: DueFilter.optional(),
  /** `me`: claimed by the caller; `none`: claimed by nobody; a number: by that user. */
  assignee: z.union([z.enum(['me', 'none']), z.coerce.number().int().positive()]).optional(),
  queue: Role.optional(),
  after: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

const Label = z.object({ id: z.string(), en: z.string() });

export const CaseListItem = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  applicantName: z.string(),
  /** Masked per `core/privacy.ts`, also when the search matched the full number. */
  applicantNik: z.string().nullable(),
  service: z.string(),
  product: z.string().nullable(),
  status: z.string(),
  step: z.string().nullable(),
  assignee: z.string().nullable(),
  openedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
  origin: CaseOrigin,
});
export type CaseListItem = z.infer<typeof CaseListItem>;

/** A page of the list: `total` counts every case the filters match; `next` the cursor of the next page. */
export const CaseList = z.object({
  cases: z.array(CaseListItem),
  total: z.number().int(),
  next: z.number().int().nullable(),
  /** When `q` was exactly one case's tracking code: that case, for the desk to open at once. */
  exact: z.number().int().nullable(),
});
export type CaseList = z.infer<typeof CaseList>;

/** What the filters offer: the unit's services with their products and steps. */
export const CaseListOptions = z.object({
  services: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      products: z.array(z.object({ id: z.string(), label: z.string() })),
      steps: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
  ),
  roles: z.array(z.object({ role: z.string(), label: Label })),
});
export type CaseListOptions = z.infer<typeof CaseListOptions>;

/** The work waiting for one of the caller's roles, or (`role` null) in the whole office. */
export const WorkCount = z.object({
  role: z.string().nullable(),
  label: Label,
  waiting: z.number().int(),
  dueToday: z.number().int(),
  overdue: z.number().int(),
});
export type WorkCount = z.infer<typeof WorkCount>;

export const CaseChangesQuery = z.object({ since: z.string().max(40).optional() });
/** The unit's change mark: it differs from `since` once a case of the unit was written. */
export const CaseChanges = z.object({ version: z.string() });
export type CaseChanges = z.infer<typeof CaseChanges>;
