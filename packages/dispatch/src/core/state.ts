import type { RoutingProblem } from './problem';
import { Route } from './route';

/** Mutable search state: every vehicle's route, where each job is, and the jobs left out. */
export class SearchState {
  readonly routes: Route[];
  readonly routeOf: Int32Array;
  /** Position of each assigned job in its route's nodes (valid when routeOf ≥ 0). */
  readonly posOf: Int32Array;
  unassigned: number[] = [];
  /** Empty routes of the same class are interchangeable: only one of them is tried per insertion. */
  readonly vehicleClass: Int32Array;
  readonly classStamp: Int32Array;
  stamp = 0;
  private saved = new Map<number, number[]>();
  private savedUnassigned: number[] = [];

  constructor(readonly p: RoutingProblem) {
    const maxJobs = p.jobs.length;
    this.posOf = new Int32Array(p.nodeCount);
    this.routes = p.vehicles.map((_, k) => new Route(k, p, maxJobs, this.posOf));
    this.routeOf = new Int32Array(p.nodeCount).fill(-1);
    this.vehicleClass = classifyVehicles(p);
    this.classStamp = new Int32Array(p.vehicles.length);
  }

  /** Objective: route costs (travel and assignment) plus penalties of the jobs left out. */
  totalCost(): number {
    let c = 0;
    for (const r of this.routes) c += r.cost;
    for (const u of this.unassigned) c += this.p.unassignedPenalty[u]!;
    return c;
  }

  /** Starts a move that may be undone with `rollback`. */
  begin(): void {
    this.saved.clear();
    this.savedUnassigned = this.unassigned.slice();
  }

  /** Remembers a route's nodes before it is first changed in the current move. */
  touch(r: number): void {
    if (!this.saved.has(r)) this.saved.set(r, this.routes[r]!.nodes.slice());
  }

  /** Undoes every change since `begin`. */
  rollback(): void {
    for (const u of this.unassigned) this.routeOf[u] = -1;
    // Clear every touched route before restoring any: a job that moved between two touched routes
    // must end up in its old route whatever the order of the restores.
    for (const r of this.saved.keys()) {
      const nodes = this.routes[r]!.nodes;
      for (let i = 1; i < nodes.length - 1; i++) this.routeOf[nodes[i]!] = -1;
    }
    for (const [r, nodes] of this.saved) {
      const route = this.routes[r]!;
      route.nodes = nodes;
      route.update();
      for (let i = 1; i < nodes.length - 1; i++) this.routeOf[nodes[i]!] = r;
    }
    this.unassigned = this.savedUnassigned;
    for (const u of this.unassigned) this.routeOf[u] = -1;
    this.saved.clear();
  }

  /** Inserts job `u` into route `r` before node position `pos` (1 ≤ pos ≤ nodes.length-1). */
  insert(u: number, r: number, pos: number): void {
    this.touch(r);
    const route = this.routes[r]!;
    route.nodes.splice(pos, 0, u);
    route.update();
    this.routeOf[u] = r;
  }

  /** Replaces all routes from plain job lists (one per vehicle) and marks the rest unassigned. */
  load(routes: readonly (readonly number[])[]): void {
    this.routeOf.fill(-1);
    for (let k = 0; k < this.routes.length; k++) {
      const route = this.routes[k]!;
      const jobs = routes[k] ?? [];
      route.nodes = [route.nodes[0]!, ...jobs, route.nodes[route.nodes.length - 1]!];
      route.update();
      for (const u of jobs) this.routeOf[u] = k;
    }
    this.unassigned = [];
    for (const u of this.p.jobs) if (this.routeOf[u] === -1) this.unassigned.push(u);
  }

  /** Whether `routeOf` and `posOf` agree with the routes and the unassigned list (for tests). */
  consistent(): boolean {
    const seen = new Int32Array(this.p.nodeCount).fill(-2);
    for (let r = 0; r < this.routes.length; r++) {
      const nodes = this.routes[r]!.nodes;
      for (let i = 1; i < nodes.length - 1; i++) {
        const u = nodes[i]!;
        if (seen[u] !== -2 || this.routeOf[u] !== r || this.posOf[u] !== i) return false;
        seen[u] = r;
      }
    }
    for (const u of this.unassigned) {
      if (seen[u] !== -2 || this.routeOf[u] !== -1) return false;
      seen[u] = -1;
    }
    for (const u of this.p.jobs) if (seen[u] === -2) return false;
    return true;
  }

  /** Plain copy of the routes (job nodes only, one list per vehicle). */
  snapshot(): number[][] {
    return this.routes.map((r) => r.nodes.slice(1, -1));
  }
}

function classifyVehicles(p: RoutingProblem): Int32Array {
  const out = new Int32Array(p.vehicles.length);
  const seen = new Map<string, number>();
  p.vehicles.forEach((v, k) => {
    const key = p.assignmentCost
      ? `#${k}`
      : `${v.start}|${v.end}|${v.shiftStart}|${v.shiftEnd}|${v.capacity}`;
    let c = seen.get(key);
    if (c === undefined) {
      c = seen.size;
      seen.set(key, c);
    }
    out[k] = c;
  });
  return out;
}
