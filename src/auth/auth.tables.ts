import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

export interface Official {
  name: string;
  rank?: string | undefined;
  nip?: string | undefined;
  position: string;
}

/** An office (Dinas Sosial of a province, regency or city). */
export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'regency', 'city'] }).notNull(),
  /** Kemendagri region code, dotted: '33.14', '65.71', '36'. */
  regionCode: text('region_code').notNull(),
  /** The province office above a regency/city office, where both are on Jaring. */
  parentId: integer('parent_id'),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  website: text('website').notNull().default(''),
  /** Maklumat pelayanan (service pledge), UU 25/2009 Pasal 22. */
  maklumat: text('maklumat').notNull().default(''),
  head: jsonb('head').$type<Official | null>(),
  /** Lines of the letterhead (kop surat) above the rule, top to bottom. */
  letterhead: jsonb('letterhead').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  /** The unit's code in letter numbers (DOMAIN.md §9), e.g. `DINSOS`, `DINSOSPM`. */
  letterCode: text('letter_code').notNull().default('DINSOS'),
  /** Letter number layout; placeholders {klasifikasi} {urut} {kode_unit} {bulan} {tahun}. */
  letterNumberFormat: text('letter_number_format')
    .notNull()
    .default('{klasifikasi}/{urut}/{kode_unit}/{tahun}'),
  /** Town printed before the date on letters: `Sragen, 23 November 2026`. */
  letterPlace: text('letter_place').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A division (bidang) or section within a unit. */
export const divisions = pgTable(
  'divisions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [unique('divisions_unit_code').on(t.unitId, t.code)],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  divisionId: integer('division_id').references(() => divisions.id),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  nip: text('nip'),
  position: text('position'),
  /** For village operators: the village (desa/kelurahan) code they act for. */
  villageCode: text('village_code'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Server-side sessions; the id is the SHA-256 of the cookie token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The unit the user is acting in (admins may switch). */
    activeUnitId: integer('active_unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Sign-in attempts, for throttling. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_at').on(t.username, t.at),
    index('login_attempts_ip_at').on(t.ip, t.at),
  ],
);
