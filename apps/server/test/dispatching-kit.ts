import assert from 'node:assert/strict';
import type { TestServer } from './helper';
import { setupCompany, type Company, type Json } from './fieldwork-kit';

/** Helpers of the workforce and dispatch API tests (workforce-*.test.ts, dispatching-*.test.ts). */
export { setupCompany, type Company, type Json };

/** 天河 service centre of Guangzhou. */
export const CENTRE = { latitude: 23.1291, longitude: 113.3245 };

/** A service centre, and profiles with skills, certificates and Mon–Sat 08:00–18:00 shifts for tech1/tech2. */
export async function setupWorkforce(s: TestServer, c: Company) {
  const sup = c.tok.supervisor!;
  const centre = await s.call<Json>(sup, 'POST', '/api/v1/service-centres', {
    name: '天河服务中心',
    address: '广州市天河区天河路100号',
    ...CENTRE,
    serviceRadiusKm: 40,
  });
  assert.equal(centre.status, 201, JSON.stringify(centre.body));
  const lines = await s.call<{ items: Json[] } | Json[]>(sup, 'GET', '/api/v1/product-lines');
  const list = Array.isArray(lines.body) ? lines.body : lines.body.items;
  const productLineId = list.find((l) => l.code === 'AC')!.id;
  assert.ok(productLineId, JSON.stringify(lines.body));
  const homes = {
    tech1: { latitude: 23.135, longitude: 113.33 },
    tech2: { latitude: 23.1, longitude: 113.28 },
  };
  for (const [u, level] of [
    ['tech1', 4],
    ['tech2', 3],
  ] as const) {
    const p = await s.call<Json>(sup, 'POST', '/api/v1/technicians', {
      userId: c.tenant.userIds[u],
      serviceCentreId: centre.body.id,
      skills: [{ productLineId, level }],
      certificates: [{ code: `AC-${u}`, productLineId, expiresOn: '2027-12-31' }],
      assessment: { passed: true, date: '2026-03-01' },
      home: homes[u],
      serviceArea: { ...CENTRE, radiusKm: 50 },
      vanCapacity: 10,
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    for (const weekday of [1, 2, 3, 4, 5, 6]) {
      const sh = await s.call<Json>(sup, 'POST', '/api/v1/shifts', {
        technicianId: c.tenant.userIds[u],
        weekday,
        kind: 'regular',
        start: '08:00',
        end: '18:00',
      });
      assert.equal(sh.status, 201, JSON.stringify(sh.body));
    }
  }
  return { centreId: centre.body.id, productLineId };
}

/** A hotline repair request at a located address, reviewed into a work order and assessed (not assigned). */
export async function locatedOrder(
  s: TestServer,
  c: Company,
  serial: string,
  at: { latitude: number; longitude: number },
  priority?: 'urgent' | 'normal' | 'low',
): Promise<{ id: string; number: string }> {
  const req = await s.call<Json>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
    channel: 'hotline',
    type: 'repair',
    ...(priority ? { priority } : {}),
    customer: {
      name: '李四',
      phones: ['139 0013 9000'],
      address: { province: '广东省', city: '广州市', district: '天河区', line: `体育西路${serial}号`, ...at },
    },
    unit: {
      modelId: c.modelId,
      serialNumber: serial,
      purchaseDate: '2026-03-01',
      proofOfPurchase: `FP-${serial}`,
    },
    problem: '空调不制冷',
  });
  assert.equal(req.status, 201, JSON.stringify(req.body));
  const reviewed = await s.call<{ workOrderId: string }>(
    c.tok.agent!,
    'POST',
    `/api/v1/service-requests/${req.body.id}/review`,
    { eligible: true },
  );
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  const id = reviewed.body.workOrderId;
  const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${id}/assess`, {
    faultConfirmed: true,
    findings: '故障确认',
    causeClass: 'material_defect',
  });
  assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
  return { id, number: String(assessed.body.number) };
}

/** Local Shanghai time as an ISO instant. */
export const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();
