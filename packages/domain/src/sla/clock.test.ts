import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DomainError } from '../shared/errors';
import { getPolicyPreset, type PauseReason, type SlaEvent } from '../policy/index';
import {
  compilePolicyCalendars,
  instantToLocal,
  isWorkingTime,
  localToInstant,
  nextWorkingInstant,
  type CompiledCalendar,
} from '../calendar/index';
import {
  decide,
  dueAlerts,
  evaluateClock,
  handle,
  nextAlertAt,
  onSiteTargetKeyByDistance,
  onSiteTargetKeyByZone,
  responseTargetKey,
  slaTarget,
  targetDeadline,
  targetsStartedBy,
  type SlaClock,
  type SlaClockCommand,
} from './index';

const policy = getPolicyPreset('appliance');
const calendars = compilePolicyCalendars(policy, { fromYear: 2024, toYear: 2028 });
const office = calendars.office as CompiledCalendar;
const at = (local: string) => localToInstant(office, local);
const show = (t: number) => instantToLocal(office, t);

/** Runs commands from nothing; fails the test on any error. */
function run(...commands: SlaClockCommand[]): SlaClock {
  let clock: SlaClock | null = null;
  for (const c of commands) {
    const r = handle(c, clock, calendars);
    if (r instanceof DomainError) throw r;
    clock = r.clock;
  }
  assert.ok(clock);
  return clock;
}

const start = (key: string, local: string, clockId = 'c1'): SlaClockCommand => ({
  type: 'start',
  clockId,
  targetKey: key,
  target: slaTarget(policy, key),
  now: at(local),
});
const pause = (local: string, reason: PauseReason = 'waiting_customer'): SlaClockCommand => ({
  type: 'pause',
  reason,
  now: at(local),
});
const resume = (local: string): SlaClockCommand => ({ type: 'resume', now: at(local) });
const stop = (local: string, event: SlaEvent): SlaClockCommand => ({ type: 'stop', event, now: at(local) });

