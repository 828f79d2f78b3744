import { z } from 'zod';
import { IdParam } from '../core/ids.ts';
import {
  ComplaintChannels,
  ComplaintClasses,
  ComplaintStatuses,
  ComplaintTimers,
} from './complaints.tables.ts';

export const ComplaintClass = z.enum(ComplaintClasses);
export const ComplaintChannel = z.enum(ComplaintChannels);
export const ComplaintStatus = z.enum(ComplaintStatuses);
export const ComplaintTimer = z.enum(ComplaintTimers);
export const LaporOutcome = z.enum(['verifikasi', 'tunda', 'bukan_wewenang', 'arsipkan']);
export type LaporOutcome = z.infer<typeof LaporOutcome>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const trackingCode = z.string().regex(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/i);

/** What a complainant writes, on the public form or through the officer who takes it down. */
const ComplaintFields = {
  class: ComplaintClass,
  text: z.string().trim().min(10).max(5000),
  /** The service (standard) and case it concerns, pre-filled from their pages. */
  standardId: slug.optional(),
  caseTrackingCode: trackingCode.optional(),
  serviceDate: isoDate.optional(),
  name: z.string().trim().max(200).default(''),
  contact: z.string().trim().max(200).default(''),
  /** "Rahasiakan identitas saya" (Pasal 42(5)). */
  confidential: z.boolean().default(false),
};

export const ChallengeAnswer = z.object({
  token: z.string().min(10).max(400),
  answer: z.string().trim().min(1).max(10),
});

export const PublicComplaintInput = z.object({ ...ComplaintFields, challenge: ChallengeAnswer });
export type PublicComplaintInput = z.infer<typeof PublicComplaintInput>;

export const StaffComplaintInput = z.object({
  ...ComplaintFields,
  channel: ComplaintChannel.exclude(['form', 'open311']),
  /** When it arrived through that channel (a letter in the box opened today was put in earlier). */
  receivedAt: z.string().datetime({ offset: true }).optional(),
});
export type StaffComplaintInput = z.infer<typeof StaffComplaintInput>;

export const Challenge = z.object({
  /** A signed, time-limited token carrying the question's answer in hashed form. */
  token: z.string(),
  question: z.string(),
  expiresAt: z.string(),
});
export type Challenge = z.infer<typeof Challenge>;

export const UnitCodeParams = z.object({ unit: z.string().regex(/^[a-z0-9-]{1,60}$/) });
export const ComplaintCodeParams = z.object({ code: trackingCode });
export const ComplaintIdParams = z.object({ id: IdParam });

export const TimerView = z.object({
  timer: ComplaintTimer,
  days: z.number().int(),
  dayKind: z.enum(['calendar', 'working']),
  state: z.enum(['running', 'paused', 'stopped']),
  start: z.string(),
  due: z.string().nullable(),
  breachedAt: z.string().nullable(),
});
export type TimerView = z.infer<typeof TimerView>;

export const ComplaintReceipt = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  agendaNumber: z.string(),
  receivedAt: z.string(),
  late: z.boolean(),
  timers: z.array(TimerView),
});
export type ComplaintReceipt = z.infer<typeof ComplaintReceipt>;

/** What anybody holding the tracking code sees: never the complainant's name or contact. */
export const PublicComplaint = z.object({
  trackingCode: z.string(),
  agendaNumber: z.string(),
  unit: z.string(),
  timeZone: z.string(),
  class: ComplaintClass,
  status: ComplaintStatus,
  receivedAt: z.string(),
  service: z.string().nullable(),
  late: z.boolean(),
  incompleteNote: z.string().nullable(),
  timers: z.array(TimerView),
  /** Handed over to another office: its name. */
  transferredTo: z.string().nullable(),
  decision: z
    .object({
      summary: z.string(),
      letterNumber: z.string(),
      verificationCode: z.string(),
      deliveredAt: z.string(),
    })
    .nullable(),
});
export type PublicComplaint = z.infer<typeof PublicComplaint>;

