/**
 * Complaints under UU 25/2009 (Pasal 40–50): intake from the public form and every channel the
 * unit's standards name, a receipt with an agenda number, four legal timers on the calendar
 * module's clock, routing within and between units, and the decision as a letter. Every step is
 * audited; the audit never holds the complainant's name or contact (Pasal 42(5)).
 */
import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit, systemActor } from '../audit/audit.service.ts';
import { findUnitByCode, findUnitById } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { hasPermission } from '../auth/auth.service.ts';
import { divisions, type units } from '../auth/auth.tables.ts';
import { calendarOf } from '../calendar/calendar.service.ts';
import type { Config } from '../core/config.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import { maskNumbersInText } from '../core/privacy.ts';
import type { Db } from '../db/client.ts';
import { type FileStore, sniffMimeType } from '../documents/file-store.ts';
import { composeLetter, issueNumberedLetter } from '../documents/letters.service.ts';
import { letters } from '../documents/letters.tables.ts';
import { formatLetterNumber, nextLetterSeq } from '../documents/numbering.ts';
import type { LetterTemplate } from '../standards/letter.schema.ts';
import { checkChallenge } from './challenge.ts';
import { renderReceiptPdf } from './complaint-receipt.pdf.ts';
import {
  readTimers,
  type TimerFacts,
  type TimerReading,
  type TimerSettings,
  timerColumns,
} from './complaint-timers.ts';
import * as repo from './complaints.repository.ts';
import type {
  BreachList,
  ComplaintActionInput,
  ComplaintActionResult,
  ComplaintDetail,
  ComplaintList,
  ComplaintReceipt,
  PublicComplaint,
  PublicComplaintInput,
  StaffComplaintInput,
  TimerView,
} from './complaints.schema.ts';
import {
  type ComplaintChannel,
  ComplaintTimers,
  complaintBreaches,
  complaintChallengesUsed,
  complaintEvents,
  complaintFiles,
  complaints,
  complaintTransfers,
} from './complaints.tables.ts';
import { readLaporTimers } from './lapor.clock.ts';
import { laporStepsOf } from './lapor.repository.ts';

type UnitRow = typeof units.$inferSelect;
type ComplaintRow = repo.ComplaintRow;

/** What the module needs from the app: the timers' day kinds, the public address, the challenge key. */
export interface ComplaintEnv {
  settings: TimerSettings;
  publicUrl: string;
  challengeKey: Buffer;
  now: () => Date;
}

export function timerSettingsOf(config: Config): TimerSettings {
  return {
    completeness: config.complaintCompletenessDays,
    completion: config.complaintCompletionDays,
    decision: config.complaintDecisionDays,
    delivery: config.complaintDeliveryDays,
  };
}

/** The agenda classification of a complaint's receipt; to check against the office's Pola Klasifikasi Arsip. */
const receiptClassification = '065';
/** The decision letter's classification. */
const decisionClassification = '065';
export const maxFiles = 5;
export const maxFileBytes = 5 * 1024 * 1024;

