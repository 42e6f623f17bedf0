import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { workshopReceipts } from '@aftercare/db';
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

before(async () => {
  s = await startTestServer();
  c = await setupCompany(s, 'lumen', 'lighting', { line: 'LED', model: 'DL-120', name: 'LED 吸顶灯' });
});
after(async () => {
  await s?.close();
});

describe('lighting preset: a fixture taken back to the workshop with a receipt and returned (R-WO-06)', () => {
  let id = '';

  before(async () => {
    id = await assessedOrder(s, c, 'LED-2026-0001', '吸顶灯频闪，部分灯珠不亮');
    s.clock.advance(60_000);
    await move(s, c.tok.agent!, id, 'schedule', {
      slotStart: '2026-11-23T14:00:00+08:00',
      slotEnd: '2026-11-23T16:00:00+08:00',
      address: '广州市天河区天河路385号',
    });
    for (const [token, path, body] of [
      [c.tok.supervisor!, 'dispatch', { assigneeId: c.tenant.userIds.tech1 }],
      [c.tok.tech1!, 'depart', {}],
      [c.tok.tech1!, 'arrive', {}],
    ] as const) {
      s.clock.advance(60_000);
      await move(s, token, id, path, body);
    }
    s.clock.advance(60_000);
  });

  it('R-WO-06 the fixture cannot be fixed on site: tech1 takes it back and gives the customer receipt TB-0001', async () => {
    const taken = await move(s, c.tok.tech1!, id, 'take-to-workshop', {
      receiptNumber: 'TB-0001',
      items: '吸顶灯主体 1 件，驱动电源 1 个',
      reason: '驱动电源需返厂检测',
    });
    assert.equal(taken.status, 'in_workshop');
    const fw = await s.call<{ receipts: Json[] }>(c.tok.tech1!, 'GET', `/api/v1/work-orders/${id}/fieldwork`);
    assert.deepEqual(
      fw.body.receipts.map((r) => [r.receiptNumber, r.items, r.returnedAt]),
      [['TB-0001', '吸顶灯主体 1 件，驱动电源 1 个', null]],
    );
  });

  it('R-WO-06 the same receipt number cannot be given twice', async () => {
    const other = await assessedOrder(s, c, 'LED-2026-0002', '灯不亮');
    await move(s, c.tok.tech1!, other, 'start-repair');
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${other}/take-to-workshop`, {
      receiptNumber: 'TB-0001',
      items: '灯具',
    });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.code, 'WORKSHOP_RECEIPT_NUMBER_TAKEN');
  });

  it('R-WO-06 no repair is started in the workshop state, and completion waits for the return', async () => {
    const start = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/start-repair`, {});
    assert.equal(start.status, 409);
    assert.equal(start.body.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
    const complete = await s.call<Json>(
      c.tok.tech1!,
      'POST',
      `/api/v1/work-orders/${id}/complete`,
      repairRecord(),
    );
    assert.equal(complete.status, 409);
  });

  it('R-WO-06 a return with a receipt that is not the one given is refused and nothing changes', async () => {
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/return-from-workshop`, {
      receiptNumber: 'TB-9999',
      receiptCollected: true,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'WORKSHOP_RECEIPT_MISMATCH');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['receiptNumber'],
    );
    const order = await s.call<Json>(c.tok.tech1!, 'GET', `/api/v1/work-orders/${id}`);
    assert.equal(order.body.status, 'in_workshop');
    const files = await s.call<{ items: Json[] }>(
      c.tok.tech1!,
      'GET',
      `/api/v1/work-orders/${id}/attachments`,
    );
    assert.equal(files.body.items.length, 0, 'the signature of the refused return is not kept');
  });

  it('R-WO-06 a return without collecting the receipt back is refused naming the field', async () => {
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/return-from-workshop`, {
      receiptNumber: 'TB-0001',
      receiptCollected: false,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(res.status, 400);
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['receiptCollected'],
    );
  });

  it('R-WO-06 the fixture comes back: receipt TB-0001 collected, the customer signs; tech1 reinstalls, completes, the customer accepts', async () => {
    s.clock.advance(2 * 3600_000);
    const back = await move(s, c.tok.tech1!, id, 'return-from-workshop', {
      receiptNumber: 'TB-0001',
      receiptCollected: true,
      customerSignature: SIGNATURE_2,
      note: '更换驱动电源后返还',
    });
    assert.equal(back.status, 'in_repair');
    const fw = await s.call<{ receipts: Json[]; attachments: Json[] }>(
      c.tok.tech1!,
      'GET',
      `/api/v1/work-orders/${id}/fieldwork`,
    );
    const receipt = fw.body.receipts[0]!;
    assert.equal(receipt.returnedAt, s.clock.now().toISOString());
    const signature = fw.body.attachments.find((a) => a.id === receipt.returnSignatureId)!;
    assert.equal(signature.purpose, 'return_signature');
    const [open] = await s.db.db
      .select({ n: count() })
      .from(workshopReceipts)
      .where(eq(workshopReceipts.receiptNumber, 'TB-0001'));
    assert.equal(open!.n, 1);

    s.clock.advance(60_000);
    const done = await move(
      s,
      c.tok.tech1!,
      id,
      'complete',
      repairRecord({
        cause: '驱动电源电解电容鼓包',
        plan: '返厂更换驱动电源',
        partsReplaced: [{ name: 'LED 驱动电源 36W', quantity: 1 }],
      }),
    );
    assert.equal(done.status, 'completed');
    s.clock.advance(60_000);
    const accepted = await move(s, c.tok.tech1!, id, 'accept', {
      functionTestOk: true,
      appearanceOk: true,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(accepted.status, 'accepted');
    assert.deepEqual(
      (accepted.transitions as Json[]).map((t) => t.action),
      [
        'assess',
        'schedule',
        'dispatch',
        'depart',
        'arrive',
        'take_to_workshop',
        'return_from_workshop',
        'complete',
        'accept',
      ],
    );
  });

  it('R-WO-06 the returned receipt cannot be collected twice', async () => {
    const audit = await s.call<{ items: Json[] }>(
      c.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=work_order&entityId=${id}`,
    );
    assert.ok(audit.body.items.some((e) => e.action === 'work_order.return_from_workshop'));
    const res = await s.call<Json>(c.tok.tech1!, 'POST', `/api/v1/work-orders/${id}/return-from-workshop`, {
      receiptNumber: 'TB-0001',
      receiptCollected: true,
      customerSignature: SIGNATURE_2,
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
  });
});
