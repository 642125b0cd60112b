import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseOverrun, isDatabaseUnavailable } from '../db/connect.js';
import { AppError, type ErrorBody, type ErrorCode, type FieldIssue, HTTP_STATUS } from '../domain/errors.js';

/** 'en' when the client prefers English, otherwise Swedish. */
export function preferredLanguage(request: FastifyRequest): 'sv' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}

export function errorBody(error: AppError, lang: 'sv' | 'en'): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.messages[lang],
      messages: error.messages,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/** Framework errors that mean "the client sent something wrong", by Fastify's code. */
const FASTIFY_CLIENT_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** Turns any thrown error into the one error shape; bad input is never a 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE');
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const details: FieldIssue[] = fastifyError.validation.map((v) => ({
      path: v.instancePath.split('/').filter(Boolean).join('.'),
      code: v.keyword,
      message: v.message ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', { details });
  }
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (error instanceof SyntaxError && fastifyError.statusCode === 400)
  ) {
    return new AppError('VALIDATION_FAILED', {
      details: [{ path: '', code: 'invalid_json', message: 'the body is not valid JSON' }],
    });
  }
  const mapped = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  const byStatus: Record<number, ErrorCode> = {
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError(byStatus[fastifyError.statusCode] ?? 'BAD_REQUEST');
  }
  return new AppError('INTERNAL');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  // The client may try again either way; a lost connection passes by itself, an overrun needs someone to look.
  else if (appError.code === 'DATABASE_UNAVAILABLE' && isDatabaseOverrun(error))
    request.log.error({ err: error }, 'database overrun: statement time limit or resources');
  else if (appError.code === 'DATABASE_UNAVAILABLE') request.log.warn({ err: error }, 'database unavailable');
  // A 429 is logged (sampled) with its request when it completes: under a flood, one line per client and minute.
  else if (HTTP_STATUS[appError.code] !== 429) request.log.info({ code: appError.code }, 'request refused');
  return reply.status(HTTP_STATUS[appError.code]).send(errorBody(appError, preferredLanguage(request)));
}
