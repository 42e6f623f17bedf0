import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { customers, serviceRequests, units } from '@aftercare/db';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';

type Json = Record<string, unknown> & { id: string };

let s: TestServer;
const tok: Record<string, string> = {};
let modelId = '';

async function rowCounts() {
  const [r] = await s.db.db.select({ n: count() }).from(serviceRequests);
  const [c] = await s.db.db.select({ n: count() }).from(customers);
  const [u] = await s.db.db.select({ n: count() }).from(units);
  return { requests: r!.n, customers: c!.n, units: u!.n };
}

const repairCall = (serial: string, extra: Record<string, unknown> = {}) => ({
  channel: 'hotline',
  type: 'repair',
  customer: {
    name: '张三',
    phones: ['138 0013 8000'],
    address: { province: '广东省', city: '广州市', district: '天河区', line: '天河路385号' },
  },
  unit: { modelId, serialNumber: serial, purchaseDate: '2026-03-01', proofOfPurchase: 'FP-2026-0301' },
  problem: '空调制冷效果差，出风不凉',
  problemStartedAt: '2026-11-20T08:00:00+08:00',
  ...extra,
});

before(async () => {
  s = await startTestServer();
  await buildTenant(s.db.db, { code: 'acme' });
  await buildTenant(s.db.db, { code: 'other' });
  for (const u of ['agent', 'engineer', 'tech1', 'tech2', 'supervisor', 'admin', 'qc'])
    tok[u] = await s.login('acme', u, TEST_PASSWORD);
  tok.otherAdmin = await s.login('other', 'admin', TEST_PASSWORD);
  tok.otherSupervisor = await s.login('other', 'supervisor', TEST_PASSWORD);
  const line = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-lines', {
    code: 'AC',
    name: '空调',
  });
  assert.equal(line.status, 201, JSON.stringify(line.body));
  const model = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-models', {
    productLineId: line.body.id,
    code: 'KFR-35GW',
    name: '挂式空调',
  });
  assert.equal(model.status, 201, JSON.stringify(model.body));
  modelId = model.body.id;
});

after(async () => {
  await s?.close();
});

