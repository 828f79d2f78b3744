import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { systemClock } from '../core/clock.ts';
import type { Database } from '../db/client.ts';
import { findUnitByCode } from './auth.repository.ts';
import { login, visibleUnitIds } from './auth.service.ts';
import { units } from './auth.tables.ts';
import { permissionsOf, rolesWith } from './permissions.ts';

describe('permissions', () => {
  it('derives permissions from roles in one place', () => {
    expect(permissionsOf(['auditor'])).toContain('audit.verify');
    expect(permissionsOf(['auditor'])).not.toContain('standards.publish');
    expect(permissionsOf(['front_office', 'verifikator'])).toEqual(
      expect.arrayContaining(['cases.intake', 'registry.reveal']),
    );
    expect(rolesWith('units.switch')).toEqual(['admin']);
  });

  it('gives the read-only auditor no permission that changes data', () => {
    const changing = [
      'standards.publish',
      'cases.act',
      'cases.intake',
      'registry.import',
      'calendar.manage',
      'users.manage',
      'survey.manage',
    ];
    for (const p of changing) expect(permissionsOf(['auditor'])).not.toContain(p);
  });
});

describe('unit visibility', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('a province user sees its regencies only when asked to (a standard allows it)', async () => {
    const banten = await findUnitByCode(database.db, 'banten');
    if (!banten) throw new Error('banten missing');
    // The demo seeds two regency offices under the province.
    const lebak = await findUnitByCode(database.db, 'lebak');
    const pandeglang = await findUnitByCode(database.db, 'pandeglang');
    if (!lebak || !pandeglang) throw new Error('regency offices missing');
    expect([lebak.parentId, pandeglang.parentId]).toEqual([banten.id, banten.id]);
    const client = { ip: '10.9.9.9' };
    const env = {
      sessionDays: 1,
      loginMaxAttempts: 5,
      loginMaxDelaySeconds: 300,
      clock: systemClock,
      totpKey: randomBytes(32),
    };
    const { ctx } = await login(
      database.db,
      { username: 'banten.kabid', password: 'jaring-demo-2026' },
      client,
      env,
    );
    expect(await visibleUnitIds(database.db, ctx)).toEqual([banten.id]);
    expect((await visibleUnitIds(database.db, ctx, { includeChildren: true })).sort()).toEqual(
      [banten.id, lebak.id, pandeglang.id].sort(),
    );

    const { ctx: sragenCtx } = await login(
      database.db,
      { username: 'sragen.kabid', password: 'jaring-demo-2026' },
      client,
      env,
    );
    const sragen = await database.db.select().from(units).where(eq(units.code, 'sragen'));
    expect(await visibleUnitIds(database.db, sragenCtx, { includeChildren: true })).toEqual([sragen[0]?.id]);
  });
});