const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newTrackingCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += codeAlphabet[randomInt(codeAlphabet.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

export const trackUrlOf = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/$/, '')}/pengaduan/lacak/${code}`;
const ended = (c: ComplaintRow) =>
  c.status === 'withdrawn' || c.status === 'archived' || c.status === 'delivered';

function factsOf(c: ComplaintRow): TimerFacts {
  return {
    receivedAt: c.receivedAt,
    incompleteAt: c.incompleteAt,
    resubmittedAt: c.resubmittedAt,
    completeAt: c.completeAt,
    decidedAt: c.decidedAt,
    deliveredAt: c.deliveredAt,
    endedAt: c.withdrawnAt ?? c.archivedAt,
  };
}

async function timersOf(
  db: Db,
  c: ComplaintRow,
  settings: TimerSettings,
  now: Date,
): Promise<TimerReading[]> {
  // Every year the timers may span: from receipt to a year after now (60 working days cross years).
  const cal = await calendarOf(db, c.unitId, {
    from: c.receivedAt.getUTCFullYear(),
    to: Math.max(now.getUTCFullYear(), c.receivedAt.getUTCFullYear()) + 1,
  });
  const legal = readTimers(cal, factsOf(c), settings, now);
  if (c.channel !== 'lapor') return legal;
  // A complaint from SP4N-LAPOR! also runs LAPOR!'s own clocks, on the same calendar.
  const steps = await laporStepsOf(db, c.id);
  const endedAt = c.withdrawnAt ?? c.archivedAt ?? c.deliveredAt;
  return [...legal, ...readLaporTimers(cal, { reportedAt: c.receivedAt, ...steps, endedAt }, now)];
}

const timerView = (r: TimerReading): TimerView => ({
  timer: r.timer,
  days: r.days,
  dayKind: r.dayKind,
  state: r.state,
  start: r.start.toISOString(),
  due: r.due?.toISOString() ?? null,
  breachedAt: r.breachedAt?.toISOString() ?? null,
});

/** Recomputes the timers' columns after a change, inside the change's transaction. */
export async function project(
  tx: Db,
  c: ComplaintRow,
  settings: TimerSettings,
  now: Date,
): Promise<TimerReading[]> {
  const readings = await timersOf(tx, c, settings, now);
  const recorded = await tx
    .select({ timer: complaintBreaches.timer })
    .from(complaintBreaches)
    .where(eq(complaintBreaches.complaintId, c.id));
  await tx
    .update(complaints)
    .set({ ...timerColumns(readings, new Set(recorded.map((b) => b.timer))), updatedAt: now })
    .where(eq(complaints.id, c.id));
  return readings;
}

/** A step in the complaint's history and the audit, in the caller's transaction. */
export async function recordEvent(
  tx: Db,
  c: { id: number; unitId: number },
  actor: Actor,
  action: string,
  at: Date,
  note: string | null = null,
  data: Record<string, unknown> = {},
) {
  await tx.insert(complaintEvents).values({
    complaintId: c.id,
    unitId: c.unitId,
    action,
    note,
    actorUserId: actor.userId,
    at,
    data,
  });
  // The audit names the step and the complaint, never the complainant.
  await recordAudit(tx, actor, {
    action: `complaint.${action}`,
    entity: 'complaint',
    entityId: c.id,
    unitId: c.unitId,
    after: { ...data, ...(note ? { note: maskNumbersInText(note) } : {}) },
  });
}

/** Where a new complaint goes: the standard's division and officer, or the unit's complaint officer. */
async function routeOf(db: Db, unit: UnitRow, standardId: string | undefined) {
  const standards = await repo.standardsInForce(db, unit);
  const standard = standardId ? standards.find((s) => s.id === standardId) : undefined;
  if (standardId && !standard) throw new DomainError('complaint.unknown_service', { standard: standardId });
  const staff = await repo.staffOfUnit(db, unit.id);
  const nip = standard?.delivery.complaints.officer?.nip?.replace(/\s+/g, '');
  const named = nip ? staff.find((u) => u.nip?.replace(/\s+/g, '') === nip) : undefined;
  const officers = staff.filter((u) => u.roles.includes('pengelola_pengaduan'));
  const divisionId = standard?.divisionId ?? null;
  const officer =
    named ?? officers.find((u) => divisionId !== null && u.divisionId === divisionId) ?? officers[0];
  return { standards, standard, divisionId, assignedUserId: officer?.id ?? null };
}

export interface Filing {
  unit: UnitRow;
  channel: ComplaintChannel;
  fields: Omit<PublicComplaintInput, 'challenge'>;
  receivedAt: Date;
  actor: Actor;
  /** What the channel keeps beside the complaint, written in the same transaction. */
  within?: (tx: Db, complaintId: number) => Promise<void>;
}

/** Files a complaint with its agenda number and timers; in the caller's transaction when given one. */
export async function fileComplaint(db: Db, env: ComplaintEnv, f: Filing): Promise<ComplaintReceipt> {
  const route = await routeOf(db, f.unit, f.fields.standardId);
  const today = todayIn(f.unit.timeZone, f.receivedAt);
  const late =
    f.fields.serviceDate !== undefined &&
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${f.fields.serviceDate}T00:00:00Z`)) / 86_400_000 > 30;
  return db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    const seq = await nextLetterSeq(tx, f.unit.id, year);
    const agendaNumber = formatLetterNumber(f.unit.letterNumberFormat, {
      klasifikasi: receiptClassification,
      urut: seq,
      kode_unit: f.unit.letterCode,
      bulan: Number(today.slice(5, 7)),
      tahun: year,
    });
    const [row] = await tx
      .insert(complaints)
      .values({
        unitId: f.unit.id,
        agendaNumber,
        trackingCode: newTrackingCode(),
        class: f.fields.class,
        channel: f.channel,
        text: f.fields.text,
        standardSlug: route.standard?.id ?? null,
        caseTrackingCode: f.fields.caseTrackingCode?.toUpperCase() ?? null,
        serviceDate: f.fields.serviceDate ?? null,
        late,
        confidential: f.fields.confidential,
        complainantName: f.fields.name,
        contact: f.fields.contact,
        divisionId: route.divisionId,
        assignedUserId: route.assignedUserId,
        receivedAt: f.receivedAt,
      })
      .returning();
    if (!row) throw new Error('insert complaint returned nothing');
    await recordEvent(tx, row, f.actor, 'file', f.receivedAt, null, {
      trackingCode: row.trackingCode,
      agendaNumber,
      channel: f.channel,
      class: row.class,
      confidential: row.confidential,
      late,
    });
    await f.within?.(tx, row.id);
    const readings = await project(tx, row, env.settings, env.now());
    return {
      id: row.id,
      trackingCode: row.trackingCode,
      agendaNumber,
      receivedAt: row.receivedAt.toISOString(),
      late,
      timers: readings.map(timerView),
    };
  });
}