describe('the walking skeleton: a repair call from the hotline to a closed work order', () => {
  let requestId = '';
  let workOrderId = '';

  it('R-IN-01 R-IN-03 an agent records a hotline repair call with a new customer and product', async () => {
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', repairCall('SN-0001'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.number, 'SR-20261123-0001');
    assert.equal(res.body.channel, 'hotline');
    assert.equal(res.body.type, 'repair');
    assert.equal(res.body.status, 'new');
    assert.deepEqual(res.body.customer, {
      id: (res.body.customer as Json).id,
      name: '张三',
      phoneMasked: '138****8000',
    });
    assert.equal((res.body.unit as Json).serialNumber, 'SN-0001');
    requestId = res.body.id;
  });

  it('R-IN-05 reviewing the eligible repair request creates a work order', async () => {
    const res = await s.call<{ request: Json; workOrderId: string }>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${requestId}/review`,
      { eligible: true },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.request.status, 'converted');
    assert.ok(res.body.workOrderId);
    workOrderId = res.body.workOrderId;
    const wo = await s.call<Json>(tok.agent!, 'GET', `/api/v1/work-orders/${workOrderId}`);
    assert.equal(wo.status, 200);
    assert.equal(wo.body.number, 'WO-20261123-0001');
    assert.equal(wo.body.status, 'created');
    assert.equal(wo.body.requestNumber, 'SR-20261123-0001');
  });

  it('R-IN-05 a request is reviewed only once', async () => {
    const res = await s.call<Json>(tok.agent!, 'POST', `/api/v1/service-requests/${requestId}/review`, {
      eligible: true,
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'REQUEST_ALREADY_REVIEWED');
  });

  it('R-WO-01 the engineer assesses, assigning tech1, and the move records who, when and why', async () => {
    s.clock.advance(3600_000);
    const res = await s.call<Json>(tok.engineer!, 'POST', `/api/v1/work-orders/${workOrderId}/assess`, {
      faultConfirmed: true,
      findings: '压缩机启动电容损坏',
      causeClass: 'material_defect',
      assigneeId: (await s.call<{ user: Json }>(tok.tech1!, 'GET', '/api/v1/auth/me')).body.user.id,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'assessed');
    assert.equal((res.body.assignee as Json).displayName, 'tech1');
    const moves = res.body.transitions as Json[];
    assert.equal(moves.length, 1);
    assert.equal(moves[0]!.action, 'assess');
    assert.equal(moves[0]!.actorName, 'engineer');
    assert.equal(moves[0]!.at, '2026-11-23T03:00:00.000Z');
    assert.equal((moves[0]!.payload as Json).findings, '压缩机启动电容损坏');
  });

  it('R-ROLE-03 a technician sees only the orders assigned to them', async () => {
    const mine = await s.call<{ items: Json[] }>(tok.tech1!, 'GET', '/api/v1/work-orders');
    assert.deepEqual(
      mine.body.items.map((i) => i.id),
      [workOrderId],
    );
    const notMine = await s.call<{ items: Json[]; total: number }>(tok.tech2!, 'GET', '/api/v1/work-orders');
    assert.equal(notMine.body.total, 0);
    const direct = await s.call<Json>(tok.tech2!, 'GET', `/api/v1/work-orders/${workOrderId}`);
    assert.equal(direct.status, 404);
  });

  it('R-WO-01 the engineer starts the repair and completes it with the work done and the test result', async () => {
    s.clock.advance(3600_000);
    const started = await s.call<Json>(
      tok.engineer!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/start-repair`,
      {},
    );
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'in_repair');
    const done = await s.call<Json>(tok.engineer!, 'POST', `/api/v1/work-orders/${workOrderId}/complete`, {
      workDone: '更换启动电容',
      testResult: '试机制冷正常',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
  });

  it('R-ROLE-03 tech1 cannot close the work order', async () => {
    const res = await s.call<Json>(tok.tech1!, 'POST', `/api/v1/work-orders/${workOrderId}/close`, {});
    assert.equal(res.status, 403);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'FORBIDDEN');
  });

  it('R-ROLE-03 a user of another company can neither see nor change it', async () => {
    const get = await s.call<Json>(tok.otherAdmin!, 'GET', `/api/v1/work-orders/${workOrderId}`);
    assert.equal(get.status, 404);
    const list = await s.call<{ total: number }>(tok.otherAdmin!, 'GET', '/api/v1/work-orders');
    assert.equal(list.body.total, 0);
    const req = await s.call<Json>(tok.otherAdmin!, 'GET', `/api/v1/service-requests/${requestId}`);
    assert.equal(req.status, 404);
    const close = await s.call<Json>(
      tok.otherSupervisor!,
      'POST',
      `/api/v1/work-orders/${workOrderId}/close`,
      {},
    );
    assert.equal(close.status, 404);
    const audit = await s.call<{ total: number }>(
      tok.otherAdmin!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${workOrderId}`,
    );
    assert.equal(audit.body.total, 0);
    const mine = await s.call<Json>(tok.agent!, 'GET', `/api/v1/work-orders/${workOrderId}`);
    assert.equal(mine.body.status, 'completed', 'the other company changed nothing');
  });

  it('R-WO-01 the supervisor closes it; closing again is an illegal move', async () => {
    const res = await s.call<Json>(tok.supervisor!, 'POST', `/api/v1/work-orders/${workOrderId}/close`, {
      reason: '客户确认修复',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'closed');
    assert.ok(res.body.closedAt);
    assert.deepEqual(res.body.allowedActions, []);
    const again = await s.call<Json>(tok.supervisor!, 'POST', `/api/v1/work-orders/${workOrderId}/close`, {});
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
  });

  it('R-NF-02 the audit trail shows every step with actor, time, before/after, channel and request id', async () => {
    const res = await s.call<{ items: Json[] }>(
      tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${workOrderId}`,
    );
    assert.equal(res.status, 200);
    // The moves of the order (other entries, e.g. the warranty decision, may stand between them).
    res.body.items = res.body.items.filter((e) => String(e.action).startsWith('work_order.'));
    assert.deepEqual(
      res.body.items.map((e) => e.action),
      [
        'work_order.create',
        'work_order.assess',
        'work_order.start_repair',
        'work_order.complete',
        'work_order.close',
      ],
    );
    assert.deepEqual(
      res.body.items.map((e) => e.actorName),
      ['agent', 'engineer', 'engineer', 'engineer', 'supervisor'],
    );
    const close = res.body.items[4]!;
    assert.equal((close.before as Json).status, 'completed');
    assert.equal((close.after as Json).status, 'closed');
    assert.equal(close.channel, 'web');
    assert.ok(typeof close.requestId === 'string' && close.requestId.length > 0);
    const request = await s.call<{ items: Json[] }>(
      tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=service_request&entityId=${requestId}`,
    );
    assert.deepEqual(
      request.body.items.map((e) => [e.action, e.channel]),
      [
        ['service_request.create', 'hotline'],
        ['service_request.review', 'web'],
      ],
    );
  });

  it('R-NF-02 only audit roles may read the trail', async () => {
    const res = await s.call<Json>(
      tok.tech1!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${workOrderId}`,
    );
    assert.equal(res.status, 403);
  });
});

