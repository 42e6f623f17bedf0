// Dispatch (R-DIS-03, R-DIS-04, R-WO-02, R-WO-04): assignment proposals, assignment, day plans.
import { z } from 'zod';
import { isoDateTime, localDate, uuid } from './common';
import { workOrderDetail } from './work-orders';

export const REJECTION_CODES = [
  'SKILL_MISSING',
  'SKILL_LEVEL_LOW',
  'CERTIFICATE_MISSING',
  'CERTIFICATE_EXPIRED',
  'ASSESSMENT_NOT_PASSED',
  'OFF_SHIFT',
  'ON_LEAVE',
  'SLOT_TAKEN',
  'OUTSIDE_SERVICE_AREA',
  'WEEKDAY_NOT_ALLOWED',
  'CUSTOMER_REST_TIME',
  'NO_COMMON_TIME',
  'VAN_FULL',
  'NO_TECHNICIAN_ON_SHIFT',
  'NO_FEASIBLE_ROUTE',
] as const;
const rejectionCode = z.enum(REJECTION_CODES);
const rejection = z.object({ code: rejectionCode, detail: z.string() });
const sentence = z.object({ zh: z.string(), en: z.string() });

export const slotQuery = z
  .object({ slotStart: isoDateTime, slotEnd: isoDateTime })
  .refine((q) => Date.parse(q.slotEnd) > Date.parse(q.slotStart), {
    message: 'The slot ends after it starts',
    path: ['slotEnd'],
  });

export const proposalFacts = z.object({
  distanceKm: z.number(),
  travelMinutes: z.number(),
  /** Earliest possible service start within the slot. */
  startAt: isoDateTime,
  shiftEndsAt: isoDateTime.nullable(),
  jobsToday: z.number().int(),
  slaSlackMinutes: z.number().nullable(),
  skillLevel: z.number().int(),
});
export const proposalView = z.object({
  technicianId: uuid,
  name: z.string(),
  /** 0–100, higher is better. */
  score: z.number(),
  facts: proposalFacts,
  explanation: sentence,
  overridden: z.array(z.object({ code: rejectionCode, reason: z.string() })),
});
export const proposalsView = z
  .object({
    workOrderId: uuid,
    slotStart: isoDateTime,
    slotEnd: isoDateTime,
    visit: z.object({
      productLineId: uuid,
      latitude: z.number(),
      longitude: z.number(),
      serviceMinutes: z.number().int(),
      slaDeadline: isoDateTime.nullable(),
      serviceCentreId: uuid.nullable(),
      distanceFromCentreKm: z.number().nullable(),
    }),
    proposals: z.array(proposalView),
    rejected: z.array(z.object({ technicianId: uuid, name: z.string(), rejections: z.array(rejection) })),
  })
  .meta({ id: 'AssignmentProposals' });

export const assignBody = z
  .object({
    technicianId: uuid,
    slotStart: isoDateTime,
    slotEnd: isoDateTime,
    /** Mandatory to set aside the hard rules that exclude this technician (supervisor, audited). */
    overrideReason: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((b) => Date.parse(b.slotEnd) > Date.parse(b.slotStart), {
    message: 'The slot ends after it starts',
    path: ['slotEnd'],
  });
export const assignmentView = z
  .object({
    workOrder: workOrderDetail,
    assignment: z.object({
      technicianId: uuid,
      slotStart: isoDateTime,
      slotEnd: isoDateTime,
      /** The work-order move used: `schedule` (not yet booked) or `dispatch` (already booked). */
      move: z.enum(['schedule', 'dispatch']),
      /** Rank among the proposals (1 = best), null when a hard rule was overridden. */
      rank: z.number().int().nullable(),
      score: z.number().nullable(),
      explanation: sentence.nullable(),
      overridden: z.array(rejection),
      overrideReason: z.string().nullable(),
      distanceFromCentreKm: z.number().nullable(),
    }),
  })
  .meta({ id: 'Assignment' });

export const planCreateBody = z.object({ serviceCentreId: uuid, date: localDate });
export const PLAN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
const plannedStop = z.object({
  workOrderId: uuid,
  number: z.string(),
  arrival: isoDateTime,
  start: isoDateTime,
  end: isoDateTime,
  travelMinutes: z.number(),
  distanceKm: z.number(),
  lateMinutes: z.number(),
});
export const planView = z
  .object({
    id: uuid,
    serviceCentreId: uuid,
    date: localDate,
    status: z.enum(PLAN_STATUSES),
    /** 0–100 while the job runs. */
    progress: z.number().int(),
    parentId: uuid.nullable(),
    change: z.unknown().nullable(),
    routes: z.array(
      z.object({
        technicianId: uuid,
        name: z.string(),
        stops: z.array(plannedStop),
        distanceKm: z.number(),
        travelMinutes: z.number(),
        returnAt: isoDateTime,
      }),
    ),
    unplanned: z.array(
      z.object({ workOrderId: uuid, number: z.string(), reason: rejectionCode, detail: z.string() }),
    ),
    totals: z
      .object({
        planned: z.number().int(),
        unplanned: z.number().int(),
        distanceKm: z.number(),
        travelMinutes: z.number(),
        lateVisits: z.number().int(),
        lateMinutes: z.number(),
      })
      .nullable(),
    /** Re-plans: visits that changed technician (to null: now unplanned). */
    moved: z.array(z.object({ workOrderId: uuid, from: uuid, to: uuid.nullable() })),
    error: z.string().nullable(),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    publishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'DayPlan' });

export const replanBody = z.object({
  change: z.discriminatedUnion('kind', [
    /** An urgent (or any) order joins the day. */
    z.object({ kind: z.literal('order_added'), workOrderId: uuid }),
    /** A technician drops out (sick leave…). */
    z.object({ kind: z.literal('technician_out'), technicianId: uuid }),
  ]),
});

export const checkBody = z.object({
  /** The routes as the board arranges them after a drag: each technician's orders in visit order. */
  moves: z
    .array(z.object({ technicianId: uuid, workOrderIds: z.array(uuid).max(200) }))
    .min(1)
    .max(200),
});
export const checkView = z.object({
  feasible: z.boolean(),
  routes: z.array(
    z.object({
      technicianId: uuid,
      feasible: z.boolean(),
      stops: z.array(plannedStop),
      violations: z.array(
        z.object({
          workOrderId: uuid.nullable(),
          code: z.union([rejectionCode, z.literal('LATE')]),
          detail: z.string(),
        }),
      ),
    }),
  ),
});

export const publishView = z.object({
  plan: planView,
  applied: z.array(
    z.object({ workOrderId: uuid, technicianId: uuid, move: z.enum(['schedule', 'dispatch']) }),
  ),
  skipped: z.array(z.object({ workOrderId: uuid, reason: z.string() })),
});
