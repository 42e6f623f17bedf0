import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isPriority, isSlaFilter, isWorkOrderStatus } from '../api/codes';
import type { WorkOrderListParams } from '../api/workOrders';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The list's filters live in the URL (?status=&priority=&q=&page=&pageSize=), so a view can be bookmarked,
 * shared and restored with the back button — the base for saved views later.
 */
export function useWorkOrderFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo<WorkOrderListParams>(() => {
    const status = searchParams.get('status');
    const priority = searchParams.get('priority');
    const sla = searchParams.get('sla');
    const q = searchParams.get('q')?.trim();
    const size = positiveInt(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE);
    return {
      status: isWorkOrderStatus(status) ? status : undefined,
      priority: isPriority(priority) ? priority : undefined,
      sla: isSlaFilter(sla) ? sla : undefined,
      q: q || undefined,
      page: positiveInt(searchParams.get('page'), 1),
      pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    };
  }, [searchParams]);

  const update = useCallback(
    (change: Partial<WorkOrderListParams>) => {
      const merged = { ...params, ...change };
      // A new filter starts again at page 1.
      if (!('page' in change)) merged.page = 1;
      const next = new URLSearchParams();
      if (merged.status) next.set('status', merged.status);
      if (merged.priority) next.set('priority', merged.priority);
      if (merged.sla) next.set('sla', merged.sla);
      if (merged.q) next.set('q', merged.q);
      if (merged.page > 1) next.set('page', String(merged.page));
      if (merged.pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(merged.pageSize));
      setSearchParams(next);
    },
    [params, setSearchParams],
  );

  const hasFilters = Boolean(params.status || params.priority || params.sla || params.q);
  const clear = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);
  return { params, update, clear, hasFilters };
}
