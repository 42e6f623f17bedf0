import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkPlan,
  createPlan,
  getPlan,
  getRoster,
  getVisitLocation,
  listServiceCentres,
  publishPlan,
  type DayPlan,
  type VisitLocation,
  replanWithout,
} from '../api/dispatch';

export const dispatchKeys = {
  centres: ['dispatch', 'centres'] as const,
  roster: (centreId: string, date: string) => ['dispatch', 'roster', centreId, date] as const,
  plan: (id: string) => ['dispatch', 'plan', id] as const,
};

export function useServiceCentres() {
  return useQuery({ queryKey: dispatchKeys.centres, queryFn: ({ signal }) => listServiceCentres(signal) });
}

export function useRoster(centreId: string | undefined, date: string) {
  return useQuery({
    queryKey: dispatchKeys.roster(centreId ?? '', date),
    queryFn: ({ signal }) => getRoster(centreId!, date, signal),
    enabled: Boolean(centreId && date),
  });
}

const isRunning = (plan: DayPlan | undefined) => plan?.status === 'queued' || plan?.status === 'running';

/** The plan, polled every second while the planner job runs (docs/api-dispatch.md). */
export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.plan(id ?? ''),
    queryFn: ({ signal }) => getPlan(id!, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ centreId, date }: { centreId: string; date: string }) => createPlan(centreId, date),
    onSuccess: (plan) => queryClient.setQueryData(dispatchKeys.plan(plan.id), plan),
  });
}

export function useCheckPlan() {
  return useMutation({
    mutationFn: ({
      planId,
      moves,
    }: {
      planId: string;
      moves: { technicianId: string; workOrderIds: string[] }[];
    }) => checkPlan(planId, moves),
  });
}

export function useReplanWithout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, technicianId }: { planId: string; technicianId: string }) =>
      replanWithout(planId, technicianId),
    onSuccess: (plan) => queryClient.setQueryData(dispatchKeys.plan(plan.id), plan),
  });
}

export function usePublishPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => publishPlan(planId),
    onSuccess: (result) => {
      queryClient.setQueryData(dispatchKeys.plan(result.plan.id), result.plan);
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
  });
}

/** At most this many visits are located for the map (one request each). */
export const MAP_VISIT_LIMIT = 60;

export function useVisitLocations(visits: { workOrderId: string; slotStart: string; slotEnd: string }[]) {
  return useQueries({
    queries: visits.slice(0, MAP_VISIT_LIMIT).map((visit) => ({
      queryKey: ['dispatch', 'location', visit.workOrderId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getVisitLocation(visit.workOrderId, visit.slotStart, visit.slotEnd, signal),
      staleTime: 10 * 60_000,
    })),
    combine: (results) => {
      const locations = new Map<string, VisitLocation>();
      results.forEach((result, i) => {
        if (result.data) locations.set(visits[i]!.workOrderId, result.data);
      });
      return {
        locations,
        pending: results.some((r) => r.isPending),
        failed: results.filter((r) => r.isError).length,
      };
    },
  });
}
