import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import { attachments, workOrderTransitions } from '@aftercare/db';
import { startTestServer, type TestServer } from './helper';
import {
  assessedOrder,
  move,
  repairRecord,
  setClock,
  setupCompany,
  SIGNATURE,
  SIGNATURE_2,
  type Company,
  type Json,
} from './fieldwork-kit';

let s: TestServer;
let c: Company;

before(async () => {
  s = await startTestServer();
  c = await setupCompany(s, 'acme', 'appliance');
});
after(async () => {
  await s?.close();
});

async function snapshot(id: string) {
  const order = await s.call<Json>(c.tok.supervisor!, 'GET', `/api/v1/work-orders/${id}`);
  const [moves] = await s.db.db
    .select({ n: count() })
    .from(workOrderTransitions)
    .where(eq(workOrderTransitions.workOrderId, id));
  const [files] = await s.db.db
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.workOrderId, id));
  return { status: order.body.status, version: order.body.version, moves: moves!.n, files: files!.n };
}

describe('a full on-site repair: schedule → dispatch → travel → repair → complete → accepted', () => {
  let id = '';
  let completedVersion = 0;

  before(async () => {
    id = await assessedOrder(s, c, 'SN-ONSITE-1');
  });

  it('R-WO-02 the agent books the visit slot and address; the supervisor dispatches tech1', async () => {
    const scheduled = await move(s, c.tok.agent!, id, 'schedule', {
      slotStart: '2026-11-24T09:00:00+08:00',
      slotEnd: '2026-11-24T11:00:00+08:00',
      address: '广州市天河区天河路385号 12楼',
      zone: 'urban',
    });
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(
      (scheduled.details as Record<string, Json>).schedule!.slotStart,
      '2026-11-24T09:00:00+08:00',
    );
    const dispatched = await move(s, c.tok.supervisor!, id, 'dispatch', {
      assigneeId: c.tenant.userIds.tech1,
    });
    assert.equal(dispatched.status, 'dispatched');
    assert.equal((dispatched.assignee as Json).id, c.tenant.userIds.tech1);
  });

  it('R-WO-02 a slot that is already over is refused naming the field', async () => {
    const other = await assessedOrder(s, c, 'SN-ONSITE-PAST');
    const res = await s.call<Json>(c.tok.agent!, 'POST', `/api/v1/work-orders/${other}/schedule`, {
      slotStart: '2026-11-20T09:00:00+08:00',
      slotEnd: '2026-11-20T11:00:00+08:00',
      address: '天河路385号',
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'SCHEDULE_SLOT_IN_PAST');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['slotEnd'],
    );
  });

  it('R-ROLE-03 only the assigned technician travels: tech2 does not even see the order', async () => {
    const res = await s.call<Json>(c.tok.tech2!, 'POST', `/api/v1/work-orders/${id}/depart`, {});
    assert.equal(res.status, 404);
  });

  it('R-WO-01 tech1 departs and arrives; the arrival time (on site) is recorded', async () => {
    await setClock(s, [c], '2026-11-24T00:40:00Z');
    assert.equal((await move(s, c.tok.tech1!, id, 'depart', {})).status, 'en_route');
    await setClock(s, [c], '2026-11-24T01:20:00Z');
    const arrived = await move(s, c.tok.tech1!, id, 'arrive', { note: '已电话确认' });
    assert.equal(arrived.status, 'on_site');
    assert.equal((arrived.details as Record<string, Json>).arrive!.arrivedAt, '2026-11-24T01:20:00.000Z');
  });

  it('R-WO-08 a signature on an order not yet completed is refused with a coded error and changes nothing', async () => {
    const before = await snapshot(id);
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/accept`, {
      functionTestOk: true,
      appearanceOk: true,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.code, 'ACCEPTANCE_ORDER_NOT_COMPLETED');
    assert.deepEqual(await snapshot(id), before);
  });

  it('R-WO-07 R-WO-09 tech1 repairs and completes with the repair record, the whole-product check and the other-faults question', async () => {
    await setClock(s, [c], '2026-11-24T01:30:00Z');
    assert.equal((await move(s, c.tok.tech1!, id, 'start-repair', {})).status, 'in_repair');
    await setClock(s, [c], '2026-11-24T02:30:00Z');
    const done = await move(s, c.tok.tech1!, id, 'complete', repairRecord());
    assert.equal(done.status, 'completed');
    const record = (done.details as Record<string, Json>).complete!;
    assert.equal(record.cause, '压缩机启动电容失效');
    assert.deepEqual(record.partsReplaced, [{ name: '启动电容 35µF', partNumber: 'CAP-35', quantity: 1 }]);
    assert.equal(record.otherFaultsAsked, true);
    assert.equal(
      record.technicianSignature,
      undefined,
      'the image is stored as an attachment, not in the record',
    );
    assert.ok(typeof record.technicianSignatureId === 'string');
    completedVersion = done.version as number;
  });

  it('R-WO-08 a failed function check is not an acceptance: refused naming the field, nothing changes', async () => {
    const before = await snapshot(id);
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/accept`, {
      functionTestOk: false,
      appearanceOk: true,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'ACCEPTANCE_CHECK_FAILED');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['functionTestOk'],
    );
    assert.deepEqual(await snapshot(id), before);
  });

  it('R-WO-08 a signature that is not a PNG is refused naming the field', async () => {
    const gif = `data:image/png;base64,${Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;').toString('base64')}`;
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/accept`, {
      functionTestOk: true,
      appearanceOk: true,
      customerSignature: gif,
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'SIGNATURE_INVALID');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['customerSignature'],
    );
  });

  it('R-WO-08 the customer accepts with the function and appearance checks and a signature drawn on screen', async () => {
    await setClock(s, [c], '2026-11-24T02:40:00Z');
    const accepted = await move(s, c.tok.tech1!, id, 'accept', {
      functionTestOk: true,
      appearanceOk: true,
      customerSignature: SIGNATURE_2,
      comment: '满意',
    });
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.version, completedVersion + 1);
    const list = await s.call<{ items: Json[] }>(
      c.tok.tech1!,
      'GET',
      `/api/v1/work-orders/${id}/attachments`,
    );
    assert.deepEqual(
      list.body.items.map((a) => [a.purpose, a.contentType]),
      [
        ['technician_signature', 'image/png'],
        ['customer_signature', 'image/png'],
      ],
    );
    const file = await s.app.inject({
      method: 'GET',
      url: list.body.items[1]!.url as string,
      headers: { authorization: `Bearer ${c.tok.tech1}` },
    });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.rawPayload.toString('base64'), SIGNATURE_2.split(',')[1]);
  });

  it('R-WO-07 the printable service report (维修单) shows customer, product, symptom, cause, plan, parts, test result, both signatures, number and date', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${id}/service-report`,
      headers: { authorization: `Bearer ${c.tok.agent}` },
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    const html = res.body;
    const order = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${id}`);
    for (const text of [
      '维修单',
      order.body.number as string,
      '2026-11-24',
      '张三',
      '天河路385号',
      '挂式空调 KFR-35GW',
      'SN-ONSITE-1',
      '客户称：开机后不制冷，出风是热风',
      '压缩机启动电容失效',
      '更换启动电容，客户同意',
      '启动电容 35µF',
      '试机 30 分钟，出风温度 12℃，制冷正常',
      '整机检查：室外机风扇、排水正常',
      '维修技师签字 (tech1)',
      '客户签字',
    ]) {
      assert.ok(html.includes(text), `the report shows ${text}`);
    }
    assert.ok(html.includes(`src="${SIGNATURE}"`), 'technician signature image');
    assert.ok(html.includes(`src="${SIGNATURE_2}"`), 'customer signature image');
    const en = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${id}/service-report?lang=en`,
      headers: { authorization: `Bearer ${c.tok.agent}` },
    });
    assert.ok(en.body.includes('Service report') && en.body.includes('Customer signature'));
  });

  it('R-WO-07 user text in the report is escaped', async () => {
    const other = await assessedOrder(s, c, 'SN-ONSITE-XSS', '<script>alert(1)</script> 不制冷');
    await move(s, c.tok.tech1!, other, 'start-repair', {});
    await move(s, c.tok.tech1!, other, 'complete', repairRecord({ cause: '<img src=x onerror=alert(2)>' }));
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${other}/service-report`,
      headers: { authorization: `Bearer ${c.tok.agent}` },
    });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<img src=x'), 'no raw tag');
    assert.ok(res.body.includes('&#60;img src=x onerror=alert(2)&#62;'));
    assert.equal(
      res.headers['content-security-policy'],
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    );
  });

  it('R-ROLE-03 tech2 cannot read the report of an order not assigned to them; another company neither', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${id}/service-report`,
      headers: { authorization: `Bearer ${c.tok.tech2}` },
    });
    assert.equal(res.statusCode, 404);
  });

  it('R-FUP-01 completing created the follow-up call task due 3 working days later; the call is recorded and the order followed up', async () => {
    // Completed Tuesday 2026-11-24 10:30 Shanghai: Wed, Thu, Fri → due Friday 10:30.
    const list = await s.call<{ items: Json[]; total: number }>(
      c.tok.agent!,
      'GET',
      '/api/v1/follow-ups?status=open&due=2026-11-27T02:30:00Z',
    );
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const task = list.body.items.find((t) => t.workOrderId === id)!;
    assert.ok(task, 'the task is listed');
    assert.equal(task.dueAt, '2026-11-27T02:30:00.000Z');
    assert.equal(task.overdue, false);
    const notYet = await s.call<{ items: Json[] }>(
      c.tok.agent!,
      'GET',
      '/api/v1/follow-ups?status=open&due=2026-11-27T02:29:59Z',
    );
    assert.ok(!notYet.body.items.some((t) => t.workOrderId === id), 'not due before its time');

    await setClock(s, [c], '2026-11-25T06:00:00Z');
    const missed = await s.call<{ task: Json; outcome: string }>(
      c.tok.agent!,
      'POST',
      `/api/v1/follow-ups/${task.id}/record`,
      { reached: false, note: '无人接听' },
    );
    assert.equal(missed.status, 200, JSON.stringify(missed.body));
    assert.equal(missed.body.task.status, 'open');
    assert.equal((missed.body.task.attempts as Json[]).length, 1);

    await setClock(s, [c], '2026-11-26T06:00:00Z');
    const call = await s.call<{ task: Json; outcome: string; workOrderStatus: string }>(
      c.tok.agent!,
      'POST',
      `/api/v1/follow-ups/${task.id}/record`,
      {
        reached: true,
        satisfaction: 5,
        productRunning: true,
        suggestions: '师傅很专业',
      },
    );
    assert.equal(call.status, 200, JSON.stringify(call.body));
    assert.equal(call.body.outcome, 'none');
    assert.equal(call.body.task.status, 'done');
    assert.equal(call.body.workOrderStatus, 'followed_up');
    assert.equal((call.body.task.result as Json).satisfactionScore, 100);
    const again = await s.call<Json>(c.tok.agent!, 'POST', `/api/v1/follow-ups/${task.id}/record`, {
      reached: true,
      satisfaction: 5,
      productRunning: true,
    });
    assert.equal(again.body.code, 'FOLLOW_UP_TASK_NOT_OPEN');
  });

  it('R-ROLE-03 a technician may not list follow-up tasks', async () => {
    const res = await s.call<Json>(c.tok.tech1!, 'GET', '/api/v1/follow-ups');
    assert.equal(res.status, 403);
  });
});

