/**
 * The one error type of the domain: a stable machine-readable `code`, a human message,
 * and the offending field (a dotted path) when one input is to blame.
 * The HTTP edge maps codes to status codes in one table (apps/server/src/http/errors.ts).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

/** Result of a pure decision: either the value or a coded error, never a throw across layers. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, field === undefined ? {} : { field }),
});

/** Exhaustiveness check for `switch` over unions: a forgotten case is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