/** The public form: checks the challenge (each token once), then files the complaint. */
export async function filePublicComplaint(
  db: Db,
  env: ComplaintEnv,
  unitCode: string,
  input: PublicComplaintInput,
  actor: Actor,
): Promise<ComplaintReceipt> {
  const now = env.now();
  const nonce = checkChallenge(env.challengeKey, input.challenge.token, input.challenge.answer, now);
  if (!nonce) throw new DomainError('complaint.challenge_failed');
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) throw new DomainError('unit.not_found', { unitCode });
  const used = await db
    .insert(complaintChallengesUsed)
    .values({ nonce, usedAt: now })
    .onConflictDoNothing()
    .returning({ nonce: complaintChallengesUsed.nonce });
  if (used.length === 0) throw new DomainError('complaint.challenge_failed');
  const { challenge: _c, ...fields } = input;
  return fileComplaint(db, env, { unit, channel: 'form', fields, receivedAt: now, actor });
}

/** A complaint from a partner's app through the Open311 endpoint, which has checked its key. */
export function fileOpen311Complaint(
  db: Db,
  env: ComplaintEnv,
  filing: Omit<Filing, 'channel' | 'receivedAt'>,
): Promise<ComplaintReceipt> {
  return fileComplaint(db, env, { ...filing, channel: 'open311', receivedAt: env.now() });
}

/** A complaint taken down by staff from a channel one of the unit's standards names. */
export async function fileStaffComplaint(
  db: Db,
  env: ComplaintEnv,
  ctx: AuthContext,
  input: StaffComplaintInput,
  actor: Actor,
): Promise<ComplaintReceipt> {
  const named = new Set(
    (await repo.standardsInForce(db, ctx.unit)).flatMap((s) =>
      s.delivery.complaints.channels.map((c) => c.kind),
    ),
  );
  if (!named.has(input.channel))
    throw new DomainError('complaint.unknown_channel', {
      channel: input.channel,
      allowed: [...named].join(', '),
    });
  const now = env.now();
  const at = input.receivedAt ? new Date(input.receivedAt) : now;
  const { channel, receivedAt: _r, ...fields } = input;
  return fileComplaint(db, env, { unit: ctx.unit, channel, fields, receivedAt: at > now ? now : at, actor });
}

async function getByCode(db: Db, code: string): Promise<ComplaintRow> {
  const row = await repo.findComplaintByCode(db, code.toUpperCase());
  if (!row) throw new DomainError('complaint.not_found');
  return row;
}

