import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnitRow } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { users } from '../auth/auth.tables.ts';
import { RoleLabels, type StaffRole } from '../auth/roles.ts';
import { openingOf } from '../cases/case-facts.service.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import { displayName, findRegion, regionPath } from '../core/regions.ts';
import type { Db } from '../db/client.ts';
import type { FileStore } from '../documents/file-store.ts';
import { issueCaseDocument, type LetterRow } from '../documents/letters.service.ts';
import { logisticsDispositions } from './dispositions.tables.ts';
import { emergencies } from './emergencies.tables.ts';
import {
  type HandoverLine,
  type PaperLine,
  type Party,
  renderDeliveryNotePdf,
  renderDispositionPdf,
  renderHandoverPdf,
} from './logistics.pdf.ts';
import type { ReturnCondition } from './requests.schema.ts';
import { stockBatches, stockItems, stockMovements, warehouses } from './stock.tables.ts';

/**
 * The papers of a relief request: its dispositions (lembar disposisi), the delivery note (surat
 * jalan) at shipment and the handover record (BAST) at handover. The last two are letters of the
 * case (agenda number, QR verification, signed scan uploaded back); dispositions are rows here.
 */

/** Agenda classification of the delivery note and the BAST (460: kesejahteraan sosial). */
export const paperClassification = '460';

const roleName = (role: string) => RoleLabels[role as StaffRole]?.id ?? role;

/** The position a paper prints for a user: their own on record, else their role's name. */
function partyOf(ctx: AuthContext, role: string): Party {
  return {
    name: ctx.user.name,
    position: ctx.user.position?.trim() || roleName(role),
    ...(ctx.user.nip ? { nip: ctx.user.nip } : {}),
    ...(ctx.user.rank ? { rank: ctx.user.rank } : {}),
  };
}

export interface DispositionInput {
  caseRow: CaseRow;
  ctx: AuthContext;
  fromRole: string;
  toRole: string;
  decision: string;
  instruction: string;
  at: Date;
}

/** Writes a disposition in the action's transaction. */
export async function recordDisposition(tx: Db, d: DispositionInput) {
  const [row] = await tx
    .insert(logisticsDispositions)
    .values({
      unitId: d.caseRow.unitId,
      caseId: d.caseRow.id,
      fromUserId: d.ctx.user.id,
      fromRole: d.fromRole,
      toRole: d.toRole,
      decision: d.decision,
      instruction: d.instruction,
      at: d.at,
    })
    .returning({ id: logisticsDispositions.id });
  if (!row) throw new Error('insert logistics_dispositions returned nothing');
  return row.id;
}

/** A case's dispositions, oldest first, with the giver's name and the roles' names. */
export async function dispositionsOf(db: Db, unitId: number, caseId: number) {
  const found = await db
    .select({
      id: logisticsDispositions.id,
      fromName: users.name,
      fromRole: logisticsDispositions.fromRole,
      toRole: logisticsDispositions.toRole,
      decision: logisticsDispositions.decision,
      instruction: logisticsDispositions.instruction,
      at: logisticsDispositions.at,
    })
    .from(logisticsDispositions)
    .innerJoin(users, eq(users.id, logisticsDispositions.fromUserId))
    .where(and(eq(logisticsDispositions.unitId, unitId), eq(logisticsDispositions.caseId, caseId)))
    .orderBy(asc(logisticsDispositions.id));
  return found.map((d) => ({
    id: d.id,
    from: { name: d.fromName, role: roleName(d.fromRole) },
    to: roleName(d.toRole),
    decision: d.decision,
    instruction: d.instruction,
    at: d.at.toISOString(),
  }));
}

/** The case as the agenda book records it, for the lembar disposisi. */
export interface AgendaCase {
  trackingCode: string;
  openedAt: string;
  applicant: { name: string };
  intake: Record<string, unknown>;
}

const areaText = (code: unknown) => {
  if (typeof code !== 'string' || !findRegion(code)) return '';
  return regionPath(code)
    .map((r) =>
      r.level === 'province' && !/^(Provinsi|Daerah|DKI|DI)\b/.test(displayName(r))
        ? `Provinsi ${displayName(r)}`
        : displayName(r),
    )
    .reverse()
    .join(', ');
};

