import { DomainError } from '../shared/errors';
import { toMinuteOfDay, type CalendarPolicy, type Weekday } from '../policy/schema';
import { CHINA_HOLIDAYS, type HolidayData } from './china-holidays';
import { buildZoneTable, utcToWall, wallToUtc, type ZoneTable } from './tz';

/** An instant is epoch milliseconds (UTC). Every function of this module takes and returns these. */
export type Instant = number;

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A business calendar (工作日历) compiled once into flat arrays for O(log n) queries.
 * Working time is a sorted list of disjoint half-open UTC intervals [start, end); intervals that
 * touch (e.g. 24:00 of one day and 00:00 of the next) are merged. `cumBefore[i]` is the working
 * time (ms) from the beginning of the range to `starts[i]`.
 */
export interface CompiledCalendar {
  readonly name: string;
  readonly timeZone: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** First and last instant the calendar can answer for (local midnights of the range). */
  readonly rangeStart: Instant;
  readonly rangeEnd: Instant;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cumBefore: Float64Array;
  readonly cumEnd: Float64Array;
  /** Local wall time (ms) of fromYear-01-01 00:00; day index d starts at baseWall + d·DAY. */
  readonly baseWall: number;
  readonly dayCount: number;
  /** Per local day: first working start and last working end (UTC), NaN on days off. */
  readonly dayFirstStart: Float64Array;
  readonly dayLastEnd: Float64Array;
  /** workingDaysBefore[d] = number of working days with index < d (length dayCount + 1). */
  readonly workingDaysBefore: Int32Array;
  /** The k-th working day's index. */
  readonly workingDayIndex: Int32Array;
  readonly zone: ZoneTable;
  /** Years of the range for which China's holiday schedule was wanted but not known. */
  readonly uncoveredHolidayYears: readonly number[];
}

