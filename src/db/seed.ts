import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { type Actor, recordAudit, systemActor } from '../audit/audit.service.ts';
import { findUnitByCode, type UnitRow } from '../auth/auth.repository.ts';
import { divisions, type Official, units, userRoles, users } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { StaffRole } from '../auth/roles.ts';
import { closedDays, officeHours } from '../calendar/calendar.tables.ts';
import { defaultOfficeHours } from '../core/calendar.ts';
import { DomainError } from '../core/errors.ts';
import { holidaysFor } from '../core/holidays.ts';
import { reliefTariffs } from '../relief/relief.tables.ts';
import type { KnownEffects } from '../standards/standard.lint.ts';
import { loadStandardsDir } from '../standards/standard.loader.ts';
import { publishStandard } from '../standards/standards.service.ts';
import type { Db } from './client.ts';

/** The standard pledge text of PermenPAN-RB 15/2014; each unit may edit its own. */
export const defaultMaklumat =
  'Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ' +
  'ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan ' +
  'perundang-undangan yang berlaku.';

interface UnitSeed {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'city';
  regionCode: string;
  timeZone: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  letterhead: string[];
  letterCode: string;
  letterPlace: string;
  head: Official | null;
  divisions: Array<{ code: string; name: string }>;
}

/** The three offices of the seed standards. Contact details are those printed in the seeds. */
export const unitSeeds: UnitSeed[] = [
  {
    code: 'sragen',
    name: 'Dinas Sosial Kabupaten Sragen',
    level: 'regency',
    regionCode: '33.14',
    timeZone: 'Asia/Jakarta',
    address: 'Kabupaten Sragen, Jawa Tengah',
    phone: '0271-891043',
    email: '',
    website: '',
    letterhead: [
      'PEMERINTAH KABUPATEN SRAGEN',
      'DINAS SOSIAL',
      'Telepon (0271) 891043 · Sragen, Jawa Tengah',
    ],
    letterCode: 'DINSOS',
    letterPlace: 'Sragen',
    head: null,
    divisions: [
      { code: 'perlindungan-sosial', name: 'Bidang Perlindungan Sosial' },
      { code: 'penanganan-fakir-miskin', name: 'Bidang Penanganan Fakir Miskin' },
    ],
  },
  {
    code: 'tarakan',
    name: 'Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan',
    level: 'city',
    regionCode: '65.71',
    timeZone: 'Asia/Makassar',
    address: 'Kota Tarakan, Kalimantan Utara',
    phone: '',
    email: '',
    website: '',
    letterhead: [
      'PEMERINTAH KOTA TARAKAN',
      'DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT',
      'Kota Tarakan, Kalimantan Utara',
    ],
    letterCode: 'DINSOSPM',
    letterPlace: 'Tarakan',
    head: {
      name: 'Arbain, SE., M. AP',
      rank: 'Pembina Utama Muda/IV-c',
      nip: '19680318 199403 1 007',
      position: 'Kepala Dinas',
    },
    divisions: [{ code: 'sosial', name: 'Bidang Sosial' }],
  },
  {
    code: 'banten',
    name: 'Dinas Sosial Provinsi Banten',
    level: 'province',
    regionCode: '36',
    timeZone: 'Asia/Jakarta',
    address: 'Provinsi Banten',
    phone: '081288475883',
    email: 'dinsos@bantenprov.go.id',
    website: 'http://dinsos.bantenprov.go.id',
    letterhead: [
      'PEMERINTAH PROVINSI BANTEN',
      'DINAS SOSIAL',
      'Telp./WA 081288475883 · dinsos@bantenprov.go.id · dinsos.bantenprov.go.id',
    ],
    letterCode: 'DINSOS',
    letterPlace: 'Serang',
    head: null,
    divisions: [{ code: 'perlindungan-sosial', name: 'Bidang Perlindungan Sosial' }],
  },
];

export const demoPassword = 'jaring-demo-2026';

/**
 * Kehabisan bekal tariffs per distance class. Amounts are local and unconfirmed for Sragen;
 * these follow the published Batanghari 2018 figures (DOMAIN.md §7) for the office to edit.
 */
export const reliefTariffSeeds: Record<
  string,
  Record<'dalam_provinsi' | 'antar_provinsi' | 'antar_pulau', number>
