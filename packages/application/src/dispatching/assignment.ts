/**
 * Auto-assignment (R-DIS-03, R-WO-02, R-WO-04): rank the company's technicians for an order and a
 * booked slot with `rankTechnicians` (hard rules with coded reasons, then travel, SLA slack,
 * workload and skill), and record the supervisor's choice — a proposal, another technician, or a
 * hard rule overridden with a reason — through the work order's own moves (`schedule`, or
 * `dispatch` when the slot is booked already), audited.
 */
import { and, eq } from 'drizzle-orm';
import {
  greatCircleTravel,
  haversineKm,
  rankTechnicians,
  type RankResult,
  type RejectionCode,
  type RuleOverride,
} from '@aftercare/dispatch';
import { DomainError, can, type Actor, type Policy } from '@aftercare/domain';
import { serviceCentres, technicianProfiles, workOrders, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission } from '../guards';
import { tenantPolicyOf } from '../fieldwork/calendars';
import { getWorkOrder, transitionWorkOrder } from '../work-orders/work-orders';
import { localDateOf, localInstant, nextDate, serviceDayOf } from '../workforce/local-time';
import { rosterFor } from '../workforce/roster';
import {
  BOOKED,
  DispatchErrors,
  UNSCHEDULED,
  bookedAssignments,
  dispatchPolicyOf,
  orderFacts,
  slaDeadlines,
  visitOf,
  type OrderFacts,
} from './visits';

const iso = (t: number) => new Date(t).toISOString();

interface Ranking {
  order: OrderFacts;
  policy: Policy;
  result: RankResult;
  slaDeadline: number | undefined;
  centre: { id: string; distanceKm: number } | null;
}

/** The service centre an order is served from: the nearest active centre of the tenant. */
async function nearestCentre(db: Executor, tenantId: string, location: { lat: number; lng: number }) {
  const centres = await db
    .select()
    .from(serviceCentres)
    .where(and(eq(serviceCentres.tenantId, tenantId), eq(serviceCentres.active, true)));
  let best: { id: string; distanceKm: number } | null = null;
  for (const c of centres) {
    const d = haversineKm({ lat: c.latitude, lng: c.longitude }, location);
    if (!best || d < best.distanceKm) best = { id: c.id, distanceKm: d };
  }
  return best;
}

async function rank(
  db: Executor,
  actor: Actor,
  workOrderId: string,
  slot: { start: number; end: number },
  now: number,
  overrides: RuleOverride[] = [],
): Promise<Ranking> {
  const tenantId = actor.tenantId;
  const [order] = await orderFacts(db, tenantId, eq(workOrders.id, workOrderId));
  if (!order) throw notFound('Work order');
  const policy = await tenantPolicyOf(db, tenantId);
  const date = localDateOf(policy.timeZone, slot.start);
  const day = serviceDayOf(policy.timeZone, date);
  const deadline = (await slaDeadlines(db, tenantId, policy, [order.id], now)).get(order.id);
  const visit = visitOf(order, slot, policy, date, deadline);
  const roster = await rosterFor(db, tenantId, policy.timeZone, date);
  const technicians = roster.map((r) => r.technician);
  const dayBounds = { start: day.midnight, end: localInstant(policy.timeZone, nextDate(date), '00:00') };
  const assignments = await bookedAssignments(
    db,
    tenantId,
    policy,
    technicians.map((t) => t.id),
    dayBounds,
  );
  const dispatchPolicy = dispatchPolicyOf(policy);
  const result = rankTechnicians(visit, slot, technicians, {
    day,
    policy: dispatchPolicy,
    travel: greatCircleTravel(dispatchPolicy.roadFactor, dispatchPolicy.citySpeedKmh),
    assignments,
    overrides,
  });
  const centre = await nearestCentre(db, tenantId, order.location!);
  return { order, policy, result, slaDeadline: deadline, centre };
}