describe('R-FUP-01 the follow-up due date counts working days of the tenant calendar', () => {
  it('R-FUP-01 completed on Thursday: the weekend is skipped (due Tuesday)', async () => {
    await setClock(s, [c], '2026-11-26T02:00:00Z');
    const id = await assessedOrder(s, c, 'SN-FUP-WEEKEND');
    await move(s, c.tok.tech1!, id, 'start-repair', {});
    await move(s, c.tok.tech1!, id, 'complete', { workDone: '清洗滤网', testResult: '正常' });
    const fw = await s.call<{ followUps: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${id}/fieldwork`,
    );
    // Thursday 10:00 Shanghai → Fri, Mon, Tue.
    assert.equal(fw.body.followUps[0]!.dueAt, '2026-12-01T02:00:00.000Z');
  });

  it('R-FUP-01 completed the day before the National Day holiday: 1–7 October are skipped and the make-up Saturday counts', async () => {
    await setClock(s, [c], '2026-09-29T02:00:00Z');
    const id = await assessedOrder(s, c, 'SN-FUP-HOLIDAY');
    await setClock(s, [c], '2026-09-30T02:00:00Z');
    await move(s, c.tok.tech1!, id, 'start-repair', {});
    await move(s, c.tok.tech1!, id, 'complete', { workDone: '更换温控器', testResult: '正常' });
    const fw = await s.call<{ followUps: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${id}/fieldwork`,
    );
    // Wed 30 Sep 10:00 → Thu 8 Oct (1), Fri 9 Oct (2), Sat 10 Oct 调休补班 (3).
    assert.equal(fw.body.followUps[0]!.dueAt, '2026-10-10T02:00:00.000Z');
    await setClock(s, [c], '2026-11-26T06:00:00Z');
  });
});

