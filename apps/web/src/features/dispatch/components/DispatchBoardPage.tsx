import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Progress,
  Result,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../app/api/errors';
import { useFormatters } from '../../../app/format';
import type {
  CheckResult,
  DayPlan,
  PlannedStop,
  PublishResult,
  Roster,
  ServiceCentre,
} from '../api/dispatch';
import {
  useCheckPlan,
  useCreatePlan,
  usePlan,
  usePublishPlan,
  useReplanWithout,
  useRoster,
  useServiceCentres,
} from '../hooks/useDispatch';
import { DispatchTimeline, DRAG_TYPE, type TimelineRow } from './DispatchTimeline';
import { moveVisit } from './moveVisit';
import { reasonLabel } from './reasons';
import { RouteMap } from './RouteMap';

const COLORS = ['#1677ff', '#13a8a8', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb', '#52c41a', '#a0d911'];
const HOUR = 3_600_000;

/** Today's date (YYYY-MM-DD) in the company's zone. */
function todayIn(timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(new Date());
  }
}

interface Draft {
  /** Each technician's work orders in visit order, as the supervisor arranged them. */
  routes: Record<string, string[]>;
  /** Schedules answered by the last check, per technician, replacing the plan's. */
  stops: Record<string, PlannedStop[]>;
  check: CheckResult | null;
}

const emptyDraft: Draft = { routes: {}, stops: {}, check: null };

