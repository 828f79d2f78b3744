import { actionsOf } from '../cases/cases.repository.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { parseWholeNumber } from '../core/numbers.ts';
import type { Db } from '../db/client.ts';
import { caseGoods } from './requests.repository.ts';
import type {
  ApprovalPreview,
  GoodsPreview,
  GoodsStock,
  NeedsEstimate,
  NeedsPreview,
} from './requests.schema.ts';
import {
  listItems,
  listWarehouses,
  type PositionRow,
  type StockLine,
  stockPosition,
} from './stock.service.ts';

export type { NeedsEstimate } from './requests.schema.ts';

/**
 * Relief requests (issue 16): what the Banten workflow's actions carry beyond their form fields,
 * read and checked here. A line of goods is `{ itemId, quantity }`, in the item's unit.
 */

/** Sphere minimums (DOMAIN.md §8): water per person per day, food energy, covered space. */
export const Sphere = { waterLitresPerDay: 15, kcalPerDay: 2100, shelterM2: 3.5 } as const;

/** The lines an action sent at `data.lines`, checked; every problem at once. */
export function linesOf(data: Record<string, unknown>, path = 'lines'): StockLine[] {
  const raw = data[path];
  const problems: Problem[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ValidationError('case.invalid', [
      problemIn(`data.${path}`, {
        id: 'barang dan jumlah wajib diisi',
        en: 'items and quantities are required',
      }),
    ]);
  }
  const lines: StockLine[] = [];
  raw.forEach((l: unknown, i) => {
    const line = (typeof l === 'object' && l !== null ? l : {}) as Record<string, unknown>;
    const itemId = Number(line.itemId);
    const quantity = Number(line.quantity);
    if (!Number.isSafeInteger(itemId) || itemId <= 0)
      problems.push(
        problemIn(`data.${path}[${i}].itemId`, { id: 'barang tidak dikenal', en: 'unknown item' }),
      );
    if (!Number.isSafeInteger(quantity) || quantity <= 0)
      problems.push(
        problemIn(`data.${path}[${i}].quantity`, {
          id: 'jumlah harus bilangan bulat lebih dari 0',
          en: 'the quantity must be a whole number above 0',
        }),
      );
    lines.push({ itemId, quantity });
  });
  if (problems.length > 0) throw new ValidationError('case.invalid', problems);
  return lines;
}

/** A positive whole number the action sent at `data.<field>`. */
export function countOf(
  data: Record<string, unknown>,
  field: string,
  label: { id: string; en: string },
): number {
  const n = parseWholeNumber(data[field]);
  if (n === undefined || n <= 0 || n > 10_000_000)
    throw new ValidationError('case.invalid', [
      problemIn(`data.${field}`, {
        id: `${label.id}: bilangan bulat lebih dari 0`,
        en: `${label.en}: a whole number above 0`,
      }),
    ]);
  return n;
}

/** Lines naming an item that is not in the unit's catalogue are refused, with the line's path. */
export async function checkCatalogue(db: Db, unitId: number, lines: StockLine[], path = 'lines') {
  const known = new Set((await listItems(db, unitId)).map((i) => i.id));
  const problems = lines.flatMap((l, i) =>
    known.has(l.itemId)
      ? []
      : [
          problemIn(`data.${path}[${i}].itemId`, {
            id: 'barang tidak ada di katalog',
            en: 'the item is not in the catalogue',
          }),
        ],
  );
  if (problems.length > 0) throw new ValidationError('case.invalid', problems);
}

/**
 * The telaah's needs estimate: for each catalogue item, people × days × its norm, beside what is
 * in stock (available and reserved); and the Sphere minimums for the same people and days.
 */
export async function needsEstimate(
  db: Db,
  unitId: number,
  input: { peopleAffected: number; days: number; proposed?: StockLine[] },
): Promise<NeedsEstimate> {
  const position: PositionRow[] = await stockPosition(db, unitId);
  const proposed = new Map<number, number>();
  for (const l of input.proposed ?? []) proposed.set(l.itemId, (proposed.get(l.itemId) ?? 0) + l.quantity);
  return {
    peopleAffected: input.peopleAffected,
    days: input.days,
    sphere: {
      waterLitres: input.peopleAffected * input.days * Sphere.waterLitresPerDay,
      kcal: input.peopleAffected * input.days * Sphere.kcalPerDay,
      shelterM2: input.peopleAffected * Sphere.shelterM2,
    },
    items: position.map((p) => ({
      itemId: p.itemId,
      name: p.name,
      uom: p.uom,
      needed:
        p.normPerPersonDay === null
          ? null
          : Math.ceil(input.peopleAffected * input.days * p.normPerPersonDay),
      available: p.available,
      reserved: p.reserved,
      proposed: proposed.get(p.itemId) ?? null,
    })),
  };
}

