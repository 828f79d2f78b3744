import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';

export interface NumberParts {
  klasifikasi: string;
  urut: number;
  kode_unit: string;
  bulan: number;
  tahun: number;
}

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * A letter number from the unit's format (DOMAIN.md §9): `{klasifikasi}/{urut}/{kode_unit}/{tahun}`
 * → `460/0007/DINSOS/2026`. `{urut}` is zero-padded to 4; `{bulan}` is the month in Roman numerals.
 */
export function formatLetterNumber(format: string, parts: NumberParts): string {
  return format.replace(/\{(klasifikasi|urut|kode_unit|bulan|tahun)\}/g, (_m, key: keyof NumberParts) => {
    if (key === 'urut') return String(parts.urut).padStart(4, '0');
    if (key === 'bulan') return roman[parts.bulan - 1] ?? String(parts.bulan);
    return String(parts[key]);
  });
}

/**
 * The next number of the unit's agenda for a year, taken inside the caller's transaction: the
 * counter row stays locked until it commits, so numbers are unique and, since a rolled-back
 * letter rolls its number back too, gap-free. A new year starts again at 1.
 */
export async function nextLetterSeq(tx: Db, unitId: number, year: number): Promise<number> {
  const [row] = await rows<{ last: number | string }>(
    tx,
    sql`
    INSERT INTO letter_counters (unit_id, year, last) VALUES (${unitId}, ${year}, 1)
    ON CONFLICT (unit_id, year) DO UPDATE SET last = letter_counters.last + 1
    RETURNING last`,
  );
  return Number(row?.last);
}

/**
 * The number `nextLetterSeq` would give now, read without locking the counter: another letter
 * may take it first, so it is a guess to lay a paper out with, never a number to issue.
 */
export async function peekLetterSeq(tx: Db, unitId: number, year: number): Promise<number> {
  const [row] = await rows<{ last: number | string }>(
    tx,
    sql`SELECT last FROM letter_counters WHERE unit_id = ${unitId} AND year = ${year}`,
  );
  return Number(row?.last ?? 0) + 1;
}
