import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getPolicyPreset, type CalendarPolicy } from '../policy/index';
import {
  addWorkingDays,
  addWorkingDuration,
  compileCalendar,
  isWorkingTime,
  nextWorkingInstant,
  workingMsBetween,
  workingTimeBetween,
  type CompiledCalendar,
} from './index';

const p = getPolicyPreset('appliance');
const range = { fromYear: 2024, toYear: 2028 };
const office = p.calendars.office as CalendarPolicy;
const calendars: Array<[string, CompiledCalendar]> = [
  ['Shanghai office (China holidays)', compileCalendar(office, { timeZone: 'Asia/Shanghai', ...range })],
  [
    'Berlin office (DST, no China holidays)',
    compileCalendar({ ...office, followChinaHolidays: false }, { timeZone: 'Europe/Berlin', ...range }),
  ],
  [
    'Berlin 24×7',
    compileCalendar(p.calendars.hotline as CalendarPolicy, { timeZone: 'Europe/Berlin', ...range }),
  ],
  [
    'New York split shifts',
    compileCalendar(
      {
        ...office,
        followChinaHolidays: false,
        weeklyHours: {
          ...office.weeklyHours,
          sat: [{ start: '22:00', end: '24:00' }],
          sun: [
            { start: '00:00', end: '02:30' },
            { start: '09:00', end: '09:45' },
          ],
        },
      },
      { timeZone: 'America/New_York', ...range },
    ),
  ],
];

// Starts over 2025–2027 at millisecond resolution; durations from 1 minute to 30 working days of 8 h.
const start = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
const minutes = fc.integer({ min: 1, max: 30 * 8 * 60 });
const days = fc.integer({ min: 1, max: 30 });
const runs = { numRuns: 400 };

/** In working time, or exactly at the end of a working interval. */
const inWorkingTimeOrAtEnd = (cal: CompiledCalendar, t: number) =>
  isWorkingTime(cal, t) || isWorkingTime(cal, t - 1);

for (const [name, cal] of calendars) {
  describe(`R-NF-01 calendar properties: ${name}`, () => {
    it('adding a working duration and measuring it back gives the same duration', () => {
      fc.assert(
        fc.property(start, minutes, (s, m) => {
          assert.equal(workingTimeBetween(cal, s, addWorkingDuration(cal, s, m)), m);
        }),
        runs,
      );
    });

    it('deadlines are monotonic in the start', () => {
      fc.assert(
        fc.property(start, start, minutes, (a, b, m) => {
          const [s1, s2] = a <= b ? [a, b] : [b, a];
          assert.ok(addWorkingDuration(cal, s1, m) <= addWorkingDuration(cal, s2, m));
        }),
        runs,
      );
    });

    it('deadlines are monotonic in the duration', () => {
      fc.assert(
        fc.property(start, minutes, minutes, (s, a, b) => {
          const [m1, m2] = a <= b ? [a, b] : [b, a];
          assert.ok(addWorkingDuration(cal, s, m1) <= addWorkingDuration(cal, s, m2));
        }),
        runs,
      );
    });

    it('a deadline falls in working time or exactly at the end of a working interval, after the start', () => {
      fc.assert(
        fc.property(start, minutes, (s, m) => {
          const d = addWorkingDuration(cal, s, m);
          assert.ok(d > s);
          assert.ok(inWorkingTimeOrAtEnd(cal, d));
        }),
        runs,
      );
    });

    it('working-day deadlines are monotonic in start and in N, after the start, in working time or at an end', () => {
      fc.assert(
        fc.property(start, start, days, days, (a, b, x, y) => {
          const [s1, s2] = a <= b ? [a, b] : [b, a];
          const [n1, n2] = x <= y ? [x, y] : [y, x];
          const d11 = addWorkingDays(cal, s1, n1);
          assert.ok(d11 <= addWorkingDays(cal, s2, n1));
          assert.ok(d11 <= addWorkingDays(cal, s1, n2));
          assert.ok(d11 > s1);
          assert.ok(inWorkingTimeOrAtEnd(cal, d11));
        }),
        runs,
      );
    });

    it('working time is additive and a non-working span contains none', () => {
      fc.assert(
        fc.property(start, start, start, (a, b, c) => {
          const [x, y, z] = [a, b, c].sort((u, v) => u - v) as [number, number, number];
          // in exact milliseconds (minutes are a float division)
          assert.equal(
            workingMsBetween(cal, x, z),
            workingMsBetween(cal, x, y) + workingMsBetween(cal, y, z),
          );
          const next = nextWorkingInstant(cal, x);
          assert.equal(workingTimeBetween(cal, x, next), 0);
        }),
        runs,
      );
    });
  });
}