/** A photo or PDF added to a complaint by whoever holds its tracking code, while it is open. */
export async function attachComplaintFile(
  db: Db,
  store: FileStore,
  env: ComplaintEnv,
  code: string,
  bytes: Buffer,
) {
  const c = await getByCode(db, code);
  if (ended(c)) throw new DomainError('complaint.step_not_allowed', { status: c.status });
  if (bytes.length === 0 || bytes.length > maxFileBytes) throw new DomainError('document.size');
  const mimeType = sniffMimeType(bytes);
  if (!mimeType) throw new DomainError('document.type');
  const sha256 = await store.put(bytes);
  return db.transaction(async (tx) => {
    // Counted under the complaint's row lock, so two uploads at once cannot pass the limit.
    await tx.execute(sql`SELECT id FROM complaints WHERE id = ${c.id} FOR UPDATE`);
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(complaintFiles)
      .where(eq(complaintFiles.complaintId, c.id));
    if ((n?.n ?? 0) >= maxFiles) throw new DomainError('complaint.too_many_files', { max: maxFiles });
    const [row] = await tx
      .insert(complaintFiles)
      .values({ complaintId: c.id, sha256, mimeType, size: bytes.length, uploadedAt: env.now() })
      .returning({ id: complaintFiles.id, mimeType: complaintFiles.mimeType, size: complaintFiles.size });
    if (!row) throw new Error('insert complaint file returned nothing');
    await recordEvent(tx, c, systemActor, 'attach', env.now(), null, {
      fileId: row.id,
      mimeType,
      size: bytes.length,
    });
    return row;
  });
}

/** The receipt PDF, by tracking code. */
export async function receiptPdf(
  db: Db,
  env: ComplaintEnv,
  code: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const c = await getByCode(db, code);
  const unit = await findUnitById(db, c.unitId);
  if (!unit) throw new DomainError('complaint.not_found');
  // The receipt shows the timers as they stood when it was issued.
  const timers = await timersOf(db, c, env.settings, c.receivedAt);
  const pdf = await renderReceiptPdf({
    unit,
    agendaNumber: c.agendaNumber,
    receivedAt: c.receivedAt,
    class: c.class,
    channel: channelLabel[c.channel],
    summary: c.text,
    trackingCode: c.trackingCode,
    trackUrl: trackUrlOf(env.publicUrl, c.trackingCode),
    complainant: c.confidential || c.complainantName === '' ? null : c.complainantName,
    late: c.late,
    timers: timers.map((t) => ({ timer: t.timer, days: t.days, dayKind: t.dayKind, due: t.due })),
  });
  return { fileName: `tanda-terima-${c.trackingCode}.pdf`, pdf };
}

const channelLabel: Record<ComplaintChannel, string> = {
  form: 'Formulir daring',
  in_person: 'Tatap muka',
  box: 'Kotak pengaduan',
  sms_whatsapp: 'SMS/WhatsApp',
  phone: 'Telepon',
  email: 'Surel',
  lapor: 'SP4N-LAPOR!',
  website: 'Situs web',
  instagram: 'Instagram',
  open311: 'Open311 (aplikasi mitra)',
};

async function decisionOf(db: Db, c: ComplaintRow) {
  if (!c.decidedAt || !c.decisionSummary) return null;
  const [letter] = c.decisionLetterId
    ? await db.select().from(letters).where(eq(letters.id, c.decisionLetterId))
    : [];
  return { letter, summary: c.decisionSummary };
}

/** What the tracking page shows: status, timers, and the decision once delivered; no identity. */
export async function trackComplaint(db: Db, env: ComplaintEnv, code: string): Promise<PublicComplaint> {
  const c = await getByCode(db, code);
  const unit = await findUnitById(db, c.unitId);
  const timers = await timersOf(db, c, env.settings, env.now());
  const pending = await repo.pendingTransferOf(db, c.id);
  const to = pending ? await findUnitById(db, pending.toUnitId) : undefined;
  const decision = c.deliveredAt ? await decisionOf(db, c) : null;
  const standard =
    c.standardSlug && unit
      ? (await repo.standardsInForce(db, unit)).find((s) => s.id === c.standardSlug)
      : undefined;
  return {
    trackingCode: c.trackingCode,
    agendaNumber: c.agendaNumber,
    unit: unit?.name ?? '',
    timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    class: c.class,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    service: standard?.name ?? null,
    late: c.late,
    incompleteNote:
      c.status === 'incomplete' && c.incompleteNote ? maskNumbersInText(c.incompleteNote) : null,
    timers: timers.map(timerView),
    transferredTo: to?.name ?? null,
    decision:
      decision && c.deliveredAt
        ? {
            summary: maskNumbersInText(decision.summary),
            letterNumber: decision.letter?.number ?? '',
            verificationCode: decision.letter?.verificationCode ?? '',
            deliveredAt: c.deliveredAt.toISOString(),
          }
        : null,
  };
}

/** The decision letter's PDF for the complainant, once delivered. */
export async function publicDecisionPdf(db: Db, store: FileStore, code: string) {
  const c = await getByCode(db, code);
  if (!c.deliveredAt) throw new DomainError('letter.not_found', {});
  return decisionPdfOf(db, store, c);
}

