import { DomainError, type Result } from '../shared/errors';
import { applyBasisPoints, type Fen } from '../shared/money';
import type { Payer } from '../warranty';
import { QuoteErrors } from './errors';
import {
  QUOTE_LINE_KINDS,
  SHIPPING_DIRECTIONS,
  TRIP_ITEMS,
  type PricedLine,
  type PricedQuote,
  type QuoteContext,
  type QuoteLineInput,
  type QuoteLineKind,
  type QuoteMargin,
  type QuotePolicy,
  type TripItem,
} from './quote';

/** One problem of a quote input, naming the field (`lines[2].quantity`). */
export interface QuoteIssue {
  code: string;
  field: string;
  message: string;
}

/** Line kinds the company prices itself; the preferential rate applies to these, never to costs passed on. */
const DISCOUNTABLE: readonly QuoteLineKind[] = ['labour', 'part', 'handling'];

const TARIFF_FIELD: Record<TripItem, 'accommodationFenPerDay' | 'mealsFenPerDay' | 'allowanceFenPerDay'> = {
  accommodation: 'accommodationFenPerDay',
  meals: 'mealsFenPerDay',
  allowance: 'allowanceFenPerDay',
};

/** `minutes` at an hourly price, rounded half up to a whole fen. */
export function priceMinutes(minutes: number, perHour: Fen): Fen {
  return Math.floor((2 * minutes * perHour + 60) / 120);
}

class Issues {
  readonly list: QuoteIssue[] = [];
  add(code: string, field: string, message: string): void {
    this.list.push({ code, field, message });
  }
  quantity(value: unknown, field: string): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(QuoteErrors.quantityNotInteger, field, 'The quantity must be a whole number.');
    } else if (value < 0) this.add(QuoteErrors.negativeQuantity, field, 'The quantity cannot be negative.');
    else if (value === 0) this.add(QuoteErrors.zeroQuantity, field, 'The quantity must be at least 1.');
    else if (!Number.isSafeInteger(value)) {
      this.add(
        QuoteErrors.quantityNotInteger,
        field,
        'The quantity must be a whole number (minutes for time).',
      );
    } else return true;
    return false;
  }
  price(value: unknown, field: string): value is Fen {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.add(QuoteErrors.priceNotInteger, field, 'Prices are whole fen (分).');
    } else if (value < 0) this.add(QuoteErrors.negativePrice, field, 'A price cannot be negative.');
    else return true;
    return false;
  }
  cost(value: unknown, field: string): value is Fen | undefined {
    if (value === undefined) return true;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return true;
    this.add(QuoteErrors.costInvalid, field, 'A cost is a whole, non-negative number of fen.');
    return false;
  }
}

type Draft = Omit<PricedLine, 'payer' | 'customerAmount'> & { outsideCoverage: boolean; partId?: string };

