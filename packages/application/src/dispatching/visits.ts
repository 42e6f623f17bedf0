/**
 * Work orders as dispatch visits: where (the request's address, else the unit's, else the customer's
 * default address — with coordinates), which product line, how urgent, the booked slot and the
 * SLA deadline from the order's running clocks.
 */
import { alias } from 'drizzle-orm/pg-core';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { DomainError, type Policy } from '@aftercare/domain';
import type { Assignment, Interval, Priority, Visit } from '@aftercare/dispatch';
import {
  customerAddresses,
  productModels,
  serviceRequests,
  slaClocks,
  units,
  workOrders,
  type Executor,
} from '@aftercare/db';
import { calendarsFor } from '../sla/calendars';
import { evaluateClock, type SlaClock } from '@aftercare/domain';
import { localInstant } from '../workforce/local-time';

export const DispatchErrors = {
  addressNotLocated: 'DISPATCH_ADDRESS_NOT_LOCATED',
  productLineUnknown: 'DISPATCH_PRODUCT_LINE_UNKNOWN',
  ruleViolated: 'DISPATCH_RULE_VIOLATED',
  overrideForbidden: 'DISPATCH_OVERRIDE_FORBIDDEN',
  orderNotAssignable: 'DISPATCH_ORDER_NOT_ASSIGNABLE',
  technicianUnknown: 'DISPATCH_TECHNICIAN_NOT_FOUND',
  planNotDone: 'DISPATCH_PLAN_NOT_DONE',
  planPublished: 'DISPATCH_PLAN_PUBLISHED',
  visitUnknown: 'DISPATCH_VISIT_NOT_FOUND',
} as const;

/** Statuses in which an order still needs a technician and a slot. */
export const UNSCHEDULED = ['assessed', 'confirmed', 'rework'] as const;
/** Statuses in which an order occupies its technician's booked time. */
export const BOOKED = ['scheduled', 'dispatched', 'en_route', 'on_site', 'in_repair'] as const;

export interface OrderFacts {
  id: string;
  number: string;
  status: string;
  priority: Priority;
  assigneeId: string | null;
  requestId: string;
  productLineId: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  slot: Interval | null;
}

const reqAddress = alias(customerAddresses, 'req_address');
const unitAddress = alias(customerAddresses, 'unit_address');

function slotOf(details: unknown): Interval | null {
  const d = details as Record<string, Record<string, unknown> | undefined>;
  const s = d?.schedule;
  if (!s || typeof s.slotStart !== 'string' || typeof s.slotEnd !== 'string') return null;
  return { start: Date.parse(s.slotStart), end: Date.parse(s.slotEnd) };
}

/** The facts dispatch needs about the tenant's orders matching `where`. */
export async function orderFacts(
  db: Executor,
  tenantId: string,
  where: SQL | undefined,
): Promise<OrderFacts[]> {
  const rows = await db
    .select({
      o: workOrders,
      productLineId: productModels.productLineId,
      req: reqAddress,
      unit: unitAddress,
    })
    .from(workOrders)
    .innerJoin(
      serviceRequests,
      and(eq(serviceRequests.tenantId, workOrders.tenantId), eq(serviceRequests.id, workOrders.requestId)),
    )
    .leftJoin(
      reqAddress,
      and(eq(reqAddress.tenantId, workOrders.tenantId), eq(reqAddress.id, serviceRequests.addressId)),
    )
    .leftJoin(units, and(eq(units.tenantId, workOrders.tenantId), eq(units.id, workOrders.unitId)))
    .leftJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .leftJoin(unitAddress, and(eq(unitAddress.tenantId, units.tenantId), eq(unitAddress.id, units.addressId)))
    .where(and(eq(workOrders.tenantId, tenantId), where));
  const missing = rows.filter((r) => !located(r.req) && !located(r.unit)).map((r) => r.o.customerId);
  const defaults = missing.length
    ? await db
        .select()
        .from(customerAddresses)
        .where(and(eq(customerAddresses.tenantId, tenantId), inArray(customerAddresses.customerId, missing)))
    : [];
  return rows.map((r) => {
    const fallback =
      defaults.find((a) => a.customerId === r.o.customerId && a.isDefault && located(a)) ??
      defaults.find((a) => a.customerId === r.o.customerId && located(a));
    const address = [r.req, r.unit, fallback].find(located) ?? null;
    return {
      id: r.o.id,
      number: r.o.number,
      status: r.o.status,
      priority: r.o.priority as Priority,
      assigneeId: r.o.assigneeId,
      requestId: r.o.requestId,
      productLineId: r.productLineId,
      location: address ? { lat: address.latitude!, lng: address.longitude! } : null,
      address: address
        ? [address.province, address.city, address.district, address.line].filter(Boolean).join('')
        : null,
      slot: slotOf(r.o.details),
    };
  });
}

