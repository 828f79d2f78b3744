import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type Problem, ValidationError } from '../core/errors.ts';
import { errorMessage, pickLanguage } from '../core/i18n.ts';
import { unknownIdIssue } from '../core/ids.ts';

/** HTTP status of a domain error code: exact codes first, then by suffix. */
export function statusOf(code: string): number {
  const exact: Record<string, number> = {
    'auth.unauthenticated': 401,
    'auth.invalid_credentials': 401,
    'auth.forbidden': 403,
    'auth.throttled': 429,
    'auth.totp_required': 401,
    'auth.totp_invalid': 401,
    'auth.totp_reused': 401,
    'auth.totp_enrolment_required': 403,
    'auth.totp_enabled': 409,
    'auth.totp_not_pending': 409,
    'auth.totp_not_enabled': 409,
    'auth.totp_enrol_first': 409,
    'csrf.invalid': 403,
    'rate.limited': 429,
    'request.invalid_text': 422,
    'request.multipart_invalid': 400,
    'request.aborted': 400,
    'request.not_multipart': 415,
    'request.file_too_large': 413,
    'request.too_many_parts': 413,
    'request.unsupported_media_type': 415,
    'request.too_large': 413,
    'request.malformed': 400,
    'auth.password_unchanged': 422,
    'standard.revision_exists': 409,
    'case.wrong_role': 403,
    'case.reveal_forbidden': 403,
    'case.nik_not_found': 404,
    'case.closed': 409,
    'case.conflict': 409,
    'letter.conflict': 409,
    'case.waiting_for_applicant': 409,
    'case.not_returned': 409,
    'case.documents_missing': 422,
    'case.reason_required': 422,
    'case.unknown_action': 422,
    'case.no_workflow': 422,
    'case.product_required': 422,
    'case.unknown_product': 422,
    'document.unknown_requirement': 422,
    'document.type': 415,
    'document.size': 413,
    'document.corrupt': 500,
    'standard.unchanged': 409,
    'calendar.no_working_time': 409,
    'registry.import_xls': 415,
    'registry.import_not_xlsx': 415,
    'registry.import_file_missing': 422,
    'registry.import_too_large': 413,
    'registry.import_running': 409,
    'registry.cursor_invalid': 422,
    'registry.search_digits': 422,
    'registry.search_short': 422,
    'registry.village_forbidden': 403,
    'registry.export_not_found': 404,
    'registry.import_not_found': 404,
    'registry.person_not_found': 404,
    'registry.family_not_found': 404,
  };
  const hit = exact[code];
  if (hit) return hit;
  if (code.endsWith('.not_found') || code === 'not_found') return 404;
  if (code.endsWith('.invalid')) return 422;
  if (code.endsWith('.forbidden') || code.endsWith('.wrong_unit')) return 403;
  if (code.endsWith('.exists') || code.endsWith('.conflict') || code.endsWith('.unchanged')) return 409;
  return 400;
}

/** Errors of Fastify's body parsers and of @fastify/multipart, by their code: our code for each. */
const parserErrors: Record<string, string> = {
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
export function requestErrorCode(error: unknown, request: FastifyRequest): string | null {
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

/** A path id that no row can have (see `IdParam`). */
function isUnknownId(v: { params?: unknown }): boolean {
  const params = (v.params as { params?: Record<string, unknown> } | undefined)?.params;
  return params?.[unknownIdIssue] === true;
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

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = pickLanguage(request.headers['accept-language']);
  const requestId = String(request.id);

  if (hasZodFastifySchemaValidationErrors(error)) {
    if (error.validationContext === 'params' && error.validation.every(isUnknownId)) {
      return reply.status(404).send({
        error: { code: 'not_found', message: errorMessage('not_found', lang), requestId },
      } satisfies ErrorBody);
    }
    const problems: Problem[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
    }));
    return reply.status(422).send({
      error: { code: 'request.invalid', message: errorMessage('request.invalid', lang), problems, requestId },
    } satisfies ErrorBody);
  }
  if (error instanceof DomainError) {
    const status = statusOf(error.code);
    const problems = error instanceof ValidationError ? error.problems : undefined;
    const params = { ...error.details, count: problems?.length };
    if (status === 429 && typeof error.details.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    const details = problems ? undefined : error.details;
    return reply.status(status).send({
      error: {
        code: error.code,
        message: errorMessage(error.code, lang, params),
        ...(details && Object.keys(details).length > 0 ? { details } : {}),
        ...(problems ? { problems } : {}),
        requestId,
      },
    } satisfies ErrorBody);
  }
  const requestCode = requestErrorCode(error, request);
  if (requestCode) {
    return reply.status(statusOf(requestCode)).send({
      error: { code: requestCode, message: errorMessage(requestCode, lang), requestId },
    } satisfies ErrorBody);
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 429) {
    return reply.status(429).send({
      error: { code: 'rate.limited', message: errorMessage('rate.limited', lang), requestId },
    } satisfies ErrorBody);
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send({
      error: { code: fe.code ?? 'request.invalid', message: fe.message, requestId },
    } satisfies ErrorBody);
  }
  request.log.error({ err: error, requestId }, 'unhandled error');
  return reply.status(500).send({
    error: { code: 'internal', message: errorMessage('internal', lang, { requestId }), requestId },
  } satisfies ErrorBody);
}
