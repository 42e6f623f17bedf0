/**
 * Slowing down repeated failed logins: the first few failures are free, then each further failure
 * locks the account name for a doubling time, capped. Pure; the numbers are deployment settings.
 */
export interface ThrottleSettings {
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this are forgotten. */
  resetAfterSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailures: 5,
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  resetAfterSeconds: 60 * 60,
};

/** Until when the name is locked after `failures` consecutive failures, or null when it is not. */
export function lockUntilAfterFailures(
  failures: number,
  now: Date,
  s: ThrottleSettings = DEFAULT_THROTTLE,
): Date | null {
  if (failures < s.freeFailures) return null;
  const seconds = Math.min(s.maxLockSeconds, s.baseLockSeconds * 2 ** (failures - s.freeFailures));
  return new Date(now.getTime() + seconds * 1000);
}
