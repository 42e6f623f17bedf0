import { z } from 'zod';

/** One SLA clock as every request and work order shows it (R-NF-01, R-IN-09). */
export const slaClockView = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }),
    subject: z.enum(['service_request', 'work_order']),
    state: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
    startedAt: z.string(),
    deadline: z.string(),
    /** Working minutes left on the clock's calendar (elapsed minutes for clock-hour targets); negative when overdue. */
    remainingMinutes: z.number().int(),
    usedShareBp: z.number().int(),
    atRisk: z.boolean(),
    breached: z.boolean(),
    pausedReason: z.string().nullable(),
    basis: z.string(),
    calendar: z.string().nullable(),
  })
  .meta({ id: 'SlaClock' });

/** List filter: orders or requests with a clock at risk (warning share used) or breached. */
export const slaFilter = z.enum(['at_risk', 'breached']);

export const slaPauseBody = z.object({
  reason: z.enum(['waiting_customer', 'waiting_parts', 'waiting_quote_decision']),
  note: z.string().max(2000).optional(),
});
export const slaResumeBody = z.object({ note: z.string().max(2000).optional() });
export const requestEventBody = z.object({ note: z.string().max(2000).optional() });
