import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helper';
import { setupCompany, setupWorkforce, sh, type Company, type Json } from './dispatching-kit';

// The test clock starts on Monday 2026-11-23 10:00 (Asia/Shanghai); the policy asks 36 h of notice.
let s: TestServer;
let acme: Company;
let other: Company;
let wf: { centreId: string; productLineId: string };
let t1 = '';
let t2 = '';

before(async () => {
  s = await startTestServer();
  acme = await setupCompany(s, 'acme', 'appliance');
  other = await setupCompany(s, 'other', 'appliance');
  wf = await setupWorkforce(s, acme);
  t1 = acme.tenant.userIds.tech1!;
  t2 = acme.tenant.userIds.tech2!;
});
after(async () => s?.close());

type Page = { items: Json[]; total: number; page: number; pageSize: number };

describe('workforce model: centres, technicians, shifts (R-DIS-01, R-DIS-02)', () => {
  it('R-DIS-01 a service centre has coordinates; lists are paginated, filtered and tenant-scoped', async () => {
    const second = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/service-centres', {
      name: '番禺服务中心',
      address: '广州市番禺区市桥',
      latitude: 22.94,
      longitude: 113.38,
      serviceRadiusKm: 30,
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const page = await s.call<Page>(acme.tok.agent!, 'GET', '/api/v1/service-centres?pageSize=1');
    assert.equal(page.body.total, 2);
    assert.equal(page.body.items.length, 1);
    const byName = await s.call<Page>(
      acme.tok.agent!,
      'GET',
      `/api/v1/service-centres?q=${encodeURIComponent('番禺')}`,
    );
    assert.deepEqual(
      byName.body.items.map((c) => c.id),
      [second.body.id],
    );
    const off = await s.call<Json>(
      acme.tok.supervisor!,
      'PATCH',
      `/api/v1/service-centres/${second.body.id}`,
      {
        active: false,
      },
    );
    assert.equal(off.status, 200);
    assert.equal(off.body.version, 2);
    const active = await s.call<Page>(acme.tok.agent!, 'GET', '/api/v1/service-centres?active=true');
    assert.deepEqual(
      active.body.items.map((c) => c.id),
      [wf.centreId],
    );
    const foreign = await s.call<Page>(other.tok.supervisor!, 'GET', '/api/v1/service-centres');
    assert.equal(foreign.body.total, 0);
    const direct = await s.call<Json>(other.tok.supervisor!, 'GET', `/api/v1/service-centres/${wf.centreId}`);
    assert.equal(direct.status, 404);
  });

  it('R-ROLE-03 only supervisors, managers and admins change the workforce', async () => {
    const res = await s.call<Json>(acme.tok.tech1!, 'POST', '/api/v1/service-centres', {
      name: 'x',
      address: 'x',
      latitude: 1,
      longitude: 1,
      serviceRadiusKm: 1,
    });
    assert.equal(res.status, 403);
    const patch = await s.call<Json>(acme.tok.agent!, 'PATCH', `/api/v1/technicians/${t1}`, {
      vanCapacity: 1,
    });
    assert.equal(patch.status, 403);
  });

  it('R-DIS-01 a technician profile has skills, certificates, assessment, home, area and van; only for technicians', async () => {
    const one = await s.call<Json>(acme.tok.tech2!, 'GET', `/api/v1/technicians/${t1}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.displayName, 'tech1');
    assert.deepEqual(one.body.skills, [{ productLineId: wf.productLineId, level: 4 }]);
    assert.deepEqual(one.body.assessment, { passed: true, date: '2026-03-01' });
    assert.equal(one.body.vanCapacity, 10);
    const agentProfile = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/technicians', {
      userId: acme.tenant.userIds.agent,
      serviceCentreId: wf.centreId,
      skills: [],
      certificates: [],
      assessment: { passed: true, date: null },
      home: { latitude: 23, longitude: 113 },
      serviceArea: null,
      vanCapacity: 1,
    });
    assert.equal(agentProfile.status, 400);
    assert.equal(agentProfile.body.code, 'WORKFORCE_NOT_TECHNICIAN');
    const twice = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/technicians', {
      userId: t1,
      serviceCentreId: wf.centreId,
      skills: [],
      certificates: [],
      assessment: { passed: true, date: null },
      home: { latitude: 23, longitude: 113 },
      serviceArea: null,
      vanCapacity: 1,
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'WORKFORCE_PROFILE_TAKEN');
    const bySkill = await s.call<Page>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/technicians?productLineId=${wf.productLineId}&serviceCentreId=${wf.centreId}`,
    );
    assert.equal(bySkill.body.total, 2);
    const audit = await s.call<{ items: Json[] }>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=technician_profile&entityId=${t1}`,
    );
    assert.deepEqual(
      audit.body.items.map((e) => e.action),
      ['technician_profile.create'],
    );
  });

  it('R-DIS-02 shifts: weekly templates, a dated exception replaces the day, on-call duty counts', async () => {
    const list = await s.call<Page>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/shifts?technicianId=${t1}&type=weekly`,
    );
    assert.equal(list.body.total, 6);
    const onCall = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/shifts', {
      technicianId: t1,
      date: '2026-11-29',
      kind: 'on_call',
      start: '09:00',
      end: '17:00',
      note: '周日值班',
    });
    assert.equal(onCall.status, 201, JSON.stringify(onCall.body));
    const off = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/shifts', {
      technicianId: t2,
      date: '2026-11-25',
      kind: 'off',
    });
    assert.equal(off.status, 201);
    const bad = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/shifts', {
      technicianId: t2,
      weekday: 1,
      date: '2026-11-25',
      kind: 'regular',
      start: '08:00',
      end: '12:00',
    });
    assert.equal(bad.status, 400);
    const sunday = await s.call<{ technicians: { technicianId: string; shifts: Json[] }[] }>(
      acme.tok.agent!,
      'GET',
      `/api/v1/service-centres/${wf.centreId}/roster?date=2026-11-29`,
    );
    assert.equal(sunday.status, 200, JSON.stringify(sunday.body));
    const byTech = Object.fromEntries(sunday.body.technicians.map((t) => [t.technicianId, t.shifts]));
    assert.deepEqual(byTech[t1], [
      { kind: 'on_call', start: sh('2026-11-29 09:00'), end: sh('2026-11-29 17:00') },
    ]);
    assert.deepEqual(byTech[t2], []);
    const wednesday = await s.call<{ technicians: { technicianId: string; shifts: Json[] }[] }>(
      acme.tok.agent!,
      'GET',
      `/api/v1/service-centres/${wf.centreId}/roster?date=2026-11-25`,
    );
    const wed = Object.fromEntries(wednesday.body.technicians.map((t) => [t.technicianId, t.shifts]));
    assert.equal(wed[t1]!.length, 1);
    assert.deepEqual(wed[t2], []);
    const del = await s.call(acme.tok.supervisor!, 'DELETE', `/api/v1/shifts/${off.body.id}`);
    assert.equal(del.status, 204);
    const again = await s.call<{ technicians: { technicianId: string; shifts: Json[] }[] }>(
      acme.tok.agent!,
      'GET',
      `/api/v1/service-centres/${wf.centreId}/roster?date=2026-11-25`,
    );
    assert.equal(again.body.technicians.find((t) => t.technicianId === t2)!.shifts.length, 1);
  });
});

