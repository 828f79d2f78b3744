import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { divisions, units, users } from '../auth/auth.tables.ts';
import { letters } from '../documents/letters.tables.ts';

/** Pengaduan, aspirasi, permintaan informasi: the classes SP4N-LAPOR! uses. */
export const ComplaintClasses = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintClass = (typeof ComplaintClasses)[number];

/**
 * How a complaint arrived: the public form, a channel a standard names (component 6), or a
 * partner's app through the Open311 endpoint (its own value, so that the statistics tell it from
 * the office's website; the client is on its `open311_requests` row).
 */
export const ComplaintChannels = [
  'form',
  'in_person',
  'box',
  'sms_whatsapp',
  'phone',
  'email',
  'lapor',
  'website',
  'instagram',
  'open311',
] as const;
export type ComplaintChannel = (typeof ComplaintChannels)[number];

export const ComplaintStatuses = [
  'received',
  'incomplete',
  'complete',
  'decided',
  'delivered',
  'withdrawn',
  'archived',
] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

/**
 * A complaint (UU 25/2009 Pasal 40–50). Not an engine case: it runs several legal timers at once
 * and may move between units. The timers' instants are columns; their due dates are projected
 * beside them (recomputed on each step) for the queue and the sweep.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The agenda number of the receipt (the unit's numbering register). */
    agendaNumber: text('agenda_number').notNull(),
    trackingCode: text('tracking_code').notNull().unique(),
    class: text('class', { enum: ComplaintClasses }).notNull(),
    channel: text('channel', { enum: ComplaintChannels }).notNull(),
    text: text('text').notNull(),
    /** The service (standard slug) and case it concerns, when the complainant named them. */
    standardSlug: text('standard_slug'),
    caseTrackingCode: text('case_tracking_code'),
    /** When the service complained about was given (YYYY-MM-DD), if known. */
    serviceDate: text('service_date'),
    /** Filed more than 30 days after the service (Pasal 42(2)): flagged, not refused. */
    late: boolean('late').notNull().default(false),
    /** Pasal 42(5): name and contact seen only by the complaint officer. */
    confidential: boolean('confidential').notNull().default(false),
    complainantName: text('complainant_name').notNull().default(''),
    contact: text('contact').notNull().default(''),
    status: text('status', { enum: ComplaintStatuses }).notNull().default('received'),
    /** SP4N-LAPOR!'s administrative outcome, when one was given. */
    laporOutcome: text('lapor_outcome', { enum: ['verifikasi', 'tunda', 'bukan_wewenang', 'arsipkan'] }),
    divisionId: integer('division_id').references(() => divisions.id),
    assignedUserId: integer('assigned_user_id').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Declared incomplete (the complainant's 30 days run, the office's clock is paused). */
    incompleteAt: timestamp('incomplete_at', { withTimezone: true }),
    incompleteNote: text('incomplete_note'),
    /** The complainant supplied what was missing. */
    resubmittedAt: timestamp('resubmitted_at', { withTimezone: true }),
    completeAt: timestamp('complete_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionSummary: text('decision_summary'),
    decisionLetterId: integer('decision_letter_id').references(() => letters.id),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveredVia: text('delivered_via'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    completenessDue: timestamp('completeness_due', { withTimezone: true }),
    completionDue: timestamp('completion_due', { withTimezone: true }),
    decisionDue: timestamp('decision_due', { withTimezone: true }),
    deliveryDue: timestamp('delivery_due', { withTimezone: true }),
    /** The nearest due date of a running timer: the queue's order and the sweep's filter. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaints_unit_next_due').on(t.unitId, t.nextDueAt),
    index('complaints_next_due').on(t.nextDueAt),
    // Open311's GET requests: a unit's complaints by the time they were received.
    index('complaints_unit_received').on(t.unitId, t.receivedAt),
  ],
);

/** A photo or PDF the complainant attached (bytes in the file store). */
export const complaintFiles = pgTable(
  'complaint_files',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('complaint_files_complaint').on(t.complaintId)],
);

/** Every step of a complaint, oldest first: what the complaint page's history shows. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    action: text('action').notNull(),
    note: text('note'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId)],
);

/** A transfer to another unit; the complaint stays with the sender until the receiver accepts. */
export const complaintTransfers = pgTable(
  'complaint_transfers',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    state: text('state', { enum: ['pending', 'accepted', 'refused'] })
      .notNull()
      .default('pending'),
    answer: text('answer'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('complaint_transfers_to').on(t.toUnitId, t.state),
    index('complaint_transfers_complaint').on(t.complaintId),
  ],
);

/** The UU 25/2009 timers (`complaint-timers.ts`). */
export const LegalTimers = ['completeness', 'completion', 'decision', 'delivery'] as const;
export type LegalTimer = (typeof LegalTimers)[number];
/** SP4N-LAPOR!'s own clocks, for complaints that came through LAPOR! (`lapor.clock.ts`). */
export const LaporTimers = ['lapor_verification', 'lapor_follow_up'] as const;
export type LaporTimer = (typeof LaporTimers)[number];
export const ComplaintTimers = [...LegalTimers, ...LaporTimers] as const;
export type ComplaintTimer = (typeof ComplaintTimers)[number];

/** A legal timer that ran out, recorded once by the sweep at the moment it saw it. */
export const complaintBreaches = pgTable(
  'complaint_breaches',
  {
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    timer: text('timer', { enum: ComplaintTimers }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.timer] }), index('complaint_breaches_unit').on(t.unitId)],
);

/** The public form's challenges already answered: each token is good for one complaint. */
export const complaintChallengesUsed = pgTable('complaint_challenges_used', {
  nonce: text('nonce').primaryKey(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull(),
});
