/** Stable codes of triage; the HTTP edge maps them to status codes. */
export const TriageErrors = {
  typeUnknown: 'TRIAGE_TYPE_UNKNOWN',
  priorityUnknown: 'TRIAGE_PRIORITY_UNKNOWN',
  targetMissing: 'TRIAGE_TARGET_MISSING',
  receivedAtInvalid: 'TRIAGE_RECEIVED_AT_INVALID',
} as const;
export type TriageErrorCode = (typeof TriageErrors)[keyof typeof TriageErrors];
