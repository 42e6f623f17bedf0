/**
 * The field work of a work order (R-WO-06…09, R-FUP-01/02, issue 4 item 6): attachments (photos,
 * videos, PDFs and signature images; the bytes live on disk, the metadata here), take-back receipts
 * of the workshop, follow-up call tasks, satisfaction surveys and the complaints a rework that failed
 * again opens. The repair record itself is the data of the `complete` move (work_order_transitions).
 */
import {
  bigint,
  boolean,
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
import { customers, serviceRequests, workOrders } from './schema';
import { ts, tenantId } from './columns';

/** A stored file of a work order or a service request; the bytes are at `<data>/attachments/<tenant>/<id>`. */
export const attachments = pgTable(
  'attachments',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id'),
    requestId: uuid('request_id'),
    /** photo | technician_signature | customer_signature | return_signature */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    /** The type detected from the content (never the client's claim). */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.requestId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    index('attachments_work_order_idx').on(t.tenantId, t.workOrderId, t.createdAt),
    index('attachments_request_idx').on(t.tenantId, t.requestId, t.createdAt),
  ],
);

/** R-WO-06: the receipt given to the customer when the product goes to the workshop, collected back on return. */
export const workshopReceipts = pgTable(
  'workshop_receipts',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    items: text('items').notNull(),
    takenAt: ts('taken_at').notNull(),
    takenBy: uuid('taken_by').notNull(),
    returnedAt: ts('returned_at'),
    returnedBy: uuid('returned_by'),
    /** The customer's signature on return (an attachment). */
    returnSignatureId: uuid('return_signature_id'),
    returnNote: text('return_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('workshop_receipts_number_uq').on(t.tenantId, t.receiptNumber),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.returnSignatureId],
      foreignColumns: [attachments.tenantId, attachments.id],
    }),
    index('workshop_receipts_order_idx').on(t.tenantId, t.workOrderId),
  ],
);

/** R-FUP-01: the follow-up call due after completion; calls not reached are kept as attempts. */
export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    kind: text('kind').notNull(),
    /** open | done | cancelled */
    status: text('status').notNull(),
    targetKey: text('target_key').notNull(),
    dueAt: ts('due_at').notNull(),
    completedAt: ts('completed_at').notNull(),
    attempts: jsonb('attempts').notNull(),
    result: jsonb('result'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    index('follow_up_tasks_due_idx').on(t.tenantId, t.status, t.dueAt),
    index('follow_up_tasks_order_idx').on(t.tenantId, t.workOrderId),
  ],
);

/** R-FUP-02: one survey link per completion; answered once. */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    /** Random, unguessable; the public link carries it. */
    token: text('token').notNull(),
    createdAt: ts('created_at').notNull(),
    answeredAt: ts('answered_at'),
    answers: jsonb('answers'),
    comment: text('comment'),
    overall: integer('overall'),
    meetsTarget: boolean('meets_target'),
    /** none | open_rework | open_complaint */
    outcome: text('outcome'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('surveys_token_uq').on(t.tenantId, t.token),
    // The public link knows only the token.
    index('surveys_token_idx').on(t.token),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
  ],
);

/** R-WO-08 / R-FUP-02: a complaint opened from an order; the complaints issue grows it (R-CMP). */
export const complaints = pgTable(
  'complaints',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    workOrderId: uuid('work_order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** acceptance_rejected | survey_low_score | follow_up_call | manual */
    source: text('source').notNull(),
    /** open (the complaints issue adds the rest of R-CMP-02) */
    status: text('status').notNull(),
    description: text('description').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('complaints_number_uq').on(t.tenantId, t.number),
    foreignKey({
      columns: [t.tenantId, t.workOrderId],
      foreignColumns: [workOrders.tenantId, workOrders.id],
    }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('complaints_order_idx').on(t.tenantId, t.workOrderId),
  ],
);
