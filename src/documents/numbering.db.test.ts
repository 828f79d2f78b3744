import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import type { Database } from '../db/client.ts';
import { formatLetterNumber, nextLetterSeq } from './numbering.ts';

describe('letter numbers', () => {
  it('follow the unit’s format', () => {
    const parts = { klasifikasi: '460', urut: 7, kode_unit: 'DINSOS', bulan: 11, tahun: 2026 };
    expect(formatLetterNumber('{klasifikasi}/{urut}/{kode_unit}/{tahun}', parts)).toBe(
      '460/0007/DINSOS/2026',
    );
    expect(formatLetterNumber('{klasifikasi}/{urut}/{kode_unit}/{bulan}/{tahun}', parts)).toBe(
      '460/0007/DINSOS/XI/2026',
    );
  });

  describe('the agenda counter', () => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database.close());

    it('is unique and gap-free under concurrency, and a rolled-back letter gives its number back', async () => {
      const db = database.db;
      const taken = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db
            .transaction(async (tx) => {
              const seq = await nextLetterSeq(tx, 1, 2026);
              if (i % 5 === 4) throw new Error('rollback');
              return seq;
            })
            .catch(() => undefined),
        ),
      );
      const kept = taken.filter((n): n is number => n !== undefined).sort((a, b) => a - b);
      expect(kept).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(await db.transaction((tx) => nextLetterSeq(tx, 1, 2026))).toBe(17);
    });

    it('starts again at 1 in a new year and per unit', async () => {
      expect(await database.db.transaction((tx) => nextLetterSeq(tx, 1, 2027))).toBe(1);
      expect(await database.db.transaction((tx) => nextLetterSeq(tx, 2, 2026))).toBe(1);
    });
  });
});
