import { sql } from 'drizzle-orm';
import {
  bigint,
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
  /** Admins and the head of office (kepala dinas) of this unit must sign in with an authenticator code. */
  requireTotp: boolean('require_totp').notNull().default(false),
  /**
   * A small office with one head (and staff) for all its divisions: the steps of every
   * division's service are open to the unit's kepala bidang, fungsional and verifikator alike.
   */
  oneHeadForAllDivisions: boolean('one_head_for_all_divisions').notNull().default(false),
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
  /** Pangkat/golongan, e.g. `Pembina Utama Muda/IV-c`; printed under the name when signing. */
  rank: text('rank'),
  position: text('position'),
  /** Plt. (pelaksana tugas) or Plh. (pelaksana harian): the user holds `position` as acting. */
  acting: text('acting', { enum: ['Plt.', 'Plh.'] }),
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

/**
 * Checks of a secret, for throttling (`throttle.ts`): `login` a sign-in's password, `password` the
 * current password asked again (password change, turning TOTP off), `totp` an authenticator code.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ['login', 'password', 'totp'] })
      .notNull()
      .default('login'),
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

/**
 * A user's authenticator app (TOTP, RFC 6238). The secret is encrypted with the server key
 * (`totp.ts`) and shown only while enrolling; `enabledAt` is set once a code confirmed it.
 */
export const userTotp = pgTable('user_totp', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The time step of the last accepted code: a code of this step or before is refused (replay). */
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for a lost authenticator, stored as SHA-256; a used code is deleted. */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
