import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  Result,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiRequest } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';

const STATUSES = ['new', 'converted', 'accepted', 'rejected', 'cancelled', 'answered'] as const;
const TYPES = [
  'consultation',
  'installation',
  'repair',
  'maintenance',
  'return',
  'exchange',
  'parts',
  'complaint',
] as const;
const PRIORITIES = ['urgent', 'normal', 'low'] as const;
const SLA = ['at_risk', 'breached'] as const;
const PAGE_SIZES = [10, 20, 50, 100] as const;

interface SlaClock {
  id: string;
  label: { zh: string; en: string };
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  deadline: string;
  remainingMinutes: number;
  atRisk: boolean;
  breached: boolean;
}

interface ServiceRequest {
  id: string;
  number: string;
  type: string;
  status: string;
  priority: string;
  customer: { name: string; phoneMasked: string };
  unit: { serialNumber: string; model: string } | null;
  problem: string;
  safetyHazard: boolean;
  isRepeat: boolean;
  workOrderId: string | null;
  createdAt: string;
  sla: SlaClock[];
}

/** One column of the plain table (antd's Table stays in the work-order list's chunk, off the first load). */
interface Column {
  key: string;
  title: string;
  width?: number;
  ellipsis?: boolean;
  render: (_: unknown, request: ServiceRequest) => ReactNode;
}

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const FILTERS = ['status', 'type', 'priority', 'sla', 'q'] as const;
type Filter = (typeof FILTERS)[number];

/** Filters and page live in the URL (?status=&type=&priority=&sla=&q=&page=&pageSize=). */
function useRequestParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const pick = <T extends string>(key: string, list: readonly T[]) => {
      const value = search.get(key);
      return list.includes(value as T) ? (value as T) : undefined;
    };
    const page = Number(search.get('page'));
    const size = Number(search.get('pageSize'));
    return {
      status: pick('status', STATUSES),
      type: pick('type', TYPES),
      priority: pick('priority', PRIORITIES),
      sla: pick('sla', SLA),
      q: search.get('q')?.trim() || undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    };
  }, [search]);
  const update = (change: Partial<typeof params>) => {
    const merged = { ...params, ...('page' in change ? {} : { page: 1 }), ...change };
    const next = new URLSearchParams();
    for (const key of FILTERS) if (merged[key]) next.set(key, String(merged[key]));
    if (merged.page > 1) next.set('page', String(merged.page));
    if (merged.pageSize !== 20) next.set('pageSize', String(merged.pageSize));
    setSearch(next);
  };
  const hasFilters = FILTERS.some((key: Filter) => Boolean(params[key]));
  return { params, update, clear: () => setSearch(new URLSearchParams()), hasFilters };
}

/** The most urgent open clock: breached first, then the least time left. */
function worstClock(clocks: readonly SlaClock[]): SlaClock | undefined {
  const open = clocks.filter((c) => c.state === 'running' || c.state === 'breached' || c.breached);
  return open.sort(
    (a, b) => Number(b.breached) - Number(a.breached) || a.remainingMinutes - b.remainingMinutes,
  )[0];
}

function SlaCell({ clocks, t, zh }: { clocks: readonly SlaClock[]; t: TFunction; zh: boolean }) {
  const clock = worstClock(clocks);
  if (!clock) return <Typography.Text type="secondary">{t('requests.noOpenClock')}</Typography.Text>;
  const colour = clock.breached ? 'red' : clock.atRisk ? 'orange' : 'green';
  const abs = Math.abs(clock.remainingMinutes);
  const time =
    abs >= 60
      ? t('sla.hoursMinutes', { hours: Math.floor(abs / 60), minutes: abs % 60 })
      : t('sla.minutes', { minutes: abs });
  return (
    <Flex vertical data-sla-colour={colour}>
      <Tag color={colour} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
        {zh ? clock.label.zh : clock.label.en}
      </Tag>
      <Typography.Text type={clock.breached ? 'danger' : 'secondary'} className="tabular">
        {clock.breached
          ? clock.remainingMinutes < 0
            ? t('sla.overdueBy', { time })
            : t('sla.breached')
          : time}
      </Typography.Text>
    </Flex>
  );
}

