/**
 * Day planning (R-DIS-04): a service centre's day — its technicians on shift and the open visits
 * (orders booked that day, and unbooked orders in its area) — planned by `planDay` in a background
 * job that reports progress in the plan row; re-planned after a change with `replan` (keeping as
 * much of the sent plan as possible); single routes checked for the board with `checkRoute`; and
 * published to the orders through their own moves, audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or } from 'drizzle-orm';
import {
  checkRoute,
  greatCircleTravel,
  haversineKm,
  planDay,
  replan,
  type DayPlan,
  type DayPlanInput,
  type PlanChange,
  type Visit,
} from '@aftercare/dispatch';
import { DomainError, type Actor } from '@aftercare/domain';
import { dispatchPlans, workOrders, type Database, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission } from '../guards';
import { tenantPolicyOf } from '../fieldwork/calendars';
import { transitionWorkOrder } from '../work-orders/work-orders';
import { localInstant, nextDate, serviceDayOf } from '../workforce/local-time';
import { rosterFor } from '../workforce/roster';
import { loadServiceCentre } from '../workforce/workforce';
import {
  DispatchErrors,
  UNSCHEDULED,
  dispatchPolicyOf,
  orderFacts,
  slaDeadlines,
  visitOf,
  type OrderFacts,
} from './visits';

/** What the optimiser saw, kept with the plan so that re-planning and checks use the same day. */
interface PlanSnapshot {
  plan: DayPlanInput;
  names: Record<string, string>;
  numbers: Record<string, string>;
}

type PlanRow = typeof dispatchPlans.$inferSelect;
const iso = (t: number) => new Date(t).toISOString();

/** The API view of a plan: routes with names and order numbers, instants as ISO strings. */
export function planView(row: PlanRow) {
  const snap = row.input as PlanSnapshot | null;
  const result = row.result as DayPlan | null;
  const name = (id: string) => snap?.names[id] ?? '';
  const number = (id: string) => snap?.numbers[id] ?? '';
  return {
    id: row.id,
    serviceCentreId: row.serviceCentreId,
    date: row.date,
    status: row.status as 'queued' | 'running' | 'done' | 'failed',
    progress: row.progress,
    parentId: row.parentId,
    change: row.change ?? null,
    routes: (result?.routes ?? []).map((r) => ({
      technicianId: r.technicianId,
      name: name(r.technicianId),
      stops: r.stops.map((s) => ({
        workOrderId: s.visitId,
        number: number(s.visitId),
        arrival: iso(s.arrival),
        start: iso(s.start),
        end: iso(s.end),
        travelMinutes: s.travelMinutes,
        distanceKm: s.distanceKm,
        lateMinutes: s.lateMinutes,
      })),
      distanceKm: r.distanceKm,
      travelMinutes: r.travelMinutes,
      returnAt: iso(r.returnAt),
    })),
    unplanned: (result?.unplanned ?? []).map((u) => ({
      workOrderId: u.visitId,
      number: number(u.visitId),
      reason: u.reason,
      detail: u.detail,
    })),
    totals: result?.totals ?? null,
    moved: ((row.moved as { visitId: string; from: string; to: string | null }[] | null) ?? []).map((m) => ({
      workOrderId: m.visitId,
      from: m.from,
      to: m.to,
    })),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** POST /dispatch/plans: records a queued plan; the caller hands its id to the job queue. */
export async function createDayPlan(
  tx: Executor,
  meta: CommandMeta,
  input: { serviceCentreId: string; date: string },
  now: Date,
) {
  requirePermission(meta.actor, 'dispatch.plan');
  await loadServiceCentre(tx, meta.actor.tenantId, input.serviceCentreId);
  const row: PlanRow = {
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    serviceCentreId: input.serviceCentreId,
    date: input.date,
    status: 'queued',
    progress: 0,
    parentId: null,
    change: null,
    input: null,
    result: null,
    moved: null,
    error: null,
    requestedBy: meta.actor.userId,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    publishedAt: null,
    publishedBy: null,
  };
  await tx.insert(dispatchPlans).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'dispatch_plan',
    entityId: row.id,
    action: 'dispatch_plan.request',
    after: { serviceCentreId: row.serviceCentreId, date: row.date },
  });
  return planView(row);
}

