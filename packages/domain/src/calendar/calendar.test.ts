import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getPolicyPreset } from '../policy/index';
import type { CalendarPolicy } from '../policy/index';
import {
  addWorkingDays,
  addWorkingDuration,
  compileCalendar,
  compilePolicyCalendars,
  holidayDataFrom,
  instantToLocal,
  isHolidayYearCovered,
  isWorkingDay,
  isWorkingTime,
  localToInstant,
  missingHolidayYears,
  nextWorkingInstant,
  workingTimeBetween,
  type CompiledCalendar,
} from './index';

const range = { fromYear: 2024, toYear: 2028 };
const appliance = getPolicyPreset('appliance');
const cals = compilePolicyCalendars(appliance, range);
const office = cals.office as CompiledCalendar;
const hotline = cals.hotline as CompiledCalendar;

const at = (cal: CompiledCalendar, local: string) => localToInstant(cal, local);
const show = (cal: CompiledCalendar, t: number) => instantToLocal(cal, t);
const plus = (cal: CompiledCalendar, local: string, minutes: number) =>
  show(cal, addWorkingDuration(cal, at(cal, local), minutes));
const plusDays = (cal: CompiledCalendar, local: string, days: number) =>
  show(cal, addWorkingDays(cal, at(cal, local), days));

describe('China holiday data (chinese-days)', () => {
  it('R-NF-01 covers 2004–2026 and says 2027 is missing', () => {
    assert.equal(isHolidayYearCovered(2004), true);
    assert.equal(isHolidayYearCovered(2026), true);
    assert.equal(isHolidayYearCovered(2027), false);
    assert.deepEqual(missingHolidayYears(2025, 2027), [2027]);
    assert.deepEqual(office.uncoveredHolidayYears, [2027, 2028]);
    assert.deepEqual(hotline.uncoveredHolidayYears, []);
  });

  it('R-NF-01 2027 is treated as ordinary weeks: 2027-01-01 (Friday) is a working day, Saturday is not', () => {
    assert.equal(isWorkingDay(office, '2027-01-01'), true);
    assert.equal(isWorkingDay(office, '2027-01-02'), false);
  });
});

describe('R-NF-01 2026 Spring Festival with make-up Saturdays', () => {
  it('Feb 15–23 are days off; Feb 14 and Feb 28 (Saturdays) are working days', () => {
    for (let d = 15; d <= 23; d++) assert.equal(isWorkingDay(office, `2026-02-${d}`), false, `Feb ${d}`);
    assert.equal(isWorkingDay(office, '2026-02-14'), true);
    assert.equal(isWorkingDay(office, '2026-02-28'), true);
    assert.equal(isWorkingDay(office, '2026-02-24'), true);
    assert.equal(isWorkingDay(office, '2026-02-21'), false);
  });

  it('a make-up Saturday uses Monday hours (08:30–12:00, 13:30–18:00)', () => {
    assert.equal(isWorkingTime(office, at(office, '2026-02-14 09:00')), true);
    assert.equal(isWorkingTime(office, at(office, '2026-02-14 12:30')), false);
    assert.equal(isWorkingTime(office, at(office, '2026-02-07 09:00')), false);
  });

  it('R-IN-06 forwarding (4 working hours) from Friday Feb 13 16:00 ends Saturday Feb 14 10:30', () => {
    assert.equal(plus(office, '2026-02-13 16:00', 240), '2026-02-14 10:30');
  });

  it('R-IN-06 4 working hours from Saturday Feb 14 16:00 skip the whole festival to Feb 24 10:30', () => {
    assert.equal(plus(office, '2026-02-14 16:00', 240), '2026-02-24 10:30');
  });

  it('R-WO-10 3 working days from Friday Feb 13 10:00 is Wednesday Feb 25 10:00 (Feb 14, 24, 25)', () => {
    assert.equal(plusDays(office, '2026-02-13 10:00', 3), '2026-02-25 10:00');
  });

  it('R-FUP-01 3 working days from Thursday Feb 26 15:00 count the make-up Saturday Feb 28: Monday Mar 2 15:00', () => {
    assert.equal(plusDays(office, '2026-02-26 15:00', 3), '2026-03-02 15:00');
  });

  it('February 2026 has 16 working days', () => {
    let n = 0;
    for (let d = 1; d <= 28; d++) if (isWorkingDay(office, `2026-02-${String(d).padStart(2, '0')}`)) n++;
    assert.equal(n, 16);
  });
});

