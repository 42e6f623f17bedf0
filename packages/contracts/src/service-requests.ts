import { z } from 'zod';
import { CHANNELS, PRIORITIES, REQUEST_STATUSES, REQUEST_TYPES } from '@aftercare/domain';
import { pageQuery } from './common';
import { customerInput, unitInput } from './master-data';
import { bilingual, repeatView, triageView } from './lifecycle';
import { slaClockView, slaFilter } from './sla';

const always = () => true;

/** R-IN-03: a request records the customer, the product, the problem and when it began. */
export const createServiceRequestBody = z
  .object({
    channel: z.enum(CHANNELS),
    type: z.enum(REQUEST_TYPES),
    /** Asked-for priority; triage decides (type default when absent, urgent on a hazard — R-IN-04). */
    priority: z.enum(PRIORITIES).optional(),
    customerId: z.uuid().optional(),
    customer: customerInput.optional(),
    unitId: z.uuid().optional(),
    unit: unitInput.optional(),
    addressId: z.uuid().optional(),
    contactName: z.string().max(100).optional(),
    contactPhone: z.string().max(32).optional(),
    problem: z.string().trim().min(2).max(4000),
    problemStartedAt: z.iso.datetime({ offset: true }).optional(),
    safetyHazard: z.boolean().default(false),
    /** R-IN-07 the store of the after-sales registration form (channel `store`). */
    storeName: z.string().trim().max(200).optional(),
  })
  // Cross-field rules run even when a field is already invalid, so every bad field is named at once.
  .refine((v) => has(v, 'customerId') || has(v, 'customer'), {
    path: ['customerId'],
    message: 'Give customerId or a new customer.',
    when: always,
  })
  .refine((v) => !(has(v, 'customerId') && has(v, 'customer')), {
    path: ['customer'],
    message: 'Give either customerId or customer, not both.',
    when: always,
  })
  .refine((v) => !(has(v, 'unitId') && has(v, 'unit')), {
    path: ['unit'],
    message: 'Give either unitId or unit, not both.',
    when: always,
  })
  .refine((v) => !needsProduct(v) || has(v, 'unitId') || has(v, 'unit'), {
    path: ['unitId'],
    message: 'This request type needs the product (unitId or unit).',
    when: always,
  });

function has(v: unknown, key: string): boolean {
  return typeof v === 'object' && v !== null && Boolean((v as Record<string, unknown>)[key]);
}
/** Consultations and complaints may come without a product; every other type names it (R-IN-03). */
function needsProduct(v: unknown): boolean {
  const type = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).type : undefined;
  return type !== 'consultation' && type !== 'complaint';
}

export const serviceRequestView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    channel: z.enum(CHANNELS),
    type: z.enum(REQUEST_TYPES),
    status: z.enum(REQUEST_STATUSES),
    priority: z.enum(PRIORITIES),
    customer: z.object({ id: z.uuid(), name: z.string(), phoneMasked: z.string() }),
    unit: z.object({ id: z.uuid(), serialNumber: z.string(), model: z.string() }).nullable(),
    problem: z.string(),
    problemStartedAt: z.string().nullable(),
    safetyHazard: z.boolean(),
    workOrderId: z.uuid().nullable(),
    reviewReason: z.string().nullable(),
    /** Who recorded it: the agent, the store's sales guide (R-IN-07) or the portal customer. */
    reporterId: z.uuid(),
    /** R-IN-04 advice to stop using the product, shown at once on a safety hazard. */
    stopUseAdvice: bilingual.nullable(),
    triage: triageView.nullable(),
    /** R-IN-08 the earlier request this one repeats (same unit and symptom within the window). */
    repeatOfId: z.uuid().nullable(),
    isRepeat: z.boolean(),
    repeat: repeatView.nullable(),
    storeName: z.string().nullable(),
    /** R-IN-06 the answer that closed a consultation. */
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The request's SLA clocks (response, review, answer, forwarding …). */
    sla: z.array(slaClockView),
  })
  .meta({ id: 'ServiceRequest' });

export const serviceRequestListQuery = pageQuery.extend({
  status: z.enum(REQUEST_STATUSES).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  q: z.string().max(100).optional(),
  sla: slaFilter.optional(),
});

export const reviewBody = z.object({ eligible: z.boolean(), reason: z.string().max(2000).optional() });
export const reviewResponse = z.object({ request: serviceRequestView, workOrderId: z.uuid().nullable() });
