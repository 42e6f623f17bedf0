import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { useSession } from '../../../app/session/session';
import { FullPageSpin } from '../../../app/shell/StatusPages';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { decideQuote, getMyOrder, listMyRequests, type MyRequest, type SlaClock } from '../api/portal';

function useStatusLabel() {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    new: t('portal.status.new'),
    converted: t('portal.status.converted'),
    accepted: t('portal.status.accepted'),
    rejected: t('portal.status.rejected'),
    cancelled: t('portal.status.cancelled'),
    answered: t('portal.status.answered'),
  };
  return (status: string) => labels[status] ?? status;
}

function SlaLines({ clocks }: { clocks: SlaClock[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const open = clocks.filter((c) => c.deadline);
  if (open.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary">{t('portal.sla')}</Typography.Text>
      {open.map((c) => (
        <Typography.Text
          key={c.id}
          className="tabular"
          type={c.breached ? 'danger' : c.atRisk ? 'warning' : undefined}
        >
          {i18n.language.startsWith('zh') ? c.label.zh : c.label.en}: {format.dateTime(c.deadline!)} (
          {format.zoneLabel}){c.state === 'met' ? ` · ${t('portal.slaMet')}` : ''}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function OrderPart({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const order = useQuery({
    queryKey: ['portal', 'order', orderId],
    queryFn: ({ signal }) => getMyOrder(orderId, signal),
  });
  const decide = useMutation({
    mutationFn: (decision: 'confirm-quote' | 'refuse-quote') => decideQuote(orderId, decision),
    onSuccess: () => {
      message.success(t('portal.quote.recorded'));
      void queryClient.invalidateQueries({ queryKey: ['portal'] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (order.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (order.isError) return <Alert type="error" showIcon title={errorMessage(order.error, t)} />;
  const o = order.data;
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return (
    <Flex vertical gap={6}>
      <Typography.Text>
        {t('portal.order')} {o.number} · {t(`workOrder.status.${o.status}`, { defaultValue: o.status })}
      </Typography.Text>
      {o.quote && (
        <Typography.Text strong data-testid="portal-quote">
          {t('portal.quote.total', { amount: yuan(o.quote.totalFen) })}
        </Typography.Text>
      )}
      {(o.allowedActions.includes('confirm_quote') || o.allowedActions.includes('refuse_quote')) && (
        <Flex gap={8}>
          {o.allowedActions.includes('confirm_quote') && (
            <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate('confirm-quote')}>
              {t('portal.quote.accept')}
            </Button>
          )}
          {o.allowedActions.includes('refuse_quote') && (
            <Popconfirm
              title={t('portal.quote.refuseConfirm')}
              onConfirm={() => decide.mutate('refuse-quote')}
            >
              <Button danger loading={decide.isPending}>
                {t('portal.quote.refuse')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      <SlaLines clocks={o.sla.filter((c) => c.deadline)} />
    </Flex>
  );
}

function RequestCard({ request }: { request: MyRequest }) {
  const format = useFormatters();
  const statusLabel = useStatusLabel();
  return (
    <Card
      size="small"
      data-testid="portal-request"
      title={
        <Typography.Text strong className="tabular">
          {request.number}
        </Typography.Text>
      }
      extra={<Tag>{statusLabel(request.status)}</Tag>}
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary" className="tabular">
          {format.dateTime(request.createdAt)} ({format.zoneLabel})
        </Typography.Text>
        {request.unit && (
          <Typography.Text>
            {request.unit.model} · {request.unit.serialNumber}
          </Typography.Text>
        )}
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
          {request.problem}
        </Typography.Paragraph>
        {request.answer && <Alert type="success" title={request.answer} />}
        {request.workOrderId ? (
          <OrderPart orderId={request.workOrderId} />
        ) : (
          <SlaLines clocks={request.sla} />
        )}
      </Flex>
    </Card>
  );
}

/** Issue 5 §3: the customer's own requests, their status and SLA promises, and the quote decision. */
export function PortalHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.title'));
  const session = useSession();
  const requests = useQuery({
    queryKey: ['portal', 'requests'],
    queryFn: ({ signal }) => listMyRequests(signal),
    enabled: Boolean(session.data),
  });
  if (session.isPending) return <FullPageSpin />;
  if (!session.data) return <Navigate to="/portal/login" replace />;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto', padding: 16 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{session.data.displayName}</Typography.Text>
        </Flex>
        <LanguageSwitch size="small" />
      </Flex>
      {requests.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : requests.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(requests.error, t)}
          action={<Button onClick={() => void requests.refetch()}>{t('common.retry')}</Button>}
        />
      ) : requests.data.items.length === 0 ? (
        <Card>
          <Empty description={t('portal.empty')} />
        </Card>
      ) : (
        requests.data.items.map((r) => <RequestCard key={r.id} request={r} />)
      )}
    </Flex>
  );
}
