import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { outbox } from '@aftercare/db';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startJobs, SLA_SWEEP_QUEUE } from '../src/jobs/jobs';
import { startTestServer, type TestServer } from './helper';

type Json = Record<string, unknown> & { id: string };
type Clock = {
  key: string;
  state: string;
  deadline: string;
  remainingMinutes: number;
  atRisk: boolean;
  breached: boolean;
  usedShareBp: number;
  pausedReason: string | null;
  subject: string;
};

let s: TestServer;
const tok: Record<string, string> = {};
let modelId = '';
const HOUR = 3600_000;

const call = (channel: string, serial: string, extra: Record<string, unknown> = {}) => ({
  channel,
  type: 'repair',
  customer: { name: '王芳', phones: ['18620001234'] },
  unit: { modelId, serialNumber: serial, purchaseDate: '2026-01-10' },
  problem: '洗衣机脱水时剧烈震动',
  ...extra,
});
const clock = (clocks: Clock[], key: string) => {
  const c = clocks.find((x) => x.key === key);
  assert.ok(c, `clock ${key} in ${clocks.map((x) => x.key).join(', ')}`);
  return c;
};

before(async () => {
  s = await startTestServer();
  await buildTenant(s.db.db, { code: 'acme', preset: 'appliance' });
  for (const u of ['agent', 'engineer', 'supervisor', 'tech1'])
    tok[u] = await s.login('acme', u, TEST_PASSWORD);
  const line = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-lines', {
    code: 'WM',
    name: '洗衣机',
  });
  const model = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-models', {
    productLineId: line.body.id,
    code: 'XQG100',
    name: '滚筒洗衣机',
  });
  modelId = model.body.id;
});
after(async () => s?.close());

describe('SLA clocks on requests and work orders', () => {
  let requestId = '';
  let workOrderId = '';

  it('R-IN-04 R-IN-05 a normal hotline request starts a 24 h response clock and the initial review', async () => {
    s.clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
    const res = await s.call<Json & { sla: Clock[] }>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call('hotline', 'SLA-1'),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    requestId = res.body.id;
    const response = clock(res.body.sla, 'response.normal');
    assert.equal(response.deadline, '2026-11-24T02:00:00.000Z');
    assert.equal(response.state, 'running');
    assert.equal(response.remainingMinutes, 24 * 60);
    assert.equal(clock(res.body.sla, 'request.review').deadline, '2026-11-24T02:00:00.000Z');
    assert.ok(
      !res.body.sla.some((c) => c.key === 'request.forward'),
      'a hotline call is already at the service department',
    );
  });

  it('R-IN-09 contacting the customer by phone meets the response target', async () => {
    s.clock.advance(2 * HOUR);
    const res = await s.call<Json & { sla: Clock[] }>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${requestId}/contact`,
      { note: '已电话联系客户' },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(clock(res.body.sla, 'response.normal').state, 'met');
    assert.equal(clock(res.body.sla, 'request.review').state, 'running');
  });

  it('R-WAR-01 reviewing meets the review target and the new work order starts its 48 h assessment clock', async () => {
    s.clock.advance(HOUR);
    const res = await s.call<{ request: Json & { sla: Clock[] }; workOrderId: string }>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${requestId}/review`,
      { eligible: true },
    );
    assert.equal(res.status, 200);
    assert.equal(clock(res.body.request.sla, 'request.review').state, 'met');
    workOrderId = res.body.workOrderId;
    const wo = await s.call<Json & { sla: Clock[] }>(tok.agent!, 'GET', `/api/v1/work-orders/${workOrderId}`);
    const assessment = clock(wo.body.sla, 'assessment');
    assert.equal(assessment.subject, 'work_order');
    assert.equal(assessment.deadline, '2026-11-25T05:00:00.000Z');
    assert.equal(
      clock(wo.body.sla, 'response.normal').subject,
      'service_request',
      'the order shows its request clocks too',
    );
  });

  it('R-WAR-01 waiting for parts pauses the assessment clock and the deadline moves by the time paused', async () => {
    const paused = await s.call<Json & { sla: Clock[] }>(
      tok.engineer!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/sla/pause`,
      { reason: 'waiting_parts' },
    );
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(clock(paused.body.sla, 'assessment').state, 'paused');
    assert.equal(clock(paused.body.sla, 'assessment').pausedReason, 'waiting_parts');
    s.clock.advance(5 * HOUR);
    const resumed = await s.call<Json & { sla: Clock[] }>(
      tok.engineer!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/sla/resume`,
      {},
    );
    assert.equal(resumed.status, 200);
    const assessment = clock(resumed.body.sla, 'assessment');
    assert.equal(assessment.state, 'running');
    assert.equal(assessment.deadline, '2026-11-25T10:00:00.000Z');
  });

  it('R-IN-05 a reason the policy does not pause for is refused naming the field', async () => {
    const res = await s.call<{ code: string; errors: { field: string }[] }>(
      tok.engineer!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/sla/pause`,
      { reason: 'waiting_quote_decision' },
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'SLA_NOTHING_TO_PAUSE');
    assert.equal(res.body.errors[0]!.field, 'reason');
  });

  it('R-WAR-01 recording the assessment meets the assessment target', async () => {
    s.clock.advance(HOUR);
    const res = await s.call<Json & { sla: Clock[] }>(
      tok.engineer!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/assess`,
      {
        faultConfirmed: true,
        findings: '减震器老化',
        causeClass: 'wear',
      },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(clock(res.body.sla, 'assessment').state, 'met');
  });
});

