/**
 * Time-zone arithmetic through Intl only (no system clock): the UTC offset of a zone at an
 * instant, the zone's offset transitions in a range, and local wall time → UTC instant.
 * All instants are epoch milliseconds.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** UTC offset (ms, east positive) of `timeZone` at instant `utcMs`, read through Intl. */
export function intlOffsetMs(timeZone: string, utcMs: number): number {
  const name = formatter(timeZone)
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  // "GMT", "GMT+08:00", "GMT-03:30", rarely "GMT+05:45:30"
  const m = name ? /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name) : null;
  if (!m) throw new RangeError(`Cannot read the UTC offset of ${timeZone}`);
  if (!m[1]) return 0;
  const abs = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -abs : abs;
}

/**
 * A zone's offsets over a range, as a step function: `offsets[i]` applies from `at[i]`
 * (inclusive) until `at[i + 1]`. `at[0]` is -Infinity.
 */
export interface ZoneTable {
  readonly timeZone: string;
  readonly at: Float64Array;
  readonly offsets: Float64Array;
}

/**
 * Samples the zone weekly over [fromMs, toMs] and finds each transition to the minute by
 * bisection. Assumes at most one transition per week, which holds for every IANA zone in
 * use since 1970.
 */
export function buildZoneTable(timeZone: string, fromMs: number, toMs: number): ZoneTable {
  const memoKey = `${timeZone}|${fromMs}|${toMs}`;
  const known = zoneTables.get(memoKey);
  if (known) return known;
  const table = scanZone(timeZone, fromMs, toMs);
  zoneTables.set(memoKey, table);
  return table;
}

/** Zone tables are deterministic for a given Intl build, so they are shared (a pure memo). */
const zoneTables = new Map<string, ZoneTable>();

function scanZone(timeZone: string, fromMs: number, toMs: number): ZoneTable {
  const step = 7 * DAY;
  const at: number[] = [-Infinity];
  const offsets: number[] = [intlOffsetMs(timeZone, fromMs)];
  let prevT = fromMs;
  let prevO = offsets[0] as number;
  for (let t = fromMs + step; ; t += step) {
    const cur = Math.min(t, toMs);
    const o = intlOffsetMs(timeZone, cur);
    if (o !== prevO) {
      let lo = prevT; // offset prevO
      let hi = cur; // offset o
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
        if (intlOffsetMs(timeZone, mid) === prevO) lo = mid;
        else hi = mid;
      }
      at.push(hi);
      offsets.push(o);
      prevO = o;
    }
    prevT = cur;
    if (cur >= toMs) break;
  }
  return { timeZone, at: Float64Array.from(at), offsets: Float64Array.from(offsets) };
}

/** Offset (ms) at a UTC instant, from the table. */
export function offsetAt(z: ZoneTable, utcMs: number): number {
  const at = z.at;
  if (at.length === 1) return z.offsets[0] as number;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= utcMs) lo = mid;
    else hi = mid - 1;
  }
  return z.offsets[lo] as number;
}

/**
 * The UTC instant of a local wall time (given as ms since 1970-01-01T00:00 local).
 * Ambiguous times (clocks going back) take the earlier instant; times that do not exist
 * (clocks going forward) are moved forward by the gap, like Temporal's "compatible".
 */
export function wallToUtc(z: ZoneTable, wallMs: number): number {
  if (z.at.length === 1) return wallMs - (z.offsets[0] as number);
  const before = offsetAt(z, wallMs - DAY);
  const after = offsetAt(z, wallMs + DAY);
  const hiO = Math.max(before, after);
  const loO = Math.min(before, after);
  if (offsetAt(z, wallMs - hiO) === hiO) return wallMs - hiO;
  if (offsetAt(z, wallMs - loO) === loO) return wallMs - loO;
  return wallMs - loO;
}

/** Local wall time (ms since 1970-01-01T00:00 local) of a UTC instant. */
export function utcToWall(z: ZoneTable, utcMs: number): number {
  return utcMs + offsetAt(z, utcMs);
}
