import type { Effect, EffectInput } from '../cases/effects.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { activeEmergencyFor, areaName } from './emergencies.service.ts';
import {
  issueDeliveryNote,
  issueHandoverRecord,
  type PaperEnv,
  recordDisposition,
} from './papers.service.ts';
import { type ReturnCondition, ReturnConditions } from './requests.schema.ts';
import {
  approvalPreview,
  checkCatalogue,
  countOf,
  goodsPreview,
  linesOf,
  needsPreview,
} from './requests.service.ts';
import {
  type Allocation,
  dispatchReserved,
  refusedReturns,
  releaseStock,
  reserveStock,
  returnStock,
  type StockSource,
} from './stock.service.ts';

/** The intake field a relief request names its area by (Kemendagri code of regency or district). */
export const areaField = 'areaCode';

/** The opening check of relief requests; its recorded result names the emergency a request opened under. */
export const emergencyCheck = 'logistics.emergency_active';

/**
 * `logistics.emergency_active`, an opening check: a relief request opens only for an area under
 * an active emergency of the office (the Banten standard's first requirement, "Dalam situasi
 * Tanggap Darurat"). Refused with the area's name; recorded with the emergency it opened under.
 */
const emergencyActive: Effect = {
  name: emergencyCheck,
  atOpening: true,
  returns: { emergencyId: 'number', areaCode: 'region' },
  run: async (tx, { ctx, caseRow, data }) => {
    const code = data[areaField];
    if (typeof code !== 'string')
      throw new ValidationError('case.invalid', [
        problemIn(`intake.${areaField}`, {
          id: 'wilayah permohonan wajib diisi',
          en: 'the area of the request is required',
        }),
      ]);
    const found = await activeEmergencyFor(tx, ctx.unit, code, caseRow.openedAt);
    if (!found) throw new DomainError('emergency.not_active', { area: areaName(code), areaCode: code });
    return { emergencyId: found.id, areaCode: found.areaCode };
  },
};

/** The request's holdings in the ledger are booked against the case. */
const sourceOf = ({ caseRow }: Pick<EffectInput, 'caseRow'>): StockSource => ({
  kind: 'case',
  id: caseRow.id,
  ref: caseRow.trackingCode,
});
/** The ledger dates a posting at the action's time, which runs on the installation's clock. */
const atAction = (input: EffectInput): Clock => {
  const at = actionOf(input).at.getTime();
  return { now: () => at };
};
const total = (allocations: Allocation[]) => allocations.reduce((n, a) => n + a.quantity, 0);
const people = { id: 'Jumlah jiwa terdampak', en: 'People affected' };
const days = { id: 'Lama kebutuhan (hari)', en: 'Days to cover' };

/** The action an effect runs in; the engine always passes it to an action's effect. */
function actionOf(input: EffectInput) {
  if (!input.action) throw new Error('a logistics effect runs inside an action');
  return input.action;
}

/** Where a paper the effect issues is made: the action's user, role and time, the QR's address. */
function paperEnv(input: EffectInput): PaperEnv {
  const action = actionOf(input);
  if (!input.publicUrl) throw new Error('a logistics paper needs the public address');
  return {
    ctx: input.ctx,
    caseRow: input.caseRow,
    role: action.role,
    files: input.files,
    publicUrl: input.publicUrl,
    now: action.at,
  };
}

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * `logistics.disposition`: the Kepala Bidang's disposition, written as a lembar disposisi row in
 * the action's transaction: to the functional officer "teliti dan saran" with its instruction, or
 * a refusal (`tolak`, the note is its reason) back to the front office, which tells the requester.
 */
const disposition: Effect = {
  name: 'logistics.disposition',
  returns: { dispositionId: 'number' },
  run: async (tx, input) => {
    const action = actionOf(input);
    const refused = action.id === 'tolak';
    const instruction = refused ? textOf(action.note) : textOf(input.data.instruction) || 'Teliti dan saran';
    const dispositionId = await recordDisposition(tx, {
      caseRow: input.caseRow,
      ctx: input.ctx,
      fromRole: action.role,
      toRole: refused ? 'front_office' : 'fungsional',
      decision: refused ? 'Tolak' : 'Teliti dan saran',
      instruction: instruction || 'Tolak',
      at: action.at,
    });
    return { dispositionId };
  },
};

