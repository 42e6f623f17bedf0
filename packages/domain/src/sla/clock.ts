import { assertNever, DomainError } from '../shared/errors';
import type { PauseReason, SlaEvent, SlaTarget } from '../policy/schema';
import {
  addWorkingDays,
  addWorkingMs,
  workingMsBetween,
  type CompiledCalendar,
  type Instant,
} from '../calendar/calendar';

const MINUTE = 60_000;

/** Compiled calendars of a tenant by name (see compilePolicyCalendars). */
export type SlaCalendars = Readonly<Record<string, CompiledCalendar>>;

/**
 * An SLA clock (时效): a value. The target's numbers are copied in at start, so editing the
 * policy later never moves a running clock. `budgetMs` is measured on the clock's time axis:
 * working time of its calendar, or elapsed time for `clock_minutes`.
 */
export interface SlaClock {
  readonly clockId: string;
  readonly targetKey: string;
  readonly basis: SlaTarget['basis'];
  readonly calendar: string | null;
  readonly startedAt: Instant;
  readonly budgetMs: number;
  /** The deadline without pauses. */
  readonly baseDeadline: Instant;
  /** The current deadline: baseDeadline extended by the axis time spent paused. */
  readonly deadline: Instant;
  /** Axis time spent in finished pauses. */
  readonly pausedMs: number;
  readonly pauseOn: readonly PauseReason[];
  readonly stopOn: readonly SlaEvent[];
  readonly warningShareBp: number;
  readonly status: 'running' | 'paused' | 'stopped' | 'cancelled';
  readonly pause: { readonly at: Instant; readonly reason: PauseReason } | null;
  readonly stoppedAt: Instant | null;
  readonly outcome: 'met' | 'breached' | null;
  readonly warningRecordedAt: Instant | null;
  readonly breachRecordedAt: Instant | null;
}

export type SlaClockEvent =
  | {
      type: 'sla.started';
      clockId: string;
      targetKey: string;
      at: Instant;
      basis: SlaTarget['basis'];
      calendar: string | null;
      budgetMs: number;
      deadline: Instant;
      pauseOn: PauseReason[];
      stopOn: SlaEvent[];
      warningShareBp: number;
    }
  | { type: 'sla.paused'; clockId: string; at: Instant; reason: PauseReason }
  | { type: 'sla.resumed'; clockId: string; at: Instant; pausedMs: number; deadline: Instant }
  | {
      type: 'sla.stopped';
      clockId: string;
      at: Instant;
      by: SlaEvent;
      outcome: 'met' | 'breached';
      deadline: Instant;
      pausedMs: number;
    }
  | { type: 'sla.cancelled'; clockId: string; at: Instant; reason: string }
  | { type: 'sla.warning_recorded'; clockId: string; at: Instant; dueAt: Instant; usedShareBp: number }
  | { type: 'sla.breach_recorded'; clockId: string; at: Instant; deadline: Instant };

export type SlaClockCommand =
  | { type: 'start'; clockId: string; targetKey: string; target: SlaTarget; now: Instant }
  | { type: 'pause'; reason: PauseReason; now: Instant }
  | { type: 'resume'; now: Instant }
  | { type: 'stop'; event: SlaEvent; now: Instant }
  | { type: 'cancel'; reason: string; now: Instant }
  | { type: 'record_alerts'; now: Instant };

/** Time arithmetic on a clock's axis, in milliseconds. */
interface Axis {
  add(t: Instant, ms: number): Instant;
  between(a: Instant, b: Instant): number;
}

const elapsed: Axis = { add: (t, ms) => t + ms, between: (a, b) => b - a };

function calendarOf(calendars: SlaCalendars, name: string): CompiledCalendar {
  const cal = calendars[name];
  if (!cal)
    throw new DomainError('SLA_CALENDAR_UNKNOWN', `Unknown calendar "${name}"`, { field: 'calendar' });
  return cal;
}

