import { Alert, Button, Empty, Flex, Grid, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useWorkOrderFilters } from '../hooks/useWorkOrderFilters';
import { useWorkOrders } from '../hooks/useWorkOrders';
import { WorkOrderCards } from './WorkOrderCards';
import { WorkOrderFilters } from './WorkOrderFilters';
import { WorkOrderTable } from './WorkOrderTable';

export function WorkOrderListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workOrders.title'));
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const { params, update, clear, hasFilters } = useWorkOrderFilters();
  const query = useWorkOrders(params);

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={hasFilters ? t('workOrders.emptyFiltered') : t('workOrders.empty')}
      data-testid="work-orders-empty"
    >
      {hasFilters && <Button onClick={clear}>{t('workOrders.clearFilters')}</Button>}
    </Empty>
  );
  const onPageChange = (page: number, pageSize: number) =>
    update(pageSize !== params.pageSize ? { page: 1, pageSize } : { page, pageSize });

  return (
    <Flex vertical style={{ maxWidth: 1440, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('workOrders.title')}
      </Typography.Title>
      <WorkOrderFilters
        params={params}
        hasFilters={hasFilters}
        compact={isPhone}
        onChange={update}
        onClear={clear}
      />
      {query.isError && !query.data ? (
        <Result
          status="error"
          data-testid="work-orders-error"
          title={t('workOrders.loadFailed')}
          subTitle={errorMessage(query.error, t)}
          extra={
            <Button type="primary" loading={query.isFetching} onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <>
          {query.isError && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${t('workOrders.loadFailed')}: ${errorMessage(query.error, t)}`}
              action={
                <Button size="small" onClick={() => void query.refetch()}>
                  {t('common.retry')}
                </Button>
              }
            />
          )}
          {isPhone ? (
            <WorkOrderCards
              data={query.data}
              loading={query.isFetching}
              empty={empty}
              onPageChange={onPageChange}
            />
          ) : (
            <WorkOrderTable
              data={query.data}
              loading={query.isFetching && query.isPlaceholderData}
              empty={
                query.isPending ? (
                  <Skeleton
                    active
                    title={false}
                    paragraph={{ rows: 6 }}
                    aria-busy="true"
                    data-testid="work-orders-loading"
                  />
                ) : (
                  empty
                )
              }
              onPageChange={onPageChange}
            />
          )}
        </>
      )}
    </Flex>
  );
}
