import type { DayModel, UnplannedVisit } from './day-model';

/** One planned stop of a technician's route, with its schedule (instants) and lateness. */
export interface PlannedStop {
  readonly visitId: string;
  readonly arrival: number;
  readonly start: number;
  readonly end: number;
  readonly travelMinutes: number;
  readonly distanceKm: number;
  /** Minutes the service starts after the window end or the SLA deadline (0 when on time). */
  readonly lateMinutes: number;
}

/** A technician's route for the day (R-DIS-04). */
export interface TechnicianRoute {
  readonly technicianId: string;
  readonly stops: readonly PlannedStop[];
  readonly distanceKm: number;
  readonly travelMinutes: number;
  /** Back at the end location (instant). */
  readonly returnAt: number;
}

/** A day plan: every working technician's route and the visits left out with their reasons. */
export interface DayPlan {
  readonly date: string;
  readonly routes: readonly TechnicianRoute[];
  readonly unplanned: readonly UnplannedVisit[];
  readonly totals: {
    readonly planned: number;
    readonly unplanned: number;
    readonly distanceKm: number;
    readonly travelMinutes: number;
    readonly lateVisits: number;
    readonly lateMinutes: number;
  };
}

const MIN = 60_000;

/** Turns the optimiser's routes (job nodes per vehicle) into a plan with instants and lateness. */
export function decodePlan(
  model: DayModel,
  date: string,
  midnight: number,
  routes: readonly (readonly number[])[],
  unplanned: readonly UnplannedVisit[],
): DayPlan {
  const p = model.problem;
  const n = p.nodeCount;
  let planned = 0;
  let distanceKm = 0;
  let travelMinutes = 0;
  let lateVisits = 0;
  let lateMinutes = 0;
  const at = (minutes: number) => midnight + Math.round(minutes * MIN);
  const out = model.techOfVehicle.map((tech, k): TechnicianRoute => {
    const v = p.vehicles[k]!;
    let prev = v.start;
    let t = v.shiftStart;
    let km = 0;
    let mins = 0;
    const stops: PlannedStop[] = [];
    for (const u of routes[k] ?? []) {
      const leg = p.travel[prev * n + u]!;
      const arrival = t + p.service[prev]! + leg;
      const start = Math.max(arrival, p.ready[u]!);
      const late = Math.max(0, start - model.onTimeDue[u]!);
      km += model.km[prev * n + u]!;
      mins += leg;
      stops.push({
        visitId: model.visitOfNode[u]!.id,
        arrival: at(arrival),
        start: at(start),
        end: at(start + p.service[u]!),
        travelMinutes: leg,
        distanceKm: model.km[prev * n + u]!,
        lateMinutes: late,
      });
      if (late > 1e-6) {
        lateVisits++;
        lateMinutes += late;
      }
      t = start;
      prev = u;
    }
    const back = p.travel[prev * n + v.end]!;
    km += model.km[prev * n + v.end]!;
    mins += back;
    planned += stops.length;
    distanceKm += km;
    travelMinutes += mins;
    return {
      technicianId: tech.id,
      stops,
      distanceKm: km,
      travelMinutes: mins,
      returnAt: at(t + p.service[prev]! + back),
    };
  });
  return {
    date,
    routes: out,
    unplanned,
    totals: { planned, unplanned: unplanned.length, distanceKm, travelMinutes, lateVisits, lateMinutes },
  };
}
