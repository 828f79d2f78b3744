import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { en as zodEnglish, id as zodIndonesian } from 'zod/locales';
import { type ErrorCode, errorCatalogue } from '../core/error-catalogue.ts';
import { DomainError, type Problem, ValidationError } from '../core/errors.ts';
import { errorMessage, type Language, pickLanguage, type Text } from '../core/i18n.ts';
import { unknownIdIssue } from '../core/ids.ts';

/** HTTP status of a catalogue code. */
export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

/** Errors of Fastify's body parsers and of @fastify/multipart, by their code: our code for each. */
const parserErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.not_multipart',
  FST_REQ_FILE_TOO_LARGE: 'request.file_too_large',
  FST_PARTS_LIMIT: 'request.too_many_parts',
  FST_FILES_LIMIT: 'request.too_many_parts',
  FST_FIELDS_LIMIT: 'request.too_many_parts',
  FST_PROTO_VIOLATION: 'request.multipart_invalid',
  FST_INVALID_JSON_FIELD_ERROR: 'request.multipart_invalid',
  FST_MP_PREMATURE_CLOSE: 'request.multipart_invalid',
};

/**
 * What busboy (under @fastify/multipart) throws for a body that is not well-formed multipart:
 * plain errors without a code (no boundary, a boundary that never comes, a part cut short).
 */
const busboyMessage =
  /^(Multipart: Boundary not found|Boundary required|Unsupported Content-Type\.|Missing Content-Type-header\.|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle (cannot|has to))/;

/**
 * The code of an error that the client's bytes caused before any rule of Jaring ran: a body
 * that is not JSON, not multipart, malformed multipart, too large. Null for anything else.
 */
export function requestErrorCode(error: unknown, request: FastifyRequest): ErrorCode | null {
  if (!(error instanceof Error)) return null;
  const code = (error as FastifyError).code;
  if (code && code in parserErrors) return parserErrors[code] ?? null;
  // Node's own error when the client hangs up in the middle of the body.
  if (code === 'ECONNRESET' && error.message === 'aborted') return 'request.aborted';
  if (!code && (error as FastifyError).statusCode === 400 && error instanceof SyntaxError)
    return 'request.malformed';
  if (!code && request.isMultipart?.() && busboyMessage.test(error.message))
    return 'request.multipart_invalid';
  return null;
}

/**
 * A path id that no row can have (see `IdParam`). A word where the id goes (`/api/cases/abc`)
 * fails the number coercion before that check: it names no row either.
 */
function isUnknownId(v: { keyword?: string; params?: unknown }): boolean {
  const params = v.params as { expected?: unknown; params?: Record<string, unknown> } | undefined;
  return (
    params?.params?.[unknownIdIssue] === true ||
    (v.keyword === 'invalid_type' && params?.expected === 'number')
  );
}

/** Catalogue codes for the 4xx answers Fastify makes itself; any other is `request.rejected`. */
const fastifyStatusCodes: Partial<Record<number, ErrorCode>> = {
  404: 'not_found',
  405: 'request.method_not_allowed',
  413: 'request.too_large',
  414: 'request.uri_too_long',
  415: 'request.unsupported_media_type',
};

const zodId = zodIndonesian();
const zodEn = zodEnglish();
type ZodIssue = Parameters<typeof zodId.localeError>[0];
const sampleOfType: Record<string, unknown> = {
  array: [],
  string: '',
  number: 0,
  boolean: false,
  object: {},
  null: null,
  undefined: undefined,
  date: new Date(0),
  // A word where a number goes (`"abc"` coerced to a number).
  NaN: Number.NaN,
};
const localeText = (locale: typeof zodId, issue: ZodIssue) => {
  const text = locale.localeError(issue);
  return typeof text === 'string' ? text : text?.message;
};

/** Zod's checks people meet most often, worded as a form says them; undefined: zod's own words. */
function plainWords(issue: Record<string, unknown>, received: string | undefined, lang: Language) {
  const say = (id: string, en: string) => (lang === 'id' ? id : en);
  const n = (v: unknown) => Number(v).toLocaleString(lang === 'id' ? 'id-ID' : 'en');
  const { code, origin, minimum, maximum, expected } = issue;
  if (code === 'invalid_type' && (received === 'undefined' || received === 'null'))
    return say('wajib diisi', 'is required');
  if (code === 'invalid_type' && expected === 'number')
    return say(
      'harus berupa angka bulat, tanpa titik atau koma',
      'must be a whole number, without separators',
    );
  if (code === 'too_small' && origin === 'string')
    return Number(minimum) <= 1
      ? say('wajib diisi', 'is required')
      : say(`paling sedikit ${n(minimum)} karakter`, `at least ${n(minimum)} characters`);
  if (code === 'too_big' && origin === 'string')
    return say(`paling banyak ${n(maximum)} karakter`, `at most ${n(maximum)} characters`);
  if (code === 'too_small' && origin === 'array')
    return say(`pilih paling sedikit ${n(minimum)}`, `choose at least ${n(minimum)}`);
  if (code === 'too_small' && origin === 'number')
    return issue.inclusive === false
      ? say(`harus lebih dari ${n(minimum)}`, `must be more than ${n(minimum)}`)
      : say(`paling kecil ${n(minimum)}`, `at least ${n(minimum)}`);
  if (code === 'too_big' && origin === 'number')
    return say(`paling besar ${n(maximum)}`, `at most ${n(maximum)}`);
  return undefined;
}

