import type { Policy } from '../policy/schema';
import { compileCalendar, type CompiledCalendar } from './calendar';
import type { HolidayData } from './china-holidays';

/** Compiles every named calendar of a tenant policy in the tenant's time zone. */
export function compilePolicyCalendars(
  policy: Pick<Policy, 'timeZone' | 'calendars'>,
  options: { holidays?: HolidayData; fromYear?: number; toYear?: number } = {},
): Record<string, CompiledCalendar> {
  const out: Record<string, CompiledCalendar> = {};
  for (const [name, spec] of Object.entries(policy.calendars)) {
    out[name] = compileCalendar(spec, { ...options, timeZone: policy.timeZone, name });
  }
  return out;
}
