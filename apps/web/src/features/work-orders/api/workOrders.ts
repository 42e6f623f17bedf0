import { apiRequest } from '../../../app/api/client';
import type { Priority, RequestType, SlaFilter, WorkOrderStatus } from './codes';

/** One row of GET /api/v1/work-orders. Codes stay `string`-compatible so a newer server never breaks the list. */
export interface WorkOrderSummary {
  id: string;
  number: string;
  status: WorkOrderStatus | (string & {});
  priority: Priority | (string & {});
  requestType: RequestType | (string & {});
  customer: { id: string; name: string; phoneMasked: string };
  product: { model: string; serialNumber: string } | null;
  assignee: { id: string; displayName: string } | null;
  /** ISO-8601, UTC. */
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface WorkOrderListParams {
  status?: WorkOrderStatus;
  priority?: Priority;
  q?: string;
  /** Orders with a clock at risk or breached. */
  sla?: SlaFilter;
  page: number;
  pageSize: number;
}

export function listWorkOrders(
  params: WorkOrderListParams,
  signal?: AbortSignal,
): Promise<Page<WorkOrderSummary>> {
  return apiRequest<Page<WorkOrderSummary>>('/work-orders', {
    query: {
      status: params.status,
      priority: params.priority,
      q: params.q,
      sla: params.sla,
      page: params.page,
      pageSize: params.pageSize,
    },
    signal,
  });
}
