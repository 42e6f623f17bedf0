import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlannedStop, PlanRoute } from '../api/dispatch';
import { moveVisit } from './moveVisit';

const stop = (workOrderId: string, hour: number): PlannedStop => ({
  workOrderId,
  number: `WO-${workOrderId}`,
  arrival: `2026-11-25T0${hour}:00:00.000Z`,
  start: `2026-11-25T0${hour}:00:00.000Z`,
  end: `2026-11-25T0${hour}:59:00.000Z`,
  travelMinutes: 5,
  distanceKm: 2,
  lateMinutes: 0,
});
const route = (technicianId: string, stops: PlannedStop[]): PlanRoute => ({
  technicianId,
  name: technicianId,
  stops,
  distanceKm: 0,
  travelMinutes: 0,
  returnAt: '2026-11-25T10:00:00.000Z',
});
const plan = [route('t1', [stop('a', 1), stop('b', 5)]), route('t2', [stop('c', 3)])];

test('R-DIS-04 a dragged visit joins the target route in start-time order and leaves its source', () => {
  const result = moveVisit(plan, {}, {}, 'b', 't2');
  assert.deepEqual(result?.moves, [
    { technicianId: 't2', workOrderIds: ['c', 'b'] },
    { technicianId: 't1', workOrderIds: ['a'] },
  ]);
  assert.deepEqual(moveVisit(plan, {}, {}, 'a', 't2')?.moves[0]?.workOrderIds, ['a', 'c']);
});

test('R-DIS-04 an unplanned visit goes last on a route, even a technician without one yet', () => {
  assert.deepEqual(moveVisit(plan, {}, {}, 'u', 't1')?.moves, [
    { technicianId: 't1', workOrderIds: ['a', 'b', 'u'] },
  ]);
  assert.deepEqual(moveVisit(plan, {}, {}, 'u', 't3')?.moves, [{ technicianId: 't3', workOrderIds: ['u'] }]);
});

test('R-DIS-04 earlier moves are kept, and dropping on the own row does nothing', () => {
  const first = moveVisit(plan, {}, {}, 'b', 't2')!;
  const second = moveVisit(plan, first.routes, {}, 'c', 't1');
  assert.deepEqual(second?.routes, { t1: ['a', 'c'], t2: ['b'] });
  assert.equal(moveVisit(plan, first.routes, {}, 'b', 't2'), null);
});
