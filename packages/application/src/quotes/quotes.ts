import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  DomainError,
  decideQuote,
  decideTransition,
  evolveQuote,
  localDate,
  priceQuote,
  QuoteErrors,
  TRIP_ITEMS,
  type Actor,
  type Channel,
  type QuoteCommand,
  type QuoteLineInput,
  type WarrantyDecision,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '@aftercare/domain';
import { quoteLines, quotes, type Executor } from '@aftercare/db';
import { enqueueEvent, toJson, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { requirePermission, unwrap } from '../guards';
import {
  findOrderInScope,
  tenantPolicy,
  unwrapApi,
  withApiField,
  type WorkOrderRow,
} from '../assessment/common';
import { currentWarrantyRow } from '../assessment/warranty';
import { transitionWorkOrder } from '../work-orders/work-orders';
import {
  chargeableWorkOf,
  latestQuoteRow,
  quoteLinesOf,
  quoteStateOf,
  quoteView,
  type QuoteRow,
} from './state';

/** A quote line as the API takes it (money in fen, field names of the contract). */
export interface QuoteLineBody {
  kind: string;
  description?: string | undefined;
  unit?: string | undefined;
  quantity?: number | undefined;
  minutes?: number | undefined;
  unitPriceFen?: number | undefined;
  unitCostFen?: number | undefined;
  partId?: string | undefined;
  origin?: string | undefined;
  markupBp?: number | undefined;
  suppliedBy?: string | undefined;
  item?: string | undefined;
  days?: number | undefined;
  people?: number | undefined;
  direction?: string | undefined;
  amountFen?: number | undefined;
  outsideCoverage?: boolean | undefined;
}

export interface IssueQuoteBody {
  lines: QuoteLineBody[];
  tripDays?: number | undefined;
  tripPeople?: number | undefined;
  tripYear?: number | undefined;
  returnReason?: 'quality' | 'non_quality' | undefined;
  note?: string | undefined;
  reason?: string | undefined;
}

const RENAMED: Record<string, string> = {
  unitPriceFen: 'unitPrice',
  unitCostFen: 'unitCost',
  amountFen: 'amount',
};

/** The domain's line input: the same fields, money names without the `Fen` suffix; absent stays absent. */
function toDomainLine(line: QuoteLineBody): QuoteLineInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(line)) if (v !== undefined) out[RENAMED[k] ?? k] = v;
  return out as unknown as QuoteLineInput;
}

export const QuoteAppErrors = {
  partRequired: 'QUOTE_PART_REQUIRED',
  noDecision: 'QUOTE_WARRANTY_DECISION_MISSING',
  channelRequired: 'QUOTE_CHANNEL_REQUIRED',
  notIssued: 'QUOTE_NOT_AWAITING_DECISION',
} as const;

const actorOf = (actor: Actor) => ({ userId: actor.userId, roles: actor.roles });

/** The move must be legal now (checked before any pricing, so an illegal move is named as such). */
function checkMove(
  order: WorkOrderRow,
  actor: Actor,
  action: WorkOrderAction,
  now: Date,
  reason?: string | null,
) {
  unwrap(
    decideTransition(
      { id: order.id, status: order.status as WorkOrderStatus, assigneeId: order.assigneeId },
      { action, actor, now, reason: reason ?? null },
    ),
  );
}

async function viewOf(db: Executor, tenantId: string, row: QuoteRow) {
  const { policy } = await tenantPolicy(db, tenantId);
  return quoteView(
    row,
    await quoteLinesOf(db, tenantId, row.id),
    await chargeableWorkOf(db, tenantId, row.workOrderId, policy),
  );
}

/** The order's latest quote with its lines and whether chargeable work may start (R-FEE-01). */
export async function getQuote(db: Executor, actor: Actor, workOrderId: string) {
  requirePermission(actor, 'work_order.read');
  await findOrderInScope(db, actor, workOrderId);
  const row = await latestQuoteRow(db, actor.tenantId, workOrderId);
  if (!row) throw new DomainError('QUOTE_NOT_FOUND', 'The work order has no quote.');
  return viewOf(db, actor.tenantId, row);
}

/**
 * R-FEE-01…06: prices an itemised quote on the order's warranty decision (tariff by year and
 * category, partner mark-up and handling fee, preferential rate, shipping payer) and moves the order
 * to `quoted`. Wrong lines are refused naming the field (`lines.2.quantity`); nothing is written.
 */
