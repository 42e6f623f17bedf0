/**
 * SLA clocks (时效) of requests and work orders (R-NF-01, R-IN-04…09, R-WO-03/10/11, R-FUP-01).
 * `clock` holds the domain's SlaClock value; the columns beside it are what lists filter and the
 * watcher job scans: deadline, when the warning falls due, next alert.
 */
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './schema';
import { ts } from './columns';

export const slaClocks = pgTable(
  'sla_clocks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    subjectType: text('subject_type').notNull(), // service_request | work_order
    subjectId: uuid('subject_id').notNull(),
    targetKey: text('target_key').notNull(),
    /** running | paused | stopped | cancelled */
    status: text('status').notNull(),
    /** met | breached, once stopped */
    outcome: text('outcome'),
    startedAt: ts('started_at').notNull(),
    deadline: ts('deadline').notNull(),
    /** When the used share reaches the warning share (running clocks). */
    warnAt: ts('warn_at'),
    /** When the watcher must look next; null when nothing can fall due. */
    nextAlertAt: ts('next_alert_at'),
    warningRecordedAt: ts('warning_recorded_at'),
    breachRecordedAt: ts('breach_recorded_at'),
    clock: jsonb('clock').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    index('sla_clocks_subject_idx').on(t.tenantId, t.subjectType, t.subjectId),
    index('sla_clocks_next_alert_idx').on(t.nextAlertAt),
    index('sla_clocks_deadline_idx').on(t.tenantId, t.status, t.deadline),
  ],
);
