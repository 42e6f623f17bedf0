import { workingStretch } from './availability';
import type { DayPlanInput } from './day-model';
import type { PlannedStop } from './day-plan';
import { dayRejections, qualificationRejections } from './eligibility';
import { freeStarts } from './intervals';
import { greatCircleTravel } from './travel';
import type { RejectionCode } from './types';

/** One broken rule of a manually arranged route; `LATE` is soft (allowed, but shown). */
export interface RouteViolation {
  readonly visitId?: string;
  readonly code: RejectionCode | 'LATE';
  readonly detail: string;
}

/** Schedule and rule check of a technician's route as the supervisor arranged it. */
export interface RouteCheck {
  readonly feasible: boolean;
  readonly stops: readonly PlannedStop[];
  readonly violations: readonly RouteViolation[];
}

const MIN = 60_000;

/**
 * Checks a technician's route in a given visit order (the board's drag-and-drop feedback, R-DIS-04):
 * qualification, weekday rule, working stretch, van capacity, customer's rest hours, and lateness.
 * Each visit starts as early as its window, the travel and the rest hours allow.
 */
export function checkRoute(
  input: DayPlanInput,
  technicianId: string,
  visitIds: readonly string[],
): RouteCheck {
  const tech = input.technicians.find((t) => t.id === technicianId);
  if (!tech) throw new Error(`DISPATCH_UNKNOWN_TECHNICIAN: ${technicianId}`);
  const byId = new Map(input.visits.map((v) => [v.id, v]));
  const visits = visitIds.map((id) => {
    const v = byId.get(id);
    if (!v) throw new Error(`DISPATCH_UNKNOWN_VISIT: ${id}`);
    return v;
  });
  const travel = input.travel ?? greatCircleTravel(input.policy.roadFactor, input.policy.citySpeedKmh);
  const points = [tech.home, ...visits.map((v) => v.location), tech.home];
  const m = travel.between(points, points);
  const P = points.length;
  const violations: RouteViolation[] = [];
  const stretch = workingStretch(tech);
  if (!stretch) violations.push({ code: 'OFF_SHIFT', detail: `${tech.name} does not work that day` });
  let t = stretch?.start ?? input.day.midnight;
  let load = 0;
  const stops: PlannedStop[] = visits.map((v, i) => {
    for (const r of [
      ...qualificationRejections(tech, v, v.window.start),
      ...dayRejections(v, input.day, input.policy),
    ])
      violations.push({ visitId: v.id, ...r });
    const leg = m.minutes[i * P + i + 1]!;
    const arrival = t + leg * MIN;
    const serviceMs = v.serviceMinutes * MIN;
    const open = {
      start: Math.max(arrival, v.window.start),
      end: Math.max(arrival, v.window.start, v.window.end),
    };
    const free = freeStarts(
      { start: open.start, end: open.start + 24 * 60 * MIN },
      null,
      v.avoid ?? [],
      serviceMs,
    );
    const start = free[0]?.start ?? open.start;
    if (!free[0])
      violations.push({ visitId: v.id, code: 'CUSTOMER_REST_TIME', detail: 'no start outside rest hours' });
    const due = Math.min(v.window.end, v.slaDeadline ?? Infinity);
    const late = Math.max(0, (start - due) / MIN);
    if (late > 0)
      violations.push({ visitId: v.id, code: 'LATE', detail: `starts ${Math.round(late)} min late` });
    load += v.load ?? 0;
    t = start + serviceMs;
    return {
      visitId: v.id,
      arrival,
      start,
      end: t,
      travelMinutes: leg,
      distanceKm: m.km[i * P + i + 1]!,
      lateMinutes: late,
    };
  });
  const back = t + m.minutes[(P - 2) * P + P - 1]! * MIN;
  if (stretch && back > stretch.end)
    violations.push({
      code: 'OFF_SHIFT',
      detail: `back at base ${Math.round((back - stretch.end) / MIN)} min after the shift`,
    });
  if (stretch && stops[0] && stops[0].arrival - stops[0].travelMinutes * MIN < stretch.start)
    violations.push({ code: 'OFF_SHIFT', detail: 'would leave before the shift starts' });
  if (load > tech.vanCapacity)
    violations.push({ code: 'VAN_FULL', detail: `load ${load} > van ${tech.vanCapacity}` });
  return { feasible: violations.every((x) => x.code === 'LATE'), stops, violations };
}
