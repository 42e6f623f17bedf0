import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { addUser, getTenant } from '@aftercare/application';
import { quotes, warrantyDecisions, workOrderTransitions, workOrders } from '@aftercare/db';
import type { PresetName } from '@aftercare/domain';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';

type Json = Record<string, unknown> & { id: string };
type Moved = { workOrder: Json; quote: Json };
type Problem = { code: string; errors?: { field: string; code: string }[] };

let s: TestServer;

/** One company of a preset: staff tokens, a customer created through the API and its portal login. */
interface Company {
  code: string;
  tok: Record<string, string>;
  customerId: string;
  userIds: Record<string, string>;
}

async function company(code: string, preset: PresetName): Promise<Company> {
  const { tenant, userIds } = await buildTenant(s.db.db, { code, preset });
  const tok: Record<string, string> = {};
  for (const u of ['agent', 'engineer', 'tech1', 'supervisor', 'manager'])
    tok[u] = await s.login(code, u, TEST_PASSWORD);
  const customer = await s.call<Json>(tok.agent!, 'POST', '/api/v1/customers', {
    name: '王芳',
    phones: ['139 0013 9000'],
    address: { province: '广东省', city: '佛山市', district: '禅城区', line: '季华路1号' },
  });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  // There is no user API yet: the portal account is added the way buildTenant adds staff.
  await s.db.db.transaction(async (tx) => {
    const row = await getTenant(tx, tenant.tenantId);
    const meta = {
      actor: { userId: randomUUID(), tenantId: tenant.tenantId, roles: ['admin' as const] },
      requestId: 'test-setup',
      channel: 'system' as const,
    };
    const user = await addUser(
      tx,
      meta,
      row,
      {
        username: 'cust',
        displayName: '王芳',
        password: TEST_PASSWORD,
        roles: ['customer'],
        customerId: customer.body.id,
      },
      new Date('2026-11-01T00:00:00Z'),
    );
    userIds.cust = user.id;
  });
  tok.cust = await s.login(code, 'cust', TEST_PASSWORD);
  return { code, tok, customerId: customer.body.id, userIds };
}

async function model(
  c: Company,
  line: { code: string; name: string; category?: string; warrantyMonths?: number },
  modelCode: string,
  modelMonths?: number,
) {
  const l = await s.call<Json>(c.tok.supervisor!, 'POST', '/api/v1/product-lines', line);
  assert.equal(l.status, 201, JSON.stringify(l.body));
  const m = await s.call<Json>(c.tok.supervisor!, 'POST', '/api/v1/product-models', {
    productLineId: l.body.id,
    code: modelCode,
    name: `${line.name} ${modelCode}`,
    ...(modelMonths === undefined ? {} : { warrantyMonths: modelMonths }),
  });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  return m.body.id;
}

/** A request for the company's customer with a new unit, reviewed into a work order. */
async function order(
  c: Company,
  modelId: string,
  unit: { serial: string; purchaseDate?: string; proof?: string },
  problem: string,
  type = 'repair',
) {
  const req = await s.call<Json>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
    channel: 'hotline',
    type,
    customerId: c.customerId,
    unit: {
      modelId,
      serialNumber: unit.serial,
      ...(unit.purchaseDate ? { purchaseDate: unit.purchaseDate } : {}),
      ...(unit.proof ? { proofOfPurchase: unit.proof } : {}),
    },
    problem,
  });
  assert.equal(req.status, 201, JSON.stringify(req.body));
  const reviewed = await s.call<{ workOrderId: string }>(
    c.tok.agent!,
    'POST',
    `/api/v1/service-requests/${req.body.id}/review`,
    { eligible: true },
  );
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  return reviewed.body.workOrderId;
}

async function counts(workOrderId: string) {
  const db = s.db.db;
  const [q] = await db.select({ n: count() }).from(quotes).where(eq(quotes.workOrderId, workOrderId));
  const [w] = await db
    .select({ n: count() })
    .from(warrantyDecisions)
    .where(eq(warrantyDecisions.workOrderId, workOrderId));
  const [t] = await db
    .select({ n: count() })
    .from(workOrderTransitions)
    .where(eq(workOrderTransitions.workOrderId, workOrderId));
  const [o] = await db
    .select({ status: workOrders.status, version: workOrders.version })
    .from(workOrders)
    .where(and(eq(workOrders.id, workOrderId)));
  return { quotes: q!.n, decisions: w!.n, transitions: t!.n, status: o!.status, version: o!.version };
}

