import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { hashPassword } from '@aftercare/application';
import { tenants, users } from '@aftercare/db';
import { buildTenant, TEST_PASSWORD } from '@aftercare/test-kit';
import { startTestServer, type TestServer } from './helper';

let s: TestServer;

before(async () => {
  s = await startTestServer();
  await buildTenant(s.db.db, { code: 'acme' });
});
after(async () => s?.close());

describe('identity and access', () => {
  it('R-ROLE-03 login returns a bearer token and sets an httpOnly session cookie', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: 'acme', username: 'agent', password: TEST_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json<{
      token: string;
      user: { username: string; roles: string[]; tenant: { code: string; timeZone: string } };
    }>();
    assert.ok(body.token.length > 40);
    assert.equal(body.user.username, 'agent');
    assert.deepEqual(body.user.roles, ['agent']);
    assert.equal(body.user.tenant.code, 'acme');
    assert.equal(body.user.tenant.timeZone, 'Asia/Shanghai');
    const cookie = res.cookies.find((c) => c.name === 'aftercare_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    // The cookie alone authenticates the web UI.
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { aftercare_session: cookie.value },
    });
    assert.equal(me.statusCode, 200);
  });

  it('R-ROLE-03 a request without a token gets 401 problem+json', async () => {
    const res = await s.call<{ code: string }>(null, 'GET', '/api/v1/work-orders');
    assert.equal(res.status, 401);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'AUTH_REQUIRED');
    const forged = await s.call<{ code: string }>(
      '00000000-0000-0000-0000-000000000000.forged',
      'GET',
      '/api/v1/work-orders',
    );
    assert.equal(forged.status, 401);
  });

  it('R-ROLE-03 a wrong password, an unknown user and an unknown company all get the same 401', async () => {
    for (const body of [
      { tenant: 'acme', username: 'agent', password: 'wrong-password' },
      { tenant: 'acme', username: 'nobody', password: TEST_PASSWORD },
      { tenant: 'nowhere', username: 'agent', password: TEST_PASSWORD },
    ]) {
      const res = await s.call<{ code: string; detail: string }>(null, 'POST', '/api/v1/auth/login', body);
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'AUTH_INVALID_CREDENTIALS');
    }
  });

  it('R-ROLE-03 repeated failed logins are slowed down with 429 and Retry-After, and the lock expires', async () => {
    const bad = { tenant: 'acme', username: 'qc', password: 'nope-nope' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await s.call(null, 'POST', '/api/v1/auth/login', bad)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const locked = await s.call<{ code: string }>(null, 'POST', '/api/v1/auth/login', {
      ...bad,
      password: TEST_PASSWORD,
    });
    assert.equal(locked.status, 429, 'even the right password waits while locked');
    assert.equal(locked.body.code, 'AUTH_TOO_MANY_ATTEMPTS');
    assert.equal(locked.headers['retry-after'], '30');
    s.clock.advance(31_000);
    const ok = await s.call(null, 'POST', '/api/v1/auth/login', { ...bad, password: TEST_PASSWORD });
    assert.equal(ok.status, 200);
  });

  it('R-ROLE-03 logout revokes the token', async () => {
    const token = await s.login('acme', 'engineer', TEST_PASSWORD);
    assert.equal((await s.call(token, 'GET', '/api/v1/auth/me')).status, 200);
    const out = await s.call(token, 'POST', '/api/v1/auth/logout');
    assert.equal(out.status, 204);
    assert.equal((await s.call(token, 'GET', '/api/v1/auth/me')).status, 401);
    assert.equal((await s.call(token, 'GET', '/api/v1/work-orders')).status, 401);
  });

  it('R-ROLE-03 a session expires after its lifetime', async () => {
    const token = await s.login('acme', 'guide', TEST_PASSWORD);
    s.clock.advance(13 * 3600_000);
    assert.equal((await s.call(token, 'GET', '/api/v1/auth/me')).status, 401);
  });

  it('R-ROLE-03 the demo password opens accounts only in a company made by the demo seed', async () => {
    // An account whose password is the demo password (e.g. copied from a demo database) …
    const demoHash = await hashPassword('demo1234');
    await s.db.db.update(users).set({ passwordHash: demoHash }).where(eq(users.username, 'manager'));
    const refused = await s.call(null, 'POST', '/api/v1/auth/login', {
      tenant: 'acme',
      username: 'manager',
      password: 'demo1234',
    });
    assert.equal(refused.status, 401);
    // … works in a demo company.
    await s.db.db.update(tenants).set({ isDemo: true }).where(eq(tenants.code, 'acme'));
    const accepted = await s.call(null, 'POST', '/api/v1/auth/login', {
      tenant: 'acme',
      username: 'manager',
      password: 'demo1234',
    });
    assert.equal(accepted.status, 200);
    await s.db.db.update(tenants).set({ isDemo: false }).where(eq(tenants.code, 'acme'));
  });
});

describe('HTTP surface', () => {
  it('R-NF-06 OpenAPI 3.1 is served at /api/openapi.json with every endpoint', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/service-requests',
      '/api/v1/service-requests/{id}/review',
      '/api/v1/work-orders',
      '/api/v1/work-orders/{id}',
      '/api/v1/work-orders/{id}/assess',
      '/api/v1/work-orders/{id}/close',
      '/api/v1/audit',
      '/api/v1/customers',
      '/api/v1/units',
    ]) {
      assert.ok(doc.paths[p], `${p} documented`);
    }
  });

  it('R-NF-06 a browsable reference is served at /api/docs', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });

  it('R-NF-02 every answer carries its request id; a given x-request-id is kept', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-request-id'], 'abc-123');
    assert.equal(res.json<{ status: string }>().status, 'ok');
  });

  it('R-NF-06 an unknown API route is a 404 problem', async () => {
    const res = await s.call<{ code: string }>(null, 'GET', '/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'NOT_FOUND');
  });
});
