import type { CauseClass, Coverage, Policy, ProductCategory, RequestType } from '../policy';
import type { Approver } from './approval';

/** Coverage of a decision; `charged_preferential` is `charged` at the out-of-warranty rate (R-WAR-03). */
export type WarrantyCoverage = Coverage | 'charged_preferential';
export type Payer = 'company' | 'customer' | 'partner';

/** A local date `YYYY-MM-DD` or an instant (read as a local date in the tenant's zone). */
export type WarrantyDateInput = string | Date | number;

/** A part this company replaced earlier on the unit; it carries its own warranty (R-WAR-04). */
export interface ReplacedPart {
  partId: string;
  installedAt: WarrantyDateInput;
  /** The part's own warranty; the policy's `warranty.replacedPartMonths` when not given. */
  warrantyMonths?: number | null;
}

export interface WarrantyInput {
  /** Purchase date on the proof of purchase (local date); null when unknown. */
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  /** The model's own warranty months; when absent, the product line's, else the policy default. */
  warrantyMonths?: number | null;
  /** Product line key for `policy.warranty.monthsByProductLine.lines`. */
  productLine?: string | null;
  cause: CauseClass;
  replacedParts?: readonly ReplacedPart[];
  /** The part found faulty, when the assessment names one. */
  failedPartId?: string | null;
  productCategory: ProductCategory;
  requestedService: RequestType;
  /** R-WAR-05 approval for a service the policy does not list for competitor products. */
  competitorApproval?: Approver | null;
  assessedAt: Date | number;
}

/**
 * What the decision needs from the policy. A full `Policy` fits. Two optional fields are not in the
 * policy schema yet (see docs/lifecycle-rules.md): without them, proof of purchase is required and
 * a partner's product in warranty is paid by the partner.
 */
export interface WarrantyPolicy {
  timeZone: Policy['timeZone'];
  warranty: Policy['warranty'] & {
    proofOfPurchaseRequired?: boolean;
    partnerProductPayer?: 'partner' | 'company';
  };
}

export const WARRANTY_REASON_CODES = [
  'in_product_warranty',
  'product_warranty_expired',
  'no_warranty_period',
  'purchase_date_unknown',
  'no_proof_of_purchase',
  'proof_of_purchase_waived',
  'replaced_part_in_warranty',
  'replaced_part_warranty_expired',
  'parts_warranty',
  'parts_warranty_expired',
  'cause_coverage',
  'preferential_rate',
  'partner_pays',
  'competitor_product',
  'competitor_service_not_listed',
  'competitor_service_approved',
  'supervisor_override',
] as const;
export type WarrantyReasonCode = (typeof WARRANTY_REASON_CODES)[number];

/** A machine-readable reason; the UI translates `code` and fills in `params`. */
export interface WarrantyReason {
  code: WarrantyReasonCode;
  params: Record<string, string | number | boolean | null>;
}

/** Warranty of the failed part itself: a replaced part's own (R-WAR-04) or the parts period (R-WAR-02). */
export interface PartWarranty {
  partId: string;
  source: 'replaced_part' | 'parts_warranty';
  months: number;
  endsOn: string | null;
  inWarranty: boolean;
  /** Coverage and payer of the lines for this part; equal to the order's unless only the part is covered. */
  coverage: WarrantyCoverage;
  payer: Payer;
}

export interface WarrantyDecision {
  /** The order is repaired under warranty (the product's, or a replaced part's own, R-WAR-04). */
  inWarranty: boolean;
  coverage: WarrantyCoverage;
  payer: Payer;
  reasons: WarrantyReason[];
  /** Last day of the product warranty (inclusive); null when there is no purchase date or period. */
  warrantyEndsOn: string | null;
  warrantyMonths: number;
  partWarranty?: PartWarranty;
  /** The preferential discount of R-WAR-03 for `charged_preferential`, else 0. */
  discountBp: number;
  /** R-WAR-05 service priority of the product category, 0 served first. */
  servicePriority: number;
  cause: CauseClass;
  productCategory: ProductCategory;
}

/** A supervisor's change of a computed decision. */
export interface WarrantyOverrideInput {
  inWarranty?: boolean;
  coverage: WarrantyCoverage;
  payer: Payer;
  /** Needed for `charged_preferential` when the computed decision had no discount. */
  discountBp?: number;
}

/** The decision after an override: the new values on top, the computed decision kept for audit. */
export interface OverriddenWarrantyDecision extends WarrantyDecision {
  override: {
    by: string;
    at: Date;
    reason: string;
    /** The computed decision, never itself overridden. */
    original: WarrantyDecision;
  };
}