/**
 * A validation problem's message in the user's language. A message a schema wrote itself (not
 * zod's English default) is kept, in Indonesian as the validator also worded it
 * (`params.messageId`); zod's own checks get plain words, else zod's Indonesian.
 */
function issueMessage(
  v: { keyword: string; message?: string; params: Record<string, unknown> },
  lang: Language,
) {
  const english = v.message ?? 'invalid';
  const { messageId, ...params } = v.params;
  const issue = { ...params, code: v.keyword } as ZodIssue & { input?: unknown };
  // Issues do not carry the input; zod's English names its type, enough to name it again.
  const received = v.keyword === 'invalid_type' ? /received (\w+)$/.exec(english)?.[1] : undefined;
  if (received && received in sampleOfType) issue.input = sampleOfType[received];
  if (localeText(zodEn, issue) !== english)
    return lang === 'id' && typeof messageId === 'string' ? messageId : english;
  return (
    plainWords(issue as unknown as Record<string, unknown>, received, lang) ??
    (lang === 'en' ? english : (localeText(zodId, issue) ?? english))
  );
}

/**
 * People's names for the ids a detail may carry, by the detail's name: `{ role: (id) => label }`.
 * The composition root hands them in (http knows no module); `details` keep the ids.
 */
export type Terms = Readonly<Record<string, (id: string) => Text | undefined>>;

const itemText = (item: unknown) =>
  typeof item === 'object' && item !== null && 'text' in item ? String(item.text) : String(item);

/**
 * A domain error's details as its message names them: ids of a term by their labels (several
 * joined as alternatives, "a, b atau c"), a list by its items' texts ("Fotocopy KK; Surat …").
 */
export function messageParams(
  details: Record<string, unknown>,
  lang: Language,
  terms: Terms,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    const term = terms[key];
    if (term && (typeof value === 'string' || Array.isArray(value))) {
      const names = [value].flat().map((id) => term(String(id))?.[lang] ?? String(id));
      out[key] = new Intl.ListFormat(lang, { type: 'disjunction' }).format(names);
    } else if (Array.isArray(value)) {
      out[key] = value.map(itemText).join('; ');
    } else {
      out[key] = value;
    }
  }
  return out;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
    problems?: Problem[];
    requestId: string;
  };
}

/** An error as answered: its status, body and any header it needs (`retry-after`). */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/** The error handler of the app: every refusal in the user's language, naming `terms` by label. */
export function createErrorHandler(terms: Terms = {}) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, headers } = errorAnswer(error, request, terms);
    return reply.status(status).headers(headers).send(body);
  };
}

/**
 * What the app answers to an error, without sending it: routes that speak another error format
 * (Open311's list of `{code, description}`) reword this answer instead of mapping errors again.
 */
export function errorAnswer(
  error: FastifyError | Error,
  request: FastifyRequest,
  terms: Terms = {},
): ErrorAnswer {
  const lang = pickLanguage(request.headers['accept-language']);
  const requestId = String(request.id);
  const answer = (status: number, body: ErrorBody, headers: Record<string, string> = {}) => ({
    status,
    body,
    headers,
  });

  if (hasZodFastifySchemaValidationErrors(error)) {
    if (error.validationContext === 'params' && error.validation.every(isUnknownId)) {
      return answer(404, {
        error: { code: 'not_found', message: errorMessage('not_found', lang), requestId },
      });
    }
    const problems: Problem[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: issueMessage(v, lang),
    }));
    return answer(422, {
      error: { code: 'request.invalid', message: errorMessage('request.invalid', lang), problems, requestId },
    });
  }
  if (error instanceof DomainError) {
    const status = statusOf(error.code);
    const problems = error instanceof ValidationError ? error.problems : undefined;
    const params = { ...messageParams(error.details, lang, terms), count: problems?.length };
    const headers: Record<string, string> =
      status === 429 && typeof error.details.retryAfterSeconds === 'number'
        ? { 'retry-after': String(error.details.retryAfterSeconds) }
        : {};
    const details = problems ? undefined : error.details;
    const worded = problems?.map(({ text, ...p }) => (text ? { ...p, message: text[lang] } : p));
    return answer(
      status,
      {
        error: {
          code: error.code,
          message: errorMessage(error.code, lang, params),
          ...(details && Object.keys(details).length > 0 ? { details } : {}),
          ...(worded ? { problems: worded } : {}),
          requestId,
        },
      },
      headers,
    );
  }
  const requestCode = requestErrorCode(error, request);
  if (requestCode) {
    return answer(statusOf(requestCode), {
      error: { code: requestCode, message: errorMessage(requestCode, lang), requestId },
    });
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 429) {
    return answer(429, {
      error: { code: 'rate.limited', message: errorMessage('rate.limited', lang), requestId },
    });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own refusals (a path too long, a method not allowed…) in the user's language;
    // its code stays in the details for whoever reads the logs.
    const code = fastifyStatusCodes[fe.statusCode] ?? 'request.rejected';
    return answer(fe.statusCode, {
      error: {
        code,
        message: errorMessage(code, lang, { status: fe.statusCode }),
        ...(fe.code ? { details: { reason: fe.code } } : {}),
        requestId,
      },
    });
  }
  request.log.error({ err: error, requestId }, 'unhandled error');
  return answer(500, {
    error: { code: 'internal', message: errorMessage('internal', lang, { requestId }), requestId },
  });
}