describe('R-WO-01 not repairable and cancel', () => {
  it('R-WO-01 not repairable hands off to an exchange (recorded) and needs the hand-off', async () => {
    const id = await assessedOrder(s, c, 'SN-NR-1');
    const missing = await s.call<Json>(
      c.tok.engineer!,
      'POST',
      `/api/v1/work-orders/${id}/declare-not-repairable`,
      { reason: '主板停产' },
    );
    assert.equal(missing.status, 400);
    assert.deepEqual(
      (missing.body.errors as { field: string }[]).map((e) => e.field),
      ['handoff'],
    );
    const res = await move(s, c.tok.engineer!, id, 'declare-not-repairable', {
      reason: '主板停产，无备件',
      handoff: 'exchange',
    });
    assert.equal(res.status, 'not_repairable');
    assert.equal((res.details as Record<string, Json>).declare_not_repairable!.handoff, 'exchange');
  });

  it('R-WO-01 a scheduled order is cancelled with a reason', async () => {
    const id = await assessedOrder(s, c, 'SN-CANCEL-1');
    await move(s, c.tok.agent!, id, 'schedule', {
      slotStart: '2026-12-01T09:00:00+08:00',
      slotEnd: '2026-12-01T11:00:00+08:00',
      address: '天河路385号',
    });
    const res = await move(s, c.tok.agent!, id, 'cancel', { reason: '客户自行修好' });
    assert.equal(res.status, 'cancelled');
  });

  it('R-WO-01 the moves are audited with who and when', async () => {
    const [row] = await s.db.db
      .select({ n: count() })
      .from(workOrderTransitions)
      .where(
        and(
          eq(workOrderTransitions.action, 'arrive'),
          eq(workOrderTransitions.tenantId, c.tenant.tenant.tenantId),
        ),
      );
    assert.equal(row!.n, 1);
  });
});