function proposalOut(p: RankResult['proposals'][number]) {
  return {
    technicianId: p.technicianId,
    name: p.name,
    score: p.score,
    facts: {
      distanceKm: p.facts.distanceKm,
      travelMinutes: p.facts.travelMinutes,
      startAt: iso(p.facts.startAt),
      shiftEndsAt: p.facts.shiftEndsAt === null ? null : iso(p.facts.shiftEndsAt),
      jobsToday: p.facts.jobsToday,
      slaSlackMinutes: p.facts.slaSlackMinutes,
      skillLevel: p.facts.skillLevel,
    },
    explanation: p.explanation,
    overridden: p.overridden.map((o) => ({ code: o.code, reason: o.reason })),
  };
}

/** GET proposals: every eligible technician ranked and explained, the others with coded reasons. */
export async function proposeTechnicians(
  db: Executor,
  actor: Actor,
  workOrderId: string,
  slotStart: string,
  slotEnd: string,
  now: Date,
) {
  requirePermission(actor, 'dispatch.plan');
  const slot = { start: Date.parse(slotStart), end: Date.parse(slotEnd) };
  const r = await rank(db, actor, workOrderId, slot, now.getTime());
  return {
    workOrderId,
    slotStart: iso(slot.start),
    slotEnd: iso(slot.end),
    visit: {
      productLineId: r.order.productLineId!,
      latitude: r.order.location!.lat,
      longitude: r.order.location!.lng,
      serviceMinutes: r.policy.dispatch.defaultVisitMinutes,
      slaDeadline: r.slaDeadline === undefined ? null : iso(r.slaDeadline),
      serviceCentreId: r.centre?.id ?? null,
      distanceFromCentreKm: r.centre ? r.centre.distanceKm * (r.policy.dispatch.roadFactorBp / 10_000) : null,
    },
    proposals: r.result.proposals.map(proposalOut),
    rejected: r.result.rejected.map((x) => ({
      technicianId: x.technicianId,
      name: x.name,
      rejections: x.rejections.map((j) => ({ code: j.code, detail: j.detail })),
    })),
  };
}

export interface AssignInput {
  technicianId: string;
  slotStart: string;
  slotEnd: string;
  overrideReason?: string | undefined;
}

/**
 * POST assign: the supervisor accepts a proposal or picks another technician; a technician that a
 * hard rule excludes needs `overrideReason` (and the `dispatch.override` right), and the audit entry
 * names every rule overridden. The order moves with `schedule` (assignee + slot + distance from the
 * service centre, so the on-site SLA clock picks its distance tier) or, when already booked, with
 * `dispatch` (assignee), in this transaction.
 */