async function decisionPdfOf(db: Db, store: FileStore, c: ComplaintRow) {
  const d = await decisionOf(db, c);
  if (!d?.letter) throw new DomainError('letter.not_found', {});
  return { fileName: `keputusan-pengaduan-${c.trackingCode}.pdf`, pdf: await store.get(d.letter.pdfSha256) };
}

/** A complaint as the signed-in unit may see it: its own, or one transferred to it awaiting an answer. */
async function visibleComplaint(db: Db, ctx: AuthContext, id: number) {
  const c = await repo.findComplaint(db, id);
  if (!c) throw new DomainError('complaint.not_found');
  const pending = await repo.pendingTransferOf(db, c.id);
  if (c.unitId !== ctx.unit.id && pending?.toUnitId !== ctx.unit.id)
    throw new DomainError('complaint.not_found');
  return { c, pending };
}

/** Pasal 42(5): a confidential complainant's name and contact reach the complaint officer only. */
function complainantFor(ctx: AuthContext, c: ComplaintRow) {
  const hidden = c.confidential && !hasPermission(ctx, 'complaints.identity');
  return {
    name: hidden ? '' : c.complainantName,
    contact: hidden ? '' : c.contact,
    confidential: c.confidential,
    hidden,
  };
}

const summaryOf = (text: string) => maskNumbersInText(text.length > 160 ? `${text.slice(0, 160)}…` : text);

export async function listComplaints(db: Db, ctx: AuthContext): Promise<ComplaintList> {
  const rows = await repo.complaintsOfUnit(db, ctx.unit.id);
  return {
    complaints: rows.map(({ complaint: c, assignee, incoming, breached }) => ({
      id: c.id,
      trackingCode: c.trackingCode,
      agendaNumber: c.agendaNumber,
      class: c.class,
      channel: c.channel,
      status: c.status,
      summary: summaryOf(c.text),
      complainant: complainantFor(ctx, c),
      receivedAt: c.receivedAt.toISOString(),
      late: c.late,
      nextDueAt: c.nextDueAt?.toISOString() ?? null,
      assignee: c.unitId === ctx.unit.id ? (assignee ?? null) : null,
      incomingTransfer: Boolean(incoming),
      breached: breached.filter((b): b is (typeof ComplaintTimers)[number] =>
        (ComplaintTimers as readonly string[]).includes(b),
      ),
    })),
  };
}

export async function getComplaint(
  db: Db,
  env: ComplaintEnv,
  ctx: AuthContext,
  id: number,
): Promise<ComplaintDetail> {
  const { c } = await visibleComplaint(db, ctx, id);
  const unit = await findUnitById(db, c.unitId);
  const timers = await timersOf(db, c, env.settings, env.now());
  const unitNames = new Map<number, string>();
  const nameOf = async (unitId: number) => {
    if (!unitNames.has(unitId)) unitNames.set(unitId, (await findUnitById(db, unitId))?.name ?? '');
    return unitNames.get(unitId) ?? '';
  };
  const transfers = [];
  for (const t of await repo.transfersOf(db, c.id))
    transfers.push({
      id: t.id,
      from: await nameOf(t.fromUnitId),
      to: await nameOf(t.toUnitId),
      reason: t.reason,
      state: t.state,
      answer: t.answer,
      requestedAt: t.requestedAt.toISOString(),
      answeredAt: t.answeredAt?.toISOString() ?? null,
    });
  const staff = c.unitId === ctx.unit.id ? await repo.staffOfUnit(db, c.unitId) : [];
  const assignee = staff.find((u) => u.id === c.assignedUserId);
  const [division] = c.divisionId
    ? await db.select({ name: divisions.name }).from(divisions).where(eq(divisions.id, c.divisionId))
    : [];
  const [breaches] = await Promise.all([
    db
      .select({ timer: complaintBreaches.timer })
      .from(complaintBreaches)
      .where(eq(complaintBreaches.complaintId, c.id)),
  ]);
  const d = await decisionOf(db, c);
  const standard =
    c.standardSlug && unit
      ? (await repo.standardsInForce(db, unit)).find((s) => s.id === c.standardSlug)
      : undefined;
  const pending = await repo.pendingTransferOf(db, c.id);
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    agendaNumber: c.agendaNumber,
    class: c.class,
    channel: c.channel,
    status: c.status,
    summary: summaryOf(c.text),
    complainant: complainantFor(ctx, c),
    receivedAt: c.receivedAt.toISOString(),
    late: c.late,
    nextDueAt: c.nextDueAt?.toISOString() ?? null,
    assignee: assignee?.name ?? null,
    incomingTransfer: pending?.toUnitId === ctx.unit.id,
    breached: breaches.map((b) => b.timer),
    text: c.text,
    unit: unit?.name ?? '',
    timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    service: standard?.name ?? null,
    caseTrackingCode: c.caseTrackingCode,
    serviceDate: c.serviceDate,
    laporOutcome: c.laporOutcome,
    incompleteNote: c.incompleteNote,
    division: division?.name ?? null,
    timers: timers.map(timerView),
    files: await repo.filesOf(db, c.id),
    transfers,
    events: (await repo.eventsOf(db, c.id)).map(({ event, actor }) => ({
      action: event.action,
      note: event.note,
      actor: actor ?? null,
      at: event.at.toISOString(),
    })),
    decision:
      d && c.decidedAt
        ? {
            summary: d.summary,
            letterNumber: d.letter?.number ?? null,
            verificationCode: d.letter?.verificationCode ?? null,
            decidedAt: c.decidedAt.toISOString(),
            deliveredAt: c.deliveredAt?.toISOString() ?? null,
            deliveredVia: c.deliveredVia,
          }
        : null,
    assignable: staff.map((u) => ({ id: u.id, name: u.name })),
  };
}