async function loadPlan(db: Executor, tenantId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(dispatchPlans)
    .where(and(eq(dispatchPlans.tenantId, tenantId), eq(dispatchPlans.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Day plan');
  return row;
}

export async function getDayPlan(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'dispatch.plan');
  return planView(await loadPlan(db, actor.tenantId, id));
}

/** Ids of the tenant's queued plans (the job re-sends them at start, so none is forgotten). */
export async function queuedDayPlans(db: Executor): Promise<{ tenantId: string; planId: string }[]> {
  const rows = await db
    .select({ tenantId: dispatchPlans.tenantId, planId: dispatchPlans.id })
    .from(dispatchPlans)
    .where(eq(dispatchPlans.status, 'queued'));
  return rows;
}

/** The day of a service centre as the optimiser's input. */
async function buildSnapshot(
  db: Executor,
  tenantId: string,
  serviceCentreId: string,
  date: string,
  now: number,
): Promise<PlanSnapshot> {
  const policy = await tenantPolicyOf(db, tenantId);
  const centre = await loadServiceCentre(db, tenantId, serviceCentreId);
  const roster = await rosterFor(db, tenantId, policy.timeZone, date, { serviceCentreId });
  const techIds = roster.map((r) => r.technician.id);
  const dayStart = localInstant(policy.timeZone, date, '00:00');
  const dayEnd = localInstant(policy.timeZone, nextDate(date), '00:00');
  const candidates = await orderFacts(
    db,
    tenantId,
    or(inArray(workOrders.status, ['scheduled', 'dispatched']), inArray(workOrders.status, [...UNSCHEDULED])),
  );
  const inArea = (o: OrderFacts) =>
    o.location !== null &&
    haversineKm({ lat: centre.latitude, lng: centre.longitude }, o.location) <= centre.serviceRadiusKm;
  const chosen: { order: OrderFacts; window: { start: number; end: number } }[] = [];
  for (const o of candidates) {
    if (!o.location || !o.productLineId) continue;
    if (o.slot) {
      if (o.slot.start >= dayEnd || o.slot.start < dayStart) continue;
      if (!(o.assigneeId && techIds.includes(o.assigneeId)) && !inArea(o)) continue;
      chosen.push({ order: o, window: o.slot });
    } else if ((UNSCHEDULED as readonly string[]).includes(o.status) && inArea(o)) {
      chosen.push({ order: o, window: { start: dayStart, end: dayEnd } });
    }
  }
  const deadlines = await slaDeadlines(
    db,
    tenantId,
    policy,
    chosen.map((c) => c.order.id),
    now,
  );
  const visits: Visit[] = chosen.map((c) =>
    visitOf(c.order, c.window, policy, date, deadlines.get(c.order.id)),
  );
  return {
    plan: {
      day: serviceDayOf(policy.timeZone, date),
      policy: dispatchPolicyOf(policy),
      technicians: roster.map((r) => r.technician),
      visits,
    },
    names: Object.fromEntries(roster.map((r) => [r.technician.id, r.technician.name])),
    numbers: Object.fromEntries(chosen.map((c) => [c.order.id, c.order.number])),
  };
}

const withTravel = (p: DayPlanInput): DayPlanInput => ({
  ...p,
  travel: greatCircleTravel(p.policy.roadFactor, p.policy.citySpeedKmh),
});

const SYSTEM = (tenantId: string): CommandMeta => ({
  actor: { userId: '', tenantId, roles: [], displayName: 'Dispatch planner' },
  requestId: 'dispatch-plan-job',
  channel: 'system',
});

export interface PlanJobOptions {
  /** The optimiser's clock for its time budget (e.g. `performance.now`). */
  now?: () => number;
  /** Time budget of the search in ms (with `now`). */
  timeLimitMs?: number;
  /** Iteration budget instead of a time budget (deterministic runs). */
  maxIterations?: number;
}

/**
 * The job: claims a queued plan (SKIP LOCKED, so two workers never run the same plan; progress 5),
 * loads the day and stores the optimiser's input (20), plans it within the time budget and stores
 * the routes (100, done) — or `failed` with the error. Returns false when the plan was not queued.
 */
export async function runDayPlan(
  db: Database,
  tenantId: string,
  planId: string,
  clock: { now(): Date },
  options: PlanJobOptions = {},
): Promise<boolean> {
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(dispatchPlans)
      .where(
        and(
          eq(dispatchPlans.tenantId, tenantId),
          eq(dispatchPlans.id, planId),
          eq(dispatchPlans.status, 'queued'),
        ),
      )
      .for('update', { skipLocked: true });
    if (!row) return null;
    await tx
      .update(dispatchPlans)
      .set({ status: 'running', progress: 5, startedAt: clock.now() })
      .where(and(eq(dispatchPlans.tenantId, tenantId), eq(dispatchPlans.id, planId)));
    return row;
  });
  if (!claimed) return false;
  const where = and(eq(dispatchPlans.tenantId, tenantId), eq(dispatchPlans.id, planId));
  try {
    const snapshot = await buildSnapshot(
      db,
      tenantId,
      claimed.serviceCentreId,
      claimed.date,
      clock.now().getTime(),
    );
    await db.update(dispatchPlans).set({ progress: 20, input: snapshot }).where(where);
    const plan = planDay(withTravel(snapshot.plan), {
      ...(options.now ? { now: options.now, timeLimitMs: options.timeLimitMs ?? 3000 } : {}),
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    });
    const at = clock.now();
    await db.transaction(async (tx) => {
      await tx
        .update(dispatchPlans)
        .set({ status: 'done', progress: 100, result: plan, finishedAt: at })
        .where(where);
      await writeAudit(tx, SYSTEM(tenantId), at, {
        entityType: 'dispatch_plan',
        entityId: planId,
        action: 'dispatch_plan.done',
        after: { totals: plan.totals, unplanned: plan.unplanned },
      });
    });
  } catch (error) {
    await db
      .update(dispatchPlans)
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: clock.now(),
      })
      .where(where);
  }
  return true;
}

