import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  DomainError,
  evaluateClock,
  handleSlaClock,
  nextAlertAt,
  onSiteTargetKeyByDistance,
  onSiteTargetKeyByZone,
  targetsStartedBy,
  type Policy,
  type SlaCalendars,
  type SlaClock,
  type SlaClockCommand,
  type SlaClockEvent,
  type SlaEvent,
  type SlaSignal,
} from '@aftercare/domain';
import { slaClocks, type Executor } from '@aftercare/db';
import { enqueueEvent, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { calendarsFor } from './calendars';

export type SlaSubjectType = 'service_request' | 'work_order';
export interface SlaSubject {
  type: SlaSubjectType;
  id: string;
}

export interface TenantPolicy {
  tenantId: string;
  policy: Policy;
}

type ClockRow = typeof slaClocks.$inferSelect;

/** Facts that choose among alternative targets started by one event. */
export interface SlaStartContext {
  /** R-WO-03: on-site target by distance from the service base, when known … */
  distanceKm?: number | null;
  /** … else by zone (default urban). */
  zone?: 'urban' | 'suburban' | null;
  /** R-WO-03: the departure target of out-of-warranty trips starts only when a trip was quoted. */
  tripQuoted?: boolean;
  /** The instant a clock starts, when not the command's time (the booked visit time). */
  startAt?: Date;
}

/**
 * The targets an event starts for a subject. Alternatives are chosen here: one on-site target
 * (distance tier or zone); the out-of-warranty departure only for a quoted trip. Request intake
 * targets are chosen by triage, not here.
 */
export function targetsFor(policy: Policy, event: SlaEvent, context: SlaStartContext): string[] {
  const keys = targetsStartedBy(policy, event);
  if (event === 'appointment.booked_time') {
    const chosen =
      typeof context.distanceKm === 'number'
        ? onSiteTargetKeyByDistance(policy, context.distanceKm)
        : onSiteTargetKeyByZone(policy, context.zone ?? 'urban');
    return keys.filter((k) => k === chosen);
  }
  if (event === 'quote.confirmed' && !context.tripQuoted) {
    return keys.filter((k) => !k.startsWith('departure.'));
  }
  return keys;
}

function project(clock: SlaClock, calendars: SlaCalendars) {
  const next = nextAlertAt(clock, calendars);
  const warnAt =
    clock.status === 'running' && clock.warningRecordedAt === null && next !== null && next <= clock.deadline
      ? next
      : null;
  return {
    status: clock.status,
    outcome: clock.outcome,
    deadline: new Date(clock.deadline),
    warnAt: warnAt === null ? null : new Date(warnAt),
    nextAlertAt: next === null ? null : new Date(next),
    warningRecordedAt: clock.warningRecordedAt === null ? null : new Date(clock.warningRecordedAt),
    breachRecordedAt: clock.breachRecordedAt === null ? null : new Date(clock.breachRecordedAt),
    clock: clock as unknown as Record<string, unknown>,
  };
}

async function recordClockEvents(
  tx: Executor,
  meta: CommandMeta | null,
  tenantId: string,
  row: { id: string; subjectType: string; subjectId: string; targetKey: string },
  events: SlaClockEvent[],
  now: Date,
) {
  for (const e of events) {
    await enqueueEvent(tx, tenantId, now, {
      type: e.type,
      aggregateType: row.subjectType,
      aggregateId: row.subjectId,
      payload: { ...e, targetKey: row.targetKey },
    });
  }
  if (meta && events.some((e) => e.type === 'sla.warning_recorded' || e.type === 'sla.breach_recorded')) {
    await writeAudit(tx, meta, now, {
      entityType: row.subjectType,
      entityId: row.subjectId,
      action: events.map((e) => e.type).join(','),
      after: { clockId: row.id, targetKey: row.targetKey, events },
    });
  }
}

/** Starts one clock per target key for the subject (R-NF-01: deadlines on the tenant's calendar). */
export async function startClocks(
  tx: Executor,
  tenant: TenantPolicy,
  subject: SlaSubject,
  keys: readonly string[],
  at: Date,
): Promise<void> {
  const calendars = calendarsFor(tenant.tenantId, tenant.policy);
  for (const key of keys) {
    const target = tenant.policy.sla.targets[key];
    if (!target) throw new DomainError('SLA_TARGET_UNKNOWN', `The policy has no SLA target "${key}".`);
    const clockId = randomUUID();
    const command: SlaClockCommand = { type: 'start', clockId, targetKey: key, target, now: at.getTime() };
    const result = handleSlaClock(command, null, calendars);
    if (result instanceof DomainError) throw result;
    const clock = result.clock!;
    await tx.insert(slaClocks).values({
      tenantId: tenant.tenantId,
      id: clockId,
      subjectType: subject.type,
      subjectId: subject.id,
      targetKey: key,
      startedAt: at,
      updatedAt: at,
      ...project(clock, calendars),
    });
    await recordClockEvents(
      tx,
      null,
      tenant.tenantId,
      { id: clockId, subjectType: subject.type, subjectId: subject.id, targetKey: key },
      result.events,
      at,
    );
  }
}

async function openClocks(
  tx: Executor,
  tenantId: string,
  subjects: readonly SlaSubject[],
): Promise<ClockRow[]> {
  if (!subjects.length) return [];
  return tx
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenantId),
        or(...subjects.map((s) => and(eq(slaClocks.subjectType, s.type), eq(slaClocks.subjectId, s.id)))),
        inArray(slaClocks.status, ['running', 'paused']),
      ),
    )
    .orderBy(asc(slaClocks.startedAt))
    .for('update');
}