export async function staffDecisionPdf(db: Db, store: FileStore, ctx: AuthContext, id: number) {
  const { c } = await visibleComplaint(db, ctx, id);
  return decisionPdfOf(db, store, c);
}

const notAllowed = (c: ComplaintRow) => new DomainError('complaint.step_not_allowed', { status: c.status });

/** The decision letter: a surat dinas to the complainant, numbered from the agenda, with a QR. */
async function issueDecisionLetter(
  tx: Db,
  store: FileStore,
  env: ComplaintEnv,
  unit: UnitRow,
  c: ComplaintRow,
  ctx: AuthContext,
  summary: string,
  now: Date,
) {
  const addressee =
    c.confidential || c.complainantName === ''
      ? `Pengadu, nomor pengaduan ${c.trackingCode}`
      : c.complainantName;
  const template: LetterTemplate = {
    kind: 'dinas',
    title: 'Keputusan atas Pengaduan',
    perihal: 'Keputusan atas Pengaduan Nomor Agenda {{case.trackingCode}}',
    addressee: { name: addressee },
    body: `Menindaklanjuti pengaduan Saudara yang kami terima pada tanggal {{case.openedDate}} dengan nomor agenda ${c.agendaNumber} dan kode pelacakan ${c.trackingCode}, bersama ini kami sampaikan keputusan sebagai berikut:

${summary.replace(/\s*\n\s*/g, ' ')}

Keputusan ini disampaikan sesuai Pasal 50 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik. Demikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.`,
    signer: { role: 'kepala_dinas' },
  };
  const signer = unit.head ?? {
    name: ctx.user.name,
    position: ctx.user.position ?? 'Pejabat Pengelola Pengaduan',
    ...(ctx.user.nip ? { nip: ctx.user.nip } : {}),
  };
  const row = await issueNumberedLetter(
    tx,
    store,
    {
      unit,
      caseId: null,
      product: 'keputusan-pengaduan',
      classification: decisionClassification,
      signer,
      publicUrl: env.publicUrl,
      now,
    },
    (at) =>
      composeLetter(
        {
          unit,
          trackingCode: c.agendaNumber,
          product: { id: 'keputusan-pengaduan', name: 'Keputusan atas Pengaduan' },
          serviceName: 'Penanganan Pengaduan',
          applicant: { name: addressee },
          signer,
          template,
          openedAt: c.receivedAt,
        },
        { ...at, now },
      ),
  );
  return { id: row.id, number: row.number };
}

