import { z } from 'zod';
import { ComplaintClass, ComplaintStatus, LaporOutcome } from './complaints.schema.ts';
import { LaporMapping } from './lapor.mapping.ts';

export { LaporMapping } from './lapor.mapping.ts';

/** The mapping a unit has saved, and the defaults it lies over. */
export const LaporMappingView = z.object({
  layout: z.string(),
  /** Whether the unit saved its own entries. */
  custom: z.boolean(),
  mapping: LaporMapping,
  defaults: LaporMapping,
  updatedAt: z.string().nullable(),
});
export type LaporMappingView = z.infer<typeof LaporMappingView>;

/** A saved mapping, or `null` to go back to the defaults. */
export const LaporMappingInput = z.object({ mapping: LaporMapping.nullable() });
export type LaporMappingInput = z.infer<typeof LaporMappingInput>;

const RowProblem = z.object({ path: z.string(), message: z.string() });

/** One row of a file as the preview shows it: new, already imported, or with its problems. */
export const LaporPreviewRow = z.object({
  row: z.number().int(),
  laporId: z.string(),
  verdict: z.enum(['new', 'duplicate', 'invalid']),
  reportedAt: z.string().nullable(),
  class: ComplaintClass.nullable(),
  title: z.string(),
  outcome: LaporOutcome.nullable(),
  /** For a duplicate: the complaint that already holds this LAPOR! id. */
  trackingCode: z.string().nullable(),
  problems: z.array(RowProblem),
});

export const LaporPreview = z.object({
  fileName: z.string(),
  kind: z.enum(['csv', 'json', 'xlsx']),
  /** The file's columns, each with the field it fills (or null: not used). */
  columns: z.array(z.object({ column: z.string(), field: z.string().nullable() })),
  rows: z.array(LaporPreviewRow),
  /** Problems of the file as a whole (unreadable, a required column missing). */
  fileProblems: z.array(RowProblem),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    duplicate: z.number().int(),
    invalid: z.number().int(),
  }),
});
export type LaporPreview = z.infer<typeof LaporPreview>;

export const LaporImportDone = z.object({
  importId: z.number().int(),
  imported: z.array(
    z.object({ row: z.number().int(), laporId: z.string(), id: z.number().int(), trackingCode: z.string() }),
  ),
  /** Rows whose LAPOR! id the unit already holds: left as they were. */
  duplicates: z.array(z.object({ row: z.number().int(), laporId: z.string(), trackingCode: z.string() })),
});
export type LaporImportDone = z.infer<typeof LaporImportDone>;

export const LaporFollowUpInput = z.object({ text: z.string().trim().min(10).max(4000) });
export type LaporFollowUpInput = z.infer<typeof LaporFollowUpInput>;

export const LaporFollowUpView = z.object({
  id: z.number().int(),
  text: z.string(),
  officer: z.string(),
  at: z.string(),
});
export type LaporFollowUpView = z.infer<typeof LaporFollowUpView>;

/** A complaint's LAPOR! side: the report as LAPOR! showed it (null when typed in by hand) and its follow-ups. */
export const LaporComplaintView = z.object({
  report: z
    .object({
      laporId: z.string(),
      title: z.string(),
      category: z.string(),
      source: z.string(),
      laporStatus: z.string(),
      reportedAt: z.string(),
    })
    .nullable(),
  followUps: z.array(LaporFollowUpView),
  /** Whether a follow-up may be written now (verified, still open). */
  canFollowUp: z.boolean(),
});
export type LaporComplaintView = z.infer<typeof LaporComplaintView>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A span of days on the unit's calendar, both ends included; default: the last 30 days. */
export const FollowUpQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

export const FollowUpExportRow = z.object({
  laporId: z.string(),
  trackingCode: z.string(),
  status: ComplaintStatus,
  outcome: LaporOutcome.nullable(),
  text: z.string(),
  at: z.string(),
  officer: z.string(),
  unit: z.string(),
});
export type FollowUpExportRow = z.infer<typeof FollowUpExportRow>;

export const FollowUpList = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  followUps: z.array(FollowUpExportRow),
});
export type FollowUpList = z.infer<typeof FollowUpList>;

export const FollowUpCreated = z.object({ id: z.number().int(), at: z.string() });
