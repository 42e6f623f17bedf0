import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helper';
import { locatedOrder, setupCompany, setupWorkforce, sh, type Company, type Json } from './dispatching-kit';

// The test clock starts on Monday 2026-11-23 10:00 (Asia/Shanghai). Visits are booked on Wednesday 25th.
type Proposals = {
  proposals: (Json & { technicianId: string; facts: Json; explanation: { zh: string; en: string } })[];
  rejected: { technicianId: string; rejections: { code: string }[] }[];
  visit: Json;
};

let s: TestServer;
let acme: Company;
let furn: Company;
let wf: { centreId: string; productLineId: string };
let t1 = '';
let t2 = '';
const near = { latitude: 23.14, longitude: 113.335 };

const proposals = (c: Company, id: string, from: string, to: string) =>
  s.call<Proposals>(
    c.tok.supervisor!,
    'GET',
    `/api/v1/work-orders/${id}/assignment-proposals?slotStart=${encodeURIComponent(sh(from))}&slotEnd=${encodeURIComponent(sh(to))}`,
  );
const codesOf = (p: Proposals, tech: string) =>
  p.rejected.find((r) => r.technicianId === tech)?.rejections.map((r) => r.code) ?? [];

before(async () => {
  s = await startTestServer();
  acme = await setupCompany(s, 'acme', 'appliance');
  furn = await setupCompany(s, 'furn', 'furniture');
  wf = await setupWorkforce(s, acme);
  await setupWorkforce(s, furn);
  t1 = acme.tenant.userIds.tech1!;
  t2 = acme.tenant.userIds.tech2!;
});
after(async () => s?.close());

