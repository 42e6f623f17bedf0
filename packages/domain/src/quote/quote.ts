import type { Fen } from '../shared/money';
import type { Policy } from '../policy';
import type { Payer, WarrantyDecision } from '../warranty';

export const QUOTE_LINE_KINDS = [
  'labour',
  'part',
  'travel',
  'trip',
  'handling',
  'shipping',
  'discount',
] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];

export const TRIP_ITEMS = ['accommodation', 'meals', 'allowance'] as const;
export type TripItem = (typeof TRIP_ITEMS)[number];

export const SHIPPING_DIRECTIONS = ['to_service', 'back_to_customer'] as const;
export type ShippingDirection = (typeof SHIPPING_DIRECTIONS)[number];

interface LineCommon {
  description?: string;
  /** Extra work the customer asked for: charged to the customer even when the order is covered. */
  outsideCoverage?: boolean;
}

/**
 * Labour is priced per job (a repair item, 按项目收费) or per hour. Time is entered in whole
 * minutes, never as decimal hours: `minutes` × hourly `unitPrice` / 60, rounded half up to a fen.
 * `unitCost` (per job or per hour) is the company's cost, needed for the competitor margin.
 */
export type LabourLine = LineCommon & { kind: 'labour'; unitCost?: Fen } & (
    { unit: 'job'; quantity: number; unitPrice: Fen } | { unit: 'hour'; minutes: number; unitPrice: Fen }
  );

/** A part at its catalogue price; a partner's part gets at least the policy mark-up (R-FEE-03). */
export interface PartLine extends LineCommon {
  kind: 'part';
  partId: string;
  quantity: number;
  /** Catalogue price per piece before any mark-up. */
  unitPrice: Fen;
  /** Whose part it is; by default a partner product's parts are partner parts. */
  origin?: 'own' | 'partner';
  /** Mark-up on a partner part; at least `fees.partnerPartMarkupMinBp`, which is the default. */
  markupBp?: number;
  /** When the partner supplies the part, a handling fee line is added (R-FEE-03). */
  suppliedBy?: 'company' | 'partner';
  unitCost?: Fen;
}

/** Travel at cost (tickets, fuel, tolls): no mark-up, no discount (R-FEE-02). */
export interface TravelLine extends LineCommon {
  kind: 'travel';
  quantity: number;
  unitPrice: Fen;
}

/** Per-day trip costs from the yearly tariff of the product category (R-FEE-02). */
export interface TripLine extends LineCommon {
  kind: 'trip';
  item: TripItem;
  days: number;
  /** Technicians on the trip; the tariff is per person and day. Default 1. */
  people?: number;
}

export interface HandlingLine extends LineCommon {
  kind: 'handling';
  quantity: number;
  unitPrice: Fen;
  unitCost?: Fen;
}

/** Carriage of the product to the service centre or back; the payer follows R-FEE-05. */
export interface ShippingLine extends LineCommon {
  kind: 'shipping';
  direction: ShippingDirection;
  quantity: number;
  unitPrice: Fen;
}

/** A manual discount in fen, taken off what the customer pays. */
export interface DiscountLine extends LineCommon {
  kind: 'discount';
  amount: Fen;
}

export type QuoteLineInput =
  LabourLine | PartLine | TravelLine | TripLine | HandlingLine | ShippingLine | DiscountLine;

export interface QuoteContext {
  /** The warranty decision of the assessment (or its supervisor override). */
  warranty: Pick<WarrantyDecision, 'coverage' | 'payer' | 'inWarranty' | 'discountBp' | 'productCategory'> &
    Partial<Pick<WarrantyDecision, 'partWarranty'>>;
  /** Year of the trip, which picks the tariff; needed when the quote has trip lines. */
  tripYear?: number;
  /** For returns and exchanges: a quality problem or not (R-FEE-05 shipping). */
  returnReason?: 'quality' | 'non_quality';
}

/** The policy sections pricing reads. A full `Policy` fits. */
export interface QuotePolicy {
  fees: Policy['fees'];
}

export interface PricedLine {
  /** Position in the input; null for a line the pricing added (a handling fee, the preferential discount). */
  index: number | null;
  /** For an added handling fee: the part line it belongs to. */
  derivedFrom?: number;
  kind: QuoteLineKind;
  description: string;
  /** Count of `unit`: jobs, minutes, pieces, person-days, trips. */
  quantity: number;
  unit: 'job' | 'minute' | 'piece' | 'person_day' | 'item' | 'fen';
  /** Price per unit in fen (per hour for labour by the minute). */
  unitPrice: Fen;
  /** List amount of the line; negative for discounts. */
  amount: Fen;
  /** Who pays this line. */
  payer: Payer;
  /** The part of `amount` the customer pays (0 for covered lines). */
  customerAmount: Fen;
  /** The company's cost of the line, when known. */
  cost: Fen | null;
}

export interface QuoteMargin {
  revenue: Fen;
  cost: Fen;
  marginBp: number;
  minimumBp: number;
}

export interface PricedQuote {
  lines: PricedLine[];
  /** List amounts per kind before coverage; `discount` is the sum of discounts (≤ 0). */
  subtotals: Record<QuoteLineKind, Fen>;
  /** Amounts borne by each payer, after discounts. */
  byPayer: Record<Payer, Fen>;
  /** Total discount given to the customer (≥ 0): preferential rate plus manual discounts. */
  discount: Fen;
  /** What the customer pays. */
  total: Fen;
  /** R-FEE-01: there is something the customer must confirm before work starts. */
  chargeable: boolean;
  /** Competitor work only (R-FEE-03). */
  margin?: QuoteMargin;
}
