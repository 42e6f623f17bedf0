import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startJobs, type Jobs } from '../src/jobs/jobs';
import { startTestServer, type TestServer } from './helper';
import { locatedOrder, setupCompany, setupWorkforce, sh, type Company, type Json } from './dispatching-kit';

// Monday 2026-11-23 10:00 (Asia/Shanghai); the day planned is Wednesday 25th. Unbooked orders may be
// served in the largest part of the day outside the customer's rest hours (13:30–21:00 in the
// presets), so three of them fit one technician's afternoon when the other drops out.
type Stop = { workOrderId: string; start: string; end: string; number: string };
type Plan = Json & {
  status: string;
  progress: number;
  routes: { technicianId: string; name: string; stops: Stop[] }[];
  unplanned: { workOrderId: string; reason: string }[];
  moved: { workOrderId: string; from: string; to: string | null }[];
};

let s: TestServer;
let acme: Company;
let jobs: Jobs;
let wf: { centreId: string; productLineId: string };
let t1 = '';
let t2 = '';
const orders: string[] = [];
const spots = [
  { latitude: 23.14, longitude: 113.335 },
  { latitude: 23.12, longitude: 113.31 },
  { latitude: 23.15, longitude: 113.36 },
];

before(async () => {
  s = await startTestServer();
  acme = await setupCompany(s, 'acme', 'appliance');
  wf = await setupWorkforce(s, acme);
  t1 = acme.tenant.userIds.tech1!;
  t2 = acme.tenant.userIds.tech2!;
  for (const [i, at] of spots.entries()) orders.push((await locatedOrder(s, acme, `SN-P${i}`, at)).id);
  // A far-away order (Shenzhen) is outside the centre's 40 km area and stays out of the plan.
  await locatedOrder(s, acme, 'SN-FAR', { latitude: 22.54, longitude: 114.06 });
  jobs = await startJobs({
    handle: s.db,
    databaseUrl: process.env.DATABASE_URL,
    clock: s.clock,
    log: s.app.log,
    schedule: false,
    planBudgetMs: 400,
  });
});
after(async () => {
  await jobs?.stop();
  await s?.close();
});