const codes = (body: unknown) => ((body as { reasons: { code: string }[] }).reasons ?? []).map((r) => r.code);

before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s?.close();
});

describe('appliance: an in-warranty repair is free and needs no quote', () => {
  let c: Company;
  let wo = '';
  before(async () => {
    c = await company('appl', 'appliance');
    const m = await model(c, { code: 'fridge', name: '冰箱' }, 'BCD-470');
    wo = await order(c, m, { serial: 'FR-0001', purchaseDate: '2026-03-01', proof: 'INV-88' }, '冰箱不制冷');
  });

  it('R-WAR-01 R-WAR-02 R-WAR-03 the assess move computes the decision: in warranty, material defect → free, company pays', async () => {
    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '温控器损坏 <script>alert(1)</script>',
      repairFeasible: true,
      estimatedCostFen: 12_200,
      causeClass: 'material_defect',
      assigneeId: c.userIds.tech1,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'assessed');
    const w = res.body.warranty as Json;
    assert.equal(w.kind, 'computed');
    assert.equal(w.inWarranty, true);
    assert.equal(w.coverage, 'free');
    assert.equal(w.payer, 'company');
    assert.equal(w.warrantyEndsOn, '2027-03-01');
    assert.deepEqual(codes(w), ['in_product_warranty', 'cause_coverage']);
    assert.equal(res.body.quote, null);
  });

  it('R-FEE-01 no quote is needed: the assigned technician starts the repair at once', async () => {
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${wo}/start-repair`, {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'in_repair');
    const quote = await s.call<Problem>(c.tok.agent!, 'GET', `/api/v1/work-orders/${wo}/quote`);
    assert.equal(quote.status, 404);
    assert.equal(quote.body.code, 'QUOTE_NOT_FOUND');
  });

  it('R-WAR-01 the written assessment notice is printable HTML in Chinese, user text escaped; English with ?lang=en', async () => {
    const zh = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${wo}/assessment-notice`,
      headers: { authorization: `Bearer ${c.tok.cust}` },
    });
    assert.equal(zh.statusCode, 200, zh.body);
    assert.match(String(zh.headers['content-type']), /^text\/html/);
    assert.match(zh.body, /<html lang="zh-CN">/);
    assert.match(zh.body, /维修鉴定结果通知书/);
    assert.match(zh.body, /免费维修/);
    assert.match(zh.body, /产品在保修期内（12个月，至2027-03-01）/);
    assert.ok(!zh.body.includes('<script>alert(1)</script>'), 'user text is escaped');
    assert.match(zh.body, /温控器损坏 &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const en = await s.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${wo}/assessment-notice?lang=en`,
      headers: { authorization: `Bearer ${c.tok.agent}` },
    });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Repair assessment notice/);
    assert.match(en.body, /Free of charge/);
  });
});

describe('ceramics: out of warranty, preferential quote accepted by the customer in the portal', () => {
  let c: Company;
  let wo = '';
  before(async () => {
    c = await company('cera', 'ceramics');
    const m = await model(c, { code: 'sanitary_ware', name: '卫浴' }, 'WC-800');
    wo = await order(
      c,
      m,
      { serial: 'WC-0001', purchaseDate: '2023-01-10', proof: 'INV-2023-7' },
      '马桶冲水阀漏水',
    );
  });

  it('R-WAR-02 R-WAR-03 the line period (12 months) is over: charged at the preferential rate, customer pays', async () => {
    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '冲水阀密封圈老化开裂',
      causeClass: 'material_defect',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const w = res.body.warranty as Json;
    assert.equal(w.inWarranty, false);
    assert.equal(w.coverage, 'charged_preferential');
    assert.equal(w.payer, 'customer');
    assert.equal(w.discountBp, 1000);
    assert.equal(w.warrantyEndsOn, '2024-01-10');
    assert.deepEqual(codes(w), ['product_warranty_expired', 'cause_coverage', 'preferential_rate']);
  });

  it('R-FEE-01 no chargeable work before the quote is accepted: start-repair and schedule are refused with a code, nothing changes', async () => {
    const before = await counts(wo);
    const res = await s.call<Problem & { detail: string }>(
      c.tok.engineer!,
      'POST',
      `/api/v1/work-orders/${wo}/start-repair`,
      {},
    );
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.code, 'WORK_ORDER_QUOTE_NOT_ACCEPTED');
    const day = new Date(s.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const visit = await s.call<Problem>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/schedule`, {
      slotStart: `${day}T09:00:00+08:00`,
      slotEnd: `${day}T11:00:00+08:00`,
      address: '佛山市禅城区季华路1号',
    });
    assert.equal(visit.status, 422, JSON.stringify(visit.body));
    assert.equal(visit.body.code, 'WORK_ORDER_QUOTE_NOT_ACCEPTED');
    assert.deepEqual(await counts(wo), before);
  });

  it('R-FEE-01 R-FEE-06 R-WAR-03 the itemised quote: labour and part, 10 % off labour and parts, whole fen; the order is quoted', async () => {
    const res = await s.call<Moved>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [
        { kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 10_000, description: '更换冲水阀' },
        { kind: 'part', partId: 'flush-valve', quantity: 1, unitPriceFen: 6000, description: '冲水阀' },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.workOrder.status, 'quoted');
    const q = res.body.quote;
    assert.equal(q.status, 'issued');
    assert.equal(q.version, 1);
    assert.equal(q.totalFen, 14_400);
    assert.equal(q.discountFen, 1600);
    assert.deepEqual(
      (q.lines as Json[]).map((l) => [l.kind, l.quantity, l.unitPriceFen, l.amountFen, l.payer]),
      [
        ['labour', 1, 10_000, 10_000, 'customer'],
        ['part', 1, 6000, 6000, 'customer'],
        ['discount', 1, -1600, -1600, 'customer'],
      ],
    );
    assert.deepEqual(q.chargeableWork, { allowed: false, reason: 'quote_not_accepted' });
    assert.equal((res.body.workOrder.quote as Json).totalFen, 14_400);
  });

  it('R-ROLE-03 the customer sees the quote of their own order in the portal', async () => {
    const res = await s.call<Json>(c.tok.cust!, 'GET', `/api/v1/work-orders/${wo}/quote`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.totalFen, 14_400);
  });

  it('R-FEE-01 a customer decides in the portal only: another channel is refused naming the field', async () => {
    const res = await s.call<Problem>(c.tok.cust!, 'POST', `/api/v1/work-orders/${wo}/confirm-quote`, {
      channel: 'hotline',
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'QUOTE_CHANNEL_INVALID');
    assert.deepEqual(
      res.body.errors?.map((e) => e.field),
      ['channel'],
    );
  });

  it('R-FEE-01 the customer accepts in the portal; the order is confirmed and the repair may start', async () => {
    s.clock.advance(600_000);
    const res = await s.call<Moved>(c.tok.cust!, 'POST', `/api/v1/work-orders/${wo}/confirm-quote`, {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.workOrder.status, 'confirmed');
    assert.equal(res.body.quote.status, 'accepted');
    assert.equal(res.body.quote.decisionChannel, 'portal');
    assert.equal(res.body.quote.decidedBy, c.userIds.cust);
    assert.deepEqual(res.body.quote.chargeableWork, { allowed: true, reason: 'quote_accepted' });
    const started = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/start-repair`, {});
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'in_repair');
  });

  it('R-NF-02 the quote and the decision are in the audit trail with who and the channel', async () => {
    const res = await s.call<{ items: Json[] }>(
      c.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${wo}&pageSize=100`,
    );
    const actions = res.body.items.map((e) => e.action);
    for (const a of [
      'warranty.decide',
      'work_order.assess',
      'quote.issue',
      'work_order.quote',
      'quote.accept',
      'work_order.confirm_quote',
    ]) {
      assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
    }
  });
});