export function DispatchBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  const formatters = useFormatters();
  const [params, setParams] = useSearchParams();

  const centres = useServiceCentres();
  const centreId = params.get('centre') ?? centres.data?.[0]?.id;
  const date = params.get('date') ?? todayIn(formatters.timeZone);
  const planId = params.get('plan') ?? undefined;

  const roster = useRoster(centreId, date);
  const plan = usePlan(planId);
  const createPlan = useCreatePlan();
  const publish = usePublishPlan();
  const replan = useReplanWithout();
  const [dropOut, setDropOut] = useState<string | undefined>();
  const check = useCheckPlan();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [published, setPublished] = useState<PublishResult | null>(null);

  // A new plan starts from its own routes.
  useEffect(() => setDraft(emptyDraft), [planId]);

  const timeFormat = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(formatters.language, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: formatters.timeZone,
      });
    } catch {
      return new Intl.DateTimeFormat(formatters.language, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    }
  }, [formatters.language, formatters.timeZone]);
  const formatTime = (iso: string) => timeFormat.format(new Date(iso));

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  const planDay = () => {
    if (!centreId) return;
    createPlan.mutate(
      { centreId, date },
      {
        onSuccess: (created) => update({ centre: centreId, date, plan: created.id }),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  const current =
    plan.data && plan.data.serviceCentreId === centreId && plan.data.date === date ? plan.data : undefined;
  const done = current?.status === 'done' ? current : undefined;

  const onDrop = (workOrderId: string, technicianId: string) => {
    if (!done || done.publishedAt) return;
    const move = moveVisit(done.routes, draft.routes, draft.stops, workOrderId, technicianId);
    if (!move) return;
    const { routes: nextRoutes, moves } = move;
    check.mutate(
      { planId: done.id, moves },
      {
        onSuccess: (result) => {
          const stops = { ...draft.stops };
          for (const route of result.routes) stops[route.technicianId] = route.stops;
          setDraft({ routes: nextRoutes, stops, check: result });
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  const onPublish = () => {
    if (!done) return;
    publish.mutate(done.id, {
      onSuccess: (result) => {
        setDraft(emptyDraft);
        setPublished(result);
        void message.success(
          t('dispatch.published', { applied: result.applied.length, skipped: result.skipped.length }),
        );
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };

  if (centres.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (centres.isError)
    return (
      <Result
        status="error"
        title={t('dispatch.loadFailed')}
        subTitle={errorMessage(centres.error, t)}
        extra={<Button onClick={() => void centres.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (centres.data.length === 0) return <Empty description={t('dispatch.noCentres')} />;

  const running = current && (current.status === 'queued' || current.status === 'running');

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dispatch.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('dispatch.centre')}
            style={{ minWidth: 200 }}
            value={centreId}
            options={centres.data.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(value: string) => update({ centre: value, plan: undefined })}
          />
          <Input
            type="date"
            aria-label={t('dispatch.date')}
            value={date}
            onChange={(event) => event.target.value && update({ date: event.target.value, plan: undefined })}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            onClick={planDay}
            loading={createPlan.isPending || running}
            disabled={!centreId}
          >
            {t('dispatch.planDay')}
          </Button>
          {done && !done.publishedAt && done.routes.length > 1 && (
            <Space.Compact>
              <Select
                aria-label={t('dispatch.dropOut')}
                placeholder={t('dispatch.dropOut')}
                value={dropOut}
                onChange={setDropOut}
                style={{ width: 180 }}
                options={done.routes.map((r) => ({ value: r.technicianId, label: r.name }))}
              />
              <Button
                disabled={!dropOut}
                loading={replan.isPending}
                onClick={() =>
                  dropOut &&
                  replan.mutate(
                    { planId: done.id, technicianId: dropOut },
                    {
                      onSuccess: (next) => {
                        setDropOut(undefined);
                        update({ plan: next.id });
                        void message.success(t('dispatch.replanned'));
                      },
                      onError: (error) => void message.error(errorMessage(error, t)),
                    },
                  )
                }
              >
                {t('dispatch.replan')}
              </Button>
            </Space.Compact>
          )}
          {done && (
            <Button onClick={onPublish} loading={publish.isPending} disabled={Boolean(done.publishedAt)}>
              {done.publishedAt
                ? t('dispatch.publishedAt', { at: formatters.dateTime(done.publishedAt) })
                : t('dispatch.publish')}
            </Button>
          )}
        </Space>
      </Flex>

      {plan.isError && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(plan.error, t)}
          action={<Button onClick={() => void plan.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      {running && (
        <Card size="small">
          <Typography.Text>
            {t(current.status === 'queued' ? 'dispatch.queued' : 'dispatch.running')}
          </Typography.Text>
          <Progress percent={current.progress} status="active" />
        </Card>
      )}
      {current?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          message={t('dispatch.failed')}
          description={current.error ?? undefined}
        />
      )}
      {!planId && <Alert type="info" showIcon message={t('dispatch.hint')} />}

      {done?.totals && <Totals plan={done} />}

      {published && published.plan.id === done?.id && published.skipped.length > 0 && (
        <PublishSkipped result={published} onClose={() => setPublished(null)} />
      )}
      {draft.check && <CheckFeedback check={draft.check} plan={done} onReset={() => setDraft(emptyDraft)} />}
      {check.isPending && <Alert type="info" message={t('dispatch.checking')} />}

      <Board
        roster={roster.data}
        rosterError={roster.isError ? errorMessage(roster.error, t) : undefined}
        rosterLoading={roster.isPending}
        onRetry={() => void roster.refetch()}
        plan={done}
        centre={centres.data.find((c) => c.id === centreId)}
        draft={draft}
        wide={wide}
        formatTime={formatTime}
        onDrop={onDrop}
      />
    </Flex>
  );
}

function Totals({ plan }: { plan: DayPlan }) {
  const { t } = useTranslation();
  const totals = plan.totals!;
  return (
    <Flex wrap gap={32}>
      <Statistic title={t('dispatch.planned')} value={totals.planned} />
      <Statistic title={t('dispatch.unplannedCount')} value={totals.unplanned} />
      <Statistic title={t('dispatch.distance')} value={totals.distanceKm} precision={1} suffix="km" />
      <Statistic
        title={t('dispatch.travelTotal')}
        value={Math.round(totals.travelMinutes)}
        suffix={t('dispatch.min')}
      />
      <Statistic title={t('dispatch.lateVisits')} value={totals.lateVisits} />
    </Flex>
  );
}

function CheckFeedback({
  check,
  plan,
  onReset,
}: {
  check: CheckResult;
  plan: DayPlan | undefined;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const numbers = useMemo(() => numberIndex(plan), [plan]);
  const violations = check.routes.flatMap((route) => route.violations);
  return (
    <Alert
      type={check.feasible ? 'success' : 'error'}
      showIcon
      message={check.feasible ? t('dispatch.feasible') : t('dispatch.infeasible')}
      description={
        <>
          {violations.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {violations.map((v, i) => (
                <li key={`${v.workOrderId}-${v.code}-${i}`}>
                  {v.workOrderId ? `${numbers.get(v.workOrderId) ?? ''} ` : ''}
                  <Tag color={v.code === 'LATE' ? 'orange' : 'red'}>{reasonLabel(v.code, t)}</Tag>
                  <Typography.Text type="secondary">{v.detail}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary">{t('dispatch.whatIf')}</Typography.Text>
        </>
      }
      action={<Button onClick={onReset}>{t('dispatch.reset')}</Button>}
    />
  );
}

function PublishSkipped({ result, onClose }: { result: PublishResult; onClose: () => void }) {
  const { t } = useTranslation();
  const numbers = numberIndex(result.plan);
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      message={t('dispatch.skipped', { count: result.skipped.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {result.skipped.map((item) => (
            <li key={item.workOrderId}>
              <Typography.Text strong>{numbers.get(item.workOrderId) ?? item.workOrderId}</Typography.Text>{' '}
              <Typography.Text type="secondary">{item.reason}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function numberIndex(plan: DayPlan | undefined): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const route of plan?.routes ?? [])
    for (const stop of route.stops) numbers.set(stop.workOrderId, stop.number);
  for (const visit of plan?.unplanned ?? []) numbers.set(visit.workOrderId, visit.number);
  return numbers;
}

interface BoardProps {
  roster: Roster | undefined;
  rosterError: string | undefined;
  rosterLoading: boolean;
  onRetry: () => void;
  plan: DayPlan | undefined;
  centre: ServiceCentre | undefined;
  draft: Draft;
  wide: boolean;
  formatTime: (iso: string) => string;
  onDrop: (workOrderId: string, technicianId: string) => void;
}

function Board({
  roster,
  rosterError,
  rosterLoading,
  onRetry,
  plan,
  centre,
  draft,
  wide,
  formatTime,
  onDrop,
}: BoardProps) {
  const { t } = useTranslation();
  if (rosterLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (rosterError)
    return (
      <Alert
        type="error"
        showIcon
        message={t('dispatch.rosterFailed')}
        description={rosterError}
        action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    );

  const violating = new Set<string>();
  const infeasible = new Set<string>();
  for (const route of draft.check?.routes ?? []) {
    if (!route.feasible) infeasible.add(route.technicianId);
    for (const v of route.violations) if (v.workOrderId && v.code !== 'LATE') violating.add(v.workOrderId);
  }

  // A row per technician working that day, plus any technician the plan routes who is not rostered.
  const rows: TimelineRow[] = [];
  const seen = new Set<string>();
  const routeOf = new Map((plan?.routes ?? []).map((r) => [r.technicianId, r]));
  const add = (
    technicianId: string,
    name: string,
    shifts: TimelineRow['shifts'],
    leave: TimelineRow['leave'],
  ) => {
    if (seen.has(technicianId)) return;
    seen.add(technicianId);
    rows.push({
      technicianId,
      name,
      color: COLORS[rows.length % COLORS.length]!,
      shifts,
      leave,
      stops: draft.stops[technicianId] ?? routeOf.get(technicianId)?.stops ?? [],
      infeasible: infeasible.has(technicianId),
    });
  };
  for (const tech of roster?.technicians ?? []) add(tech.technicianId, tech.name, tech.shifts, tech.leave);
  for (const route of plan?.routes ?? []) add(route.technicianId, route.name, [], []);

  // Visits taken out of the unplanned list by a drag are no longer unplanned in the draft.
  const draftPlanned = new Set(Object.values(draft.routes).flat());
  const unplanned = (plan?.unplanned ?? []).filter((v) => !draftPlanned.has(v.workOrderId));

  if (rows.length === 0 && unplanned.length === 0) return <Empty description={t('dispatch.nobodyWorking')} />;

  const times: number[] = [];
  for (const row of rows) {
    for (const s of row.shifts) times.push(Date.parse(s.start), Date.parse(s.end));
    for (const s of row.stops) times.push(Date.parse(s.start), Date.parse(s.end));
  }
  for (const route of plan?.routes ?? []) times.push(Date.parse(route.returnAt));
  const from = times.length ? Math.floor(Math.min(...times) / HOUR) * HOUR : 0;
  const to = times.length ? Math.ceil(Math.max(...times) / HOUR) * HOUR : 0;
  const draggable = wide && Boolean(plan) && !plan?.publishedAt;

  const unplannedCard = (
    <Card size="small" title={t('dispatch.unplanned', { count: unplanned.length })} style={{ minWidth: 260 }}>
      {plan ? (
        unplanned.length === 0 ? (
          <Typography.Text type="secondary">{t('dispatch.allPlanned')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={unplanned}
            renderItem={(visit) => (
              <List.Item
                draggable={draggable}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPE, visit.workOrderId);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                style={{ cursor: draggable ? 'grab' : undefined, display: 'block' }}
              >
                <Typography.Text strong>{visit.number}</Typography.Text>{' '}
                <Tag color="orange">{reasonLabel(visit.reason, t)}</Tag>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {visit.detail}
                </Typography.Text>
              </List.Item>
            )}
          />
        )
      ) : (
        <Typography.Text type="secondary">{t('dispatch.noPlanYet')}</Typography.Text>
      )}
    </Card>
  );

  if (!wide) {
    // Phones: the lists only, no timeline and no drag.
    return (
      <Flex vertical gap={12}>
        {rows.map((row) => (
          <Card key={row.technicianId} size="small" title={row.name}>
            {row.shifts.length > 0 && (
              <Typography.Text type="secondary">
                {t('dispatch.shift')}{' '}
                {row.shifts.map((s) => `${formatTime(s.start)}–${formatTime(s.end)}`).join(', ')}
              </Typography.Text>
            )}
            {row.stops.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('dispatch.noVisits')}</Typography.Text>
              </div>
            ) : (
              <List
                size="small"
                dataSource={row.stops}
                renderItem={(stop) => (
                  <List.Item>
                    {formatTime(stop.start)}–{formatTime(stop.end)}{' '}
                    <Typography.Text strong>{stop.number}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        ))}
        {unplannedCard}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('dispatch.timeline')} style={{ minWidth: 0 }}>
        {rows.length === 0 ? (
          <Empty description={t('dispatch.nobodyWorking')} />
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <DispatchTimeline
              rows={rows}
              from={from}
              to={to}
              formatTime={formatTime}
              draggable={draggable}
              violating={violating}
              onDrop={onDrop}
            />
          </div>
        )}
        {draggable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dispatch.dragHint')}
          </Typography.Text>
        )}
      </Card>
      <Flex gap={16} align="flex-start" wrap>
        {plan && centre && (
          <Card size="small" title={t('dispatch.map')} style={{ flex: '1 1 480px', minWidth: 0 }}>
            <RouteMap
              centre={centre}
              rows={rows}
              unplanned={unplanned}
              daySlot={{ start: new Date(from).toISOString(), end: new Date(from + HOUR).toISOString() }}
            />
          </Card>
        )}
        <div style={{ flex: '1 1 300px', maxWidth: plan && centre ? 420 : undefined }}>{unplannedCard}</div>
      </Flex>
    </Flex>
  );
}