describe('SLA targets from the policy', () => {
  it('R-IN-04 an urgent request must be answered within 4 h, around the clock', () => {
    const key = responseTargetKey(policy, 'urgent');
    const c = run(start(key, '2026-02-17 22:30'));
    assert.equal(show(c.deadline), '2026-02-18 02:30');
  });

  it('R-IN-05 initial review within 24 h', () => {
    assert.equal(
      show(run(start(policy.intake.reviewTarget, '2026-03-06 19:00')).deadline),
      '2026-03-07 19:00',
    );
  });

  it('R-IN-06 forwarding within 4 working hours: Friday evening → Monday 14:00', () => {
    assert.equal(
      show(run(start(policy.intake.forwardTarget, '2026-03-06 19:00')).deadline),
      '2026-03-09 14:00',
    );
  });

  it('R-IN-06 vehicle consultation answered within 8 working hours', () => {
    const v = getPolicyPreset('vehicle');
    const vc = compilePolicyCalendars(v, { fromYear: 2025, toYear: 2027 });
    const t = slaTarget(v, v.intake.consultationAnswerTarget);
    const d = targetDeadline(t, vc, localToInstant(vc.office as CompiledCalendar, '2026-03-02 10:00'));
    // vehicle office hours 08:00–12:00, 13:00–17:00: 2 h Monday morning + 4 h afternoon + 2 h Tuesday
    assert.equal(instantToLocal(vc.office as CompiledCalendar, d), '2026-03-03 10:00');
  });

  it('R-IN-07 furniture store hand-off: call back within 30 working minutes, across lunch', () => {
    const f = getPolicyPreset('furniture');
    const fc2 = compilePolicyCalendars(f, { fromYear: 2025, toYear: 2027 });
    const cal = fc2.office as CompiledCalendar;
    const d = targetDeadline(
      slaTarget(f, f.intake.storeHandoffCallbackTarget),
      fc2,
      localToInstant(cal, '2026-03-02 11:50'),
    );
    assert.equal(instantToLocal(cal, d), '2026-03-02 13:50');
  });

  it('R-WAR-01 assessment within 48 h', () => {
    assert.equal(
      show(run(start(policy.workOrder.assessmentTarget, '2026-02-14 09:00')).deadline),
      '2026-02-16 09:00',
    );
  });

  it('R-WO-03 on site 4 h in town and 6 h in the suburbs after the booked time', () => {
    assert.equal(
      show(run(start(onSiteTargetKeyByZone(policy, 'urban'), '2026-03-02 09:00')).deadline),
      '2026-03-02 13:00',
    );
    assert.equal(
      show(run(start(onSiteTargetKeyByZone(policy, 'suburban'), '2026-03-02 09:00')).deadline),
      '2026-03-02 15:00',
    );
  });

  it('R-WO-03 by distance: 300 km → 24 h, 301 km → 48 h, 1000 km → 48 h, 1001 km → 72 h', () => {
    const hours = (km: number) => {
      const t = slaTarget(policy, onSiteTargetKeyByDistance(policy, km));
      return t.basis === 'clock_minutes' ? t.minutes / 60 : NaN;
    };
    assert.deepEqual([hours(0), hours(300), hours(301), hours(1000), hours(1001)], [24, 24, 48, 48, 72]);
  });

  it('R-IN-09 a received request starts the response, review, consultation and forwarding targets', () => {
    assert.deepEqual(targetsStartedBy(policy, 'request.received').sort(), [
      'consultation.answer',
      'request.forward',
      'request.review',
      'response.low',
      'response.normal',
      'response.urgent',
    ]);
    assert.deepEqual(targetsStartedBy(policy, 'work_order.completed'), ['follow_up.call']);
  });

  it('R-WO-03 out-of-warranty departure within 24 h of the fee confirmation', () => {
    const c = run(start(policy.workOrder.outOfWarrantyDepartureTarget, '2026-03-02 16:00'));
    assert.equal(show(c.deadline), '2026-03-03 16:00');
    assert.deepEqual(c.stopOn, ['visit.departed']);
  });

  it('R-WO-10 a complex fault gets a solution within 3 working days (over the Spring Festival)', () => {
    assert.equal(
      show(run(start(policy.workOrder.complexFaultSolutionTarget, '2026-02-13 10:00')).deadline),
      '2026-02-25 10:00',
    );
  });

  it('R-FUP-01 follow-up within 3 working days of completion, counting the make-up Saturday', () => {
    assert.equal(
      show(run(start(policy.followUp.callTarget, '2026-02-26 15:00')).deadline),
      '2026-03-02 15:00',
    );
  });

  it('R-WO-11 trip report within 3 working days; R-HR-05 expense audit within 5 working days', () => {
    assert.equal(
      show(run(start(policy.workOrder.tripReportTarget, '2026-09-29 11:00')).deadline),
      '2026-10-09 11:00',
    );
    assert.equal(
      show(run(start(policy.hr.expenseAuditTarget, '2026-09-29 11:00')).deadline),
      '2026-10-12 11:00',
    );
  });
});

