export * from './shared/errors';
export * from './shared/money';
export * from './shared/contact';
export * from './access';
export * from './work-order';
export * from './service-request';
// The policy module repeats REQUEST_TYPES / PRIORITIES for its own schema; the canonical ones are
// those of service-request and work-order above.
export {
  policySchema,
  calendarSchema,
  slaTargetSchema,
  isValidTimeZone,
  CAUSE_CLASSES,
  COVERAGES,
  PRODUCT_CATEGORIES,
  PAUSE_REASONS,
  APPROVER_ROLES,
  SLA_EVENTS,
  MANDATORY_REQUEST_FIELDS,
  PRESET_NAMES,
  getPolicyPreset,
  isPresetName,
  parsePolicy,
} from './policy';
export type {
  Policy,
  CalendarPolicy,
  SlaTarget,
  Weekday,
  CauseClass,
  Coverage,
  ProductCategory,
  PauseReason,
  ApproverRole,
  SlaEvent,
  MandatoryRequestField,
  PresetName,
} from './policy';
export { WEEKDAYS, toMinuteOfDay } from './policy';
export {
  compileCalendar,
  compilePolicyCalendars,
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
  CHINA_HOLIDAYS,
  holidayDataFrom,
  isHolidayYearCovered,
  missingHolidayYears,
  intlOffsetMs,
} from './calendar';
export type { Instant, CompiledCalendar, CompileOptions, HolidayData } from './calendar';
export {
  decide as decideSlaClock,
  evolve as evolveSlaClock,
  handle as handleSlaClock,
  evaluateClock,
  dueAlerts,
  nextAlertAt,
  targetDeadline,
  slaTarget,
  responseTargetKey,
  onSiteTargetKeyByZone,
  onSiteTargetKeyByDistance,
  targetsStartedBy,
  SLA_SIGNALS_OF_ACTION,
  slaSignalsOf,
} from './sla';
export type {
  SlaClock,
  SlaClockEvent,
  SlaClockCommand,
  SlaCalendars,
  ClockEvaluation,
  SlaSignal,
} from './sla';
export * from './triage';
export * from './warranty';
export * from './quote';
export * from './follow-up';
export * from './attachment';
