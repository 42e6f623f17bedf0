import type { Route } from './route';
import type { Rng } from './rng';
import type { SearchState } from './state';

/** Result of a best-insertion search; `route` is -1 when no feasible position exists. */
export interface InsertionChoice {
  route: number;
  pos: number;
  delta: number;
}

/** Per-call data shared by the position evaluations of one job. */
interface Probe {
  u: number;
  readyU: number;
  dueU: number;
  svcU: number;
  softDueU: number;
  lateW: number;
  blink: number;
  rng: Rng;
  out: InsertionChoice;
}

const probe: Probe = {
  u: 0,
  readyU: 0,
  dueU: 0,
  svcU: 0,
  softDueU: 0,
  lateW: 0,
  blink: 0,
  rng: undefined as unknown as Rng,
  out: { route: -1, pos: -1, delta: Infinity },
};

/** Extra cost of job u on route r, or Infinity when the vehicle may not take it or is full. */
function routeExtra(s: SearchState, u: number, r: number, route: Route): number {
  const p = s.p;
  if (route.load + p.demand[u]! > p.vehicles[r]!.capacity + 1e-9) return Infinity;
  return p.assignmentCost ? p.assignmentCost[u * p.vehicles.length + r]! : 0;
}

/** Evaluates inserting the probe's job between positions i and i+1 of route r (O(1) with slack). */
function tryPosition(s: SearchState, route: Route, r: number, i: number, extra: number, q: Probe): boolean {
  const p = s.p;
  const n = p.nodeCount;
  const ei = route.earliest[i]!;
  if (ei > q.dueU) return false;
  const nodes = route.nodes;
  const a = nodes[i]!;
  const b = nodes[i + 1]!;
  const u = q.u;
  const arr = ei + p.service[a]! + p.travel[a * n + u]!;
  if (arr > q.dueU) return true;
  const start = arr > q.readyU ? arr : q.readyU;
  if (start + q.svcU + p.travel[u * n + b]! > route.latest[i + 1]!) return true;
  let delta = p.cost[a * n + u]! + p.cost[u * n + b]! - p.cost[a * n + b]! + extra;
  if (start > q.softDueU) delta += q.lateW * (start - q.softDueU);
  const out = q.out;
  if (delta < out.delta && (q.blink === 0 || q.rng.next() >= q.blink)) {
    out.delta = delta;
    out.route = r;
    out.pos = i + 1;
  }
  return true;
}

function setUp(s: SearchState, u: number, rng: Rng, blink: number, out: InsertionChoice): Probe {
  const p = s.p;
  probe.u = u;
  probe.readyU = p.ready[u]!;
  probe.dueU = p.due[u]!;
  probe.svcU = p.service[u]!;
  probe.softDueU = p.softDue ? p.softDue[u]! : Infinity;
  probe.lateW = p.latenessWeight ?? 0;
  probe.blink = blink;
  probe.rng = rng;
  probe.out = out;
  out.route = -1;
  out.pos = -1;
  out.delta = Infinity;
  return probe;
}

/** Tries the empty routes, one per vehicle class (interchangeable vehicles give the same result). */
function tryEmptyRoutes(s: SearchState, q: Probe): void {
  const stamp = ++s.stamp;
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r]!;
    if (route.nodes.length !== 2) continue;
    const c = s.vehicleClass[r]!;
    if (s.classStamp[c] === stamp) continue;
    s.classStamp[c] = stamp;
    const extra = routeExtra(s, q.u, r, route);
    if (extra !== Infinity) tryPosition(s, route, r, 0, extra, q);
  }
}

/**
 * Cheapest feasible position for job `u` over all routes, skipping each improving position with
 * probability `blink` (SISR's blinks). Time windows are checked in O(1) with the routes' cached slack.
 */
export function bestInsertion(
  s: SearchState,
  u: number,
  rng: Rng,
  blink: number,
  out: InsertionChoice,
): void {
  const q = setUp(s, u, rng, blink, out);
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r]!;
    if (route.nodes.length === 2) continue;
    const extra = routeExtra(s, u, r, route);
    if (extra === Infinity) continue;
    const last = route.nodes.length - 1;
    for (let i = 0; i < last; i++) if (!tryPosition(s, route, r, i, extra, q)) break;
  }
  tryEmptyRoutes(s, q);
}

/**
 * Granular best insertion: only positions next to one of u's `k` nearest jobs, and empty routes.
 * Falls back to the full scan when none of those positions is feasible.
 */
export function bestInsertionNear(
  s: SearchState,
  u: number,
  near: Int32Array,
  k: number,
  rng: Rng,
  blink: number,
  out: InsertionChoice,
): void {
  const q = setUp(s, u, rng, blink, out);
  const m = Math.min(k, near.length);
  for (let j = 0; j < m; j++) {
    const w = near[j]!;
    const r = s.routeOf[w]!;
    if (r < 0) continue;
    const route = s.routes[r]!;
    const extra = routeExtra(s, u, r, route);
    if (extra === Infinity) continue;
    const i = s.posOf[w]!;
    tryPosition(s, route, r, i - 1, extra, q);
    tryPosition(s, route, r, i, extra, q);
  }
  tryEmptyRoutes(s, q);
  if (out.route < 0) bestInsertion(s, u, rng, blink, out);
}