describe('R-NF-01 2026 National Day with make-up days', () => {
  it('Oct 1–7 off; Sep 20 (Sunday) and Oct 10 (Saturday) are working days', () => {
    for (let d = 1; d <= 7; d++) assert.equal(isWorkingDay(office, `2026-10-0${d}`), false);
    assert.equal(isWorkingDay(office, '2026-09-20'), true);
    assert.equal(isWorkingDay(office, '2026-10-10'), true);
    assert.equal(isWorkingDay(office, '2026-10-11'), false);
  });

  it('R-HR-05 5 working days from Sep 29 11:00 are Sep 30, Oct 8, 9, 10, 12 → Oct 12 11:00', () => {
    assert.equal(plusDays(office, '2026-09-29 11:00', 5), '2026-10-12 11:00');
  });

  it('R-IN-06 8 working hours from Sep 30 14:00 end Oct 8 14:00', () => {
    assert.equal(plus(office, '2026-09-30 14:00', 480), '2026-10-08 14:00');
  });
});

describe('lunch break, evenings, weekends', () => {
  it('R-IN-06 a request at 11:00 with 4 working hours skips lunch: 16:30', () => {
    assert.equal(plus(office, '2026-03-02 11:00', 240), '2026-03-02 16:30');
  });

  it('time that runs out exactly at the lunch break ends at 12:00, not 13:30', () => {
    assert.equal(plus(office, '2026-03-02 11:00', 60), '2026-03-02 12:00');
    assert.equal(plus(office, '2026-03-02 11:00', 61), '2026-03-02 13:31');
  });

  it('a request during lunch starts counting at 13:30', () => {
    assert.equal(plus(office, '2026-03-02 12:15', 30), '2026-03-02 14:00');
    assert.equal(
      show(office, nextWorkingInstant(office, at(office, '2026-03-02 12:15'))),
      '2026-03-02 13:30',
    );
  });

  it('R-IN-06 a Friday-evening request (Fri 2026-03-06 19:00) has 4 working hours until Monday 14:00', () => {
    assert.equal(plus(office, '2026-03-06 19:00', 240), '2026-03-09 14:00');
    assert.equal(
      show(office, nextWorkingInstant(office, at(office, '2026-03-06 19:00'))),
      '2026-03-09 08:30',
    );
  });

  it('R-FUP-01 3 working days from Friday evening: counted from Friday 18:00 → Wednesday 18:00', () => {
    assert.equal(plusDays(office, '2026-03-06 19:00', 3), '2026-03-11 18:00');
    assert.equal(plusDays(office, '2026-03-07 10:00', 3), '2026-03-11 18:00');
    assert.equal(plusDays(office, '2026-03-09 07:00', 3), '2026-03-11 18:00');
    assert.equal(plusDays(office, '2026-03-09 08:31', 3), '2026-03-12 08:31');
  });

  it('N working days from inside the lunch break counts from 12:00', () => {
    assert.equal(plusDays(office, '2026-03-02 12:40', 1), '2026-03-03 12:00');
  });

  it('working time between two instants skips nights, lunch and weekends', () => {
    assert.equal(
      workingTimeBetween(office, at(office, '2026-03-06 17:00'), at(office, '2026-03-09 09:30')),
      120,
    );
    assert.equal(
      workingTimeBetween(office, at(office, '2026-03-02 08:30'), at(office, '2026-03-02 18:00')),
      480,
    );
    assert.equal(
      workingTimeBetween(office, at(office, '2026-03-02 12:00'), at(office, '2026-03-02 13:30')),
      0,
    );
  });

  it('year end: Dec 31 2025 17:00 + 2 working hours skips New Year holiday (Jan 1–3) and Sunday → Jan 4 09:30 (make-up Sunday)', () => {
    assert.equal(plus(office, '2025-12-31 17:00', 120), '2026-01-04 09:30');
  });

  it('year end into 2027 (no holiday data): Dec 31 2026 17:00 + 2 h → Jan 1 2027 09:30', () => {
    assert.equal(plus(office, '2026-12-31 17:00', 120), '2027-01-01 09:30');
  });
});

describe('R-IN-04 a 24×7 hotline', () => {
  it('counts every hour, across midnight, weekends and holidays', () => {
    assert.equal(plus(hotline, '2026-02-16 22:00', 240), '2026-02-17 02:00');
    assert.equal(plus(hotline, '2026-10-01 00:00', 1440), '2026-10-02 00:00');
    assert.equal(isWorkingTime(hotline, at(hotline, '2026-02-17 03:00')), true);
  });

  it('working days on a 24×7 calendar are calendar days', () => {
    assert.equal(plusDays(hotline, '2026-02-16 22:00', 3), '2026-02-19 22:00');
  });
});

