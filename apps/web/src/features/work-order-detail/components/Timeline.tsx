import { Button, Flex, Result, Skeleton, Timeline as AntTimeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import { listAudit, type AuditEntry, type Transition } from '../api/workOrder';
import { StatusTag } from './Tags';

interface Item {
  key: string;
  at: string;
  actor: string | null;
  label: string;
  transition?: Transition;
}

function auditLabel(action: string, t: TFunction): string {
  // The watcher records warning and breach together as "a,b".
  return action
    .split(',')
    .map((code) => {
      const [entity, verb] = code.split('.');
      if (entity === 'work_order' && verb) return t(`workOrder.action.${verb}`, { defaultValue: code });
      return t(`workOrder.audit.${code.replace('.', '_')}`, { defaultValue: code });
    })
    .join(' · ');
}

/** Audit trail of the order, each move enriched with its transition (status change, reason). */
function buildItems(
  entries: readonly AuditEntry[],
  transitions: readonly Transition[],
  t: TFunction,
): Item[] {
  const used = new Set<Transition>();
  const items: Item[] = entries.map((entry) => {
    const transition = transitions.find(
      (tr) => !used.has(tr) && `work_order.${tr.action}` === entry.action && tr.at === entry.at,
    );
    if (transition) used.add(transition);
    return {
      key: entry.id,
      at: entry.at,
      actor: transition?.actorName ?? entry.actorName,
      label: auditLabel(entry.action, t),
      transition,
    };
  });
  for (const tr of transitions) {
    if (!used.has(tr))
      items.push({
        key: `${tr.action}-${tr.at}`,
        at: tr.at,
        actor: tr.actorName,
        label: auditLabel(`work_order.${tr.action}`, t),
        transition: tr,
      });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

export function OrderTimeline({
  orderId,
  transitions,
}: {
  orderId: string;
  transitions: readonly Transition[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useQuery({
    queryKey: ['work-order', orderId, 'audit'],
    queryFn: ({ signal }) => listAudit(orderId, signal),
  });
  if (query.isPending) return <Skeleton active title={false} paragraph={{ rows: 4 }} aria-busy="true" />;
  if (query.isError)
    return (
      <Result
        status="warning"
        title={t('workOrder.timeline.loadFailed')}
        subTitle={errorMessage(query.error, t)}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const items = buildItems(query.data.items, transitions, t);
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('workOrder.timeline.empty')}</Typography.Text>;
  return (
    <AntTimeline
      data-testid="timeline"
      items={items.map((item) => ({
        key: item.key,
        content: (
          <Flex vertical gap={2}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{item.label}</Typography.Text>
              {item.transition && (
                <>
                  <StatusTag status={item.transition.from} />
                  <span aria-hidden="true">→</span>
                  <StatusTag status={item.transition.to} />
                </>
              )}
            </Flex>
            <Typography.Text type="secondary" className="tabular">
              {format.dateTime(item.at)}
              {item.actor ? ` · ${item.actor}` : ''}
            </Typography.Text>
            {item.transition?.reason && (
              <Typography.Text>
                {t('workOrder.field.reason')}: {item.transition.reason}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