function axisOf(calendar: string | null, calendars: SlaCalendars): Axis {
  if (calendar === null) return elapsed;
  const cal = calendarOf(calendars, calendar);
  return { add: (t, ms) => addWorkingMs(cal, t, ms), between: (a, b) => workingMsBetween(cal, a, b) };
}

/** The plain deadline of a target started at `start` (no pauses). */
export function targetDeadline(target: SlaTarget, calendars: SlaCalendars, start: Instant): Instant {
  switch (target.basis) {
    case 'clock_minutes':
      return start + target.minutes * MINUTE;
    case 'working_minutes':
      return addWorkingMs(calendarOf(calendars, target.calendar), start, target.minutes * MINUTE);
    case 'working_days':
      return addWorkingDays(calendarOf(calendars, target.calendar), start, target.days);
    default:
      return assertNever(target);
  }
}

function deadlineAfterPauses(axis: Axis, baseDeadline: Instant, pausedMs: number): Instant {
  return pausedMs > 0 ? axis.add(baseDeadline, pausedMs) : baseDeadline;
}

export interface ClockEvaluation {
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  /** Current deadline; while paused, the deadline if the clock resumed now. */
  deadline: Instant;
  /** Axis time left (working minutes on a calendar, elapsed minutes otherwise); negative when overdue. */
  remainingMinutes: number;
  remainingMs: number;
  /** Share of the budget used, in basis points (may exceed 10000). */
  usedShareBp: number;
  /** Used share ≥ the warning share, and not yet met or breached. */
  atRisk: boolean;
  breached: boolean;
}

/**
 * Where a clock stands at `now`. Breach means the deadline has passed (now > deadline) while
 * running, or the clock was stopped after its deadline. A paused clock cannot breach.
 */
export function evaluateClock(clock: SlaClock, calendars: SlaCalendars, now: Instant): ClockEvaluation {
  const axis = axisOf(clock.calendar, calendars);
  let until: Instant;
  let deadline = clock.deadline;
  switch (clock.status) {
    case 'running':
      until = now;
      break;
    case 'paused': {
      const pausedAt = clock.pause?.at ?? now;
      until = pausedAt;
      const pausedSoFar = Math.max(0, axis.between(pausedAt, now));
      deadline = deadlineAfterPauses(axis, clock.baseDeadline, clock.pausedMs + pausedSoFar);
      break;
    }
    case 'stopped':
    case 'cancelled':
      until = clock.stoppedAt ?? now;
      break;
    default:
      return assertNever(clock.status);
  }
  const usedMs = Math.max(0, axis.between(clock.startedAt, until) - clock.pausedMs);
  const remainingMs = clock.budgetMs - usedMs;
  const usedShareBp = Math.floor((usedMs * 10_000) / clock.budgetMs);
  let state: ClockEvaluation['state'];
  if (clock.status === 'cancelled') state = 'cancelled';
  else if (clock.status === 'stopped') state = clock.outcome === 'breached' ? 'breached' : 'met';
  else if (clock.status === 'running' && now > clock.deadline) state = 'breached';
  else state = clock.status;
  const breached = state === 'breached';
  return {
    state,
    deadline,
    remainingMs,
    remainingMinutes: Math.trunc(remainingMs / MINUTE),
    usedShareBp,
    atRisk: (state === 'running' || state === 'paused') && usedShareBp >= clock.warningShareBp,
    breached,
  };
}

/** The instant at which the warning share is reached (running clock, no further pauses). */
function warningDueAt(clock: SlaClock, axis: Axis): Instant {
  const warnMs = Math.ceil((clock.budgetMs * clock.warningShareBp) / 10_000);
  return axis.add(clock.startedAt, warnMs + clock.pausedMs);
}

/**
 * The warning and breach events that are due at `now` and not yet recorded, so that a watcher
 * job records each exactly once (the events set warningRecordedAt / breachRecordedAt).
 */
