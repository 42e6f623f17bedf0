import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, runDayPlan, seedDemo } from '@aftercare/application';
import { tenants } from '@aftercare/db';
import { startTestServer, type TestServer } from './helper';

type Json = Record<string, unknown> & { id: string };

let s: TestServer;
let tok = '';

before(async () => {
  s = await startTestServer();
  await seedDemo(s.db.db, { preset: 'appliance', now: s.clock.now() });
  tok = await s.login('demo', 'supervisor', DEMO_PASSWORD);
});
after(async () => s?.close());

describe('the demo company can plan a day (R-DIS-04)', () => {
  it('R-DIS-01 R-DIS-02 the demo has a service centre and rostered technicians with skills', async () => {
    const centres = await s.call<{ items: Json[] }>(tok, 'GET', '/api/v1/service-centres');
    assert.equal(centres.body.items.length, 1);
    const techs = await s.call<{ items: Json[] }>(tok, 'GET', '/api/v1/technicians');
    assert.equal(techs.body.items.length, 2);
    for (const t of techs.body.items)
      assert.ok((t.skills as Json[]).length > 0 && (t.certificates as Json[]).length > 0);
    const roster = await s.call<{ technicians: { shifts: Json[] }[] }>(
      tok,
      'GET',
      `/api/v1/service-centres/${centres.body.items[0]!.id}/roster?date=2026-11-25`,
    );
    assert.equal(roster.body.technicians.filter((t) => t.shifts.length > 0).length, 2);
  });

  it('R-DIS-04 a plan of the demo day puts the open orders on routes', async () => {
    const centres = await s.call<{ items: Json[] }>(tok, 'GET', '/api/v1/service-centres');
    const res = await s.call<Json>(tok, 'POST', '/api/v1/dispatch/plans', {
      serviceCentreId: centres.body.items[0]!.id,
      date: '2026-11-25',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const [demo] = await s.db.db.select().from(tenants).where(eq(tenants.code, 'demo'));
    const tenantId = demo!.tenantId;
    assert.equal(await runDayPlan(s.db.db, tenantId, res.body.id, s.clock, { maxIterations: 300 }), true);
    const plan = await s.call<Json & { routes: { stops: Json[] }[]; unplanned: Json[] }>(
      tok,
      'GET',
      `/api/v1/dispatch/plans/${res.body.id}`,
    );
    assert.equal(plan.body.status, 'done', String(plan.body.error));
    const planned = plan.body.routes.reduce((n, r) => n + r.stops.length, 0);
    assert.ok(planned > 0, JSON.stringify(plan.body.unplanned));
  });
});
