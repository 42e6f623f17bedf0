import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { customers, tenants } from '@aftercare/db';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';

let s: TestServer;
const ids: Record<string, { tenantId: string; zhang: string; li: string }> = {};

async function addCustomer(tenantId: string, name: string, phone: string): Promise<string> {
  const id = randomUUID();
  const now = s.clock.now();
  await s.db.db.insert(customers).values({
    tenantId,
    id,
    kind: 'person',
    name,
    nameKey: name,
    phones: [phone],
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

const codeFor = async (tenant: string, phone: string) => {
  const res = await s.call(null, 'POST', '/api/v1/portal/code', { tenant, phone });
  return res as { status: number; body: { demoCode: string | null; expiresAt: string; code?: string } };
};
const portalLogin = (tenant: string, phone: string, code: string) =>
  s.app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { tenant, phone, code } });

before(async () => {
  s = await startTestServer();
  for (const code of ['acme', 'beta']) {
    await buildTenant(s.db.db, { code });
    const [tenant] = await s.db.db.select().from(tenants).where(eq(tenants.code, code));
    // The demo flag lets the answer carry the code (as in the demo company).
    await s.db.db.update(tenants).set({ isDemo: true }).where(eq(tenants.tenantId, tenant!.tenantId));
    ids[code] = {
      tenantId: tenant!.tenantId,
      zhang: await addCustomer(tenant!.tenantId, '张三', '+8613800000001'),
      li: await addCustomer(tenant!.tenantId, '李四', '+8613800000002'),
    };
  }
  const agent = await s.login('acme', 'agent', TEST_PASSWORD);
  for (const customerId of [ids.acme!.zhang, ids.acme!.li]) {
    const res = await s.call(agent, 'POST', '/api/v1/service-requests', {
      channel: 'hotline',
      type: 'consultation',
      customerId,
      problem: '热水器怎样设置温度',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
});
after(async () => s?.close());

describe('issue 5 §3 customer portal login with a one-time code', () => {
  it('a wrong code is refused, and after five wrong tries even the right one is', async () => {
    const sent = await codeFor('acme', '138 0000 0002');
    assert.equal(sent.status, 200);
    assert.match(sent.body.demoCode ?? '', /^\d{6}$/);
    const wrong = sent.body.demoCode === '000000' ? '111111' : '000000';
    const first = await portalLogin('acme', '13800000002', wrong);
    assert.equal(first.statusCode, 401);
    assert.equal(first.json<{ code: string }>().code, 'AUTH_INVALID_CREDENTIALS');
    for (let i = 0; i < 4; i++) await portalLogin('acme', '13800000002', wrong);
    const blocked = await portalLogin('acme', '13800000002', sent.body.demoCode!);
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json<{ code: string }>().code, 'AUTH_TOO_MANY_ATTEMPTS');
  });

  it('a code is asked for at most once a minute per phone', async () => {
    const again = await s.call(null, 'POST', '/api/v1/portal/code', { tenant: 'acme', phone: '13800000002' });
    assert.equal(again.status, 429);
    assert.ok(Number(again.headers['retry-after']) > 0);
  });

  it('a code expires after five minutes (settable clock)', async () => {
    s.clock.advance(2 * 60_000);
    const sent = await codeFor('acme', '13800000002');
    assert.equal(sent.status, 200);
    s.clock.advance(5 * 60_000 + 1000);
    const late = await portalLogin('acme', '13800000002', sent.body.demoCode!);
    assert.equal(late.statusCode, 401);
  });

  it("another company's phone does not get in: no code is made for a phone that is not its customer", async () => {
    const unknown = await codeFor('acme', '13900000009');
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.demoCode, null);
    // Beta's code for the same number does not open acme.
    const beta = await codeFor('beta', '13800000001');
    assert.ok(beta.body.demoCode);
    const cross = await portalLogin('acme', '13800000001', beta.body.demoCode!);
    assert.equal(cross.statusCode, 401);
  });

  it('the right code logs the customer in (portal user made on first login) and they see only their own requests', async () => {
    s.clock.advance(2 * 60_000);
    const sent = await codeFor('acme', '+86 138-0000-0001');
    assert.equal(sent.status, 200);
    const res = await portalLogin('acme', '13800000001', sent.body.demoCode!);
    assert.equal(res.statusCode, 200, res.body);
    const cookie = res.cookies.find((c) => c.name === 'aftercare_session');
    assert.ok(cookie?.httpOnly);
    const body = res.json<{ token: string; user: { roles: string[]; displayName: string } }>();
    assert.deepEqual(body.user.roles, ['customer']);
    assert.equal(body.user.displayName, '张三');
    const list = await s.call(body.token, 'GET', '/api/v1/service-requests');
    const items = (list.body as { items: { customer: { id: string } }[] }).items;
    assert.equal(list.status, 200);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.customer.id, ids.acme!.zhang);
    // A code is used once.
    const replay = await portalLogin('acme', '13800000001', sent.body.demoCode!);
    assert.equal(replay.statusCode, 401);
  });
});
