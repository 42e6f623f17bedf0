// Workforce (R-DIS-01, R-DIS-02): service centres, technician profiles, shifts and leave.
import { z } from 'zod';
import { isoDateTime, localDate, pageOf, pageQuery, uuid } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
/** Local clock time "HH:MM" (24:00 allowed as an end). */
const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM');
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const serviceCentreBody = z.object({
  name: text(200),
  address: text(500),
  latitude,
  longitude,
  /** Area whose unbooked orders the centre's day plan takes in. */
  serviceRadiusKm: z.number().positive().max(5000),
});
export const serviceCentrePatch = serviceCentreBody.partial().extend({ active: z.boolean().optional() });
export const serviceCentreView = serviceCentreBody
  .extend({
    id: uuid,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ServiceCentre' });
export const serviceCentreListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  active: boolQuery.optional(),
});
export const serviceCentrePage = pageOf(serviceCentreView);

export const skillEntry = z.object({ productLineId: uuid, level: z.number().int().min(1).max(5) });
export const certificateEntry = z.object({
  code: text(100),
  productLineId: uuid,
  /** Last local date on which the certificate is valid. */
  expiresOn: localDate,
});
const profileFields = {
  serviceCentreId: uuid,
  skills: z.array(skillEntry).max(50),
  certificates: z.array(certificateEntry).max(50),
  /** R-HR-02 annual technical assessment: passed, and when (valid for one year from that date). */
  assessment: z.object({ passed: z.boolean(), date: localDate.nullable() }),
  home: z.object({ latitude, longitude }),
  serviceArea: z.object({ latitude, longitude, radiusKm: z.number().positive().max(5000) }).nullable(),
  vanCapacity: z.number().int().min(0).max(1000),
};
export const technicianProfileBody = z.object({ userId: uuid, ...profileFields });
export const technicianProfilePatch = z
  .object(profileFields)
  .partial()
  .extend({ active: z.boolean().optional() });
export const technicianProfileView = z
  .object({
    userId: uuid,
    displayName: z.string(),
    ...profileFields,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'TechnicianProfile' });
export const technicianListQuery = pageQuery.extend({
  serviceCentreId: uuid.optional(),
  productLineId: uuid.optional(),
  active: boolQuery.optional(),
});
export const technicianPage = pageOf(technicianProfileView);
export const technicianParams = z.object({ userId: uuid });

export const SHIFT_KINDS = ['regular', 'on_call', 'off'] as const;
/**
 * A weekly template (`weekday` 0 = Sunday … 6) or a dated exception (`date`) that replaces the
 * templates of that day; `off` clears the day. On-call duty (`on_call`) is a shift too.
 */
export const shiftBody = z
  .object({
    technicianId: uuid,
    weekday: z.number().int().min(0).max(6).optional(),
    date: localDate.optional(),
    kind: z.enum(SHIFT_KINDS),
    start: clock.optional(),
    end: clock.optional(),
    note: z.string().max(500).optional(),
  })
  .refine((b) => (b.weekday === undefined) !== (b.date === undefined), {
    message: 'Give either a weekday (weekly template) or a date (exception)',
    path: ['weekday'],
  })
  .refine((b) => b.kind === 'off' || (b.start !== undefined && b.end !== undefined && b.start < b.end), {
    message: 'A working shift needs a start before its end',
    path: ['end'],
  });
export const shiftView = z
  .object({
    id: uuid,
    serviceCentreId: uuid,
    technicianId: uuid,
    technicianName: z.string(),
    weekday: z.number().int().nullable(),
    date: localDate.nullable(),
    kind: z.enum(SHIFT_KINDS),
    start: z.string().nullable(),
    end: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Shift' });
export const shiftListQuery = pageQuery.extend({
  technicianId: uuid.optional(),
  serviceCentreId: uuid.optional(),
  kind: z.enum(SHIFT_KINDS).optional(),
  /** Templates only, or exceptions only. */
  type: z.enum(['weekly', 'dated']).optional(),
});
export const shiftPage = pageOf(shiftView);
/** The shifts a technician actually works on a date (templates with that day's exceptions applied). */
export const rosterQuery = z.object({ serviceCentreId: uuid, date: localDate });
export const rosterView = z.object({
  serviceCentreId: uuid,
  date: localDate,
  technicians: z.array(
    z.object({
      technicianId: uuid,
      name: z.string(),
      shifts: z.array(
        z.object({ kind: z.enum(['regular', 'on_call']), start: isoDateTime, end: isoDateTime }),
      ),
      leave: z.array(z.object({ id: uuid, start: isoDateTime, end: isoDateTime })),
    }),
  ),
});

export const LEAVE_KINDS = ['annual', 'sick', 'personal', 'other'] as const;
export const LEAVE_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export const leaveBody = z
  .object({
    /** Defaults to the caller (a technician asks for themself). */
    technicianId: uuid.optional(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    kind: z.enum(LEAVE_KINDS),
    reason: text(1000),
    /** R-DIS-02: a supervisor lets a request with less than the policy's notice through, saying why. */
    shortNoticeReason: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: 'Leave ends after it starts',
    path: ['endsAt'],
  });
export const leaveDecisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().max(1000).optional(),
});
export const leaveView = z
  .object({
    id: uuid,
    technicianId: uuid,
    technicianName: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    kind: z.enum(LEAVE_KINDS),
    reason: z.string(),
    status: z.enum(LEAVE_STATUSES),
    shortNoticeReason: z.string().nullable(),
    requestedBy: uuid,
    requestedAt: isoDateTime,
    decidedBy: uuid.nullable(),
    decidedAt: isoDateTime.nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'LeaveRequest' });
export const leaveListQuery = pageQuery.extend({
  technicianId: uuid.optional(),
  status: z.enum(LEAVE_STATUSES).optional(),
  /** Leave that overlaps [from, to). */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export const leavePage = pageOf(leaveView);
