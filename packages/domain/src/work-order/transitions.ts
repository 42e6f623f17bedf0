import type { Action } from '../access/permissions';
import type { WorkOrderAction, WorkOrderStatus } from './work-order';

export interface TransitionRule {
  from: readonly WorkOrderStatus[];
  to: WorkOrderStatus;
  /** The permission the actor needs (see access/permissions.ts). */
  permission: Action;
  /** A reason must be given (recorded in the audit trail). */
  requiresReason: boolean;
  /** Only the assigned technician may do it when the actor is a technician and nothing wider. */
  assigneeOnly: boolean;
}

const rule = (
  from: readonly WorkOrderStatus[],
  to: WorkOrderStatus,
  permission: Action,
  opts: { requiresReason?: boolean; assigneeOnly?: boolean } = {},
): TransitionRule => ({
  from,
  to,
  permission,
  requiresReason: opts.requiresReason ?? false,
  assigneeOnly: opts.assigneeOnly ?? false,
});

/**
 * The work order life of R-WO-01 as one table: action → legal source states, target state and the
 * permission it needs. Every move anywhere in the system asks this table.
 */
export const TRANSITIONS: Readonly<Record<WorkOrderAction, TransitionRule>> = {
  assess: rule(['created'], 'assessed', 'work_order.assess'),
  quote: rule(['assessed'], 'quoted', 'work_order.quote'),
  confirm_quote: rule(['quoted'], 'confirmed', 'work_order.record_quote_decision'),
  refuse_quote: rule(['quoted'], 'quote_refused', 'work_order.record_quote_decision'),
  approve_after_refusal: rule(['quote_refused'], 'confirmed', 'work_order.approve_exception', {
    requiresReason: true,
  }),
  schedule: rule(['assessed', 'confirmed', 'rework'], 'scheduled', 'work_order.schedule'),
  dispatch: rule(['scheduled'], 'dispatched', 'work_order.dispatch'),
  depart: rule(['dispatched'], 'en_route', 'work_order.travel', { assigneeOnly: true }),
  arrive: rule(['en_route'], 'on_site', 'work_order.travel', { assigneeOnly: true }),
  // A carry-in repair at the service centre starts straight after assessment (or quote confirmation).
  start_repair: rule(['assessed', 'confirmed', 'on_site', 'rework'], 'in_repair', 'work_order.start_repair', {
    assigneeOnly: true,
  }),
  // R-WO-06: taken back with a receipt; the workshop repair happens while `in_workshop`, and the
  // return (receipt collected back, customer signs) puts the product back in repair at the customer's.
  take_to_workshop: rule(['on_site', 'in_repair'], 'in_workshop', 'work_order.take_to_workshop', {
    assigneeOnly: true,
  }),
  return_from_workshop: rule(['in_workshop'], 'in_repair', 'work_order.take_to_workshop', {
    assigneeOnly: true,
  }),
  complete: rule(['in_repair'], 'completed', 'work_order.complete', { assigneeOnly: true }),
  declare_not_repairable: rule(
    ['assessed', 'on_site', 'in_repair', 'in_workshop'],
    'not_repairable',
    'work_order.declare_not_repairable',
    {
      requiresReason: true,
    },
  ),
  accept: rule(['completed'], 'accepted', 'work_order.record_acceptance'),
  reject_acceptance: rule(['completed'], 'rework', 'work_order.record_acceptance', { requiresReason: true }),
  request_rework: rule(['completed', 'accepted', 'followed_up'], 'rework', 'work_order.rework', {
    requiresReason: true,
  }),
  follow_up: rule(['completed', 'accepted'], 'followed_up', 'work_order.follow_up'),
  // R-WO-08: unsatisfied again after the free second service → a complaint takes over the order.
  escalate_to_complaint: rule(
    ['completed', 'accepted', 'followed_up', 'rework'],
    'escalated',
    'work_order.escalate',
    {
      requiresReason: true,
    },
  ),
  close: rule(
    ['completed', 'accepted', 'followed_up', 'not_repairable', 'quote_refused', 'escalated'],
    'closed',
    'work_order.close',
  ),
  cancel: rule(
    ['created', 'assessed', 'quoted', 'confirmed', 'scheduled', 'dispatched'],
    'cancelled',
    'work_order.cancel',
    {
      requiresReason: true,
    },
  ),
};

export const WORK_ORDER_ACTIONS = Object.keys(TRANSITIONS) as WorkOrderAction[];

/** The actions whose source states include `status`, in table order. */
export function actionsFrom(status: WorkOrderStatus): WorkOrderAction[] {
  return WORK_ORDER_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export const TERMINAL_STATUSES: readonly WorkOrderStatus[] = ['closed', 'cancelled'];
