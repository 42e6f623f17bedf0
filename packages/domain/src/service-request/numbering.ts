/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * A human-readable number that agents read out on the phone: `SR-20261123-0042`.
 * The sequence restarts every local day of the tenant; it widens past 9999 instead of wrapping.
 */
export function formatDocumentNumber(prefix: string, localDay: string, sequence: number): string {
  return `${prefix}-${localDay.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