describe('misuse: the customer refuses the charge; the manager lets the work go on', () => {
  let c: Company;
  let wo = '';
  before(async () => {
    c = await company('misu', 'appliance');
    const m = await model(c, { code: 'washer', name: '洗衣机' }, 'XQG-100');
    wo = await order(
      c,
      m,
      { serial: 'WM-0001', purchaseDate: '2026-05-20', proof: 'INV-520' },
      '洗衣机门把手断裂',
    );
    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '门把手被外力拉断',
      causeClass: 'misuse',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  it('R-WAR-03 misuse inside the warranty period is charged in full to the customer', async () => {
    const res = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${wo}`);
    const w = res.body.warranty as Json;
    assert.equal(w.inWarranty, true);
    assert.equal(w.coverage, 'charged');
    assert.equal(w.payer, 'customer');
    assert.equal(w.discountBp, 0);
  });

  it('R-FEE-01 labour by the minute: 45 minutes at 120 yuan an hour is 90 yuan', async () => {
    const res = await s.call<Moved>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'hour', minutes: 45, unitPriceFen: 12_000 }],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.quote.totalFen, 9000);
  });

  it('R-FEE-01 an agent records the refusal with the channel; the order goes to quote_refused', async () => {
    const noChannel = await s.call<Problem>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/refuse-quote`, {
      reason: '不修了',
    });
    assert.equal(noChannel.status, 400);
    assert.equal(noChannel.body.code, 'QUOTE_CHANNEL_REQUIRED');
    const res = await s.call<Moved>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/refuse-quote`, {
      channel: 'hotline',
      reason: '不修了',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.workOrder.status, 'quote_refused');
    assert.equal(res.body.quote.status, 'refused');
    assert.equal(res.body.quote.decisionChannel, 'hotline');
    assert.equal(res.body.quote.decisionReason, '不修了');
    assert.deepEqual(res.body.quote.chargeableWork, { allowed: false, reason: 'quote_refused' });
  });

  it('R-FEE-04 only the manager approves going on, and only with a reason', async () => {
    const supervisor = await s.call<Problem>(
      c.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${wo}/approve-after-refusal`,
      { reason: '客户是大客户' },
    );
    assert.equal(supervisor.status, 403);
    const noReason = await s.call<Problem>(
      c.tok.manager!,
      'POST',
      `/api/v1/work-orders/${wo}/approve-after-refusal`,
      { reason: ' ' },
    );
    assert.equal(noReason.status, 400);
    assert.deepEqual(
      noReason.body.errors?.map((e) => e.field),
      ['reason'],
    );
    const res = await s.call<Moved>(
      c.tok.manager!,
      'POST',
      `/api/v1/work-orders/${wo}/approve-after-refusal`,
      { reason: '老客户，维修后协商付款' },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.workOrder.status, 'confirmed');
    assert.equal(res.body.quote.status, 'going_on_after_refusal');
    assert.equal(res.body.quote.approvalReason, '老客户，维修后协商付款');
    assert.deepEqual(res.body.quote.chargeableWork, { allowed: true, reason: 'approved_after_refusal' });
    const started = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/start-repair`, {});
    assert.equal(started.status, 200, JSON.stringify(started.body));
  });
});

describe('special vehicle 800 km away: trip costs per day from the tariff, 48 h on-site target', () => {
  let c: Company;
  let wo = '';
  before(async () => {
    c = await company('vehi', 'vehicle');
    const m = await model(c, { code: 'aerial', name: '高空作业车' }, 'GKZ-22');
    wo = await order(
      c,
      m,
      { serial: 'VH-0001', purchaseDate: '2024-03-01', proof: 'CON-2024-03' },
      '液压支腿下沉，作业平台无法升起',
    );
    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '液压密封件磨损',
      causeClass: 'wear',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  it('R-FEE-02 R-WAR-03 travel at cost plus 3 days of accommodation, meals and allowance (200/100/300 yuan), preferential rate on labour and parts only', async () => {
    const res = await s.call<Moved>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [
        { kind: 'labour', unit: 'hour', minutes: 360, unitPriceFen: 15_000 },
        { kind: 'part', partId: 'hydraulic-seal-kit', quantity: 1, unitPriceFen: 48_000 },
        { kind: 'travel', quantity: 2, unitPriceFen: 56_000, description: '往返高铁 800 km' },
      ],
      tripDays: 3,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const q = res.body.quote;
    const trip = (q.lines as Json[]).filter((l) => l.kind === 'trip');
    assert.deepEqual(
      trip.map((l) => [l.description, l.quantity, l.unit, l.unitPriceFen, l.amountFen]),
      [
        ['accommodation', 3, 'person_day', 20_000, 60_000],
        ['meals', 3, 'person_day', 10_000, 30_000],
        ['allowance', 3, 'person_day', 30_000, 90_000],
      ],
    );
    assert.equal((q.subtotals as Record<string, number>).trip, 180_000);
    assert.equal((q.subtotals as Record<string, number>).travel, 112_000);
    // (90 000 + 48 000) × 90 % + 112 000 + 180 000
    assert.equal(q.totalFen, 124_200 + 112_000 + 180_000);
    assert.equal((q.context as Json).tripYear, 2026);
  });

  it('R-FEE-01 the visit is booked only after the customer accepts the trip quote in the portal', async () => {
    const day = new Date(s.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const visit = {
      slotStart: `${day}T09:00:00+08:00`,
      slotEnd: `${day}T11:00:00+08:00`,
      address: '新疆乌鲁木齐市高新区工地',
      distanceKm: 800,
    };
    const early = await s.call<Problem>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/schedule`, visit);
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.equal(early.body.code, 'WORK_ORDER_ILLEGAL_TRANSITION', 'a quoted order is not scheduled');
    const accepted = await s.call<Moved>(c.tok.cust!, 'POST', `/api/v1/work-orders/${wo}/confirm-quote`, {});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const booked = await s.call<Json>(c.tok.agent!, 'POST', `/api/v1/work-orders/${wo}/schedule`, visit);
    assert.equal(booked.status, 200, JSON.stringify(booked.body));
    assert.equal(booked.body.status, 'scheduled');
    // R-WO-03: 800 km from the base → the ≤1000 km tier: on site within 48 h of the booked time.
    const onSite = (
      booked.body.sla as { key: string; state: string; startedAt: string; deadline: string }[]
    ).filter((k) => k.key.startsWith('onsite.'));
    assert.deepEqual(
      onSite.map((k) => k.key),
      ['onsite.up_to_1000km'],
    );
    assert.equal(onSite[0]!.startedAt, new Date(visit.slotStart).toISOString());
    assert.equal(Date.parse(onSite[0]!.deadline) - Date.parse(visit.slotStart), 48 * 3600_000);
  });
});

