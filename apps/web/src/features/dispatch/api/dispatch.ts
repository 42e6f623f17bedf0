// Dispatch board API (docs/api-dispatch.md): service centres, the day's roster, day plans, the
// feasibility check behind drag and drop, and publishing.
import { apiRequest } from '../../../app/api/client';

export interface ServiceCentre {
  id: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  serviceRadiusKm: number;
  active: boolean;
}

interface Page<T> {
  items: T[];
  total: number;
}

export interface RosterTechnician {
  technicianId: string;
  name: string;
  shifts: { kind: 'regular' | 'on_call'; start: string; end: string }[];
  leave: { id: string; start: string; end: string }[];
}

export interface Roster {
  serviceCentreId: string;
  date: string;
  technicians: RosterTechnician[];
}

export interface PlannedStop {
  workOrderId: string;
  number: string;
  arrival: string;
  start: string;
  end: string;
  travelMinutes: number;
  distanceKm: number;
  lateMinutes: number;
}

export interface PlanRoute {
  technicianId: string;
  name: string;
  stops: PlannedStop[];
  distanceKm: number;
  travelMinutes: number;
  returnAt: string;
}

export interface UnplannedVisit {
  workOrderId: string;
  number: string;
  reason: string;
  detail: string;
}

export type PlanStatus = 'queued' | 'running' | 'done' | 'failed';

export interface DayPlan {
  id: string;
  serviceCentreId: string;
  date: string;
  status: PlanStatus;
  progress: number;
  routes: PlanRoute[];
  unplanned: UnplannedVisit[];
  totals: {
    planned: number;
    unplanned: number;
    distanceKm: number;
    travelMinutes: number;
    lateVisits: number;
    lateMinutes: number;
  } | null;
  error: string | null;
  publishedAt: string | null;
}

export interface CheckViolation {
  workOrderId: string | null;
  code: string;
  detail: string;
}

export interface CheckResult {
  feasible: boolean;
  routes: { technicianId: string; feasible: boolean; stops: PlannedStop[]; violations: CheckViolation[] }[];
}

export interface PublishResult {
  plan: DayPlan;
  applied: { workOrderId: string; technicianId: string; move: 'schedule' | 'dispatch' }[];
  skipped: { workOrderId: string; reason: string }[];
}

export async function listServiceCentres(signal?: AbortSignal): Promise<ServiceCentre[]> {
  const page = await apiRequest<Page<ServiceCentre>>('/service-centres', {
    query: { active: true, pageSize: 100 },
    signal,
  });
  return page.items;
}

export function getRoster(centreId: string, date: string, signal?: AbortSignal): Promise<Roster> {
  return apiRequest<Roster>(`/service-centres/${encodeURIComponent(centreId)}/roster`, {
    query: { date },
    signal,
  });
}

export function createPlan(serviceCentreId: string, date: string): Promise<DayPlan> {
  return apiRequest<DayPlan>('/dispatch/plans', { method: 'POST', body: { serviceCentreId, date } });
}

export function getPlan(id: string, signal?: AbortSignal): Promise<DayPlan> {
  return apiRequest<DayPlan>(`/dispatch/plans/${encodeURIComponent(id)}`, { signal });
}

export function checkPlan(
  id: string,
  moves: { technicianId: string; workOrderIds: string[] }[],
): Promise<CheckResult> {
  return apiRequest<CheckResult>(`/dispatch/plans/${encodeURIComponent(id)}/check`, {
    method: 'POST',
    body: { moves },
  });
}

/** R-DIS-04: re-plan the day when a technician drops out; the other routes stay as sent. */
export function replanWithout(id: string, technicianId: string): Promise<DayPlan> {
  return apiRequest<DayPlan>(`/dispatch/plans/${encodeURIComponent(id)}/replan`, {
    method: 'POST',
    body: { change: { kind: 'technician_out', technicianId } },
  });
}

export function publishPlan(id: string): Promise<PublishResult> {
  return apiRequest<PublishResult>(`/dispatch/plans/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}

export interface VisitLocation {
  latitude: number;
  longitude: number;
}

/**
 * Where a visit is. The plan does not carry coordinates, so the map reads them from the order's
 * assignment proposals (`visit.latitude/longitude`, the same location the planner used); the slot
 * only matters for the ranking, which the map ignores.
 */
export async function getVisitLocation(
  workOrderId: string,
  slotStart: string,
  slotEnd: string,
  signal?: AbortSignal,
): Promise<VisitLocation> {
  const answer = await apiRequest<{ visit: VisitLocation }>(
    `/work-orders/${encodeURIComponent(workOrderId)}/assignment-proposals`,
    { query: { slotStart, slotEnd }, signal },
  );
  return { latitude: answer.visit.latitude, longitude: answer.visit.longitude };
}