function doneSnapshot(row: PlanRow): { snap: PlanSnapshot; result: DayPlan } {
  if (row.status !== 'done' || !row.input || !row.result)
    throw new DomainError(DispatchErrors.planNotDone, `The plan is ${row.status}; wait until it is done.`);
  return { snap: row.input as PlanSnapshot, result: row.result as DayPlan };
}

export type ReplanChange =
  { kind: 'order_added'; workOrderId: string } | { kind: 'technician_out'; technicianId: string };

/**
 * Re-plans a done plan after a change (R-DIS-04): an order joins the day (e.g. an urgent one) or a
 * technician drops out. Starts from the previous routes and charges every visit that changes
 * technician, so the rest of the sent plan stays. The result is a new plan (parent = this one).
 */
export async function replanDay(
  tx: Executor,
  meta: CommandMeta,
  planId: string,
  change: ReplanChange,
  now: Date,
) {
  requirePermission(meta.actor, 'dispatch.plan');
  const tenantId = meta.actor.tenantId;
  const row = await loadPlan(tx, tenantId, planId);
  const { snap, result } = doneSnapshot(row);
  let planChange: PlanChange;
  const numbers = { ...snap.numbers };
  if (change.kind === 'technician_out') {
    if (!snap.plan.technicians.some((t) => t.id === change.technicianId))
      throw new DomainError(DispatchErrors.technicianUnknown, 'This technician is not in the plan.', {
        field: 'change.technicianId',
      });
    planChange = { kind: 'technicianOut', technicianId: change.technicianId };
  } else {
    if (snap.plan.visits.some((v) => v.id === change.workOrderId))
      throw new DomainError(DispatchErrors.visitUnknown, 'This order is in the plan already.', {
        field: 'change.workOrderId',
      });
    const [order] = await orderFacts(tx, tenantId, eq(workOrders.id, change.workOrderId));
    if (!order) throw notFound('Work order', 'change.workOrderId');
    const policy = await tenantPolicyOf(tx, tenantId);
    const dayStart = snap.plan.day.midnight;
    const dayEnd = localInstant(policy.timeZone, nextDate(row.date), '00:00');
    const window = order.slot ?? { start: Math.max(dayStart, now.getTime()), end: dayEnd };
    const deadline = (await slaDeadlines(tx, tenantId, policy, [order.id], now.getTime())).get(order.id);
    planChange = { kind: 'visitAdded', visit: visitOf(order, window, policy, row.date, deadline) };
    numbers[order.id] = order.number;
  }
  const out = replan(withTravel(snap.plan), result, planChange);
  const { travel: _travel, ...input } = out.input;
  void _travel;
  const next: PlanRow = {
    ...row,
    id: randomUUID(),
    status: 'done',
    progress: 100,
    parentId: row.id,
    change,
    input: { ...snap, plan: input, numbers },
    result: out.plan,
    moved: out.moved,
    error: null,
    requestedBy: meta.actor.userId,
    createdAt: now,
    startedAt: now,
    finishedAt: now,
    publishedAt: null,
    publishedBy: null,
  };
  await tx.insert(dispatchPlans).values(next);
  await writeAudit(tx, meta, now, {
    entityType: 'dispatch_plan',
    entityId: next.id,
    action: 'dispatch_plan.replan',
    before: { planId: row.id },
    after: { change, moved: out.moved, totals: out.plan.totals },
  });
  return planView(next);
}