describe('intake input is checked and nothing is half-written', () => {
  it('R-IN-03 missing and malformed data is refused with 400 naming each field; nothing is written', async () => {
    const before = await rowCounts();
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', {
      channel: 'fax',
      type: 'repair',
      customer: { name: '', phones: [] },
      problem: '',
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    for (const f of ['channel', 'customer.name', 'customer.phones', 'problem', 'unitId'])
      assert.ok(fields.includes(f), `${f} in ${fields}`);
    assert.deepEqual(await rowCounts(), before);
  });

  it('R-IN-03 a purchase date in the future is refused naming the field, and the inline customer is not kept', async () => {
    const before = await rowCounts();
    const body = repairCall('SN-FUTURE');
    (body.unit as Record<string, unknown>).purchaseDate = '2026-12-01';
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', body);
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'REQUEST_DATE_IN_FUTURE');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['unit.purchaseDate'],
    );
    assert.deepEqual(await rowCounts(), before);
  });

  it('R-IN-03 an invalid phone number is refused naming the field', async () => {
    const body = repairCall('SN-PHONE');
    (body.customer as Record<string, unknown>).phones = ['12345'];
    const res = await s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', body);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'PHONE_INVALID');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['customer.phones.0'],
    );
  });

  it('R-IN-04 a safety hazard makes the request urgent', async () => {
    const res = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      repairCall('SN-HAZARD', { safetyHazard: true, priority: 'low' }),
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.priority, 'urgent');
  });

  it('R-IN-05 an ineligible request is rejected with its reason and makes no work order', async () => {
    const created = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      repairCall('SN-REJECT'),
    );
    const res = await s.call<{ request: Json; workOrderId: string | null }>(
      tok.agent!,
      'POST',
      `/api/v1/service-requests/${created.body.id}/review`,
      {
        eligible: false,
        reason: '非本公司产品',
      },
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.request.status, 'rejected');
    assert.equal(res.body.workOrderId, null);
  });

  it('R-IN-01 a retried POST with the same Idempotency-Key returns the first result instead of a second request', async () => {
    const before = await rowCounts();
    const headers = { 'idempotency-key': 'call-2026-11-23-001' };
    const first = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      repairCall('SN-IDEM'),
      headers,
    );
    const second = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      repairCall('SN-IDEM'),
      headers,
    );
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    const afterCounts = await rowCounts();
    assert.equal(afterCounts.requests, before.requests + 1);
    const reused = await s.call<Json>(
      tok.agent!,
      'POST',
      '/api/v1/service-requests',
      repairCall('SN-OTHER'),
      headers,
    );
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('R-IN-01 concurrent retries with one Idempotency-Key create one request', async () => {
    const before = await rowCounts();
    const headers = { 'idempotency-key': 'race-1' };
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        s.call<Json>(tok.agent!, 'POST', '/api/v1/service-requests', repairCall('SN-RACE'), headers),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      [201, 201, 201],
    );
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    assert.equal((await rowCounts()).requests, before.requests + 1);
  });

  it('R-ROLE-03 numbers are per company: the other company starts at 0001', async () => {
    const line = await s.call<Json>(tok.otherSupervisor!, 'POST', '/api/v1/product-lines', {
      code: 'WH',
      name: '热水器',
    });
    const model = await s.call<Json>(tok.otherSupervisor!, 'POST', '/api/v1/product-models', {
      productLineId: line.body.id,
      code: 'JSQ',
      name: '燃气热水器',
    });
    const body = { ...repairCall('SN-0001'), unit: { modelId: model.body.id, serialNumber: 'SN-0001' } };
    const res = await s.call<Json>(tok.otherSupervisor!, 'POST', '/api/v1/service-requests', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.number, 'SR-20261123-0001');
  });

  it("R-ROLE-03 the other company cannot use this company's model for its units", async () => {
    const body = repairCall('SN-CROSS');
    const res = await s.call<Json>(tok.otherSupervisor!, 'POST', '/api/v1/service-requests', body);
    assert.equal(res.status, 404);
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['unit.modelId'],
    );
  });
});

