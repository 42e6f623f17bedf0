import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Same colours as the work-order list (features do not import each other).
const STATUS_COLOURS: Record<string, string> = {
  created: 'blue',
  assessed: 'geekblue',
  quoted: 'purple',
  confirmed: 'cyan',
  quote_refused: 'volcano',
  scheduled: 'cyan',
  dispatched: 'gold',
  en_route: 'gold',
  on_site: 'orange',
  in_repair: 'orange',
  in_workshop: 'orange',
  completed: 'green',
  accepted: 'green',
  followed_up: 'lime',
  closed: 'default',
  cancelled: 'default',
  not_repairable: 'red',
  escalated: 'volcano',
  rework: 'magenta',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`workOrder.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  const colour = priority === 'urgent' ? 'red' : priority === 'low' ? 'default' : undefined;
  return (
    <Tag color={colour} variant={priority === 'urgent' ? 'solid' : 'outlined'} style={{ marginInlineEnd: 0 }}>
      {t(`workOrder.priority.${priority}`, { defaultValue: priority })}
    </Tag>
  );
}
