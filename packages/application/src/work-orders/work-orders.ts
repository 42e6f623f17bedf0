import { randomUUID } from 'node:crypto';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import {
  DomainError,
  can,
  decideTransition,
  permittedActions,
  maskPhone,
  scopeFor,
  type Actor,
  type Priority,
  type RequestType,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '@aftercare/domain';
import {
  customers,
  productModels,
  serviceRequests,
  units,
  users,
  workOrderTransitions,
  workOrders,
  type Executor,
} from '@aftercare/db';
import { enqueueEvent, toJson, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { escapeLike } from '../customers/customers';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';
import { afterFieldworkMove, prepareFieldworkMove } from '../fieldwork/moves';
import type { FileBatch } from '../fieldwork/files';
import { prepareLifecycleMove } from '../assessment/moves';
import { currentWarrantyView } from '../assessment/warranty';
import { currentQuoteSummary } from '../quotes/state';
import { onWorkOrderMove, slaTenant } from '../sla/hooks';
import {
  slaFilterCondition,
  slaViews,
  slaViewsBySubject,
  type SlaStartContext,
  type SlaSubject,
} from '../sla/clocks';

const assignee = alias(users, 'assignee');

function orderQuery(db: Executor) {
  return db
    .select({
      order: workOrders,
      customerName: customers.name,
      customerPhones: customers.phones,
      serialNumber: units.serialNumber,
      modelCode: productModels.code,
      assigneeName: assignee.displayName,
    })
    .from(workOrders)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, workOrders.tenantId), eq(customers.id, workOrders.customerId)),
    )
    .leftJoin(units, and(eq(units.tenantId, workOrders.tenantId), eq(units.id, workOrders.unitId)))
    .leftJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .leftJoin(
      assignee,
      and(eq(assignee.tenantId, workOrders.tenantId), eq(assignee.id, workOrders.assigneeId)),
    );
}

type OrderJoined = Awaited<ReturnType<ReturnType<typeof orderQuery>['where']>>[number];