function priceLine(
  line: QuoteLineInput,
  i: number,
  context: QuoteContext,
  policy: QuotePolicy,
  issues: Issues,
): Draft[] {
  const at = `lines[${i}]`;
  const rawKind = (line as { kind?: unknown }).kind;
  if (typeof rawKind !== 'string' || !(QUOTE_LINE_KINDS as readonly string[]).includes(rawKind)) {
    issues.add(QuoteErrors.unknownKind, `${at}.kind`, `Unknown line kind "${String(rawKind)}".`);
    return [];
  }
  const outsideCoverage = line.outsideCoverage === true;
  const base = { index: i, outsideCoverage };
  const describe = (fallback: string) => line.description?.trim() || fallback;
  const counted = (quantity: number, unitPrice: number, cost: number | undefined) => ({
    quantity,
    unitPrice,
    amount: quantity * unitPrice,
    cost: cost === undefined ? null : quantity * cost,
  });

  switch (line.kind) {
    case 'labour': {
      const okPrice = issues.price(line.unitPrice, `${at}.unitPrice`);
      const okCost = issues.cost(line.unitCost, `${at}.unitCost`);
      if (line.unit === 'job') {
        if (!issues.quantity(line.quantity, `${at}.quantity`) || !okPrice || !okCost) return [];
        return [
          {
            ...base,
            kind: line.kind,
            description: describe('labour'),
            unit: 'job',
            ...counted(line.quantity, line.unitPrice, line.unitCost),
          },
        ];
      }
      if (line.unit === 'hour') {
        if (!issues.quantity(line.minutes, `${at}.minutes`) || !okPrice || !okCost) return [];
        const cost = line.unitCost === undefined ? null : priceMinutes(line.minutes, line.unitCost);
        const amount = priceMinutes(line.minutes, line.unitPrice);
        return [
          {
            ...base,
            kind: line.kind,
            description: describe('labour'),
            unit: 'minute',
            quantity: line.minutes,
            unitPrice: line.unitPrice,
            amount,
            cost,
          },
        ];
      }
      issues.add(QuoteErrors.unitUnknown, `${at}.unit`, 'Labour is priced per "job" or per "hour".');
      return [];
    }
    case 'part': {
      const okQty = issues.quantity(line.quantity, `${at}.quantity`);
      const okPrice = issues.price(line.unitPrice, `${at}.unitPrice`);
      const okCost = issues.cost(line.unitCost, `${at}.unitCost`);
      const partner =
        (line.origin ?? (context.warranty.productCategory === 'partner' ? 'partner' : 'own')) === 'partner';
      const minimum = policy.fees.partnerPartMarkupMinBp;
      const markupBp = partner ? (line.markupBp ?? minimum) : 0;
      if (partner && (!Number.isInteger(markupBp) || markupBp < minimum)) {
        issues.add(
          QuoteErrors.partnerMarkupTooLow,
          `${at}.markupBp`,
          `A partner part is marked up at least ${minimum} bp.`,
        );
        return [];
      }
      if (!okQty || !okPrice || !okCost) return [];
      const unitPrice = line.unitPrice + applyBasisPoints(line.unitPrice, markupBp);
      const part: Draft = {
        ...base,
        kind: line.kind,
        partId: line.partId,
        description: describe(line.partId),
        unit: 'piece',
        ...counted(line.quantity, unitPrice, line.unitCost),
      };
      const feeBp = policy.fees.partnerSuppliedHandlingFeeBp;
      const fee = line.suppliedBy === 'partner' ? applyBasisPoints(part.amount, feeBp) : 0;
      if (fee === 0) return [part];
      const handling: Draft = {
        index: null,
        derivedFrom: i,
        outsideCoverage,
        partId: line.partId,
        kind: 'handling',
        description: `handling fee ${feeBp} bp: ${part.description}`,
        unit: 'item',
        quantity: 1,
        unitPrice: fee,
        amount: fee,
        cost: null,
      };
      return [part, handling];
    }
    case 'travel':
    case 'handling': {
      const okQty = issues.quantity(line.quantity, `${at}.quantity`);
      const okPrice = issues.price(line.unitPrice, `${at}.unitPrice`);
      const unitCost = line.kind === 'handling' ? line.unitCost : undefined;
      const okCost = issues.cost(unitCost, `${at}.unitCost`);
      if (!okQty || !okPrice || !okCost) return [];
      const atCost = line.kind === 'travel' && policy.fees.travelAtCost;
      const priced = counted(line.quantity, line.unitPrice, atCost ? line.unitPrice : unitCost);
      return [{ ...base, kind: line.kind, description: describe(line.kind), unit: 'item', ...priced }];
    }
    case 'trip': {
      const people = line.people ?? 1;
      const okDays = issues.quantity(line.days, `${at}.days`);
      const okPeople = issues.quantity(people, `${at}.people`);
      if (!(TRIP_ITEMS as readonly string[]).includes(line.item)) {
        issues.add(
          QuoteErrors.tripItemUnknown,
          `${at}.item`,
          'A trip cost is accommodation, meals or allowance.',
        );
        return [];
      }
      if (context.tripYear === undefined) {
        issues.add(QuoteErrors.tripYearRequired, 'context.tripYear', 'Trip costs need the year of the trip.');
        return [];
      }
      const tariffs = policy.fees.tripTariffs.filter((t) => t.year === context.tripYear);
      const tariff =
        tariffs.find((t) => t.productCategory === context.warranty.productCategory) ??
        tariffs.find((t) => t.productCategory === '*');
      if (!tariff) {
        issues.add(
          QuoteErrors.tariffMissing,
          at,
          `No trip tariff for ${context.tripYear} and ${context.warranty.productCategory} products.`,
        );
        return [];
      }
      if (!okDays || !okPeople) return [];
      const perDay = tariff[TARIFF_FIELD[line.item]];
      // Tariff amounts are passed on as they are: their cost is their price.
      const priced = counted(line.days * people, perDay, perDay);
      return [{ ...base, kind: line.kind, description: describe(line.item), unit: 'person_day', ...priced }];
    }
    case 'shipping': {
      const okQty = issues.quantity(line.quantity, `${at}.quantity`);
      const okPrice = issues.price(line.unitPrice, `${at}.unitPrice`);
      if (!(SHIPPING_DIRECTIONS as readonly string[]).includes(line.direction)) {
        issues.add(
          QuoteErrors.shippingDirectionUnknown,
          `${at}.direction`,
          'Shipping goes to_service or back_to_customer.',
        );
        return [];
      }
      if (!okQty || !okPrice) return [];
      const priced = counted(line.quantity, line.unitPrice, line.unitPrice);
      return [
        {
          ...base,
          kind: line.kind,
          description: describe(`shipping ${line.direction}`),
          unit: 'item',
          ...priced,
        },
      ];
    }
    case 'discount': {
      if (typeof line.amount !== 'number' || !Number.isSafeInteger(line.amount) || line.amount <= 0) {
        issues.add(
          QuoteErrors.discountInvalid,
          `${at}.amount`,
          'A discount is a positive whole number of fen.',
        );
        return [];
      }
      return [
        {
          ...base,
          kind: line.kind,
          description: describe('discount'),
          unit: 'fen',
          quantity: 1,
          unitPrice: -line.amount,
          amount: -line.amount,
          cost: null,
        },
      ];
    }
  }
}

