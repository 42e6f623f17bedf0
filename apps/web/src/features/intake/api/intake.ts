import { apiRequest } from '../../../app/api/client';

export interface Customer {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  phones: string[];
  phonesMasked: boolean;
  addresses: {
    id: string;
    province: string;
    city: string;
    district?: string;
    line: string;
    isDefault: boolean;
  }[];
}

export interface Unit {
  id: string;
  serialNumber: string;
  purchaseDate: string | null;
  ownerId: string;
  model: { id: string; code: string; name: string; productLine: string };
}

export interface ProductModel {
  id: string;
  code: string;
  name: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

export const CHANNELS = ['hotline', 'web', 'wechat', 'store', 'email', 'letter'] as const;
export const REQUEST_TYPES = [
  'consultation',
  'installation',
  'repair',
  'maintenance',
  'return',
  'exchange',
  'parts',
  'complaint',
] as const;
export const PRIORITIES = ['urgent', 'normal', 'low'] as const;

export interface CreatedRequest {
  id: string;
  number: string;
  priority: string;
  status: string;
  workOrderId: string | null;
  safetyHazard: boolean;
  stopUseAdvice: { zh: string; en: string } | null;
  isRepeat: boolean;
  repeatOfId: string | null;
  repeat: { daysSince: number; similarityBp: number; isRepeatRepair: boolean } | null;
}

export function searchCustomers(q: string, signal?: AbortSignal): Promise<Page<Customer>> {
  return apiRequest<Page<Customer>>('/customers', { query: { q, pageSize: 10 }, signal });
}

export function searchUnits(q: string, signal?: AbortSignal): Promise<Page<Unit>> {
  return apiRequest<Page<Unit>>('/units', { query: { q, pageSize: 10 }, signal });
}

export function unitsOf(ownerId: string, signal?: AbortSignal): Promise<Page<Unit>> {
  return apiRequest<Page<Unit>>('/units', { query: { ownerId, pageSize: 50 }, signal });
}

export function getCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
  return apiRequest<Customer>(`/customers/${encodeURIComponent(id)}`, { signal });
}

export function listModels(signal?: AbortSignal): Promise<Page<ProductModel>> {
  return apiRequest<Page<ProductModel>>('/product-models', { query: { pageSize: 100 }, signal });
}

export function createRequest(
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<CreatedRequest> {
  return apiRequest<CreatedRequest>('/service-requests', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
