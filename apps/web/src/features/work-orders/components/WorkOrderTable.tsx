import type { ReactNode } from 'react';
import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../app/format';
import type { Page, WorkOrderSummary } from '../api/workOrders';
import { PAGE_SIZES } from '../hooks/useWorkOrderFilters';
import { PriorityTag, StatusTag } from './CodeTags';

interface Props {
  data: Page<WorkOrderSummary> | undefined;
  loading: boolean;
  empty: ReactNode;
  onPageChange: (page: number, pageSize: number) => void;
}

export function WorkOrderTable({ data, loading, empty, onPageChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();

  const columns: TableColumnsType<WorkOrderSummary> = [
    {
      key: 'number',
      title: t('workOrders.column.number'),
      dataIndex: 'number',
      width: 170,
      fixed: 'start',
      render: (number: string, order) => (
        <Typography.Text strong copyable={{ text: number }} className="tabular">
          <Link to={`/work-orders/${order.id}`}>{number}</Link>
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('workOrders.column.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: string) => <StatusTag status={status} />,
    },
    {
      key: 'priority',
      title: t('workOrders.column.priority'),
      dataIndex: 'priority',
      width: 90,
      render: (priority: string) => <PriorityTag priority={priority} />,
    },
    {
      key: 'requestType',
      title: t('workOrders.column.requestType'),
      dataIndex: 'requestType',
      width: 110,
      render: (type: string) => t(`workOrder.requestType.${type}`, { defaultValue: type }),
    },
    {
      key: 'customer',
      title: t('workOrders.column.customer'),
      width: 170,
      render: (_, order) => (
        <Flex vertical>
          <Typography.Text>{order.customer.name}</Typography.Text>
          <Typography.Text type="secondary" className="tabular">
            {order.customer.phoneMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'product',
      title: t('workOrders.column.product'),
      width: 200,
      render: (_, order) =>
        order.product ? (
          <Flex vertical>
            <Typography.Text>{order.product.model}</Typography.Text>
            <Typography.Text type="secondary" className="tabular">
              {order.product.serialNumber}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('workOrders.noProduct')}</Typography.Text>
        ),
    },
    {
      key: 'assignee',
      title: t('workOrders.column.assignee'),
      width: 120,
      render: (_, order) =>
        order.assignee ? (
          order.assignee.displayName
        ) : (
          <Typography.Text type="secondary">{t('workOrders.unassigned')}</Typography.Text>
        ),
    },
    {
      key: 'createdAt',
      title: `${t('workOrders.column.createdAt')} (${format.zoneLabel})`,
      dataIndex: 'createdAt',
      width: 170,
      render: (iso: string) => (
        <time dateTime={iso} className="tabular">
          {format.dateTime(iso)}
        </time>
      ),
    },
  ];

  return (
    <Table<WorkOrderSummary>
      data-testid="work-order-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1150 }}
      locale={{ emptyText: empty }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('workOrders.total', { total: format.number(total) }),
        onChange: onPageChange,
      }}
    />
  );
}
