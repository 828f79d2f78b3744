/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the requests and answers of
 * `/open311/v2`, field by field as the spec names them, and the administrator's API keys.
 * The spec's "optional argument" rule holds throughout: a parameter sent empty is one not sent.
 */
import { z } from 'zod';
import { IdParam, maxId, unknownIdIssue } from '../core/ids.ts';
import { ComplaintClasses } from './complaints.tables.ts';

/** A parameter sent empty counts as not sent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A comma-delimited list, which a client may also send as the parameter repeated. */
const commaList = (max: number) =>
  optional(
    z
      .union([z.string().max(max), z.array(z.string().max(max)).max(100)])
      .transform((v) => [v].flat().join(',')),
  );

export const Open311Format = z.enum(['json', 'xml']);
export type Open311Format = z.infer<typeof Open311Format>;

/** A code in the path that no service, request or token can have: answered 404, like an unknown id. */
const pathCode = (pattern: RegExp) =>
  z.string().superRefine((v, ctx) => {
    if (!pattern.test(v))
      ctx.addIssue({ code: 'custom', message: 'not found', params: { [unknownIdIssue]: true } });
  });

export const Open311FormatParams = z.object({ format: Open311Format });
export const Open311ServiceParams = z.object({
  service_code: pathCode(/^[a-z0-9-]{1,80}$/),
  format: Open311Format,
});
/** A request id in the path; anything that is not one (`abc`, `0`, past int4) names no request: 404. */
export const Open311RequestParams = z.object({
  id: z
    .string()
    .superRefine((v, ctx) => {
      if (!/^[1-9]\d{0,9}$/.test(v) || Number(v) > maxId)
        ctx.addIssue({ code: 'custom', message: 'not found', params: { [unknownIdIssue]: true } });
    })
    .transform(Number),
  format: Open311Format,
});
/** A token is the tracking code on the complaint's receipt. */
export const Open311TokenParams = z.object({
  token: pathCode(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/),
  format: Open311Format,
});

const jurisdiction = optional(z.string().max(60));
export const Open311JurisdictionQuery = z.object({ jurisdiction_id: jurisdiction });

/** The spec's w3 datetime with its zone ("2010-01-01T00:00:00Z"), or a date alone. */
const w3 = optional(
  z
    .string()
    .max(40)
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
      'w3 datetime, e.g. 2010-01-01T00:00:00Z',
    )
    .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)), 'not a date'),
);

export const Open311RequestsQuery = z.object({
  jurisdiction_id: jurisdiction,
  /** Overrides every other argument. */
  service_request_id: commaList(12_000),
  service_code: commaList(8_000),
  start_date: w3,
  end_date: w3,
  status: commaList(40),
  /** The GeoReport v2 pagination extension (page, page_size); at most the spec's 1000 a page. */
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  page_size: optional(z.coerce.number().int().min(1).max(1000)),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuery>;

/** The answers to the service definition's attributes (see `serviceAttributes`). */
export const Open311Attributes = z
  .object({
    class: optional(z.enum(ComplaintClasses)),
    confidential: optional(z.enum(['true', 'false'])),
    service_date: w3,
    case_code: optional(z.string().regex(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/, 'ABCDE-FGHJK')),
  })
  .strict();

const field = (max: number) => optional(z.string().trim().max(max));
const coordinate = (limit: number) =>
  optional(z.coerce.number().min(-limit).max(limit).refine(Number.isFinite, 'not a number'));

/** POST requests: `application/x-www-form-urlencoded` as the spec says, or the same fields as JSON. */
export const Open311RequestInput = z.object({
  /** Read before validation (a wrong key is refused first); here so it is documented. */
  api_key: z.string().max(200).optional(),
  /** Defaults to the jurisdiction of the key. */
  jurisdiction_id: jurisdiction,
  service_code: z.string().min(1).max(80),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: field(1000),
  address_id: field(200),
  email: optional(z.email().max(150)),
  device_id: field(200),
  account_id: field(200),
  first_name: field(100),
  last_name: field(100),
  phone: field(40),
  /** Required here: a complaint is its text (the spec allows 4000 characters). */
  description: z.string().trim().min(10).max(4000),
  media_url: optional(z.url({ protocol: /^https?$/ }).max(2000)),
  attribute: optional(Open311Attributes),
});
export type Open311RequestInput = z.infer<typeof Open311RequestInput>;

// ---- answers --------------------------------------------------------------------------------

/** GET services: one service of the jurisdiction, from its standard. */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311Service>;
export const Open311ServiceList = z.array(Open311Service);

export const Open311Datatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

export const Open311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(Open311Datatypes),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int().positive(),
  description: z.string(),
  /** The options of a list; absent for other datatypes. */
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type Open311Attribute = z.infer<typeof Open311Attribute>;

/** GET services/{service_code}. */
export const Open311ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(Open311Attribute),
});
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;

/** POST requests: the request created (realtime: its id at once, no token). */
export const Open311Created = z.array(
  z.object({
    service_request_id: z.number().int(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);
export type Open311Created = z.infer<typeof Open311Created>;

/** GET tokens/{token}. */
export const Open311TokenAnswer = z.array(
  z.object({ service_request_id: z.number().int(), token: z.string() }),
);
export type Open311TokenAnswer = z.infer<typeof Open311TokenAnswer>;

/** GET requests and requests/{id}: one request, in the spec's order of fields. */
export const Open311Request = z.object({
  service_request_id: z.number().int(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311RequestList = z.array(Open311Request);
export type Open311RequestList = z.infer<typeof Open311RequestList>;

/** The service discovery document (wiki.open311.org/Service_Discovery): one production endpoint. */
export const Open311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof Open311Discovery>;

/** Every refusal: a list of `{code, description}`, `code` the HTTP status. */
export const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Errors = z.infer<typeof Open311Errors>;

// ---- the administrator's API keys -----------------------------------------------------------

export const Open311Client = z.object({
  id: z.number().int(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** Complaints the client has filed. */
  requests: z.number().int(),
});
export type Open311Client = z.infer<typeof Open311Client>;

export const Open311ClientList = z.object({
  /** What a client sends as `jurisdiction_id`: the unit's code. */
  jurisdictionId: z.string(),
  /** The endpoint's base address, `…/open311/v2`. */
  endpoint: z.string(),
  clients: z.array(Open311Client),
});
export type Open311ClientList = z.infer<typeof Open311ClientList>;

export const Open311ClientInput = z.object({ name: z.string().trim().min(3).max(100) });
export type Open311ClientInput = z.infer<typeof Open311ClientInput>;

/** The key, shown this once: only its hash is kept. */
export const Open311IssuedKey = z.object({ client: Open311Client, apiKey: z.string() });
export type Open311IssuedKey = z.infer<typeof Open311IssuedKey>;

export const Open311ClientParams = z.object({ id: IdParam });
