import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PRIORITIES,
  WORK_ORDER_STATUSES,
  type Priority,
  type SlaFilter,
  type WorkOrderStatus,
} from '../api/codes';
import type { WorkOrderListParams } from '../api/workOrders';

interface Props {
  params: WorkOrderListParams;
  hasFilters: boolean;
  compact: boolean;
  onChange: (change: Partial<WorkOrderListParams>) => void;
  onClear: () => void;
}

export function WorkOrderFilters({ params, hasFilters, compact, onChange, onClear }: Props) {
  const { t } = useTranslation();
  // The box is edited locally and applied on Enter / search click; it follows the URL on back/forward.
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
      <Select<WorkOrderStatus>
        aria-label={t('workOrders.statusFilter')}
        data-testid="status-filter"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('workOrders.allStatuses')}
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={WORK_ORDER_STATUSES.map((status) => ({
          value: status,
          label: t(`workOrder.status.${status}`),
        }))}
        style={{ width: compact ? 'calc(50% - 4px)' : 180 }}
      />
      <Select<Priority>
        aria-label={t('workOrders.priorityFilter')}
        data-testid="priority-filter"
        allowClear
        placeholder={t('workOrders.allPriorities')}
        value={params.priority}
        onChange={(priority) => onChange({ priority: priority ?? undefined })}
        options={PRIORITIES.map((priority) => ({
          value: priority,
          label: t(`workOrder.priority.${priority}`),
        }))}
        style={{ width: compact ? 'calc(50% - 4px)' : 140 }}
      />
      <Select<SlaFilter>
        aria-label={t('sla.filter')}
        data-testid="sla-filter"
        allowClear
        placeholder={t('sla.filterAll')}
        value={params.sla}
        onChange={(sla) => onChange({ sla: sla ?? undefined })}
        options={[
          { value: 'at_risk', label: t('sla.filterAtRisk') },
          { value: 'breached', label: t('sla.filterBreached') },
        ]}
        style={{ width: compact ? '100%' : 150 }}
      />
      <Input.Search
        aria-label={t('workOrders.searchPlaceholder')}
        data-testid="search-box"
        allowClear
        placeholder={t('workOrders.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: compact ? '100%' : 380 }}
      />
      {hasFilters && (
        <Button type="link" onClick={onClear}>
          {t('workOrders.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
