import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { actionSpec, type ActionSpec } from '../api/actions';
import { documentUrl, getWorkOrder, type WorkOrderDetail } from '../api/workOrder';
import { ActionForm } from './ActionForm';
import { SlaClocks } from './SlaClocks';
import { PriorityTag, StatusTag } from './Tags';
import { OrderTimeline } from './Timeline';

function yuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

function WarrantyCard({ order }: { order: WorkOrderDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const warranty = order.warranty;
  const quote = order.quote;
  return (
    <Card size="small" title={t('workOrder.detail.warrantyAndQuote')}>
      {warranty ? (
        <Descriptions size="small" column={1} data-testid="warranty">
          <Descriptions.Item label={t('workOrder.detail.inWarranty')}>
            <Tag color={warranty.inWarranty ? 'green' : 'default'}>
              {warranty.inWarranty ? t('workOrder.detail.yes') : t('workOrder.detail.no')}
            </Tag>
            {warranty.warrantyEndsOn && t('workOrder.detail.endsOn', { date: warranty.warrantyEndsOn })}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.detail.coverage')}>
            {t(`workOrder.coverage.${warranty.coverage}`, { defaultValue: warranty.coverage })}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.detail.payer')}>
            {t(`workOrder.payer.${warranty.payer}`, { defaultValue: warranty.payer })}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.field.causeClass')}>
            {t(`workOrder.cause.${warranty.cause}`, { defaultValue: warranty.cause })}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.detail.reasons')}>
            <Flex vertical>
              {warranty.reasons.map((reason) => (
                <span key={reason.code}>
                  {t(`workOrder.warrantyReason.${reason.code}`, {
                    defaultValue: reason.code,
                    ...reason.params,
                  })}
                </span>
              ))}
            </Flex>
          </Descriptions.Item>
          {warranty.override && (
            <Descriptions.Item label={t('workOrder.detail.override')}>
              {warranty.override.reason}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('workOrder.detail.noWarranty')}</Typography.Text>
      )}
      {quote ? (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }} data-testid="quote">
          <Descriptions.Item label={t('workOrder.detail.quoteTotal')}>
            <Typography.Text strong className="tabular">
              {yuan(quote.totalFen, i18n.resolvedLanguage ?? 'zh-CN')}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.detail.quoteStatus')}>
            {t(`workOrder.quoteStatus.${quote.status}`, { defaultValue: quote.status })}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.detail.quoteIssuedAt')}>
            {format.dateTime(quote.issuedAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('workOrder.detail.noQuote')}
        </Typography.Text>
      )}
    </Card>
  );
}

function Actions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const specs = order.allowedActions.map((action) => ({ action, spec: actionSpec(action) }));
  if (specs.length === 0)
    return <Typography.Text type="secondary">{t('workOrder.actions.none')}</Typography.Text>;
  return (
    <>
      <Flex wrap gap={8} data-testid="allowed-actions">
        {specs.map(({ action, spec }) =>
          spec && !spec.needsSignature ? (
            <Button key={action} danger={spec.danger} data-action={action} onClick={() => setOpen(spec)}>
              {t(spec.labelKey)}
            </Button>
          ) : (
            // Moves this console cannot capture (a drawn signature, the quote builder) are shown, not offered.
            <Button key={action} disabled data-action={action} title={t('workOrder.actions.elsewhere')}>
              {spec ? t(spec.labelKey) : t(`workOrder.action.${action}`, { defaultValue: action })}
            </Button>
          ),
        )}
      </Flex>
      {open && (
        <ActionForm
          orderId={order.id}
          spec={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            void message.success(t('workOrder.actions.done', { action: t(open.labelKey) }));
            setOpen(null);
          }}
        />
      )}
    </>
  );
}

export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const query = useQuery({ queryKey: ['work-order', id], queryFn: ({ signal }) => getWorkOrder(id, signal) });
  useDocumentTitle(query.data?.number ?? t('workOrder.detail.title'));
  const lang = i18n.resolvedLanguage ?? i18n.language;

  if (query.isPending)
    return <Skeleton active paragraph={{ rows: 10 }} aria-busy="true" data-testid="work-order-loading" />;
  if (!query.data)
    return (
      <Result
        status={isApiError(query.error) && query.error.status === 404 ? '404' : 'error'}
        title={t('workOrder.detail.loadFailed')}
        subTitle={errorMessage(query.error, t)}
        data-testid="work-order-error"
        extra={
          <Space>
            <Button type="primary" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
            <Link to="/work-orders">{t('workOrder.detail.backToList')}</Link>
          </Space>
        }
      />
    );
  const order = query.data;
  return (
    <Flex
      vertical
      gap={16}
      style={{ maxWidth: 1440, margin: '0 auto', width: '100%' }}
      data-testid="work-order-page"
    >
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Link to="/work-orders">← {t('workOrder.detail.backToList')}</Link>
          <Typography.Title level={3} style={{ margin: 0 }} className="tabular">
            {order.number}
          </Typography.Title>
          <StatusTag status={order.status} />
          <PriorityTag priority={order.priority} />
        </Flex>
        <Space wrap>
          <a href={documentUrl(order.id, 'assessment-notice', lang)} target="_blank" rel="noreferrer">
            {t('workOrder.detail.printNotice')}
          </a>
          <a href={documentUrl(order.id, 'service-report', lang)} target="_blank" rel="noreferrer">
            {t('workOrder.detail.printReport')}
          </a>
        </Space>
      </Flex>
      {query.isError && <Alert type="warning" title={errorMessage(query.error, t)} />}
      <Card size="small" title={t('workOrder.detail.actions')}>
        <Actions order={order} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('workOrder.detail.overview')}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="overview">
                <Descriptions.Item label={t('workOrder.detail.customer')}>
                  {order.customer.name} · <span className="tabular">{order.customer.phoneMasked}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.product')}>
                  {order.product
                    ? `${order.product.model} · ${order.product.serialNumber}`
                    : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.requestType')}>
                  {t(`workOrder.requestType.${order.requestType}`, { defaultValue: order.requestType })}
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.request')}>
                  {order.requestNumber}
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.assignee')}>
                  {order.assignee?.displayName ?? t('workOrder.detail.unassigned')}
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.createdAt')}>
                  {format.dateTime(order.createdAt)} ({format.zoneLabel})
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrder.detail.problem')} span={{ xs: 1, sm: 2 }}>
                  {order.problem}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('workOrder.detail.sla')}>
              <SlaClocks clocks={order.sla} />
            </Card>
            <WarrantyCard order={order} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('workOrder.detail.timeline')}>
            <OrderTimeline orderId={order.id} transitions={order.transitions} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
