import { can, type Actor } from '../access/permissions';
import { DomainError, type Result } from '../shared/errors';
import { WORK_ORDER_REQUEST_TYPES, type RequestStatus, type ServiceRequestState } from './service-request';

export const ServiceRequestErrors = {
  forbidden: 'REQUEST_FORBIDDEN',
  alreadyReviewed: 'REQUEST_ALREADY_REVIEWED',
  reasonRequired: 'REQUEST_REASON_REQUIRED',
  dateInFuture: 'REQUEST_DATE_IN_FUTURE',
  dateOrder: 'REQUEST_DATE_ORDER',
} as const;

export interface IntakeDates {
  purchaseDate?: string | null; // YYYY-MM-DD, the tenant's local date
  problemStartedAt?: Date | null;
}

/**
 * Checks the dates of a new request against `now` (R-IN-03): a purchase date or problem start in the
 * future is refused, naming the field; a problem cannot begin before the product was bought.
 */
export function checkIntakeDates(
  dates: IntakeDates,
  now: Date,
  todayLocal: string,
  fieldPrefix = '',
): Result<true> {
  if (dates.purchaseDate && dates.purchaseDate > todayLocal) {
    return fail(
      ServiceRequestErrors.dateInFuture,
      'The purchase date lies in the future.',
      `${fieldPrefix}purchaseDate`,
    );
  }
  if (dates.problemStartedAt && dates.problemStartedAt.getTime() > now.getTime()) {
    return fail(
      ServiceRequestErrors.dateInFuture,
      'The problem cannot begin in the future.',
      'problemStartedAt',
    );
  }
  if (dates.purchaseDate && dates.problemStartedAt) {
    const startedDay = dates.problemStartedAt.toISOString().slice(0, 10);
    // Compare by UTC day with one day of slack for time zones ahead of UTC.
    const bought = Date.parse(`${dates.purchaseDate}T00:00:00Z`);
    if (Date.parse(`${startedDay}T00:00:00Z`) < bought - 86_400_000) {
      return fail(
        ServiceRequestErrors.dateOrder,
        'The problem cannot begin before the purchase date.',
        'problemStartedAt',
      );
    }
  }
  return { ok: true, value: true };
}

export interface ReviewCommand {
  actor: Actor;
  now: Date;
  eligible: boolean;
  reason?: string | null;
}

export interface ReviewOutcome {
  status: RequestStatus;
  createsWorkOrder: boolean;
  reason: string | null;
}

/**
 * Initial review (R-IN-05): an eligible repair, installation or maintenance request becomes a work
 * order; another eligible type is accepted for its own flow; an ineligible one is rejected with a reason.
 */
export function decideReview(state: ServiceRequestState, command: ReviewCommand): Result<ReviewOutcome> {
  if (!can(command.actor.roles, 'request.review')) {
    return fail(ServiceRequestErrors.forbidden, 'Your roles may not review service requests.');
  }
  if (state.status !== 'new') {
    return fail(
      ServiceRequestErrors.alreadyReviewed,
      `This request was already reviewed (status "${state.status}").`,
    );
  }
  const reason = command.reason?.trim() ? command.reason.trim() : null;
  if (!command.eligible) {
    if (!reason)
      return fail(ServiceRequestErrors.reasonRequired, 'Say why the request is not eligible.', 'reason');
    return { ok: true, value: { status: 'rejected', createsWorkOrder: false, reason } };
  }
  const createsWorkOrder = WORK_ORDER_REQUEST_TYPES.includes(state.type);
  return {
    ok: true,
    value: { status: createsWorkOrder ? 'converted' : 'accepted', createsWorkOrder, reason },
  };
}

function fail(code: string, message: string, field?: string): Result<never> {
  return { ok: false, error: new DomainError(code, message, field === undefined ? {} : { field }) };
}
