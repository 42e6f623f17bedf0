import type { PlannedStop, PlanRoute } from '../api/dispatch';

export interface MovePlan {
  /** Every technician's work orders in visit order after the move. */
  routes: Record<string, string[]>;
  /** What POST /dispatch/plans/{id}/check needs: the target's route and, if any, the source's. */
  moves: { technicianId: string; workOrderIds: string[] }[];
}

/**
 * The routes after dragging a visit onto a technician's row (R-DIS-04 what-if). The routes start from
 * the plan's, with the supervisor's earlier moves applied; the target keeps its visits ordered by their
 * current start times and the newcomer goes where its own start falls (an unplanned visit goes last).
 * Null when the visit already belongs to that technician.
 */
export function moveVisit(
  planRoutes: readonly PlanRoute[],
  draftRoutes: Readonly<Record<string, string[]>>,
  draftStops: Readonly<Record<string, PlannedStop[]>>,
  workOrderId: string,
  technicianId: string,
): MovePlan | null {
  const routes: Record<string, string[]> = {};
  for (const route of planRoutes) routes[route.technicianId] = route.stops.map((s) => s.workOrderId);
  Object.assign(routes, draftRoutes);
  const source = Object.keys(routes).find((id) => routes[id]!.includes(workOrderId));
  if (source === technicianId) return null;

  const startOf = new Map<string, number>();
  for (const route of planRoutes)
    for (const stop of route.stops) startOf.set(stop.workOrderId, Date.parse(stop.start));
  for (const stops of Object.values(draftStops))
    for (const stop of stops) startOf.set(stop.workOrderId, Date.parse(stop.start));

  const target = [...(routes[technicianId] ?? []), workOrderId].sort(
    (a, b) => (startOf.get(a) ?? Infinity) - (startOf.get(b) ?? Infinity),
  );
  const next = { ...routes, [technicianId]: target };
  if (source) next[source] = routes[source]!.filter((id) => id !== workOrderId);
  const moves = [technicianId, ...(source ? [source] : [])].map((id) => ({
    technicianId: id,
    workOrderIds: next[id]!,
  }));
  return { routes: next, moves };
}