export interface CompileOptions {
  timeZone: string;
  name?: string;
  holidays?: HolidayData;
  /** Range of local years compiled (default 2000–2060). */
  fromYear?: number;
  toYear?: number;
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const PAD2 = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

type DayHours = ReadonlyArray<readonly [number, number]>; // minutes of the local day

/** Working hours of a calendar with times parsed once, and tenant days as sets. */
interface PreparedSpec {
  weekly: Record<Weekday, DayHours>;
  makeUp: DayHours;
  follow: boolean;
  extra: ReadonlySet<string>;
  closures: ReadonlyArray<{ from: string; to: string }>;
}

function prepare(spec: CalendarPolicy): PreparedSpec {
  const parse = (ranges: CalendarPolicy['weeklyHours']['mon']): DayHours =>
    ranges.map((r) => [toMinuteOfDay(r.start), toMinuteOfDay(r.end)] as const);
  const w = spec.weeklyHours;
  const weekly = {
    mon: parse(w.mon),
    tue: parse(w.tue),
    wed: parse(w.wed),
    thu: parse(w.thu),
    fri: parse(w.fri),
    sat: parse(w.sat),
    sun: parse(w.sun),
  };
  return {
    weekly,
    makeUp: weekly[spec.makeUpDayHoursFrom],
    follow: spec.followChinaHolidays,
    extra: new Set(spec.extraWorkingDays),
    closures: spec.closures,
  };
}

/**
 * Which hours a local date has. Order: weekly hours → China's holidays (off) and make-up
 * working days (on, with `makeUpDayHoursFrom` hours if the weekday has none) → tenant extra
 * working days (on) → tenant closures (off; a closure wins over everything).
 */
function hoursOfDay(p: PreparedSpec, holidays: HolidayData, date: string, weekday: Weekday): DayHours {
  let hours = p.weekly[weekday];
  if (p.follow && holidays.holidays.has(date)) hours = [];
  if ((p.follow && holidays.makeUpWorkdays.has(date)) || p.extra.has(date)) {
    if (hours.length === 0) hours = p.makeUp;
  }
  for (const c of p.closures) if (c.from <= date && date <= c.to) return [];
  return hours;
}

/** Compiles a calendar policy for one time zone into the precomputed structure. */
export function compileCalendar(spec: CalendarPolicy, options: CompileOptions): CompiledCalendar {
  const fromYear = options.fromYear ?? 2000;
  const toYear = options.toYear ?? 2060;
  const holidays = options.holidays ?? CHINA_HOLIDAYS;
  if (!(fromYear <= toYear))
    throw new DomainError('CALENDAR_RANGE_INVALID', 'fromYear must not be after toYear');
  const baseWall = Date.UTC(fromYear, 0, 1);
  const endWall = Date.UTC(toYear + 1, 0, 1);
  const dayCount = Math.round((endWall - baseWall) / DAY);
  const zone = buildZoneTable(options.timeZone, baseWall - 2 * DAY, endWall + 2 * DAY);

  const starts: number[] = [];
  const ends: number[] = [];
  const dayFirstStart = new Float64Array(dayCount).fill(NaN);
  const dayLastEnd = new Float64Array(dayCount).fill(NaN);
  const workingDaysBefore = new Int32Array(dayCount + 1);
  const workingDayIndex: number[] = [];
  const prepared = prepare(spec);

  let [year, month, dom] = [fromYear, 1, 1];
  for (let d = 0; d < dayCount; d++) {
    const wallMid = baseWall + d * DAY;
    const date = `${year}-${PAD2[month]}-${PAD2[dom]}`;
    if (++dom > daysInMonth(year, month)) {
      dom = 1;
      if (++month > 12) {
        month = 1;
        year++;
      }
    }
    const weekday = WEEKDAY_BY_UTC_DAY[(Math.floor(wallMid / DAY) + 4) % 7] as Weekday; // 1970-01-01 was a Thursday
    let first = NaN;
    let last = NaN;
    for (const [startMin, endMin] of hoursOfDay(prepared, holidays, date, weekday)) {
      const u0 = wallToUtc(zone, wallMid + startMin * MINUTE);
      const u1 = wallToUtc(zone, wallMid + endMin * MINUTE);
      if (!(u1 > u0)) continue; // swallowed by a daylight-saving gap
      if (Number.isNaN(first)) first = u0;
      last = u1;
      const n = ends.length;
      if (n > 0 && u0 <= (ends[n - 1] as number)) ends[n - 1] = Math.max(ends[n - 1] as number, u1);
      else {
        starts.push(u0);
        ends.push(u1);
      }
    }
    dayFirstStart[d] = first;
    dayLastEnd[d] = last;
    const working = !Number.isNaN(first);
    if (working) workingDayIndex.push(d);
    workingDaysBefore[d + 1] = (workingDaysBefore[d] as number) + (working ? 1 : 0);
  }
  if (starts.length === 0) {
    throw new DomainError('CALENDAR_EMPTY', `Calendar ${options.name ?? ''} has no working time`);
  }

  const cumBefore = new Float64Array(starts.length);
  const cumEnd = new Float64Array(starts.length);
  let acc = 0;
  for (let i = 0; i < starts.length; i++) {
    cumBefore[i] = acc;
    acc += (ends[i] as number) - (starts[i] as number);
    cumEnd[i] = acc;
  }

  const uncovered: number[] = [];
  if (spec.followChinaHolidays) {
    for (let y = fromYear; y <= toYear; y++) if (!holidays.coveredYears.includes(y)) uncovered.push(y);
  }

  return {
    name: options.name ?? '',
    timeZone: options.timeZone,
    fromYear,
    toYear,
    rangeStart: wallToUtc(zone, baseWall),
    rangeEnd: wallToUtc(zone, endWall),
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumBefore,
    cumEnd,
    baseWall,
    dayCount,
    dayFirstStart,
    dayLastEnd,
    workingDaysBefore,
    workingDayIndex: Int32Array.from(workingDayIndex),
    zone,
    uncoveredHolidayYears: uncovered,
  };
}

function outOfRange(cal: CompiledCalendar, what: string): DomainError {
  return new DomainError(
    'CALENDAR_OUT_OF_RANGE',
    `${what} is outside calendar ${cal.name} (${cal.fromYear}–${cal.toYear})`,
    { details: { fromYear: cal.fromYear, toYear: cal.toYear } },
  );
}

function checkRange(cal: CompiledCalendar, t: Instant): void {
  if (!(t >= cal.rangeStart && t <= cal.rangeEnd)) throw outOfRange(cal, `Instant ${t}`);
}

/** Index of the last interval starting at or before t, or -1. */
function intervalAtOrBefore(cal: CompiledCalendar, t: Instant): number {
  const s = cal.starts;
  let lo = 0;
  let hi = s.length - 1;
  if ((s[0] as number) > t) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((s[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Working time (ms) from the start of the calendar's range up to t. */
function position(cal: CompiledCalendar, t: Instant): number {
  const i = intervalAtOrBefore(cal, t);
  if (i < 0) return 0;
  const end = cal.ends[i] as number;
  return (cal.cumBefore[i] as number) + (t < end ? t : end) - (cal.starts[i] as number);
}

/** The earliest instant at which `pos` ms of working time have elapsed since the range start. */
function instantAtPosition(cal: CompiledCalendar, pos: number): Instant {
  const c = cal.cumEnd;
  let lo = 0;
  let hi = c.length - 1;
  if ((c[hi] as number) < pos) throw outOfRange(cal, 'Deadline');
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c[mid] as number) >= pos) hi = mid;
    else lo = mid + 1;
  }
  return (cal.starts[lo] as number) + (pos - (cal.cumBefore[lo] as number));
}

/** True if t lies inside a working interval (intervals are half-open: the end is not working time). */
export function isWorkingTime(cal: CompiledCalendar, t: Instant): boolean {
  checkRange(cal, t);
  const i = intervalAtOrBefore(cal, t);
  return i >= 0 && t < (cal.ends[i] as number);
}

/** t itself if it is working time, else the start of the next working interval. */
export function nextWorkingInstant(cal: CompiledCalendar, t: Instant): Instant {
  checkRange(cal, t);
  const i = intervalAtOrBefore(cal, t);
  if (i >= 0 && t < (cal.ends[i] as number)) return t;
  const next = cal.starts[i + 1];
  if (next === undefined) throw outOfRange(cal, 'Next working instant');
  return next;
}

/**
 * The earliest instant by which `minutes` of working time have passed since `start`.
 * For minutes > 0 the result is inside a working interval or exactly at its end
 * (e.g. 12:00 rather than 13:30 when the time runs out at the lunch break).
 */
export function addWorkingDuration(cal: CompiledCalendar, start: Instant, minutes: number): Instant {
  checkRange(cal, start);
  if (!(minutes >= 0)) throw new DomainError('DURATION_INVALID', 'A working duration must not be negative');
  if (minutes === 0) return start;
  return instantAtPosition(cal, position(cal, start) + minutes * MINUTE);
}

/** Like addWorkingDuration, with the duration in milliseconds (exact; used by SLA clocks). */
export function addWorkingMs(cal: CompiledCalendar, start: Instant, ms: number): Instant {
  checkRange(cal, start);
  if (!(ms >= 0)) throw new DomainError('DURATION_INVALID', 'A working duration must not be negative');
  if (ms === 0) return start;
  return instantAtPosition(cal, position(cal, start) + ms);
}

/** Working time between a and b in minutes (negative if b is before a). */
export function workingTimeBetween(cal: CompiledCalendar, a: Instant, b: Instant): number {
  checkRange(cal, a);
  checkRange(cal, b);
  return (position(cal, b) - position(cal, a)) / MINUTE;
}

/** Working time between a and b in milliseconds. */
export function workingMsBetween(cal: CompiledCalendar, a: Instant, b: Instant): number {
  checkRange(cal, a);
  checkRange(cal, b);
  return position(cal, b) - position(cal, a);
}

function dayIndexOfWall(cal: CompiledCalendar, wall: number): number {
  return Math.floor((wall - cal.baseWall) / DAY);
}

/**
 * N working days after `start` (see docs/calendar-and-sla.md):
 * 1. A start outside working time counts from the end of the previous working period
 *    (Friday 20:00 and Monday 07:00 both count from Friday 18:00).
 * 2. The deadline is on the N-th working day after that moment's local date, at the same
 *    local clock time,
 * 3. clamped into that day's working hours: before its first start → the first start; after
 *    its last end → the last end; inside a break → the end of the period before the break.
 * A working day is a local date with any working time. Monotonic in start and in N.
 */
export function addWorkingDays(cal: CompiledCalendar, start: Instant, days: number): Instant {
  checkRange(cal, start);
  if (!(Number.isInteger(days) && days >= 0)) {
    throw new DomainError('DURATION_INVALID', 'Working days must be a non-negative integer');
  }
  if (days === 0) return start;
  // 1. the earliest instant with the same working position as start
  const i = intervalAtOrBefore(cal, start);
  let s = start;
  let atEnd = false;
  if (i < 0) {
    s = cal.starts[0] as number;
  } else if (start >= (cal.ends[i] as number)) {
    s = cal.ends[i] as number;
    atEnd = true;
  } else if (start === (cal.starts[i] as number) && i > 0) {
    s = cal.ends[i - 1] as number;
    atEnd = true;
  }
  // an end of a working period belongs to the day it ends (24:00 is the same day)
  const wall = utcToWall(cal.zone, s);
  const day = dayIndexOfWall(cal, atEnd ? wall - 1 : wall);
  const clock = wall - (cal.baseWall + day * DAY);
  // 2. the N-th working day after that date
  const k = (cal.workingDaysBefore[day + 1] as number) + days - 1;
  const target = cal.workingDayIndex[k];
  if (target === undefined) throw outOfRange(cal, 'Deadline');
  // 3. same clock time, clamped into the day's working time
  const first = cal.dayFirstStart[target] as number;
  const last = cal.dayLastEnd[target] as number;
  const u = wallToUtc(cal.zone, cal.baseWall + target * DAY + clock);
  if (u <= first) return first;
  if (u >= last) return last;
  const j = intervalAtOrBefore(cal, u);
  const end = cal.ends[j] as number;
  return u < end ? u : end;
}

/** Local date and time `YYYY-MM-DD HH:MM` (or `YYYY-MM-DDTHH:MM[:SS]`) in the calendar's zone → instant. */
export function localToInstant(cal: CompiledCalendar, local: string): Instant {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new DomainError('LOCAL_TIME_INVALID', `Not a local date-time: ${local}`);
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  return wallToUtc(cal.zone, wall);
}

/** Instant → local `YYYY-MM-DD HH:MM` in the calendar's zone (seconds shown only if not zero). */
export function instantToLocal(cal: CompiledCalendar, t: Instant): string {
  const iso = new Date(utcToWall(cal.zone, t)).toISOString();
  return iso.slice(17, 19) === '00'
    ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
    : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Is the local date `YYYY-MM-DD` a working day (has any working time) in this calendar? */
export function isWorkingDay(cal: CompiledCalendar, date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const idx = dayIndexOfWall(cal, Date.UTC(y, m - 1, d));
  if (idx < 0 || idx >= cal.dayCount) throw outOfRange(cal, `Date ${date}`);
  return !Number.isNaN(cal.dayFirstStart[idx] as number);
}
