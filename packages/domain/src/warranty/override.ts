import { DomainError, type Result } from '../shared/errors';
import { holdsApproverRole, type Approver } from './approval';
import { WarrantyErrors } from './errors';
import type {
  OverriddenWarrantyDecision,
  WarrantyCoverage,
  WarrantyDecision,
  WarrantyOverrideInput,
} from './warranty';

export interface WarrantyOverrideCommand {
  by: Approver;
  at: Date;
  reason: string;
}

const refuse = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, field === undefined ? {} : { field }),
});

const FREE: readonly WarrantyCoverage[] = ['free'];

/**
 * A supervisor replaces a computed warranty decision (R-WAR-01…03 "can be overridden only by a
 * supervisor with a reason"). The result keeps the computed decision in `override.original` for audit;
 * overriding again still keeps the first computed decision there.
 */
export function overrideWarranty(
  decision: WarrantyDecision | OverriddenWarrantyDecision,
  change: WarrantyOverrideInput,
  command: WarrantyOverrideCommand,
): Result<OverriddenWarrantyDecision> {
  if (!holdsApproverRole(command.by, 'service_supervisor')) {
    return refuse(
      WarrantyErrors.overrideForbidden,
      'Only a service supervisor may override a warranty decision.',
    );
  }
  const why = command.reason.trim();
  if (why === '') {
    return refuse(WarrantyErrors.overrideReasonRequired, 'Say why the decision is overridden.', 'reason');
  }
  const free = FREE.includes(change.coverage);
  if (free !== (change.payer === 'company' || change.payer === 'partner')) {
    return refuse(
      WarrantyErrors.overrideInconsistent,
      free ? 'Free coverage is paid by the company or the partner.' : 'A charge is paid by the customer.',
      'payer',
    );
  }
  const original = 'override' in decision ? decision.override.original : decision;
  const discountBp =
    change.coverage === 'charged_preferential' ? (change.discountBp ?? original.discountBp) : 0;
  if (
    change.coverage === 'charged_preferential' &&
    (!Number.isInteger(discountBp) || discountBp <= 0 || discountBp > 10_000)
  ) {
    return refuse(
      WarrantyErrors.overrideInconsistent,
      'A preferential charge needs a discount between 1 and 10000 basis points.',
      'discountBp',
    );
  }
  const inWarranty = change.inWarranty ?? decision.inWarranty;
  if (
    inWarranty === decision.inWarranty &&
    change.coverage === decision.coverage &&
    change.payer === decision.payer &&
    discountBp === decision.discountBp
  ) {
    return refuse(WarrantyErrors.overrideUnchanged, 'The override changes nothing.');
  }
  const { reasons } = 'override' in decision ? decision : original;
  return {
    ok: true,
    value: {
      ...original,
      inWarranty,
      coverage: change.coverage,
      payer: change.payer,
      discountBp,
      reasons: [...reasons, { code: 'supervisor_override', params: { by: command.by.userId, reason: why } }],
      override: { by: command.by.userId, at: command.at, reason: why, original },
    },
  };
}
