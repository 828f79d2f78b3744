import { type Problem, problemIn, ValidationError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { listItems, type PositionRow, type StockLine, stockPosition } from './stock.service.ts';

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
  const n = Number(data[field]);
  if (!Number.isSafeInteger(n) || n <= 0 || n > 10_000_000)
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

export interface NeedsRow {
  itemId: number;
  name: string;
  uom: string;
  /** People × days × the item's norm, rounded up; null when the catalogue gives no norm. */
  needed: number | null;
  available: number;
  reserved: number;
  /** What the request proposes of this item, if it does. */
  proposed: number | null;
}

export interface NeedsEstimate {
  peopleAffected: number;
  days: number;
  /** The Sphere minimums for the people and days: litres, kcal, m² of covered space. */
  sphere: { waterLitres: number; kcal: number; shelterM2: number };
  items: NeedsRow[];
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
