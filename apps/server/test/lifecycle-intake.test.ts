import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { requestIntake, serviceRequests } from '@aftercare/db';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';

type Json = Record<string, unknown> & { id: string };
type Problem = { code: string; errors?: { field: string; code: string }[] };

let s: TestServer;
const tok: Record<string, string> = {};
let userIds: Record<string, string> = {};
let modelId = '';
let customerId = '';

const DAY = 86_400_000;

const call = (extra: Record<string, unknown>) => ({
  channel: 'hotline',
  type: 'repair',
  customerId,
  problem: '热水器不出热水',
  ...extra,
});

/** Moves the clock on by whole days; sessions expire meanwhile, so everyone logs in again. */
async function advanceDays(days: number) {
  s.clock.advance(days * DAY);
  await login();
}
async function login() {
  for (const u of ['agent', 'engineer', 'tech1', 'supervisor', 'guide'])
    tok[u] = await s.login('intk', u, TEST_PASSWORD);
}

before(async () => {
  s = await startTestServer();
  ({ userIds } = await buildTenant(s.db.db, { code: 'intk', preset: 'furniture' }));
  await login();
  const line = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-lines', {
    code: 'sofa',
    name: '沙发',
  });
  const model = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-models', {
    productLineId: line.body.id,
    code: 'SF-3',
    name: '三人沙发',
  });
  modelId = model.body.id;
  const customer = await s.call<Json>(tok.agent!, 'POST', '/api/v1/customers', {
    name: '李雷',
    phones: ['137 0013 7000'],
    address: { province: '广东省', city: '广州市', district: '海珠区', line: '新港中路1号' },
  });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  customerId = customer.body.id;
});
after(async () => {
  await s?.close();
});

describe('triage at intake (R-IN-04)', () => {
  it('R-IN-04 a hazard keyword in the problem makes the request urgent and returns the stop-use advice in zh and en', async () => {
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      ...call({ unit: { modelId, serialNumber: 'SF-HAZ-1' } }),
      priority: 'low',
      problem: '沙发电动调节漏电，有焦糊味',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.priority, 'urgent');
    assert.equal(res.body.safetyHazard, true);
    const advice = res.body.stopUseAdvice as { zh: string; en: string };
    assert.match(advice.zh, /停止使用/);
    assert.match(advice.en, /stop using the product/);
    const triage = res.body.triage as { reasons: { code: string }[]; matchedKeywords: string[] };
    assert.deepEqual(
      triage.reasons.map((r) => r.code),
      ['safety_hazard_keyword', 'hazard_overrides_requested'],
    );
    assert.ok(triage.matchedKeywords.includes('漏电'));
  });

  it("R-IN-04 the agent's hazard flag alone makes it urgent", async () => {
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      ...call({ unit: { modelId, serialNumber: 'SF-FLAG-1' } }),
      problem: '沙发靠背晃得厉害，客户很担心',
      safetyHazard: true,
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.priority, 'urgent');
    assert.deepEqual(
      (res.body.triage as { reasons: { code: string }[] }).reasons.map((r) => r.code),
      ['agent_hazard_flag'],
    );
    assert.ok(res.body.stopUseAdvice);
  });

  it('R-IN-04 without a hazard, the priority asked for wins, else the default of the type (maintenance → low)', async () => {
    const asked = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      ...call({ unit: { modelId, serialNumber: 'SF-ASK-1' } }),
      priority: 'urgent',
      problem: '沙发坐垫塌陷',
    });
    assert.equal(asked.body.priority, 'urgent');
    assert.equal(asked.body.stopUseAdvice, null);
    const maintenance = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      ...call({ unit: { modelId, serialNumber: 'SF-MNT-1' } }),
      type: 'maintenance',
      problem: '年度保养',
    });
    assert.equal(maintenance.status, 201, JSON.stringify(maintenance.body));
    assert.equal(maintenance.body.priority, 'low');
    assert.deepEqual(
      (maintenance.body.triage as { reasons: { code: string }[] }).reasons.map((r) => r.code),
      ['type_default'],
    );
  });
});