/** The complainant as a staff member sees them: masked unless they hold `complaints.identity`. */
const Complainant = z.object({
  name: z.string(),
  contact: z.string(),
  confidential: z.boolean(),
  /** Whether name and contact are hidden from this reader. */
  hidden: z.boolean(),
});

export const ComplaintListItem = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  agendaNumber: z.string(),
  class: ComplaintClass,
  channel: ComplaintChannel,
  status: ComplaintStatus,
  summary: z.string(),
  complainant: Complainant,
  receivedAt: z.string(),
  late: z.boolean(),
  nextDueAt: z.string().nullable(),
  assignee: z.string().nullable(),
  /** A transfer to this unit that waits for its answer. */
  incomingTransfer: z.boolean(),
  breached: z.array(ComplaintTimer),
});
export const ComplaintList = z.object({ complaints: z.array(ComplaintListItem) });
export type ComplaintList = z.infer<typeof ComplaintList>;

export const ComplaintEventView = z.object({
  action: z.string(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const TransferView = z.object({
  id: z.number().int(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  state: z.enum(['pending', 'accepted', 'refused']),
  answer: z.string().nullable(),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const ComplaintDetail = ComplaintListItem.extend({
  text: z.string(),
  unit: z.string(),
  timeZone: z.string(),
  service: z.string().nullable(),
  caseTrackingCode: z.string().nullable(),
  serviceDate: z.string().nullable(),
  laporOutcome: LaporOutcome.nullable(),
  incompleteNote: z.string().nullable(),
  division: z.string().nullable(),
  timers: z.array(TimerView),
  files: z.array(z.object({ id: z.number().int(), mimeType: z.string(), size: z.number().int() })),
  transfers: z.array(TransferView),
  events: z.array(ComplaintEventView),
  decision: z
    .object({
      summary: z.string(),
      letterNumber: z.string().nullable(),
      verificationCode: z.string().nullable(),
      decidedAt: z.string(),
      deliveredAt: z.string().nullable(),
      deliveredVia: z.string().nullable(),
    })
    .nullable(),
  /** Staff of this unit who may be assigned it. */
  assignable: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

const note = z.string().trim().min(3).max(2000);

/** A step on a complaint. */
export const ComplaintActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), userId: z.number().int().positive() }),
  z.object({ action: z.literal('complete') }),
  z.object({ action: z.literal('incomplete'), note }),
  /** The complainant brought what was missing (at the desk, by phone, or on the tracking page). */
  z.object({ action: z.literal('resubmitted'), note: note.optional() }),
  z.object({ action: z.literal('decide'), summary: z.string().trim().min(10).max(4000) }),
  z.object({ action: z.literal('deliver'), via: z.string().trim().min(2).max(200) }),
  z.object({ action: z.literal('transfer'), toUnit: z.string().regex(/^[a-z0-9-]{1,60}$/), reason: note }),
  z.object({ action: z.literal('accept_transfer'), note: note.optional() }),
  z.object({ action: z.literal('refuse_transfer'), reason: note }),
  z.object({ action: z.literal('lapor'), outcome: LaporOutcome, note: note.optional() }),
]);
export type ComplaintActionInput = z.infer<typeof ComplaintActionInput>;

export const ComplaintActionResult = z.object({
  id: z.number().int(),
  status: ComplaintStatus,
  nextDueAt: z.string().nullable(),
  /** False once the complaint left the caller's unit (a refused or accepted transfer elsewhere). */
  visible: z.boolean(),
});
export type ComplaintActionResult = z.infer<typeof ComplaintActionResult>;

export const BreachList = z.object({
  breaches: z.array(
    z.object({
      complaintId: z.number().int(),
      trackingCode: z.string(),
      timer: ComplaintTimer,
      dueAt: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
export type BreachList = z.infer<typeof BreachList>;

export const FileStored = z.object({ id: z.number().int(), mimeType: z.string(), size: z.number().int() });
