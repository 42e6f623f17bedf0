import type { RoutingProblem } from '../core/problem';
import { nearestJobs } from '../core/neighbours';
import { NEIGHBOURS, solveRouting } from '../core/solve';
import {
  buildDayModel,
  type DayModel,
  type DayPlanInput,
  type PreviousOwners,
  type UnplannedVisit,
} from './day-model';
import { decodePlan, type DayPlan } from './day-plan';
import type { Visit } from './types';

/** Budget and progress reporting of planning. The clock is the caller's (e.g. `performance.now`). */
export interface PlanOptions {
  readonly now?: () => number;
  /** Time budget in ms (with `now`); default 5 000 for a day plan. */
  readonly timeLimitMs?: number;
  /** Iteration budget of the main search (deterministic runs, tests). */
  readonly maxIterations?: number;
  readonly seed?: number;
  /** Fraction done in [0, 1]: drives the board's progress bar. */
  readonly onProgress?: (fraction: number) => void;
}

/** Minutes of travel that one minute of lateness costs (service after the window end or SLA). */
export const LATENESS_WEIGHT = 10;
/** Steps by which the start window of a visit that cannot be served on time is stretched (minutes). */
const LATENESS_STEPS = [60, 180, Infinity];
const MAIN_SHARE = 0.8;

/**
 * Plans a service centre's day (R-DIS-04): all visits and all technicians on shift, minimising
 * travel with time windows, skills and van capacity as hard rules. A visit that fits nowhere on time
 * is then allowed to be late (penalised per minute) before it is left unplanned with a reason.
 */
export function planDay(input: DayPlanInput, options: PlanOptions = {}): DayPlan {
  const started = options.now?.() ?? 0;
  const model = buildDayModel(input);
  return solveDay(model, input, options, started);
}

/** Shared by planning and re-planning: main search, then the lateness steps, then decoding. */
export function solveDay(
  model: DayModel,
  input: DayPlanInput,
  options: PlanOptions,
  started: number,
  initialRoutes?: number[][],
): DayPlan {
  const now = options.now;
  const deadline = started + (options.timeLimitMs ?? 5000);
  const remainingMs = () => (now ? Math.max(1, deadline - now()) : 0);
  const progress = options.onProgress;
  const base = model.problem;
  const neighbours = nearestJobs(base, NEIGHBOURS);
  const first = solveRouting(base, {
    now,
    timeLimitMs: now ? remainingMs() * MAIN_SHARE : undefined,
    maxIterations: options.maxIterations ?? (now ? undefined : 2000),
    seed: options.seed ?? 1,
    neighbours,
    initialRoutes: initialRoutes ? repairRoutes(base, initialRoutes) : undefined,
    onProgress: progress ? (f) => progress(f * MAIN_SHARE) : undefined,
  });
  let routes = first.routes;
  let left = first.unassigned;
  const due = Float64Array.from(base.due);
  for (const [step, stretch] of LATENESS_STEPS.entries()) {
    if (left.length === 0) break;
    for (const u of left) due[u] = model.onTimeDue[u]! + stretch;
    const relaxed: RoutingProblem = {
      ...base,
      due,
      softDue: model.onTimeDue,
      latenessWeight: LATENESS_WEIGHT,
    };
    const share = (1 - MAIN_SHARE) / LATENESS_STEPS.length;
    const sol = solveRouting(relaxed, {
      now,
      timeLimitMs: now ? remainingMs() / (LATENESS_STEPS.length - step) : undefined,
      maxIterations: now ? undefined : 200,
      seed: (options.seed ?? 1) + step + 1,
      initialRoutes: routes,
      neighbours,
      onProgress: progress ? (f) => progress(MAIN_SHARE + (step + f) * share) : undefined,
    });
    routes = sol.routes;
    left = sol.unassigned;
  }
  progress?.(1);
  const unplanned: UnplannedVisit[] = [...model.unplannable, ...left.map((u) => whyLeftOut(model, u))];
  return decodePlan(model, input.day.date, input.day.midnight, routes, unplanned);
}

