export * from './context';
export * from './errors';
export * from './guards';
export * from './audit';
export * from './numbers';
export * from './idempotency';
export * from './auth/password';
export * from './auth/throttle';
export * from './auth/login';
export * from './tenants/tenants';
export * from './customers/customers';
export * from './catalog/catalog';
export * from './units/units';
export * from './requests/requests';
export * from './work-orders/work-orders';
export * from './intake/intake';
export * from './assessment/common';
export * from './assessment/warranty';
export * from './assessment/notice';
export * from './assessment/moves';
export * from './quotes/state';
export * from './quotes/quotes';
export * from './seed/demo';
export * from './fieldwork';
export { calendarsFor, parseTenantPolicy } from './sla/calendars';
export {
  sweepSlaAlerts,
  slaViews,
  slaViewsBySubject,
  signalClocks,
  startClocks,
  targetsFor,
  type SlaClockView,
  type SlaSubject,
  type SlaStartContext,
} from './sla/clocks';
export { slaTenant, startRequestClocks, startWorkOrderClocks, onWorkOrderMove } from './sla/hooks';
export * from './sla/commands';
export * from './workforce/workforce';
export * from './workforce/leave';
export { getRoster, rosterFor } from './workforce/roster';
export { proposeTechnicians, assignTechnician } from './dispatching/assignment';
export {
  createDayPlan,
  getDayPlan,
  runDayPlan,
  queuedDayPlans,
  replanDay,
  checkPlanMoves,
  publishDayPlan,
  type PlanJobOptions,
  type ReplanChange,
} from './dispatching/plans';
export { DispatchErrors } from './dispatching/visits';
export * from './portal';
