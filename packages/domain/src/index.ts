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
