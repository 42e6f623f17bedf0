// Public API of @aftercare/dispatch: the routing core, the VRPTW benchmark helpers and the
// field-service layer (technician ranking, day planning, re-planning).
export type { RoutingProblem, RoutingSolution, VehicleSpec } from './core/problem';
export { solveRouting, type SolveOptions } from './core/solve';
export { parseSolomon, type VrptwInstance } from './vrptw/instance';
export { dimacsProblem } from './vrptw/to-problem';
export { checkVrptwSolution, type CheckResult, type CheckViolation } from './vrptw/checker';
export type {
  Assignment,
  Certificate,
  DispatchPolicy,
  GeoPoint,
  Interval,
  Priority,
  RejectionCode,
  RuleOverride,
  ServiceDay,
  Skill,
  Technician,
  Visit,
} from './field/types';
export { greatCircleTravel, haversineKm, type TravelMatrix, type TravelMatrixProvider } from './field/travel';
export type { Rejection } from './field/eligibility';
export type { ProposalFacts } from './field/explain';
export {
  rankTechnicians,
  DEFAULT_SCORE_WEIGHTS,
  type Proposal,
  type RankContext,
  type RankResult,
  type RejectedTechnician,
  type ScoreWeights,
} from './field/rank';
export { PLAN_PENALTIES, type DayPlanInput, type UnplannedVisit } from './field/day-model';
export type { DayPlan, PlannedStop, TechnicianRoute } from './field/day-plan';
export {
  planDay,
  replan,
  LATENESS_WEIGHT,
  type PlanChange,
  type PlanOptions,
  type ReplanResult,
} from './field/plan';
export { checkRoute, type RouteCheck, type RouteViolation } from './field/check-route';
