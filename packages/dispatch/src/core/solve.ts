import { nearestJobs } from './neighbours';
import type { RoutingProblem, RoutingSolution } from './problem';
import { recreate } from './recreate';
import { Rng } from './rng';
import { ruinRoute, ruinStrings } from './ruin';
import { SearchState } from './state';

/** How many nearest jobs the string removal walks through. */
export const NEIGHBOURS = 100;

/** Options of the core optimiser. The clock is injected: the library never reads the system time. */
export interface SolveOptions {
  /** Monotonic clock in milliseconds (e.g. `performance.now`); needed with `timeLimitMs`. */
  readonly now?: () => number;
  /** Time budget in milliseconds measured with `now`. */
  readonly timeLimitMs?: number;
  /** Iteration budget (used alone when no clock is given; both may be combined). */
  readonly maxIterations?: number;
  readonly seed?: number;
  /** Start from these routes (job nodes per vehicle) instead of building from scratch. */
  readonly initialRoutes?: readonly (readonly number[])[];
  /** Jobs that must stay exactly where `initialRoutes` put them. */
  readonly fixedJobs?: readonly number[];
  /** Start temperature as a fraction of the initial cost per job (simulated annealing). */
  readonly startTemperature?: number;
  /** Final temperature as a fraction of the initial cost per job. */
  readonly endTemperature?: number;
  readonly avgRemoved?: number;
  readonly maxString?: number;
  readonly blinkRate?: number;
  /** Probability that an iteration empties a whole route instead of removing strings. */
  readonly routeRemovalRate?: number;
  /** Insert only next to this many nearest jobs (granular neighbourhood); 0 scans every position. */
  readonly granularity?: number;
  /** Precomputed `nearestJobs(problem, 100)`, to share between runs on the same matrix. */
  readonly neighbours?: readonly Int32Array[];
  /** Test hook: called after every iteration with the search state's consistency. */
  readonly onIteration?: (consistent: () => boolean) => void;
  /** Called now and then with the fraction of the budget used and the best cost so far. */
  readonly onProgress?: (fraction: number, bestCost: number) => void;
}

/**
 * Solves a routing problem with SISR ruin-and-recreate (string removals, greedy insertion with
 * blinks) under simulated-annealing acceptance, until the time or iteration budget is spent.
 */
export function solveRouting(p: RoutingProblem, options: SolveOptions = {}): RoutingSolution {
  const rng = new Rng(options.seed ?? 1);
  const now = options.now;
  const t0 = now ? now() : 0;
  const limit = now && options.timeLimitMs !== undefined ? options.timeLimitMs : Infinity;
  const maxIter = options.maxIterations ?? (limit === Infinity ? 20000 : Infinity);
  const s = new SearchState(p);
  const fixed = new Uint8Array(p.nodeCount);
  for (const u of options.fixedJobs ?? []) fixed[u] = 1;
  s.load(options.initialRoutes ?? []);
  dropInfeasibleRoutes(s, fixed);
  const pending = s.unassigned;
  s.unassigned = [];
  s.begin();
  recreate(s, pending, rng, 0);
  const neighbours = options.neighbours ?? nearestJobs(p, NEIGHBOURS);
  const params = { avgRemoved: options.avgRemoved ?? 10, maxString: options.maxString ?? 10 };
  const blink = options.blinkRate ?? 0.01;
  const granular = options.granularity ?? 0;
  const routeRemoval = options.routeRemovalRate ?? 0.05;
  let current = s.totalCost();
  let best = current;
  let bestRoutes = s.snapshot();
  let bestUnassigned = s.unassigned.slice();
  const scale = routeCostPerJob(s);
  const tStart = (options.startTemperature ?? 1) * scale;
  const tEnd = (options.endTemperature ?? 0.01) * scale;
  let iter = 0;
  let fraction = 0;
  let nextReport = 0;
  while (iter < maxIter && fraction < 1 && p.jobs.length > 0) {
    if (now) fraction = Math.max(fraction, (now() - t0) / limit);
    if (maxIter !== Infinity) fraction = Math.max(fraction, iter / maxIter);
    if (fraction >= 1) break;
    const temperature = tStart * Math.pow(tEnd / tStart, fraction);
    s.begin();
    const removed =
      rng.next() < routeRemoval ? ruinRoute(s, fixed, rng) : ruinStrings(s, neighbours, fixed, params, rng);
    const again = s.unassigned;
    s.unassigned = [];
    for (const u of again) removed.push(u);
    recreate(s, removed, rng, blink, neighbours, granular);
    const candidate = s.totalCost();
    if (candidate < current - temperature * Math.log(rng.next())) {
      current = candidate;
      if (current < best - 1e-9) {
        best = current;
        bestRoutes = s.snapshot();
        bestUnassigned = s.unassigned.slice();
      }
    } else s.rollback();
    iter++;
    options.onIteration?.(() => s.consistent());
    if (options.onProgress && fraction >= nextReport) {
      options.onProgress(fraction, best);
      nextReport = fraction + 0.05;
    }
  }
  options.onProgress?.(1, best);
  return { routes: bestRoutes, unassigned: bestUnassigned, cost: best, iterations: iter };
}

function routeCostPerJob(s: SearchState): number {
  let c = 0;
  let n = 0;
  for (const r of s.routes) {
    c += r.cost;
    n += r.size;
  }
  return n > 0 && c > 0 ? c / n : 1;
}

/** A given start route that breaks a window or the capacity is emptied (fixed jobs stay) and rebuilt. */
function dropInfeasibleRoutes(s: SearchState, fixed: Uint8Array): void {
  for (const route of s.routes) {
    if (route.feasible()) continue;
    const kept: number[] = [];
    for (let i = 1; i < route.nodes.length - 1; i++) {
      const u = route.nodes[i]!;
      if (fixed[u]) kept.push(u);
      else {
        s.routeOf[u] = -1;
        s.unassigned.push(u);
      }
    }
    route.nodes = [route.nodes[0]!, ...kept, route.nodes[route.nodes.length - 1]!];
    route.update();
  }
}