describe('R-NF-01 a tenant in another time zone (Europe/Berlin, with daylight saving)', () => {
  const spec: CalendarPolicy = {
    ...(appliance.calendars.office as CalendarPolicy),
    followChinaHolidays: false,
  };
  const berlin = compileCalendar(spec, { timeZone: 'Europe/Berlin', ...range });
  const allDay = compileCalendar(appliance.calendars.hotline as CalendarPolicy, {
    timeZone: 'Europe/Berlin',
    ...range,
  });

  it('working hours are read in the tenant zone: 08:30 Berlin is 07:30 UTC in winter, 06:30 in summer', () => {
    assert.equal(new Date(at(berlin, '2026-03-02 08:30')).toISOString(), '2026-03-02T07:30:00.000Z');
    assert.equal(new Date(at(berlin, '2026-07-01 08:30')).toISOString(), '2026-07-01T06:30:00.000Z');
  });

  it('a deadline across the spring change (Mar 29 2026) keeps local office hours', () => {
    assert.equal(plus(berlin, '2026-03-27 17:00', 120), '2026-03-30 09:30');
    assert.equal(
      new Date(addWorkingDuration(berlin, at(berlin, '2026-03-27 17:00'), 120)).toISOString(),
      '2026-03-30T07:30:00.000Z',
    );
  });

  it('China holidays do not apply when the calendar does not follow them', () => {
    assert.equal(isWorkingDay(berlin, '2026-10-01'), true);
  });

  it('a 24×7 day has 23 hours on the spring change and 25 on the autumn change', () => {
    assert.equal(
      workingTimeBetween(allDay, at(allDay, '2026-03-29 00:00'), at(allDay, '2026-03-30 00:00')),
      23 * 60,
    );
    assert.equal(
      workingTimeBetween(allDay, at(allDay, '2026-10-25 00:00'), at(allDay, '2026-10-26 00:00')),
      25 * 60,
    );
  });

  it('Shanghai and Berlin tenants answer the same UTC instant differently', () => {
    const t = Date.UTC(2026, 2, 2, 2, 0); // 10:00 Shanghai, 03:00 Berlin
    assert.equal(isWorkingTime(office, t), true);
    assert.equal(isWorkingTime(berlin, t), false);
  });
});

describe('tenant closures and extra working days', () => {
  const spec: CalendarPolicy = {
    ...(appliance.calendars.office as CalendarPolicy),
    closures: [{ from: '2026-03-02', to: '2026-03-03', reason: 'stocktaking' }],
    extraWorkingDays: ['2026-03-08'],
  };
  const cal = compileCalendar(spec, { timeZone: 'Asia/Shanghai', ...range });

  it('a closure removes working days, an extra day (Sunday) adds one with Monday hours', () => {
    assert.equal(isWorkingDay(cal, '2026-03-02'), false);
    assert.equal(isWorkingDay(cal, '2026-03-03'), false);
    assert.equal(isWorkingDay(cal, '2026-03-08'), true);
    assert.equal(plus(cal, '2026-02-28 17:00', 120), '2026-03-04 09:30');
    assert.equal(plus(cal, '2026-03-06 17:00', 120), '2026-03-08 09:30');
  });

  it('holiday data can come from a table instead of chinese-days', () => {
    const data = holidayDataFrom({
      holidays: ['2027-02-08'],
      makeUpWorkdays: ['2027-02-06'],
      coveredYears: [2027],
    });
    const c = compileCalendar(appliance.calendars.office as CalendarPolicy, {
      timeZone: 'Asia/Shanghai',
      holidays: data,
      fromYear: 2027,
      toYear: 2027,
    });
    assert.equal(isWorkingDay(c, '2027-02-08'), false);
    assert.equal(isWorkingDay(c, '2027-02-06'), true);
    assert.deepEqual(c.uncoveredHolidayYears, []);
  });
});

describe('range and input errors', () => {
  it('an instant outside the compiled years is refused with a coded error', () => {
    assert.throws(
      () => addWorkingDuration(office, Date.UTC(2030, 0, 1), 60),
      (e: unknown) => (e as { code?: string }).code === 'CALENDAR_OUT_OF_RANGE',
    );
  });

  it('a negative duration is refused', () => {
    assert.throws(() => addWorkingDuration(office, at(office, '2026-03-02 09:00'), -1), /negative/);
  });

  it('a calendar without working time is refused', () => {
    const none = { ...(appliance.calendars.office as CalendarPolicy) };
    none.weeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    assert.throws(() => compileCalendar(none, { timeZone: 'Asia/Shanghai', ...range }), /no working time/);
  });
});
