import { DomainError } from '@aftercare/domain';

/** Codes the application adds to the domain's. The HTTP edge maps every code to a status. */
export const AppErrors = {
  notFound: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  idempotencyMismatch: 'IDEMPOTENCY_KEY_REUSED',
  validation: 'VALIDATION_FAILED',
} as const;

export const notFound = (what: string, field?: string) =>
  new DomainError(AppErrors.notFound, `${what} was not found.`, field === undefined ? {} : { field });

export const forbidden = (message = 'Your roles do not allow this.') =>
  new DomainError(AppErrors.forbidden, message);
