import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * China's official public holidays and make-up working days (调休), as local dates
 * `YYYY-MM-DD`. The default comes from the `chinese-days` package; an application may pass
 * its own (e.g. seeded into a table and edited by an administrator).
 */
export interface HolidayData {
  /** Days off by State Council notice (may fall on weekdays). */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休补班). */
  readonly makeUpWorkdays: ReadonlySet<string>;
  /** Years for which the schedule is known; other years are treated as ordinary weeks. */
  readonly coveredYears: readonly number[];
}

function fromMaps(holidays: Record<string, string>, workdays: Record<string, string>): HolidayData {
  const years = new Set<number>();
  for (const d of Object.keys(holidays)) years.add(Number(d.slice(0, 4)));
  for (const d of Object.keys(workdays)) years.add(Number(d.slice(0, 4)));
  return {
    holidays: new Set(Object.keys(holidays)),
    makeUpWorkdays: new Set(Object.keys(workdays)),
    coveredYears: [...years].sort((a, b) => a - b),
  };
}

/** The schedule shipped with chinese-days (2004–2026 in version 1.5.7). */
export const CHINA_HOLIDAYS: HolidayData = fromMaps(data.holidays, data.workdays);

/** Builds holiday data from plain lists, e.g. loaded from a database table. */
export function holidayDataFrom(input: {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
  coveredYears?: readonly number[];
}): HolidayData {
  const base = fromMaps(
    Object.fromEntries(input.holidays.map((d) => [d, ''])),
    Object.fromEntries(input.makeUpWorkdays.map((d) => [d, ''])),
  );
  return input.coveredYears ? { ...base, coveredYears: [...input.coveredYears].sort((a, b) => a - b) } : base;
}

/** True if the holiday schedule of `year` is known. */
export function isHolidayYearCovered(year: number, data: HolidayData = CHINA_HOLIDAYS): boolean {
  return data.coveredYears.includes(year);
}

/** Years in [fromYear, toYear] with no holiday schedule: the app warns about these (e.g. next year). */
export function missingHolidayYears(
  fromYear: number,
  toYear: number,
  data: HolidayData = CHINA_HOLIDAYS,
): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!data.coveredYears.includes(y)) out.push(y);
  return out;
}
