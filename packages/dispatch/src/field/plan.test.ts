import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DayPlanInput } from './day-model';
import type { DayPlan } from './day-plan';
import { checkRoute } from './check-route';
import { planDay, replan } from './plan';
import { at, near, POLICY, SATURDAY, technician, visit, WEDNESDAY } from './test-builders';
import type { Visit } from './types';

const D = WEDNESDAY;

/** Twelve visits around the city in 2-hour windows, and three technicians. */
function demoDay(): DayPlanInput {
  const visits: Visit[] = [];
  for (let i = 0; i < 12; i++) {
    const h = 8 + (i % 4) * 2;
    visits.push(
      visit({
        id: `V${i + 1}`,
        location: near(((i * 7) % 13) - 6, ((i * 5) % 11) - 5),
        window: { start: at(D, h), end: at(D, h + 2) },
        serviceMinutes: 45,
        productLine: i % 3 === 0 ? 'furniture' : 'appliance',
        slaDeadline: undefined,
      }),
    );
  }
  const technicians = [
    technician({ id: 'A', name: '张师傅', home: near(-5, 0) }),
    technician({ id: 'B', name: '李师傅', home: near(5, 0) }),
    technician({ id: 'C', name: '王师傅', home: near(0, 5) }),
  ];
  return { day: D, policy: POLICY, technicians, visits };
}

const ownerOf = (plan: DayPlan) =>
  new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.visitId, r.technicianId] as const)));

describe('planDay', () => {
  it('R-DIS-04 plans every feasible visit within its window and reports progress', () => {
    const input = demoDay();
    const seen: number[] = [];
    const plan = planDay(input, { maxIterations: 300, onProgress: (f) => seen.push(f) });
    assert.equal(plan.totals.unplanned, 0);
    assert.equal(plan.totals.planned, 12);
    assert.equal(plan.totals.lateVisits, 0);
    const byId = new Map(input.visits.map((v) => [v.id, v]));
    for (const r of plan.routes) {
      let previousEnd = 0;
      for (const s of r.stops) {
        const v = byId.get(s.visitId)!;
        assert.ok(s.start >= v.window.start && s.start <= v.window.end, `${s.visitId} in window`);
        assert.ok(s.start >= previousEnd);
        previousEnd = s.end;
      }
    }
    assert.equal(seen.at(-1), 1);
    assert.ok(seen.every((f, i) => i === 0 || f >= seen[i - 1]!));
  });

  it('R-DIS-01 a visit needing a skill nobody has stays unplanned with a coded reason', () => {
    const input = demoDay();
    const odd = visit({ id: 'X', productLine: 'ceramics' });
    const plan = planDay({ ...input, visits: [...input.visits, odd] }, { maxIterations: 100 });
    assert.deepEqual(
      plan.unplanned.map((u) => [u.visitId, u.reason]),
      [['X', 'SKILL_MISSING']],
    );
  });

  it('R-DIS-01 a technician with an expired certificate gets no visit of that line', () => {
    const input = demoDay();
    const expired = technician({
      id: 'E',
      name: '赵师傅',
      home: near(0, 0),
      certificates: [{ code: 'APP', productLine: 'appliance', expiresAt: at(D, -24) }],
    });
    const plan = planDay({ ...input, technicians: [expired, ...input.technicians] }, { maxIterations: 200 });
    const lines = new Map(input.visits.map((v) => [v.id, v.productLine]));
    const mine = plan.routes.find((r) => r.technicianId === 'E')!.stops;
    assert.ok(mine.every((s) => lines.get(s.visitId) !== 'appliance'));
  });

  it('R-DIS-02 nobody on leave or off shift gets a route', () => {
    const input = demoDay();
    const away = technician({ id: 'L', leave: [{ start: at(D, 0), end: at(D, 24) }] });
    const off = technician({ id: 'O', shifts: [] });
    const plan = planDay(
      { ...input, technicians: [...input.technicians, away, off] },
      { maxIterations: 100 },
    );
    assert.deepEqual(
      plan.routes.map((r) => r.technicianId),
      ['A', 'B', 'C'],
    );
  });

  it('R-WO-04 furniture visits stay unplanned on a Saturday, with the weekday reason', () => {
    const sat = visit({ id: 'F', productLine: 'furniture' }, SATURDAY);
    const plan = planDay(
      { day: SATURDAY, policy: POLICY, technicians: [technician({}, SATURDAY)], visits: [sat] },
      { maxIterations: 50 },
    );
    assert.deepEqual(
      plan.unplanned.map((u) => u.reason),
      ['WEEKDAY_NOT_ALLOWED'],
    );
  });

  it("R-WO-04 a visit is never scheduled over the customer's lunch hours", () => {
    const lunch = { start: at(D, 12), end: at(D, 13.5) };
    const v = visit({ id: 'M', window: { start: at(D, 11), end: at(D, 13) }, avoid: [lunch] });
    const plan = planDay(
      { day: D, policy: POLICY, technicians: [technician()], visits: [v] },
      { maxIterations: 50 },
    );
    const stop = plan.routes[0]!.stops[0]!;
    assert.ok(stop.end <= lunch.start || stop.start >= lunch.end);
    const noRoom = visit({ id: 'N', window: { start: at(D, 12), end: at(D, 13) }, avoid: [lunch] });
    const plan2 = planDay(
      { day: D, policy: POLICY, technicians: [technician()], visits: [noRoom] },
      { maxIterations: 50 },
    );
    assert.deepEqual(
      plan2.unplanned.map((u) => u.reason),
      ['CUSTOMER_REST_TIME'],
    );
  });

  it('R-DIS-04 a visit that cannot be on time is planned late rather than dropped, and flagged', () => {
    const far = visit({ id: 'L', location: near(30, 0), window: { start: at(D, 8), end: at(D, 8.25) } });
    const plan = planDay(
      { day: D, policy: POLICY, technicians: [technician()], visits: [far] },
      { maxIterations: 50 },
    );
    assert.equal(plan.totals.unplanned, 0);
    assert.equal(plan.totals.lateVisits, 1);
    assert.ok(plan.routes[0]!.stops[0]!.lateMinutes > 30);
  });

  it('R-DIS-04 when capacity runs out, urgent visits are kept and low-priority ones left out', () => {
    const visits = [0, 1, 2, 3].map((i) =>
      visit({
        id: `P${i}`,
        location: near(i, 1),
        window: { start: at(D, 9), end: at(D, 17) },
        serviceMinutes: 180,
        priority: i === 3 ? 'urgent' : 'low',
        slaDeadline: undefined,
      }),
    );
    const plan = planDay(
      { day: D, policy: POLICY, technicians: [technician()], visits },
      { maxIterations: 300 },
    );
    assert.ok(plan.routes[0]!.stops.some((s) => s.visitId === 'P3'));
    assert.ok(plan.unplanned.every((u) => u.visitId !== 'P3' && u.reason === 'NO_FEASIBLE_ROUTE'));
  });
});

