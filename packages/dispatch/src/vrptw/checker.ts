import type { VrptwInstance } from './instance';

/** The checker's own arc length in tenths: floor(10·euclidean). */
function arcTenths(inst: VrptwInstance, a: number, b: number): number {
  return Math.floor(10 * Math.sqrt((inst.x[a]! - inst.x[b]!) ** 2 + (inst.y[a]! - inst.y[b]!) ** 2));
}

/** One coded finding of the feasibility checker. */
export interface CheckViolation {
  readonly code:
    | 'FLEET_SIZE'
    | 'UNKNOWN_CUSTOMER'
    | 'DUPLICATE_CUSTOMER'
    | 'MISSING_CUSTOMER'
    | 'CAPACITY'
    | 'TIME_WINDOW'
    | 'DEPOT_RETURN';
  readonly route?: number;
  readonly customer?: number;
  readonly detail: string;
}

/** Outcome of checking a benchmark solution: feasible or not, and its DIMACS distance. */
export interface CheckResult {
  readonly feasible: boolean;
  readonly distance: number;
  readonly vehiclesUsed: number;
  readonly violations: readonly CheckViolation[];
}

/**
 * Independent checker of a VRPTW solution (customer numbers per route): fleet size, every customer
 * exactly once, capacity, service start within windows, return to the depot by the horizon, and the
 * distance recomputed with DIMACS truncation. Shares no code with the optimiser.
 */
export function checkVrptwSolution(inst: VrptwInstance, routes: readonly (readonly number[])[]): CheckResult {
  const violations: CheckViolation[] = [];
  const n = inst.x.length;
  const used = routes.filter((r) => r.length > 0);
  if (used.length > inst.vehicles)
    violations.push({ code: 'FLEET_SIZE', detail: `${used.length} routes > fleet ${inst.vehicles}` });
  const seen = new Array<number>(n).fill(0);
  let tenths = 0;
  used.forEach((route, r) => {
    let load = 0;
    let time = inst.ready[0]! * 10;
    let prev = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c >= n) {
        violations.push({ code: 'UNKNOWN_CUSTOMER', route: r, customer: c, detail: `customer ${c}` });
        return;
      }
      seen[c]!++;
      const d = arcTenths(inst, prev, c);
      tenths += d;
      time = Math.max(time + (prev === 0 ? 0 : inst.service[prev]! * 10) + d, inst.ready[c]! * 10);
      if (time > inst.due[c]! * 10)
        violations.push({
          code: 'TIME_WINDOW',
          route: r,
          customer: c,
          detail: `start ${time / 10} > due ${inst.due[c]}`,
        });
      load += inst.demand[c]!;
      prev = c;
    }
    const back = arcTenths(inst, prev, 0);
    tenths += back;
    const end = time + inst.service[prev]! * 10 + back;
    if (end > inst.due[0]! * 10)
      violations.push({
        code: 'DEPOT_RETURN',
        route: r,
        detail: `back at ${end / 10} > horizon ${inst.due[0]}`,
      });
    if (load > inst.capacity)
      violations.push({ code: 'CAPACITY', route: r, detail: `load ${load} > capacity ${inst.capacity}` });
  });
  for (let c = 1; c < n; c++) {
    if (seen[c] === 0)
      violations.push({ code: 'MISSING_CUSTOMER', customer: c, detail: `customer ${c} not visited` });
    if (seen[c]! > 1)
      violations.push({
        code: 'DUPLICATE_CUSTOMER',
        customer: c,
        detail: `customer ${c} visited ${seen[c]} times`,
      });
  }
  return { feasible: violations.length === 0, distance: tenths / 10, vehiclesUsed: used.length, violations };
}