describe('leave requests (R-DIS-02)', () => {
  it('R-DIS-02 leave asked less than 36 h ahead is refused with a coded error naming the field', async () => {
    const res = await s.call<Json>(acme.tok.tech2!, 'POST', '/api/v1/leave-requests', {
      startsAt: sh('2026-11-24 08:00'),
      endsAt: sh('2026-11-24 18:00'),
      kind: 'personal',
      reason: '看病',
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'LEAVE_NOTICE_TOO_SHORT');
    assert.equal((res.body.errors as Json[])[0]!.field, 'startsAt');
  });

  it('R-DIS-02 36 h ahead is enough; the request waits for the supervisor', async () => {
    const res = await s.call<Json>(acme.tok.tech2!, 'POST', '/api/v1/leave-requests', {
      startsAt: sh('2026-11-24 22:00'),
      endsAt: sh('2026-11-25 08:00'),
      kind: 'annual',
      reason: '调休',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'requested');
    const reject = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/leave-requests/${res.body.id}/decision`,
      {
        decision: 'reject',
        note: '人手不足',
      },
    );
    assert.equal(reject.status, 200);
    assert.equal(reject.body.status, 'rejected');
    const twice = await s.call<Json>(
      acme.tok.supervisor!,
      'POST',
      `/api/v1/leave-requests/${res.body.id}/decision`,
      {
        decision: 'approve',
      },
    );
    assert.equal(twice.status, 409);
  });

  it('R-DIS-02 a technician neither files for a colleague nor approves, nor lets short notice through', async () => {
    const forOther = await s.call<Json>(acme.tok.tech2!, 'POST', '/api/v1/leave-requests', {
      technicianId: t1,
      startsAt: sh('2026-12-01 08:00'),
      endsAt: sh('2026-12-01 18:00'),
      kind: 'annual',
      reason: 'x',
    });
    assert.equal(forOther.status, 403);
    const short = await s.call<Json>(acme.tok.tech2!, 'POST', '/api/v1/leave-requests', {
      startsAt: sh('2026-11-24 08:00'),
      endsAt: sh('2026-11-24 18:00'),
      kind: 'sick',
      reason: '发烧',
      shortNoticeReason: '病假',
    });
    assert.equal(short.status, 403);
  });

  it('R-DIS-02 a supervisor lets sick leave on short notice through with a reason: approved at once, audited', async () => {
    const res = await s.call<Json>(acme.tok.supervisor!, 'POST', '/api/v1/leave-requests', {
      technicianId: t2,
      startsAt: sh('2026-11-23 13:00'),
      endsAt: sh('2026-11-23 18:00'),
      kind: 'sick',
      reason: '发烧',
      shortNoticeReason: '病假，已电话确认',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'approved');
    assert.equal(res.body.shortNoticeReason, '病假，已电话确认');
    const audit = await s.call<{ items: Json[] }>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=leave_request&entityId=${res.body.id}`,
    );
    assert.deepEqual(
      audit.body.items.map((e) => e.action),
      ['leave_request.create_short_notice_approved'],
    );
    const mine = await s.call<Page>(acme.tok.tech1!, 'GET', '/api/v1/leave-requests');
    assert.equal(mine.body.total, 0, 'a technician lists only their own leave');
    const approved = await s.call<Page>(
      acme.tok.supervisor!,
      'GET',
      `/api/v1/leave-requests?status=approved&technicianId=${t2}&from=${encodeURIComponent(sh('2026-11-23 00:00'))}&to=${encodeURIComponent(sh('2026-11-24 00:00'))}`,
    );
    assert.equal(approved.body.total, 1);
    const roster = await s.call<{ technicians: { technicianId: string; leave: Json[] }[] }>(
      acme.tok.agent!,
      'GET',
      `/api/v1/service-centres/${wf.centreId}/roster?date=2026-11-23`,
    );
    assert.equal(roster.body.technicians.find((t) => t.technicianId === t2)!.leave.length, 1);
  });
});