/** A positive whole number, or null: a form's field as typed (`"120"`) or as sent (120). */
function wholeOrNull(value: unknown): number | null {
  const n = parseWholeNumber(value);
  return n !== undefined && n > 0 && n <= 10_000_000 ? n : null;
}

const goodsStock = (p: PositionRow): GoodsStock => ({
  itemId: p.itemId,
  name: p.name,
  uom: p.uom,
  normPerPersonDay: p.normPerPersonDay,
  normUnit: p.normUnit,
  available: p.available,
  reserved: p.reserved,
});

/**
 * The telaah's preview: the catalogue with what every warehouse of the unit holds, and, once the
 * form gives people and days, the needs estimate beside the proposed lines (complete ones only).
 */
export async function needsPreview(
  db: Db,
  unitId: number,
  data: Record<string, unknown> = {},
): Promise<NeedsPreview> {
  const people = wholeOrNull(data.peopleAffected);
  const days = wholeOrNull(data.days);
  const proposed = Array.isArray(data.lines) && data.lines.length > 0 ? linesOf(data) : [];
  const stock = (await stockPosition(db, unitId)).map(goodsStock);
  return {
    kind: 'logistics.needs',
    stock,
    estimate:
      people === null || days === null
        ? null
        : await needsEstimate(db, unitId, { peopleAffected: people, days, proposed }),
  };
}

/**
 * The approval's preview: the lines the telaah recorded (the latest action of the case that
 * sent `lines`), the unit's active warehouses, and the stock of the one chosen
 * (`data.warehouseId`, refused when it is not the unit's) or else the first.
 */
export async function approvalPreview(
  db: Db,
  caseRow: { id: number; unitId: number },
  data: Record<string, unknown> = {},
): Promise<ApprovalPreview> {
  const warehouses = (await listWarehouses(db, caseRow.unitId)).filter((w) => w.active);
  const asked = data.warehouseId === undefined ? null : wholeOrNull(data.warehouseId);
  if (data.warehouseId !== undefined && !warehouses.some((w) => w.id === asked))
    throw new DomainError('stock.not_found', { warehouseId: data.warehouseId });
  const warehouseId = asked ?? warehouses[0]?.id ?? null;
  const recorded = (await actionsOf(db, caseRow.id))
    .map((a) => (typeof a.data === 'object' && a.data !== null ? (a.data as Record<string, unknown>) : {}))
    .filter((d) => Array.isArray(d.lines))
    .at(-1);
  let proposal: ApprovalPreview['proposal'] = null;
  if (recorded) {
    try {
      proposal = {
        peopleAffected: wholeOrNull(recorded.peopleAffected),
        days: wholeOrNull(recorded.days),
        lines: linesOf(recorded),
      };
    } catch {
      // Lines the effect would refuse today are not offered; the Kepala Bidang enters them anew.
    }
  }
  return {
    kind: 'logistics.approval',
    proposal,
    warehouses: warehouses.map((w) => ({ id: w.id, name: w.name })),
    warehouseId,
    stock: warehouseId === null ? [] : (await stockPosition(db, caseRow.unitId, warehouseId)).map(goodsStock),
  };
}

/**
 * What a request holds reserved (the shipment sends it, a withdrawal gives it back), or, for the
 * handover, what its shipment dispatched: batch by batch.
 */
export async function goodsPreview(
  db: Db,
  caseRow: { id: number; unitId: number },
  kind: GoodsPreview['kind'],
): Promise<GoodsPreview> {
  const lines = await caseGoods(db, caseRow.unitId, caseRow.id);
  return {
    kind,
    lines: lines.filter((l) => (kind === 'logistics.handover' ? l.dispatched > 0 : l.reserved > 0)),
  };
}
