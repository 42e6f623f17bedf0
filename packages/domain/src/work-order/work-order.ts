import type { Role } from '../access/roles';

/** Every state of the work order life (R-WO-01), main path first, then the side branches. */
export const WORK_ORDER_STATUSES = [
  'created',
  'assessed',
  'quoted',
  'confirmed',
  'scheduled',
  'dispatched',
  'en_route',
  'on_site',
  'in_repair',
  'in_workshop',
  'completed',
  'accepted',
  'followed_up',
  'closed',
  'quote_refused',
  'rework',
  'not_repairable',
  'escalated',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const PRIORITIES = ['urgent', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One recorded move: who, when, why (R-WO-01). */
export interface Transition {
  action: WorkOrderAction;
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  at: Date;
  actorId: string;
  actorRoles: readonly Role[];
  reason: string | null;
}

/** The part of a work order the state machine decides on. */
export interface WorkOrderState {
  id: string;
  status: WorkOrderStatus;
  assigneeId: string | null;
}

export type WorkOrderAction =
  | 'assess'
  | 'quote'
  | 'confirm_quote'
  | 'refuse_quote'
  | 'approve_after_refusal'
  | 'schedule'
  | 'dispatch'
  | 'depart'
  | 'arrive'
  | 'start_repair'
  | 'take_to_workshop'
  | 'return_from_workshop'
  | 'complete'
  | 'declare_not_repairable'
  | 'accept'
  | 'reject_acceptance'
  | 'request_rework'
  | 'follow_up'
  | 'escalate_to_complaint'
  | 'close'
  | 'cancel';
