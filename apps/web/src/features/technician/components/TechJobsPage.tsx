import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import { useCurrentUser } from '../../../app/session/session';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import {
  byVisitOrder,
  dialable,
  listMyOpenJobs,
  mapLink,
  TECH_MOVES,
  visitOf,
  type JobDetail,
  type TechMove,
} from '../api/jobs';
import type { QueuedAction } from '../api/offlineQueue';
import { useOfflineQueue } from '../hooks/useOfflineQueue';
import { AcceptForm } from './AcceptForm';
import { CompleteForm } from './CompleteForm';

const SIMPLE_MOVES: TechMove[] = ['depart', 'arrive', 'start_repair'];

function JobCard({
  job,
  waiting,
  onMove,
  onForm,
}: {
  job: JobDetail;
  waiting: QueuedAction[];
  onMove: (job: JobDetail, move: TechMove) => void;
  onForm: (job: JobDetail, move: 'complete' | 'accept') => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const visit = visitOf(job);
  const phone = dialable(visit.contactPhone);
  const shownPhone = visit.contactPhone ?? job.customer.phoneMasked;
  const moves = SIMPLE_MOVES.filter((m) => job.allowedActions.includes(m));
  const busy = waiting.length > 0;

  return (
    <Card
      size="small"
      data-testid="tech-job"
      title={
        <Typography.Text strong className="tabular">
          {job.number}
        </Typography.Text>
      }
      extra={<Tag>{t(`workOrder.status.${job.status}`, { defaultValue: job.status })}</Tag>}
    >
      <Flex vertical gap={6}>
        {visit.slotStart && (
          <Typography.Text strong className="tabular">
            {format.dateTime(visit.slotStart)}
            {visit.slotEnd ? ` – ${format.dateTime(visit.slotEnd)}` : ''} ({format.zoneLabel})
          </Typography.Text>
        )}
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>{job.customer.name}</Typography.Text>
          {phone ? (
            <a href={`tel:${phone}`} className="tabular">
              {t('tech.call')} {shownPhone}
            </a>
          ) : (
            <Typography.Text type="secondary" className="tabular">
              {shownPhone}
            </Typography.Text>
          )}
        </Flex>
        {visit.address ? (
          <Flex justify="space-between" gap={8}>
            <Typography.Text>{visit.address}</Typography.Text>
            <a
              href={mapLink(visit.address)}
              target="_blank"
              rel="noreferrer"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('tech.map')}
            </a>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('tech.noAddress')}</Typography.Text>
        )}
        {job.product && (
          <Typography.Text type="secondary">
            {job.product.model} · {job.product.serialNumber}
          </Typography.Text>
        )}
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
          {job.problem}
        </Typography.Paragraph>
        {waiting.map((a) => (
          <Tag key={a.key} color="orange" data-testid="tech-waiting">
            {t('tech.queue.waiting', {
              action: t(`tech.action.${a.move === 'start-repair' ? 'start_repair' : a.move}`),
            })}
          </Tag>
        ))}
        <Flex gap={8} wrap>
          {moves.map((m) => (
            <Button key={m} type="primary" disabled={busy} onClick={() => onMove(job, m)}>
              {t(`tech.action.${m}`)}
            </Button>
          ))}
          {job.allowedActions.includes('complete') && (
            <Button type="primary" disabled={busy} onClick={() => onForm(job, 'complete')}>
              {t('tech.action.complete')}
            </Button>
          )}
          {job.allowedActions.includes('accept') && (
            <Button type="primary" disabled={busy} onClick={() => onForm(job, 'accept')}>
              {t('tech.action.accept')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** The technician's phone view (issue 5 §2): open jobs in visit order, moves that survive a poor connection. */
export function TechJobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t('tech.title'));
  const user = useCurrentUser();
  const queue = useOfflineQueue();
  const [form, setForm] = useState<{ job: JobDetail; move: 'complete' | 'accept' } | null>(null);
  const [sending, setSending] = useState(false);
  const jobs = useQuery({
    queryKey: ['tech', 'jobs', user.id],
    queryFn: ({ signal }) => listMyOpenJobs(user.id, signal),
  });

  const submit = async (job: JobDetail, move: TechMove, body: Record<string, unknown>) => {
    setSending(true);
    try {
      const result = await queue.submit(job.id, job.number, TECH_MOVES[move], body);
      if (result.rejected.length) message.error(t('tech.queue.refused'));
      else if (result.stalled) message.warning(t('tech.queue.savedOffline'));
      else message.success(t('tech.queue.sent'));
      setForm(null);
    } finally {
      setSending(false);
    }
  };

  const { pending, failed } = queue.state;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('tech.title')}
      </Typography.Title>
      {pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="tech-queue"
          title={t('tech.queue.pending', { count: pending.length })}
          action={
            <Button size="small" onClick={() => void queue.retry()}>
              {t('tech.queue.retry')}
            </Button>
          }
        />
      )}
      {failed.map((a) => (
        <Alert
          key={a.key}
          type="error"
          showIcon
          closable={{ onClose: () => queue.dismiss(a.key) }}
          title={t('tech.queue.failed', { number: a.orderNumber })}
          description={errorMessage(new ApiError(422, { code: a.code, detail: a.detail }), t)}
        />
      ))}
      {jobs.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : jobs.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(jobs.error, t)}
          action={<Button onClick={() => void jobs.refetch()}>{t('common.retry')}</Button>}
        />
      ) : jobs.data.length === 0 ? (
        <Card>
          <Empty description={t('tech.empty')} />
        </Card>
      ) : (
        [...jobs.data]
          .sort(byVisitOrder)
          .map((job) => (
            <JobCard
              key={job.id}
              job={job}
              waiting={pending.filter((a) => a.orderId === job.id)}
              onMove={(j, m) => void submit(j, m, {})}
              onForm={(j, m) => setForm({ job: j, move: m })}
            />
          ))
      )}
      <Drawer
        open={form !== null}
        onClose={() => setForm(null)}
        placement="bottom"
        size="90%"
        destroyOnHidden
        title={form ? `${t(`tech.action.${form.move}`)} · ${form.job.number}` : ''}
      >
        {form?.move === 'complete' && (
          <CompleteForm busy={sending} onSubmit={(body) => void submit(form.job, 'complete', body)} />
        )}
        {form?.move === 'accept' && (
          <AcceptForm busy={sending} onSubmit={(body) => void submit(form.job, 'accept', body)} />
        )}
      </Drawer>
    </Flex>
  );
}
