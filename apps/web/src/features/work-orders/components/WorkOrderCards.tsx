import type { ReactNode } from 'react';
import { Card, Flex, Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../app/format';
import type { Page, WorkOrderSummary } from '../api/workOrders';
import { PriorityTag, StatusTag } from './CodeTags';

interface Props {
  data: Page<WorkOrderSummary> | undefined;
  loading: boolean;
  empty: ReactNode;
  onPageChange: (page: number, pageSize: number) => void;
}

function WorkOrderCard({ order }: { order: WorkOrderSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card
      size="small"
      data-testid="work-order-card"
      title={
        <Link to={`/work-orders/${order.id}`} className="tabular" style={{ fontWeight: 600 }}>
          {order.number}
        </Link>
      }
      extra={<StatusTag status={order.status} />}
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8}>
          <Typography.Text strong ellipsis>
            {order.customer.name}
          </Typography.Text>
          <Typography.Text type="secondary" className="tabular" style={{ whiteSpace: 'nowrap' }}>
            {order.customer.phoneMasked}
          </Typography.Text>
        </Flex>
        <Typography.Text type={order.product ? undefined : 'secondary'} ellipsis>
          {order.product
            ? `${order.product.model} · ${t('workOrders.serialNumber')} ${order.product.serialNumber}`
            : t('workOrders.noProduct')}
        </Typography.Text>
        <Flex wrap align="center" gap={8}>
          <PriorityTag priority={order.priority} />
          <Typography.Text>
            {t(`workOrder.requestType.${order.requestType}`, { defaultValue: order.requestType })}
          </Typography.Text>
          <Typography.Text type="secondary">·</Typography.Text>
          <Typography.Text type={order.assignee ? undefined : 'secondary'}>
            {order.assignee?.displayName ?? t('workOrders.unassigned')}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" className="tabular">
          <time dateTime={order.createdAt}>{format.dateTime(order.createdAt)}</time> ({format.zoneLabel})
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The phone layout of the list (R-NF: no layout break at 375 px): one card per order. */
export function WorkOrderCards({ data, loading, empty, onPageChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();

  if (!data) {
    return (
      <Flex vertical gap={12} aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Card key={i} size="small" loading />
        ))}
      </Flex>
    );
  }
  if (data.items.length === 0) return <Card>{empty}</Card>;

  return (
    <Flex
      vertical
      gap={12}
      data-testid="work-order-cards"
      aria-busy={loading}
      style={{ opacity: loading ? 0.6 : 1 }}
    >
      {data.items.map((order) => (
        <WorkOrderCard key={order.id} order={order} />
      ))}
      <Flex vertical align="center" gap={4}>
        <Pagination
          simple
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={onPageChange}
        />
        <Typography.Text type="secondary">
          {t('workOrders.total', { total: format.number(data.total) })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
