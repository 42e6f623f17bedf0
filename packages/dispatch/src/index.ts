// Public API of @aftercare/dispatch: the routing core, the VRPTW benchmark helpers and the
// field-service layer (technician ranking, day planning, re-planning).
export type { RoutingProblem, RoutingSolution, VehicleSpec } from './core/problem.ts';
export { solveRouting, type SolveOptions } from './core/solve.ts';
export { parseSolomon, type VrptwInstance } from './vrptw/instance.ts';
export { dimacsProblem } from './vrptw/to-problem.ts';
export { checkVrptwSolution, type CheckResult, type CheckViolation } from './vrptw/checker.ts';
