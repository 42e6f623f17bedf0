import { bestInsertion, bestInsertionNear, type InsertionChoice } from './insertion';
import type { Rng } from './rng';
import type { SearchState } from './state';

const choice: InsertionChoice = { route: -1, pos: -1, delta: 0 };

/**
 * SISR recreate: sorts the jobs by a random criterion, then inserts each at its cheapest position
 * (among positions next to its `granular` nearest jobs when neighbour lists are given).
 */
export function recreate(
  s: SearchState,
  jobs: number[],
  rng: Rng,
  blink: number,
  neighbours?: readonly Int32Array[],
  granular = 0,
): void {
  sortJobs(s, jobs, rng);
  for (const u of jobs) {
    if (neighbours && granular > 0) bestInsertionNear(s, u, neighbours[u]!, granular, rng, blink, choice);
    else bestInsertion(s, u, rng, blink, choice);
    if (choice.route >= 0) s.insert(u, choice.route, choice.pos);
    else s.unassigned.push(u);
  }
}

function sortJobs(s: SearchState, jobs: number[], rng: Rng): void {
  const p = s.p;
  const depot = p.vehicles[0]?.start ?? 0;
  const row = depot * p.nodeCount;
  const x = rng.next() * 13;
  if (x < 4) shuffle(jobs, rng);
  else if (x < 8) jobs.sort((a, b) => p.demand[b]! - p.demand[a]!);
  else if (x < 10) jobs.sort((a, b) => p.cost[row + b]! - p.cost[row + a]!);
  else if (x < 11) jobs.sort((a, b) => p.cost[row + a]! - p.cost[row + b]!);
  else jobs.sort((a, b) => p.due[a]! - p.ready[a]! - (p.due[b]! - p.ready[b]!));
  // Jobs with a higher penalty for being left out (urgent visits) go first whatever the order.
  const pen = p.unassignedPenalty;
  jobs.sort((a, b) => pen[b]! - pen[a]!);
}

function shuffle(a: number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
