import assert from 'node:assert/strict';
import type { PresetName } from '@aftercare/domain';
import { buildTenant, TEST_PASSWORD, type TestTenant } from '@aftercare/test-kit';
import type { TestServer } from './helper';

/** Helpers of the field-work API tests (fieldwork-*.test.ts). */
export type Json = Record<string, unknown> & { id: string };

/** A real 1×1 PNG, as a signature pad would send it. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const SIGNATURE = `data:image/png;base64,${PNG_1X1.toString('base64')}`;
/** A second, different signature (the customer's). */
export const SIGNATURE_2 = `data:image/png;base64,${Buffer.concat([PNG_1X1, Buffer.from('customer')]).toString('base64')}`;

export interface Company {
  code: string;
  tenant: TestTenant;
  tok: Record<string, string>;
  modelId: string;
}

export async function setupCompany(
  s: TestServer,
  code: string,
  preset: PresetName,
  product = { line: 'AC', model: 'KFR-35GW', name: '挂式空调' },
): Promise<Company> {
  const tenant = await buildTenant(s.db.db, { code, preset });
  const tok: Record<string, string> = {};
  for (const u of ['agent', 'engineer', 'tech1', 'tech2', 'supervisor', 'qc', 'manager'])
    tok[u] = await s.login(code, u, TEST_PASSWORD);
  const line = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-lines', {
    code: product.line,
    name: product.name,
  });
  assert.equal(line.status, 201, JSON.stringify(line.body));
  const model = await s.call<Json>(tok.supervisor!, 'POST', '/api/v1/product-models', {
    productLineId: line.body.id,
    code: product.model,
    name: product.name,
  });
  assert.equal(model.status, 201, JSON.stringify(model.body));
  return { code, tenant, tok, modelId: model.body.id };
}

/** A hotline repair request, reviewed into a work order and assessed (in warranty, free), assigned to tech1. */
export async function assessedOrder(
  s: TestServer,
  c: Company,
  serial: string,
  problem = '空调制冷效果差，出风不凉',
): Promise<string> {
  const req = await s.call<Json>(c.tok.agent!, 'POST', '/api/v1/service-requests', {
    channel: 'hotline',
    type: 'repair',
    customer: {
      name: '张三',
      phones: ['138 0013 8000'],
      address: { province: '广东省', city: '广州市', district: '天河区', line: '天河路385号' },
    },
    unit: {
      modelId: c.modelId,
      serialNumber: serial,
      purchaseDate: '2026-03-01',
      proofOfPurchase: 'FP-2026-0301',
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
  const id = reviewed.body.workOrderId;
  const assessed = await s.call<Json>(c.tok.engineer!, 'POST', `/api/v1/work-orders/${id}/assess`, {
    faultConfirmed: true,
    findings: '故障确认',
    causeClass: 'material_defect',
    assigneeId: c.tenant.userIds.tech1,
  });
  assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
  return id;
}

/** Posts a move and asserts it succeeded; returns the order. */
export async function move(
  s: TestServer,
  token: string,
  id: string,
  path: string,
  body: Record<string, unknown> = {},
): Promise<Json> {
  const res = await s.call<Json>(token, 'POST', `/api/v1/work-orders/${id}/${path}`, body);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A full repair record (R-WO-07, R-WO-09). */
export const repairRecord = (extra: Record<string, unknown> = {}) => ({
  symptom: '客户称：开机后不制冷，出风是热风',
  appearanceCheck: '外观完好，无磕碰',
  powerOnTest: '通电后压缩机不启动',
  instrumentTest: '万用表测启动电容容量 12µF（标称 35µF）',
  cause: '压缩机启动电容失效',
  plan: '更换启动电容，客户同意',
  workDone: '更换启动电容 1 个',
  partsReplaced: [{ name: '启动电容 35µF', partNumber: 'CAP-35', quantity: 1 }],
  testResult: '试机 30 分钟，出风温度 12℃，制冷正常',
  wholeProductCheck: '整机检查：室外机风扇、排水正常',
  otherFaultsAsked: true,
  otherFaults: '无其他故障',
  technicianSignature: SIGNATURE,
  ...extra,
});

/** Moves the test clock and logs the company's staff in again (sessions last 12 h). */
export async function setClock(s: TestServer, companies: Company[], at: string): Promise<void> {
  s.clock.set(at);
  for (const c of companies)
    for (const u of Object.keys(c.tok)) c.tok[u] = await s.login(c.code, u, TEST_PASSWORD);
}