function located(a: { latitude: number | null; longitude: number | null } | null | undefined): boolean {
  return !!a && a.latitude !== null && a.longitude !== null;
}

/** Earliest deadline of the order's running SLA clocks (R-WO-03 on-site, R-WAR-01 …), if any. */
export async function slaDeadlines(
  db: Executor,
  tenantId: string,
  policy: Policy,
  orderIds: string[],
  now: number,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (orderIds.length === 0) return out;
  const rows = await db
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenantId),
        eq(slaClocks.subjectType, 'work_order'),
        inArray(slaClocks.subjectId, orderIds),
      ),
    );
  const calendars = calendarsFor(tenantId, policy);
  for (const row of rows) {
    const ev = evaluateClock(row.clock as unknown as SlaClock, calendars, now);
    if (ev.state !== 'running' && ev.state !== 'breached') continue;
    const prev = out.get(row.subjectId);
    if (prev === undefined || ev.deadline < prev) out.set(row.subjectId, ev.deadline);
  }
  return out;
}

/** The customer's rest and meal hours of a local date (policy R-WO-04) as instants. */
export function restHours(policy: Policy, date: string): Interval[] {
  return policy.workOrder.visitAvoidWindows.map((w) => ({
    start: localInstant(policy.timeZone, date, w.start),
    end: localInstant(policy.timeZone, date, w.end),
  }));
}

const WEEKDAY_NUMBERS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;

/** Dispatch settings of the policy: road factor, city speed and the tenant-wide weekday rule. */
export function dispatchPolicyOf(policy: Policy) {
  return {
    roadFactor: policy.dispatch.roadFactorBp / 10_000,
    citySpeedKmh: policy.dispatch.citySpeedKmh,
    allowedWeekdays: { '*': policy.workOrder.allowedVisitWeekdays.map((d) => WEEKDAY_NUMBERS[d]) },
  };
}

/** An order as a visit: located, with a product line, in the given window. */
export function visitOf(
  order: OrderFacts,
  window: Interval,
  policy: Policy,
  date: string,
  slaDeadline: number | undefined,
): Visit {
  if (!order.location)
    throw new DomainError(
      DispatchErrors.addressNotLocated,
      `Work order ${order.number} has no address with coordinates to travel to.`,
    );
  if (!order.productLineId)
    throw new DomainError(
      DispatchErrors.productLineUnknown,
      `Work order ${order.number} has no product, so no skill can be matched.`,
    );
  return {
    id: order.id,
    location: order.location,
    window,
    serviceMinutes: policy.dispatch.defaultVisitMinutes,
    productLine: order.productLineId,
    priority: order.priority,
    ...(slaDeadline === undefined ? {} : { slaDeadline }),
    booked: order.slot !== null,
    ...((['dispatched', 'en_route', 'on_site', 'in_repair'] as string[]).includes(order.status) &&
    order.assigneeId
      ? { pinnedTechnicianId: order.assigneeId }
      : {}),
    avoid: restHours(policy, date),
  };
}

/** The booked orders of the given technicians on a day, as their assignments (busy time). */
export async function bookedAssignments(
  db: Executor,
  tenantId: string,
  policy: Policy,
  technicianIds: string[],
  day: Interval,
): Promise<Assignment[]> {
  if (technicianIds.length === 0) return [];
  const orders = await orderFacts(
    db,
    tenantId,
    and(inArray(workOrders.assigneeId, technicianIds), inArray(workOrders.status, [...BOOKED])),
  );
  const serviceMs = policy.dispatch.defaultVisitMinutes * 60_000;
  return orders
    .filter((o) => o.slot && o.location && o.assigneeId && o.slot.start < day.end && o.slot.end > day.start)
    .map((o) => ({
      technicianId: o.assigneeId!,
      visitId: o.id,
      location: o.location!,
      start: o.slot!.start,
      end: Math.min(o.slot!.end, o.slot!.start + serviceMs),
    }));
}
