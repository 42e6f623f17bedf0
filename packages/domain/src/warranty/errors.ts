/** Stable codes of the warranty decision; the HTTP edge maps them to status codes. */
export const WarrantyErrors = {
  purchaseDateInFuture: 'WARRANTY_PURCHASE_DATE_IN_FUTURE',
  partInstalledInFuture: 'WARRANTY_PART_INSTALLED_IN_FUTURE',
  dateInvalid: 'WARRANTY_DATE_INVALID',
  monthsInvalid: 'WARRANTY_MONTHS_INVALID',
  assessedAtInvalid: 'WARRANTY_ASSESSED_AT_INVALID',
  approvalInvalid: 'WARRANTY_APPROVAL_INVALID',
  overrideForbidden: 'WARRANTY_OVERRIDE_FORBIDDEN',
  overrideReasonRequired: 'WARRANTY_OVERRIDE_REASON_REQUIRED',
  overrideInconsistent: 'WARRANTY_OVERRIDE_INCONSISTENT',
  overrideUnchanged: 'WARRANTY_OVERRIDE_UNCHANGED',
} as const;
export type WarrantyErrorCode = (typeof WarrantyErrors)[keyof typeof WarrantyErrors];
