/**
 * The service lifecycle of issue 4 (intake triage, assessment, quotes): what triage decided about a
 * request (R-IN-04, R-IN-07, R-IN-08) and the consultation answer (R-IN-06); the warranty decisions
 * of a work order, kept as history (R-WAR-01…05); the itemised quotes and their lines (R-FEE-01…06).
 * Money is whole fen (bigint, read as a JS number).
 */
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { serviceRequests, users, workOrders } from './schema';
import { ts, tenantId } from './columns';

const fen = (name: string) => bigint(name, { mode: 'number' });

/** Triage of a request at intake, one row per request, plus the answer of a consultation. */
export const requestIntake = pgTable(
  'request_intake',
  {
    tenantId: tenantId(),
    requestId: uuid('request_id').notNull(),
    /** Machine reasons of the priority ({code, params}[]), see domain triage. */
    triageReasons: jsonb('triage_reasons').notNull(),
    /** Policy hazard keywords found in the problem text. */
    matchedKeywords: jsonb('matched_keywords').notNull(),
    /** {zh, en} stop-using-it advice shown at once on a safety hazard; null otherwise. */
    stopUseAdvice: jsonb('stop_use_advice'),
    /** R-IN-08 the earlier request this one repeats. */
    repeatOfId: uuid('repeat_of_id'),
    /** The match ({basis, similarityBp, daysSince, isRepeatRepair}) when it repeats one. */
    repeatMatch: jsonb('repeat_match'),
    /** R-IN-08 counted as a repeat repair. */
    isRepeat: boolean('is_repeat').notNull().default(false),
    /** R-IN-07 the store that filled the after-sales registration form. */
    storeName: text('store_name'),
    /** R-IN-06 the answer that closed a consultation. */
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.requestId] }),
    foreignKey({
      columns: [t.tenantId, t.requestId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.repeatOfId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    foreignKey({ columns: [t.tenantId, t.answeredBy], foreignColumns: [users.tenantId, users.id] }),
    index('request_intake_repeat_idx').on(t.tenantId, t.repeatOfId),
  ],
);

/**
 * Warranty decisions of a work order (R-WAR-01…05), one row per version: the computed decision of
 * the assessment, then a supervisor's override or a manager's competitor approval. The latest
 * version is the one in force; earlier ones stay for audit.
 */
export const warrantyDecisions = pgTable(
  'warranty_decisions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    version: integer('version').notNull(),
    /** computed | override | competitor_approval */
    kind: text('kind').notNull(),
    inWarranty: boolean('in_warranty').notNull(),
    coverage: text('coverage').notNull(),
    payer: text('payer').notNull(),
    /** The domain's WarrantyDecision (or OverriddenWarrantyDecision), reasons included. */
    decision: jsonb('decision').notNull(),
    /** The inputs it was computed from (purchase date, proof, months, cause, parts, category …). */
    inputs: jsonb('inputs').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('warranty_decisions_version_uq').on(t.tenantId, t.workOrderId, t.version),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    foreignKey({ columns: [t.tenantId, t.decidedBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);

/** Itemised quotes of a work order (R-FEE-01), one version per issue, with the customer's decision. */
export const quotes = pgTable(
  'quotes',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    version: integer('version').notNull(),
    /** issued | accepted | refused | going_on_after_refusal */
    status: text('status').notNull(),
    /** The warranty decision the quote was priced on. */
    warrantyDecisionId: uuid('warranty_decision_id').notNull(),
    totalFen: fen('total_fen').notNull(),
    discountFen: fen('discount_fen').notNull(),
    subtotals: jsonb('subtotals').notNull(),
    byPayer: jsonb('by_payer').notNull(),
    chargeable: boolean('chargeable').notNull(),
    /** Pricing context: trip year, return reason. */
    context: jsonb('context').notNull(),
    margin: jsonb('margin'),
    note: text('note'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: ts('issued_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionChannel: text('decision_channel'),
    decisionReason: text('decision_reason'),
    approvedBy: uuid('approved_by'),
    approvedAt: ts('approved_at'),
    approvalReason: text('approval_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('quotes_version_uq').on(t.tenantId, t.workOrderId, t.version),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.warrantyDecisionId],
      foreignColumns: [warrantyDecisions.tenantId, warrantyDecisions.id],
    }),
    foreignKey({ columns: [t.tenantId, t.issuedBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);

/** Priced lines of a quote, in order; lines the pricing added (handling fee, discount) included. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    quoteId: uuid('quote_id').notNull(),
    position: integer('position').notNull(),
    /** Index of the input line; null for a line the pricing added. */
    inputIndex: integer('input_index'),
    derivedFrom: integer('derived_from'),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    partId: text('part_id'),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    unitPriceFen: fen('unit_price_fen').notNull(),
    amountFen: fen('amount_fen').notNull(),
    payer: text('payer').notNull(),
    customerAmountFen: fen('customer_amount_fen').notNull(),
    costFen: fen('cost_fen'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('quote_lines_position_uq').on(t.tenantId, t.quoteId, t.position),
    foreignKey({ columns: [t.tenantId, t.quoteId], foreignColumns: [quotes.tenantId, quotes.id] }),
  ],
);
