import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, recordAudit, systemActor } from '../audit/audit.service.ts';
import { findUnitByCode, type UnitRow } from '../auth/auth.repository.ts';
import { divisions, units, userRoles, users } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/passwords.ts';
import { StaffRoles } from '../auth/roles.ts';
import { closedDays, officeHours } from '../calendar/calendar.tables.ts';
import { defaultOfficeHours } from '../core/calendar.ts';
import { DomainError } from '../core/errors.ts';
import { holidaysFor } from '../core/holidays.ts';
import type { Db } from '../db/client.ts';
import { DistanceClasses, reliefTariffs } from '../relief/relief.tables.ts';
import type { KnownEffects } from '../standards/standard.lint.ts';
import { loadStandardsDir } from '../standards/standard.loader.ts';
import { publishStandard } from '../standards/standards.service.ts';
import tariffsJson from './data/relief-tariffs.json' with { type: 'json' };
import unitsJson from './data/units.json' with { type: 'json' };
import usersJson from './data/users.json' with { type: 'json' };
import { seedDemoStock } from './stock.ts';

/**
 * The three offices of the seed standards, with the contact details printed in the seeds, and two
 * regency offices of Banten that submit relief requests to the province (issue 16).
 */
const UnitsFile = z.object({
  /** The standard pledge text of PermenPAN-RB 15/2014; each unit may edit its own. */
  maklumat: z.string(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(['province', 'regency', 'city']),
      regionCode: z.string(),
      /** The code of the office above (a regency's province), seeded before it. */
      parent: z.string().optional(),
      timeZone: z.string(),
      address: z.string(),
      phone: z.string(),
      email: z.string(),
      website: z.string(),
      letterhead: z.array(z.string()),
      letterCode: z.string(),
      letterPlace: z.string(),
      head: z
        .object({
          name: z.string(),
          rank: z.string().optional(),
          nip: z.string().optional(),
          position: z.string(),
        })
        .nullable(),
      divisions: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});

/**
 * Demo staff: one per role in Sragen, the roles the Tarakan and Banten services need, and an
 * operator in each Banten regency office who submits relief requests to the province. Those
 * who sign letters carry a (made-up) NIP and rank; kepala bidang, fungsional and verifikator sit
 * in the division whose services they work on (`cases/divisions.ts`).
 */
const UsersFile = z.object({
  password: z.string(),
  users: z.array(
    z.object({
      username: z.string(),
      name: z.string(),
      unit: z.string(),
      division: z.string().optional(),
      roles: z.array(z.enum(StaffRoles)),
      position: z.string(),
      nip: z.string().optional(),
      rank: z.string().optional(),
      acting: z.enum(['Plt.', 'Plh.']).optional(),
      villageCode: z.string().optional(),
    }),
  ),
});

/**
 * Kehabisan bekal tariffs per distance class. Amounts are local and unconfirmed for Sragen;
 * these follow the published Batanghari 2018 figures (DOMAIN.md §7) for the office to edit.
 */
const TariffsFile = z.record(z.string(), z.record(z.enum(DistanceClasses), z.number().int().positive()));

const unitsFile = UnitsFile.parse(unitsJson);
const usersFile = UsersFile.parse(usersJson);

export const defaultMaklumat = unitsFile.maklumat;
export const unitSeeds = unitsFile.units;
export const demoPassword = usersFile.password;
export const demoUsers = usersFile.users;
export const reliefTariffSeeds = TariffsFile.parse(tariffsJson);

export interface SeedReport {
  units: number;
  users: number;
  closedDays: number;
  standards: number;
}

/** Units, divisions, office hours and holidays. Idempotent: existing rows are kept as they are. */
export async function seedUnits(
  db: Db,
  actor: Actor = systemActor,
  years = [2026, 2027],
): Promise<Pick<SeedReport, 'units' | 'closedDays'>> {
  let created = 0;
  let days = 0;
  for (const seed of unitSeeds) {
    await db.transaction(async (tx) => {
      let unit = await findUnitByCode(tx, seed.code);
      if (!unit) {
        const { divisions: divs, parent: parentCode, ...values } = seed;
        const parent = parentCode ? await findUnitByCode(tx, parentCode) : undefined;
        if (parentCode && !parent) throw new DomainError('unit.not_found', { unitCode: parentCode });
        [unit] = await tx
          .insert(units)
          .values({ ...values, parentId: parent?.id ?? null, maklumat: defaultMaklumat })
          .returning();
        if (!unit) throw new Error('insert unit failed');
        created++;
        await recordAudit(tx, actor, {
          action: 'unit.create',
          entity: 'unit',
          entityId: unit.code,
          unitId: unit.id,
          after: { ...values, ...(parentCode ? { parent: parentCode } : {}) },
        });
        await tx
          .insert(divisions)
          .values(divs.map((d) => ({ ...d, unitId: (unit as UnitRow).id })))
          .onConflictDoNothing();
        await tx
          .insert(officeHours)
          .values({ unitId: unit.id, hours: defaultOfficeHours })
          .onConflictDoNothing();
        const tariffs = reliefTariffSeeds[seed.code];
        if (tariffs) {
          await tx
            .insert(reliefTariffs)
            .values(
              Object.entries(tariffs).map(([distanceClass, amount]) => ({
                unitId: (unit as UnitRow).id,
                distanceClass: distanceClass as keyof typeof tariffs,
                amount,
              })),
            )
            .onConflictDoNothing();
        }
      }
      for (const year of years) {
        const rows = holidaysFor(year).map((h) => ({
          unitId: (unit as UnitRow).id,
          date: h.date,
          name: h.name,
          kind: h.kind,
        }));
        if (rows.length === 0) continue;
        const inserted = await tx
          .insert(closedDays)
          .values(rows)
          .onConflictDoNothing()
          .returning({ date: closedDays.date });
        days += inserted.length;
      }
    });
  }
  return { units: created, closedDays: days };
}

/** Publishes every standard in `dir` that is not yet published at its revision. */
export async function seedStandards(
  db: Db,
  env: { effects: KnownEffects },
  dir: string,
  actor: Actor = systemActor,
): Promise<number> {
  const { standards, problems } = await loadStandardsDir(dir);
  if (problems.some((p) => p.severity !== 'warning')) {
    throw new DomainError('standard.invalid', { problems });
  }
  let published = 0;
  for (const { file, text, standard } of standards) {
    const unit = await findUnitByCode(db, standard.unit);
    if (!unit) throw new DomainError('unit.not_found', { unitCode: standard.unit, file });
    try {
      await publishStandard(db, env, actor, unit, {
        yaml: text,
        fileName: path.relative(process.cwd(), file),
      });
      published++;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'standard.unchanged') continue;
      throw error;
    }
  }
  return published;
}