describe('lists are paginated and filterable', () => {
  it('R-WO-01 work orders filter by status and paginate', async () => {
    const all = await s.call<{ items: Json[]; total: number; page: number; pageSize: number }>(
      tok.agent!,
      'GET',
      '/api/v1/work-orders?pageSize=1&page=1',
    );
    assert.equal(all.status, 200);
    assert.equal(all.body.items.length, 1);
    assert.equal(all.body.pageSize, 1);
    const closed = await s.call<{ items: Json[]; total: number }>(
      tok.agent!,
      'GET',
      '/api/v1/work-orders?status=closed',
    );
    assert.ok(closed.body.total >= 1);
    assert.ok(closed.body.items.every((i) => i.status === 'closed'));
    const bad = await s.call<Json>(tok.agent!, 'GET', '/api/v1/work-orders?status=flying');
    assert.equal(bad.status, 400);
    assert.equal((bad.body.errors as { field: string }[])[0]!.field, 'status');
  });

  it('R-IN-02 service requests filter by type and search by customer pinyin initials', async () => {
    const res = await s.call<{ items: Json[]; total: number }>(
      tok.agent!,
      'GET',
      '/api/v1/service-requests?type=repair&q=zs',
    );
    assert.equal(res.status, 200);
    assert.ok(res.body.total >= 1);
    assert.ok(res.body.items.every((i) => (i.customer as Json).name === '张三'));
  });

  it('R-NF-03 customer phones are masked for roles without the right, whole for agents', async () => {
    const agent = await s.call<{ items: { phones: string[]; phonesMasked: boolean }[] }>(
      tok.agent!,
      'GET',
      '/api/v1/customers?q=zhangsan',
    );
    assert.equal(agent.body.items[0]!.phones[0], '+8613800138000');
    const qc = await s.call<{ items: { phones: string[]; phonesMasked: boolean }[] }>(
      tok.qc!,
      'GET',
      '/api/v1/customers?q=zhangsan',
    );
    assert.equal(qc.body.items[0]!.phones[0], '138****8000');
    assert.equal(qc.body.items[0]!.phonesMasked, true);
  });
});
