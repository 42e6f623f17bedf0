/**
 * The day-planning job (R-DIS-04) on pg-boss: queue `dispatch-plan`, one job per plan
 * ({tenantId, planId}). The route records the plan as `queued` and hands the id to the queue of this
 * process (`enqueueDayPlan`); any worker of any process may run it — `runDayPlan` claims the row with
 * SKIP LOCKED, so a plan runs once. At start the worker re-sends every plan still queued (a process
 * that stopped before sending, or a test server without jobs).
 */
import { performance } from 'node:perf_hooks';
import type PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@aftercare/db';
import { queuedDayPlans, runDayPlan, type Clock } from '@aftercare/application';

export const DISPATCH_PLAN_QUEUE = 'dispatch-plan';

interface PlanJob {
  tenantId: string;
  planId: string;
}

/** Senders per database handle: the running job queue of this process, if any. */
const senders = new WeakMap<Database, (job: PlanJob) => Promise<void>>();

/** Hands a queued plan to the job queue; false when no queue runs in this process (it is picked up at start). */
export async function enqueueDayPlan(db: Database, job: PlanJob): Promise<boolean> {
  const send = senders.get(db);
  if (!send) return false;
  await send(job);
  return true;
}

export async function startDayPlanJobs(options: {
  boss: PgBoss;
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Search budget per plan in ms (default 3 000). */
  budgetMs?: number | undefined;
}): Promise<{ stop(): void }> {
  const { boss, db, clock, log } = options;
  await boss.createQueue(DISPATCH_PLAN_QUEUE, {
    name: DISPATCH_PLAN_QUEUE,
    policy: 'standard',
  } as PgBoss.Queue);
  await boss.work<PlanJob>(DISPATCH_PLAN_QUEUE, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const ran = await runDayPlan(db, job.data.tenantId, job.data.planId, clock, {
        now: () => performance.now(),
        timeLimitMs: options.budgetMs ?? 3000,
      });
      if (ran) log.info({ planId: job.data.planId }, 'day plan computed');
    }
  });
  const send = async (job: PlanJob) => {
    await boss.send(DISPATCH_PLAN_QUEUE, job);
  };
  senders.set(db, send);
  for (const job of await queuedDayPlans(db)) await send(job);
  return {
    stop() {
      if (senders.get(db) === send) senders.delete(db);
    },
  };
}