const CELL = { padding: '10px 8px', borderBottom: '1px solid rgba(5,5,5,0.06)', textAlign: 'start' as const };

/** Previous / next with "page x of y", total and page size. */
function Pager({
  data,
  onChange,
  onSize,
}: {
  data: Page<unknown>;
  onChange: (page: number) => void;
  onSize?: (pageSize: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Flex gap={8} align="center" justify="end" wrap>
      <Typography.Text type="secondary">{t('requests.total', { total: data.total })}</Typography.Text>
      <Button size="small" disabled={data.page <= 1} onClick={() => onChange(data.page - 1)}>
        {t('requests.previous')}
      </Button>
      <Typography.Text className="tabular">
        {t('requests.pageOf', { page: data.page, pages })}
      </Typography.Text>
      <Button size="small" disabled={data.page >= pages} onClick={() => onChange(data.page + 1)}>
        {t('requests.next')}
      </Button>
      {onSize && (
        <Select
          size="small"
          aria-label={t('requests.pageSize')}
          value={data.pageSize}
          onChange={onSize}
          options={PAGE_SIZES.map((size) => ({ value: size, label: t('requests.perPage', { size }) }))}
          style={{ width: 110 }}
        />
      )}
    </Flex>
  );
}

export function RequestListPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('requests.title'));
  const format = useFormatters();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  const isPhone = Grid.useBreakpoint().md === false;
  const { params, update, clear, hasFilters } = useRequestParams();
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);
  const query = useQuery({
    queryKey: ['service-requests', 'list', params],
    queryFn: ({ signal }) => apiRequest<Page<ServiceRequest>>('/service-requests', { query: params, signal }),
    placeholderData: keepPreviousData,
  });

  const label = {
    status: (code: string) => t(`requests.status.${code}`, { defaultValue: code }),
    type: (code: string) => t(`workOrder.requestType.${code}`, { defaultValue: code }),
    priority: (code: string) => t(`workOrder.priority.${code}`, { defaultValue: code }),
  };
  const number = (request: ServiceRequest) =>
    request.workOrderId ? (
      <Link to={`/work-orders/${request.workOrderId}`} className="tabular">
        {request.number}
      </Link>
    ) : (
      <Typography.Text className="tabular">{request.number}</Typography.Text>
    );
  const flags = (request: ServiceRequest) => (
    <>
      {request.safetyHazard && <Tag color="red">{t('requests.hazard')}</Tag>}
      {request.isRepeat && <Tag color="orange">{t('requests.repeat')}</Tag>}
    </>
  );
  const columns: Column[] = [
    { key: 'number', title: t('requests.column.number'), width: 170, render: (_, r) => number(r) },
    {
      key: 'status',
      title: t('requests.column.status'),
      width: 100,
      render: (_, r) => <Tag>{label.status(r.status)}</Tag>,
    },
    { key: 'type', title: t('requests.column.type'), width: 100, render: (_, r) => label.type(r.type) },
    {
      key: 'priority',
      title: t('requests.column.priority'),
      width: 90,
      render: (_, r) => (
        <Tag color={r.priority === 'urgent' ? 'red' : undefined}>{label.priority(r.priority)}</Tag>
      ),
    },
    {
      key: 'customer',
      title: t('requests.column.customer'),
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.customer.name}</span>
          <Typography.Text type="secondary" className="tabular">
            {r.customer.phoneMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'problem',
      title: t('requests.column.problem'),
      ellipsis: true,
      render: (_, r) => (
        <>
          {flags(r)}
          {r.problem}
        </>
      ),
    },
    {
      key: 'sla',
      title: t('requests.column.sla'),
      width: 170,
      render: (_, r) => <SlaCell clocks={r.sla} t={t} zh={zh} />,
    },
    {
      key: 'createdAt',
      title: `${t('requests.column.createdAt')} (${format.zoneLabel})`,
      width: 160,
      render: (_, r) => <span className="tabular">{format.dateTime(r.createdAt)}</span>,
    },
  ];

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={hasFilters ? t('requests.emptyFiltered') : t('requests.empty')}
    >
      {hasFilters && <Button onClick={clear}>{t('requests.clearFilters')}</Button>}
    </Empty>
  );
  const select = (
    key: 'status' | 'type' | 'priority' | 'sla',
    list: readonly string[],
    placeholder: string,
    render: (code: string) => string,
  ) => (
    <Select
      aria-label={placeholder}
      allowClear
      placeholder={placeholder}
      value={params[key]}
      onChange={(value?: string) => update({ [key]: value ?? undefined })}
      options={list.map((code) => ({ value: code, label: render(code) }))}
      style={{ width: isPhone ? 'calc(50% - 4px)' : 150 }}
    />
  );

  return (
    <Flex
      vertical
      gap={16}
      style={{ maxWidth: 1440, margin: '0 auto', width: '100%' }}
      data-testid="requests-page"
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('requests.title')}
        </Typography.Title>
        <Link to="/service-requests/new">{t('requests.new')}</Link>
      </Flex>
      <Flex wrap gap={8} role="search">
        {select('status', STATUSES, t('requests.allStatuses'), label.status)}
        {select('type', TYPES, t('requests.allTypes'), label.type)}
        {select('priority', PRIORITIES, t('requests.allPriorities'), label.priority)}
        {select('sla', SLA, t('sla.filterAll'), (code) =>
          code === 'at_risk' ? t('sla.filterAtRisk') : t('sla.filterBreached'),
        )}
        <Input.Search
          allowClear
          aria-label={t('requests.searchPlaceholder')}
          placeholder={t('requests.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: isPhone ? '100%' : 320 }}
        />
        {hasFilters && (
          <Button type="link" onClick={clear}>
            {t('requests.clearFilters')}
          </Button>
        )}
      </Flex>
      {query.isError && !query.data ? (
        <Result
          status="error"
          title={t('requests.loadFailed')}
          subTitle={errorMessage(query.error, t)}
          extra={
            <Button type="primary" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <>
          {query.isError && <Alert type="warning" showIcon title={errorMessage(query.error, t)} />}
          {query.isPending ? (
            <Skeleton active title={false} paragraph={{ rows: 6 }} aria-busy="true" />
          ) : isPhone ? (
            <Flex vertical gap={8}>
              {query.data?.items.length === 0 && empty}
              {query.data?.items.map((r) => (
                <Card key={r.id} size="small" title={number(r)} extra={<Tag>{label.status(r.status)}</Tag>}>
                  <Flex vertical gap={4}>
                    <span>
                      {r.customer.name} · <span className="tabular">{r.customer.phoneMasked}</span>
                    </span>
                    <span>
                      {flags(r)}
                      {r.problem}
                    </span>
                    <SlaCell clocks={r.sla} t={t} zh={zh} />
                  </Flex>
                </Card>
              ))}
              {query.data && <Pager data={query.data} onChange={(page) => update({ page })} />}
            </Flex>
          ) : (
            <Flex vertical gap={12}>
              <div style={{ overflowX: 'auto', background: '#fff', borderRadius: 8 }}>
                <table
                  className="requests-table"
                  style={{
                    width: '100%',
                    minWidth: 1200,
                    borderCollapse: 'collapse',
                    opacity: query.isPlaceholderData ? 0.6 : 1,
                  }}
                >
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th
                          key={column.key}
                          style={{ ...CELL, width: column.width, fontWeight: 600, background: '#fafafa' }}
                        >
                          {column.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {query.data?.items.map((request) => (
                      <tr key={request.id}>
                        {columns.map((column) => (
                          <td
                            key={column.key}
                            style={
                              column.ellipsis
                                ? {
                                    ...CELL,
                                    maxWidth: 320,
                                    overflow: 'hidden',
                                    textOverflow: 'ellipsis',
                                    whiteSpace: 'nowrap',
                                  }
                                : CELL
                            }
                          >
                            {column.render(undefined, request)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                {query.data?.items.length === 0 && <div style={{ padding: 24 }}>{empty}</div>}
              </div>
              {query.data && (
                <Pager
                  data={query.data}
                  onChange={(page) => update({ page })}
                  onSize={(pageSize) => update({ page: 1, pageSize })}
                />
              )}
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}
