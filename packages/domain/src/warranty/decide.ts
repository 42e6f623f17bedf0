import { DomainError, type Result } from '../shared/errors';
import { holdsApproverRole } from './approval';
import { addCalendarMonths, isLocalDate, localDateOf } from './dates';
import { WarrantyErrors } from './errors';
import type {
  WarrantyDateInput,
  PartWarranty,
  Payer,
  WarrantyCoverage,
  WarrantyDecision,
  WarrantyInput,
  WarrantyPolicy,
  WarrantyReason,
} from './warranty';

const refuse = (code: string, message: string, field: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, { field }),
});

const reason = (code: WarrantyReason['code'], params: WarrantyReason['params'] = {}): WarrantyReason => ({
  code,
  params,
});

const isMonths = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A `WarrantyDateInput` as a local date, or undefined when it is not a valid date. */
function toLocalDate(value: WarrantyDateInput, timeZone: string): string | undefined {
  if (typeof value === 'string') return isLocalDate(value) ? value : undefined;
  const ms = typeof value === 'number' ? value : value.getTime();
  return Number.isFinite(ms) ? localDateOf(ms, timeZone) : undefined;
}

/** The warranty months of a unit: the model's, else its product line's, else the policy default (R-WAR-02). */
export function resolveWarrantyMonths(
  input: Pick<WarrantyInput, 'warrantyMonths' | 'productLine'>,
  policy: WarrantyPolicy,
): number {
  if (input.warrantyMonths !== undefined && input.warrantyMonths !== null) return input.warrantyMonths;
  const lines = policy.warranty.monthsByProductLine.lines;
  const byLine = input.productLine ? lines[input.productLine] : undefined;
  return byLine ?? policy.warranty.monthsByProductLine.default;
}

function payerOf(coverage: WarrantyCoverage, input: WarrantyInput, policy: WarrantyPolicy): Payer {
  if (coverage !== 'free') return 'customer';
  if (input.productCategory === 'partner') return policy.warranty.partnerProductPayer ?? 'partner';
  return 'company';
}

/**
 * The coverage a cause gets (R-WAR-03): the policy's table, inside or outside warranty; outside
 * warranty a charge becomes `charged_preferential` when the policy grants a discount.
 */
function coverageFor(input: WarrantyInput, policy: WarrantyPolicy, inWarranty: boolean): WarrantyCoverage {
  const row = policy.warranty.coverage[input.cause];
  const base = inWarranty ? row.inWarranty : row.outOfWarranty;
  const preferential = !inWarranty && input.productCategory !== 'competitor';
  return base === 'charged' && preferential && policy.warranty.outOfWarrantyDiscountBp > 0
    ? 'charged_preferential'
    : base;
}

/**
 * Decides warranty, coverage and payer of an assessed repair (R-WAR-02…05) from the purchase date
 * and proof, the warranty period, the cause, replaced parts' own warranty and the product category.
 * Months are calendar months (see `addCalendarMonths`); the end date is the last covered day.
 */
