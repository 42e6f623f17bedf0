/**
 * Calendar-date arithmetic on local dates written `YYYY-MM-DD` (the date printed on a proof of
 * purchase has no time and no zone). Instants become local dates in the tenant's zone first.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True if `value` is a real calendar date `YYYY-MM-DD` (no 2025-02-30). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The local calendar date of an instant in an IANA zone. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  const date = typeof instant === 'number' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Adds calendar months the way PRC Civil Code art. 202 counts a period in months: the period ends on
 * the same day of the final month, or on that month's last day when it has no such day
 * (2025-01-31 + 1 month → 2025-02-28; 2024-01-31 + 1 month → 2024-02-29).
 */
export function addCalendarMonths(date: string, months: number): string {
  const m = DATE_RE.exec(date);
  if (!m || !Number.isInteger(months)) throw new RangeError(`bad date or months: ${date} + ${months}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const monthIndex = y * 12 + mo + months;
  const ty = Math.floor(monthIndex / 12);
  const tm = monthIndex - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
