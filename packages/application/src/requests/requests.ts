import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import {
  DomainError,
  checkIntakeDates,
  decideReview,
  localDate,
  maskPhone,
  normalizePhone,
  scopeFor,
  type Actor,
  type Channel,
  type Priority,
  type RequestStatus,
  type RequestType,
} from '@aftercare/domain';
import {
  customers,
  productModels,
  requestIntake,
  serviceRequests,
  units,
  workOrders,
  type Executor,
} from '@aftercare/db';
import { enqueueEvent, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { createCustomer, escapeLike, getCustomerRow, type CustomerInput } from '../customers/customers';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';
import { nextDocumentNumber } from '../numbers';
import { getTenant } from '../tenants/tenants';
import { createUnit, type UnitInput } from '../units/units';
import { policyOf } from '../assessment/common';
import { intakeChannel, intakeView, triageIntake } from '../intake/intake';
import { signalRequest, startRequestClocks, startWorkOrderClocks, slaTenant } from '../sla/hooks';
import { slaFilterCondition, slaViews, slaViewsBySubject } from '../sla/clocks';

export interface CreateServiceRequest {
  channel: Channel;
  type: RequestType;
  /** The priority asked for; triage decides (a safety hazard overrides it, R-IN-04). */
  priority?: Priority | undefined;
  customerId?: string | undefined;
  customer?: CustomerInput | undefined;
  unitId?: string | undefined;
  unit?: UnitInput | undefined;
  addressId?: string | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  problem: string;
  problemStartedAt?: string | undefined;
  safetyHazard: boolean;
  /** R-IN-07 the store of the after-sales registration form. */
  storeName?: string | undefined;
}

export type ServiceRequestRow = typeof serviceRequests.$inferSelect;

/**
 * Records a service request from any channel (R-IN-01…03): the customer (existing or new inline),
 * the product (existing unit or new inline), the problem and when it began. One transaction with its
 * audit entry and outbox event; a safety hazard makes it urgent (R-IN-04).
 */
export async function createServiceRequest(
  tx: Executor,
  meta: CommandMeta,
  input: CreateServiceRequest,
  now: Date,
) {
  requirePermission(meta.actor, 'request.create');
  const tenantId = meta.actor.tenantId;
  const tenant = await getTenant(tx, tenantId);
  const scope = scopeFor(meta.actor);
  let customerId: string;
  if (scope.kind === 'own') {
    // A portal customer files for themself only (R-ROLE-02, R-ROLE-03).
    if (input.customerId && input.customerId !== scope.customerId) throw notFound('Customer', 'customerId');
    customerId = scope.customerId;
    await getCustomerRow(tx, tenantId, customerId, 'customerId');
  } else if (input.customerId) {
    customerId = (await getCustomerRow(tx, tenantId, input.customerId, 'customerId')).id;
  } else if (input.customer) {
    customerId = (await createCustomer(tx, meta, input.customer, now, 'customer.')).customer.id;
  } else {
    throw new DomainError('VALIDATION_FAILED', 'Give customerId or a new customer.', { field: 'customerId' });
  }

  let unitId: string | null = null;
  let purchaseDate: string | null = null;
  if (input.unitId) {
    const [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.id, input.unitId)));
    if (!unit || (scope.kind === 'own' && unit.ownerId !== scope.customerId))
      throw notFound('Unit', 'unitId');
    unitId = unit.id;
    purchaseDate = unit.purchaseDate;
  } else if (input.unit) {
    const unit = await createUnit(
      tx,
      meta,
      { ...input.unit, ownerId: customerId },
      now,
      tenant.timeZone,
      'unit.',
    );
    unitId = unit.id;
    purchaseDate = unit.purchaseDate;
  }
  const problemStartedAt = input.problemStartedAt ? new Date(input.problemStartedAt) : null;
  unwrap(checkIntakeDates({ purchaseDate, problemStartedAt }, now, localDate(now, tenant.timeZone)));
  const contactPhone = input.contactPhone ? unwrap(normalizePhone(input.contactPhone, 'contactPhone')) : null;
  const channel: Channel = scope.kind === 'own' ? 'portal' : intakeChannel(meta.actor, input.channel);
  // R-IN-04 priority, hazard and stop-use advice; R-IN-08 the earlier request it repeats.
  const triage = await triageIntake(
    tx,
    tenantId,
    policyOf(tenant),
    {
      type: input.type,
      problem: input.problem,
      channel,
      requestedPriority: input.priority ?? null,
      agentHazardFlag: input.safetyHazard,
      customerId,
      unitId,
      storeName: input.storeName,
    },
    now,
  );

  const row: ServiceRequestRow = {
    tenantId,
    id: randomUUID(),
    number: await nextDocumentNumber(tx, tenantId, 'SR', now, tenant.timeZone),
    channel,
    type: input.type,
    status: 'new',
    priority: triage.decision.priority,
    customerId,
    unitId,
    addressId: input.addressId ?? null,
    contactName: input.contactName ?? null,
    contactPhone,
    problem: input.problem.trim(),
    problemStartedAt,
    safetyHazard: triage.decision.safetyHazard,
    reporterId: meta.actor.userId,
    reviewedAt: null,
    reviewedBy: null,
    reviewReason: null,
    workOrderId: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(serviceRequests).values(row);
  await triage.record(row.id);
  await writeAudit(tx, meta, now, {
    entityType: 'service_request',
    entityId: row.id,
    action: 'service_request.create',
    after: row,
  });
  await startRequestClocks(tx, tenantId, {
    id: row.id,
    type: row.type as RequestType,
    priority: row.priority as Priority,
    channel: row.channel as Channel,
    receivedAt: now,
  });
  await enqueueEvent(tx, tenantId, now, {
    type: 'ServiceRequestCreated',
    aggregateType: 'service_request',
    aggregateId: row.id,
    payload: { number: row.number, type: row.type, priority: row.priority, channel: row.channel, customerId },
  });
  return getServiceRequest(tx, meta.actor, row.id, now);
}

