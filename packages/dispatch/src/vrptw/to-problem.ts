import type { RoutingProblem, VehicleSpec } from '../core/problem';
import { dimacsTenths, type VrptwInstance } from './instance';

/**
 * Builds the core routing problem of a benchmark instance under the DIMACS convention. All times
 * and distances are in tenths so that the arithmetic is exact integer arithmetic.
 */
export function dimacsProblem(inst: VrptwInstance): RoutingProblem {
  const n = inst.x.length;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      cost[i * n + j] = dimacsTenths(inst.x[i]!, inst.y[i]!, inst.x[j]!, inst.y[j]!);
  const tenths = (a: readonly number[]) => Float64Array.from(a, (v) => v * 10);
  const jobs = new Int32Array(n - 1).map((_, i) => i + 1);
  const vehicle: VehicleSpec = {
    start: 0,
    end: 0,
    shiftStart: inst.ready[0]! * 10,
    shiftEnd: inst.due[0]! * 10,
    capacity: inst.capacity,
  };
  return {
    nodeCount: n,
    cost,
    travel: cost,
    ready: tenths(inst.ready),
    due: tenths(inst.due),
    service: tenths(inst.service),
    demand: Float64Array.from(inst.demand),
    jobs,
    vehicles: Array.from({ length: inst.vehicles }, () => vehicle),
    unassignedPenalty: new Float64Array(n).fill(1e9),
  };
}