/**
 * `logistics.telaah`: the functional officer's review records the proposed items and quantities
 * (`data.lines`), checked against the catalogue; its preview is the needs estimate beside stock.
 */
const telaah: Effect = {
  name: 'logistics.telaah',
  returns: { lines: 'number' },
  run: async (tx, { ctx, data }) => {
    countOf(data, 'peopleAffected', people);
    countOf(data, 'days', days);
    const lines = linesOf(data);
    await checkCatalogue(tx, ctx.unit.id, lines);
    return { lines: lines.length };
  },
  preview: async (db, caseRow, data) => needsPreview(db, caseRow.unitId, data),
};

/**
 * `logistics.reserve`: the Kepala Bidang's approval reserves the approved quantities
 * (`data.lines`, possibly changed from the telaah) in `data.warehouseId`, first expiry first out.
 */
const reserve: Effect = {
  name: 'logistics.reserve',
  returns: { reserved: 'number', dispositionId: 'number' },
  run: async (tx, input) => {
    const lines = linesOf(input.data);
    const warehouseId = countOf(input.data, 'warehouseId', { id: 'Gudang', en: 'Warehouse' });
    const allocations = await reserveStock(tx, {
      unitId: input.ctx.unit.id,
      warehouseId,
      lines,
      source: sourceOf(input),
      userId: input.ctx.user.id,
      clock: atAction(input),
      reason: `Disetujui Kepala Bidang, permohonan ${input.caseRow.trackingCode}`,
    });
    // The approval is the Kepala Bidang's disposition "setuju" to the functional officer.
    const action = actionOf(input);
    const dispositionId = await recordDisposition(tx, {
      caseRow: input.caseRow,
      ctx: input.ctx,
      fromRole: action.role,
      toRole: 'fungsional',
      decision: 'Setuju',
      instruction: textOf(action.note) || 'Setuju, lanjutkan pengiriman bantuan sesuai jumlah yang disetujui',
      at: action.at,
    });
    return { reserved: total(allocations), dispositionId, allocations };
  },
  // The telaah's lines to start from, the warehouses, and the chosen warehouse's stock.
  preview: async (db, caseRow, data) => approvalPreview(db, caseRow, data),
};

/** `logistics.release`: a request refused or withdrawn after approval gives its reservation back. */
const release: Effect = {
  name: 'logistics.release',
  returns: { released: 'number' },
  run: async (tx, input) => {
    const allocations = await releaseStock(tx, {
      unitId: input.ctx.unit.id,
      source: sourceOf(input),
      userId: input.ctx.user.id,
      clock: atAction(input),
      reason: `Permohonan ${input.caseRow.trackingCode} dibatalkan`,
    });
    return { released: total(allocations), allocations };
  },
  preview: async (db, caseRow) => goodsPreview(db, caseRow, 'logistics.release'),
};

/**
 * `logistics.dispatch`: the shipment dispatches what the approval reserved, under its surat jalan:
 * the delivery note takes the next agenda number, the ledger's dispatch rows carry that number,
 * and the note lists what they moved (a letter of the case, QR-verifiable).
 */
const dispatch: Effect = {
  name: 'logistics.dispatch',
  returns: { dispatched: 'number', deliveryNote: 'text', letterId: 'number' },
  run: async (tx, input) => {
    const vehicle = textOf(input.data.vehicle);
    const driver = textOf(input.data.driver);
    let allocations: Allocation[] = [];
    const letter = await issueDeliveryNote(tx, paperEnv(input), {
      vehicle,
      driver,
      post: async (number) => {
        allocations = await dispatchReserved(tx, {
          unitId: input.ctx.unit.id,
          source: sourceOf(input),
          userId: input.ctx.user.id,
          clock: atAction(input),
          reason: `Pengiriman ${vehicle} (${driver})`,
          documentRef: number,
        });
        return allocations;
      },
    });
    return { dispatched: total(allocations), deliveryNote: letter.number, letterId: letter.id, allocations };
  },
  preview: async (db, caseRow) => goodsPreview(db, caseRow, 'logistics.shipment'),
};

/** A return line's condition; `damaged: true` is how handovers recorded before `condition` said it. */
function conditionOf(line: Record<string, unknown>): ReturnCondition | undefined {
  if (line.condition === undefined) return line.damaged === true ? 'damaged' : 'returned';
  return ReturnConditions.find((c) => c === line.condition);
}