const requestSelect = {
  request: serviceRequests,
  customerName: customers.name,
  customerPhones: customers.phones,
  serialNumber: units.serialNumber,
  modelCode: productModels.code,
  intake: requestIntake,
};

function requestQuery(db: Executor) {
  return db
    .select(requestSelect)
    .from(serviceRequests)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, serviceRequests.tenantId), eq(customers.id, serviceRequests.customerId)),
    )
    .leftJoin(units, and(eq(units.tenantId, serviceRequests.tenantId), eq(units.id, serviceRequests.unitId)))
    .leftJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .leftJoin(
      requestIntake,
      and(
        eq(requestIntake.tenantId, serviceRequests.tenantId),
        eq(requestIntake.requestId, serviceRequests.id),
      ),
    );
}

type RequestJoined = Awaited<ReturnType<ReturnType<typeof requestQuery>['where']>>[number];

function toView(r: RequestJoined) {
  const q = r.request;
  return {
    id: q.id,
    number: q.number,
    channel: q.channel as Channel,
    type: q.type as RequestType,
    status: q.status as RequestStatus,
    priority: q.priority as Priority,
    customer: { id: q.customerId, name: r.customerName, phoneMasked: maskPhone(r.customerPhones[0]) },
    unit:
      q.unitId && r.serialNumber
        ? { id: q.unitId, serialNumber: r.serialNumber, model: r.modelCode ?? '' }
        : null,
    problem: q.problem,
    problemStartedAt: q.problemStartedAt?.toISOString() ?? null,
    safetyHazard: q.safetyHazard,
    workOrderId: q.workOrderId,
    reviewReason: q.reviewReason,
    reporterId: q.reporterId,
    ...intakeView(r.intake),
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

function scopeCondition(actor: Actor) {
  const scope = scopeFor(actor);
  if (scope.kind === 'own') return eq(serviceRequests.customerId, scope.customerId);
  // A technician sees the requests behind the orders assigned to them.
  if (scope.kind === 'assigned') return eq(workOrders.assigneeId, scope.userId);
  return undefined;
}

/** One request the actor may see; with `now`, its SLA clocks are evaluated (else `sla` is empty). */
export async function getServiceRequest(db: Executor, actor: Actor, id: string, now?: Date) {
  requirePermission(actor, 'request.read');
  const [row] = await requestQuery(db)
    .leftJoin(
      workOrders,
      and(eq(workOrders.tenantId, serviceRequests.tenantId), eq(workOrders.id, serviceRequests.workOrderId)),
    )
    .where(
      and(eq(serviceRequests.tenantId, actor.tenantId), eq(serviceRequests.id, id), scopeCondition(actor)),
    );
  if (!row) throw notFound('Service request');
  const sla = now
    ? await slaViews(db, await slaTenant(db, actor.tenantId), [{ type: 'service_request', id }], now)
    : [];
  return { ...toView(row), sla };
}

export async function listServiceRequests(
  db: Executor,
  actor: Actor,
  query: {
    status?: RequestStatus | undefined;
    type?: RequestType | undefined;
    priority?: Priority | undefined;
    q?: string | undefined;
    sla?: 'at_risk' | 'breached' | undefined;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  requirePermission(actor, 'request.read');
  const q = query.q?.trim();
  const where = and(
    eq(serviceRequests.tenantId, actor.tenantId),
    scopeCondition(actor),
    query.sla
      ? slaFilterCondition(query.sla, serviceRequests.tenantId, [serviceRequests.id], now)
      : undefined,
    query.status ? eq(serviceRequests.status, query.status) : undefined,
    query.type ? eq(serviceRequests.type, query.type) : undefined,
    query.priority ? eq(serviceRequests.priority, query.priority) : undefined,
    q
      ? or(
          ilike(serviceRequests.number, `%${escapeLike(q)}%`),
          ilike(customers.nameKey, `%${escapeLike(q.toLowerCase())}%`),
          ilike(units.serialNumber, `%${escapeLike(q)}%`),
        )
      : undefined,
  );
  const base = requestQuery(db).leftJoin(
    workOrders,
    and(eq(workOrders.tenantId, serviceRequests.tenantId), eq(workOrders.id, serviceRequests.workOrderId)),
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    base
      .where(where)
      .orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: count() })
      .from(serviceRequests)
      .innerJoin(
        customers,
        and(eq(customers.tenantId, serviceRequests.tenantId), eq(customers.id, serviceRequests.customerId)),
      )
      .leftJoin(
        units,
        and(eq(units.tenantId, serviceRequests.tenantId), eq(units.id, serviceRequests.unitId)),
      )
      .leftJoin(
        workOrders,
        and(
          eq(workOrders.tenantId, serviceRequests.tenantId),
          eq(workOrders.id, serviceRequests.workOrderId),
        ),
      )
      .where(where),
  ]);
  const tenant = await slaTenant(db, actor.tenantId);
  const clocks = await slaViewsBySubject(
    db,
    tenant,
    rows.map((r) => ({ type: 'service_request' as const, id: r.request.id })),
    now,
  );
  const items = rows.map((r) => ({ ...toView(r), sla: clocks.get(r.request.id) ?? [] }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Initial review (R-IN-05): an eligible repair/installation/maintenance request becomes a work order
 * with its own number; the request, the new order, the audit entries and the events are written in
 * the caller's transaction.
 */
export async function reviewServiceRequest(
  tx: Executor,
  meta: CommandMeta,
  id: string,
  input: { eligible: boolean; reason?: string | undefined },
  now: Date,
) {
  const tenantId = meta.actor.tenantId;
  const [before] = await tx
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, id)))
    .for('update');
  if (!before) throw notFound('Service request');
  const outcome = unwrap(
    decideReview(
      { id: before.id, status: before.status as RequestStatus, type: before.type as RequestType },
      { actor: meta.actor, now, eligible: input.eligible, reason: input.reason ?? null },
    ),
  );
  let workOrderId: string | null = null;
  if (outcome.createsWorkOrder) {
    const tenant = await getTenant(tx, tenantId);
    workOrderId = randomUUID();
    const order = {
      tenantId,
      id: workOrderId,
      number: await nextDocumentNumber(tx, tenantId, 'WO', now, tenant.timeZone),
      requestId: before.id,
      type: before.type,
      status: 'created',
      priority: before.priority,
      customerId: before.customerId,
      unitId: before.unitId,
      assigneeId: null,
      problem: before.problem,
      details: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await tx.insert(workOrders).values(order);
    await writeAudit(tx, meta, now, {
      entityType: 'work_order',
      entityId: order.id,
      action: 'work_order.create',
      after: order,
    });
    await enqueueEvent(tx, tenantId, now, {
      type: 'WorkOrderCreated',
      aggregateType: 'work_order',
      aggregateId: order.id,
      payload: { number: order.number, requestId: before.id, priority: order.priority },
    });
  }
  const after = {
    ...before,
    status: outcome.status,
    reviewedAt: now,
    reviewedBy: meta.actor.userId,
    reviewReason: outcome.reason,
    workOrderId,
    updatedAt: now,
  };
  await tx
    .update(serviceRequests)
    .set({
      status: after.status,
      reviewedAt: now,
      reviewedBy: after.reviewedBy,
      reviewReason: after.reviewReason,
      workOrderId,
      updatedAt: now,
    })
    .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, id)));
  await writeAudit(tx, meta, now, {
    entityType: 'service_request',
    entityId: id,
    action: 'service_request.review',
    before,
    after,
  });
  await signalRequest(tx, meta, id, { kind: 'event', event: 'request.reviewed' }, now);
  if (workOrderId) await startWorkOrderClocks(tx, meta, workOrderId, now);
  await enqueueEvent(tx, tenantId, now, {
    type: 'ServiceRequestReviewed',
    aggregateType: 'service_request',
    aggregateId: id,
    payload: { status: after.status, workOrderId, reason: after.reviewReason },
  });
  return { request: await getServiceRequest(tx, meta.actor, id, now), workOrderId };
}
