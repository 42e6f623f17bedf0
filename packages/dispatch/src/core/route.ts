import type { RoutingProblem } from './problem';

/**
 * One vehicle's route with cached schedule data: `earliest[i]` is the earliest service start at
 * position i, `latest[i]` the latest start that keeps the rest of the route feasible (backward
 * slack), so that inserting a job between two positions is checked in O(1).
 */
export class Route {
  nodes: number[];
  readonly earliest: Float64Array;
  readonly latest: Float64Array;
  load = 0;
  cost = 0;

  constructor(
    readonly vehicle: number,
    private readonly p: RoutingProblem,
    maxJobs: number,
    /** Shared by all routes: position of each job node in its route's `nodes`. */
    private readonly posOf: Int32Array,
  ) {
    const v = p.vehicles[vehicle]!;
    this.nodes = [v.start, v.end];
    this.earliest = new Float64Array(maxJobs + 2);
    this.latest = new Float64Array(maxJobs + 2);
    this.update();
  }

  /** Number of jobs on the route. */
  get size(): number {
    return this.nodes.length - 2;
  }

  /** Recomputes load, cost and the forward/backward schedule after a change of `nodes`. */
  update(): void {
    const p = this.p;
    const n = p.nodeCount;
    const nodes = this.nodes;
    const len = nodes.length;
    const v = p.vehicles[this.vehicle]!;
    const K = p.vehicles.length;
    const assign = p.assignmentCost;
    const softDue = p.softDue;
    const lateW = p.latenessWeight ?? 0;
    const earliest = this.earliest;
    const latest = this.latest;
    earliest[0] = v.shiftStart;
    let load = 0;
    let cost = 0;
    let prev = nodes[0]!;
    for (let i = 1; i < len; i++) {
      const b = nodes[i]!;
      const arr = earliest[i - 1]! + p.service[prev]! + p.travel[prev * n + b]!;
      earliest[i] = i === len - 1 ? arr : Math.max(p.ready[b]!, arr);
      cost += p.cost[prev * n + b]!;
      if (i < len - 1) {
        this.posOf[b] = i;
        load += p.demand[b]!;
        if (assign) cost += assign[b * K + this.vehicle]!;
        if (softDue && earliest[i]! > softDue[b]!) cost += lateW * (earliest[i]! - softDue[b]!);
      }
      prev = b;
    }
    latest[len - 1] = v.shiftEnd;
    for (let i = len - 2; i >= 0; i--) {
      const a = nodes[i]!;
      const back = latest[i + 1]! - p.travel[a * n + nodes[i + 1]!]! - p.service[a]!;
      latest[i] = i === 0 ? Math.min(v.shiftEnd, back) : Math.min(p.due[a]!, back);
    }
    this.load = load;
    this.cost = cost;
  }

  /** Whether the cached schedule is feasible (every start within its latest bound, load ≤ capacity). */
  feasible(): boolean {
    const len = this.nodes.length;
    if (this.load > this.p.vehicles[this.vehicle]!.capacity + 1e-9) return false;
    for (let i = 0; i < len; i++) if (this.earliest[i]! > this.latest[i]! + 1e-9) return false;
    return true;
  }
}
