import type { Rng } from './rng';
import type { SearchState } from './state';

/** Result of a best-insertion search; `route` is -1 when no feasible position exists. */
export interface InsertionChoice {
  route: number;
  pos: number;
  delta: number;
}

/**
 * Cheapest feasible position for job `u` over all routes, skipping each position with probability
 * `blink` (SISR's blinks). Time windows are checked in O(1) with the routes' cached slack.
 */
export function bestInsertion(
  s: SearchState,
  u: number,
  rng: Rng,
  blink: number,
  out: InsertionChoice,
): void {
  const p = s.p;
  const n = p.nodeCount;
  const K = p.vehicles.length;
  const cost = p.cost;
  const travel = p.travel;
  const service = p.service;
  const readyU = p.ready[u]!;
  const dueU = p.due[u]!;
  const svcU = service[u]!;
  const demU = p.demand[u]!;
  const assign = p.assignmentCost;
  const rowU = u * n;
  const softDueU = p.softDue ? p.softDue[u]! : Infinity;
  const lateW = p.latenessWeight ?? 0;
  const stamp = ++s.stamp;
  const classStamp = s.classStamp;
  out.route = -1;
  out.pos = -1;
  out.delta = Infinity;
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r]!;
    const extra = assign ? assign[u * K + r]! : 0;
    if (extra === Infinity) continue;
    if (route.load + demU > p.vehicles[r]!.capacity + 1e-9) continue;
    const nodes = route.nodes;
    const len = nodes.length;
    if (len === 2) {
      const c = s.vehicleClass[r]!;
      if (classStamp[c] === stamp) continue;
      classStamp[c] = stamp;
    }
    const earliest = route.earliest;
    const latest = route.latest;
    for (let i = 0; i < len - 1; i++) {
      const ei = earliest[i]!;
      if (ei > dueU) break;
      const a = nodes[i]!;
      const b = nodes[i + 1]!;
      const arr = ei + service[a]! + travel[a * n + u]!;
      if (arr > dueU) continue;
      const start = arr > readyU ? arr : readyU;
      if (start + svcU + travel[rowU + b]! > latest[i + 1]!) continue;
      let delta = cost[a * n + u]! + cost[rowU + b]! - cost[a * n + b]! + extra;
      if (start > softDueU) delta += lateW * (start - softDueU);
      if (delta < out.delta && (blink === 0 || rng.next() >= blink)) {
        out.delta = delta;
        out.route = r;
        out.pos = i + 1;
      }
    }
  }
}