describe('wrong inputs are refused with coded errors and change nothing', () => {
  let c: Company;
  let m = '';
  before(async () => {
    c = await company('wron', 'appliance');
    m = await model(c, { code: 'oven', name: '烤箱' }, 'KX-30');
  });

  it('R-IN-03 a purchase date in the future is refused at intake', async () => {
    const res = await s.call<Problem>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
      channel: 'hotline',
      type: 'repair',
      customerId: c.customerId,
      unit: { modelId: m, serialNumber: 'OV-FUTURE', purchaseDate: '2026-12-24' },
      problem: '烤箱不加热',
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'REQUEST_DATE_IN_FUTURE');
    assert.deepEqual(
      res.body.errors?.map((e) => e.field),
      ['unit.purchaseDate'],
    );
  });

  it('R-WAR-02 a purchase date in the future from the proof seen at assessment is refused; the order stays created', async () => {
    const wo = await order(c, m, { serial: 'OV-0001' }, '烤箱不加热');
    const before = await counts(wo);
    const res = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '加热管断路',
      causeClass: 'material_defect',
      purchaseDate: '2026-12-01',
      proofOfPurchase: 'INV-X',
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'WARRANTY_PURCHASE_DATE_IN_FUTURE');
    assert.deepEqual(
      res.body.errors?.map((e) => e.field),
      ['purchaseDate'],
    );
    assert.deepEqual(await counts(wo), before);
    assert.equal(before.status, 'created');
    assert.equal(before.decisions, 0);
  });

  it('R-FEE-01 R-FEE-06 a quote with a negative quantity is refused naming lines.2.quantity; nothing is written', async () => {
    const wo = await order(
      c,
      m,
      { serial: 'OV-0002', purchaseDate: '2020-01-01', proof: 'INV-2020' },
      '烤箱门玻璃碎裂',
    );
    const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '门玻璃碎裂',
      causeClass: 'wear',
    });
    assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
    const before = await counts(wo);
    const res = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [
        { kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 8000 },
        { kind: 'part', partId: 'door-glass', quantity: 1, unitPriceFen: 9000 },
        { kind: 'part', partId: 'door-seal', quantity: -2, unitPriceFen: 1500 },
      ],
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'QUOTE_NEGATIVE_QUANTITY');
    assert.deepEqual(
      res.body.errors?.map((e) => e.field),
      ['lines.2.quantity'],
    );
    assert.deepEqual(await counts(wo), before);

    const unknown = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'massage', quantity: 1, unitPriceFen: 100 }],
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'QUOTE_UNKNOWN_KIND');
    assert.deepEqual(
      unknown.body.errors?.map((e) => e.field),
      ['lines.0.kind'],
    );
    const fraction = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'hour', minutes: 1.5, unitPriceFen: 100 }],
    });
    assert.equal(fraction.body.code, 'QUOTE_QUANTITY_NOT_INTEGER');
    assert.deepEqual(
      fraction.body.errors?.map((e) => e.field),
      ['lines.0.minutes'],
    );
    const badTrip = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 100 }],
      tripDays: 0,
    });
    assert.equal(badTrip.body.code, 'QUOTE_ZERO_QUANTITY');
    assert.deepEqual(
      badTrip.body.errors?.map((e) => e.field),
      ['tripDays'],
    );
    assert.deepEqual(await counts(wo), before);
  });

  it('R-FEE-01 the quote moves are made only through the quote endpoints, and only from their states', async () => {
    const wo = await order(c, m, { serial: 'OV-0003' }, '烤箱灯不亮');
    const early = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 100 }],
    });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
    const tech = await s.call<Problem>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 100 }],
    });
    assert.equal(tech.status, 403);
  });
});