export function dueAlerts(clock: SlaClock, calendars: SlaCalendars, now: Instant): SlaClockEvent[] {
  if (clock.status !== 'running' && clock.status !== 'paused') return [];
  const axis = axisOf(clock.calendar, calendars);
  const ev = evaluateClock(clock, calendars, now);
  const out: SlaClockEvent[] = [];
  if (clock.warningRecordedAt === null && ev.usedShareBp >= clock.warningShareBp) {
    const dueAt = clock.status === 'running' ? warningDueAt(clock, axis) : (clock.pause?.at ?? now);
    out.push({
      type: 'sla.warning_recorded',
      clockId: clock.clockId,
      at: now,
      dueAt,
      usedShareBp: ev.usedShareBp,
    });
  }
  if (clock.breachRecordedAt === null && ev.breached) {
    out.push({ type: 'sla.breach_recorded', clockId: clock.clockId, at: now, deadline: clock.deadline });
  }
  return out;
}

/** When a watcher should look at this clock next (warning or breach), or null if nothing can fall due. */
export function nextAlertAt(clock: SlaClock, calendars: SlaCalendars): Instant | null {
  if (clock.status !== 'running') return null;
  if (clock.warningRecordedAt === null) return warningDueAt(clock, axisOf(clock.calendar, calendars));
  if (clock.breachRecordedAt === null) return clock.deadline + 1;
  return null;
}

const err = (code: string, message: string) => new DomainError(code, message);

/**
 * Decides a command against a clock (null before it starts): the events, or a coded error.
 * A pause reason the target does not pause on, or a stop event it does not stop on, yields no
 * events, so an application may send every order event to every clock of the order.
 */
export function decide(
  command: SlaClockCommand,
  clock: SlaClock | null,
  calendars: SlaCalendars,
): SlaClockEvent[] | DomainError {
  try {
    return decideOrThrow(command, clock, calendars);
  } catch (e) {
    if (e instanceof DomainError) return e; // e.g. CALENDAR_OUT_OF_RANGE from the calendar
    throw e;
  }
}

function decideOrThrow(
  command: SlaClockCommand,
  clock: SlaClock | null,
  calendars: SlaCalendars,
): SlaClockEvent[] | DomainError {
  if (command.type === 'start') {
    if (clock !== null) return err('SLA_CLOCK_ALREADY_STARTED', `Clock ${clock.clockId} is already started`);
    const t = command.target;
    const calendar = t.basis === 'clock_minutes' ? null : t.calendar;
    if (calendar !== null && !calendars[calendar])
      return err('SLA_CALENDAR_UNKNOWN', `Unknown calendar "${calendar}"`);
    const deadline = targetDeadline(t, calendars, command.now);
    const budgetMs = axisOf(calendar, calendars).between(command.now, deadline);
    if (!(budgetMs > 0)) return err('SLA_TARGET_EMPTY', `Target ${command.targetKey} gives no time`);
    return [
      {
        type: 'sla.started',
        clockId: command.clockId,
        targetKey: command.targetKey,
        at: command.now,
        basis: t.basis,
        calendar,
        budgetMs,
        deadline,
        pauseOn: [...t.pauseOn],
        stopOn: [...t.stop],
        warningShareBp: t.warningShareBp,
      },
    ];
  }
  if (clock === null) return err('SLA_CLOCK_NOT_STARTED', 'The clock has not been started');
  const { clockId } = clock;
  const open = clock.status === 'running' || clock.status === 'paused';
  switch (command.type) {
    case 'pause':
      if (!clock.pauseOn.includes(command.reason)) return [];
      if (clock.status === 'paused') return err('SLA_CLOCK_PAUSED', `Clock ${clockId} is already paused`);
      if (clock.status !== 'running') return err('SLA_CLOCK_CLOSED', `Clock ${clockId} is closed`);
      if (command.now < clock.startedAt) return err('SLA_TIME_INVALID', 'A pause cannot precede the start');
      if (command.now > clock.deadline) {
        return err('SLA_CLOCK_BREACHED', `Clock ${clockId} is past its deadline and cannot be paused`);
      }
      return [{ type: 'sla.paused', clockId, at: command.now, reason: command.reason }];
    case 'resume': {
      if (clock.status !== 'paused' || clock.pause === null)
        return err('SLA_CLOCK_NOT_PAUSED', `Clock ${clockId} is not paused`);
      if (command.now < clock.pause.at) return err('SLA_TIME_INVALID', 'A resume cannot precede its pause');
      const axis = axisOf(clock.calendar, calendars);
      const pausedMs = clock.pausedMs + axis.between(clock.pause.at, command.now);
      const deadline = deadlineAfterPauses(axis, clock.baseDeadline, pausedMs);
      return [{ type: 'sla.resumed', clockId, at: command.now, pausedMs, deadline }];
    }
    case 'stop': {
      if (!clock.stopOn.includes(command.event)) return [];
      if (!open) return err('SLA_CLOCK_CLOSED', `Clock ${clockId} is closed`);
      const ev = evaluateClock(clock, calendars, command.now);
      const outcome = clock.status === 'running' && command.now > clock.deadline ? 'breached' : 'met';
      const pausedMs =
        clock.pause === null
          ? clock.pausedMs
          : clock.pausedMs + axisOf(clock.calendar, calendars).between(clock.pause.at, command.now);
      return [
        {
          type: 'sla.stopped',
          clockId,
          at: command.now,
          by: command.event,
          outcome,
          deadline: ev.deadline,
          pausedMs,
        },
      ];
    }
    case 'cancel':
      if (!open) return err('SLA_CLOCK_CLOSED', `Clock ${clockId} is closed`);
      return [{ type: 'sla.cancelled', clockId, at: command.now, reason: command.reason }];
    case 'record_alerts':
      return dueAlerts(clock, calendars, command.now);
    default:
      return assertNever(command);
  }
}