/** The board's drag-and-drop check: each given route scheduled in that order, with its violations. */
export async function checkPlanMoves(
  db: Executor,
  actor: Actor,
  planId: string,
  moves: { technicianId: string; workOrderIds: string[] }[],
) {
  requirePermission(actor, 'dispatch.plan');
  const { snap } = doneSnapshot(await loadPlan(db, actor.tenantId, planId));
  const input = withTravel(snap.plan);
  const routes = moves.map((m, i) => {
    if (!input.technicians.some((t) => t.id === m.technicianId))
      throw new DomainError(DispatchErrors.technicianUnknown, 'This technician is not in the plan.', {
        field: `moves.${i}.technicianId`,
      });
    m.workOrderIds.forEach((id, j) => {
      if (!input.visits.some((v) => v.id === id))
        throw new DomainError(DispatchErrors.visitUnknown, 'This order is not in the plan.', {
          field: `moves.${i}.workOrderIds.${j}`,
        });
    });
    const c = checkRoute(input, m.technicianId, m.workOrderIds);
    return {
      technicianId: m.technicianId,
      feasible: c.feasible,
      stops: c.stops.map((s) => ({
        workOrderId: s.visitId,
        number: snap.numbers[s.visitId] ?? '',
        arrival: iso(s.arrival),
        start: iso(s.start),
        end: iso(s.end),
        travelMinutes: s.travelMinutes,
        distanceKm: s.distanceKm,
        lateMinutes: s.lateMinutes,
      })),
      violations: c.violations.map((v) => ({
        workOrderId: v.visitId ?? null,
        code: v.code,
        detail: v.detail,
      })),
    };
  });
  return { feasible: routes.every((r) => r.feasible), routes };
}

/**
 * Publishes a done plan: every planned order gets its technician and time through its own move —
 * `schedule` (slot = planned service time, distance from the centre) when not booked yet, `dispatch`
 * when booked — each in a savepoint, so an order that moved on meanwhile is skipped with the reason.
 */
export async function publishDayPlan(tx: Executor, meta: CommandMeta, planId: string, now: Date) {
  requirePermission(meta.actor, 'dispatch.assign');
  const tenantId = meta.actor.tenantId;
  const row = await loadPlan(tx, tenantId, planId, true);
  const { result } = doneSnapshot(row);
  if (row.publishedAt)
    throw new DomainError(DispatchErrors.planPublished, 'This plan was published already.');
  const centre = await loadServiceCentre(tx, tenantId, row.serviceCentreId);
  const policy = await tenantPolicyOf(tx, tenantId);
  const roadFactor = policy.dispatch.roadFactorBp / 10_000;
  const applied: { workOrderId: string; technicianId: string; move: 'schedule' | 'dispatch' }[] = [];
  const skipped: { workOrderId: string; reason: string }[] = [];
  for (const route of result.routes) {
    for (const stop of route.stops) {
      const [order] = await orderFacts(tx, tenantId, eq(workOrders.id, stop.visitId));
      if (!order) {
        skipped.push({ workOrderId: stop.visitId, reason: 'not found' });
        continue;
      }
      const move =
        order.status === 'scheduled'
          ? ('dispatch' as const)
          : (UNSCHEDULED as readonly string[]).includes(order.status)
            ? ('schedule' as const)
            : null;
      if (!move) {
        skipped.push({ workOrderId: order.id, reason: `status ${order.status}` });
        continue;
      }
      const distanceKm = order.location
        ? Math.round(
            haversineKm({ lat: centre.latitude, lng: centre.longitude }, order.location) * roadFactor,
          )
        : undefined;
      const payload =
        move === 'schedule'
          ? {
              slotStart: iso(stop.start),
              slotEnd: iso(stop.end),
              address: order.address ?? '',
              ...(distanceKm === undefined ? {} : { distanceKm }),
            }
          : { assigneeId: route.technicianId };
      try {
        await tx.transaction(async (sp) => {
          await transitionWorkOrder(
            sp,
            meta,
            order.id,
            { action: move, payload, assigneeId: route.technicianId, reason: `Day plan ${row.date}` },
            now,
          );
        });
        applied.push({ workOrderId: order.id, technicianId: route.technicianId, move });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push({ workOrderId: order.id, reason: `${error.code}: ${error.message}` });
      }
    }
  }
  await tx
    .update(dispatchPlans)
    .set({ publishedAt: now, publishedBy: meta.actor.userId })
    .where(and(eq(dispatchPlans.tenantId, tenantId), eq(dispatchPlans.id, planId)));
  await writeAudit(tx, meta, now, {
    entityType: 'dispatch_plan',
    entityId: planId,
    action: 'dispatch_plan.publish',
    after: { applied, skipped },
  });
  return { plan: planView({ ...row, publishedAt: now, publishedBy: meta.actor.userId }), applied, skipped };
}
