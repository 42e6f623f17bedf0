import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { followUpTaskFor, type Policy } from '@aftercare/domain';
import {
  complaints,
  followUpTasks,
  surveys,
  workOrderTransitions,
  workOrders,
  type Executor,
} from '@aftercare/db';
import { enqueueEvent, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { nextDocumentNumber } from '../numbers';
import { unwrap } from '../guards';
import { followUpCalendar } from './calendars';

export type FieldworkOrder = typeof workOrders.$inferSelect;
export type ComplaintSource = 'acceptance_rejected' | 'survey_low_score' | 'follow_up_call' | 'manual';

/** Free second services the order has had: every move into `rework` (R-WO-08). */
export async function reworkCount(db: Executor, tenantId: string, workOrderId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(workOrderTransitions)
    .where(
      and(
        eq(workOrderTransitions.tenantId, tenantId),
        eq(workOrderTransitions.workOrderId, workOrderId),
        eq(workOrderTransitions.toStatus, 'rework'),
      ),
    );
  return row?.n ?? 0;
}

/**
 * R-WO-08 / R-FUP-02: a minimal complaint linked to the order, status `open`; the complaints issue
 * (R-CMP) grows it. Numbered CP-<local day>-NNNN per tenant.
 */
export async function openComplaint(
  tx: Executor,
  meta: CommandMeta,
  order: FieldworkOrder,
  input: { source: ComplaintSource; description: string },
  timeZone: string,
  now: Date,
) {
  const row = {
    tenantId: order.tenantId,
    id: randomUUID(),
    number: await nextDocumentNumber(tx, order.tenantId, 'CP', now, timeZone),
    workOrderId: order.id,
    customerId: order.customerId,
    source: input.source,
    status: 'open',
    description: input.description,
    createdAt: now,
    createdBy: meta.actor.userId,
  };
  await tx.insert(complaints).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'complaint',
    entityId: row.id,
    action: 'complaint.open',
    after: row,
  });
  await enqueueEvent(tx, order.tenantId, now, {
    type: 'ComplaintOpened',
    aggregateType: 'complaint',
    aggregateId: row.id,
    payload: { number: row.number, workOrderId: order.id, workOrderNumber: order.number, source: row.source },
  });
  return row;
}

/**
 * R-FUP-01 and R-FUP-02 at completion: the follow-up call task due after the policy's call target
 * on the tenant's calendar, and a survey link with a random token.
 */
export async function createFollowUpAndSurvey(
  tx: Executor,
  meta: CommandMeta,
  order: FieldworkOrder,
  policy: Policy,
  now: Date,
) {
  const task = unwrap(followUpTaskFor(order.id, now, policy, followUpCalendar(order.tenantId, policy)));
  const taskRow = {
    tenantId: order.tenantId,
    id: randomUUID(),
    workOrderId: order.id,
    kind: task.kind,
    status: 'open',
    targetKey: task.targetKey,
    dueAt: task.dueAt,
    completedAt: now,
    attempts: [],
    result: null,
    doneAt: null,
    doneBy: null,
    createdAt: now,
  };
  await tx.insert(followUpTasks).values(taskRow);
  const surveyRow = {
    tenantId: order.tenantId,
    id: randomUUID(),
    workOrderId: order.id,
    token: randomBytes(24).toString('base64url'),
    createdAt: now,
  };
  await tx.insert(surveys).values(surveyRow);
  await writeAudit(tx, meta, now, {
    entityType: 'follow_up_task',
    entityId: taskRow.id,
    action: 'follow_up_task.create',
    after: taskRow,
  });
  await enqueueEvent(tx, order.tenantId, now, {
    type: 'FollowUpDue',
    aggregateType: 'work_order',
    aggregateId: order.id,
    payload: { taskId: taskRow.id, dueAt: task.dueAt.toISOString(), surveyId: surveyRow.id },
  });
  // The survey link goes out by SMS / e-mail (R-FUP-02); the sender reads the token from this event.
  await enqueueEvent(tx, order.tenantId, now, {
    type: 'SurveyLinkCreated',
    aggregateType: 'work_order',
    aggregateId: order.id,
    payload: { surveyId: surveyRow.id, token: surveyRow.token, path: `/survey/${surveyRow.token}` },
  });
}

/** Open follow-up tasks of an order are cancelled when the order goes back to rework or to a complaint. */
export async function cancelOpenFollowUps(tx: Executor, tenantId: string, workOrderId: string) {
  await tx
    .update(followUpTasks)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(followUpTasks.tenantId, tenantId),
        eq(followUpTasks.workOrderId, workOrderId),
        eq(followUpTasks.status, 'open'),
      ),
    );
}
