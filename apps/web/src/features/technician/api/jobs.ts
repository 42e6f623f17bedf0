import { apiRequest, API_BASE } from '../../../app/api/client';
import type { QueuedAction, SendOutcome } from './offlineQueue';

export interface JobSummary {
  id: string;
  number: string;
  status: string;
  priority: string;
  customer: { id: string; name: string; phoneMasked: string };
  product: { model: string; serialNumber: string } | null;
}

/** What the technician needs of GET /work-orders/{id}: the booked visit and the moves allowed now. */
export interface JobDetail extends JobSummary {
  problem: string;
  details: Record<string, unknown>;
  allowedActions: string[];
}

export interface Visit {
  slotStart: string | null;
  slotEnd: string | null;
  address: string | null;
  contactPhone: string | null;
}

/** Orders a technician still has work on (the rest is history). */
export const OPEN_STATUSES = [
  'scheduled',
  'dispatched',
  'en_route',
  'on_site',
  'in_repair',
  'in_workshop',
  'completed',
  'rework',
];

/** The moves this view offers, as the API names them in `allowedActions`, with their path. */
export const TECH_MOVES = {
  depart: 'depart',
  arrive: 'arrive',
  start_repair: 'start-repair',
  complete: 'complete',
  accept: 'accept',
} as const;
export type TechMove = keyof typeof TECH_MOVES;

export async function listMyOpenJobs(assigneeId: string, signal?: AbortSignal): Promise<JobDetail[]> {
  const page = await apiRequest<{ items: JobSummary[] }>('/work-orders', {
    query: { assigneeId, pageSize: 100 },
    signal,
  });
  const open = page.items.filter((o) => OPEN_STATUSES.includes(o.status));
  return Promise.all(open.map((o) => apiRequest<JobDetail>(`/work-orders/${o.id}`, { signal })));
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The booked visit: the schedule move's data (or a dispatch assignment's slot). */
export function visitOf(job: JobDetail): Visit {
  const schedule = (job.details.schedule ?? {}) as Record<string, unknown>;
  const assign = (job.details.assign ?? {}) as Record<string, unknown>;
  return {
    slotStart: str(schedule.slotStart) ?? str(assign.slotStart),
    slotEnd: str(schedule.slotEnd) ?? str(assign.slotEnd),
    address: str(schedule.address),
    contactPhone: str(schedule.contactPhone),
  };
}

/** Visit order: booked slots first, earliest first; then the rest by number. */
export function byVisitOrder(a: JobDetail, b: JobDetail): number {
  const sa = visitOf(a).slotStart;
  const sb = visitOf(b).slotStart;
  if (sa && sb && sa !== sb) return Date.parse(sa) - Date.parse(sb);
  if (sa && !sb) return -1;
  if (!sa && sb) return 1;
  return a.number.localeCompare(b.number);
}

/** A number that can be dialled (lists give masked numbers such as 150****2468, which cannot). */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null;
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 5 ? digits : null;
}

export function mapLink(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`;
}

/** Sends one queued move with its Idempotency-Key (the server replays the first answer for a repeat). */
export async function sendQueuedMove(action: QueuedAction): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/work-orders/${action.orderId}/${action.move}`, {
      method: 'POST',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/json',
        'idempotency-key': action.key,
      },
      body: JSON.stringify(action.body),
      credentials: 'include',
    });
  } catch {
    return { kind: 'retry' };
  }
  if (response.ok) return { kind: 'sent' };
  // No session or a server fault: keep the move; it goes out again with the same key.
  if (
    response.status === 401 ||
    response.status === 408 ||
    response.status === 429 ||
    response.status >= 500
  ) {
    return { kind: 'retry' };
  }
  let problem: { code?: string; detail?: string; title?: string } = {};
  try {
    problem = (await response.json()) as typeof problem;
  } catch {
    // keep the status below
  }
  return {
    kind: 'rejected',
    code: problem.code ?? `HTTP_${response.status}`,
    detail: problem.detail ?? problem.title,
  };
}