function whyLeftOut(model: DayModel, u: number): UnplannedVisit {
  const p = model.problem;
  const K = p.vehicles.length;
  let fits = false;
  for (let k = 0; k < K; k++)
    if (p.assignmentCost![u * K + k]! < Infinity && p.demand[u]! <= p.vehicles[k]!.capacity) fits = true;
  const visitId = model.visitOfNode[u]!.id;
  if (!fits) return { visitId, reason: 'VAN_FULL', detail: 'no qualified technician has room in the van' };
  return {
    visitId,
    reason: 'NO_FEASIBLE_ROUTE',
    detail: 'qualified technicians have no time left in their working day for it, even late',
  };
}

/** Drops jobs that no longer fit their route (e.g. a window changed) so the search starts feasible. */
function repairRoutes(p: RoutingProblem, routes: number[][]): number[][] {
  const n = p.nodeCount;
  return p.vehicles.map((v, k) => {
    const kept: number[] = [];
    let prev = v.start;
    let t = v.shiftStart;
    let load = 0;
    for (const u of routes[k] ?? []) {
      const start = Math.max(p.ready[u]!, t + p.service[prev]! + p.travel[prev * n + u]!);
      if (start > p.due[u]! || load + p.demand[u]! > v.capacity) continue;
      kept.push(u);
      load += p.demand[u]!;
      t = start;
      prev = u;
    }
    while (kept.length > 0) {
      // Drop from the end until the technician is back before the end of the working stretch.
      let time = v.shiftStart;
      let at = v.start;
      for (const u of kept) {
        time = Math.max(p.ready[u]!, time + p.service[at]! + p.travel[at * n + u]!);
        at = u;
      }
      if (time + p.service[at]! + p.travel[at * n + v.end]! <= v.shiftEnd) break;
      kept.pop();
    }
    return kept;
  });
}

/** What changed in the day that calls for a re-plan (R-DIS-04). */
export type PlanChange =
  | { readonly kind: 'visitAdded'; readonly visit: Visit }
  | { readonly kind: 'technicianOut'; readonly technicianId: string };

/** A re-planned day and how it differs from the previous plan. */
export interface ReplanResult {
  readonly plan: DayPlan;
  readonly input: DayPlanInput;
  /** Visits that changed technician (to is null when the visit became unplanned). */
  readonly moved: readonly { visitId: string; from: string; to: string | null }[];
}

/**
 * Re-plans after an urgent visit or a technician dropping out, starting from the previous plan and
 * penalising every visit that changes technician (heavily when it was already sent).
 */
export function replan(
  input: DayPlanInput,
  previous: DayPlan,
  change: PlanChange,
  options: PlanOptions = {},
): ReplanResult {
  const next: DayPlanInput =
    change.kind === 'visitAdded'
      ? { ...input, visits: [...input.visits, change.visit] }
      : { ...input, technicians: input.technicians.filter((t) => t.id !== change.technicianId) };
  const visitById = new Map(next.visits.map((v) => [v.id, v]));
  const owners = new Map<string, { technicianId: string; sent: boolean }>();
  for (const r of previous.routes)
    for (const s of r.stops)
      owners.set(s.visitId, {
        technicianId: r.technicianId,
        sent: visitById.get(s.visitId)?.pinnedTechnicianId === r.technicianId,
      });
  const started = options.now?.() ?? 0;
  const model = buildDayModel(next, owners satisfies PreviousOwners);
  const byTech = new Map(previous.routes.map((r) => [r.technicianId, r.stops]));
  const initial = model.techOfVehicle.map((t) =>
    (byTech.get(t.id) ?? []).map((s) => model.nodeOfVisit.get(s.visitId)).filter((u) => u !== undefined),
  );
  const budget = { timeLimitMs: 1000, maxIterations: options.now ? undefined : 500, ...options };
  const plan = solveDay(model, next, budget, started, initial);
  const after = new Map<string, string>();
  for (const r of plan.routes) for (const s of r.stops) after.set(s.visitId, r.technicianId);
  const moved = [...owners.entries()]
    .filter(([id, o]) => after.get(id) !== o.technicianId)
    .map(([id, o]) => ({ visitId: id, from: o.technicianId, to: after.get(id) ?? null }));
  return { plan, input: next, moved };
}
