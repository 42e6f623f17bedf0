import { z } from 'zod';
import { CAUSE_CLASSES, CHANNELS, QUOTE_LINE_KINDS } from '@aftercare/domain';
import { localDate } from './common';

/** {zh, en} text shown to the customer. */
export const bilingual = z.object({ zh: z.string(), en: z.string() });

/** A machine reason with its parameters; the UI translates `code`. */
export const reasonView = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

// ---- intake (R-IN-04, R-IN-06, R-IN-07, R-IN-08) ----

export const triageView = z.object({
  reasons: z.array(reasonView),
  matchedKeywords: z.array(z.string()),
});

export const repeatView = z.object({
  basis: z.enum(['symptom_code', 'text']),
  similarityBp: z.number().int(),
  daysSince: z.number().int(),
  isRepeatRepair: z.boolean(),
});

/** R-IN-06: answer a consultation and close it without a work order. */
export const answerBody = z.object({ answer: z.string().trim().min(1).max(4000) });

// ---- assessment and warranty (R-WAR-01…05) ----

const coverage = z.enum(['free', 'charged', 'charged_preferential', 'refused', 'not_covered']);
const payer = z.enum(['company', 'customer', 'partner']);

/** R-WAR-04 a part this company replaced earlier on the unit, with its own warranty. */
export const replacedPartInput = z.object({
  partId: z.string().trim().min(1).max(100),
  installedAt: localDate,
  warrantyMonths: z.number().int().min(0).max(240).optional(),
});

/** The data of the assess move (R-WAR-01); the warranty decision is computed from it, never typed. */
export const assessmentFields = {
  faultConfirmed: z.boolean(),
  findings: z.string().trim().min(1).max(4000),
  repairFeasible: z.boolean().default(true),
  estimatedCostFen: z.number().int().min(0).optional(),
  causeClass: z.enum(CAUSE_CLASSES).default('unknown'),
  /** The part found faulty (R-WAR-02 parts period, R-WAR-04 replaced part). */
  failedPartId: z.string().trim().min(1).max(100).optional(),
  /** Earlier replacements on this unit (R-WAR-04), until repair records carry them. */
  replacedParts: z.array(replacedPartInput).max(50).optional(),
  /** The purchase date on the proof the engineer saw, when the unit has none or a wrong one. */
  purchaseDate: localDate.optional(),
  /** The number of the proof of purchase the engineer saw. */
  proofOfPurchase: z.string().trim().min(1).max(100).optional(),
};

export const partWarrantyView = z.object({
  partId: z.string(),
  source: z.enum(['replaced_part', 'parts_warranty']),
  months: z.number().int(),
  endsOn: z.string().nullable(),
  inWarranty: z.boolean(),
  coverage,
  payer,
});

export const warrantyView = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    kind: z.enum(['computed', 'override', 'competitor_approval']),
    inWarranty: z.boolean(),
    coverage,
    payer,
    reasons: z.array(reasonView),
    warrantyEndsOn: z.string().nullable(),
    warrantyMonths: z.number().int(),
    partWarranty: partWarrantyView.nullable(),
    discountBp: z.number().int(),
    servicePriority: z.number().int(),
    cause: z.enum(CAUSE_CLASSES),
    productCategory: z.enum(['own', 'partner', 'partner_sold', 'competitor']),
    decidedBy: z.uuid(),
    decidedAt: z.string(),
    reason: z.string().nullable(),
    /** Set after a supervisor's override: the computed decision is kept. */
    override: z
      .object({
        by: z.string(),
        at: z.string(),
        reason: z.string(),
        original: z.object({ inWarranty: z.boolean(), coverage, payer, reasons: z.array(reasonView) }),
      })
      .nullable(),
  })
  .meta({ id: 'WarrantyDecision' });

export const warrantyHistoryView = z.object({
  current: warrantyView.nullable(),
  history: z.array(warrantyView),
});

