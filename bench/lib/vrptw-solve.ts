// Solves one benchmark file within a wall-clock deadline (parsing included); used by both threads.
import { readFileSync } from 'node:fs';
import { dimacsProblem, parseSolomon, solveRouting } from '../../packages/dispatch/src/index';

/** Routes as customer numbers in visit order, plus the solver's own cost (tenths) and iterations. */
export interface FileSolution {
  routes: number[][];
  costTenths: number;
  iterations: number;
}

/** Reads, parses and solves `file` until `deadline` (a `Date.now()` epoch in ms). */
export function solveFile(file: string, deadline: number, seed: number): FileSolution {
  const inst = parseSolomon(readFileSync(file, 'utf8'));
  const problem = dimacsProblem(inst);
  const started = Date.now();
  const sol = solveRouting(problem, {
    now: () => Date.now(),
    timeLimitMs: Math.max(1, deadline - started),
    seed,
    // The two threads run a small portfolio: the second one anneals hotter.
    ...(seed % 2 === 0 ? { startTemperature: 2, endTemperature: 0.03 } : {}),
  });
  return { routes: sol.routes.filter((r) => r.length > 0), costTenths: sol.cost, iterations: sol.iterations };
}
