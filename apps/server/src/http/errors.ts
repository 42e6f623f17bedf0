import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '@aftercare/domain';

/** The one table from stable error codes to HTTP status (STYLE.md example 8). */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TOO_MANY_ATTEMPTS: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  WORK_ORDER_FORBIDDEN: 403,
  WORK_ORDER_NOT_ASSIGNEE: 403,
  REQUEST_FORBIDDEN: 403,
  WORK_ORDER_ILLEGAL_TRANSITION: 409,
  REQUEST_ALREADY_REVIEWED: 409,
  SURVEY_ALREADY_ANSWERED: 409,
  ACCEPTANCE_ORDER_NOT_COMPLETED: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Status of a domain error: the table first, then by suffix, then 400 for a bad field, else 422. */
export function statusOf(error: DomainError): number {
  const exact = STATUS_BY_CODE[error.code];
  if (exact) return exact;
  if (error.code.endsWith('_FORBIDDEN')) return 403;
  if (error.code.endsWith('_NOT_FOUND')) return 404;
  if (error.code.endsWith('_TAKEN') || error.code.endsWith('_ILLEGAL_TRANSITION')) return 409;
  return error.field ? 400 : 422;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export interface ProblemField {
  field: string;
  code: string;
  message: string;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: ProblemField[],
): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `urn:aftercare:problem:${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      code,
      detail,
      instance: request.url,
      ...(errors && errors.length ? { errors } : {}),
    });
}

const pathToField = (instancePath: string, context: string | undefined) => {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (context === 'headers' || context === 'params' || context === 'querystring') return path || context;
  return path || 'body';
};

/** Maps every error to application/problem+json with a stable code and the offending fields. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    const errors = error.validation.map((v) => ({
      field: pathToField(v.instancePath, context),
      code: String(v.keyword).toUpperCase(),
      message: v.message ?? 'invalid',
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return sendProblem(reply, request, 400, 'VALIDATION_FAILED', detail, errors);
  }
  if (error instanceof DomainError) {
    const status = statusOf(error);
    if (status === 429 && typeof error.details?.retryAfterSeconds === 'number') {
      reply.header('Retry-After', String(error.details.retryAfterSeconds));
    }
    const errors = error.field
      ? [{ field: error.field, code: error.code, message: error.message }]
      : undefined;
    return sendProblem(reply, request, status, error.code, error.message, errors);
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : (fe.code ?? 'BAD_REQUEST');
    const field = fe.code?.startsWith('FST_ERR_CTP')
      ? [{ field: 'body', code, message: fe.message }]
      : undefined;
    return sendProblem(reply, request, fe.statusCode, code, fe.message, field);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    request,
    500,
    'INTERNAL',
    'Something went wrong on our side; the request id helps us find it.',
  );
}
