import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { addUser } from '@aftercare/application';
import { attachments } from '@aftercare/db';
import { TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';
import { assessedOrder, setupCompany, type Company, type Json } from './fieldwork-kit';

let s: TestServer;
let c: Company;
let other: Company;
let orderId = '';
let requestId = '';
let customerToken = '';
let strangerToken = '';

/** A small JPEG: the SOI/APP0 header is what the sniffer reads. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(200, 7),
  Buffer.from([0xff, 0xd9]),
]);
/** A Windows program (PE, "MZ" header), renamed to look like a photo. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58, 0),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(200, 0x90),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function upload(token: string, url: string, bytes: Buffer, type: string, name: string | null) {
  const res = await s.app.inject({
    method: 'POST',
    url,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': type,
      ...(name === null ? {} : { 'x-file-name': encodeURIComponent(name) }),
    },
    payload: bytes,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as Json };
}

async function download(token: string, id: string) {
  return s.app.inject({
    method: 'GET',
    url: `/api/v1/attachments/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
}

async function stored() {
  const [row] = await s.db.db.select({ n: count() }).from(attachments);
  const dir = join(s.attachmentsDir, c.tenant.tenant.tenantId);
  return { rows: row!.n, files: existsSync(dir) ? readdirSync(dir).length : 0 };
}

before(async () => {
  s = await startTestServer();
  c = await setupCompany(s, 'acme', 'appliance');
  other = await setupCompany(s, 'other', 'appliance');
  orderId = await assessedOrder(s, c, 'SN-ATT-1');
  const order = await s.call<Json>(c.tok.agent!, 'GET', `/api/v1/work-orders/${orderId}`);
  requestId = order.body.requestId as string;
  const customerId = (order.body.customer as Json).id;
  // Portal accounts: the order's customer, and a customer of another order.
  const otherOrder = await s.call<Json>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
    channel: 'hotline',
    type: 'repair',
    customer: { name: '李四', phones: ['139 0013 9000'] },
    unit: {
      modelId: c.modelId,
      serialNumber: 'SN-ATT-2',
      purchaseDate: '2026-03-01',
      proofOfPurchase: 'FP-2',
    },
    problem: '不制热',
  });
  assert.equal(otherOrder.status, 201, JSON.stringify(otherOrder.body));
  await s.db.db.transaction(async (tx) => {
    const meta = {
      actor: { userId: randomUUID(), tenantId: c.tenant.tenant.tenantId, roles: ['admin' as const] },
      requestId: 'test',
      channel: 'system' as const,
    };
    await addUser(
      tx,
      meta,
      c.tenant.tenant,
      { username: 'zhangsan', displayName: '张三', password: TEST_PASSWORD, roles: ['customer'], customerId },
      s.clock.now(),
    );
    await addUser(
      tx,
      meta,
      c.tenant.tenant,
      {
        username: 'lisi',
        displayName: '李四',
        password: TEST_PASSWORD,
        roles: ['customer'],
        customerId: (otherOrder.body.customer as Json).id,
      },
      s.clock.now(),
    );
  });
  customerToken = await s.login('acme', 'zhangsan', TEST_PASSWORD);
  strangerToken = await s.login('acme', 'lisi', TEST_PASSWORD);
});
after(async () => {
  await s?.close();
});

describe('attachments: photos, video and PDFs of requests and work orders (issue 4 item 6)', () => {
  let photoId = '';

  it('issue-4.6 the assigned technician uploads a photo: the raw file is the body, the name in X-File-Name; stored on disk with its detected type', async () => {
    const res = await upload(
      c.tok.tech1!,
      `/api/v1/work-orders/${orderId}/attachments`,
      JPEG,
      'image/jpeg',
      '室外机铭牌.jpg',
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.contentType, 'image/jpeg');
    assert.equal(res.body.fileName, '室外机铭牌.jpg');
    assert.equal(res.body.sizeBytes, JPEG.length);
    assert.equal(res.body.purpose, 'photo');
    photoId = res.body.id;
    assert.ok(
      existsSync(join(s.attachmentsDir, c.tenant.tenant.tenantId, photoId)),
      'under <data>/attachments/<tenant>/<id>',
    );
    const list = await s.call<{ items: Json[] }>(
      c.tok.agent!,
      'GET',
      `/api/v1/work-orders/${orderId}/attachments`,
    );
    assert.deepEqual(
      list.body.items.map((a) => a.id),
      [photoId],
    );
    const file = await download(c.tok.tech1!, photoId);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/jpeg');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(file.rawPayload, JPEG);
  });

  it('issue-4.6 an .exe renamed .jpg is refused by its content, and nothing is stored', async () => {
    const before = await stored();
    const res = await upload(
      c.tok.tech1!,
      `/api/v1/work-orders/${orderId}/attachments`,
      EXE,
      'image/jpeg',
      'photo.jpg',
    );
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['head'],
    );
    assert.deepEqual(await stored(), before);
  });

  it('issue-4.6 a PDF named .jpg is refused as a mismatch naming the file name', async () => {
    const before = await stored();
    const res = await upload(
      c.tok.tech1!,
      `/api/v1/work-orders/${orderId}/attachments`,
      PDF,
      'application/pdf',
      'scan.jpg',
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'ATTACHMENT_TYPE_MISMATCH');
    assert.deepEqual(
      (res.body.errors as { field: string }[]).map((e) => e.field),
      ['declaredName'],
    );
    assert.deepEqual(await stored(), before);
  });

  it('issue-4.6 a JSON body or a missing file name is refused', async () => {
    const json = await s.call<Json>(
      c.tok.tech1!,
      'POST',
      `/api/v1/work-orders/${orderId}/attachments`,
      { file: 'x' },
      { 'x-file-name': 'a.jpg' },
    );
    assert.equal(json.status, 415, JSON.stringify(json.body));
    const unnamed = await upload(
      c.tok.tech1!,
      `/api/v1/work-orders/${orderId}/attachments`,
      JPEG,
      'image/jpeg',
      null,
    );
    assert.equal(unnamed.status, 400);
    assert.deepEqual(
      (unnamed.body.errors as { field: string }[]).map((e) => e.field),
      ['x-file-name'],
    );
  });

  it('R-ROLE-03 another company reading the attachment gets 404, and cannot list or upload to the order', async () => {
    const before = await stored();
    const file = await download(other.tok.supervisor!, photoId);
    assert.equal(file.statusCode, 404);
    assert.equal(JSON.parse(file.body).code, 'NOT_FOUND');
    const list = await s.call<Json>(
      other.tok.supervisor!,
      'GET',
      `/api/v1/work-orders/${orderId}/attachments`,
    );
    assert.equal(list.status, 404);
    const up = await upload(
      other.tok.agent!,
      `/api/v1/work-orders/${orderId}/attachments`,
      JPEG,
      'image/jpeg',
      'x.jpg',
    );
    assert.equal(up.status, 404);
    assert.deepEqual(await stored(), before);
  });

  it('R-ROLE-03 a technician reads attachments only of orders assigned to them', async () => {
    const file = await download(c.tok.tech2!, photoId);
    assert.equal(file.statusCode, 404);
  });

  it('R-ROLE-03 the customer reads the photos of their own order, another customer does not', async () => {
    const own = await download(customerToken, photoId);
    assert.equal(own.statusCode, 200);
    const stranger = await download(strangerToken, photoId);
    assert.equal(stranger.statusCode, 404);
  });

  it('issue-4.6 the agent attaches a PDF to the service request; the customer uploads a photo to their own request and reads both', async () => {
    const pdf = await upload(
      c.tok.agent!,
      `/api/v1/service-requests/${requestId}/attachments`,
      PDF,
      'application/pdf',
      '购买发票.pdf',
    );
    assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
    assert.equal(pdf.body.requestId, requestId);
    s.clock.advance(1000);
    const photo = await upload(
      customerToken,
      `/api/v1/service-requests/${requestId}/attachments`,
      JPEG,
      'image/jpeg',
      'leak.jpeg',
    );
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const list = await s.call<{ items: Json[] }>(
      customerToken,
      'GET',
      `/api/v1/service-requests/${requestId}/attachments`,
    );
    assert.deepEqual(
      list.body.items.map((a) => a.contentType),
      ['application/pdf', 'image/jpeg'],
    );
    const stranger = await s.call<Json>(
      strangerToken,
      'GET',
      `/api/v1/service-requests/${requestId}/attachments`,
    );
    assert.equal(stranger.status, 404);
    const strangerUpload = await upload(
      strangerToken,
      `/api/v1/service-requests/${requestId}/attachments`,
      JPEG,
      'image/jpeg',
      'x.jpg',
    );
    assert.equal(strangerUpload.status, 404);
  });

  it('R-NF-02 an upload is audited', async () => {
    const audit = await s.call<{ items: Json[] }>(
      c.tok.supervisor!,
      'GET',
      `/api/v1/audit?entityType=attachment&entityId=${photoId}`,
    );
    assert.deepEqual(
      audit.body.items.map((e) => [e.action, e.actorName]),
      [['attachment.upload', 'tech1']],
    );
  });
});
