import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { solveRouting } from '../core/solve';
import { checkVrptwSolution } from './checker';
import { C101_25, R101_25 } from './fixtures';
import { parseSolomon, type VrptwInstance } from './instance';
import { dimacsProblem } from './to-problem';

function solve(inst: VrptwInstance, maxIterations: number, seed = 1) {
  const sol = solveRouting(dimacsProblem(inst), { maxIterations, seed });
  const routes = sol.routes.filter((r) => r.length > 0);
  return { sol, routes, check: checkVrptwSolution(inst, routes) };
}

describe('VRPTW solver', () => {
  it('R-DIS-05 solves Solomon R101 (25 customers) feasibly and its cost matches the checker', () => {
    const inst = parseSolomon(R101_25);
    const { sol, check } = solve(inst, 3000);
    assert.equal(check.feasible, true, JSON.stringify(check.violations));
    assert.equal(sol.unassigned.length, 0);
    assert.equal(sol.cost / 10, check.distance);
    // The published optimum for R101.25 is 617.1 (real distances), so the truncated one is below it.
    assert.ok(check.distance < 640, `distance ${check.distance}`);
  });

  it('R-DIS-05 respects a fleet limit that forces long routes (C101, 25 customers, 8 vehicles)', () => {
    const inst = parseSolomon(C101_25);
    const { check } = solve(inst, 3000);
    assert.equal(check.feasible, true, JSON.stringify(check.violations));
    assert.ok(check.vehiclesUsed <= 8);
    assert.ok(check.distance <= 191.3, `distance ${check.distance}`);
  });

  it('R-DIS-05 search improves on the greedy start', () => {
    const inst = parseSolomon(R101_25);
    const greedy = solve(inst, 0);
    const searched = solve(inst, 2000);
    assert.ok(searched.check.distance < greedy.check.distance);
  });

  it('R-DIS-05 every solution of random instances passes the independent checker', () => {
    const node = fc.record({
      x: fc.integer({ min: 0, max: 50 }),
      y: fc.integer({ min: 0, max: 50 }),
      demand: fc.integer({ min: 1, max: 20 }),
      ready: fc.integer({ min: 40, max: 150 }),
      width: fc.integer({ min: 5, max: 120 }),
    });
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 1, max: 1000 }),
        (nodes, seed) => {
          const inst: VrptwInstance = {
            name: 'random',
            vehicles: nodes.length,
            capacity: 40,
            x: [25, ...nodes.map((n) => n.x)],
            y: [25, ...nodes.map((n) => n.y)],
            demand: [0, ...nodes.map((n) => n.demand)],
            ready: [0, ...nodes.map((n) => n.ready)],
            due: [400, ...nodes.map((n) => n.ready + n.width)],
            service: [0, ...nodes.map(() => 10)],
          };
          const { sol, routes } = solve(inst, 100, seed);
          // Ready ≥ 40 > any depot distance: every customer can be served alone, so none may be left out.
          assert.equal(sol.unassigned.length, 0);
          const check = checkVrptwSolution(inst, routes);
          assert.equal(check.feasible, true, JSON.stringify(check.violations));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('VRPTW solver start routes', () => {
  it('R-DIS-04 an infeasible start route is rebuilt instead of being kept', () => {
    const inst = parseSolomon(R101_25);
    const all = Array.from({ length: 25 }, (_, i) => i + 1);
    // One route with every customer in number order breaks many windows.
    const sol = solveRouting(dimacsProblem(inst), { maxIterations: 200, initialRoutes: [all] });
    const check = checkVrptwSolution(
      inst,
      sol.routes.filter((r) => r.length > 0),
    );
    assert.equal(check.feasible, true, JSON.stringify(check.violations));
  });
});

describe('VRPTW solver bookkeeping', () => {
  it('R-DIS-05 where each job is stays consistent through accepted and undone moves', () => {
    const inst = parseSolomon(R101_25);
    let broken = 0;
    solveRouting(dimacsProblem(inst), {
      maxIterations: 3000,
      routeRemovalRate: 0.3,
      onIteration: (consistent) => {
        if (!consistent()) broken++;
      },
    });
    assert.equal(broken, 0);
  });
});