describe('auto-assignment: proposals, hard rules, assignment and override', () => {
  let orderA = '';
  let orderB = '';

  it('R-DIS-03 R-WO-02 the eligible technicians are ranked and each proposal explains itself', async () => {
    orderA = (await locatedOrder(s, acme, 'SN-A1', near)).id;
    const res = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.proposals.map((p) => p.technicianId).sort(), [t1, t2].sort());
    const best = res.body.proposals[0]!;
    assert.equal(best.technicianId, t1, 'nearer and more skilled');
    assert.ok(Number(best.score) >= Number(res.body.proposals[1]!.score));
    assert.match(best.explanation.en, /^tech1: [\d.]+ km, \d+ min, on shift until 18:00, 0 jobs today, /);
    assert.match(best.explanation.zh, /^tech1：[\d.]+ 公里，\d+ 分钟，值班至 18:00，今日已有 0 单，/);
    assert.equal(best.facts.skillLevel, 4);
    assert.equal(best.facts.startAt, sh('2026-11-25 10:00'));
    assert.equal(best.facts.shiftEndsAt, sh('2026-11-25 18:00'));
    assert.equal(res.body.visit.productLineId, wf.productLineId);
    assert.equal(res.body.visit.serviceCentreId, wf.centreId);
    assert.deepEqual(res.body.rejected, []);
  });

  it('R-ROLE-03 another company’s technicians are never proposed, nor its orders visible', async () => {
    const res = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    const ids = [
      ...res.body.proposals.map((p) => p.technicianId),
      ...res.body.rejected.map((r) => r.technicianId),
    ];
    assert.ok(!ids.includes(furn.tenant.userIds.tech1!) && !ids.includes(furn.tenant.userIds.tech2!));
    const other = await proposals(furn, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.equal(other.status, 404);
    const assign = await s.call<Json>(furn.tok.supervisor!, 'POST', `/api/v1/work-orders/${orderA}/assign`, {
      technicianId: furn.tenant.userIds.tech1,
      slotStart: sh('2026-11-25 10:00'),
      slotEnd: sh('2026-11-25 12:00'),
    });
    assert.equal(assign.status, 404);
  });

  it('R-DIS-01 an expired certificate rules the technician out', async () => {
    const patch = await s.call<Json>(acme.tok.supervisor!, 'PATCH', `/api/v1/technicians/${t2}`, {
      certificates: [{ code: 'AC-tech2', productLineId: wf.productLineId, expiresOn: '2026-11-01' }],
    });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    const res = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.deepEqual(codesOf(res.body, t2), ['CERTIFICATE_EXPIRED']);
    await s.call<Json>(acme.tok.supervisor!, 'PATCH', `/api/v1/technicians/${t2}`, {
      certificates: [{ code: 'AC-tech2', productLineId: wf.productLineId, expiresOn: '2027-12-31' }],
    });
  });

  it('R-DIS-01 a failed annual assessment rules the technician out', async () => {
    await s.call<Json>(acme.tok.supervisor!, 'PATCH', `/api/v1/technicians/${t2}`, {
      assessment: { passed: false, date: '2026-03-01' },
    });
    const res = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.deepEqual(codesOf(res.body, t2), ['ASSESSMENT_NOT_PASSED']);
    await s.call<Json>(acme.tok.supervisor!, 'PATCH', `/api/v1/technicians/${t2}`, {
      assessment: { passed: true, date: '2026-03-01' },
    });
  });

  it('R-DIS-02 off shift: outside the shift hours, and on a dated day off', async () => {
    const late = await proposals(acme, orderA, '2026-11-25 18:30', '2026-11-25 20:00');
    assert.deepEqual(codesOf(late.body, t1), ['OFF_SHIFT']);
    assert.deepEqual(codesOf(late.body, t2), ['OFF_SHIFT']);
    const off = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/shifts', {
      technicianId: t2,
      date: '2026-11-26',
      kind: 'off',
      note: '轮休',
    });
    assert.equal(off.status, 201, JSON.stringify(off.body));
    const thu = await proposals(acme, orderA, '2026-11-26 10:00', '2026-11-26 12:00');
    assert.deepEqual(codesOf(thu.body, t2), ['OFF_SHIFT']);
    assert.deepEqual(
      thu.body.proposals.map((p) => p.technicianId),
      [t1],
    );
  });

  it('R-WO-04 a lunch-time visit is refused (customer’s meal hours 12:00–13:30)', async () => {
    // The slot is when the service may start: any start from 12:00 to 13:00 falls in the meal.
    const res = await proposals(acme, orderA, '2026-11-25 12:00', '2026-11-25 13:00');
    assert.equal(res.body.proposals.length, 0);
    assert.deepEqual(codesOf(res.body, t1), ['CUSTOMER_REST_TIME']);
  });

  it('R-WO-04 the furniture preset serves Monday to Friday: a Saturday is refused', async () => {
    const order = await locatedOrder(s, furn, 'SN-F1', near);
    const res = await proposals(furn, order.id, '2026-11-28 10:00', '2026-11-28 12:00');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.proposals.length, 0);
    assert.deepEqual(codesOf(res.body, furn.tenant.userIds.tech1!), ['WEEKDAY_NOT_ALLOWED']);
    const friday = await proposals(furn, order.id, '2026-11-27 10:00', '2026-11-27 12:00');
    assert.equal(friday.body.proposals.length, 2);
  });

  it('R-DIS-02 approved leave rules the technician out (a request alone does not)', async () => {
    const leave = await s.call<Json>(acme.tok.tech1!, 'POST', '/api/v1/leave-requests', {
      startsAt: sh('2026-11-25 00:00'),
      endsAt: sh('2026-11-26 00:00'),
      kind: 'personal',
      reason: '家事',
    });
    assert.equal(leave.status, 201, JSON.stringify(leave.body));
    assert.equal(leave.body.status, 'requested');
    const before = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.ok(before.body.proposals.some((p) => p.technicianId === t1));
    const ok = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/leave-requests/${leave.body.id}/decision`,
      {
        decision: 'approve',
      },
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const res = await proposals(acme, orderA, '2026-11-25 10:00', '2026-11-25 12:00');
    assert.deepEqual(codesOf(res.body, t1), ['ON_LEAVE']);
    assert.deepEqual(
      res.body.proposals.map((p) => p.technicianId),
      [t2],
    );
  });

  it('R-DIS-03 the supervisor accepts the proposal: the order is scheduled with the technician, audited', async () => {
    const res = await s.call<{ workOrder: Json & { sla: { key: string }[] }; assignment: Json }>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${orderA}/assign`,
      { technicianId: t2, slotStart: sh('2026-11-25 10:00'), slotEnd: sh('2026-11-25 12:00') },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.workOrder.status, 'scheduled');
    assert.equal((res.body.workOrder.assignee as Json).id, t2);
    assert.equal(res.body.assignment.rank, 1);
    assert.equal(res.body.assignment.move, 'schedule');
    assert.deepEqual(res.body.assignment.overridden, []);
    // R-WO-03 the booked slot starts the on-site clock by the distance from the service centre.
    assert.ok(
      res.body.workOrder.sla.some((c) => c.key.startsWith('onsite')),
      JSON.stringify(res.body.workOrder.sla),
    );
    const audit = await s.call<{ items: Json[] }>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${orderA}`,
    );
    const entry = audit.body.items.find((e) => e.action === 'dispatch.assign');
    assert.ok(entry, JSON.stringify(audit.body.items.map((e) => e.action)));
    assert.equal((entry.after as Json).technicianId, t2);
  });

  it('R-DIS-03 the slot is then taken for another order of that technician', async () => {
    orderB = (await locatedOrder(s, acme, 'SN-B1', near)).id;
    const res = await proposals(acme, orderB, '2026-11-25 10:00', '2026-11-25 10:30');
    assert.deepEqual(codesOf(res.body, t2), ['SLOT_TAKEN']);
    const later = await proposals(acme, orderB, '2026-11-25 14:00', '2026-11-25 16:00');
    const p = later.body.proposals.find((x) => x.technicianId === t2)!;
    assert.equal(p.facts.jobsToday, 1);
    assert.match(p.explanation.en, /1 job today/);
  });

  it('R-DIS-03 overriding a hard rule needs a reason and the supervisor; it is audited with the rule', async () => {
    const slot = { slotStart: sh('2026-11-25 14:00'), slotEnd: sh('2026-11-25 16:00') };
    const noReason = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${orderB}/assign`,
      {
        technicianId: t1,
        ...slot,
      },
    );
    assert.equal(noReason.status, 400, JSON.stringify(noReason.body));
    assert.equal(noReason.body.code, 'DISPATCH_RULE_VIOLATED');
    assert.equal((noReason.body.errors as Json[])[0]!.field, 'overrideReason');
    const agent = await s.call<Json>(acme.tok.agent!, 'POST', `/api/v1/work-orders/${orderB}/assign`, {
      technicianId: t1,
      ...slot,
      overrideReason: '客户指定',
    });
    assert.equal(agent.status, 403);
    const res = await s.call<{ workOrder: Json; assignment: Json & { overridden: { code: string }[] } }>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${orderB}/assign`,
      { technicianId: t1, ...slot, overrideReason: '客户指定张师傅，师傅同意下午回来' },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.assignment.overridden.map((o) => o.code),
      ['ON_LEAVE'],
    );
    assert.equal(res.body.assignment.rank, null);
    assert.equal((res.body.workOrder.assignee as Json).id, t1);
    const audit = await s.call<{ items: Json[] }>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${orderB}`,
    );
    const entry = audit.body.items.find((e) => e.action === 'dispatch.assign_override');
    assert.ok(entry);
    const after = entry.after as Json & { overridden: { code: string }[] };
    assert.equal(after.overrideReason, '客户指定张师傅，师傅同意下午回来');
    assert.deepEqual(
      after.overridden.map((o) => o.code),
      ['ON_LEAVE'],
    );
  });
});