async function poll(id: string): Promise<Plan> {
  const seen: number[] = [];
  for (let i = 0; i < 120; i++) {
    const res = await s.call<Plan>(acme.tok.supervisor!, 'GET', `/api/v1/dispatch/plans/${id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    seen.push(res.body.progress);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`plan ${id} did not finish; progress seen ${seen.join(',')}`);
}

describe('day planning (R-DIS-04)', () => {
  let plan: Plan;

  it('R-DIS-04 a day plan runs through the job to done, with routes of ordered stops and times', async () => {
    const res = await s.call<Plan>(acme.tok.supervisor!, 'POST', '/api/v1/dispatch/plans', {
      serviceCentreId: wf.centreId,
      date: '2026-11-25',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.status, 'queued');
    assert.equal(res.body.progress, 0);
    plan = await poll(res.body.id);
    assert.equal(plan.status, 'done', String(plan.error));
    assert.equal(plan.progress, 100);
    const planned = plan.routes.flatMap((r) => r.stops.map((x) => x.workOrderId));
    assert.deepEqual([...planned].sort(), [...orders].sort(), JSON.stringify(plan.unplanned));
    assert.deepEqual(plan.unplanned, []);
    for (const r of plan.routes) {
      assert.ok([t1, t2].includes(r.technicianId));
      for (const [i, stop] of r.stops.entries()) {
        assert.ok(stop.number.startsWith('WO-'));
        assert.ok(stop.start >= sh('2026-11-25 08:00') && stop.end <= sh('2026-11-25 18:00'));
        // R-WO-04 no visit in the customer's meal hours.
        assert.ok(
          stop.end <= sh('2026-11-25 12:00') || stop.start >= sh('2026-11-25 13:30'),
          JSON.stringify(stop),
        );
        if (i > 0) assert.ok(stop.start >= r.stops[i - 1]!.end, 'stops in time order');
      }
    }
    const audit = await s.call<{ items: Json[] }>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=dispatch_plan&entityId=${plan.id}`,
    );
    assert.deepEqual(
      audit.body.items.map((e) => e.action),
      ['dispatch_plan.request', 'dispatch_plan.done'],
    );
  });

  it('R-DIS-04 the board checks a dragged route at once', async () => {
    const all = plan.routes.flatMap((r) => r.stops.map((x) => x.workOrderId));
    const res = await s.call<{
      feasible: boolean;
      routes: { violations: { code: string }[]; stops: Stop[] }[];
    }>(acme.tok.supervisor!, 'POST', `/api/v1/dispatch/plans/${plan.id}/check`, {
      moves: [{ technicianId: t1, workOrderIds: all.slice(0, 2) }],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.feasible, true, JSON.stringify(res.body));
    assert.equal(res.body.routes[0]!.stops.length, 2);
    const unknown = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/dispatch/plans/${plan.id}/check`,
      {
        moves: [{ technicianId: t1, workOrderIds: [acme.tenant.userIds.agent] }],
      },
    );
    assert.equal(unknown.status, 404);
  });

  it('R-DIS-04 a technician drops out: the re-plan moves only their visits and keeps the other routes', async () => {
    const before = new Map(plan.routes.map((r) => [r.technicianId, r.stops.map((x) => x.workOrderId)]));
    const out = plan.routes.find((r) => r.stops.length > 0)!.technicianId;
    const stay = out === t1 ? t2 : t1;
    const res = await s.call<Plan>(acme.tok.supervisor!, 'POST', `/api/v1/dispatch/plans/${plan.id}/replan`, {
      change: { kind: 'technician_out', technicianId: out },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'done');
    assert.equal(res.body.parentId, plan.id);
    assert.ok(!res.body.routes.some((r) => r.technicianId === out));
    const kept = res.body.routes.find((r) => r.technicianId === stay)!.stops.map((x) => x.workOrderId);
    for (const id of before.get(stay) ?? []) assert.ok(kept.includes(id), 'the other route keeps its visits');
    const movedIds = res.body.moved.map((m) => m.workOrderId).sort();
    assert.deepEqual(movedIds, [...(before.get(out) ?? [])].sort());
    for (const m of res.body.moved) assert.equal(m.from, out);
  });

  it('R-DIS-04 an urgent order joins the day by re-planning', async () => {
    const urgent = await locatedOrder(s, acme, 'SN-URG', { latitude: 23.125, longitude: 113.32 }, 'urgent');
    const res = await s.call<Plan>(acme.tok.supervisor!, 'POST', `/api/v1/dispatch/plans/${plan.id}/replan`, {
      change: { kind: 'order_added', workOrderId: urgent.id },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const planned = res.body.routes.flatMap((r) => r.stops.map((x) => x.workOrderId));
    assert.ok(planned.includes(urgent.id));
    assert.equal(res.body.moved.length, 0, 'nothing already planned changes technician');
  });

  it('R-DIS-04 publishing applies the plan to the orders (technician and time), audited; only once', async () => {
    const agent = await s.call<Json>(acme.tok.agent!, 'POST', `/api/v1/dispatch/plans/${plan.id}/publish`);
    assert.equal(agent.status, 403);
    const res = await s.call<{
      applied: { workOrderId: string; technicianId: string }[];
      skipped: Json[];
      plan: Plan;
    }>(acme.tok.supervisor!, 'POST', `/api/v1/dispatch/plans/${plan.id}/publish`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.applied.length, orders.length, JSON.stringify(res.body.skipped));
    assert.ok(res.body.plan.publishedAt);
    const first = plan.routes.find((r) => r.stops.length > 0)!;
    const wo = await s.call<Json>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/work-orders/${first.stops[0]!.workOrderId}`,
    );
    assert.equal(wo.body.status, 'scheduled');
    assert.equal((wo.body.assignee as Json).id, first.technicianId);
    assert.equal(((wo.body.details as Json).schedule as Json).slotStart, first.stops[0]!.start);
    const again = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/dispatch/plans/${plan.id}/publish`,
    );
    assert.equal(again.status, 422);
    assert.equal(again.body.code, 'DISPATCH_PLAN_PUBLISHED');
  });

  it('R-ROLE-03 another company cannot see the plan', async () => {
    const other = await setupCompany(s, 'other', 'appliance');
    const res = await s.call<Json>(other.tok.supervisor!, 'GET', `/api/v1/dispatch/plans/${plan.id}`);
    assert.equal(res.status, 404);
  });
});