/**
 * `logistics.handover`: what did not arrive whole (`data.returns`: batch, quantity, condition,
 * reason) goes back on its batch; what was damaged or lost is then written off with the reason.
 */
const handover: Effect = {
  name: 'logistics.handover',
  returns: { returned: 'number', writtenOff: 'number', bast: 'text', letterId: 'number' },
  run: async (tx, input) => {
    const raw = input.data.returns;
    const list = Array.isArray(raw) ? raw : [];
    const problems: Problem[] = [];
    const returns = list.map((r: unknown, i) => {
      const line = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
      const batchId = Number(line.batchId);
      const quantity = Number(line.quantity);
      const reason = typeof line.reason === 'string' ? line.reason.trim() : '';
      if (!Number.isSafeInteger(batchId) || batchId <= 0 || !Number.isSafeInteger(quantity) || quantity <= 0)
        problems.push(
          problemIn(`data.returns[${i}]`, {
            id: 'batch dan jumlah (bilangan bulat lebih dari 0) wajib diisi',
            en: 'a batch and a quantity (a whole number above 0) are required',
          }),
        );
      if (reason.length < 5)
        problems.push(
          problemIn(`data.returns[${i}].reason`, {
            id: 'alasan kekurangan atau kerusakan wajib diisi (paling sedikit 5 karakter)',
            en: 'the reason for the shortfall or damage is required (at least 5 characters)',
          }),
        );
      const condition = conditionOf(line);
      if (!condition)
        problems.push(
          problemIn(`data.returns[${i}].condition`, {
            id: 'keadaan barang harus kembali ke gudang, rusak, atau hilang',
            en: 'the condition must be returned to the warehouse, damaged, or lost',
          }),
        );
      return { batchId, quantity, reason, condition: condition ?? 'returned' };
    });
    // Each line must come out of what this shipment sent from its batch (the stock service's
    // rule, which returnStock applies again); refused here, before the BAST is numbered, on the line.
    const valid = returns
      .map((r, i) => ({ ...r, i }))
      .filter((r) => Number.isSafeInteger(r.batchId) && Number.isSafeInteger(r.quantity) && r.quantity > 0);
    for (const refused of await refusedReturns(tx, input.ctx.unit.id, sourceOf(input), valid)) {
      const i = valid[refused.line]?.i ?? refused.line;
      problems.push(
        refused.returnable === null
          ? problemIn(`data.returns[${i}].batchId`, {
              id: 'batch ini tidak dikirim untuk permohonan ini',
              en: 'this batch was not dispatched for this request',
            })
          : problemIn(`data.returns[${i}].quantity`, {
              id: `melebihi yang dikirim dari batch ini (${refused.returnable})`,
              en: `more than was dispatched from this batch (${refused.returnable})`,
            }),
      );
    }
    if (problems.length > 0) throw new ValidationError('case.invalid', problems);
    let returned = 0;
    let writtenOff = 0;
    // The BAST takes its agenda number first; the returns and write-offs carry it in the ledger.
    const letter = await issueHandoverRecord(tx, paperEnv(input), {
      receiver: { name: textOf(input.data.receiverName), position: textOf(input.data.receiverPosition) },
      returns,
      remark: textOf(input.data.received) || undefined,
      post: async (number) => {
        if (returns.length === 0) return;
        ({ returned, writtenOff } = await returnStock(tx, {
          unitId: input.ctx.unit.id,
          source: sourceOf(input),
          userId: input.ctx.user.id,
          clock: atAction(input),
          documentRef: number,
          lines: returns.map((r) => ({
            batchId: r.batchId,
            quantity: r.quantity,
            reason: r.reason,
            writeOff: r.condition !== 'returned',
          })),
        }));
      },
    });
    return { returned, writtenOff, bast: letter.number, letterId: letter.id };
  },
  // What was dispatched, batch by batch: the lines the receiver counts.
  preview: async (db, caseRow) => goodsPreview(db, caseRow, 'logistics.handover'),
};

/** The workflow effects of relief logistics, for the composition root to hand to the case engine. */
export const logisticsEffects: Effect[] = [
  emergencyActive,
  disposition,
  telaah,
  reserve,
  release,
  dispatch,
  handover,
];
