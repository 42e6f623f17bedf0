import { DomainError, type PauseReason, type SlaEvent } from '@aftercare/domain';
import type { Executor } from '@aftercare/db';
import { enqueueEvent, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { requirePermission } from '../guards';
import { getServiceRequest } from '../requests/requests';
import { getWorkOrder } from '../work-orders/work-orders';
import { signalClocks, type SlaSubject } from './clocks';
import { slaTenant } from './hooks';

/** Steps of intake that stop SLA clocks (R-IN-06, R-IN-07, R-IN-09). */
export const REQUEST_SLA_STEPS = {
  contact: 'request.contacted',
  forward: 'request.forwarded',
  call_back: 'customer.called_back',
} as const satisfies Record<string, SlaEvent>;
export type RequestSlaStep = keyof typeof REQUEST_SLA_STEPS;

/**
 * Records a step of intake: the customer was contacted by phone (stops the response clock, R-IN-09),
 * the request was forwarded to the service department (R-IN-06), or the service department called
 * back after a store hand-off (R-IN-07). Audited; its event goes to the outbox.
 */
export async function recordRequestStep(
  tx: Executor,
  meta: CommandMeta,
  requestId: string,
  step: RequestSlaStep,
  note: string | undefined,
  now: Date,
) {
  requirePermission(meta.actor, 'request.contact');
  await getServiceRequest(tx, meta.actor, requestId); // visibility: 404 for others
  const event = REQUEST_SLA_STEPS[step];
  await writeAudit(tx, meta, now, {
    entityType: 'service_request',
    entityId: requestId,
    action: `service_request.${step}`,
    after: { note: note ?? null },
  });
  await enqueueEvent(tx, meta.actor.tenantId, now, {
    type: 'ServiceRequestStepRecorded',
    aggregateType: 'service_request',
    aggregateId: requestId,
    payload: { step, event, note: note ?? null },
  });
  const tenant = await slaTenant(tx, meta.actor.tenantId);
  await signalClocks(
    tx,
    tenant,
    [{ type: 'service_request', id: requestId }],
    { kind: 'event', event },
    now,
    { meta },
  );
  return getServiceRequest(tx, meta.actor, requestId, now);
}

/**
 * Pauses (waiting for the customer, for parts, for the quote decision) or resumes the clocks of a
 * request or work order whose targets pause for that reason (policy). Refused when nothing pauses.
 */
export async function pauseOrResumeSla(
  tx: Executor,
  meta: CommandMeta,
  subject: SlaSubject,
  change: { kind: 'pause'; reason: PauseReason } | { kind: 'resume' },
  note: string | undefined,
  now: Date,
) {
  requirePermission(meta.actor, 'sla.pause');
  const subjects: SlaSubject[] = [subject];
  if (subject.type === 'work_order') {
    const order = await getWorkOrder(tx, meta.actor, subject.id);
    subjects.push({ type: 'service_request', id: order.requestId });
  } else {
    await getServiceRequest(tx, meta.actor, subject.id);
  }
  const tenant = await slaTenant(tx, meta.actor.tenantId);
  const changed = await signalClocks(tx, tenant, subjects, change, now, { strict: true, meta });
  if (changed === 0) {
    throw new DomainError(
      change.kind === 'pause' ? 'SLA_NOTHING_TO_PAUSE' : 'SLA_NOTHING_TO_RESUME',
      change.kind === 'pause'
        ? `No running clock of this ${subject.type === 'work_order' ? 'work order' : 'request'} pauses for "${change.reason}" (policy).`
        : 'No clock is paused.',
      change.kind === 'pause' ? { field: 'reason' } : {},
    );
  }
  await writeAudit(tx, meta, now, {
    entityType: subject.type,
    entityId: subject.id,
    action: change.kind === 'pause' ? 'sla.pause' : 'sla.resume',
    after: { ...change, note: note ?? null, clocks: changed },
  });
  return subject.type === 'work_order'
    ? getWorkOrder(tx, meta.actor, subject.id, now)
    : getServiceRequest(tx, meta.actor, subject.id, now);
}
