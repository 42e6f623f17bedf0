/** Stable codes of follow-up calls and surveys; the HTTP edge maps them to status codes. */
export const FollowUpErrors = {
  targetMissing: 'FOLLOW_UP_TARGET_MISSING',
  calendarMissing: 'FOLLOW_UP_CALENDAR_MISSING',
  instantInvalid: 'FOLLOW_UP_INSTANT_INVALID',
  satisfactionInvalid: 'FOLLOW_UP_SATISFACTION_INVALID',
  runningStateRequired: 'FOLLOW_UP_RUNNING_STATE_REQUIRED',
  textTooLong: 'FOLLOW_UP_TEXT_TOO_LONG',
  callBeforeCompletion: 'FOLLOW_UP_CALL_BEFORE_COMPLETION',
  callInFuture: 'FOLLOW_UP_CALL_IN_FUTURE',
  scoreInvalid: 'FOLLOW_UP_SCORE_INVALID',
  reworkCountInvalid: 'FOLLOW_UP_REWORK_COUNT_INVALID',
} as const;
export type FollowUpErrorCode = (typeof FollowUpErrors)[keyof typeof FollowUpErrors];