/** The lembar disposisi of one disposition of a case the caller has already been allowed to read. */
export async function dispositionPdf(
  db: Db,
  unit: UnitRow,
  c: AgendaCase & { id: number },
  dispositionId: number,
): Promise<{ fileName: string; pdf: Buffer }> {
  const [d] = await db
    .select({
      row: logisticsDispositions,
      name: users.name,
      position: users.position,
      nip: users.nip,
      rank: users.rank,
    })
    .from(logisticsDispositions)
    .innerJoin(users, eq(users.id, logisticsDispositions.fromUserId))
    .where(and(eq(logisticsDispositions.id, dispositionId), eq(logisticsDispositions.caseId, c.id)));
  if (!d || d.row.unitId !== unit.id) throw new DomainError('disposition.not_found', { dispositionId });
  const area = areaText(c.intake.areaCode);
  const office = typeof c.intake.requestingOffice === 'string' ? c.intake.requestingOffice : undefined;
  const pdf = await renderDispositionPdf({
    unit,
    place: unit.letterPlace || unit.name,
    agenda: {
      trackingCode: c.trackingCode,
      receivedOn: todayIn(unit.timeZone, new Date(c.openedAt)),
      from: c.applicant.name,
      requestingOffice: office,
      subject: `Permohonan bantuan logistik tanggap darurat${area ? ` untuk ${area}` : ''}`,
    },
    date: todayIn(unit.timeZone, d.row.at),
    decision: d.row.decision,
    instruction: d.row.instruction,
    to: roleName(d.row.toRole),
    from: {
      name: d.name,
      position: d.position?.trim() || roleName(d.row.fromRole),
      ...(d.nip ? { nip: d.nip } : {}),
      ...(d.rank ? { rank: d.rank } : {}),
    },
  });
  return { fileName: `disposisi-${c.trackingCode}-${d.row.id}.pdf`, pdf };
}

/** What the shipment dispatched for a case, batch by batch, with item and warehouse. */
function dispatchedOf(tx: Db, unitId: number, caseId: number) {
  return goodsOfCase(tx, unitId, caseId, 'dispatched');
}

/**
 * What a case holds reserved, batch by batch, with item and warehouse: what its shipment will
 * dispatch, read before the dispatch so the surat jalan is laid out with the items unlocked.
 */
function heldOf(tx: Db, unitId: number, caseId: number) {
  return goodsOfCase(tx, unitId, caseId, 'held');
}

/**
 * A case's ledger rows summed per batch: its dispatches (with the surat jalan number they carry)
 * or what it still holds reserved.
 */
async function goodsOfCase(tx: Db, unitId: number, caseId: number, what: 'dispatched' | 'held') {
  const quantity =
    what === 'dispatched'
      ? sql<number>`sum(${stockMovements.quantity})::int`
      : sql<number>`sum(${stockMovements.reservedChange})::int`;
  const documentRef = what === 'dispatched' ? stockMovements.documentRef : sql<string>`''`;
  return tx
    .select({
      itemId: stockMovements.itemId,
      batchId: stockMovements.batchId,
      quantity,
      name: stockItems.name,
      uom: stockItems.uom,
      expiresOn: stockBatches.expiresOn,
      warehouse: warehouses.name,
      address: warehouses.address,
      documentRef,
    })
    .from(stockMovements)
    .innerJoin(stockItems, eq(stockItems.id, stockMovements.itemId))
    .innerJoin(stockBatches, eq(stockBatches.id, stockMovements.batchId))
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(
      and(
        eq(stockMovements.unitId, unitId),
        eq(stockMovements.sourceKind, 'case'),
        eq(stockMovements.sourceId, caseId),
        what === 'dispatched' ? eq(stockMovements.kind, 'dispatch') : undefined,
      ),
    )
    .groupBy(
      stockMovements.itemId,
      stockMovements.batchId,
      stockItems.name,
      stockItems.uom,
      stockBatches.expiresOn,
      warehouses.name,
      warehouses.address,
      ...(what === 'dispatched' ? [stockMovements.documentRef] : []),
    )
    .having(what === 'held' ? sql`${quantity} > 0` : undefined)
    .orderBy(asc(stockItems.name), asc(stockMovements.batchId));
}

/**
 * The disaster of the emergency a request was opened under, as its opening check recorded it
 * (the same emergency the reports book the goods to), for the BAST's text.
 */
async function disasterOf(tx: Db, unitId: number, caseId: number): Promise<string> {
  const emergencyId = (await openingOf(tx, unitId, caseId))?.emergencyId;
  if (typeof emergencyId !== 'number') return '';
  const [found] = await tx
    .select({ disaster: emergencies.disaster })
    .from(emergencies)
    .where(and(eq(emergencies.unitId, unitId), eq(emergencies.id, emergencyId)));
  return found?.disaster.toLowerCase() ?? '';
}

export interface PaperEnv {
  ctx: AuthContext;
  caseRow: CaseRow;
  role: string;
  files: FileStore;
  publicUrl: string;
  now: Date;
}

/**
 * The surat jalan of a shipment, issued as a letter of the case. It lists what the case holds
 * reserved, and is laid out before `post` dispatches exactly that under its number: the PDF
 * renders with the items unlocked, and the items stay locked only from the dispatch to the commit.
 * The case's row lock keeps its reservation still in between; a dispatch that moved anything
 * else is refused as a whole.
 */
