import type { PauseReason, SlaEvent } from '../policy/schema';
import type { WorkOrderAction } from '../work-order/work-order';

/** What a step of the life means for the SLA clocks of its order (and of its request). */
export type SlaSignal =
  | { kind: 'event'; event: SlaEvent }
  | { kind: 'pause'; reason: PauseReason }
  | { kind: 'resume' }
  /** The order ends: open clocks record what is due, then are cancelled. */
  | { kind: 'end' };

const ev = (event: SlaEvent): SlaSignal => ({ kind: 'event', event });

/**
 * The SLA meaning of every work order move (R-IN-09 defines response, on-site and repair times).
 * An event stops the clocks that stop on it and starts those that start on it; a quote pauses the
 * clocks that pause while the customer decides (policy), and the decision resumes them.
 */
export const SLA_SIGNALS_OF_ACTION: Readonly<Record<WorkOrderAction, readonly SlaSignal[]>> = {
  assess: [ev('assessment.recorded')],
  quote: [{ kind: 'pause', reason: 'waiting_quote_decision' }],
  confirm_quote: [{ kind: 'resume' }, ev('quote.confirmed')],
  refuse_quote: [{ kind: 'resume' }],
  approve_after_refusal: [ev('quote.confirmed')],
  schedule: [ev('appointment.booked_time')],
  dispatch: [],
  depart: [ev('visit.departed')],
  arrive: [ev('visit.arrived')],
  start_repair: [],
  take_to_workshop: [],
  return_from_workshop: [],
  complete: [ev('work_order.completed')],
  declare_not_repairable: [],
  accept: [],
  reject_acceptance: [],
  request_rework: [],
  escalate_to_complaint: [],
  follow_up: [ev('follow_up.recorded')],
  close: [{ kind: 'end' }],
  cancel: [{ kind: 'end' }],
};

/** The signals of a move; moves added later without an entry mean nothing for the clocks. */
export function slaSignalsOf(action: WorkOrderAction): readonly SlaSignal[] {
  return SLA_SIGNALS_OF_ACTION[action] ?? [];
}
