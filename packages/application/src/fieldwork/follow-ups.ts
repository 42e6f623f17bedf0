import { and, asc, count, eq, lte } from 'drizzle-orm';
import {
  DomainError,
  TRANSITIONS,
  recordFollowUpCall,
  type Actor,
  type FollowUpOutcome,
  type WorkOrderStatus,
} from '@aftercare/domain';
import { customers, followUpTasks, workOrders, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';
import { getTenant } from '../tenants/tenants';
import { transitionWorkOrder } from '../work-orders/work-orders';
import { tenantPolicyOf } from './calendars';
import { openComplaint, reworkCount, type ComplaintSource, type FieldworkOrder } from './records';

type TaskRow = typeof followUpTasks.$inferSelect;
type Attempt = { calledAt: string; note: string | null; by: string };

function taskView(row: TaskRow, order: { number: string; customerName: string }, now: Date) {
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    workOrderNumber: order.number,
    customerName: order.customerName,
    status: row.status as 'open' | 'done' | 'cancelled',
    targetKey: row.targetKey,
    dueAt: row.dueAt.toISOString(),
    completedAt: row.completedAt.toISOString(),
    overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime(),
    attempts: row.attempts as Attempt[],
    result: (row.result as Record<string, unknown> | null) ?? null,
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

/** R-FUP-01: follow-up call tasks, earliest due first; `due` keeps those due by then. */
export async function listFollowUps(
  db: Executor,
  actor: Actor,
  query: {
    status?: 'open' | 'done' | 'cancelled' | undefined;
    due?: string | undefined;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  requirePermission(actor, 'work_order.follow_up');
  const where = and(
    eq(followUpTasks.tenantId, actor.tenantId),
    query.status ? eq(followUpTasks.status, query.status) : undefined,
    query.due ? lte(followUpTasks.dueAt, new Date(query.due)) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ task: followUpTasks, number: workOrders.number, customerName: customers.name })
      .from(followUpTasks)
      .innerJoin(
        workOrders,
        and(eq(workOrders.tenantId, followUpTasks.tenantId), eq(workOrders.id, followUpTasks.workOrderId)),
      )
      .innerJoin(
        customers,
        and(eq(customers.tenantId, workOrders.tenantId), eq(customers.id, workOrders.customerId)),
      )
      .where(where)
      .orderBy(asc(followUpTasks.dueAt), asc(followUpTasks.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(followUpTasks).where(where),
  ]);
  return {
    items: rows.map((r) => taskView(r.task, { number: r.number, customerName: r.customerName }, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export type FollowUpCallBody =
  | {
      reached: true;
      satisfaction: number;
      productRunning: boolean;
      suggestions?: string | undefined;
      otherFaults?: string | undefined;
    }
  | { reached: false; note?: string | undefined };

const legal = (action: keyof typeof TRANSITIONS, status: string) =>
  TRANSITIONS[action].from.includes(status as WorkOrderStatus);

/**
 * What an unsatisfied customer gets (R-FUP-02, R-WO-08), acted on the order: the free second service
 * (the request_rework move) or a complaint (the escalate move when the order's state allows it, else
 * the complaint record alone, e.g. on a closed order).
 */
export async function actOnOutcome(
  tx: Executor,
  meta: CommandMeta,
  orderId: string,
  outcome: FollowUpOutcome,
  source: ComplaintSource,
  reason: string,
  now: Date,
): Promise<void> {
  if (outcome === 'none') return;
  const [order] = await tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, meta.actor.tenantId), eq(workOrders.id, orderId)));
  if (!order) throw notFound('Work order');
  if (outcome === 'open_rework' && legal('request_rework', order.status)) {
    await transitionWorkOrder(tx, meta, orderId, { action: 'request_rework', reason }, now);
    return;
  }
  if (legal('escalate_to_complaint', order.status)) {
    await transitionWorkOrder(
      tx,
      meta,
      orderId,
      { action: 'escalate_to_complaint', reason, payload: { source } },
      now,
    );
    return;
  }
  const tenant = await getTenant(tx, order.tenantId);
  await openComplaint(
    tx,
    meta,
    order as FieldworkOrder,
    { source, description: reason },
    tenant.timeZone,
    now,
  );
}

/**
 * R-FUP-01: records the follow-up call of a task. A customer not reached is an attempt; a reached
 * one closes the task and makes the order's `follow_up` move (when it is completed or accepted);
 * low satisfaction or a product not running opens rework or a complaint.
 */
export async function recordFollowUp(
  tx: Executor,
  meta: CommandMeta,
  taskId: string,
  body: FollowUpCallBody,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.follow_up');
  const [task] = await tx
    .select()
    .from(followUpTasks)
    .where(and(eq(followUpTasks.tenantId, actor.tenantId), eq(followUpTasks.id, taskId)))
    .for('update');
  if (!task) throw notFound('Follow-up task');
  if (task.status !== 'open') {
    throw new DomainError('FOLLOW_UP_TASK_NOT_OPEN', `The follow-up task is ${task.status}.`, {
      details: { status: task.status },
    });
  }
  const policy = await tenantPolicyOf(tx, actor.tenantId);
  const previousReworks = await reworkCount(tx, actor.tenantId, task.workOrderId);
  const record = unwrap(
    recordFollowUpCall(
      body.reached
        ? {
            reached: true,
            calledAt: now,
            satisfaction: body.satisfaction,
            productRunningOk: body.productRunning,
            suggestions: body.suggestions ?? null,
            otherFaults: body.otherFaults ?? null,
          }
        : { reached: false, calledAt: now, note: body.note ?? null },
      { completedAt: task.completedAt, previousReworks },
      now,
      policy,
    ),
  );
  const [order] = await tx
    .select({ status: workOrders.status, number: workOrders.number, customerName: customers.name })
    .from(workOrders)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, workOrders.tenantId), eq(customers.id, workOrders.customerId)),
    )
    .where(and(eq(workOrders.tenantId, actor.tenantId), eq(workOrders.id, task.workOrderId)));
  if (!order) throw notFound('Work order');
  let after: TaskRow;
  let outcome: FollowUpOutcome = 'none';
  if (!record.reached) {
    const attempts = [
      ...(task.attempts as Attempt[]),
      { calledAt: now.toISOString(), note: record.note, by: actor.userId },
    ];
    after = { ...task, attempts };
    await tx
      .update(followUpTasks)
      .set({ attempts })
      .where(and(eq(followUpTasks.tenantId, actor.tenantId), eq(followUpTasks.id, task.id)));
  } else {
    outcome = record.outcome;
    const result = { ...record, calledAt: record.calledAt.toISOString() };
    after = { ...task, status: 'done', result, doneAt: now, doneBy: actor.userId };
    await tx
      .update(followUpTasks)
      .set({ status: 'done', result, doneAt: now, doneBy: actor.userId })
      .where(and(eq(followUpTasks.tenantId, actor.tenantId), eq(followUpTasks.id, task.id)));
    if (legal('follow_up', order.status)) {
      await transitionWorkOrder(
        tx,
        meta,
        task.workOrderId,
        { action: 'follow_up', payload: { taskId: task.id, ...result } },
        now,
      );
    }
    const why = record.productRunningOk
      ? `回访满意度 ${record.satisfaction}/5`
      : `回访：产品运行不正常（满意度 ${record.satisfaction}/5）`;
    await actOnOutcome(tx, meta, task.workOrderId, outcome, 'follow_up_call', why, now);
  }
  await writeAudit(tx, meta, now, {
    entityType: 'follow_up_task',
    entityId: task.id,
    action: 'follow_up_task.record',
    before: task,
    after,
  });
  const [status] = await tx
    .select({ status: workOrders.status })
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, actor.tenantId), eq(workOrders.id, task.workOrderId)));
  return { task: taskView(after, order, now), outcome, workOrderStatus: status?.status ?? order.status };
}

/** The follow-up move on the order (POST /work-orders/{id}/follow-up): records the call of its open task. */
export async function recordFollowUpForOrder(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  body: FollowUpCallBody,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.follow_up');
  const [task] = await tx
    .select({ id: followUpTasks.id })
    .from(followUpTasks)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, followUpTasks.tenantId), eq(workOrders.id, followUpTasks.workOrderId)),
    )
    .where(
      and(
        eq(followUpTasks.tenantId, actor.tenantId),
        eq(followUpTasks.workOrderId, workOrderId),
        eq(followUpTasks.status, 'open'),
      ),
    );
  if (!task)
    throw new DomainError(
      'FOLLOW_UP_TASK_NOT_FOUND',
      'The order has no open follow-up task (it is created at completion).',
    );
  await recordFollowUp(tx, meta, task.id, body, now);
}