/** Who pays a line: coverage of the order or of the failed part, and R-FEE-05 for shipping. */
function payerOf(
  draft: Draft,
  lines: readonly QuoteLineInput[],
  context: QuoteContext,
  policy: QuotePolicy,
): Payer {
  if (draft.outsideCoverage || draft.kind === 'discount') return 'customer';
  const { warranty } = context;
  const input = draft.index === null ? undefined : lines[draft.index];
  if (input?.kind === 'shipping') {
    const rules = policy.fees.shipping;
    const rule =
      context.returnReason === 'quality'
        ? rules.qualityReturn
        : context.returnReason === 'non_quality'
          ? rules.nonQualityReturn
          : warranty.coverage === 'free'
            ? rules.inWarrantyRepair
            : rules.outOfWarrantyRepair;
    return input.direction === 'to_service' ? rule.toService : rule.backToCustomer;
  }
  if (warranty.coverage === 'free') return warranty.payer;
  const part = warranty.partWarranty;
  if (part && part.coverage === 'free' && draft.partId === part.partId) return part.payer;
  return 'customer';
}

const fail = (issue: QuoteIssue, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: new DomainError(issue.code, issue.message, { field: issue.field, ...(details ? { details } : {}) }),
});

/**
 * Prices a quote (R-FEE-01…06): each line's amount in whole fen, who pays it (coverage from the
 * warranty decision, shipping by R-FEE-05), subtotals per kind, the preferential discount outside
 * warranty, and the customer's total. Refuses bad input with the first issue (all in `details.issues`).
 */