export function decideWarranty(input: WarrantyInput, policy: WarrantyPolicy): Result<WarrantyDecision> {
  const { timeZone } = policy;
  const assessedMs = typeof input.assessedAt === 'number' ? input.assessedAt : input.assessedAt.getTime();
  if (!Number.isFinite(assessedMs)) {
    return refuse(
      WarrantyErrors.assessedAtInvalid,
      'The assessment time is not a valid instant.',
      'assessedAt',
    );
  }
  const today = localDateOf(assessedMs, timeZone);

  const { purchaseDate } = input;
  if (purchaseDate !== null) {
    if (!isLocalDate(purchaseDate)) {
      return refuse(
        WarrantyErrors.dateInvalid,
        'The purchase date is not a date YYYY-MM-DD.',
        'purchaseDate',
      );
    }
    if (purchaseDate > today) {
      return refuse(
        WarrantyErrors.purchaseDateInFuture,
        'The purchase date lies in the future.',
        'purchaseDate',
      );
    }
  }
  const months = resolveWarrantyMonths(input, policy);
  if (!isMonths(months)) {
    return refuse(
      WarrantyErrors.monthsInvalid,
      'Warranty months must be a whole number ≥ 0.',
      'warrantyMonths',
    );
  }

  const replaced: Array<{ partId: string; installedOn: string; months: number }> = [];
  for (const [i, part] of (input.replacedParts ?? []).entries()) {
    const installedOn = toLocalDate(part.installedAt, timeZone);
    const field = `replacedParts[${i}]`;
    if (installedOn === undefined) {
      return refuse(
        WarrantyErrors.dateInvalid,
        'The installation date is not a valid date.',
        `${field}.installedAt`,
      );
    }
    if (installedOn > today) {
      return refuse(
        WarrantyErrors.partInstalledInFuture,
        'A replaced part cannot be installed in the future.',
        `${field}.installedAt`,
      );
    }
    const partMonths = part.warrantyMonths ?? policy.warranty.replacedPartMonths;
    if (!isMonths(partMonths)) {
      return refuse(
        WarrantyErrors.monthsInvalid,
        'Warranty months must be a whole number ≥ 0.',
        `${field}.warrantyMonths`,
      );
    }
    replaced.push({ partId: part.partId, installedOn, months: partMonths });
  }

  const servicePriority = policy.warranty.categoryPriority.indexOf(input.productCategory);
  const base = { cause: input.cause, productCategory: input.productCategory, servicePriority };

  if (input.productCategory === 'competitor') return decideCompetitor(input, policy, months, base);

  const reasons: WarrantyReason[] = [];
  const proofRequired = policy.warranty.proofOfPurchaseRequired ?? true;
  const warrantyEndsOn = purchaseDate !== null && months > 0 ? addCalendarMonths(purchaseDate, months) : null;
  let productIn = false;
  if (purchaseDate === null) reasons.push(reason('purchase_date_unknown'));
  else if (!input.proofOfPurchase && proofRequired) reasons.push(reason('no_proof_of_purchase'));
  else if (warrantyEndsOn === null) reasons.push(reason('no_warranty_period', { months }));
  else {
    if (!input.proofOfPurchase) reasons.push(reason('proof_of_purchase_waived'));
    productIn = today <= warrantyEndsOn;
    reasons.push(
      reason(productIn ? 'in_product_warranty' : 'product_warranty_expired', {
        months,
        endsOn: warrantyEndsOn,
      }),
    );
  }

  // R-WAR-04: the latest replacement of the failed part carries its own warranty; our repair record
  // proves it, so it holds without the customer's proof of purchase.
  const failedPartId = input.failedPartId ?? null;
  const replacement = replaced
    .filter((p) => p.partId === failedPartId)
    .sort((a, b) => (a.installedOn < b.installedOn ? 1 : -1))[0];
  let partWarranty: Omit<PartWarranty, 'coverage' | 'payer'> | undefined;
  if (failedPartId !== null && replacement) {
    const endsOn =
      replacement.months > 0 ? addCalendarMonths(replacement.installedOn, replacement.months) : null;
    const inWarranty = endsOn !== null && today <= endsOn;
    partWarranty = {
      partId: failedPartId,
      source: 'replaced_part',
      months: replacement.months,
      endsOn,
      inWarranty,
    };
    reasons.push(
      reason(inWarranty ? 'replaced_part_in_warranty' : 'replaced_part_warranty_expired', {
        partId: failedPartId,
        installedOn: replacement.installedOn,
        months: replacement.months,
        endsOn,
      }),
    );
  } else if (failedPartId !== null && policy.warranty.partsMonths > months && purchaseDate !== null) {
    // R-WAR-02: an original part may have a longer period than the whole product (appliance parts).
    const proofOk = input.proofOfPurchase || !proofRequired;
    const endsOn = addCalendarMonths(purchaseDate, policy.warranty.partsMonths);
    const inWarranty = proofOk && today <= endsOn;
    partWarranty = {
      partId: failedPartId,
      source: 'parts_warranty',
      months: policy.warranty.partsMonths,
      endsOn,
      inWarranty,
    };
    if (proofOk && !productIn) {
      reasons.push(
        reason(inWarranty ? 'parts_warranty' : 'parts_warranty_expired', {
          partId: failedPartId,
          months: policy.warranty.partsMonths,
          endsOn,
        }),
      );
    }
  }

  const replacedPartIn = partWarranty?.source === 'replaced_part' && partWarranty.inWarranty;
  const inWarranty = productIn || replacedPartIn;
  const coverage = coverageFor(input, policy, inWarranty);
  const payer = payerOf(coverage, input, policy);
  reasons.push(reason('cause_coverage', { cause: input.cause, inWarranty, coverage }));
  const discountBp = coverage === 'charged_preferential' ? policy.warranty.outOfWarrantyDiscountBp : 0;
  if (discountBp > 0) reasons.push(reason('preferential_rate', { discountBp }));
  if (payer === 'partner') reasons.push(reason('partner_pays'));

  let part: PartWarranty | undefined;
  if (partWarranty) {
    // Only an original part's longer period covers the part alone; a replaced part covers the repair.
    const partOnly = partWarranty.source === 'parts_warranty' && partWarranty.inWarranty && !inWarranty;
    const partCoverage = partOnly ? coverageFor(input, policy, true) : coverage;
    part = { ...partWarranty, coverage: partCoverage, payer: payerOf(partCoverage, input, policy) };
  }

  return {
    ok: true,
    value: {
      inWarranty,
      coverage,
      payer,
      reasons,
      warrantyEndsOn,
      warrantyMonths: months,
      ...(part ? { partWarranty: part } : {}),
      discountBp,
      ...base,
    },
  };
}

/** R-WAR-05: a competitor's product is never under our warranty and gets only the listed services. */
function decideCompetitor(
  input: WarrantyInput,
  policy: WarrantyPolicy,
  months: number,
  base: Pick<WarrantyDecision, 'cause' | 'productCategory' | 'servicePriority'>,
): Result<WarrantyDecision> {
  const allowed = policy.warranty.competitorAllowedServices;
  const approver = policy.warranty.competitorOtherServicesApprover;
  const reasons: WarrantyReason[] = [reason('competitor_product')];
  const listed = allowed.includes(input.requestedService);
  const approval = input.competitorApproval ?? null;
  if (!listed && approval !== null && !holdsApproverRole(approval, approver)) {
    return refuse(
      WarrantyErrors.approvalInvalid,
      `Only the ${approver} may approve this service for a competitor's product.`,
      'competitorApproval',
    );
  }
  const decided = { inWarranty: false, warrantyEndsOn: null, warrantyMonths: months, discountBp: 0, ...base };
  if (!listed && approval === null) {
    reasons.push(reason('competitor_service_not_listed', { service: input.requestedService, approver }));
    return { ok: true, value: { ...decided, coverage: 'refused', payer: 'customer', reasons } };
  }
  if (!listed && approval !== null) {
    reasons.push(
      reason('competitor_service_approved', { service: input.requestedService, approvedBy: approval.userId }),
    );
  }
  const coverage = coverageFor(input, policy, false);
  reasons.push(reason('cause_coverage', { cause: input.cause, inWarranty: false, coverage }));
  return { ok: true, value: { ...decided, coverage, payer: payerOf(coverage, input, policy), reasons } };
}