export async function issueQuote(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  body: IssueQuoteBody,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.quote');
  const order = await findOrderInScope(tx, actor, workOrderId, true);
  checkMove(order, actor, 'quote', now, body.reason);
  const { tenant, policy } = await tenantPolicy(tx, actor.tenantId);
  const decisionRow = await currentWarrantyRow(tx, actor.tenantId, workOrderId);
  if (!decisionRow)
    throw new DomainError(QuoteAppErrors.noDecision, 'Assess the work order before quoting it.');
  const warranty = decisionRow.decision as WarrantyDecision;

  body.lines.forEach((line, i) => {
    if (line.kind === 'part' && !line.partId?.trim()) {
      throw new DomainError(QuoteAppErrors.partRequired, 'A part line names the part.', {
        field: `lines.${i}.partId`,
      });
    }
  });
  const lines = body.lines.map(toDomainLine);
  const given = lines.length;
  if (body.tripDays !== undefined) {
    for (const item of TRIP_ITEMS) {
      lines.push({
        kind: 'trip',
        item,
        days: body.tripDays,
        ...(body.tripPeople === undefined ? {} : { people: body.tripPeople }),
      });
    }
  }
  const tripYear = body.tripYear ?? Number(localDate(now, tenant.timeZone).slice(0, 4));
  const context = { tripYear, ...(body.returnReason ? { returnReason: body.returnReason } : {}) };
  const priced = priceQuote(lines, { warranty, ...context }, policy);
  if (!priced.ok) {
    // Problems on the trip lines added from tripDays name tripDays / tripPeople.
    if (priced.error.code === QuoteErrors.coverageRefused) {
      throw new DomainError(priced.error.code, priced.error.message, {
        details: { coverage: warranty.coverage },
      });
    }
    const m = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(priced.error.field ?? '');
    if (m && Number(m[1]) >= given) {
      throw new DomainError(priced.error.code, priced.error.message, {
        field: m[2] === 'people' ? 'tripPeople' : 'tripDays',
      });
    }
    throw withApiField(priced.error);
  }
  const quote = priced.value;

  const before = await latestQuoteRow(tx, actor.tenantId, workOrderId);
  const quoteId = randomUUID();
  unwrapApi(
    decideQuote(
      quoteStateOf(before),
      { type: 'issue', quoteId, total: quote.total, actor: actorOf(actor), at: now },
      policy,
    ),
  );
  const row: QuoteRow = {
    tenantId: actor.tenantId,
    id: quoteId,
    workOrderId,
    version: (before?.version ?? 0) + 1,
    status: 'issued',
    warrantyDecisionId: decisionRow.id,
    totalFen: quote.total,
    discountFen: quote.discount,
    subtotals: quote.subtotals,
    byPayer: quote.byPayer,
    chargeable: quote.chargeable,
    context,
    margin: quote.margin ?? null,
    note: body.note?.trim() || null,
    issuedBy: actor.userId,
    issuedAt: now,
    decidedBy: null,
    decidedAt: null,
    decisionChannel: null,
    decisionReason: null,
    approvedBy: null,
    approvedAt: null,
    approvalReason: null,
  };
  await tx.insert(quotes).values(row);
  await tx.insert(quoteLines).values(
    quote.lines.map((l, position) => ({
      tenantId: actor.tenantId,
      id: randomUUID(),
      quoteId,
      position,
      inputIndex: l.index,
      derivedFrom: l.derivedFrom ?? null,
      kind: l.kind,
      description: l.description,
      partId: l.index !== null ? ((lines[l.index] as { partId?: string }).partId ?? null) : null,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceFen: l.unitPrice,
      amountFen: l.amount,
      payer: l.payer,
      customerAmountFen: l.customerAmount,
      costFen: l.cost,
    })),
  );
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: 'quote.issue',
    after: { ...row, lines: toJson(quote.lines) },
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'QuoteIssued',
    aggregateType: 'work_order',
    aggregateId: workOrderId,
    payload: {
      number: order.number,
      quoteId,
      version: row.version,
      totalFen: row.totalFen,
      chargeable: row.chargeable,
    },
  });
  const workOrder = await transitionWorkOrder(
    tx,
    meta,
    workOrderId,
    {
      action: 'quote',
      reason: body.reason,
      payload: { quoteId, version: row.version, totalFen: row.totalFen },
      viaQuote: { quoteId },
    },
    now,
  );
  return { workOrder, quote: await viewOf(tx, actor.tenantId, row) };
}

export interface QuoteDecisionBody {
  channel?: Channel | undefined;
  reason?: string | undefined;
  signature?: string | undefined;
}

/**
 * R-FEE-01: the customer accepts or refuses the quote — in the portal (a `customer` user, their own
 * order) or told to an agent, who records the channel. Refusal moves the order to `quote_refused`.
 */