/** R-WAR-01/03: a supervisor overrides the computed decision with a reason. */
export const warrantyOverrideBody = z.object({
  coverage,
  payer,
  inWarranty: z.boolean().optional(),
  discountBp: z.number().int().min(1).max(10_000).optional(),
  reason: z.string().trim().min(1).max(2000),
});

/** R-WAR-05: the manager approves a service the policy does not list for competitor products. */
export const competitorApprovalBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const noticeQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

// ---- quotes (R-FEE-01…06) ----

/** Counts are checked by the pricing rule (sign, whole number); the bound keeps them in a 32-bit column. */
const count = z.number().max(1_000_000).optional();

/**
 * One quote line as entered. Numbers are checked by the pricing rule, not here, so that a wrong
 * quantity or kind is refused with its own code and field (`lines.2.quantity`).
 */
export const quoteLineInput = z.object({
  kind: z
    .string()
    .min(1)
    .max(20)
    .describe(`One of ${QUOTE_LINE_KINDS.join(', ')}`),
  description: z.string().max(500).optional(),
  /** Labour: `job` (quantity × price per job) or `hour` (minutes × price per hour). */
  unit: z.string().max(10).optional(),
  quantity: count,
  minutes: count,
  unitPriceFen: z.number().optional(),
  unitCostFen: z.number().optional(),
  partId: z.string().max(100).optional(),
  origin: z.string().max(10).optional(),
  markupBp: z.number().optional(),
  suppliedBy: z.string().max(10).optional(),
  /** Trip lines: accommodation | meals | allowance, days and people (tariff of the policy). */
  item: z.string().max(20).optional(),
  days: count,
  people: count,
  /** Shipping: to_service | back_to_customer (payer by R-FEE-05). */
  direction: z.string().max(20).optional(),
  /** Discount lines: the amount in fen taken off. */
  amountFen: z.number().optional(),
  /** Extra work the customer asked for, charged even when the order is covered. */
  outsideCoverage: z.boolean().optional(),
});

export const issueQuoteBody = z.object({
  lines: z.array(quoteLineInput).min(1).max(200),
  /** Adds accommodation, meals and allowance lines for this many trip days from the tariff (R-FEE-02). */
  tripDays: count,
  tripPeople: count,
  /** Year of the tariff; the local year of today when not given. */
  tripYear: z.number().int().min(2000).max(2100).optional(),
  returnReason: z.enum(['quality', 'non_quality']).optional(),
  note: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional(),
});

/** The customer's decision: in the portal (a customer) or recorded by staff with the channel. */
export const quoteDecisionBody = z.object({
  channel: z.enum(CHANNELS).optional(),
  reason: z.string().max(2000).optional(),
  signature: z.string().max(200).optional(),
});

export const approveAfterRefusalBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const quoteLineView = z.object({
  position: z.number().int(),
  inputIndex: z.number().int().nullable(),
  derivedFrom: z.number().int().nullable(),
  kind: z.string(),
  description: z.string(),
  partId: z.string().nullable(),
  quantity: z.number().int(),
  unit: z.string(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
  payer,
  customerAmountFen: z.number().int(),
});

const quoteStatus = z.enum(['issued', 'accepted', 'refused', 'going_on_after_refusal']);

export const quoteSummaryView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: quoteStatus,
  totalFen: z.number().int(),
  chargeable: z.boolean(),
  issuedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionChannel: z.string().nullable(),
});

export const quoteView = quoteSummaryView
  .extend({
    workOrderId: z.uuid(),
    warrantyDecisionId: z.uuid(),
    discountFen: z.number().int(),
    subtotals: z.record(z.string(), z.number().int()),
    byPayer: z.record(z.string(), z.number().int()),
    context: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
    issuedBy: z.uuid(),
    decidedBy: z.uuid().nullable(),
    decisionReason: z.string().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.string().nullable(),
    approvalReason: z.string().nullable(),
    /** R-FEE-01: may chargeable work start now, and why. */
    chargeableWork: z.object({ allowed: z.boolean(), reason: z.string() }),
    lines: z.array(quoteLineView),
  })
  .meta({ id: 'Quote' });
