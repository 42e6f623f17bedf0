/**
 * Local dates and clock times of the tenant's zone as instants (epoch ms), with `Intl` only. Shifts,
 * leave days, certificate expiry and the customer's rest hours are local; dispatch works on instants.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(timeZone: string, instant: number) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of the zone at an instant (local − UTC), in ms. */
function offsetAt(timeZone: string, instant: number): number {
  const p = parts(timeZone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The local date "YYYY-MM-DD" of an instant. */
export function localDateOf(timeZone: string, instant: number): string {
  const p = parts(timeZone, instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of a local date and clock time "HH:MM" ("24:00" is the next midnight). */
export function localInstant(timeZone: string, date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let guess = naive - offsetAt(timeZone, naive);
  guess = naive - offsetAt(timeZone, guess);
  return guess;
}

/** Weekday of a local date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The next local date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The dispatch view of a local day: date, weekday and local midnight as an instant. */
export function serviceDayOf(timeZone: string, date: string) {
  return { date, weekday: weekdayOf(date), midnight: localInstant(timeZone, date, '00:00') };
}
