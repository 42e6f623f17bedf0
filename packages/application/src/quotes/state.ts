import { and, asc, desc, eq } from 'drizzle-orm';
import {
  DomainError,
  mayStartChargeableWork,
  type Channel,
  type Policy,
  type QuoteState,
  type WarrantyCoverage,
} from '@aftercare/domain';
import { quoteLines, quotes, type Executor } from '@aftercare/db';
import { currentWarrantyRow } from '../assessment/warranty';

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteLineRow = typeof quoteLines.$inferSelect;

export async function latestQuoteRow(
  db: Executor,
  tenantId: string,
  workOrderId: string,
): Promise<QuoteRow | null> {
  const [row] = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.workOrderId, workOrderId)))
    .orderBy(desc(quotes.version))
    .limit(1);
  return row ?? null;
}

/** The domain's quote state of a stored quote (none when the order has no quote). */
export function quoteStateOf(row: QuoteRow | null): QuoteState {
  if (!row) return { status: 'none' };
  const base = { quoteId: row.id, total: row.totalFen, issuedAt: row.issuedAt };
  const decision = () => ({
    by: row.decidedBy ?? '',
    at: row.decidedAt ?? row.issuedAt,
    channel: (row.decisionChannel ?? 'portal') as Channel,
  });
  switch (row.status) {
    case 'accepted':
      return { status: 'accepted', ...base, acceptance: decision() };
    case 'refused':
      return { status: 'refused', ...base, refusal: { ...decision(), reason: row.decisionReason } };
    case 'going_on_after_refusal':
      return {
        status: 'going_on_after_refusal',
        ...base,
        refusal: { ...decision(), reason: row.decisionReason },
        approval: {
          by: row.approvedBy ?? '',
          at: row.approvedAt ?? row.issuedAt,
          reason: row.approvalReason ?? '',
        },
      };
    default:
      return { status: 'issued', ...base };
  }
}

export type ChargeableCheck = { allowed: boolean; reason: string };

/**
 * R-FEE-01/R-FEE-04: may chargeable work (schedule, dispatch, start repair) start on this order? A
 * quote decides when there is one; without a quote, a free (warranty) order has nothing chargeable,
 * a refused service never starts, and any other coverage needs an accepted quote.
 */
export function chargeableWorkCheck(
  coverage: WarrantyCoverage | null,
  quote: QuoteState,
  policy: Policy,
): ChargeableCheck {
  if (quote.status !== 'none') return mayStartChargeableWork(quote, policy);
  if (coverage === null) return { allowed: true, reason: 'no_warranty_decision' };
  if (coverage === 'free') return { allowed: true, reason: 'nothing_chargeable' };
  if (coverage === 'refused') return { allowed: false, reason: 'service_refused' };
  return mayStartChargeableWork(quote, policy);
}

export async function chargeableWorkOf(
  db: Executor,
  tenantId: string,
  workOrderId: string,
  policy: Policy,
): Promise<ChargeableCheck> {
  const [decision, quote] = await Promise.all([
    currentWarrantyRow(db, tenantId, workOrderId),
    latestQuoteRow(db, tenantId, workOrderId),
  ]);
  return chargeableWorkCheck(
    (decision?.coverage as WarrantyCoverage | undefined) ?? null,
    quoteStateOf(quote),
    policy,
  );
}

export const ChargeableErrors = { blocked: 'WORK_ORDER_QUOTE_NOT_ACCEPTED' } as const;

/** Throws unless chargeable work may start (the guard of schedule, dispatch and start_repair). */
export async function requireChargeableWork(
  db: Executor,
  tenantId: string,
  workOrderId: string,
  policy: Policy,
  action: string,
): Promise<void> {
  const check = await chargeableWorkOf(db, tenantId, workOrderId, policy);
  if (!check.allowed) {
    throw new DomainError(
      ChargeableErrors.blocked,
      check.reason === 'service_refused'
        ? 'The assessment refused this service; no work may start.'
        : 'No chargeable work before the customer accepts the itemised quote (R-FEE-01).',
      { details: { action, reason: check.reason } },
    );
  }
}

export function quoteSummaryView(row: QuoteRow) {
  return {
    id: row.id,
    version: row.version,
    status: row.status as 'issued' | 'accepted' | 'refused' | 'going_on_after_refusal',
    totalFen: row.totalFen,
    chargeable: row.chargeable,
    issuedAt: row.issuedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionChannel: row.decisionChannel,
  };
}

export async function currentQuoteSummary(db: Executor, tenantId: string, workOrderId: string) {
  const row = await latestQuoteRow(db, tenantId, workOrderId);
  return row ? quoteSummaryView(row) : null;
}

export async function quoteLinesOf(db: Executor, tenantId: string, quoteId: string): Promise<QuoteLineRow[]> {
  return db
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.tenantId, tenantId), eq(quoteLines.quoteId, quoteId)))
    .orderBy(asc(quoteLines.position));
}

export function quoteView(row: QuoteRow, lines: QuoteLineRow[], chargeableWork: ChargeableCheck) {
  return {
    ...quoteSummaryView(row),
    workOrderId: row.workOrderId,
    warrantyDecisionId: row.warrantyDecisionId,
    discountFen: row.discountFen,
    subtotals: row.subtotals as Record<string, number>,
    byPayer: row.byPayer as Record<string, number>,
    context: row.context as Record<string, unknown>,
    note: row.note,
    issuedBy: row.issuedBy,
    decidedBy: row.decidedBy,
    decisionReason: row.decisionReason,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvalReason: row.approvalReason,
    chargeableWork,
    lines: lines.map((l) => ({
      position: l.position,
      inputIndex: l.inputIndex,
      derivedFrom: l.derivedFrom,
      kind: l.kind,
      description: l.description,
      partId: l.partId,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      payer: l.payer as 'company' | 'customer' | 'partner',
      customerAmountFen: l.customerAmountFen,
    })),
  };
}
