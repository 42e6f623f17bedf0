import { z } from 'zod';
import { isoDateTime, pageQuery } from './common';

/** Longest signature image accepted, in characters of its data URL (≈ 384 KiB of PNG). */
export const SIGNATURE_DATA_URL_MAX = 512 * 1024;

/** A signature drawn on screen: a PNG data URL (R-WO-07, R-WO-08). Its bytes are sniffed on the server. */
export const signatureDataUrl = z
  .string()
  .max(SIGNATURE_DATA_URL_MAX, 'A signature image is at most 512 KiB as a data URL')
  .regex(
    /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/,
    'A signature is a PNG data URL (data:image/png;base64,…)',
  );

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().max(2000).optional();
const reason = z.string().max(2000).optional();

/** R-WO-02: the booked visit slot and where. */
export const scheduleBody = z
  .object({
    slotStart: isoDateTime,
    slotEnd: isoDateTime,
    address: text(500),
    contactPhone: z.string().trim().max(40).optional(),
    /** R-WO-03: which on-site target the SLA clock counts (by zone, or by distance from the base). */
    zone: z.enum(['urban', 'suburban']).optional(),
    distanceKm: z.number().int().min(0).max(20_000).optional(),
    note,
    reason,
  })
  .refine((b) => Date.parse(b.slotEnd) > Date.parse(b.slotStart), {
    message: 'The slot ends after it starts',
    path: ['slotEnd'],
  });

/** The technician sent (R-WO-02). */
export const dispatchBody = z.object({ assigneeId: z.uuid(), note, reason });
export const departBody = z.object({ note, reason });
export const arriveBody = z.object({ note, reason });

/** R-WO-06: the product goes to the workshop; the customer keeps the receipt. */
export const takeToWorkshopBody = z.object({
  receiptNumber: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and dashes'),
  items: text(1000),
  reason,
});

/** R-WO-06: the product is back; the receipt is collected and the customer signs. */
export const returnFromWorkshopBody = z.object({
  receiptNumber: z.string().trim().min(1).max(40),
  receiptCollected: z.literal(true, 'The receipt must be collected back'),
  customerSignature: signatureDataUrl,
  note,
  reason,
});

export const partReplaced = z.object({
  name: text(200),
  partNumber: z.string().trim().max(100).optional(),
  quantity: z.number().int().min(1).max(10_000),
});

/**
 * The repair record of R-WO-07 with the whole-product check and the other-faults question of
 * R-WO-09, added to the `complete` move. `workDone` and `testResult` are required; the rest is
 * recorded when given (the service report shows what was recorded).
 */
export const repairRecordFields = {
  symptom: z.string().trim().max(2000).optional(),
  appearanceCheck: z.string().trim().max(2000).optional(),
  powerOnTest: z.string().trim().max(2000).optional(),
  instrumentTest: z.string().trim().max(2000).optional(),
  cause: z.string().trim().max(2000).optional(),
  plan: z.string().trim().max(2000).optional(),
  partsReplaced: z.array(partReplaced).max(100).optional(),
  wholeProductCheck: z.string().trim().max(2000).optional(),
  otherFaultsAsked: z.boolean().optional(),
  otherFaults: z.string().trim().max(2000).optional(),
  technicianSignature: signatureDataUrl.optional(),
};

/** R-WO-08: acceptance with the function and appearance checks and the customer's signature. */
export const acceptBody = z.object({
  functionTestOk: z.boolean(),
  appearanceOk: z.boolean(),
  customerSignature: signatureDataUrl,
  comment: z.string().max(2000).optional(),
  reason,
});

/** R-WO-08: the customer is not satisfied: a free second service, or a complaint when it was already given. */
export const rejectAcceptanceBody = z.object({
  reason: text(2000),
  functionTestOk: z.boolean().optional(),
  appearanceOk: z.boolean().optional(),
});
export const requestReworkBody = z.object({ reason: text(2000) });
export const escalateBody = z.object({ reason: text(2000) });
export const declareNotRepairableBody = z.object({
  reason: text(2000),
  handoff: z.enum(['exchange', 'refund']),
});

/** R-FUP-01: the follow-up call. */
export const followUpCallBody = z.discriminatedUnion('reached', [
  z.object({
    reached: z.literal(true).default(true),
    satisfaction: z.number().int().min(1).max(5),
    productRunning: z.boolean(),
    suggestions: z.string().max(2000).optional(),
    otherFaults: z.string().max(2000).optional(),
  }),
  z.object({ reached: z.literal(false), note: z.string().max(2000).optional() }),
]);
/** The same body on the work order move, where the customer was reached. */
export const followUpMoveBody = z.object({
  satisfaction: z.number().int().min(1).max(5),
  productRunning: z.boolean(),
  suggestions: z.string().max(2000).optional(),
  otherFaults: z.string().max(2000).optional(),
  reason,
});

export const followUpTaskView = z
  .object({
    id: z.uuid(),
    workOrderId: z.uuid(),
    workOrderNumber: z.string(),
    customerName: z.string(),
    status: z.enum(['open', 'done', 'cancelled']),
    targetKey: z.string(),
    dueAt: z.string(),
    completedAt: z.string(),
    overdue: z.boolean(),
    attempts: z.array(z.object({ calledAt: z.string(), note: z.string().nullable(), by: z.uuid() })),
    result: z.record(z.string(), z.unknown()).nullable(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: 'FollowUpTask' });

export const followUpListQuery = pageQuery.extend({
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  /** Tasks due at or before this instant (e.g. the end of today). */
  due: isoDateTime.optional(),
});

export const followUpRecordResult = z.object({
  task: followUpTaskView,
  outcome: z.enum(['none', 'open_rework', 'open_complaint']),
  workOrderStatus: z.string(),
});

/** R-FUP-02: what the public survey page shows: no personal data. */
export const surveyPublicView = z
  .object({
    orderNumber: z.string(),
    product: z.string().nullable(),
    completedOn: z.string().nullable(),
    answered: z.boolean(),
    items: z.array(z.enum(['responseTime', 'onSiteTime', 'repairResult', 'attitude'])),
  })
  .meta({ id: 'SurveyPublic' });

const score = z.number().int().min(0).max(100);
export const surveyAnswerBody = z.object({
  responseTime: score,
  onSiteTime: score,
  repairResult: score,
  attitude: score,
  comment: z.string().max(2000).optional(),
});
export const surveyAnswerResult = z.object({
  overall: z.number().int(),
  meetsTarget: z.boolean(),
  thankYou: z.literal(true),
});
export const tokenParams = z.object({ token: z.string().min(16).max(100) });

export const attachmentView = z
  .object({
    id: z.uuid(),
    workOrderId: z.uuid().nullable(),
    requestId: z.uuid().nullable(),
    purpose: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.uuid(),
    createdAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });
export const attachmentList = z.object({ items: z.array(attachmentView) });
export const attachmentHeaders = z.object({ 'x-file-name': z.string().min(1).max(255) });

export const serviceReportQuery = z.object({ lang: z.enum(['zh', 'zh-CN', 'en']).optional() });
