import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listWorkOrders, type WorkOrderListParams } from '../api/workOrders';

export const workOrderKeys = {
  all: ['work-orders'] as const,
  list: (params: WorkOrderListParams) => [...workOrderKeys.all, 'list', params] as const,
};

export function useWorkOrders(params: WorkOrderListParams) {
  return useQuery({
    queryKey: workOrderKeys.list(params),
    queryFn: ({ signal }) => listWorkOrders(params, signal),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}