function toSummary(r: OrderJoined) {
  const o = r.order;
  return {
    id: o.id,
    number: o.number,
    status: o.status as WorkOrderStatus,
    priority: o.priority as Priority,
    requestType: o.type as RequestType,
    customer: { id: o.customerId, name: r.customerName, phoneMasked: maskPhone(r.customerPhones[0]) },
    product: r.serialNumber ? { model: r.modelCode ?? '', serialNumber: r.serialNumber } : null,
    assignee: o.assigneeId ? { id: o.assigneeId, displayName: r.assigneeName ?? '' } : null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Rows the actor may see (R-ROLE-03): a technician only assigned orders, a customer only their own. */
function scopeCondition(actor: Actor) {
  const scope = scopeFor(actor);
  if (scope.kind === 'assigned') return eq(workOrders.assigneeId, scope.userId);
  if (scope.kind === 'own') return eq(workOrders.customerId, scope.customerId);
  return undefined;
}

export interface WorkOrderListQuery {
  status?: WorkOrderStatus[] | undefined;
  priority?: Priority | undefined;
  assigneeId?: string | undefined;
  q?: string | undefined;
  sla?: 'at_risk' | 'breached' | undefined;
  page: number;
  pageSize: number;
}

/** Lists work orders, newest first, filtered and paginated. */
export async function listWorkOrders(db: Executor, actor: Actor, query: WorkOrderListQuery, now: Date) {
  requirePermission(actor, 'work_order.read');
  const q = query.q?.trim();
  const where = and(
    eq(workOrders.tenantId, actor.tenantId),
    scopeCondition(actor),
    query.sla
      ? slaFilterCondition(query.sla, workOrders.tenantId, [workOrders.id, workOrders.requestId], now)
      : undefined,
    query.status?.length ? inArray(workOrders.status, query.status) : undefined,
    query.priority ? eq(workOrders.priority, query.priority) : undefined,
    query.assigneeId ? eq(workOrders.assigneeId, query.assigneeId) : undefined,
    q
      ? or(
          ilike(workOrders.number, `%${escapeLike(q)}%`),
          ilike(customers.nameKey, `%${escapeLike(q.toLowerCase())}%`),
          ilike(units.serialNumber, `%${escapeLike(q)}%`),
        )
      : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    orderQuery(db)
      .where(where)
      .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: count() })
      .from(workOrders)
      .innerJoin(
        customers,
        and(eq(customers.tenantId, workOrders.tenantId), eq(customers.id, workOrders.customerId)),
      )
      .leftJoin(units, and(eq(units.tenantId, workOrders.tenantId), eq(units.id, workOrders.unitId)))
      .where(where),
  ]);
  const tenant = await slaTenant(db, actor.tenantId);
  const clocks = await slaViewsBySubject(
    db,
    tenant,
    rows.flatMap((r) => subjectsOf(r.order)),
    now,
  );
  const items = rows.map((r) => ({
    ...toSummary(r),
    sla: [...(clocks.get(r.order.requestId) ?? []), ...(clocks.get(r.order.id) ?? [])],
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One work order with its moves and the actions the actor may take now. */
/** The SLA subjects of an order: the order itself and its request. */
function subjectsOf(order: { id: string; requestId: string }): SlaSubject[] {
  return [
    { type: 'service_request', id: order.requestId },
    { type: 'work_order', id: order.id },
  ];
}

/** One order the actor may see; with `now`, its and its request's SLA clocks are evaluated. */
export async function getWorkOrder(db: Executor, actor: Actor, id: string, now?: Date) {
  requirePermission(actor, 'work_order.read');
  const [row] = await orderQuery(db).where(
    and(eq(workOrders.tenantId, actor.tenantId), eq(workOrders.id, id), scopeCondition(actor)),
  );
  if (!row) throw notFound('Work order');
  const [request] = await db
    .select({ number: serviceRequests.number })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.tenantId, actor.tenantId), eq(serviceRequests.id, row.order.requestId)));
  const moves = await db
    .select({ t: workOrderTransitions, actorName: users.displayName })
    .from(workOrderTransitions)
    .leftJoin(
      users,
      and(eq(users.tenantId, workOrderTransitions.tenantId), eq(users.id, workOrderTransitions.actorId)),
    )
    .where(and(eq(workOrderTransitions.tenantId, actor.tenantId), eq(workOrderTransitions.workOrderId, id)))
    .orderBy(asc(workOrderTransitions.at), asc(workOrderTransitions.id));
  const state = { id, status: row.order.status as WorkOrderStatus, assigneeId: row.order.assigneeId };
  const allowedActions = permittedActions(state, actor);
  // R-WAR-01 the warranty decision in force and R-FEE-01 the latest quote.
  const warranty = await currentWarrantyView(db, actor.tenantId, id);
  const quote = await currentQuoteSummary(db, actor.tenantId, id);
  return {
    ...toSummary(row),
    sla: now ? await slaViews(db, await slaTenant(db, actor.tenantId), subjectsOf(row.order), now) : [],
    requestId: row.order.requestId,
    requestNumber: request?.number ?? '',
    problem: row.order.problem,
    details: row.order.details as Record<string, unknown>,
    version: row.order.version,
    closedAt: row.order.closedAt?.toISOString() ?? null,
    allowedActions,
    warranty,
    quote,
    transitions: moves.map((m) => ({
      action: m.t.action,
      from: m.t.fromStatus,
      to: m.t.toStatus,
      at: m.t.at.toISOString(),
      actorId: m.t.actorId,
      actorName: m.actorName,
      reason: m.t.reason,
      payload: (m.t.payload as Record<string, unknown> | null) ?? null,
    })),
  };
}

export interface TransitionInput {
  action: WorkOrderAction;
  reason?: string | undefined;
  /** The data recorded with the move (assessment findings, work done …). */
  payload?: Record<string, unknown> | undefined;
  /** Set the assignee with this move (e.g. at assessment). */
  assigneeId?: string | undefined;
  /** Where the move's signature images are written (fieldwork: accept, complete, return from the workshop). */
  files?: FileBatch | undefined;
  /** Set by the quote use case, the only way to make the quote moves (R-FEE-01). */
  viaQuote?: { quoteId: string } | undefined;
}

/**
 * Moves a work order one step of its life (R-WO-01) in the caller's transaction: locks the row, asks
 * the domain's table, records the move (who, when, why, data), the audit entry and the event.
 */
