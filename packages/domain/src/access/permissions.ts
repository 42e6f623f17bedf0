import type { Role } from './roles';

/**
 * Every action a route can perform. A route names exactly one; the table below says which roles
 * may perform it. Ownership (a technician's own orders, a customer's own requests) is checked on top
 * by `scopeFor` (R-ROLE-03).
 */
export const ACTIONS = [
  'customer.read',
  'customer.write',
  'customer.reveal_pii',
  'catalog.read',
  'catalog.write',
  'unit.read',
  'unit.write',
  'request.create',
  'request.read',
  'request.review',
  'request.contact',
  'sla.pause',
  'request.answer',
  'work_order.read',
  'work_order.assess',
  'work_order.quote',
  'work_order.record_quote_decision',
  'work_order.approve_exception',
  'work_order.override_warranty',
  'work_order.approve_competitor_service',
  'work_order.schedule',
  'work_order.dispatch',
  'work_order.travel',
  'work_order.start_repair',
  'work_order.take_to_workshop',
  'work_order.complete',
  'work_order.declare_not_repairable',
  'work_order.record_acceptance',
  'work_order.rework',
  'work_order.follow_up',
  'work_order.escalate',
  'work_order.close',
  'work_order.cancel',
  'attachment.read',
  'attachment.write',
  'audit.read',
  'policy.read',
  'policy.write',
  'user.read',
  'user.write',
  'workforce.read',
  'workforce.write',
  'leave.request',
  'leave.approve',
  'dispatch.plan',
  'dispatch.assign',
  'dispatch.override',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL_STAFF: readonly Role[] = [
  'admin',
  'agent',
  'engineer',
  'technician',
  'qc',
  'warehouse',
  'logistics',
  'finance',
  'supervisor',
  'manager',
  'guide',
];
const OFFICE: readonly Role[] = ['admin', 'agent', 'engineer', 'qc', 'supervisor', 'manager'];

/** The role × action table (R-ROLE-01, R-ROLE-03). One place; tested as a matrix. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'customer.read': [...ALL_STAFF],
  'customer.write': ['admin', 'agent', 'supervisor', 'manager', 'guide'],
  'customer.reveal_pii': ['admin', 'agent', 'engineer', 'technician', 'supervisor', 'manager', 'logistics'],
  'catalog.read': [...ALL_STAFF, 'customer'],
  'catalog.write': ['admin', 'supervisor', 'manager'],
  'unit.read': [...ALL_STAFF, 'customer'],
  'unit.write': ['admin', 'agent', 'supervisor', 'manager', 'guide'],
  'request.create': ['admin', 'agent', 'supervisor', 'manager', 'guide', 'customer'],
  'request.read': [...ALL_STAFF, 'customer'],
  'request.review': ['admin', 'agent', 'engineer', 'supervisor', 'manager'],
  'request.contact': ['agent', 'engineer', 'technician', 'supervisor', 'manager', 'guide'],
  'sla.pause': ['agent', 'engineer', 'supervisor', 'manager'],
  'request.answer': ['agent', 'engineer', 'supervisor', 'manager'],
  'work_order.read': [...ALL_STAFF, 'customer'],
  'work_order.assess': ['engineer', 'supervisor'],
  'work_order.quote': ['engineer', 'agent', 'supervisor'],
  'work_order.record_quote_decision': ['agent', 'supervisor', 'customer'],
  'work_order.approve_exception': ['manager'],
  'work_order.override_warranty': ['supervisor'],
  'work_order.approve_competitor_service': ['manager'],
  'work_order.schedule': ['agent', 'supervisor'],
  'work_order.dispatch': ['supervisor'],
  'work_order.travel': ['technician', 'supervisor'],
  'work_order.start_repair': ['engineer', 'technician', 'supervisor'],
  'work_order.take_to_workshop': ['engineer', 'technician', 'supervisor'],
  'work_order.complete': ['engineer', 'technician', 'supervisor'],
  'work_order.declare_not_repairable': ['engineer', 'supervisor'],
  'work_order.record_acceptance': ['technician', 'engineer', 'agent', 'supervisor', 'customer'],
  'work_order.rework': ['agent', 'supervisor', 'qc'],
  'work_order.follow_up': ['agent', 'supervisor', 'qc'],
  'work_order.escalate': ['technician', 'engineer', 'agent', 'supervisor', 'qc', 'manager', 'customer'],
  'work_order.close': ['supervisor', 'manager'],
  'work_order.cancel': ['agent', 'supervisor', 'manager'],
  'attachment.read': [...ALL_STAFF, 'customer'],
  'attachment.write': ['agent', 'engineer', 'technician', 'qc', 'supervisor', 'manager', 'guide', 'customer'],
  'audit.read': [...OFFICE, 'finance'],
  'policy.read': [...ALL_STAFF],
  'policy.write': ['admin', 'manager'],
  'user.read': ['admin', 'supervisor', 'manager'],
  'user.write': ['admin'],
  'workforce.read': ['admin', 'agent', 'engineer', 'technician', 'supervisor', 'manager'],
  'workforce.write': ['admin', 'supervisor', 'manager'],
  'leave.request': ['technician', 'engineer', 'supervisor', 'manager'],
  'leave.approve': ['supervisor', 'manager'],
  'dispatch.plan': ['agent', 'supervisor', 'manager'],
  'dispatch.assign': ['supervisor'],
  'dispatch.override': ['supervisor'],
};

/** True when any of the roles may perform the action. */
export function can(roles: readonly Role[], action: Action): boolean {
  const allowed = PERMISSIONS[action];
  return roles.some((r) => allowed.includes(r));
}

/**
 * Which rows of a list the actor may see (R-ROLE-03): everything of the tenant for office roles,
 * only assigned orders for a technician, only their own records for a customer.
 */
export type ReadScope =
  { kind: 'tenant' } | { kind: 'assigned'; userId: string } | { kind: 'own'; customerId: string };

export interface Actor {
  userId: string;
  tenantId: string;
  roles: readonly Role[];
  /** Set for portal users: the customer record they are. */
  customerId?: string | null;
}

const TENANT_WIDE: readonly Role[] = ALL_STAFF.filter((r) => r !== 'technician');

/** The widest scope the actor's roles give on work orders and requests. */
export function scopeFor(actor: Actor): ReadScope {
  if (actor.roles.some((r) => TENANT_WIDE.includes(r))) return { kind: 'tenant' };
  if (actor.roles.includes('technician')) return { kind: 'assigned', userId: actor.userId };
  if (actor.roles.includes('customer') && actor.customerId)
    return { kind: 'own', customerId: actor.customerId };
  // A customer account not linked to a customer record sees nothing.
  return { kind: 'own', customerId: '00000000-0000-0000-0000-000000000000' };
}
