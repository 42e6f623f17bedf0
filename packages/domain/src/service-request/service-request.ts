/** Intake channels (R-IN-01). */
export const CHANNELS = ['hotline', 'web', 'wechat', 'store', 'email', 'letter', 'portal', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Request types (R-IN-02). */
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
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Request types whose eligible requests become a work order on review (R-IN-05). */
export const WORK_ORDER_REQUEST_TYPES: readonly RequestType[] = ['repair', 'installation', 'maintenance'];

/** `answered`: a consultation answered and closed without a work order (R-IN-06). */
export const REQUEST_STATUSES = [
  'new',
  'converted',
  'accepted',
  'rejected',
  'cancelled',
  'answered',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface ServiceRequestState {
  id: string;
  status: RequestStatus;
  type: RequestType;
}
