export {
  compileCalendar,
  isWorkingTime,
  isWorkingDay,
  nextWorkingInstant,
  addWorkingDuration,
  addWorkingMs,
  addWorkingDays,
  workingTimeBetween,
  workingMsBetween,
  localToInstant,
  instantToLocal,
} from './calendar';
export type { Instant, CompiledCalendar, CompileOptions } from './calendar';
export { compilePolicyCalendars } from './policy-calendars';
export { CHINA_HOLIDAYS, holidayDataFrom, isHolidayYearCovered, missingHolidayYears } from './china-holidays';
export type { HolidayData } from './china-holidays';
export { intlOffsetMs } from './tz';
