import { and, asc, eq } from 'drizzle-orm';
import { DomainError, localDate, type Actor } from '@aftercare/domain';
import {
  customers,
  productLines,
  productModels,
  units,
  users,
  workOrderTransitions,
  type Executor,
} from '@aftercare/db';
import { requirePermission } from '../guards';
import { getTenant } from '../tenants/tenants';
import { findOrderInScope } from './common';
import { currentWarrantyView } from './warranty';

export type NoticeLang = 'zh' | 'en';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

type Params = Record<string, string | number | boolean | null>;
type T = { zh: string; en: string };

const LABELS = {
  title: { zh: '维修鉴定结果通知书', en: 'Repair assessment notice' },
  order: { zh: '工单号', en: 'Work order' },
  date: { zh: '鉴定日期', en: 'Assessed on' },
  customer: { zh: '客户', en: 'Customer' },
  product: { zh: '产品', en: 'Product' },
  serial: { zh: '序列号', en: 'Serial number' },
  purchase: { zh: '购买日期', en: 'Purchase date' },
  problem: { zh: '故障描述', en: 'Problem reported' },
  faultConfirmed: { zh: '故障确认', en: 'Fault confirmed' },
  findings: { zh: '鉴定结论', en: 'Findings' },
  feasible: { zh: '可以维修', en: 'Repair feasible' },
  estimate: { zh: '预估费用', en: 'Estimated cost' },
  cause: { zh: '故障原因', en: 'Cause' },
  warranty: { zh: '保修判定', en: 'Warranty decision' },
  inWarranty: { zh: '是否在保', en: 'Under warranty' },
  endsOn: { zh: '保修截止', en: 'Warranty ends on' },
  coverage: { zh: '费用承担', en: 'Cost coverage' },
  payer: { zh: '付费方', en: 'Paid by' },
  reasons: { zh: '判定依据', en: 'Grounds' },
  override: { zh: '主管复核', en: 'Supervisor review' },
  assessor: { zh: '鉴定人', en: 'Assessed by' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  footer: {
    zh: '如对鉴定结果有异议，请在收到本通知后与我们的服务部门联系。',
    en: 'If you disagree with this assessment, please contact our service department after receiving this notice.',
  },
} satisfies Record<string, T>;

const CAUSES: Record<string, T> = {
  material_defect: { zh: '材料缺陷', en: 'Material defect' },
  process_defect: { zh: '工艺缺陷', en: 'Process defect' },
  misuse: { zh: '使用不当/人为损坏', en: 'Misuse or human damage' },
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
  wear: { zh: '正常磨损', en: 'Wear' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};

const COVERAGES: Record<string, T> = {
  free: { zh: '免费维修', en: 'Free of charge' },
  charged: { zh: '收费维修', en: 'Charged' },
  charged_preferential: { zh: '收费维修（优惠价）', en: 'Charged at the preferential rate' },
  refused: { zh: '不予受理', en: 'Service refused' },
  not_covered: { zh: '不在保修范围', en: 'Not covered' },
};

const PAYERS: Record<string, T> = {
  company: { zh: '本公司', en: 'Our company' },
  customer: { zh: '客户', en: 'Customer' },
  partner: { zh: '合作厂家', en: 'Partner' },
};

/** Each machine reason of the warranty decision in words; `{name}` takes a parameter. */
const REASONS: Record<string, T> = {
  in_product_warranty: {
    zh: '产品在保修期内（{months}个月，至{endsOn}）',
    en: 'The product is under warranty ({months} months, until {endsOn})',
  },
  product_warranty_expired: {
    zh: '产品已过保修期（{months}个月，至{endsOn}）',
    en: 'The product warranty has expired ({months} months, until {endsOn})',
  },
  no_warranty_period: { zh: '该产品无保修期', en: 'The product has no warranty period' },
  purchase_date_unknown: { zh: '购买日期不明', en: 'The purchase date is unknown' },
  no_proof_of_purchase: { zh: '无购买凭证', en: 'No proof of purchase' },
  proof_of_purchase_waived: { zh: '按政策免于出示购买凭证', en: 'Proof of purchase waived by policy' },
  replaced_part_in_warranty: {
    zh: '更换过的配件{partId}在其保修期内（至{endsOn}）',
    en: 'Replaced part {partId} is under its own warranty (until {endsOn})',
  },
  replaced_part_warranty_expired: {
    zh: '更换过的配件{partId}已过其保修期（至{endsOn}）',
    en: 'The own warranty of replaced part {partId} has expired (until {endsOn})',
  },
  parts_warranty: {
    zh: '配件{partId}在配件保修期内（{months}个月，至{endsOn}）',
    en: 'Part {partId} is under the parts warranty ({months} months, until {endsOn})',
  },
  parts_warranty_expired: {
    zh: '配件{partId}已过配件保修期（至{endsOn}）',
    en: 'The parts warranty of {partId} has expired (until {endsOn})',
  },
  cause_coverage: { zh: '按故障原因判定费用', en: 'The cause decides the cost' },
  preferential_rate: {
    zh: '保外优惠（{discountBp}基点）',
    en: 'Out-of-warranty preferential rate ({discountBp} bp)',
  },
  partner_pays: { zh: '由合作厂家承担', en: 'Borne by the partner' },
  competitor_product: { zh: '非本公司产品', en: "A competitor's product" },
  competitor_service_not_listed: {
    zh: '该服务不在非本公司产品的服务范围内',
    en: "This service is not offered for competitors' products",
  },
  competitor_service_approved: {
    zh: '经总经理批准提供该服务',
    en: 'This service was approved by the general manager',
  },
  supervisor_override: { zh: '主管复核：{reason}', en: 'Supervisor review: {reason}' },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * The written assessment result for the customer (R-WAR-01): a printable HTML page in Chinese, or in
 * English, with the findings, the cause and the warranty decision with its grounds. Every user text
 * is escaped.
 */
export async function renderAssessmentNotice(
  db: Executor,
  actor: Actor,
  workOrderId: string,
  lang: NoticeLang,
): Promise<string> {
  requirePermission(actor, 'work_order.read');
  const order = await findOrderInScope(db, actor, workOrderId);
  const warranty = await currentWarrantyView(db, actor.tenantId, workOrderId);
  const [assessed] = await db
    .select({
      at: workOrderTransitions.at,
      actorName: users.displayName,
      payload: workOrderTransitions.payload,
    })
    .from(workOrderTransitions)
    .leftJoin(
      users,
      and(eq(users.tenantId, workOrderTransitions.tenantId), eq(users.id, workOrderTransitions.actorId)),
    )
    .where(
      and(
        eq(workOrderTransitions.tenantId, actor.tenantId),
        eq(workOrderTransitions.workOrderId, workOrderId),
        eq(workOrderTransitions.action, 'assess'),
      ),
    )
    .orderBy(asc(workOrderTransitions.at))
    .limit(1);
  if (!warranty || !assessed)
    throw new DomainError('WARRANTY_DECISION_MISSING', 'The work order has no assessment yet.');
  const tenant = await getTenant(db, actor.tenantId);
  const [customer] = await db
    .select({ name: customers.name })
    .from(customers)
    .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, order.customerId)));
  const [unit] = order.unitId
    ? await db
        .select({
          serial: units.serialNumber,
          purchaseDate: units.purchaseDate,
          model: productModels.name,
          modelCode: productModels.code,
          line: productLines.name,
        })
        .from(units)
        .innerJoin(
          productModels,
          and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
        )
        .innerJoin(
          productLines,
          and(
            eq(productLines.tenantId, productModels.tenantId),
            eq(productLines.id, productModels.productLineId),
          ),
        )
        .where(and(eq(units.tenantId, actor.tenantId), eq(units.id, order.unitId)))
    : [];

  const t = (x: T) => x[lang];
  const a = (assessed.payload ?? {}) as Record<string, unknown>;
  const yesNo = (v: unknown) => (v === undefined || v === null ? '—' : t(v ? LABELS.yes : LABELS.no));
  const row = (label: T, value: string) => `<tr><th>${escapeHtml(t(label))}</th><td>${value}</td></tr>`;
  const reasons = warranty.reasons
    .map((r) => {
      const template = REASONS[r.code];
      return `<li>${escapeHtml(template ? fill(t(template), r.params) : r.code)}</li>`;
    })
    .join('');
  const purchase = typeof a.purchaseDate === 'string' ? a.purchaseDate : unit?.purchaseDate;
  const estimate = typeof a.estimatedCostFen === 'number' ? yuan(a.estimatedCostFen) : '—';
  const product = unit ? `${unit.line} · ${unit.model} (${unit.modelCode})` : '—';

  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t(LABELS.title))} ${escapeHtml(order.number)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; margin: 2em; color: #111; }
  h1 { font-size: 1.4em; text-align: center; } h2 { font-size: 1.1em; margin-top: 1.5em; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
  th { width: 28%; background: #f3f3f3; font-weight: normal; } .company { text-align: center; }
  footer { margin-top: 2em; font-size: 0.9em; } @media print { body { margin: 1cm; } }
</style>
</head>
<body>
<p class="company">${escapeHtml(tenant.name)}</p>
<h1>${escapeHtml(t(LABELS.title))}</h1>
<table>
${row(LABELS.order, escapeHtml(order.number))}
${row(LABELS.date, escapeHtml(localDate(assessed.at, tenant.timeZone)))}
${row(LABELS.customer, escapeHtml(customer?.name ?? ''))}
${row(LABELS.product, escapeHtml(product))}
${row(LABELS.serial, escapeHtml(unit?.serial ?? '—'))}
${row(LABELS.purchase, escapeHtml(purchase ?? '—'))}
${row(LABELS.problem, escapeHtml(order.problem))}
${row(LABELS.faultConfirmed, escapeHtml(yesNo(a.faultConfirmed)))}
${row(LABELS.findings, escapeHtml(a.findings ?? ''))}
${row(LABELS.feasible, escapeHtml(yesNo(a.repairFeasible)))}
${row(LABELS.estimate, escapeHtml(estimate))}
${row(LABELS.cause, escapeHtml(t(CAUSES[warranty.cause] ?? { zh: warranty.cause, en: warranty.cause })))}
${row(LABELS.assessor, escapeHtml(assessed.actorName ?? ''))}
</table>
<h2>${escapeHtml(t(LABELS.warranty))}</h2>
<table>
${row(LABELS.inWarranty, escapeHtml(yesNo(warranty.inWarranty)))}
${row(LABELS.endsOn, escapeHtml(warranty.warrantyEndsOn ?? '—'))}
${row(LABELS.coverage, escapeHtml(t(COVERAGES[warranty.coverage] ?? { zh: warranty.coverage, en: warranty.coverage })))}
${row(LABELS.payer, escapeHtml(t(PAYERS[warranty.payer] ?? { zh: warranty.payer, en: warranty.payer })))}
${row(LABELS.reasons, `<ul>${reasons}</ul>`)}
</table>
<footer>${escapeHtml(t(LABELS.footer))}</footer>
</body>
</html>
`;
}