describe('SLA clock life', () => {
  it('R-WO-10 pausing for parts extends the deadline by the working time paused', () => {
    // forwarding has no pause reasons; the complex-fault solution pauses on waiting_parts
    const key = policy.workOrder.complexFaultSolutionTarget;
    const c = run(
      start(key, '2026-03-02 10:00'),
      pause('2026-03-02 11:00', 'waiting_parts'),
      resume('2026-03-03 11:00'), // Mon 11:00–18:00 less lunch = 5.5 h, Tue 08:30–11:00 = 2.5 h → 8 h
    );
    assert.equal(c.pausedMs, 8 * 60 * 60_000);
    assert.equal(show(c.baseDeadline), '2026-03-05 10:00');
    assert.equal(show(c.deadline), '2026-03-06 10:00');
  });

  it('a pause reason the target does not pause on changes nothing', () => {
    const key = policy.intake.forwardTarget;
    const first = run(start(key, '2026-03-02 09:00'));
    const r = decide(pause('2026-03-02 09:30', 'waiting_customer'), first, calendars);
    assert.deepEqual(r, []);
  });

  it('a clock stopped before its deadline is met; after it, breached', () => {
    const key = policy.intake.forwardTarget;
    const met = run(start(key, '2026-03-02 09:00'), stop('2026-03-02 14:00', 'request.forwarded'));
    assert.equal(evaluateClock(met, calendars, at('2026-03-05 09:00')).state, 'met');
    const late = run(start(key, '2026-03-02 09:00'), stop('2026-03-02 14:31', 'request.forwarded'));
    assert.equal(late.outcome, 'breached');
    assert.equal(evaluateClock(late, calendars, at('2026-03-05 09:00')).state, 'breached');
  });

  it('a stop event the target does not stop on changes nothing', () => {
    const c = run(start(policy.intake.forwardTarget, '2026-03-02 09:00'));
    assert.deepEqual(decide(stop('2026-03-02 10:00', 'visit.arrived'), c, calendars), []);
  });

  it('evaluation: remaining working minutes, used share, at risk at 75 %, breached after the deadline', () => {
    const c = run(start(policy.intake.forwardTarget, '2026-03-02 09:00')); // 3 h before lunch + 1 h → 14:30
    assert.equal(show(c.deadline), '2026-03-02 14:30');
    const e1 = evaluateClock(c, calendars, at('2026-03-02 11:00'));
    assert.deepEqual(
      [e1.state, e1.remainingMinutes, e1.usedShareBp, e1.atRisk],
      ['running', 120, 5000, false],
    );
    const lunch = evaluateClock(c, calendars, at('2026-03-02 12:30'));
    assert.deepEqual([lunch.remainingMinutes, lunch.usedShareBp, lunch.atRisk], [60, 7500, true]);
    const e2 = evaluateClock(c, calendars, at('2026-03-02 14:00'));
    assert.deepEqual([e2.remainingMinutes, e2.usedShareBp, e2.atRisk], [30, 8750, true]);
    const e3 = evaluateClock(c, calendars, at('2026-03-02 14:40'));
    assert.deepEqual([e3.state, e3.breached, e3.remainingMinutes, e3.atRisk], ['breached', true, -10, false]);
  });

  it('a deadline at the end of Friday is breached on Saturday even though no working time passed', () => {
    const c = run(start(policy.intake.forwardTarget, '2026-03-06 14:00')); // 4 working hours → Fri 18:00
    assert.equal(show(c.deadline), '2026-03-06 18:00');
    const e = evaluateClock(c, calendars, at('2026-03-07 10:00'));
    assert.deepEqual([e.state, e.remainingMinutes], ['breached', 0]);
  });

  it('while paused the clock shows the deadline it would have if resumed now, and cannot breach', () => {
    const key = policy.workOrder.complexFaultSolutionTarget;
    const c = run(start(key, '2026-03-02 10:00'), pause('2026-03-02 11:00', 'waiting_parts'));
    const e = evaluateClock(c, calendars, at('2026-03-20 09:00'));
    assert.equal(e.state, 'paused');
    assert.equal(e.breached, false);
    assert.equal(e.remainingMinutes, 3 * 480 - 60);
    assert.ok(e.deadline > at('2026-03-20 09:00'));
  });

  it('errors are coded: double start, resume without pause, pause after the deadline, commands on a closed clock', () => {
    const key = policy.workOrder.complexFaultSolutionTarget;
    const c = run(start(key, '2026-03-02 10:00'));
    const code = (r: unknown) => (r instanceof DomainError ? r.code : 'no error');
    assert.equal(code(decide(start(key, '2026-03-02 10:00'), c, calendars)), 'SLA_CLOCK_ALREADY_STARTED');
    assert.equal(code(decide(resume('2026-03-02 11:00'), c, calendars)), 'SLA_CLOCK_NOT_PAUSED');
    assert.equal(
      code(decide(pause('2026-03-09 11:00', 'waiting_parts'), c, calendars)),
      'SLA_CLOCK_BREACHED',
    );
    assert.equal(code(decide(resume('2026-03-02 11:00'), null, calendars)), 'SLA_CLOCK_NOT_STARTED');
    const far: SlaClockCommand = {
      type: 'start',
      clockId: 'x',
      targetKey: key,
      target: slaTarget(policy, key),
      now: Date.UTC(2031, 0, 1),
    };
    assert.equal(code(decide(far, null, calendars)), 'CALENDAR_OUT_OF_RANGE');
    const done = run(start(key, '2026-03-02 10:00'), stop('2026-03-02 11:00', 'solution.proposed'));
    assert.equal(
      code(decide(stop('2026-03-02 12:00', 'solution.proposed'), done, calendars)),
      'SLA_CLOCK_CLOSED',
    );
    assert.equal(
      code(decide({ type: 'cancel', reason: 'x', now: at('2026-03-02 12:00') }, done, calendars)),
      'SLA_CLOCK_CLOSED',
    );
  });
});