/** Demo accounts (password `jaring-demo-2026`); only created when missing. */
export async function seedDemoUsers(db: Db, actor: Actor = systemActor): Promise<number> {
  const passwordHash = await hashPassword(demoPassword);
  let created = 0;
  for (const u of demoUsers) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    if (existing) continue;
    const unit = await findUnitByCode(db, u.unit);
    if (!unit) throw new DomainError('unit.not_found', { unitCode: u.unit });
    await db.transaction(async (tx) => {
      let divisionId: number | null = null;
      if (u.division) {
        const [d] = await tx
          .select({ id: divisions.id })
          .from(divisions)
          .where(and(eq(divisions.unitId, unit.id), eq(divisions.code, u.division)));
        divisionId = d?.id ?? null;
      }
      const [row] = await tx
        .insert(users)
        .values({
          unitId: unit.id,
          divisionId,
          username: u.username,
          name: u.name,
          position: u.position,
          nip: u.nip ?? null,
          rank: u.rank ?? null,
          acting: u.acting ?? null,
          villageCode: u.villageCode ?? null,
          passwordHash,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('insert user failed');
      await tx.insert(userRoles).values(u.roles.map((role) => ({ userId: row.id, role })));
      await recordAudit(tx, actor, {
        action: 'user.create',
        entity: 'user',
        entityId: row.id,
        unitId: unit.id,
        after: { username: u.username, roles: u.roles },
      });
    });
    created++;
  }
  return created;
}

export const standardsDir = path.resolve(process.cwd(), 'standards');

/** Everything `npm start` needs on a fresh database. Safe to run again. */
export async function seedAll(
  db: Db,
  opts: { demo: boolean; effects: KnownEffects; standardsDir?: string },
): Promise<SeedReport> {
  const base = await seedUnits(db);
  const standards = await seedStandards(db, opts, opts.standardsDir ?? standardsDir);
  const usersCreated = opts.demo ? await seedDemoUsers(db) : 0;
  if (opts.demo) await seedDemoStock(db);
  return { ...base, standards, users: usersCreated };
}
