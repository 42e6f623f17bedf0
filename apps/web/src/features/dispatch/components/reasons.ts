import type { TFunction } from 'i18next';

/**
 * The label of an unplanned reason or a check violation, by its code (docs/api-dispatch.md). Keys are
 * written out so that locales.test.ts sees every one of them; an unknown code falls back to itself.
 */
export function reasonLabel(code: string, t: TFunction): string {
  switch (code) {
    case 'SKILL_MISSING':
      return t('dispatch.reason.SKILL_MISSING');
    case 'SKILL_LEVEL_LOW':
      return t('dispatch.reason.SKILL_LEVEL_LOW');
    case 'CERTIFICATE_MISSING':
      return t('dispatch.reason.CERTIFICATE_MISSING');
    case 'CERTIFICATE_EXPIRED':
      return t('dispatch.reason.CERTIFICATE_EXPIRED');
    case 'ASSESSMENT_NOT_PASSED':
      return t('dispatch.reason.ASSESSMENT_NOT_PASSED');
    case 'OFF_SHIFT':
      return t('dispatch.reason.OFF_SHIFT');
    case 'ON_LEAVE':
      return t('dispatch.reason.ON_LEAVE');
    case 'SLOT_TAKEN':
      return t('dispatch.reason.SLOT_TAKEN');
    case 'OUTSIDE_SERVICE_AREA':
      return t('dispatch.reason.OUTSIDE_SERVICE_AREA');
    case 'WEEKDAY_NOT_ALLOWED':
      return t('dispatch.reason.WEEKDAY_NOT_ALLOWED');
    case 'CUSTOMER_REST_TIME':
      return t('dispatch.reason.CUSTOMER_REST_TIME');
    case 'NO_COMMON_TIME':
      return t('dispatch.reason.NO_COMMON_TIME');
    case 'VAN_FULL':
      return t('dispatch.reason.VAN_FULL');
    case 'NO_TECHNICIAN_ON_SHIFT':
      return t('dispatch.reason.NO_TECHNICIAN_ON_SHIFT');
    case 'NO_FEASIBLE_ROUTE':
      return t('dispatch.reason.NO_FEASIBLE_ROUTE');
    case 'LATE':
      return t('dispatch.reason.LATE');
    default:
      return code;
  }
}
