import type { Policy, Priority, RequestType, SlaTarget } from '../policy';
import type { Channel } from '../service-request';

export interface TriageInput {
  type: RequestType;
  problemText: string;
  /** The agent judged the situation dangerous, whatever the words (R-IN-04). */
  agentHazardFlag?: boolean;
  /** The priority the agent or customer asked for; a safety hazard overrides it. */
  requestedPriority?: Priority | null;
  channel?: Channel;
  /** Received by someone outside the service department, who must forward it (R-IN-06). */
  receivedOutsideServiceDepartment?: boolean;
}

/** Priority by request type when nobody asked for one; not in the policy schema yet. */
export const DEFAULT_PRIORITY_BY_TYPE: Readonly<Record<RequestType, Priority>> = {
  consultation: 'normal',
  installation: 'normal',
  repair: 'normal',
  maintenance: 'low',
  return: 'normal',
  exchange: 'normal',
  parts: 'low',
  // R-CMP-01: a complaint is reported to the service department at once.
  complaint: 'urgent',
};

/**
 * What triage reads from the policy. A full `Policy` fits; the two optional fields are proposals for
 * the policy schema (defaults: `DEFAULT_PRIORITY_BY_TYPE`, `DEFAULT_SYMPTOM_SIMILARITY_MIN_BP`).
 */
export interface TriagePolicy {
  sla: Pick<Policy['sla'], 'targets'>;
  intake: Pick<
    Policy['intake'],
    | 'responseTargets'
    | 'consultationAnswerTarget'
    | 'forwardTarget'
    | 'storeHandoffCallbackTarget'
    | 'safetyHazardKeywords'
    | 'stopUseAdvice'
    | 'duplicateWindowDays'
  > & {
    defaultPriorityByType?: Partial<Record<RequestType, Priority>>;
    symptomSimilarityMinBp?: number;
  };
}

export type TriageReasonCode =
  | 'safety_hazard_keyword'
  | 'agent_hazard_flag'
  | 'hazard_overrides_requested'
  | 'requested_priority'
  | 'type_default';

export interface TriageReason {
  code: TriageReasonCode;
  params: Record<string, string | number | boolean>;
}

/** Why an SLA clock starts for the request: R-IN-04 response, R-IN-06 answer and forwarding, R-IN-07 store call-back. */
export type TriageTargetPurpose = 'response' | 'consultation_answer' | 'forward' | 'store_callback';

export interface TriageTarget {
  purpose: TriageTargetPurpose;
  key: string;
  target: SlaTarget;
}

export interface TriageDecision {
  priority: Priority;
  reasons: TriageReason[];
  safetyHazard: boolean;
  /** The policy keywords found in the problem text, as written in the policy. */
  matchedKeywords: string[];
  /** The stop-using-it advice to show the customer at once, in both languages; null without a hazard. */
  stopUseAdvice: { zh: string; en: string } | null;
  /** The SLA targets whose clocks start with the request; the first is the response target. */
  targets: TriageTarget[];
}

/** An earlier request that a new one may repeat (R-IN-08). */
export interface PreviousRequest {
  id: string;
  type: RequestType;
  status?: string;
  receivedAt: Date | number;
  unitId?: string | null;
  productModel?: string | null;
  serialNumber?: string | null;
  symptomCode?: string | null;
  problemText: string;
}

export type NewRequest = Omit<PreviousRequest, 'id' | 'status' | 'receivedAt'>;

export interface RepeatMatch {
  /** The earlier request the new one is linked to (the most recent match). */
  requestId: string;
  basis: 'symptom_code' | 'text';
  /** Similarity of the symptoms in basis points (10000 for equal symptom codes). */
  similarityBp: number;
  /** Whole days between the two receipts. */
  daysSince: number;
  /** R-IN-08 counts a repair that repeats a request as a repeat repair. */
  isRepeatRepair: boolean;
}
