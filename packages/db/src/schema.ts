/**
 * The one schema of Aftercare. Every table carries `tenant_id`, and every primary key, unique
 * constraint and foreign key includes it, so a distributed PostgreSQL (Citus) can shard by tenant
 * (R-NF-05). Written to the PostgreSQL 15 subset (PGlite is 18): no uuidv7(), no MERGE … RETURNING.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts, tenantId } from './columns';

export const tenants = pgTable(
  'tenants',
  {
    tenantId: uuid('tenant_id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    locale: text('locale').notNull().default('zh-CN'),
    preset: text('preset').notNull(),
    policy: jsonb('policy').notNull(),
    /** Set only by the demo seed: demo logins work only in such a tenant. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_code_uq').on(t.code)],
);

export const users = pgTable(
  'users',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    phone: text('phone'),
    /** For portal users: the customer record the account belongs to. */
    customerId: uuid('customer_id'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('users_username_uq').on(t.tenantId, t.username),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
  ],
);

/** Failed-login counters per tenant and user name: repeated failures are slowed down. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    tenantId: tenantId(),
    username: text('username').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: ts('last_failure_at'),
    lockedUntil: ts('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.username] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

export const customers = pgTable(
  'customers',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(), // person | organisation
    name: text('name').notNull(),
    /** Pinyin search/sort key (PGlite has no zh collation): full pinyin and initials. */
    nameKey: text('name_key').notNull(),
    contactName: text('contact_name'),
    /** Phones in E.164, the first is the primary. */
    phones: text('phones').array().notNull(),
    email: text('email'),
    organisation: text('organisation'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    index('customers_name_key_idx').on(t.tenantId, t.nameKey),
  ],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district'),
    line: text('line').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('customer_addresses_customer_idx').on(t.tenantId, t.customerId),
  ],
);

export const productLines = pgTable(
  'product_lines',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Service priority category (R-WAR-05): own | partner | partner_sold | competitor. */
    category: text('category').notNull().default('own'),
    warrantyMonths: integer('warranty_months'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('product_lines_code_uq').on(t.tenantId, t.code),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

export const productModels = pgTable(
  'product_models',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    productLineId: uuid('product_line_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    warrantyMonths: integer('warranty_months'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('product_models_code_uq').on(t.tenantId, t.code),
    foreignKey({
      columns: [t.tenantId, t.productLineId],
      foreignColumns: [productLines.tenantId, productLines.id],
    }),
  ],
);

export const units = pgTable(
  'units',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    modelId: uuid('model_id').notNull(),
    serialNumber: text('serial_number').notNull(),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    proofOfPurchase: text('proof_of_purchase'),
    ownerId: uuid('owner_id').notNull(),
    addressId: uuid('address_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('units_serial_uq').on(t.tenantId, t.serialNumber),
    foreignKey({
      columns: [t.tenantId, t.modelId],
      foreignColumns: [productModels.tenantId, productModels.id],
    }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('units_owner_idx').on(t.tenantId, t.ownerId),
  ],
);

export const serviceRequests = pgTable(
  'service_requests',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    customerId: uuid('customer_id').notNull(),
    unitId: uuid('unit_id'),
    addressId: uuid('address_id'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    problem: text('problem').notNull(),
    problemStartedAt: ts('problem_started_at'),
    safetyHazard: boolean('safety_hazard').notNull().default(false),
    reporterId: uuid('reporter_id').notNull(),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewReason: text('review_reason'),
    workOrderId: uuid('work_order_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('service_requests_number_uq').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('service_requests_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('service_requests_customer_idx').on(t.tenantId, t.customerId),
  ],
);

export const workOrders = pgTable(
  'work_orders',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    requestId: uuid('request_id').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    customerId: uuid('customer_id').notNull(),
    unitId: uuid('unit_id'),
    assigneeId: uuid('assignee_id'),
    problem: text('problem').notNull(),
    /** Latest recorded data of each step (assessment, completion …), keyed by action. */
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('work_orders_number_uq').on(t.tenantId, t.number),
    foreignKey({
      columns: [t.tenantId, t.requestId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.assigneeId], foreignColumns: [users.tenantId, users.id] }),
    index('work_orders_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('work_orders_assignee_idx').on(t.tenantId, t.assigneeId),
    index('work_orders_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/** Each move of a work order: who, when, why (R-WO-01). */
export const workOrderTransitions = pgTable(
  'work_order_transitions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id').notNull(),
    reason: text('reason'),
    payload: jsonb('payload'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    index('work_order_transitions_order_idx').on(t.tenantId, t.workOrderId, t.at),
  ],
);

/** Append-only audit trail (R-NF-02); a trigger refuses UPDATE and DELETE. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    channel: text('channel'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    index('audit_entries_entity_idx').on(t.tenantId, t.entityType, t.entityId, t.seq),
  ],
);

/** Domain events written in the same transaction as the change; relayed by a job later. */
export const outbox = pgTable(
  'outbox',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    publishedAt: ts('published_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    index('outbox_unpublished_idx').on(t.tenantId, t.publishedAt, t.seq),
  ],
);

/** A retried POST with the same Idempotency-Key returns the first result. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.key] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

/** Per-tenant daily sequences of the human-readable numbers (SR-…, WO-…). */
export const counters = pgTable(
  'counters',
  {
    tenantId: tenantId(),
    kind: text('kind').notNull(),
    day: text('day').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.day] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);