/** One step on a complaint, audited, with its timers projected again. */
export async function actOnComplaint(
  db: Db,
  store: FileStore,
  env: ComplaintEnv,
  ctx: AuthContext,
  id: number,
  input: ComplaintActionInput,
  actor: Actor,
): Promise<ComplaintActionResult> {
  const now = env.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM complaints WHERE id = ${id} FOR UPDATE`);
    const { c, pending } = await visibleComplaint(tx, ctx, id);
    const own = c.unitId === ctx.unit.id;
    // The receiving unit may only answer the transfer; everything else belongs to the holder.
    if (input.action === 'accept_transfer' || input.action === 'refuse_transfer') {
      if (!pending || pending.toUnitId !== ctx.unit.id) throw new DomainError('complaint.no_transfer');
    } else if (!own) throw new DomainError('complaint.not_found');
    if (ended(c) && input.action !== 'lapor') throw notAllowed(c);
    const set = (values: Partial<typeof complaints.$inferInsert>) =>
      tx
        .update(complaints)
        .set({ ...values, updatedAt: now })
        .where(eq(complaints.id, c.id));
    switch (input.action) {
      case 'assign': {
        const staff = await repo.staffOfUnit(tx, c.unitId);
        const user = staff.find((u) => u.id === input.userId);
        if (!user) throw new DomainError('complaint.assignee_unknown');
        await set({ assignedUserId: user.id, divisionId: user.divisionId ?? c.divisionId });
        await recordEvent(tx, c, actor, 'assign', now, null, { userId: user.id });
        break;
      }
      case 'complete':
        if (c.status !== 'received') throw notAllowed(c);
        await set({ status: 'complete', completeAt: now });
        await recordEvent(tx, c, actor, 'complete', now);
        break;
      case 'incomplete':
        if (c.status !== 'received' || c.incompleteAt) throw notAllowed(c);
        await set({ status: 'incomplete', incompleteAt: now, incompleteNote: input.note });
        await recordEvent(tx, c, actor, 'incomplete', now, input.note);
        break;
      case 'resubmitted':
        if (c.status !== 'incomplete') throw notAllowed(c);
        await set({ status: 'received', resubmittedAt: now });
        await recordEvent(tx, c, actor, 'resubmitted', now, input.note ?? null);
        break;
      case 'decide': {
        if (c.status !== 'complete') throw notAllowed(c);
        const unit = await findUnitById(tx, c.unitId);
        if (!unit) throw new DomainError('complaint.not_found');
        const letter = await issueDecisionLetter(tx, store, env, unit, c, ctx, input.summary, now);
        await set({
          status: 'decided',
          decidedAt: now,
          decisionSummary: input.summary,
          decisionLetterId: letter.id,
        });
        await recordEvent(tx, c, actor, 'decide', now, null, {
          letterId: letter.id,
          letterNumber: letter.number,
        });
        break;
      }
      case 'deliver':
        if (c.status !== 'decided') throw notAllowed(c);
        await set({ status: 'delivered', deliveredAt: now, deliveredVia: input.via });
        await recordEvent(tx, c, actor, 'deliver', now, input.via);
        break;
      case 'transfer': {
        if (pending) {
          const to = await findUnitById(tx, pending.toUnitId);
          throw new DomainError('complaint.transfer_pending', { unit: to?.name ?? '' });
        }
        const to = await findUnitByCode(tx, input.toUnit);
        if (!to) throw new DomainError('unit.not_found', { unitCode: input.toUnit });
        if (to.id === c.unitId) throw new DomainError('complaint.transfer_same_unit');
        await tx.insert(complaintTransfers).values({
          complaintId: c.id,
          fromUnitId: c.unitId,
          toUnitId: to.id,
          reason: input.reason,
          requestedAt: now,
        });
        await recordEvent(tx, c, actor, 'transfer', now, input.reason, { toUnitId: to.id });
        break;
      }
      case 'accept_transfer': {
        if (!pending) throw new DomainError('complaint.no_transfer');
        await tx
          .update(complaintTransfers)
          .set({ state: 'accepted', answer: input.note ?? null, answeredAt: now })
          .where(eq(complaintTransfers.id, pending.id));
        const to = await findUnitById(tx, pending.toUnitId);
        if (!to) throw new DomainError('complaint.no_transfer');
        const route = await routeOf(tx, to, undefined);
        // The timers keep running from the receipt: the law's days are the citizen's, not the unit's.
        await set({
          unitId: to.id,
          assignedUserId: route.assignedUserId,
          divisionId: null,
          standardSlug: null,
        });
        await recordEvent(
          tx,
          { id: c.id, unitId: to.id },
          actor,
          'accept_transfer',
          now,
          input.note ?? null,
          {
            fromUnitId: pending.fromUnitId,
          },
        );
        break;
      }
      case 'refuse_transfer': {
        if (!pending) throw new DomainError('complaint.no_transfer');
        await tx
          .update(complaintTransfers)
          .set({ state: 'refused', answer: input.reason, answeredAt: now })
          .where(eq(complaintTransfers.id, pending.id));
        // Recorded in the holder's trail: the complaint stays, and the sender sees why.
        await recordEvent(tx, c, actor, 'refuse_transfer', now, input.reason, { byUnitId: pending.toUnitId });
        break;
      }
      case 'lapor':
        if (ended(c) && input.outcome !== 'arsipkan') throw notAllowed(c);
        await set({
          laporOutcome: input.outcome,
          ...(input.outcome === 'arsipkan' && !ended(c)
            ? { status: 'archived' as const, archivedAt: now }
            : {}),
        });
        await recordEvent(tx, c, actor, 'lapor', now, input.note ?? null, { outcome: input.outcome });
        break;
    }
    const fresh = await repo.findComplaint(tx, c.id);
    if (fresh) await project(tx, fresh, env.settings, now);
  });
  const after = await repo.findComplaint(db, id);
  if (!after) throw new DomainError('complaint.not_found');
  // A unit that refused a transfer no longer sees the complaint: it gets the step's outcome only.
  return {
    id: after.id,
    status: after.status,
    nextDueAt: after.nextDueAt?.toISOString() ?? null,
    visible: after.unitId === ctx.unit.id,
  };
}

export async function listBreaches(db: Db, ctx: AuthContext): Promise<BreachList> {
  const rows = await repo.breachesOfUnit(db, ctx.unit.id);
  return {
    breaches: rows.map(({ breach, trackingCode }) => ({
      complaintId: breach.complaintId,
      trackingCode,
      timer: breach.timer,
      dueAt: breach.dueAt.toISOString(),
      recordedAt: breach.recordedAt.toISOString(),
    })),
  };
}

/**
 * The sweep: records each legal timer of the office that ran out, once, when it sees it, and
 * withdraws a complaint whose complainant's 30 days to complete it ran out (Pasal 44(5)).
 * Returns how many breaches and withdrawals it recorded.
 */
export async function sweepComplaints(db: Db, settings: TimerSettings, now: Date): Promise<number> {
  const due = await db
    .select()
    .from(complaints)
    .where(
      and(
        sql`${complaints.nextDueAt} < ${now.toISOString()}`,
        sql`${complaints.status} NOT IN ('delivered', 'withdrawn', 'archived')`,
        sql`NOT EXISTS (SELECT 1 FROM ${complaintBreaches} b WHERE b.complaint_id = ${complaints.id}
              AND b.due_at = ${complaints.nextDueAt})`,
      ),
    )
    .limit(1000);
  let recorded = 0;
  for (const c of due) {
    await db.transaction(async (tx) => {
      const readings = await timersOf(tx, c, settings, now);
      for (const r of readings) {
        if (!r.breachedAt || r.state === 'stopped') continue;
        if (r.timer === 'completion') {
          await tx
            .update(complaints)
            .set({ status: 'withdrawn', withdrawnAt: r.breachedAt, updatedAt: now })
            .where(and(eq(complaints.id, c.id), eq(complaints.status, 'incomplete')));
          await recordEvent(tx, c, systemActor, 'withdrawn', now, null, {
            dueAt: r.breachedAt.toISOString(),
          });
          recorded++;
          continue;
        }
        const inserted = await tx
          .insert(complaintBreaches)
          .values({
            complaintId: c.id,
            timer: r.timer,
            unitId: c.unitId,
            dueAt: r.breachedAt,
            recordedAt: now,
          })
          .onConflictDoNothing()
          .returning({ timer: complaintBreaches.timer });
        if (inserted.length > 0) {
          await recordAudit(tx, systemActor, {
            action: 'complaint.breach',
            entity: 'complaint',
            entityId: c.id,
            unitId: c.unitId,
            after: { timer: r.timer, dueAt: r.breachedAt.toISOString(), recordedAt: now.toISOString() },
          });
          recorded++;
        }
      }
      const fresh = await repo.findComplaint(tx, c.id);
      if (fresh) await project(tx, fresh, settings, now);
    });
  }
  return recorded;
}

/** The module's background jobs, for the composition root to schedule. */
export const complaintJobs = [
  {
    name: 'complaints.sweep',
    everyMs: 60_000,
    run: (db: Db, config: Config, now: Date) => sweepComplaints(db, timerSettingsOf(config), now),
  },
] as const;