export async function decideOnQuote(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  decision: 'accept' | 'refuse',
  body: QuoteDecisionBody,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.record_quote_decision');
  const order = await findOrderInScope(tx, actor, workOrderId, true);
  const action: WorkOrderAction = decision === 'accept' ? 'confirm_quote' : 'refuse_quote';
  checkMove(order, actor, action, now, body.reason);
  const before = await latestQuoteRow(tx, actor.tenantId, workOrderId);
  if (!before) throw new DomainError(QuoteAppErrors.notIssued, 'The work order has no quote to decide on.');
  const customer = actor.roles.includes('customer');
  const channel = body.channel ?? (customer ? 'portal' : undefined);
  if (!channel) {
    throw new DomainError(
      QuoteAppErrors.channelRequired,
      'Say how the customer told you (hotline, store, …).',
      { field: 'channel' },
    );
  }
  const { policy } = await tenantPolicy(tx, actor.tenantId);
  const command: QuoteCommand =
    decision === 'accept'
      ? { type: 'accept', actor: actorOf(actor), channel, at: now, signature: body.signature ?? null }
      : { type: 'refuse', actor: actorOf(actor), channel, at: now, reason: body.reason ?? null };
  const state = quoteStateOf(before);
  const events = unwrapApi(decideQuote(state, command, policy));
  const next = events.reduce(evolveQuote, state);
  const reason = decision === 'refuse' ? body.reason?.trim() || null : before.decisionReason;
  await tx
    .update(quotes)
    .set({
      status: next.status,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionChannel: channel,
      decisionReason: reason,
    })
    .where(and(eq(quotes.tenantId, actor.tenantId), eq(quotes.id, before.id)));
  const after: QuoteRow = {
    ...before,
    status: next.status,
    decidedBy: actor.userId,
    decidedAt: now,
    decisionChannel: channel,
    decisionReason: reason,
  };
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: `quote.${decision}`,
    before,
    after,
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: decision === 'accept' ? 'QuoteAccepted' : 'QuoteRefused',
    aggregateType: 'work_order',
    aggregateId: workOrderId,
    payload: {
      number: order.number,
      quoteId: before.id,
      totalFen: before.totalFen,
      channel,
      by: actor.userId,
    },
  });
  const workOrder = await transitionWorkOrder(
    tx,
    meta,
    workOrderId,
    {
      action,
      reason: body.reason,
      // The customer's signature on the accepted quote, when given, is recorded with the move.
      payload: {
        quoteId: before.id,
        channel,
        ...(body.signature?.trim() ? { signature: body.signature.trim() } : {}),
      },
      viaQuote: { quoteId: before.id },
    },
    now,
  );
  return { workOrder, quote: await viewOf(tx, actor.tenantId, after) };
}

/** R-FEE-04: after a refusal, the policy's approver (the manager) lets the work go on, with a reason. */
export async function approveAfterRefusal(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  body: { reason: string },
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.approve_exception');
  const order = await findOrderInScope(tx, actor, workOrderId, true);
  checkMove(order, actor, 'approve_after_refusal', now, body.reason);
  const before = await latestQuoteRow(tx, actor.tenantId, workOrderId);
  if (!before) throw new DomainError(QuoteAppErrors.notIssued, 'The work order has no quote.');
  const { policy } = await tenantPolicy(tx, actor.tenantId);
  const state = quoteStateOf(before);
  const events = unwrapApi(
    decideQuote(
      state,
      { type: 'approve_going_on', actor: actorOf(actor), at: now, reason: body.reason },
      policy,
    ),
  );
  const next = events.reduce(evolveQuote, state);
  const reason = body.reason.trim();
  await tx
    .update(quotes)
    .set({ status: next.status, approvedBy: actor.userId, approvedAt: now, approvalReason: reason })
    .where(and(eq(quotes.tenantId, actor.tenantId), eq(quotes.id, before.id)));
  const after: QuoteRow = {
    ...before,
    status: next.status,
    approvedBy: actor.userId,
    approvedAt: now,
    approvalReason: reason,
  };
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: 'quote.approve_after_refusal',
    before,
    after,
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'QuoteRefusalOverruled',
    aggregateType: 'work_order',
    aggregateId: workOrderId,
    payload: { number: order.number, quoteId: before.id, by: actor.userId, reason },
  });
  const workOrder = await transitionWorkOrder(
    tx,
    meta,
    workOrderId,
    {
      action: 'approve_after_refusal',
      reason,
      payload: { quoteId: before.id },
      viaQuote: { quoteId: before.id },
    },
    now,
  );
  return { workOrder, quote: await viewOf(tx, actor.tenantId, after) };
}