export async function issueDeliveryNote(
  tx: Db,
  env: PaperEnv,
  input: {
    vehicle: string;
    driver: string;
    /** Dispatches what is reserved under the note's number, in the transaction. */
    post: (number: string) => Promise<ReadonlyArray<{ batchId: number; quantity: number }>>;
  },
): Promise<LetterRow> {
  const unit = env.ctx.unit;
  const signer = partyOf(env.ctx, env.role);
  const held = await heldOf(tx, unit.id, env.caseRow.id);
  const letter = await issueCaseDocument(tx, env.files, {
    unit,
    caseId: env.caseRow.id,
    product: 'surat-jalan',
    title: 'Surat Jalan',
    classification: paperClassification,
    signer,
    publicUrl: env.publicUrl,
    now: env.now,
    render: async (at) => {
      const lines: PaperLine[] = held.map((s) => ({
        name: s.name,
        uom: s.uom,
        quantity: s.quantity,
        expiresOn: s.expiresOn,
      }));
      const origin = held[0]
        ? { name: held[0].warehouse, address: held[0].address }
        : { name: '', address: '' };
      return renderDeliveryNotePdf({
        unit,
        place: unit.letterPlace || unit.name,
        number: at.number,
        date: at.date,
        verifyUrl: at.verifyUrl,
        trackingCode: env.caseRow.trackingCode,
        origin,
        destination: {
          name: env.caseRow.applicant.name,
          area: areaText(env.caseRow.intake.areaCode) || '-',
        },
        vehicle: input.vehicle,
        driver: input.driver,
        lines,
        sender: signer,
      });
    },
  });
  const moved = await input.post(letter.number);
  const key = (lines: ReadonlyArray<{ batchId: number; quantity: number }>) =>
    lines
      .map((l) => `${l.batchId}:${l.quantity}`)
      .sort()
      .join(',');
  if (key(moved) !== key(held))
    throw new Error(`surat jalan ${letter.number} lists other goods than were dispatched`);
  return letter;
}

/** How the BAST names what became of goods that did not arrive whole. */
const conditionWords: Record<ReturnCondition, (amount: string) => string> = {
  returned: (amount) => `kurang ${amount}, kembali ke gudang`,
  damaged: (amount) => `rusak ${amount}`,
  lost: (amount) => `hilang ${amount}`,
};

export interface ReturnedLine {
  batchId: number;
  quantity: number;
  condition: ReturnCondition;
  reason: string;
}

/**
 * The BAST of a handover, issued as a letter of the case: what was dispatched per item, what
 * arrived whole, and each shortfall or damage with its reason.
 */
export async function issueHandoverRecord(
  tx: Db,
  env: PaperEnv,
  input: {
    receiver: { name: string; position: string };
    returns: ReturnedLine[];
    remark?: string | undefined;
    /**
     * Posts the returns under the BAST's number, in the transaction, after it is laid out: the
     * layout reads nothing the returns change, and the items stay unlocked while it renders.
     */
    post: (number: string) => Promise<void>;
  },
): Promise<LetterRow> {
  const unit = env.ctx.unit;
  const sent = await dispatchedOf(tx, unit.id, env.caseRow.id);
  const deliveryNote = [...new Set(sent.map((s) => s.documentRef))].join(', ');
  const byItem = new Map<number, HandoverLine>();
  const itemOfBatch = new Map(sent.map((s) => [s.batchId, s.itemId]));
  for (const s of sent) {
    const line = byItem.get(s.itemId);
    if (line) {
      line.quantity += s.quantity;
      line.received += s.quantity;
    } else
      byItem.set(s.itemId, {
        name: s.name,
        uom: s.uom,
        quantity: s.quantity,
        received: s.quantity,
        expiresOn: s.expiresOn,
        notes: [],
      });
  }
  for (const r of input.returns) {
    const line = byItem.get(itemOfBatch.get(r.batchId) ?? -1);
    if (!line) continue;
    line.received -= r.quantity;
    line.notes.push(
      `${conditionWords[r.condition](`${r.quantity.toLocaleString('id-ID')} ${line.uom}`)}: ${r.reason}`,
    );
  }
  const disaster = await disasterOf(tx, unit.id, env.caseRow.id);
  const code = env.caseRow.intake.areaCode;
  const region = typeof code === 'string' ? findRegion(code) : undefined;
  const first = partyOf(env.ctx, env.role);
  const second = { name: input.receiver.name, position: input.receiver.position };
  const letter = await issueCaseDocument(tx, env.files, {
    unit,
    caseId: env.caseRow.id,
    product: 'bast',
    title: 'Berita Acara Serah Terima Barang',
    classification: paperClassification,
    signer: first,
    publicUrl: env.publicUrl,
    now: env.now,
    render: async (at) =>
      renderHandoverPdf({
        unit,
        place: region ? displayName(region) : unit.letterPlace || unit.name,
        number: at.number,
        date: at.date,
        verifyUrl: at.verifyUrl,
        trackingCode: env.caseRow.trackingCode,
        deliveryNote,
        disaster,
        first: { ...first, office: unit.name },
        second: { ...second, on: env.caseRow.applicant.name },
        lines: [...byItem.values()],
        remark: input.remark,
      }),
  });
  await input.post(letter.number);
  return letter;
}
