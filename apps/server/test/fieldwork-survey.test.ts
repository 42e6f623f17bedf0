import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { complaints, surveys } from '@aftercare/db';
import { startTestServer, type TestServer } from './helper';
import {
  assessedOrder,
  move,
  repairRecord,
  setupCompany,
  SIGNATURE_2,
  type Company,
  type Json,
} from './fieldwork-kit';

let s: TestServer;
let c: Company;
let other: Company;

before(async () => {
  s = await startTestServer();
  c = await setupCompany(s, 'acme', 'appliance');
  other = await setupCompany(s, 'other', 'appliance');
});
after(async () => {
  await s?.close();
});

/** Repairs and completes the order (the rework path starts from `rework`, the first from `assessed`). */
async function repairAndComplete(id: string) {
  s.clock.advance(60_000);
  await move(s, c.tok.tech1!, id, 'start-repair');
  s.clock.advance(60_000);
  await move(s, c.tok.tech1!, id, 'complete', repairRecord());
}

async function surveyToken(id: string): Promise<string> {
  const fw = await s.call<{ surveys: Json[] }>(c.tok.agent!, 'GET', `/api/v1/work-orders/${id}/fieldwork`);
  const open = fw.body.surveys.filter((x) => x.answeredAt === null);
  return open[open.length - 1]!.token as string;
}

