import { z } from 'zod';
import { Id } from '../core/ids.ts';

/**
 * Request schemas of the register's API and CLI. Apart from `registry.columns.ts` so that the
 * import's reader (a worker thread) starts without loading zod.
 */
export const ImportOptions = z.object({
  onError: z.enum(['reject_all', 'load_valid']).default('reject_all'),
  onExisting: z.enum(['skip', 'update', 'report']).default('skip'),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const SearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  village: z.string().trim().max(20).optional(),
  /** Keyset cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const RevealBody = z.object({
  kind: z.enum(['nik', 'kk']),
  id: Id,
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});

export const ExportBody = z.object({
  /** `csv-excel`: `;`-separated, codes as text and ISO dates, to open in Indonesian Excel. */
  format: z.enum(['csv', 'csv-excel', 'xlsx']).default('csv'),
  q: z.string().trim().max(100).optional(),
  village: z.string().trim().max(20).optional(),
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});
export type ExportBody = z.infer<typeof ExportBody>;

/* ---------- response schemas (shared with the web app) ---------- */

/** A 204 answer, which has no body. */
export const NoContent = z.null().describe('No content');

export const RegisterTotals = z.object({ people: z.number(), families: z.number() });
export type RegisterTotals = z.infer<typeof RegisterTotals>;

export const VillageChoice = z.object({ code: z.string(), name: z.string(), district: z.string() });
export type VillageChoice = z.infer<typeof VillageChoice>;

/** The register page's header: totals in scope, the unit, a village operator's village. */
export const RegisterSummary = z.object({
  totals: RegisterTotals,
  unit: z.object({ name: z.string(), regionCode: z.string() }),
  village: z.object({ code: z.string(), name: z.string() }).nullable(),
  villages: z.array(VillageChoice),
});
export type RegisterSummary = z.infer<typeof RegisterSummary>;

/** A person in a search answer, numbers masked. */
export const PersonListItem = z.object({
  id: z.number(),
  familyId: z.number(),
  nik: z.string(),
  kk: z.string(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  relationship: z.string(),
  relationshipLabel: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  alive: z.boolean(),
  score: z.number().optional(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const SearchResult = z.object({
  people: z.array(PersonListItem),
  /** Cursor for the next page, absent on the last. */
  next: z.string().optional(),
  mode: z.enum(['nik', 'kk', 'name', 'village', 'none']),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const FamilyMember = z.object({
  id: z.number(),
  nik: z.string(),
  name: z.string(),
  birthPlace: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  relationship: z.string(),
  relationshipLabel: z.string(),
  maritalStatus: z.string(),
  education: z.string(),
  schooling: z.string(),
  occupation: z.string(),
  disabilityKind: z.string(),
  disabilitySeverity: z.string(),
  pregnancy: z.string(),
  alive: z.boolean(),
  deathDate: z.string().nullable(),
});
export type FamilyMember = z.infer<typeof FamilyMember>;

export const HistoryEntry = z.object({
  at: z.string(),
  by: z.string().nullable(),
  note: z.string(),
  subject: z.enum(['family', 'person']),
  personId: z.number().optional(),
  name: z.string().optional(),
  kind: z.enum(['created', 'changed', 'joined', 'left']),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const FamilyView = z.object({
  id: z.number(),
  kk: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  regionPath: z.array(z.string()),
  address: z.string(),
  rt: z.string(),
  rw: z.string(),
  decile: z.number().nullable(),
  welfareStatus: z.string(),
  welfareStatusLabel: z.string(),
  statusPeriod: z.string(),
  members: z.array(FamilyMember),
  history: z.array(HistoryEntry),
  /** The date the view shows, when not today. */
  asOf: z.string().optional(),
  existed: z.boolean(),
});
export type FamilyView = z.infer<typeof FamilyView>;

export const RevealAnswer = z.object({ value: z.string() });
export type RevealAnswer = z.infer<typeof RevealAnswer>;

/** Where to download an asked-for export, once, before it expires. */
export const ExportTicket = z.object({ url: z.string(), expiresAt: z.string() });
export type ExportTicket = z.infer<typeof ExportTicket>;

/** An upload's answer: the import's id and the key that follows its live progress. */
export const ImportStarted = z.object({ id: z.number(), key: z.string() });
export type ImportStarted = z.infer<typeof ImportStarted>;

export const ImportStatus = z.enum(['running', 'done', 'rejected', 'failed']);

/** What the live progress of an import shows (`/api/registry/imports/:id/live`). */
const liveShape = {
  id: z.number(),
  fileName: z.string(),
  format: z.string(),
  fileBytes: z.number(),
  onError: z.string(),
  onExisting: z.string(),
  status: ImportStatus,
  /** `menunggu`, `membaca`, `memeriksa`, `menggabungkan`, `selesai`. */
  phase: z.string(),
  rowsRead: z.number(),
  bytesRead: z.number(),
  loaded: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  rejected: z.number(),
  warnings: z.number(),
  familiesLoaded: z.number(),
  familiesUpdated: z.number(),
  message: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  /** Share of the file read, 0 to 1 (1 once the import has ended). */
  share: z.number(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
};
export const ImportLive = z.object(liveShape);
export type ImportLive = z.infer<typeof ImportLive>;

/** One problem of an import: the file's row, the column, its level and what is wrong. */
export const ImportProblem = z.object({
  row: z.number(),
  column: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** An import's record with its progress figures (the history's rows). */
export const ImportRecord = z.object({
  ...liveShape,
  unitId: z.number(),
  userId: z.number().nullable(),
  fileSha256: z.string(),
  errorFile: z.string().nullable(),
  finishedAt: z.string().nullable(),
  hasErrorFile: z.boolean(),
  /** How many problems the problem file holds. */
  problemCount: z.number(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/** One import with its summary and the first problems of its problem file (`IMPORT_PROBLEMS_SHOWN`). */
export const ImportView = ImportRecord.extend({ firstProblems: z.array(ImportProblem) });
export type ImportView = z.infer<typeof ImportView>;

/** How many of an import's problems its record keeps to show on the page. */
export const IMPORT_PROBLEMS_SHOWN = 50;

/** The problem file's formats: CSV for Indonesian Excel (`;`), or XLSX. */
export const ProblemFileQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const ImportList = z.object({ imports: z.array(ImportRecord) });
export type ImportList = z.infer<typeof ImportList>;
