import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The welfare register (DOMAIN.md §5–§6): families (KK) and people (NIK). The current state
 * lives in `registry_families` / `registry_people`; every earlier state is a row of the
 * `*_versions` tables with the span it was valid for, who changed it and why. The state on a
 * past date is the current row when it was already valid then, else the version whose span
 * holds the date. A unit's register is the families whose village lies in its region.
 */
export const registryFamilies = pgTable(
  'registry_families',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kk: text('kk').notNull(),
    /** Kemendagri village (desa/kelurahan) code, dotted: `33.14.01.2001`. */
    villageCode: text('village_code').notNull(),
    address: text('address').notNull().default(''),
    rt: text('rt').notNull().default(''),
    rw: text('rw').notNull().default(''),
    /** Welfare decile 1 (poorest) … 10 in DTSEN; null when not ranked. */
    decile: smallint('decile'),
    /** `dtks`, `dtsen` or `non` (not in the register of the poor). */
    welfareStatus: text('welfare_status').notNull().default('non'),
    /** Data period of the status, `YYYY-MM`. */
    statusPeriod: text('status_period').notNull().default(''),
    version: integer('version').notNull().default(1),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    changedBy: integer('changed_by'),
    /** Why the current state came to be: `impor #12`, or the reason typed with an edit. */
    changeNote: text('change_note').notNull().default(''),
  },
  (t) => [uniqueIndex('registry_families_kk').on(t.kk), index('registry_families_village').on(t.villageCode)],
);

export const registryPeople = pgTable(
  'registry_people',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nik: text('nik').notNull(),
    familyId: bigint('family_id', { mode: 'number' }).notNull(),
    /** The family's village, kept here so village lists and scoping read one table. */
    villageCode: text('village_code').notNull(),
    name: text('name').notNull(),
    birthPlace: text('birth_place').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    relationship: text('relationship').notNull(),
    maritalStatus: text('marital_status').notNull().default(''),
    education: text('education').notNull().default(''),
    schooling: text('schooling').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    disabilityKind: text('disability_kind').notNull().default(''),
    disabilitySeverity: text('disability_severity').notNull().default(''),
    /** `hamil`, `menyusui` or empty. */
    pregnancy: text('pregnancy').notNull().default(''),
    alive: boolean('alive').notNull().default(true),
    deathDate: date('death_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    changedBy: integer('changed_by'),
    changeNote: text('change_note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('registry_people_nik').on(t.nik),
    index('registry_people_family').on(t.familyId),
    index('registry_people_village_name').on(t.villageCode, t.name, t.id),
    index('registry_people_name').on(t.name, t.id),
  ],
);

/**
 * How many people and families each village holds, kept by every import for the villages it
 * touches, so the register page's totals are a sum over a unit's villages instead of a count
 * over a million rows on every visit.
 */
export const registryVillageCounts = pgTable('registry_village_counts', {
  villageCode: text('village_code').primaryKey(),
  people: integer('people').notNull(),
  families: integer('families').notNull(),
});

/**
 * Every name the register has held, once. Typo-tolerant search matches trigrams here (names
 * repeat: a regency's million people carry far fewer distinct names), then reads each matching
 * name's people through `registry_people_name` in the order of the match. Imports add names;
 * a name nobody carries any more simply finds no one.
 */
export const registryNames = pgTable('registry_names', { name: text('name').primaryKey() }, (t) => [
  index('registry_names_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
]);

/** Earlier states of a family: `data` is the row as it was during [valid_from, valid_to). */
export const registryFamilyVersions = pgTable(
  'registry_family_versions',
  {
    familyId: bigint('family_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    changedBy: integer('changed_by'),
    changeNote: text('change_note').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.familyId, t.version] })],
);

/** Earlier states of a person; `family_id` is the family they belonged to then (moves). */
export const registryPersonVersions = pgTable(
  'registry_person_versions',
  {
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    familyId: bigint('family_id', { mode: 'number' }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    changedBy: integer('changed_by'),
    changeNote: text('change_note').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.version] }),
    index('registry_person_versions_family').on(t.familyId),
  ],
);

export type ImportStatus = 'running' | 'done' | 'rejected' | 'failed';

/** One import of a register file, with its progress while it runs and its summary after. */
/** One problem of an import, as the page shows it: row, column, level and message. */
export interface ImportProblem {
  row: number;
  column: string;
  severity: 'error' | 'warning';
  message: string;
}

export const registryImports = pgTable(
  'registry_imports',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    userId: integer('user_id'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull().default(''),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
    format: text('format').notNull(),
    /** `reject_all` or `load_valid`. */
    onError: text('on_error').notNull(),
    /** `skip`, `update` or `report`. */
    onExisting: text('on_existing').notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('running'),
    /** `menunggu`, `membaca`, `memeriksa`, `menggabungkan`, `selesai`. */
    phase: text('phase').notNull().default('membaca'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    loaded: integer('loaded').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    familiesLoaded: integer('families_loaded').notNull().default(0),
    /** Families whose own data (address, decile, status…) the import changed. */
    familiesUpdated: integer('families_updated').notNull().default(0),
    message: text('message').notNull().default(''),
    /** Content address of the error file (CSV) in the file store. */
    errorFile: text('error_file'),
    /** How many problems the problem file holds, and the first of them (shown on the page). */
    problemCount: integer('problem_count').notNull().default(0),
    firstProblems: jsonb('first_problems').$type<ImportProblem[]>().notNull().default([]),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('registry_imports_unit').on(t.unitId, t.id)],
);