describe('warranty override and competitor products', () => {
  let c: Company;
  before(async () => {
    c = await company('over', 'appliance');
  });

  it('R-WAR-01 R-WAR-03 only a supervisor overrides, with a reason; the computed decision is kept', async () => {
    const m = await model(c, { code: 'hood', name: '油烟机' }, 'CXW-200');
    const wo = await order(
      c,
      m,
      { serial: 'HD-0001', purchaseDate: '2026-06-01', proof: 'INV-601' },
      '油烟机噪音大',
    );
    const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '风轮积油变形，疑似清洗不当',
      causeClass: 'misuse',
    });
    assert.equal((assessed.body.warranty as Json).coverage, 'charged');
    const engineer = await s.call<Problem>(
      c.tok.engineer!,
      'POST',
      `/api/v1/work-orders/${wo}/warranty-override`,
      {
        coverage: 'free',
        payer: 'company',
        reason: '风轮材质问题',
      },
    );
    assert.equal(engineer.status, 403);
    const inconsistent = await s.call<Problem>(
      c.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${wo}/warranty-override`,
      {
        coverage: 'free',
        payer: 'customer',
        reason: '风轮材质问题',
      },
    );
    assert.equal(inconsistent.status, 400);
    assert.equal(inconsistent.body.code, 'WARRANTY_OVERRIDE_INCONSISTENT');
    const res = await s.call<Json>(c.tok.supervisor!, 'POST', `/api/v1/work-orders/${wo}/warranty-override`, {
      coverage: 'free',
      payer: 'company',
      reason: '同批次风轮材质问题，按质量问题处理',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.kind, 'override');
    assert.equal(res.body.version, 2);
    assert.equal(res.body.coverage, 'free');
    const original = (res.body.override as { original: Json }).original;
    assert.equal(original.coverage, 'charged');
    assert.equal(original.payer, 'customer');
    assert.ok(codes(res.body).includes('supervisor_override'));
    const history = await s.call<{ current: Json; history: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${wo}/warranty`,
    );
    assert.deepEqual(
      history.body.history.map((h) => [h.version, h.kind, h.coverage]),
      [
        [1, 'computed', 'charged'],
        [2, 'override', 'free'],
      ],
    );
    // Free now: no quote needed before the repair.
    const started = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/start-repair`, {});
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const late = await s.call<Problem>(
      c.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${wo}/warranty-override`,
      {
        coverage: 'charged',
        payer: 'customer',
        reason: '改回',
      },
    );
    assert.equal(late.status, 422);
    assert.equal(late.body.code, 'WARRANTY_DECISION_LOCKED');
  });

  it('R-WAR-05 a service not listed for competitor products is refused until the manager approves it', async () => {
    const m = await model(c, { code: 'other-ac', name: '他牌空调', category: 'competitor' }, 'X-AC');
    const wo = await order(
      c,
      m,
      { serial: 'XA-0001', purchaseDate: '2025-01-01', proof: 'R-1' },
      '他牌空调移机安装',
      'installation',
    );
    const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: false,
      findings: '需移机重新安装',
      causeClass: 'unknown',
    });
    assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
    const w = assessed.body.warranty as Json;
    assert.equal(w.coverage, 'refused');
    assert.deepEqual(codes(w), ['competitor_product', 'competitor_service_not_listed']);
    const blocked = await s.call<Problem>(
      c.tok.engineer!,
      'POST',
      `/api/v1/work-orders/${wo}/start-repair`,
      {},
    );
    assert.equal(blocked.status, 422);
    assert.equal(blocked.body.code, 'WORK_ORDER_QUOTE_NOT_ACCEPTED');
    const quote = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 30_000, unitCostFen: 10_000 }],
    });
    assert.equal(quote.body.code, 'QUOTE_COVERAGE_REFUSED');
    const supervisor = await s.call<Problem>(
      c.tok.supervisor!,
      'POST',
      `/api/v1/work-orders/${wo}/competitor-approval`,
      { reason: '大客户' },
    );
    assert.equal(supervisor.status, 403);
    const approved = await s.call<Json>(
      c.tok.manager!,
      'POST',
      `/api/v1/work-orders/${wo}/competitor-approval`,
      { reason: '大客户项目，同意移机' },
    );
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.kind, 'competitor_approval');
    assert.equal(approved.body.coverage, 'charged');
    assert.ok(codes(approved.body).includes('competitor_service_approved'));
    const priced = await s.call<Moved>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'labour', unit: 'job', quantity: 1, unitPriceFen: 30_000, unitCostFen: 10_000 }],
    });
    assert.equal(priced.status, 200, JSON.stringify(priced.body));
    assert.equal(priced.body.quote.totalFen, 30_000);
  });
});

