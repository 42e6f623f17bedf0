/**
 * Where the life of requests and work orders meets the SLA clocks: one call from each use case,
 * inside its transaction.
 */
import {
  slaSignalsOf,
  triageRequest,
  type Channel,
  type Priority,
  type RequestType,
  type WorkOrderAction,
} from '@aftercare/domain';
import type { Executor } from '@aftercare/db';
import type { CommandMeta } from '../context';
import { getTenant } from '../tenants/tenants';
import { parseTenantPolicy } from './calendars';
import {
  signalClocks,
  startClocks,
  type SlaStartContext,
  type SlaSubject,
  type TenantPolicy,
} from './clocks';
import { unwrap } from '../guards';

/** Channels through which a request reaches someone outside the service department (R-IN-06). */
const OUTSIDE_SERVICE_DEPARTMENT: readonly Channel[] = ['store', 'letter', 'email'];

export async function slaTenant(tx: Executor, tenantId: string): Promise<TenantPolicy> {
  const tenant = await getTenant(tx, tenantId);
  return { tenantId, policy: parseTenantPolicy(tenant.policy) };
}

/**
 * A new request starts its clocks (R-IN-04…07): the response target of its priority, the initial
 * review (R-IN-05) or for a consultation the answer target, forwarding when it came in outside the
 * service department, and the store call-back for a store hand-off.
 */
export async function startRequestClocks(
  tx: Executor,
  tenantId: string,
  request: { id: string; type: RequestType; priority: Priority; channel: Channel; receivedAt: Date },
): Promise<void> {
  const tenant = await slaTenant(tx, tenantId);
  const triage = unwrap(
    triageRequest(
      {
        type: request.type,
        problemText: '',
        requestedPriority: request.priority,
        channel: request.channel,
        receivedOutsideServiceDepartment: OUTSIDE_SERVICE_DEPARTMENT.includes(request.channel),
      },
      tenant.policy,
    ),
  );
  const keys = triage.targets.map((t) => t.key);
  if (request.type !== 'consultation') keys.push(tenant.policy.intake.reviewTarget);
  await startClocks(
    tx,
    tenant,
    { type: 'service_request', id: request.id },
    [...new Set(keys)],
    request.receivedAt,
  );
}

/** An SLA event on a request alone (review, contact, forwarding, call-back). */
export async function signalRequest(
  tx: Executor,
  meta: CommandMeta,
  requestId: string,
  signal: Parameters<typeof signalClocks>[3],
  now: Date,
  options: { startOn?: SlaSubject; strict?: boolean } = {},
): Promise<number> {
  const tenant = await slaTenant(tx, meta.actor.tenantId);
  return signalClocks(tx, tenant, [{ type: 'service_request', id: requestId }], signal, now, {
    ...options,
    meta,
  });
}

/** A new work order starts the clocks that start with it (the assessment, R-WAR-01). */
export async function startWorkOrderClocks(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  now: Date,
): Promise<void> {
  const tenant = await slaTenant(tx, meta.actor.tenantId);
  const order: SlaSubject = { type: 'work_order', id: workOrderId };
  await signalClocks(tx, tenant, [order], { kind: 'event', event: 'work_order.created' }, now, {
    startOn: order,
    meta,
  });
}

/**
 * A move of the work order re-computes its clocks and those of its request (R-IN-09: the response
 * stops when a technician arrives): stop, start, pause, resume or end, per the domain's table.
 */
export async function onWorkOrderMove(
  tx: Executor,
  meta: CommandMeta,
  order: { id: string; requestId: string },
  action: WorkOrderAction,
  now: Date,
  context: SlaStartContext = {},
): Promise<void> {
  const signals = slaSignalsOf(action);
  if (!signals.length) return;
  const tenant = await slaTenant(tx, meta.actor.tenantId);
  const subjects: SlaSubject[] = [
    { type: 'work_order', id: order.id },
    { type: 'service_request', id: order.requestId },
  ];
  for (const signal of signals) {
    await signalClocks(tx, tenant, subjects, signal, now, { startOn: subjects[0], context, meta });
  }
}