> = {
  sragen: { dalam_provinsi: 250_000, antar_provinsi: 350_000, antar_pulau: 450_000 },
};

/** Demo staff: one per role in Sragen, and the roles the Tarakan and Banten services need. */
export const demoUsers: Array<{
  username: string;
  name: string;
  unit: string;
  division?: string;
  roles: StaffRole[];
  position: string;
  villageCode?: string;
}> = [
  {
    username: 'admin',
    name: 'Administrator Jaring',
    unit: 'sragen',
    roles: ['admin'],
    position: 'Administrator Sistem',
  },
  {
    username: 'sragen.kadis',
    name: 'Budi Santoso',
    unit: 'sragen',
    roles: ['kepala_dinas'],
    position: 'Kepala Dinas',
  },
  {
    username: 'sragen.kabid',
    name: 'Sri Wahyuni',
    unit: 'sragen',
    division: 'perlindungan-sosial',
    roles: ['kepala_bidang'],
    position: 'Kepala Bidang Perlindungan Sosial',
  },
  {
    username: 'sragen.fungsional',
    name: 'Agus Prasetyo',
    unit: 'sragen',
    division: 'perlindungan-sosial',
    roles: ['fungsional'],
    position: 'Pekerja Sosial Ahli Muda',
  },
  {
    username: 'sragen.verifikator',
    name: 'Dewi Lestari',
    unit: 'sragen',
    division: 'penanganan-fakir-miskin',
    roles: ['verifikator'],
    position: 'Verifikator DTKS',
  },
  {
    username: 'sragen.fo',
    name: 'Rina Marlina',
    unit: 'sragen',
    roles: ['front_office'],
    position: 'Petugas Front Office',
  },
  {
    username: 'sragen.desa',
    name: 'Joko Susilo',
    unit: 'sragen',
    roles: ['operator_desa'],
    position: 'Operator Desa',
    villageCode: '33.14.01.2001',
  },
  {
    username: 'sragen.auditor',
    name: 'Hendra Wijaya',
    unit: 'sragen',
    roles: ['auditor'],
    position: 'Auditor Inspektorat',
  },
  {
    username: 'tarakan.kadis',
    name: 'Arbain',
    unit: 'tarakan',
    roles: ['kepala_dinas'],
    position: 'Kepala Dinas',
  },
  {
    username: 'tarakan.kabid',
    name: 'Nurhayati',
    unit: 'tarakan',
    division: 'sosial',
    roles: ['kepala_bidang'],
    position: 'Kepala Bidang Sosial',
  },
  {
    username: 'tarakan.fungsional',
    name: 'Muhammad Rizal',
    unit: 'tarakan',
    division: 'sosial',
    roles: ['fungsional'],
    position: 'Analis Pengelola Kesejahteraan Sosial',
  },
  {
    username: 'tarakan.fo',
    name: 'Siti Aminah',
    unit: 'tarakan',
    roles: ['front_office'],
    position: 'Petugas Front Office',
  },
  {
    username: 'banten.kadis',
    name: 'Ahmad Fauzi',
    unit: 'banten',
    roles: ['kepala_dinas'],
    position: 'Kepala Dinas',
  },
  {
    username: 'banten.kabid',
    name: 'Yuliana Putri',
    unit: 'banten',
    division: 'perlindungan-sosial',
    roles: ['kepala_bidang'],
    position: 'Kepala Bidang Perlindungan Sosial',
  },
  {
    username: 'banten.fungsional',
    name: 'Dedi Kurniawan',
    unit: 'banten',
    division: 'perlindungan-sosial',
    roles: ['fungsional'],
    position: 'Penyuluh Sosial Ahli Muda',
  },
];

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
        const { divisions: divs, ...values } = seed;
        [unit] = await tx
          .insert(units)
          .values({ ...values, maklumat: defaultMaklumat })
          .returning();
        if (!unit) throw new Error('insert unit failed');
        created++;
        await recordAudit(tx, actor, {
          action: 'unit.create',
          entity: 'unit',
          entityId: unit.code,
          unitId: unit.id,
          after: values,
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
  return { ...base, standards, users: usersCreated };
}
