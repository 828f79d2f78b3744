import { z } from 'zod';
import { findUnitByCode } from '../auth/auth.repository.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import type { Db } from '../db/client.ts';
import { createItem, createWarehouse, listWarehouses, receiveGoods } from '../logistics/stock.service.ts';
import { ItemCategories, ReceiptSources } from '../logistics/stock.tables.ts';
import stockJson from './data/stock.json' with { type: 'json' };

/**
 * The provincial warehouse of Banten and a catalogue of what DOMAIN.md §8 says is really
 * stocked, with the one Sphere norm that is per person per day for an item (water, 15 L).
 * Each batch is [quantity, days from the seeding day to its expiry (null: none), source], so
 * that the demo always shows some stock expiring within 30/14/7 days and some past expiry.
 */
const StockFile = z.object({
  unit: z.string(),
  warehouse: z.object({ code: z.string(), name: z.string(), address: z.string() }),
  items: z.array(
    z.object({
      name: z.string(),
      uom: z.string(),
      category: z.enum(ItemCategories),
      normPerPersonDay: z.number().optional(),
      normUnit: z.string().optional(),
      minimum: z.number().int().optional(),
      batches: z.array(
        z.tuple([z.number().int().positive(), z.number().int().nullable(), z.enum(ReceiptSources)]),
      ),
    }),
  ),
});

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Seeds the demo stock once: nothing when the unit already has a warehouse. */
export async function seedDemoStock(db: Db, clock: Clock = systemClock): Promise<number> {
  const file = StockFile.parse(stockJson);
  const unit = await findUnitByCode(db, file.unit);
  if (!unit) return 0;
  if ((await listWarehouses(db, unit.id)).length > 0) return 0;
  const warehouse = await createWarehouse(db, unit.id, file.warehouse);
  const today = todayIn(unit.timeZone, new Date(clock.now()));
  let batches = 0;
  for (const entry of file.items) {
    const item = await createItem(db, unit.id, {
      name: entry.name,
      uom: entry.uom,
      category: entry.category,
      normPerPersonDay: entry.normPerPersonDay ?? null,
      normUnit: entry.normUnit ?? null,
      minimum: entry.minimum ?? null,
    });
    for (const [i, [quantity, days, source]] of entry.batches.entries()) {
      await receiveGoods(db, {
        unitId: unit.id,
        warehouseId: warehouse.id,
        source,
        supplier:
          source === 'kemensos'
            ? 'Kementerian Sosial RI'
            : source === 'donation'
              ? 'Donatur'
              : 'Penyedia APBD',
        documentRef: `DEMO/${entry.name}/${i + 1}`,
        receivedOn: addDays(today, -30),
        lines: [{ itemId: item.id, quantity, expiresOn: days === null ? null : addDays(today, days) }],
        userId: null,
        clock,
      });
      batches++;
    }
  }
  return batches;
}