export function priceQuote(
  lines: readonly QuoteLineInput[],
  context: QuoteContext,
  policy: QuotePolicy,
): Result<PricedQuote> {
  if (context.warranty.coverage === 'refused') {
    return fail({
      code: QuoteErrors.coverageRefused,
      field: 'context.warranty.coverage',
      message: 'The assessment refused this service; there is nothing to quote.',
    });
  }
  if (lines.length === 0) {
    return fail({ code: QuoteErrors.empty, field: 'lines', message: 'A quote needs at least one line.' });
  }
  const issues = new Issues();
  const drafts = lines.flatMap((line, i) => priceLine(line, i, context, policy, issues));
  const [first] = issues.list;
  if (first) return fail(first, { issues: issues.list });

  const priced: PricedLine[] = drafts.map(({ outsideCoverage: _o, partId: _p, ...draft }, k) => {
    const source = drafts[k] as Draft;
    const payer = payerOf(source, lines, context, policy);
    return { ...draft, payer, customerAmount: payer === 'customer' ? draft.amount : 0 };
  });

  const { warranty } = context;
  if (warranty.coverage === 'charged_preferential' && warranty.discountBp > 0) {
    const base = priced
      .filter((l) => DISCOUNTABLE.includes(l.kind) && l.payer === 'customer')
      .reduce((sum, l) => sum + l.customerAmount, 0);
    const off = applyBasisPoints(base, warranty.discountBp);
    if (off > 0) {
      priced.push({
        index: null,
        kind: 'discount',
        description: `preferential rate ${warranty.discountBp} bp`,
        unit: 'fen',
        quantity: 1,
        unitPrice: -off,
        amount: -off,
        payer: 'customer',
        customerAmount: -off,
        cost: null,
      });
    }
  }

  const subtotals = Object.fromEntries(QUOTE_LINE_KINDS.map((k) => [k, 0])) as Record<QuoteLineKind, Fen>;
  const byPayer: Record<Payer, Fen> = { company: 0, customer: 0, partner: 0 };
  let charge = 0;
  for (const line of priced) {
    subtotals[line.kind] += line.amount;
    byPayer[line.payer] += line.amount;
    if (line.amount < 0) continue;
    charge += line.customerAmount;
  }
  const amounts = [...priced.map((l) => l.amount), ...Object.values(byPayer)];
  if (amounts.some((a) => !Number.isSafeInteger(a))) {
    return fail({
      code: QuoteErrors.amountTooLarge,
      field: 'lines',
      message: 'The quote amounts are too large.',
    });
  }
  const discount = 0 - subtotals.discount;
  if (discount > charge) {
    const manual = priced.filter((l) => l.kind === 'discount' && l.index !== null).at(-1);
    return fail(
      {
        code: QuoteErrors.discountExceedsCharge,
        field: manual ? `lines[${manual.index}].amount` : 'lines',
        message: 'The discounts exceed what the customer is charged.',
      },
      { charge, discount },
    );
  }
  const total = charge - discount;

  const quote: PricedQuote = { lines: priced, subtotals, byPayer, discount, total, chargeable: total > 0 };
  if (warranty.productCategory === 'competitor' && total > 0) {
    const margin = competitorMargin(priced, total, policy);
    if (!margin.ok) return margin;
    quote.margin = margin.value;
  }
  return { ok: true, value: quote };
}

/**
 * R-FEE-03 paid competitor work keeps the policy's minimum gross margin: (revenue − cost) / revenue,
 * with revenue the customer's total after discounts. Travel, trip and shipping costs are passed on
 * at cost; labour, parts and handling must state their `unitCost`.
 */
function competitorMargin(
  lines: readonly PricedLine[],
  revenue: Fen,
  policy: QuotePolicy,
): Result<QuoteMargin> {
  let cost = 0;
  for (const line of lines) {
    if (line.payer !== 'customer' || line.amount <= 0) continue;
    if (line.cost === null) {
      if (line.index === null) continue; // an added handling fee is pure revenue
      return fail({
        code: QuoteErrors.costRequired,
        field: `lines[${line.index}].unitCost`,
        message: 'Competitor work needs the cost of each line.',
      });
    }
    cost += line.cost;
  }
  const minimumBp = policy.fees.competitorMinMarginBp;
  const marginBp = Math.floor(((revenue - cost) * 10_000) / revenue);
  if (marginBp < minimumBp) {
    const minimumTotal = minimumBp >= 10_000 ? null : Math.ceil((cost * 10_000) / (10_000 - minimumBp));
    return fail(
      {
        code: QuoteErrors.competitorMarginTooLow,
        field: 'lines',
        message: `Competitor work must keep a margin of at least ${minimumBp} bp; this quote keeps ${marginBp} bp.`,
      },
      { marginBp, minimumBp, cost, revenue, minimumTotal },
    );
  }
  return { ok: true, value: { revenue, cost, marginBp, minimumBp } };
}