describe('repeat requests (R-IN-08)', () => {
  let unitId = '';
  let firstId = '';

  it('R-IN-08 a new request for the same unit and symptom within 30 days links to the earlier one and counts as a repeat repair', async () => {
    const first = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      ...call({ unit: { modelId, serialNumber: 'SF-REP-1' } }),
      problem: '沙发电动头枕不能升降',
    });
    assert.equal(first.status, 201);
    assert.equal(first.body.isRepeat, false);
    firstId = first.body.id;
    unitId = (first.body.unit as Json).id;
    await advanceDays(10);
    const again = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call({ unitId, problem: '电动头枕又不能升降了' }),
    );
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.isRepeat, true);
    assert.equal(again.body.repeatOfId, firstId);
    const repeat = again.body.repeat as Json;
    assert.equal(repeat.isRepeatRepair, true);
    assert.equal(repeat.daysSince, 10);
    assert.equal(repeat.basis, 'text');
  });

  it('R-IN-08 another symptom of the same unit is not a repeat', async () => {
    const other = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call({ unitId, problem: '扶手皮面开裂' }),
    );
    assert.equal(other.body.isRepeat, false);
    assert.equal(other.body.repeatOfId, null);
  });

  it('R-IN-08 after the 30-day window the same symptom is a new request', async () => {
    await advanceDays(31);
    const late = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call({ unitId, problem: '扶手皮面开裂' }),
    );
    assert.equal(late.body.isRepeat, false);
  });
});

describe('the store registration form (R-IN-07)', () => {
  it("R-IN-07 a sales guide files the store's after-sales registration form: channel store, the store named, the guide as reporter", async () => {
    const res = await s.call<Json>(tok.guide!, 'POST', '/api/v1/service-requests', {
      channel: 'hotline',
      type: 'repair',
      customer: { name: '韩梅梅', phones: ['136 0013 6000'] },
      unit: { modelId, serialNumber: 'SF-STORE-1' },
      problem: '送货时沙发腿磕坏',
      storeName: '天河城店',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.channel, 'store');
    assert.equal(res.body.storeName, '天河城店');
    assert.equal(res.body.reporterId, userIds.guide);
  });
});

describe('consultations are answered and closed without a work order (R-IN-06)', () => {
  let consultationId = '';

  it('R-IN-06 an agent answers a consultation; it is closed as answered with no work order', async () => {
    const created = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      channel: 'wechat',
      type: 'consultation',
      customerId,
      problem: '真皮沙发怎么保养？',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    consultationId = created.body.id;
    const res = await s.call<Json>(tok.agent!, 'POST', `/api/v1/service-requests/${consultationId}/answer`, {
      answer: '每月用干布擦拭，避免阳光直射，每半年使用专用护理剂。',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'answered');
    assert.equal(res.body.answer, '每月用干布擦拭，避免阳光直射，每半年使用专用护理剂。');
    assert.equal(res.body.workOrderId, null);
    assert.ok(res.body.answeredAt);
    const clock = (res.body.sla as { key: string; state: string }[]).find(
      (c) => c.key === 'consultation.answer',
    );
    assert.equal(clock?.state, 'met', 'the answer stops the consultation-answer clock in time');
  });

  it('R-IN-06 it is answered once; a repair request is not answered this way; a technician may not answer', async () => {
    const again = await s.call<Problem>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${consultationId}/answer`,
      { answer: '再答一次' },
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'REQUEST_ILLEGAL_TRANSITION');
    const repair = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      call({ unit: { modelId, serialNumber: 'SF-NOTC-1' } }),
    );
    const before = await s.db.db
      .select({ n: count() })
      .from(requestIntake)
      .where(eq(requestIntake.requestId, repair.body.id));
    const notConsultation = await s.call<Problem>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${repair.body.id}/answer`,
      { answer: '好的' },
    );
    assert.equal(notConsultation.status, 422);
    assert.equal(notConsultation.body.code, 'REQUEST_NOT_CONSULTATION');
    const [row] = await s.db.db
      .select({ status: serviceRequests.status })
      .from(serviceRequests)
      .where(eq(serviceRequests.id, repair.body.id));
    assert.equal(row!.status, 'new');
    assert.deepEqual(
      await s.db.db
        .select({ n: count() })
        .from(requestIntake)
        .where(eq(requestIntake.requestId, repair.body.id)),
      before,
    );
    const tech = await s.call<Problem>(
      tok.tech1!,
      'POST',
      `/api/v1/service-requests/${consultationId}/answer`,
      { answer: '好的' },
    );
    assert.equal(tech.status, 403);
    const empty = await s.call<Problem>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${consultationId}/answer`,
      { answer: '  ' },
    );
    assert.equal(empty.status, 400);
    assert.deepEqual(
      empty.body.errors?.map((e) => e.field),
      ['answer'],
    );
  });
});
