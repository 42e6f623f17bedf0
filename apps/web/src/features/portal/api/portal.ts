import { apiRequest } from '../../../app/api/client';
import type { SessionUser } from '../../../app/session/session';

export interface SlaClock {
  id: string;
  label: { zh: string; en: string };
  state: string;
  deadline: string | null;
  atRisk: boolean;
  breached: boolean;
}

export interface MyRequest {
  id: string;
  number: string;
  type: string;
  status: string;
  problem: string;
  unit: { serialNumber: string; model: string } | null;
  workOrderId: string | null;
  answer: string | null;
  createdAt: string;
  sla: SlaClock[];
}

export interface MyOrder {
  id: string;
  number: string;
  status: string;
  allowedActions: string[];
  quote: { id: string; status: string; totalFen: number; chargeable: boolean } | null;
  sla: SlaClock[];
}

export const requestCode = (body: { tenant: string; phone: string }) =>
  apiRequest<{ expiresAt: string; demoCode: string | null }>('/portal/code', { method: 'POST', body });

export const loginWithCode = (body: { tenant: string; phone: string; code: string }) =>
  apiRequest<{ user: SessionUser }>('/portal/login', { method: 'POST', body });

export const listMyRequests = (signal?: AbortSignal) =>
  apiRequest<{ items: MyRequest[] }>('/service-requests', { query: { pageSize: 50 }, signal });

export const getMyOrder = (id: string, signal?: AbortSignal) =>
  apiRequest<MyOrder>(`/work-orders/${id}`, { signal });

export const decideQuote = (orderId: string, decision: 'confirm-quote' | 'refuse-quote', reason?: string) =>
  apiRequest<MyOrder>(`/work-orders/${orderId}/${decision}`, {
    method: 'POST',
    body: reason ? { reason } : {},
  });
