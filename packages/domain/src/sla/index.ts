export { decide, evolve, handle, evaluateClock, dueAlerts, nextAlertAt, targetDeadline } from './clock';
export type { SlaClock, SlaClockEvent, SlaClockCommand, SlaCalendars, ClockEvaluation } from './clock';
export {
  slaTarget,
  responseTargetKey,
  onSiteTargetKeyByZone,
  onSiteTargetKeyByDistance,
  targetsStartedBy,
} from './targets';
export { SLA_SIGNALS_OF_ACTION, slaSignalsOf } from './signals';
export type { SlaSignal } from './signals';
