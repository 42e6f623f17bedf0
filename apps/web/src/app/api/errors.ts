import type { TFunction } from 'i18next';
import { isApiError } from './client';

/** Problem codes with their own text under `error.<code>` in both locales (checked by locales.test.ts). */
export const TRANSLATED_ERROR_CODES = [
  'NETWORK_ERROR',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_TOO_MANY_ATTEMPTS',
  'AUTH_UNAUTHENTICATED',
  'FORBIDDEN',
  'VALIDATION_FAILED',
] as const;

function isTranslatedCode(code: string): code is (typeof TRANSLATED_ERROR_CODES)[number] {
  return (TRANSLATED_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The sentence to show for an error: our own translation when we know the code, otherwise the
 * server's `detail`, otherwise a generic sentence.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (isTranslatedCode(error.code)) return t(`error.${error.code}`);
    if (error.detail) return error.detail;
  }
  return t('error.generic');
}
