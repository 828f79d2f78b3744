import { z } from 'zod';
import { IdParam } from '../core/ids.ts';
import { IntakeFieldKinds } from '../standards/intake.schema.ts';

/**
 * Answers to a standard's intake questions, by field id; the service checks them against the
 * fields the standard declares (`checkIntakeAnswers`), each problem at `intake.<id>`.
 */
export const IntakeAnswersInput = z
  .record(z.string().max(80), z.unknown())
  .refine((o) => Object.keys(o).length <= 50, 'paling banyak 50 jawaban');

export const OpenCaseInput = z.object({
  standardId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  product: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  applicant: z.object({
    name: z.string().trim().min(1).max(200),
    nik: z
      .string()
      .regex(/^\d{16}$/, 'NIK 16 digit')
      .optional(),
    phone: z.string().trim().max(30).optional(),
  }),
  intake: IntakeAnswersInput.optional(),
  /** The requirement ids the desk ticked on the intake checklist (papers seen at the counter). */
  papersSeen: z
    .array(z.string().regex(/^[a-z0-9-]{1,80}$/))
    .max(100)
    .optional(),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export const ActInput = z.object({
  action: z.string().regex(/^[a-z0-9$-]{1,80}$/),
  note: z.string().trim().max(2000).optional(),
  /** The number of actions the client saw; a stale view gets 409. */
  version: z.number().int().min(1),
  /** Form data the step's effect needs (e.g. origin and destination of a traveller). */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ActInput = z.infer<typeof ActInput>;

/** Why a user asks to see an applicant's full NIK; recorded in the audit chain. */
export const RevealInput = z.object({
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});
export type RevealInput = z.infer<typeof RevealInput>;

export const CaseIdParams = z.object({ id: IdParam });

export const CaseOpened = z.object({ id: z.number().int(), trackingCode: z.string() });
export type CaseOpened = z.infer<typeof CaseOpened>;

export const CaseStatus = z.enum(['open', 'returned', 'done', 'rejected', 'withdrawn']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Where a case came from, for an office that receives cases from the offices below it on Jaring
 * (a province from its regencies): submitted by one of them (`office`, by name), or registered on
 * paper at its own desk (`desk`). Null at an office no other submits to: every case is the desk's.
 */
export const CaseOrigin = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('office'), unitCode: z.string(), unitName: z.string() }),
    z.object({ kind: z.literal('desk') }),
  ])
  .nullable();
export type CaseOrigin = z.infer<typeof CaseOrigin>;

/** A case in the staff queue, with its due time and whether it is late or nearly so. */
export const QueueItem = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  applicantName: z.string(),
  product: z.string().nullable(),
  status: z.string(),
  step: z.string().nullable(),
  /** The step's label in the standard (what a page shows; `step` is its id). */
  stepLabel: z.string().nullable(),
  stepRole: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  /** The case's due time, or that of the decision at its step when the step has a deadline. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Within 15 minutes of the due time, or past `warnAt` of a step deadline. */
  dueSoon: z.boolean(),
  /** The intake answer that set the step's deadline (a relief request's priority), by its label. */
  priority: z.string().nullable(),
  origin: CaseOrigin,
});
export type QueueItem = z.infer<typeof QueueItem>;
/**
 * The first cases of the queue, soonest due first (a step's decision deadline counting as the due
 * time); `total` counts all of them (the rest in the case list).
 */
export const CaseQueue = z.object({ cases: z.array(QueueItem), total: z.number().int() });
export type CaseQueue = z.infer<typeof CaseQueue>;

const Applicant = z.object({ name: z.string(), nik: z.string().optional(), phone: z.string().optional() });