describe("a replaced part's own warranty (R-WAR-04)", () => {
  let c: Company;
  let m = '';
  before(async () => {
    c = await company('part', 'appliance');
    m = await model(c, { code: 'aircon', name: '空调' }, 'KFR-26');
  });

  it('R-WAR-04 a part our repair record shows replaced 2 months ago is still under its own 36 months: the repair is free though the product is out of warranty', async () => {
    const first = await order(
      c,
      m,
      { serial: 'AC-0001', purchaseDate: '2024-06-01', proof: 'INV-2024' },
      '空调不启动',
    );
    const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${first}/assess`, {
      faultConfirmed: true,
      findings: '启动电容失效',
      causeClass: 'wear',
    });
    assert.equal((assessed.body.warranty as Json).inWarranty, false);
    const quoted = await s.call<Moved>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${first}/quote`, {
      lines: [{ kind: 'part', partId: 'CAP-35', quantity: 1, unitPriceFen: 3500 }],
    });
    assert.equal(quoted.status, 200, JSON.stringify(quoted.body));
    const accepted = await s.call<Moved>(c.tok.agent!, 'POST', `/api/v1/work-orders/${first}/confirm-quote`, {
      channel: 'hotline',
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(
      (await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${first}/start-repair`, {})).status,
      200,
    );
    const done = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${first}/complete`, {
      workDone: '更换启动电容',
      testResult: '试机正常',
      partsReplaced: [{ name: '启动电容', partNumber: 'CAP-35', quantity: 1 }],
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));

    s.clock.advance(60 * 86_400_000);
    for (const u of ['agent', 'engineer', 'supervisor']) c.tok[u] = await s.login(c.code, u, TEST_PASSWORD);
    const units = await s.call<{ items: Json[] }>(c.tok.agent!, 'GET', '/api/v1/units?q=AC-0001');
    const unitId = units.body.items[0]!.id;
    const req = await s.call<Json>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
      channel: 'hotline',
      type: 'repair',
      customerId: c.customerId,
      unitId,
      problem: '空调又不启动了',
    });
    assert.equal(req.status, 201, JSON.stringify(req.body));
    assert.equal(req.body.isRepeat, false, 'the first request is older than the 30-day window');
    const reviewed = await s.call<{ workOrderId: string }>(
      c.tok.agent!,
      'POST',
      `/api/v1/service-requests/${req.body.id}/review`,
      { eligible: true },
    );
    const second = reviewed.body.workOrderId;

    const future = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${second}/assess`, {
      faultConfirmed: true,
      findings: '启动电容再次失效',
      causeClass: 'material_defect',
      failedPartId: 'CAP-35',
      replacedParts: [{ partId: 'FAN-1', installedAt: '2027-12-01' }],
    });
    assert.equal(future.status, 400, JSON.stringify(future.body));
    assert.equal(future.body.code, 'WARRANTY_PART_INSTALLED_IN_FUTURE');
    assert.deepEqual(
      future.body.errors?.map((e) => e.field),
      ['replacedParts.0.installedAt'],
    );

    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${second}/assess`, {
      faultConfirmed: true,
      findings: '启动电容再次失效',
      causeClass: 'material_defect',
      failedPartId: 'CAP-35',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const w = res.body.warranty as Json;
    assert.equal(w.inWarranty, true);
    assert.equal(w.coverage, 'free');
    assert.equal(w.payer, 'company');
    assert.deepEqual(codes(w), ['product_warranty_expired', 'replaced_part_in_warranty', 'cause_coverage']);
    const part = w.partWarranty as Json;
    assert.equal(part.source, 'replaced_part');
    assert.equal(part.months, 36);
    assert.equal(part.endsOn, '2029-11-23');
  });
});

describe('partner products and shipping (R-FEE-03, R-FEE-05)', () => {
  let c: Company;
  let wo = '';
  before(async () => {
    c = await company('ptnr', 'appliance');
    const m = await model(c, { code: 'dishwasher', name: '洗碗机', category: 'partner' }, 'DW-9');
    wo = await order(
      c,
      m,
      { serial: 'DW-0001', purchaseDate: '2024-02-01', proof: 'INV-0201' },
      '洗碗机不排水',
    );
    const res = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/assess`, {
      faultConfirmed: true,
      findings: '排水泵损坏',
      causeClass: 'material_defect',
    });
    assert.equal((res.body.warranty as Json).productCategory, 'partner');
  });

  it('R-FEE-03 a partner part below the minimum mark-up is refused naming the field', async () => {
    const res = await s.call<Problem>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [{ kind: 'part', partId: 'drain-pump', quantity: 1, unitPriceFen: 10_000, markupBp: 500 }],
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'QUOTE_PARTNER_MARKUP_TOO_LOW');
    assert.deepEqual(
      res.body.errors?.map((e) => e.field),
      ['lines.0.markupBp'],
    );
  });

  it('R-FEE-03 R-FEE-05 partner parts at +10 % with a 10 % handling fee when the partner supplies them; out-of-warranty shipping both ways is the customer’s', async () => {
    const res = await s.call<Moved>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${wo}/quote`, {
      lines: [
        { kind: 'part', partId: 'drain-pump', quantity: 2, unitPriceFen: 10_000, suppliedBy: 'partner' },
        { kind: 'shipping', direction: 'to_service', quantity: 1, unitPriceFen: 1500 },
        { kind: 'shipping', direction: 'back_to_customer', quantity: 1, unitPriceFen: 1500 },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const q = res.body.quote;
    assert.deepEqual(
      (q.lines as Json[]).map((l) => [
        l.kind,
        l.quantity,
        l.unitPriceFen,
        l.amountFen,
        l.payer,
        l.derivedFrom,
      ]),
      [
        ['part', 2, 11_000, 22_000, 'customer', null],
        ['handling', 1, 2200, 2200, 'customer', 0],
        ['shipping', 1, 1500, 1500, 'customer', null],
        ['shipping', 1, 1500, 1500, 'customer', null],
      ],
    );
    assert.equal(q.totalFen, 27_200);
  });
});
