import type { ServiceReportData } from '@aftercare/application';

export type ReportLang = 'zh' | 'en';

const LABELS = {
  zh: {
    title: '维修单',
    number: '工单号',
    date: '日期',
    customer: '客户',
    phone: '电话',
    address: '地址',
    product: '产品',
    serial: '序列号',
    symptom: '故障现象（客户描述）',
    appearance: '外观检查',
    powerOn: '通电检测',
    instrument: '仪器检测',
    cause: '故障原因',
    plan: '维修方案',
    workDone: '维修内容',
    parts: '更换配件',
    partName: '配件',
    partNumber: '编号',
    quantity: '数量',
    noParts: '未更换配件',
    testResult: '试机结果',
    wholeCheck: '整机检查',
    otherFaults: '其他故障询问',
    asked: '已询问',
    notAsked: '未询问',
    none: '无',
    acceptance: '验收',
    functionTest: '功能测试',
    appearanceCheck: '外观检查',
    ok: '合格',
    notOk: '不合格',
    notAccepted: '尚未验收',
    technician: '维修技师签字',
    customerSig: '客户签字',
    unsigned: '（未签字）',
    company: '服务单位',
  },
  en: {
    title: 'Service report',
    number: 'Work order',
    date: 'Date',
    customer: 'Customer',
    phone: 'Phone',
    address: 'Address',
    product: 'Product',
    serial: 'Serial number',
    symptom: 'Symptom (as told)',
    appearance: 'Appearance check',
    powerOn: 'Power-on test',
    instrument: 'Instrument test',
    cause: 'Cause',
    plan: 'Repair plan',
    workDone: 'Work done',
    parts: 'Parts replaced',
    partName: 'Part',
    partNumber: 'Number',
    quantity: 'Qty',
    noParts: 'No parts replaced',
    testResult: 'Test result',
    wholeCheck: 'Whole-product check',
    otherFaults: 'Other faults asked',
    asked: 'asked',
    notAsked: 'not asked',
    none: 'none',
    acceptance: 'Acceptance',
    functionTest: 'Function test',
    appearanceCheck: 'Appearance',
    ok: 'passed',
    notOk: 'failed',
    notAccepted: 'not accepted yet',
    technician: 'Technician signature',
    customerSig: 'Customer signature',
    unsigned: '(not signed)',
    company: 'Service provider',
  },
} as const;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

function signature(dataUrl: string | null, label: string, unsigned: string): string {
  // Only a PNG data URL read back from our own store reaches here; anything else is not drawn.
  const img =
    dataUrl && DATA_URL.test(dataUrl)
      ? `<img class="sig" alt="${escapeHtml(label)}" src="${dataUrl}">`
      : `<span class="muted">${escapeHtml(unsigned)}</span>`;
  return `<div class="sigbox"><div class="label">${escapeHtml(label)}</div>${img}</div>`;
}

/**
 * The printable service report (维修单, R-WO-07) as a self-contained HTML page: customer, product,
 * symptom, cause, plan, parts, test result, both signatures, order number and date. Every text
 * from users is escaped; the page loads nothing from elsewhere.
 */
export function renderServiceReport(data: ServiceReportData, lang: ReportLang): string {
  const t = LABELS[lang];
  const e = escapeHtml;
  const row = (label: string, value: string | null) =>
    `<tr><th>${e(label)}</th><td>${value === null ? `<span class="muted">—</span>` : e(value)}</td></tr>`;
  const r = data.repair;
  const parts = r.partsReplaced.length
    ? `<table class="parts"><thead><tr><th>${e(t.partName)}</th><th>${e(t.partNumber)}</th><th>${e(t.quantity)}</th></tr></thead><tbody>${r.partsReplaced
        .map(
          (p) =>
            `<tr><td>${e(p.name)}</td><td>${e(p.partNumber ?? '')}</td><td class="num">${e(p.quantity)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${e(t.noParts)}</p>`;
  const acceptance = data.acceptance
    ? `${e(t.functionTest)}: ${e(data.acceptance.functionTestOk ? t.ok : t.notOk)}; ${e(t.appearanceCheck)}: ${e(data.acceptance.appearanceOk ? t.ok : t.notOk)}${
        data.acceptance.comment ? ` — ${e(data.acceptance.comment)}` : ''
      }`
    : `<span class="muted">${e(t.notAccepted)}</span>`;
  const otherFaults = `${r.otherFaultsAsked ? t.asked : t.notAsked}${r.otherFaults ? `: ${r.otherFaults}` : r.otherFaultsAsked ? `: ${t.none}` : ''}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)} ${e(data.number)}</title>
<style>
  body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; margin: 24px; color: #111; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .meta { display: flex; gap: 24px; margin-bottom: 12px; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; }
  th, td { border: 1px solid #999; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 14px; }
  th { width: 28%; background: #f3f3f3; font-weight: 600; }
  .parts th { width: auto; }
  .num { text-align: right; }
  .muted { color: #777; }
  .sigs { display: flex; gap: 24px; margin-top: 16px; }
  .sigbox { flex: 1; border: 1px solid #999; min-height: 110px; padding: 6px 8px; }
  .sigbox .label { font-size: 13px; color: #444; margin-bottom: 4px; }
  .sig { max-width: 100%; max-height: 90px; }
  @media print { body { margin: 10mm; } }
</style>
</head>
<body>
<h1>${e(t.title)}</h1>
<div class="meta"><div>${e(t.company)}: ${e(data.company)}</div><div>${e(t.number)}: <strong id="order-number">${e(data.number)}</strong></div><div>${e(t.date)}: ${e(data.date)}</div></div>
<table>
${row(t.customer, data.customer.name)}
${row(t.phone, data.customer.phone)}
${row(t.address, data.customer.address)}
${row(t.product, data.product?.model ?? null)}
${row(t.serial, data.product?.serialNumber ?? null)}
${row(t.symptom, r.symptom)}
${row(t.appearance, r.appearanceCheck)}
${row(t.powerOn, r.powerOnTest)}
${row(t.instrument, r.instrumentTest)}
${row(t.cause, r.cause)}
${row(t.plan, r.plan)}
${row(t.workDone, r.workDone)}
<tr><th>${e(t.parts)}</th><td>${parts}</td></tr>
${row(t.testResult, r.testResult)}
${row(t.wholeCheck, r.wholeProductCheck)}
${row(t.otherFaults, otherFaults)}
<tr><th>${e(t.acceptance)}</th><td>${acceptance}</td></tr>
</table>
<div class="sigs">
${signature(data.signatures.technician, `${t.technician}${data.technician ? ` (${data.technician})` : ''}`, t.unsigned)}
${signature(data.signatures.customer, t.customerSig, t.unsigned)}
</div>
</body>
</html>
`;
}