describe('R-HR-04 the watcher records warnings and breaches exactly once', () => {
  it('warning at 75 %, then breach, each once', () => {
    let c = run(start(policy.intake.forwardTarget, '2026-03-02 09:00')); // 240 working min → 14:30
    assert.equal(show(nextAlertAt(c, calendars) as number), '2026-03-02 12:00'); // 180 working min in
    assert.deepEqual(dueAlerts(c, calendars, at('2026-03-02 11:59')), []);
    const r1 = handle({ type: 'record_alerts', now: at('2026-03-02 12:01') }, c, calendars);
    assert.ok(!(r1 instanceof DomainError));
    assert.deepEqual(
      r1.events.map((e) => e.type),
      ['sla.warning_recorded'],
    );
    c = r1.clock as SlaClock;
    assert.deepEqual(dueAlerts(c, calendars, at('2026-03-02 14:30')), []);
    assert.equal(nextAlertAt(c, calendars), c.deadline + 1);
    const r2 = handle({ type: 'record_alerts', now: at('2026-03-02 15:00') }, c, calendars);
    assert.ok(!(r2 instanceof DomainError));
    assert.deepEqual(
      r2.events.map((e) => e.type),
      ['sla.breach_recorded'],
    );
    c = r2.clock as SlaClock;
    assert.deepEqual(dueAlerts(c, calendars, at('2026-03-03 15:00')), []);
    assert.equal(nextAlertAt(c, calendars), null);
  });

  it('a watcher that was down records both the warning and the breach at once', () => {
    const c = run(start(policy.intake.forwardTarget, '2026-03-02 09:00'));
    assert.deepEqual(
      dueAlerts(c, calendars, at('2026-03-04 09:00')).map((e) => e.type),
      ['sla.warning_recorded', 'sla.breach_recorded'],
    );
  });

  it('a stopped clock has nothing due', () => {
    const c = run(
      start(policy.intake.forwardTarget, '2026-03-02 09:00'),
      stop('2026-03-02 10:00', 'request.forwarded'),
    );
    assert.deepEqual(dueAlerts(c, calendars, at('2026-03-04 09:00')), []);
  });
});

describe('SLA clock properties', () => {
  const startArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 1) });
  const offsetArb = fc.integer({ min: 0, max: 20 * 24 * 60 * 60_000 });

  it('R-NF-01 pausing for a span that is entirely non-working time changes nothing', () => {
    const key = policy.workOrder.complexFaultSolutionTarget;
    fc.assert(
      fc.property(startArb, offsetArb, fc.integer({ min: 1, max: 3 * 24 * 60 }), (s, off, spanMin) => {
        const c0 = run({
          type: 'start',
          clockId: 'p',
          targetKey: key,
          target: slaTarget(policy, key),
          now: s,
        });
        // a pause beginning at a non-working instant, resumed before the next working time
        const p0 = s + off;
        if (isWorkingTime(office, p0) || p0 > c0.deadline) return;
        const next = nextWorkingInstant(office, p0);
        const r = Math.min(p0 + spanMin * 60_000, next);
        const paused = handle({ type: 'pause', reason: 'waiting_parts', now: p0 }, c0, calendars);
        if (paused instanceof DomainError) throw paused;
        const resumed = handle({ type: 'resume', now: r }, paused.clock, calendars);
        if (resumed instanceof DomainError) throw resumed;
        assert.equal(resumed.clock?.deadline, c0.deadline);
      }),
      { numRuns: 300 },
    );
  });

  it('pausing never shortens a deadline, and the deadline grows by exactly the working time paused', () => {
    const key = policy.workOrder.complexFaultSolutionTarget;
    fc.assert(
      fc.property(startArb, offsetArb, offsetArb, (s, a, b) => {
        const c0 = run({
          type: 'start',
          clockId: 'p',
          targetKey: key,
          target: slaTarget(policy, key),
          now: s,
        });
        const p0 = s + Math.min(a, b);
        if (p0 > c0.deadline) return;
        const r = s + Math.max(a, b);
        const c = run(
          { type: 'start', clockId: 'p', targetKey: key, target: slaTarget(policy, key), now: s },
          { type: 'pause', reason: 'waiting_parts', now: p0 },
          { type: 'resume', now: r },
        );
        assert.ok(c.deadline >= c0.deadline);
        const e0 = evaluateClock(c0, calendars, c0.deadline);
        const e1 = evaluateClock(c, calendars, c.deadline);
        assert.equal(e0.remainingMs, 0);
        assert.equal(e1.remainingMs, 0);
      }),
      { numRuns: 300 },
    );
  });
});
