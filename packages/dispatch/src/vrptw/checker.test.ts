import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVrptwSolution } from './checker';
import { R101_25 } from './fixtures';
import { parseSolomon, type VrptwInstance } from './instance';

/** A tiny instance: depot at (0,0), horizon 100, capacity 10, fleet 2. */
const tiny: VrptwInstance = {
  name: 'tiny',
  vehicles: 2,
  capacity: 10,
  x: [0, 3, 0, 10],
  y: [0, 4, 5, 0],
  demand: [0, 4, 4, 4],
  ready: [0, 0, 0, 0],
  due: [100, 50, 50, 50],
  service: [0, 1, 1, 1],
};

const codes = (routes: number[][], inst = tiny) =>
  checkVrptwSolution(inst, routes).violations.map((v) => v.code);

describe('independent VRPTW checker', () => {
  it('R-DIS-05 accepts a feasible solution and recomputes the DIMACS distance', () => {
    const r = checkVrptwSolution(tiny, [[1, 2], [3]]);
    assert.equal(r.feasible, true);
    // 0→1 5.0, 1→2 floor(10·√10)/10 = 3.1, 2→0 5.0, 0→3 10, 3→0 10
    assert.equal(r.distance, 33.1);
    assert.equal(r.vehiclesUsed, 2);
  });

  it('R-DIS-05 finds a missing customer', () => {
    assert.deepEqual(codes([[1, 2]]), ['MISSING_CUSTOMER']);
  });

  it('R-DIS-05 finds a customer visited twice', () => {
    assert.deepEqual(
      codes([
        [1, 2],
        [3, 1],
      ]),
      ['DUPLICATE_CUSTOMER'],
    );
  });

  it('R-DIS-05 finds an unknown customer', () => {
    assert.ok(
      codes([
        [1, 2],
        [3, 7],
      ]).includes('UNKNOWN_CUSTOMER'),
    );
  });

  it('R-DIS-05 finds a capacity excess', () => {
    assert.deepEqual(codes([[1, 2, 3]]), ['CAPACITY']);
  });

  it('R-DIS-05 finds too many routes for the fleet', () => {
    assert.deepEqual(codes([[1], [2], [3]]), ['FLEET_SIZE']);
  });

  it('R-DIS-05 finds a service start after the due date', () => {
    const late = { ...tiny, due: [100, 50, 6, 50] };
    assert.deepEqual(codes([[1, 2], [3]], late), ['TIME_WINDOW']);
  });

  it('R-DIS-05 finds a late return to the depot', () => {
    const short = { ...tiny, due: [19, 50, 50, 50] };
    assert.deepEqual(codes([[1, 2], [3]], short), ['DEPOT_RETURN']);
  });

  it('R-DIS-05 waits for the ready time before serving', () => {
    // Ready at 40 at customer 1: start 40, leave 41, reach 2 at 44.1 > due 44.
    const wait = { ...tiny, ready: [0, 40, 0, 0], due: [100, 50, 44, 50] };
    assert.deepEqual(codes([[1, 2], [3]], wait), ['TIME_WINDOW']);
  });

  it('R-DIS-05 parses a Solomon file and rejects an empty solution of it', () => {
    const inst = parseSolomon(R101_25);
    assert.equal(inst.x.length, 26);
    assert.equal(inst.capacity, 200);
    assert.equal(codes([], inst).filter((c) => c === 'MISSING_CUSTOMER').length, 25);
  });
});
