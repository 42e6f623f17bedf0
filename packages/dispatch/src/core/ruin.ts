import type { Rng } from './rng';
import type { SearchState } from './state';

/** Parameters of the string removal (Christiaens & Vanden Berghe, SISR). */
export interface RuinParams {
  /** Average number of removed jobs (c̄). */
  readonly avgRemoved: number;
  /** Maximum string length (L_max). */
  readonly maxString: number;
}

/**
 * SISR ruin: from a random seed job, walk its nearest neighbours and cut one string (or a split
 * string that keeps a middle part) out of each neighbour's route until enough routes are hit.
 * Returns the removed jobs; pinned jobs (fixed=true) are never removed.
 */
export function ruinStrings(
  s: SearchState,
  neighbours: readonly Int32Array[],
  fixed: Uint8Array,
  params: RuinParams,
  rng: Rng,
): number[] {
  const removed: number[] = [];
  let assigned = 0;
  let used = 0;
  for (const r of s.routes) {
    if (r.size > 0) {
      used++;
      assigned += r.size;
    }
  }
  if (assigned === 0) return removed;
  const lsMax = Math.min(params.maxString, assigned / used);
  const ksMax = (4 * params.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  const seed = pickAssigned(s, rng);
  const ruined = new Set<number>();
  const walk = neighbours[seed]!;
  for (let j = -1; j < walk.length && ruined.size < ks; j++) {
    const c = j < 0 ? seed : walk[j]!;
    const r = s.routeOf[c]!;
    if (r < 0 || ruined.has(r)) continue;
    ruined.add(r);
    const route = s.routes[r]!;
    const ltMax = Math.min(route.size, lsMax);
    const lt = Math.floor(rng.next() * ltMax) + 1;
    s.touch(r);
    if (rng.next() < 0.5 || route.size <= lt) removeString(s, r, c, lt, 0, fixed, rng, removed);
    else {
      let m = 1;
      while (lt + m < route.size && rng.next() < 0.5) m++;
      removeString(s, r, c, lt, m, fixed, rng, removed);
    }
  }
  return removed;
}

function pickAssigned(s: SearchState, rng: Rng): number {
  const jobs = s.p.jobs;
  for (let tries = 0; tries < 64; tries++) {
    const u = jobs[Math.floor(rng.next() * jobs.length)]!;
    if (s.routeOf[u]! >= 0) return u;
  }
  // Few jobs assigned: pick among them directly rather than drawing for ever.
  const assigned = jobs.filter((u) => s.routeOf[u]! >= 0);
  return assigned[Math.floor(rng.next() * assigned.length)]!;
}

/** Removes `lt` jobs from a string of length lt+m containing c, keeping m consecutive ones. */
function removeString(
  s: SearchState,
  r: number,
  c: number,
  lt: number,
  m: number,
  fixed: Uint8Array,
  rng: Rng,
  removed: number[],
): void {
  const route = s.routes[r]!;
  const nodes = route.nodes;
  const size = route.size;
  const total = lt + m;
  const pos = nodes.indexOf(c);
  const lo = Math.max(1, pos - total + 1);
  const hi = Math.min(pos, size - total + 1);
  const start = lo + Math.floor(rng.next() * (hi - lo + 1));
  const keepAt = m > 0 ? Math.floor(rng.next() * (lt + 1)) : -1;
  const kept: number[] = [];
  for (let i = 0; i < total; i++) {
    const u = nodes[start + i]!;
    if ((keepAt >= 0 && i >= keepAt && i < keepAt + m) || fixed[u]) kept.push(u);
    else {
      removed.push(u);
      s.routeOf[u] = -1;
    }
  }
  nodes.splice(start, total, ...kept);
  route.update();
}

/**
 * Route removal: empties one random route (smaller routes more likely) so that the recreate can
 * spread its jobs over the others; string removals alone rarely remove a long route whole.
 */
export function ruinRoute(s: SearchState, fixed: Uint8Array, rng: Rng): number[] {
  const removed: number[] = [];
  let pick = -1;
  let bestKey = Infinity;
  for (let r = 0; r < s.routes.length; r++) {
    const size = s.routes[r]!.size;
    if (size === 0) continue;
    // Random key biased towards small routes (exponential race with rate 1/size).
    const key = -Math.log(1 - rng.next()) * size;
    if (key < bestKey) {
      bestKey = key;
      pick = r;
    }
  }
  if (pick < 0) return removed;
  s.touch(pick);
  const route = s.routes[pick]!;
  const kept: number[] = [];
  for (let i = 1; i < route.nodes.length - 1; i++) {
    const u = route.nodes[i]!;
    if (fixed[u]) kept.push(u);
    else {
      removed.push(u);
      s.routeOf[u] = -1;
    }
  }
  route.nodes = [route.nodes[0]!, ...kept, route.nodes[route.nodes.length - 1]!];
  route.update();
  return removed;
}