/** The case row as staff see it; the applicant's NIK masked. Times are ISO strings. */
export const CaseRecord = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  standardId: z.number().int(),
  revisionId: z.number().int(),
  trackingCode: z.string(),
  product: z.string().nullable(),
  applicant: Applicant,
  flags: z.array(z.string()),
  /** Answers to the standard's intake questions (labels in `CaseDetail.standard.intake`). */
  intake: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])),
  status: z.string(),
  step: z.string().nullable(),
  stepRole: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  version: z.number().int(),
  dueAt: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  /** Since when the case waits for the applicant (its clock paused); null while it runs. */
  pausedAt: z.string().nullable(),
  /** Office minutes of its finished waits for the applicant. */
  pausedMinutes: z.number().int(),
  pauseCount: z.number().int(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** The reducer's state of a case (case.reducer.ts). */
export const CaseStateView = z.object({
  status: CaseStatus,
  step: z.string().nullable(),
  assignee: z.number().int().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reason: z.string().nullable(),
  flags: z.array(z.string()),
  /** Each wait for the applicant, oldest first; `to` null while waiting. */
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
});

/**
 * The case's time-limit clock, read now: paused while the case waits for the applicant, its
 * due time moved by the paused time (DESIGN.md "One clock"; `calendar/service-clock.ts`).
 */
export const CaseClockView = z.object({
  /** The budget's unit; null when the time limit is not a duration. */
  unit: z.enum(['officeMinutes', 'workingDays', 'calendarDays']).nullable(),
  paused: z.boolean(),
  pausedSince: z.string().nullable(),
  /** Office minutes the case has waited for the applicant, an open wait up to now included. */
  pausedMinutes: z.number().int(),
  /** The same wait in the budget's unit (working days for a working-days limit). */
  pausedAmount: z.number().int(),
  pauseCount: z.number().int(),
  /** The due time moved by the paused time; null while paused with time left. */
  dueAt: z.string().nullable(),
});
export type CaseClockView = z.infer<typeof CaseClockView>;

/** An action the user may take at the case's step, with the form fields it needs. */
export const AvailableAction = z.object({
  id: z.string(),
  label: z.string(),
  /** `resume`: the built-in action that ends a wait for the applicant. */
  kind: z.enum(['forward', 'complete', 'reject', 'withdraw', 'return', 'resume']),
  to: z.string().optional(),
  fields: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(['text', 'region', 'number']),
        required: z.boolean(),
      }),
    )
    .optional(),
  effect: z.string().optional(),
  letter: z.object({ classification: z.string() }).optional(),
});
export type AvailableAction = z.infer<typeof AvailableAction>;

export const CaseActionView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  /** Who acted, by name (null for the system or an applicant on the portal). */
  userName: z.string().nullable(),
  role: z.string(),
  step: z.string().nullable(),
  action: z.string(),
  note: z.string().nullable(),
  data: z.unknown(),
});
export type CaseActionView = z.infer<typeof CaseActionView>;

export const CaseDocument = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  requirementId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int().nullable(),
  uploadedAt: z.string(),
  uploaderName: z.string().nullable(),
  /** The document that replaced this one; it stays in the requirement's history, openable. */
  replacedBy: z.number().int().nullable(),
  /** Removed by its uploader: kept for the audit, no longer counted as received. */
  removedAt: z.string().nullable(),
  removedByName: z.string().nullable(),
  /** Whether it may still be replaced or removed: the step that requires it has not been left. */
  changeable: z.boolean(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

export const SignedScan = z.object({
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
  replaced: z.boolean(),
});

export const CaseLetter = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  pdfSha256: z.string(),
  verificationCode: z.string(),
  signedSha256: z.string().nullable(),
  /** Every signed scan, oldest first; all but the newest were replaced. */
  signedScans: z.array(SignedScan),
});

/** An intake question as the case page and the intake form show it. */
export const IntakeFieldView = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(IntakeFieldKinds),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type IntakeFieldView = z.infer<typeof IntakeFieldView>;