/** Applies one event to a clock (null before `sla.started`). */
export function evolve(clock: SlaClock | null, event: SlaClockEvent): SlaClock {
  if (event.type === 'sla.started') {
    return {
      clockId: event.clockId,
      targetKey: event.targetKey,
      basis: event.basis,
      calendar: event.calendar,
      startedAt: event.at,
      budgetMs: event.budgetMs,
      baseDeadline: event.deadline,
      deadline: event.deadline,
      pausedMs: 0,
      pauseOn: event.pauseOn,
      stopOn: event.stopOn,
      warningShareBp: event.warningShareBp,
      status: 'running',
      pause: null,
      stoppedAt: null,
      outcome: null,
      warningRecordedAt: null,
      breachRecordedAt: null,
    };
  }
  if (clock === null)
    throw new DomainError('SLA_CLOCK_NOT_STARTED', `Event ${event.type} before sla.started`);
  switch (event.type) {
    case 'sla.paused':
      return { ...clock, status: 'paused', pause: { at: event.at, reason: event.reason } };
    case 'sla.resumed':
      return { ...clock, status: 'running', pause: null, pausedMs: event.pausedMs, deadline: event.deadline };
    case 'sla.stopped':
      return {
        ...clock,
        status: 'stopped',
        pause: null,
        stoppedAt: event.at,
        outcome: event.outcome,
        deadline: event.deadline,
        pausedMs: event.pausedMs,
      };
    case 'sla.cancelled':
      return { ...clock, status: 'cancelled', pause: null, stoppedAt: event.at };
    case 'sla.warning_recorded':
      return { ...clock, warningRecordedAt: event.at };
    case 'sla.breach_recorded':
      return { ...clock, breachRecordedAt: event.at };
    default:
      return assertNever(event);
  }
}

/** Runs a command and applies its events; returns the new clock and the events, or the error. */
export function handle(
  command: SlaClockCommand,
  clock: SlaClock | null,
  calendars: SlaCalendars,
): { clock: SlaClock | null; events: SlaClockEvent[] } | DomainError {
  const events = decide(command, clock, calendars);
  if (events instanceof DomainError) return events;
  return { clock: events.reduce<SlaClock | null>(evolve, clock), events };
}
