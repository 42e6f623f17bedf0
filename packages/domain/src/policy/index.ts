export {
  policySchema,
  calendarSchema,
  slaTargetSchema,
  isValidTimeZone,
  toMinuteOfDay,
  WEEKDAYS,
  CAUSE_CLASSES,
  COVERAGES,
  PRODUCT_CATEGORIES,
  REQUEST_TYPES,
  PRIORITIES,
  PAUSE_REASONS,
  APPROVER_ROLES,
  SLA_EVENTS,
  MANDATORY_REQUEST_FIELDS,
} from './schema';
export type {
  Policy,
  CalendarPolicy,
  SlaTarget,
  Weekday,
  CauseClass,
  Coverage,
  ProductCategory,
  RequestType,
  Priority,
  PauseReason,
  ApproverRole,
  SlaEvent,
  MandatoryRequestField,
} from './schema';
export { PRESET_NAMES, getPolicyPreset, isPresetName } from './presets';
export type { PresetName } from './presets';
export { parsePolicy } from './parse';