/** A correction of the intake answers after opening: the whole set again, and why. */
export const CorrectIntakeInput = z.object({
  /** The answers as the desk saw them when it began to correct: corrected since, a conflict. */
  previous: IntakeAnswersInput,
  intake: IntakeAnswersInput,
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});
export type CorrectIntakeInput = z.infer<typeof CorrectIntakeInput>;

/** The NIK typed at intake, checked before the case is opened. */
export const NikCheckInput = z.object({ nik: z.string().regex(/^\d{16}$/, 'NIK 16 digit') });
export type NikCheckInput = z.infer<typeof NikCheckInput>;

/** What `parseNik` finds: errors refuse the case, warnings (an unknown district) are shown. */
export const NikCheck = z.object({
  problems: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning']),
      /** Indonesian. */
      message: z.string(),
      /** The same in English. */
      en: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export type NikCheck = z.infer<typeof NikCheck>;

/** What an earlier action recorded in its form, by the workflow's labels, and who recorded it. */
export const RecordedStep = z.object({
  seq: z.number().int(),
  at: z.string(),
  stepLabel: z.string(),
  actionLabel: z.string(),
  role: z.string(),
  /** The name of the user who took the action; null when unknown. */
  by: z.string().nullable(),
  /** Region fields by the region's name. */
  fields: z.array(z.object({ id: z.string(), label: z.string(), value: z.string() })),
});
export type RecordedStep = z.infer<typeof RecordedStep>;

export const PapersSeenView = z.object({
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  by: z.string().nullable(),
  at: z.string(),
});
export type PapersSeenView = z.infer<typeof PapersSeenView>;

/** A case as its page shows it: the record, the workflow's labels, what the user may do next. */
/** A step's decision against its deadline (`workflow.steps[].deadline`, see `deadline.ts`). */
export const StepDeadlineView = z.object({
  step: z.string(),
  stepLabel: z.string(),
  /** The intake answer that set the hours (a relief request's priority) and its label. */
  value: z.string(),
  valueLabel: z.string(),
  /** False when the case was opened without the answer and the default's hours apply. */
  answered: z.boolean(),
  hours: z.number(),
  dueAt: z.string(),
  warnAt: z.string(),
  decidedAt: z.string().nullable(),
  status: z.enum(['running', 'warning', 'late', 'met', 'metLate', 'ended']),
});
export type StepDeadlineView = z.infer<typeof StepDeadlineView>;

export const CaseDetail = z.object({
  case: CaseRecord,
  mayRevealNik: z.boolean(),
  standard: z.object({
    id: z.string(),
    name: z.string(),
    products: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() })),
    /** The intake questions of the case's revision, to show the answers with their labels. */
    intake: z.array(IntakeFieldView),
    /** The requirement documents by id, to name an uploaded document by its requirement. */
    documents: z.array(z.object({ id: z.string(), text: z.string() })),
  }),
  /** Labels of steps and of actions per step, for the timeline. */
  labels: z.record(z.string(), z.object({ label: z.string(), actions: z.record(z.string(), z.string()) })),
  state: CaseStateView,
  clock: CaseClockView,
  /** The decisions with a deadline by an intake answer; empty for most services. */
  deadlines: z.array(StepDeadlineView),
  step: z.object({ id: z.string(), label: z.string(), role: z.string() }).nullable(),
  available: z.array(AvailableAction),
  /** What an action's effect shows before it is taken (e.g. earlier relief claims), by action id. */
  previews: z.record(z.string(), z.record(z.string(), z.unknown())),
  missing: z.array(z.object({ id: z.string(), text: z.string() })),
  /** The fields earlier actions recorded, oldest first, for the next role to read. */
  recorded: z.array(RecordedStep),
  actions: z.array(CaseActionView),
  documents: z.array(CaseDocument),
  letters: z.array(CaseLetter),
  /** The intake checklist as ticked at the desk (requirement texts), who ticked it and when. */
  papersSeen: PapersSeenView.nullable(),
  /** The office that submitted it, or the desk (see `CaseOrigin`). */
  origin: CaseOrigin,
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const RevealedNik = z.object({ value: z.string() });
export type RevealedNik = z.infer<typeof RevealedNik>;

/** The receipt's language; the app's own setting, which a new tab's Accept-Language may not carry. */
export const ReceiptQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

export const DocumentParams = CaseIdParams.extend({ requirementId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
export const LetterParams = CaseIdParams.extend({ letterId: IdParam });
export const DocumentFileParams = CaseIdParams.extend({ documentId: IdParam });

/** The action whose outcome is previewed, with the form's current data. */
export const ActionPreviewInput = z.object({
  action: z.string().regex(/^[a-z0-9$-]{1,80}$/),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ActionPreviewInput = z.infer<typeof ActionPreviewInput>;
/** What the action's effect would do with the data (e.g. the amount and leg a payout pays). */
export const ActionPreview = z.object({
  effect: z.record(z.string(), z.unknown()).nullable(),
  /** Whether the action issues a letter (its preview: `GET …/letter-preview`). */
  letter: z.boolean(),
});
export type ActionPreview = z.infer<typeof ActionPreview>;
/** The letter preview's query: the action, and the form's fields by id (strings, as typed). */
export const LetterPreviewQuery = z
  .object({ action: z.string().regex(/^[a-z0-9$-]{1,80}$/) })
  .catchall(z.string().max(2000));
export type LetterPreviewQuery = z.infer<typeof LetterPreviewQuery>;
export const SignedScanStored = z.object({ signedSha256: z.string() });

export const SlaQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).refine((q) => q.from <= q.to, {
  message: 'from must not be after to',
});
export type SlaQuery = z.infer<typeof SlaQuery>;

/** Per service of a unit: counts, share within time, median and p90 duration of closed cases (minutes). */
export const ServiceSla = z.object({
  standard: z.string(),
  /** The service's name as published (its latest revision), for reading. */
  name: z.string(),
  cases: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
  breached: z.number().int(),
  /** Share of closed cases (with a due time) finished within it, 0–1; null when none. */
  withinTimeShare: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  /** Cases that waited for the applicant at least once (their clock paused). */
  pausedCases: z.number().int(),
  /** Office minutes those cases waited, in all (finished waits), and the median per such case. */
  pausedMinutesTotal: z.number().int(),
  medianPausedMinutes: z.number().nullable(),
});
export type ServiceSla = z.infer<typeof ServiceSla>;
export const SlaReport = z.object({ from: z.string(), to: z.string(), services: z.array(ServiceSla) });
export type SlaReport = z.infer<typeof SlaReport>;

export const TrackParams = z.object({ code: z.string().min(5).max(20) });

/** What a citizen sees with the tracking code: no personal data but the first name. */
export const PublicTracking = z.object({
  trackingCode: z.string(),
  firstName: z.string(),
  service: z.string(),
  timeZone: z.string(),
  status: CaseStatus,
  openedAt: z.string(),
  /** The due time, moved by the time the case waited for the applicant; null while it waits. */
  dueAt: z.string().nullable(),
  /** Since when the case waits for the applicant's papers; null when it does not. */
  waitingSince: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** What the office asks the applicant to complete (returned), or why it refused (rejected). */
  reason: z.string().nullable(),
  /** Whether a letter of the case has been issued: once signed, it waits to be fetched. */
  letterIssued: z.boolean(),
  /** Where and when the applicant can come: the office's address, phone and weekly hours. */
  office: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    /** ISO weekday '1' (Monday) … '7' → intervals in the unit's zone; a missing day is closed. */
    officeHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** Who works the step, so the page can say what it means for the applicant. */
      role: z.string(),
      /** The standard's own words for the applicant, when it gives them. */
      publicLabel: z.string().nullable(),
      state: z.enum(['current', 'done', 'pending']),
    }),
  ),
});
export type PublicTracking = z.infer<typeof PublicTracking>;
