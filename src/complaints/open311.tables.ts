import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { units, users } from '../auth/auth.tables.ts';
import { complaints } from './complaints.tables.ts';

/**
 * A client of the unit's Open311 GeoReport v2 endpoint (a partner's app, a city portal), with
 * the API key an administrator issued it. Only the key's SHA-256 is kept: the key is shown once,
 * when issued. A revoked key stays, so the complaints it filed still name their client.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: serial('id').primaryKey(),
    /** The jurisdiction the key files into: the unit that issued it. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** Hex SHA-256 of the key: a key of 192 random bits needs no slow hash. */
    keyHash: text('key_hash').notNull().unique(),
    /** The key's first characters, so that an administrator can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('open311_clients_unit').on(t.unitId)],
);

/**
 * What an Open311 client sent with a complaint beyond the complaint itself: the location, the
 * device and account ids, the media link and the service definition's attributes as sent.
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    complaintId: integer('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    clientId: integer('client_id')
      .notNull()
      .references(() => open311Clients.id),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    addressString: text('address_string'),
    addressId: text('address_id'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    mediaUrl: text('media_url'),
    attributes: jsonb('attributes').$type<Record<string, string | string[]>>().notNull(),
  },
  (t) => [index('open311_requests_client').on(t.clientId)],
);
