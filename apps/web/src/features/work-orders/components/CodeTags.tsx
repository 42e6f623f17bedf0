import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isWorkOrderStatus, type Priority, type WorkOrderStatus } from '../api/codes';

// Colour groups: new (blue) → being assessed/quoted (purple, cyan) → field work (gold, orange)
// → done (green) → ended (grey); refusals and dead ends are red.
const STATUS_COLOURS: Record<WorkOrderStatus, string> = {
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

const PRIORITY_COLOURS: Record<Priority, string | undefined> = {
  urgent: 'red',
  normal: undefined,
  low: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const colour = isWorkOrderStatus(status) ? STATUS_COLOURS[status] : 'default';
  return (
    <Tag color={colour} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`workOrder.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  const colour = PRIORITY_COLOURS[priority as Priority];
  return (
    <Tag color={colour} variant={priority === 'urgent' ? 'solid' : 'outlined'} style={{ marginInlineEnd: 0 }}>
      {t(`workOrder.priority.${priority}`, { defaultValue: priority })}
    </Tag>
  );
}
