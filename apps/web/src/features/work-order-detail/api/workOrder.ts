import { apiRequest } from '../../../app/api/client';

/** One SLA clock as the API shows it on every request and work order. */
export interface SlaClock {
  id: string;
  key: string;
  label: { zh: string; en: string };
  subject: 'service_request' | 'work_order';
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  startedAt: string;
  deadline: string;
  remainingMinutes: number;
  usedShareBp: number;
  atRisk: boolean;
  breached: boolean;
  pausedReason: string | null;
}

export interface Reason {
  code: string;
  params: Record<string, string | number | boolean | null>;
}

export interface Warranty {
  version: number;
  kind: string;
  inWarranty: boolean;
  coverage: string;
  payer: string;
  reasons: Reason[];
  warrantyEndsOn: string | null;
  warrantyMonths: number;
  discountBp: number;
  cause: string;
  decidedAt: string;
  reason: string | null;
  override: { by: string; at: string; reason: string } | null;
}

export interface QuoteSummary {
  id: string;
  version: number;
  status: 'issued' | 'accepted' | 'refused' | 'going_on_after_refusal' | (string & {});
  totalFen: number;
  chargeable: boolean;
  issuedAt: string;
  decidedAt: string | null;
  decisionChannel: string | null;
}

export interface Transition {
  action: string;
  from: string;
  to: string;
  at: string;
  actorId: string;
  actorName: string | null;
  reason: string | null;
}

export interface WorkOrderDetail {
  id: string;
  number: string;
  status: string;
  priority: string;
  requestType: string;
  customer: { id: string; name: string; phoneMasked: string };
  product: { model: string; serialNumber: string } | null;
  assignee: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  sla: SlaClock[];
  requestId: string;
  requestNumber: string;
  problem: string;
  version: number;
  closedAt: string | null;
  allowedActions: string[];
  transitions: Transition[];
  warranty: Warranty | null;
  quote: QuoteSummary | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  channel: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function getWorkOrder(id: string, signal?: AbortSignal): Promise<WorkOrderDetail> {
  return apiRequest<WorkOrderDetail>(`/work-orders/${encodeURIComponent(id)}`, { signal });
}

export function listAudit(id: string, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiRequest<Page<AuditEntry>>('/audit', {
    query: { entityType: 'work_order', entityId: id, pageSize: 100 },
    signal,
  });
}

/** POST /work-orders/{id}/<action-with-dashes>. */
export function runAction(id: string, action: string, body: Record<string, unknown>): Promise<unknown> {
  return apiRequest(`/work-orders/${encodeURIComponent(id)}/${action.replaceAll('_', '-')}`, {
    method: 'POST',
    body,
  });
}

/** Where the printable documents live (HTML pages the server renders). */
export function documentUrl(id: string, kind: 'assessment-notice' | 'service-report', lang: string): string {
  return `/api/v1/work-orders/${encodeURIComponent(id)}/${kind}?lang=${lang.startsWith('zh') ? 'zh' : 'en'}`;
}
