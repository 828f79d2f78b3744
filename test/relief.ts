import { expect } from 'vitest';
import { todayIn } from '../src/core/dates.ts';
import type { Db } from '../src/db/client.ts';
import { createItem, receiveGoods } from '../src/logistics/stock.service.ts';
import type { ItemCategory } from '../src/logistics/stock.tables.ts';
import type { Agent } from './app.ts';

/** Today in Banten, and a day counted from it, as a decree or an expiry date gives them. */
export const today = todayIn('Asia/Jakarta');
export const inDays = (n: number, from = today) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** An emergency declared by the Gubernur's decree over `areas`, for two weeks from `day`. */
export async function declareEmergency(
  kadis: Agent,
  number: string,
  areas: string[],
  { day = today, disaster = 'Banjir' }: { day?: string; disaster?: string } = {},
) {
  const res = await kadis.post('/api/emergencies', {
    number,
    // Signed today at the latest, for an emergency that starts later.
    decreedOn: day > today ? today : day,
    declaredBy: 'gubernur',
    disaster,
    areas,
    startsOn: day,
    endsOn: inDays(14, day),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A catalogue item without a needs norm or a minimum, as most tests stock one. */
export async function plainItem(
  db: Db,
  unitId: number,
  item: { name: string; uom: string; category: ItemCategory },
) {
  return createItem(db, unitId, { ...item, normPerPersonDay: null, normUnit: null, minimum: null });
}

/** Goods received into a warehouse today, by procurement from Perum Bulog unless said otherwise. */
export async function receiveToday(
  db: Db,
  input: Pick<Parameters<typeof receiveGoods>[1], 'unitId' | 'warehouseId' | 'documentRef' | 'lines'> &
    Partial<Parameters<typeof receiveGoods>[1]>,
) {
  return receiveGoods(db, {
    source: 'procurement',
    supplier: 'Perum Bulog',
    receivedOn: today,
    userId: null,
    ...input,
  });
}
