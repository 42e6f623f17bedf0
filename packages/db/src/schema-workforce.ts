/**
 * The workforce and dispatch (R-DIS-01…04): service centres (the base technicians start from),
 * technician profiles (skills per product line, certificates, annual assessment, home base, service
 * area, van), weekly shift patterns and dated exceptions (on-call rotation included), leave
 * requests, and the day plans computed by the planning job.
 */
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants, users } from './schema';
import { ts, tenantId } from './columns';

/** A service centre: where technicians start from, with the area it serves. */
export const serviceCentres = pgTable(
  'service_centres',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** Radius of the area whose unbooked orders the centre plans. */
    serviceRadiusKm: doublePrecision('service_radius_km').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

/**
 * A technician as dispatch sees them (R-DIS-01), one per user with the technician role.
 * `skills`: [{productLineId, level 1–5}]; `certificates`: [{code, productLineId, expiresOn}].
 */
export const technicianProfiles = pgTable(
  'technician_profiles',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    serviceCentreId: uuid('service_centre_id').notNull(),
    skills: jsonb('skills').notNull(),
    certificates: jsonb('certificates').notNull(),
    assessmentPassed: boolean('assessment_passed').notNull(),
    assessmentDate: date('assessment_date', { mode: 'string' }),
    homeLatitude: doublePrecision('home_latitude').notNull(),
    homeLongitude: doublePrecision('home_longitude').notNull(),
    serviceAreaLatitude: doublePrecision('service_area_latitude'),
    serviceAreaLongitude: doublePrecision('service_area_longitude'),
    serviceAreaRadiusKm: doublePrecision('service_area_radius_km'),
    vanCapacity: integer('van_capacity').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceCentreId],
      foreignColumns: [serviceCentres.tenantId, serviceCentres.id],
    }),
    index('technician_profiles_centre_idx').on(t.tenantId, t.serviceCentreId),
  ],
);

/**
 * Shifts (R-DIS-02): a weekly template (`weekday` 0 = Sunday … 6, `date` null) or a dated exception
 * (`date` set, `weekday` null) that replaces the template of that day; `kind` regular | on_call | off
 * (an `off` exception clears the day). Times are local "HH:MM" of the tenant's zone.
 */
export const shifts = pgTable(
  'shifts',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    serviceCentreId: uuid('service_centre_id').notNull(),
    technicianId: uuid('technician_id').notNull(),
    weekday: integer('weekday'),
    date: date('date', { mode: 'string' }),
    kind: text('kind').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceCentreId],
      foreignColumns: [serviceCentres.tenantId, serviceCentres.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.technicianId],
      foreignColumns: [technicianProfiles.tenantId, technicianProfiles.userId],
    }),
    index('shifts_technician_idx').on(t.tenantId, t.technicianId),
    index('shifts_centre_idx').on(t.tenantId, t.serviceCentreId),
  ],
);

/** Leave (R-DIS-02): requested ahead by the policy's notice, decided by a supervisor. */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    technicianId: uuid('technician_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    /** requested | approved | rejected | cancelled */
    status: text('status').notNull(),
    /** Set when a supervisor let a request with less than the policy's notice through. */
    shortNoticeReason: text('short_notice_reason'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.technicianId],
      foreignColumns: [technicianProfiles.tenantId, technicianProfiles.userId],
    }),
    index('leave_requests_technician_idx').on(t.tenantId, t.technicianId, t.startsAt),
  ],
);

/**
 * A day plan of a service centre (R-DIS-04), computed by the `dispatch-plan` job: status
 * queued | running | done | failed with progress 0–100; `input` is the snapshot the optimiser saw
 * (re-planning and the board's checks use it), `result` the routes and unplanned visits.
 */
export const dispatchPlans = pgTable(
  'dispatch_plans',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    serviceCentreId: uuid('service_centre_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    /** The plan this one re-plans, and the change that called for it. */
    parentId: uuid('parent_id'),
    change: jsonb('change'),
    input: jsonb('input'),
    result: jsonb('result'),
    moved: jsonb('moved'),
    error: text('error'),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceCentreId],
      foreignColumns: [serviceCentres.tenantId, serviceCentres.id],
    }),
    index('dispatch_plans_centre_idx').on(t.tenantId, t.serviceCentreId, t.date),
  ],
);