describe('R-IN-06 R-IN-07 working-time targets and the store hand-off', () => {
  it('R-NF-01 a store request on a Friday at 17:00 must be forwarded by Monday 11:30 (4 working hours, lunch excluded)', async () => {
    s.clock.set('2026-11-20T09:00:00Z'); // Friday 17:00 Shanghai
    tok.agent = await s.login('acme', 'agent', TEST_PASSWORD);
    const res = await s.call<Json & { sla: Clock[] }>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call('store', 'SLA-STORE'),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const forward = clock(res.body.sla, 'request.forward');
    assert.equal(forward.deadline, '2026-11-23T03:30:00.000Z'); // Monday 11:30
    assert.equal(forward.remainingMinutes, 240);
    const callback = clock(res.body.sla, 'store_handoff.callback');
    assert.equal(callback.deadline, '2026-11-20T10:00:00.000Z'); // 1 working hour: Friday 17:00–18:00
    s.clock.set('2026-11-23T01:00:00Z'); // Monday 09:00
    tok.agent = await s.login('acme', 'agent', TEST_PASSWORD);
    const fwd = await s.call<Json & { sla: Clock[] }>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${res.body.id}/forward`,
      {},
    );
    assert.equal(clock(fwd.body.sla, 'request.forward').state, 'met');
  });
});

describe('R-IN-04 lists filter by at risk and breached; the watcher records each alert once', () => {
  let urgentId = '';
  it('R-IN-04 an urgent request is at risk after 3 of its 4 hours and breached after 4', async () => {
    s.clock.set('2026-11-24T01:00:00Z');
    // Sessions last 12 h; the clock moved on, so log in again.
    for (const u of ['agent', 'supervisor']) tok[u] = await s.login('acme', u, TEST_PASSWORD);
    const res = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call('hotline', 'SLA-URGENT', { priority: 'urgent' }),
    );
    urgentId = res.body.id;
    s.clock.advance(3 * HOUR + 60_000);
    const atRisk = await s.call<{ items: Json[] }>(tok.agent!, 'GET', '/api/v1/service-requests?sla=at_risk');
    assert.equal(atRisk.status, 200, JSON.stringify(atRisk.body));
    assert.ok(atRisk.body.items.some((i) => i.id === urgentId));
    const breachedEarly = await s.call<{ items: Json[] }>(
      tok.agent!,
      'GET',
      '/api/v1/service-requests?sla=breached',
    );
    assert.ok(!breachedEarly.body.items.some((i) => i.id === urgentId));
    s.clock.advance(HOUR);
    const breached = await s.call<{ items: (Json & { sla: Clock[] })[] }>(
      tok.agent!,
      'GET',
      '/api/v1/service-requests?sla=breached',
    );
    const item = breached.body.items.find((i) => i.id === urgentId);
    assert.ok(item);
    assert.equal(clock(item.sla, 'response.urgent').state, 'breached');
    const atRiskLater = await s.call<{ items: Json[] }>(
      tok.agent!,
      'GET',
      '/api/v1/service-requests?sla=at_risk',
    );
    assert.ok(!atRiskLater.body.items.some((i) => i.id === urgentId), 'breached is no longer at risk');
  });

  it('R-IN-04 the watcher job records the warning and the breach once, however often it runs', async () => {
    const jobs = await startJobs({
      handle: s.db,
      databaseUrl: process.env.DATABASE_URL,
      clock: s.clock,
      log: s.app.log,
      schedule: false,
    });
    try {
      const alertsOf = async () =>
        (
          await s.db.db
            .select({ type: outbox.type })
            .from(outbox)
            .where(and(eq(outbox.aggregateId, urgentId)))
        )
          .map((r) => r.type)
          .filter((t) => t === 'sla.warning_recorded' || t === 'sla.breach_recorded');
      // The queued job does the sweep …
      await jobs.boss.send(SLA_SWEEP_QUEUE, {});
      for (let i = 0; i < 60 && !(await alertsOf()).includes('sla.breach_recorded'); i++)
        await new Promise((r) => setTimeout(r, 250));
      // Only the 4 h response clock fell due; the 24 h review clock is at 17 %.
      assert.deepEqual((await alertsOf()).sort(), ['sla.breach_recorded', 'sla.warning_recorded']);
      // … and sweeping again, even two at once, records nothing more.
      await Promise.all([jobs.sweepNow(), jobs.sweepNow()]);
      assert.deepEqual((await alertsOf()).sort(), ['sla.breach_recorded', 'sla.warning_recorded']);
      const audit = await s.call<{ items: Json[] }>(
        tok.supervisor!,
        'GET',
        `/api/v1/audit?entityType=service_request&entityId=${urgentId}`,
      );
      assert.ok(
        audit.body.items.some(
          (e) => String(e.action).includes('sla.breach_recorded') && e.actorName === 'SLA watcher',
        ),
      );
    } finally {
      await jobs.stop();
    }
  });
});
