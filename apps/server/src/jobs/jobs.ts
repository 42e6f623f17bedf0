/**
 * Background jobs and timers on pg-boss (works on PostgreSQL and, in-process, on PGlite).
 * `sla-sweep` runs every minute (a pg-boss cron schedule: one job per tick across all server
 * processes) and once at start, so warnings and breaches that fell due while the server was down
 * are recorded on restart. The sweep itself claims rows with SKIP LOCKED, so overlapping sweeps
 * never record an alert twice.
 */
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '@aftercare/db';
import { getTenant, parseTenantPolicy, sweepSlaAlerts, type Clock } from '@aftercare/application';
import { startDayPlanJobs } from './dispatch-plans';

export const SLA_SWEEP_QUEUE = 'sla-sweep';

export interface Jobs {
  boss: PgBoss;
  /** Runs one sweep now (also what the scheduled job does). */
  sweepNow(): Promise<number>;
  stop(): Promise<void>;
}

function adapterFor(handle: DatabaseHandle, databaseUrl: string | undefined): PgBoss.ConstructorOptions {
  if (handle.kind === 'postgres') {
    if (!databaseUrl) throw new Error('pg-boss needs the DATABASE_URL of the PostgreSQL server');
    return { connectionString: databaseUrl, max: 4 };
  }
  const pglite = handle.pglite!;
  return {
    db: {
      // pg-boss sends parameterised single statements and, for its own migrations, scripts.
      executeSql: async (text: string, values?: unknown[]) => {
        if (values && values.length) return pglite.query(text, values as never[]);
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      },
    },
  };
}

export async function startJobs(options: {
  handle: DatabaseHandle;
  databaseUrl?: string | undefined;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Register the every-minute schedule (off in tests that drive the sweep themselves). */
  schedule?: boolean;
  /** Search budget of one day plan in ms (queue `dispatch-plan`, see ./dispatch-plans.ts). */
  planBudgetMs?: number;
}): Promise<Jobs> {
  const { handle, clock, log } = options;
  const boss = new PgBoss({
    ...adapterFor(handle, options.databaseUrl),
    schema: 'pgboss',
    application_name: 'aftercare',
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(SLA_SWEEP_QUEUE, { name: SLA_SWEEP_QUEUE, policy: 'singleton' } as PgBoss.Queue);

  const loadPolicy = async (tx: Parameters<typeof getTenant>[0], tenantId: string) =>
    parseTenantPolicy((await getTenant(tx, tenantId)).policy);
  const sweepNow = async () => {
    const recorded = await sweepSlaAlerts(handle.db, loadPolicy, clock.now());
    if (recorded) log.info({ recorded }, 'SLA warnings and breaches recorded');
    return recorded;
  };
  await boss.work(SLA_SWEEP_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await sweepNow();
  });
  const dayPlans = await startDayPlanJobs({
    boss,
    db: handle.db,
    clock,
    log,
    budgetMs: options.planBudgetMs,
  });
  if (options.schedule !== false) {
    await boss.schedule(SLA_SWEEP_QUEUE, '* * * * *', {}, { tz: 'UTC' });
    await boss.send(SLA_SWEEP_QUEUE, {}, { singletonKey: 'startup' });
  }
  return {
    boss,
    sweepNow,
    stop: async () => {
      dayPlans.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
