import type { RoutingProblem, VehicleSpec } from '../core/problem';
import { workingStretch } from './availability';
import { dayRejections, qualificationRejections, type Rejection } from './eligibility';
import { freeStarts } from './intervals';
import { greatCircleTravel, type TravelMatrixProvider } from './travel';
import type { DispatchPolicy, Priority, RejectionCode, ServiceDay, Technician, Visit } from './types';

/** Everything `planDay` needs: one service centre's day, its technicians and its visits. */
export interface DayPlanInput {
  readonly day: ServiceDay;
  readonly policy: DispatchPolicy;
  readonly technicians: readonly Technician[];
  readonly visits: readonly Visit[];
  readonly travel?: TravelMatrixProvider;
}

/** A visit that stays unplanned, with the coded reason (R-DIS-04). */
export interface UnplannedVisit {
  readonly visitId: string;
  readonly reason: RejectionCode;
  readonly detail: string;
}

/** Objective weights, in minutes of travel: what it costs to leave out or move a visit. */
export const PLAN_PENALTIES = {
  unplanned: { urgent: 1_000_000, normal: 100_000, low: 10_000 } satisfies Record<Priority, number>,
  /** Moving a visit already sent to a technician to someone else (re-planning). */
  moveSent: 480,
  /** Moving a planned but not yet sent visit to another technician (re-planning). */
  movePlanned: 30,
  /** Per skill level below 5, so that experts are preferred when travel is equal. */
  perMissingSkillLevel: 0.5,
};

/** The routing problem of a day plus the mapping back to visits and technicians. */
export interface DayModel {
  readonly problem: RoutingProblem;
  /** Node of each visit that is a job of the problem. */
  readonly nodeOfVisit: ReadonlyMap<string, number>;
  /** Visit of each job node (visits occupy nodes 0..V-1). */
  readonly visitOfNode: readonly Visit[];
  /** Technician of each vehicle. */
  readonly techOfVehicle: readonly Technician[];
  readonly km: Float64Array;
  /** Latest service start without lateness (window end or SLA deadline), minutes from midnight. */
  readonly onTimeDue: Float64Array;
  readonly unplannable: readonly UnplannedVisit[];
}

/** Per-visit stability costs for re-planning: the technician it had, and whether it was sent. */
export type PreviousOwners = ReadonlyMap<string, { technicianId: string; sent: boolean }>;

const MIN = 60_000;

/**
 * Builds the day's routing problem (R-DIS-04): technicians become vehicles with their own start/end
 * (home), working stretch and van capacity; visits become jobs whose start window is the booked
 * window cut by the SLA deadline and the customer's rest hours; skills, certificates, assessment,
 * service area and pins become job×vehicle compatibility and costs.
 */
export function buildDayModel(input: DayPlanInput, previous?: PreviousOwners): DayModel {
  const { day, policy } = input;
  const travel = input.travel ?? greatCircleTravel(policy.roadFactor, policy.citySpeedKmh);
  const stretches = input.technicians.map((t) => ({ tech: t, stretch: workingStretch(t) }));
  const working = stretches.filter((s) => s.stretch !== null);
  const V = input.visits.length;
  const K = working.length;
  const n = V + K;
  const points = [...input.visits.map((v) => v.location), ...working.map((w) => w.tech.home)];
  const m = travel.between(points, points);
  const ready = new Float64Array(n);
  const due = new Float64Array(n);
  const onTimeDue = new Float64Array(n);
  const service = new Float64Array(n);
  const demand = new Float64Array(n);
  const penalty = new Float64Array(n);
  const assign = new Float64Array(n * K).fill(Infinity);
  const jobs: number[] = [];
  const unplannable: UnplannedVisit[] = [];
  const nodeOfVisit = new Map<string, number>();
  const toMin = (t: number) => (t - day.midnight) / MIN;
  input.visits.forEach((v, i) => {
    const why = visitModel(v, i);
    if (why) unplannable.push({ visitId: v.id, reason: why.code, detail: why.detail });
    else {
      jobs.push(i);
      nodeOfVisit.set(v.id, i);
    }
  });
  function visitModel(v: Visit, i: number): Rejection | null {
    const dayRule = dayRejections(v, day, policy)[0];
    if (dayRule) return dayRule;
    const serviceMs = v.serviceMinutes * MIN;
    const starts = freeStarts(v.window, null, v.avoid ?? [], serviceMs);
    const largest = starts.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    if (!largest)
      return { code: 'CUSTOMER_REST_TIME', detail: "the whole window falls in the customer's rest hours" };
    if (K === 0) return { code: 'NO_TECHNICIAN_ON_SHIFT', detail: 'no technician works that day' };
    ready[i] = toMin(largest.start);
    const sla = v.slaDeadline === undefined ? Infinity : toMin(v.slaDeadline);
    due[i] = Math.max(ready[i]!, Math.min(toMin(largest.end), sla));
    onTimeDue[i] = due[i]!;
    service[i] = v.serviceMinutes;
    demand[i] = v.load ?? 0;
    penalty[i] = PLAN_PENALTIES.unplanned[v.priority];
    const counts = new Map<RejectionCode, number>();
    let compatible = 0;
    working.forEach(({ tech }, k) => {
      const rej = qualificationRejections(tech, v, v.window.start);
      if (rej.length > 0) {
        for (const r of rej) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
        return;
      }
      compatible++;
      const level = tech.skills.find((s) => s.productLine === v.productLine)?.level ?? 0;
      let cost = PLAN_PENALTIES.perMissingSkillLevel * Math.max(0, 5 - level);
      const prev = previous?.get(v.id);
      const pinned = v.pinnedTechnicianId;
      if (prev && prev.technicianId !== tech.id)
        cost += prev.sent ? PLAN_PENALTIES.moveSent : PLAN_PENALTIES.movePlanned;
      else if (!prev && pinned !== undefined && pinned !== tech.id) cost += PLAN_PENALTIES.moveSent;
      assign[i * K + k] = cost;
    });
    if (compatible > 0) return null;
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const detail = [...counts.entries()].map(([c, k]) => `${c}×${k}`).join(', ');
    return { code: top?.[0] ?? 'SKILL_MISSING', detail: `no qualified technician on shift (${detail})` };
  }
  const vehicles: VehicleSpec[] = working.map((w, k) => ({
    start: V + k,
    end: V + k,
    shiftStart: toMin(w.stretch!.start),
    shiftEnd: toMin(w.stretch!.end),
    capacity: w.tech.vanCapacity,
  }));
  for (let k = 0; k < K; k++) due[V + k] = vehicles[k]!.shiftEnd;
  return {
    problem: {
      nodeCount: n,
      cost: m.minutes,
      travel: m.minutes,
      ready,
      due,
      service,
      demand,
      jobs: Int32Array.from(jobs),
      vehicles,
      unassignedPenalty: penalty,
      assignmentCost: assign,
    },
    nodeOfVisit,
    visitOfNode: input.visits,
    techOfVehicle: working.map((w) => w.tech),
    km: m.km,
    onTimeDue,
    unplannable,
  };
}