export async function transitionWorkOrder(
  tx: Executor,
  meta: CommandMeta,
  id: string,
  input: TransitionInput,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.read');
  const [before] = await tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, actor.tenantId), eq(workOrders.id, id), scopeCondition(actor)))
    .for('update');
  if (!before) throw notFound('Work order');
  // Field work (R-WO-06…09): signatures stored, receipt checked, a second rejection becomes a complaint.
  const fieldwork = await prepareFieldworkMove(tx, meta, before, input, now);
  input = { ...input, action: fieldwork.action, payload: fieldwork.payload };
  const move = unwrap(
    decideTransition(
      { id, status: before.status as WorkOrderStatus, assigneeId: before.assigneeId },
      { action: input.action, actor, now, reason: input.reason ?? null },
    ),
  );
  // Warranty decision at assessment, the chargeable-work guard, quote moves only via quotes.
  const lifecycle = await prepareLifecycleMove(tx, meta, before, input, now);
  let assigneeId = before.assigneeId;
  if (input.assigneeId && input.assigneeId !== before.assigneeId) {
    assigneeId = await checkAssignee(tx, actor.tenantId, input.assigneeId);
  }
  const payload = input.payload ? (toJson(input.payload) as Record<string, unknown>) : null;
  const details = {
    ...(before.details as Record<string, unknown>),
    ...(payload ? { [input.action]: payload } : {}),
  };
  const closedAt = move.to === 'closed' || move.to === 'cancelled' ? now : before.closedAt;
  const after = {
    ...before,
    status: move.to,
    assigneeId,
    details,
    version: before.version + 1,
    updatedAt: now,
    closedAt,
  };
  await tx
    .update(workOrders)
    .set({ status: after.status, assigneeId, details, version: after.version, updatedAt: now, closedAt })
    .where(and(eq(workOrders.tenantId, actor.tenantId), eq(workOrders.id, id)));
  await lifecycle.afterMove();
  await tx.insert(workOrderTransitions).values({
    tenantId: actor.tenantId,
    id: randomUUID(),
    workOrderId: id,
    action: move.action,
    fromStatus: move.from,
    toStatus: move.to,
    at: now,
    actorId: actor.userId,
    reason: move.reason,
    payload,
  });
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: id,
    action: `work_order.${move.action}`,
    before,
    after,
  });
  await onWorkOrderMove(
    tx,
    meta,
    { id, requestId: before.requestId },
    move.action,
    now,
    slaContextOf(payload),
  );
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'WorkOrderTransitioned',
    aggregateType: 'work_order',
    aggregateId: id,
    payload: {
      number: before.number,
      action: move.action,
      from: move.from,
      to: move.to,
      reason: move.reason,
    },
  });
  await afterFieldworkMove(tx, meta, after, move, payload, now);
  return getWorkOrder(tx, actor, id, now);
}

async function checkAssignee(tx: Executor, tenantId: string, userId: string): Promise<string> {
  const [user] = await tx
    .select({ id: users.id, roles: users.roles, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user || !user.active) throw notFound('User', 'assigneeId');
  if (!can(user.roles as Actor['roles'], 'work_order.complete')) {
    throw new DomainError(
      'WORK_ORDER_ASSIGNEE_INVALID',
      'The assignee must be a technician or an engineer.',
      { field: 'assigneeId' },
    );
  }
  return user.id;
}

/**
 * What the move's data says about which SLA targets start (R-WO-03): the booked visit time starts the
 * on-site clock, chosen by distance from the service base or by zone.
 */
function slaContextOf(payload: Record<string, unknown> | null): SlaStartContext {
  if (!payload) return {};
  const context: SlaStartContext = {};
  if (typeof payload.distanceKm === 'number') context.distanceKm = payload.distanceKm;
  if (payload.zone === 'urban' || payload.zone === 'suburban') context.zone = payload.zone;
  if (typeof payload.tripQuoted === 'boolean') context.tripQuoted = payload.tripQuoted;
  const booked = payload.slotStart ?? payload.bookedStart;
  if (typeof booked === 'string' && !Number.isNaN(Date.parse(booked))) context.startAt = new Date(booked);
  return context;
}
