import type { RoutingProblem } from './problem';

/** For each job node, the other jobs sorted by increasing arc cost (at most `k` of them). */
export function nearestJobs(p: RoutingProblem, k: number): Int32Array[] {
  const n = p.nodeCount;
  const out: Int32Array[] = new Array<Int32Array>(n).fill(new Int32Array(0));
  const jobs = Array.from(p.jobs);
  for (const u of jobs) {
    const others = jobs.filter((w) => w !== u);
    others.sort((a, b) => p.cost[u * n + a]! + p.cost[a * n + u]! - p.cost[u * n + b]! - p.cost[b * n + u]!);
    out[u] = Int32Array.from(others.slice(0, k));
  }
  return out;
}
