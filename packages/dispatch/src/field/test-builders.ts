// Builders of valid dispatch objects for tests: each makes a sensible default that a test changes
// one field of (STYLE.md: test data comes from builders).
import type { DispatchPolicy, ServiceDay, Technician, Visit } from './types';

const HOUR = 3_600_000;
/** Wednesday 2026-11-25, local midnight in UTC+8. */
export const WEDNESDAY: ServiceDay = { date: '2026-11-25', weekday: 3, midnight: Date.UTC(2026, 10, 24, 16) };
/** Saturday 2026-11-28. */
export const SATURDAY: ServiceDay = { date: '2026-11-28', weekday: 6, midnight: Date.UTC(2026, 10, 27, 16) };

/** Instant `h` hours after local midnight of `day`. */
export function at(day: ServiceDay, h: number): number {
  return day.midnight + h * HOUR;
}

export const POLICY: DispatchPolicy = {
  roadFactor: 1.3,
  citySpeedKmh: 30,
  allowedWeekdays: { furniture: [1, 2, 3, 4, 5] },
};

const CENTRE = { lat: 31.23, lng: 121.47 };

/** A point `east` km east and `north` km north of the city centre. */
export function near(east: number, north: number): { lat: number; lng: number } {
  return {
    lat: CENTRE.lat + north / 111.2,
    lng: CENTRE.lng + east / (111.2 * Math.cos((CENTRE.lat * Math.PI) / 180)),
  };
}

/** A qualified appliance and furniture technician on the 08:00–18:00 shift of `day`. */
export function technician(over: Partial<Technician> = {}, day: ServiceDay = WEDNESDAY): Technician {
  return {
    id: 'T1',
    name: '张师傅',
    skills: [
      { productLine: 'appliance', level: 4 },
      { productLine: 'furniture', level: 3 },
    ],
    certificates: [
      { code: 'APP-1', productLine: 'appliance', expiresAt: at(day, 24 * 200) },
      { code: 'FUR-1', productLine: 'furniture', expiresAt: at(day, 24 * 200) },
    ],
    assessment: { passed: true, validUntil: at(day, 24 * 100) },
    home: near(0, 0),
    vanCapacity: 10,
    shifts: [{ start: at(day, 8), end: at(day, 18) }],
    leave: [],
    ...over,
  };
}

/** A normal-priority appliance visit 5 km east, window 14:00–16:00, 60 minutes of service. */
export function visit(over: Partial<Visit> = {}, day: ServiceDay = WEDNESDAY): Visit {
  return {
    id: 'V1',
    location: near(5, 0),
    window: { start: at(day, 14), end: at(day, 16) },
    serviceMinutes: 60,
    productLine: 'appliance',
    priority: 'normal',
    slaDeadline: at(day, 18),
    booked: true,
    ...over,
  };
}