describe('R-FUP-02 R-WO-08 a rework after a low survey score, then a complaint when unsatisfied again', () => {
  let id = '';
  let token = '';

  before(async () => {
    id = await assessedOrder(s, c, 'SN-SURVEY-1');
    await repairAndComplete(id);
    s.clock.advance(60_000);
    await move(s, c.tok.tech1!, id, 'accept', {
      functionTestOk: true,
      appearanceOk: true,
      customerSignature: SIGNATURE_2,
    });
    token = await surveyToken(id);
  });

  it('R-FUP-02 completing made a survey link with a random token; the public page shows the order number and product, nothing personal', async () => {
    assert.ok(token.length >= 32);
    const res = await s.call<Json>(null, 'GET', `/api/v1/surveys/${token}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const order = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${id}`);
    assert.equal(res.body.orderNumber, order.body.number);
    assert.equal(res.body.product, '挂式空调 KFR-35GW');
    assert.equal(res.body.answered, false);
    const text = JSON.stringify(res.body);
    for (const personal of ['张三', '138', '天河', 'SN-SURVEY-1'])
      assert.ok(!text.includes(personal), `no ${personal}`);
  });

  it('R-FUP-02 an unknown token answers 404 and touches nothing', async () => {
    const res = await s.call<Json>(null, 'POST', `/api/v1/surveys/${'x'.repeat(32)}`, {
      responseTime: 0,
      onSiteTime: 0,
      repairResult: 0,
      attitude: 0,
    });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'SURVEY_NOT_FOUND');
  });

  it('R-FUP-02 a score outside 0–100 is refused naming the field', async () => {
    const res = await s.call<Json>(null, 'POST', `/api/v1/surveys/${token}`, {
      responseTime: 101,
      onSiteTime: 50,
      repairResult: 50,
      attitude: 50,
    });
    assert.equal(res.status, 400);
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['responseTime'],
    );
  });

  it('R-FUP-02 R-WO-08 a low score (below 60) opens the free second service: the order goes to rework by the system', async () => {
    s.clock.advance(3600_000);
    const res = await s.call<Json>(null, 'POST', `/api/v1/surveys/${token}`, {
      responseTime: 60,
      onSiteTime: 50,
      repairResult: 20,
      attitude: 70,
      comment: '还是不太凉',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { overall: 50, meetsTarget: false, thankYou: true });
    const order = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${id}`);
    assert.equal(order.body.status, 'rework');
    const last = (order.body.transitions as Json[]).at(-1)!;
    assert.equal(last.action, 'request_rework');
    assert.equal(last.actorId, '00000000-0000-0000-0000-000000000000');
    assert.match(String(last.reason), /50\/100/);
    const fw = await s.call<{ followUps: Json[]; surveys: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${id}/fieldwork`,
    );
    assert.equal(
      fw.body.followUps[0]!.status,
      'cancelled',
      'the call of the first completion is no longer due',
    );
    assert.equal(fw.body.surveys[0]!.outcome, 'open_rework');
  });

  it('R-FUP-02 a survey is answered once only', async () => {
    const res = await s.call<Json>(null, 'POST', `/api/v1/surveys/${token}`, {
      responseTime: 100,
      onSiteTime: 100,
      repairResult: 100,
      attitude: 100,
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'SURVEY_ALREADY_ANSWERED');
    const [row] = await s.db.db
      .select({ overall: surveys.overall })
      .from(surveys)
      .where(eq(surveys.token, token));
    assert.equal(row!.overall, 50, 'the first answer stands');
  });

  it('R-WO-08 the second service is scheduled and done again; the customer rejects acceptance again → a complaint, not a third service', async () => {
    s.clock.advance(3600_000);
    await move(s, c.tok.agent!, id, 'schedule', {
      slotStart: '2026-11-24T09:00:00+08:00',
      slotEnd: '2026-11-24T11:00:00+08:00',
      address: '天河路385号',
    });
    s.clock.set('2026-11-24T01:00:00Z');
    for (const t of Object.keys(c.tok)) c.tok[t] = await s.login(c.code, t, 'correct-horse-9');
    await move(s, c.tok.supervisor!, id, 'dispatch', { assigneeId: c.tenant.userIds.tech1 });
    s.clock.advance(60_000);
    await move(s, c.tok.tech1!, id, 'depart');
    s.clock.advance(60_000);
    await move(s, c.tok.tech1!, id, 'arrive');
    await repairAndComplete(id);
    s.clock.advance(60_000);
    const res = await move(s, c.tok.tech1!, id, 'reject-acceptance', {
      reason: '二次维修后仍不制冷',
      functionTestOk: false,
    });
    assert.equal(res.status, 'escalated');
    assert.equal((res.transitions as Json[]).at(-1)!.action, 'escalate_to_complaint');
    const fw = await s.call<{ complaints: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${id}/fieldwork`,
    );
    assert.equal(fw.body.complaints.length, 1);
    const complaint = fw.body.complaints[0]!;
    assert.equal(complaint.status, 'open');
    assert.equal(complaint.source, 'acceptance_rejected');
    assert.equal(complaint.description, '二次维修后仍不制冷');
    assert.match(String(complaint.number), /^CP-20261124-\d{4}$/);
    assert.deepEqual(
      (await s.call<Json>(c.tok.supervisor!, 'GET', `/api/v1/work-orders/${id}`)).body
        .allowedActions as string[],
      ['close'],
    );
  });
});

describe('R-WO-08 the first rejected acceptance is a free second service', () => {
  it('R-WO-08 reject-acceptance on the first completion → rework', async () => {
    const id = await assessedOrder(s, c, 'SN-REJECT-1');
    await repairAndComplete(id);
    s.clock.advance(60_000);
    const res = await move(s, c.tok.tech1!, id, 'reject-acceptance', { reason: '外观有划痕' });
    assert.equal(res.status, 'rework');
    assert.equal((res.details as Record<string, Json>).reject_acceptance!.freeRework, 1);
  });

  it('R-WO-08 a high survey score opens nothing', async () => {
    const id = await assessedOrder(s, c, 'SN-HAPPY-1');
    await repairAndComplete(id);
    const token = await surveyToken(id);
    const res = await s.call<Json>(null, 'POST', `/api/v1/surveys/${token}`, {
      responseTime: 100,
      onSiteTime: 90,
      repairResult: 100,
      attitude: 95,
    });
    assert.deepEqual(res.body, { overall: 96, meetsTarget: true, thankYou: true });
    const order = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${id}`);
    assert.equal(order.body.status, 'completed');
  });

  it('R-FUP-01 a follow-up call with the product not running opens the rework', async () => {
    const id = await assessedOrder(s, c, 'SN-CALL-1');
    await repairAndComplete(id);
    s.clock.advance(3600_000);
    const res = await move(s, c.tok.agent!, id, 'follow-up', {
      satisfaction: 4,
      productRunning: false,
      suggestions: '又开始漏水',
    });
    assert.equal(res.status, 'rework');
    // Both moves are made by the one command at the same instant (their order in the list is by id).
    assert.deepEqual(
      (res.transitions as Json[])
        .slice(-2)
        .map((t) => t.action)
        .sort(),
      ['follow_up', 'request_rework'],
    );
  });

  it('R-ROLE-03 a survey token of one company answers only for its own order; the other company sees no complaint of it', async () => {
    const [mine] = await s.db.db
      .select({ n: count() })
      .from(complaints)
      .where(eq(complaints.tenantId, other.tenant.tenant.tenantId));
    assert.equal(mine!.n, 0);
    const agent = await s.login(other.code, 'agent', 'correct-horse-9');
    const list = await s.call<{ total: number }>(agent, 'GET', '/api/v1/follow-ups');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 0);
  });
});