export async function assignTechnician(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  input: AssignInput,
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'dispatch.assign');
  const [profile] = await tx
    .select({ userId: technicianProfiles.userId })
    .from(technicianProfiles)
    .where(
      and(eq(technicianProfiles.tenantId, actor.tenantId), eq(technicianProfiles.userId, input.technicianId)),
    );
  if (!profile)
    throw new DomainError(DispatchErrors.technicianUnknown, 'No technician profile with this id.', {
      field: 'technicianId',
    });
  const slot = { start: Date.parse(input.slotStart), end: Date.parse(input.slotEnd) };
  const plain = await rank(tx, actor, workOrderId, slot, now.getTime());
  const { order } = plain;
  const isBooked = (BOOKED as readonly string[]).includes(order.status);
  if (!(UNSCHEDULED as readonly string[]).includes(order.status) && order.status !== 'scheduled')
    throw new DomainError(
      DispatchErrors.orderNotAssignable,
      `A work order in status ${order.status} cannot be assigned (it must be assessed, confirmed, in rework or scheduled).`,
    );
  if (isBooked && order.slot && (order.slot.start !== slot.start || order.slot.end !== slot.end))
    throw new DomainError(
      DispatchErrors.orderNotAssignable,
      'The order is booked for another slot; assign it in its booked slot.',
      { field: 'slotStart' },
    );
  const rankIndex = plain.result.proposals.findIndex((p) => p.technicianId === input.technicianId);
  let chosen = rankIndex >= 0 ? plain.result.proposals[rankIndex]! : null;
  let overridden: { code: RejectionCode; detail: string }[] = [];
  if (!chosen) {
    const rejected = plain.result.rejected.find((r) => r.technicianId === input.technicianId);
    const rejections = rejected?.rejections ?? [];
    if (input.overrideReason === undefined)
      throw new DomainError(
        DispatchErrors.ruleViolated,
        `Hard rules exclude this technician: ${rejections.map((r) => r.code).join(', ') || 'not rostered'}. A supervisor may override them with a reason.`,
        { field: 'overrideReason', details: { rejections } },
      );
    if (!can(actor.roles, 'dispatch.override'))
      throw new DomainError(
        DispatchErrors.overrideForbidden,
        'Only a supervisor overrides a dispatch rule.',
        {
          field: 'overrideReason',
        },
      );
    const overrides: RuleOverride[] = rejections.map((r) => ({
      code: r.code,
      reason: input.overrideReason!,
      by: actor.userId,
      technicianId: input.technicianId,
    }));
    // NO_COMMON_TIME is derived; re-rank with the others set aside and override it too if it appears.
    let again = await rank(tx, actor, workOrderId, slot, now.getTime(), overrides);
    let proposal = again.result.proposals.find((p) => p.technicianId === input.technicianId);
    if (!proposal) {
      const left = again.result.rejected.find((r) => r.technicianId === input.technicianId)?.rejections ?? [];
      for (const r of left)
        overrides.push({
          code: r.code,
          reason: input.overrideReason,
          by: actor.userId,
          technicianId: input.technicianId,
        });
      again = await rank(tx, actor, workOrderId, slot, now.getTime(), overrides);
      proposal = again.result.proposals.find((p) => p.technicianId === input.technicianId);
    }
    const allRejections = [
      ...rejections,
      ...overrides
        .filter((o) => !rejections.some((r) => r.code === o.code))
        .map((o) => ({ code: o.code, detail: 'derived from the rules overridden' })),
    ];
    overridden = allRejections.map((r) => ({ code: r.code, detail: r.detail }));
    chosen = proposal ?? null;
  }
  const roadFactor = plain.policy.dispatch.roadFactorBp / 10_000;
  const distanceFromCentreKm = plain.centre ? plain.centre.distanceKm * roadFactor : null;
  const move: 'schedule' | 'dispatch' = order.status === 'scheduled' ? 'dispatch' : 'schedule';
  const payload: Record<string, unknown> =
    move === 'schedule'
      ? {
          slotStart: iso(slot.start),
          slotEnd: iso(slot.end),
          address: order.address ?? '',
          ...(distanceFromCentreKm === null ? {} : { distanceKm: Math.round(distanceFromCentreKm) }),
        }
      : { assigneeId: input.technicianId };
  const reason =
    overridden.length > 0
      ? `Dispatch rule overridden (${overridden.map((o) => o.code).join(', ')}): ${input.overrideReason}`
      : undefined;
  const workOrder = await transitionWorkOrder(
    tx,
    meta,
    workOrderId,
    { action: move, payload, assigneeId: input.technicianId, reason },
    now,
  );
  const assignment = {
    technicianId: input.technicianId,
    slotStart: iso(slot.start),
    slotEnd: iso(slot.end),
    move,
    rank: overridden.length === 0 && rankIndex >= 0 ? rankIndex + 1 : null,
    score: chosen?.score ?? null,
    explanation: chosen?.explanation ?? null,
    overridden,
    overrideReason: overridden.length > 0 ? (input.overrideReason ?? null) : null,
    distanceFromCentreKm,
  };
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: overridden.length > 0 ? 'dispatch.assign_override' : 'dispatch.assign',
    before: { assigneeId: order.assigneeId, status: order.status },
    after: {
      ...assignment,
      facts: chosen ? proposalOut(chosen).facts : null,
      proposals: plain.result.proposals.map((p) => ({ technicianId: p.technicianId, score: p.score })),
    },
  });
  return { workOrder: workOrder ?? (await getWorkOrder(tx, actor, workOrderId, now)), assignment };
}