async function saveClock(
  tx: Executor,
  tenantId: string,
  row: ClockRow,
  clock: SlaClock,
  calendars: SlaCalendars,
  now: Date,
) {
  await tx
    .update(slaClocks)
    .set({ ...project(clock, calendars), updatedAt: now })
    .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.id, row.id)));
}

const TOLERATED_ON_SIGNAL = new Set([
  'SLA_CLOCK_BREACHED',
  'SLA_CLOCK_NOT_PAUSED',
  'SLA_CLOCK_PAUSED',
  'SLA_CLOCK_CLOSED',
]);

/**
 * Applies a step of the life to the open clocks of the subjects (an order and its request): an event
 * stops the clocks that stop on it and starts the targets that start on it (on `startOn`); a pause
 * or resume acts on the clocks whose target pauses for that reason; `end` records what is due and
 * cancels. With `strict`, a refused pause/resume is an error (the manual commands); otherwise it is
 * skipped (a breached clock is not paused by a quote).
 */
export async function signalClocks(
  tx: Executor,
  tenant: TenantPolicy,
  subjects: readonly SlaSubject[],
  signal: SlaSignal,
  now: Date,
  options: { startOn?: SlaSubject; context?: SlaStartContext; strict?: boolean; meta?: CommandMeta } = {},
): Promise<number> {
  const calendars = calendarsFor(tenant.tenantId, tenant.policy);
  const rows = await openClocks(tx, tenant.tenantId, subjects);
  const t = now.getTime();
  let changed = 0;
  for (const row of rows) {
    let clock = row.clock as unknown as SlaClock;
    const commands: SlaClockCommand[] = [];
    switch (signal.kind) {
      case 'event':
        commands.push({ type: 'stop', event: signal.event, now: t });
        break;
      case 'pause':
        commands.push({ type: 'pause', reason: signal.reason, now: t });
        break;
      case 'resume':
        if (clock.status === 'paused') commands.push({ type: 'resume', now: t });
        break;
      case 'end':
        commands.push({ type: 'record_alerts', now: t }, { type: 'cancel', reason: 'order ended', now: t });
        break;
    }
    const events: SlaClockEvent[] = [];
    for (const command of commands) {
      const result = handleSlaClock(command, clock, calendars);
      if (result instanceof DomainError) {
        if (options.strict || !TOLERATED_ON_SIGNAL.has(result.code)) throw result;
        continue;
      }
      clock = result.clock ?? clock;
      events.push(...result.events);
    }
    if (!events.length) continue;
    changed++;
    await saveClock(tx, tenant.tenantId, row, clock, calendars, now);
    await recordClockEvents(tx, options.meta ?? null, tenant.tenantId, row, events, now);
  }
  if (signal.kind === 'event' && options.startOn) {
    const context = options.context ?? {};
    const keys = targetsFor(tenant.policy, signal.event, context);
    if (keys.length) await startClocks(tx, tenant, options.startOn, keys, context.startAt ?? now);
  }
  return changed;
}

export interface SlaClockView {
  id: string;
  key: string;
  label: { zh: string; en: string };
  subject: SlaSubjectType;
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  startedAt: string;
  deadline: string;
  remainingMinutes: number;
  usedShareBp: number;
  atRisk: boolean;
  breached: boolean;
  pausedReason: string | null;
  basis: string;
  calendar: string | null;
}

