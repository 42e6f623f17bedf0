import { z } from 'zod';
import { PRIORITIES, REQUEST_TYPES, WORK_ORDER_STATUSES } from '@aftercare/domain';
import { pageQuery } from './common';
import { assessmentFields, quoteSummaryView, warrantyView } from './lifecycle';
import { slaClockView, slaFilter } from './sla';
import { repairRecordFields } from './fieldwork';

export const workOrderSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(WORK_ORDER_STATUSES),
    priority: z.enum(PRIORITIES),
    requestType: z.enum(REQUEST_TYPES),
    customer: z.object({ id: z.uuid(), name: z.string(), phoneMasked: z.string() }),
    product: z.object({ model: z.string(), serialNumber: z.string() }).nullable(),
    assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** SLA clocks of the order and of its request, evaluated now. */
    sla: z.array(slaClockView),
  })
  .meta({ id: 'WorkOrderSummary' });

export const transitionView = z.object({
  action: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.string(),
  actorId: z.uuid(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
});

export const workOrderDetail = workOrderSummary
  .extend({
    requestId: z.uuid(),
    requestNumber: z.string(),
    problem: z.string(),
    details: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    closedAt: z.string().nullable(),
    /** The actions the caller may take now (R-WO-01, R-ROLE-03). */
    allowedActions: z.array(z.string()),
    transitions: z.array(transitionView),
    /** R-WAR-01…05 the warranty decision in force (computed at assessment, or overridden). */
    warranty: warrantyView.nullable(),
    /** R-FEE-01 the latest quote and its decision. */
    quote: quoteSummaryView.nullable(),
  })
  .meta({ id: 'WorkOrder' });

export const workOrderListQuery = pageQuery.extend({
  status: z
    .union([z.enum(WORK_ORDER_STATUSES), z.array(z.enum(WORK_ORDER_STATUSES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  priority: z.enum(PRIORITIES).optional(),
  assigneeId: z.uuid().optional(),
  q: z.string().max(100).optional(),
  sla: slaFilter.optional(),
});

/** Bodies of the first-slice moves. Later issues add the data of the other moves. */
// R-WAR-01 the assessment; the warranty decision is computed from it (lifecycle.ts).
export const assessBody = z.object({
  ...assessmentFields,
  assigneeId: z.uuid().optional(),
  reason: z.string().max(2000).optional(),
});
export const startRepairBody = z.object({
  note: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional(),
});
export const completeBody = z.object({
  workDone: z.string().trim().min(1).max(4000),
  testResult: z.string().trim().min(1).max(2000),
  reason: z.string().max(2000).optional(),
  /** The repair record of R-WO-07/R-WO-09 (fieldwork.ts). */
  ...repairRecordFields,
});
export const closeBody = z.object({ reason: z.string().max(2000).optional() });
export const cancelBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const auditEntryView = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    entityType: z.string(),
    entityId: z.uuid(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    channel: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const auditQuery = pageQuery.extend({ entityType: z.string().min(1).max(50), entityId: z.uuid() });