describe('replan', () => {
  it('R-DIS-04 a technician dropping out moves only their visits', () => {
    const input = demoDay();
    const before = planDay(input, { maxIterations: 300 });
    const owners = ownerOf(before);
    const out = replan(input, before, { kind: 'technicianOut', technicianId: 'B' }, { maxIterations: 300 });
    assert.ok(out.plan.routes.every((r) => r.technicianId !== 'B'));
    for (const m of out.moved) assert.equal(owners.get(m.visitId), 'B', `${m.visitId} moved but was not B's`);
    const after = ownerOf(out.plan);
    for (const [id, tech] of owners) if (tech !== 'B' && after.has(id)) assert.equal(after.get(id), tech);
  });

  it('R-DIS-04 an urgent visit is added without moving visits already sent', () => {
    const input = demoDay();
    const before = planDay(input, { maxIterations: 300 });
    const owners = ownerOf(before);
    const sent = {
      ...input,
      visits: input.visits.map((v) => ({ ...v, pinnedTechnicianId: owners.get(v.id) })),
    };
    const urgent = visit({
      id: 'U',
      priority: 'urgent',
      location: near(1, 1),
      window: { start: at(D, 13), end: at(D, 15) },
      slaDeadline: at(D, 15),
    });
    const out = replan(sent, before, { kind: 'visitAdded', visit: urgent }, { maxIterations: 300 });
    assert.deepEqual(out.moved, []);
    assert.ok(ownerOf(out.plan).has('U'));
  });
});

describe('checkRoute', () => {
  it('R-DIS-04 a dragged visit is checked at once: skills, lateness and the shift end', () => {
    const input = demoDay();
    const ok = checkRoute(input, 'A', ['V2', 'V3']);
    assert.equal(ok.feasible, true);
    assert.equal(ok.stops.length, 2);
    const cer = visit({ id: 'Z', productLine: 'ceramics' });
    const late = visit({ id: 'Y', window: { start: at(D, 8), end: at(D, 8.1) }, location: near(20, 0) });
    const bad = checkRoute({ ...input, visits: [...input.visits, cer, late] }, 'A', ['V4', 'Z', 'Y']);
    const codes = bad.violations.map((v) => `${v.visitId ?? '-'}:${v.code}`);
    assert.ok(codes.includes('Z:SKILL_MISSING'));
    assert.ok(codes.includes('Y:LATE'));
    assert.equal(bad.feasible, false);
  });
});
