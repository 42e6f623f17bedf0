// Codes the work-order API answers with; labels are `workOrder.<kind>.<code>` in both locales
// (locales.test.ts checks every code below has them).

// Same order as the domain's table (main path first, then side branches); codes.test.ts keeps them equal.
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

export const REQUEST_TYPES = [
  'consultation',
  'installation',
  'repair',
  'maintenance',
  'return',
  'exchange',
  'parts',
  'complaint',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** List filter on SLA clocks (`?sla=`): at risk (warning share used) or breached. */
export const SLA_FILTERS = ['at_risk', 'breached'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export function isSlaFilter(value: string | null | undefined): value is SlaFilter {
  return (SLA_FILTERS as readonly (string | null | undefined)[]).includes(value);
}

export function isWorkOrderStatus(value: string | null | undefined): value is WorkOrderStatus {
  return (WORK_ORDER_STATUSES as readonly (string | null | undefined)[]).includes(value);
}

export function isPriority(value: string | null | undefined): value is Priority {
  return (PRIORITIES as readonly (string | null | undefined)[]).includes(value);
}