/** The clocks of the subjects as the API shows them, evaluated at `now`. */
export async function slaViews(
  db: Executor,
  tenant: TenantPolicy,
  subjects: readonly SlaSubject[],
  now: Date,
): Promise<SlaClockView[]> {
  if (!subjects.length) return [];
  const rows = await db
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenant.tenantId),
        or(...subjects.map((s) => and(eq(slaClocks.subjectType, s.type), eq(slaClocks.subjectId, s.id)))),
      ),
    )
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.targetKey));
  const calendars = calendarsFor(tenant.tenantId, tenant.policy);
  return rows.map((row) => {
    const clock = row.clock as unknown as SlaClock;
    const ev = evaluateClock(clock, calendars, now.getTime());
    const target = tenant.policy.sla.targets[row.targetKey];
    return {
      id: row.id,
      key: row.targetKey,
      label: target?.label ?? { zh: row.targetKey, en: row.targetKey },
      subject: row.subjectType as SlaSubjectType,
      state: ev.state,
      startedAt: row.startedAt.toISOString(),
      deadline: new Date(ev.deadline).toISOString(),
      remainingMinutes: ev.remainingMinutes,
      usedShareBp: ev.usedShareBp,
      atRisk: ev.atRisk,
      breached: ev.breached || row.breachRecordedAt !== null,
      pausedReason: clock.pause?.reason ?? null,
      basis: clock.basis,
      calendar: clock.calendar,
    };
  });
}

/**
 * The watcher (issue 3 item 4): records every warning and breach that is due, exactly once. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several server processes may sweep at the same time; state
 * lives in the rows, so a restart simply catches up. Returns how many alerts were recorded.
 */
export async function sweepSlaAlerts(
  db: { transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> },
  loadPolicy: (tx: Executor, tenantId: string) => Promise<Policy>,
  now: Date,
  batchSize = 200,
): Promise<number> {
  let recorded = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(slaClocks)
        .where(
          and(
            isNotNull(slaClocks.nextAlertAt),
            lte(slaClocks.nextAlertAt, now),
            inArray(slaClocks.status, ['running', 'paused']),
          ),
        )
        .orderBy(asc(slaClocks.nextAlertAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      let alerts = 0;
      const policies = new Map<string, Policy>();
      for (const row of rows) {
        let policy = policies.get(row.tenantId);
        if (!policy) {
          policy = await loadPolicy(tx, row.tenantId);
          policies.set(row.tenantId, policy);
        }
        const calendars = calendarsFor(row.tenantId, policy);
        const clock = row.clock as unknown as SlaClock;
        const result = handleSlaClock({ type: 'record_alerts', now: now.getTime() }, clock, calendars);
        if (result instanceof DomainError) throw result;
        const after = result.clock ?? clock;
        await saveClock(tx, row.tenantId, row, after, calendars, now);
        if (!result.events.length) continue;
        alerts += result.events.length;
        const meta: CommandMeta = {
          actor: { userId: '', tenantId: row.tenantId, roles: [], displayName: 'SLA watcher' },
          requestId: `sla-sweep-${now.toISOString()}`,
          channel: 'system',
        };
        await recordClockEvents(tx, meta, row.tenantId, row, result.events, now);
      }
      return { rows: rows.length, alerts };
    });
    recorded += batch.alerts;
    if (batch.rows < batchSize) return recorded;
  }
}

/** The clocks of many subjects at once, grouped by subject id (for list pages). */
export async function slaViewsBySubject(
  db: Executor,
  tenant: TenantPolicy,
  subjects: readonly SlaSubject[],
  now: Date,
): Promise<Map<string, SlaClockView[]>> {
  const out = new Map<string, SlaClockView[]>();
  if (!subjects.length) return out;
  const rows = await db
    .select({ subjectId: slaClocks.subjectId, id: slaClocks.id })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenant.tenantId),
        inArray(
          slaClocks.subjectId,
          subjects.map((s) => s.id),
        ),
      ),
    );
  const subjectOfClock = new Map(rows.map((r) => [r.id, r.subjectId]));
  for (const view of await slaViews(db, tenant, subjects, now)) {
    const subjectId = subjectOfClock.get(view.id)!;
    out.set(subjectId, [...(out.get(subjectId) ?? []), view]);
  }
  return out;
}

/**
 * A list filter: rows that have a clock at risk (running, warning share used, deadline not passed)
 * or breached (stopped late, breach recorded, or running past its deadline) at `now`.
 */
export function slaFilterCondition(
  kind: 'at_risk' | 'breached',
  tenantId: AnyPgColumn,
  subjectIds: AnyPgColumn[],
  now: Date,
): SQL {
  const subjectMatch = sql.join(
    subjectIds.map((c) => sql`c.subject_id = ${c}`),
    sql` or `,
  );
  const state =
    kind === 'breached'
      ? sql`(c.outcome = 'breached' or c.breach_recorded_at is not null or (c.status = 'running' and c.deadline < ${now}))`
      : sql`(c.status = 'running' and c.warn_at is not null and c.warn_at <= ${now} and c.deadline >= ${now})
            or (c.status = 'running' and c.warning_recorded_at is not null and c.deadline >= ${now})`;
  return sql`exists (select 1 from sla_clocks c where c.tenant_id = ${tenantId} and (${subjectMatch}) and (${state}))`;
}
