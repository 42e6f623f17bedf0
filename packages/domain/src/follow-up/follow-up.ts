import type { Policy } from '../policy';

/** Epoch milliseconds, as the business calendar counts them. */
export type EpochMs = number;

/**
 * The calendar operations the follow-up due date needs, supplied by the caller so that this module
 * does not depend on the calendar module; `calendar` is the name the SLA target counts on, e.g.
 * `(t, d, name) => addWorkingDays(compiled[name], t, d)`.
 */
export interface FollowUpCalendar {
  addWorkingDays(instant: EpochMs, days: number, calendar: string): EpochMs;
  addWorkingMinutes?(instant: EpochMs, minutes: number, calendar: string): EpochMs;
}

/** What follow-up reads from the policy. A full `Policy` fits. */
export interface FollowUpPolicy {
  sla: Pick<Policy['sla'], 'targets'>;
  followUp: Pick<Policy['followUp'], 'callTarget' | 'surveyTarget' | 'lowScoreThreshold' | 'lowScoreAction'>;
  workOrder: Pick<Policy['workOrder'], 'reworkFree' | 'freeReworksBeforeComplaint'>;
}

export interface FollowUpTask {
  workOrderId: string;
  kind: 'follow_up_call';
  dueAt: Date;
  /** The SLA target the due date comes from. */
  targetKey: string;
}

/** What a low score opens (R-FUP-02, R-WO-08). */
export type FollowUpOutcome = 'none' | 'open_rework' | 'open_complaint';

/** Facts about the order that decide between rework and complaint. */
export interface FollowUpOrderContext {
  completedAt: Date | EpochMs;
  /** Free second services the order has had already. */
  previousReworks: number;
}

/**
 * A follow-up call (R-FUP-01). Satisfaction is asked on the five-step phone scale
 * (5 非常满意 very satisfied … 1 非常不满意 very dissatisfied) and converted to 0–100 for the figures.
 */
export type FollowUpCallInput =
  | { reached: false; calledAt: Date | EpochMs; note?: string | null }
  | {
      reached: true;
      calledAt: Date | EpochMs;
      satisfaction: number;
      productRunningOk: boolean;
      otherFaults?: string | null;
      suggestions?: string | null;
    };

export type FollowUpCallRecord =
  | { reached: false; calledAt: Date; note: string | null }
  | {
      reached: true;
      calledAt: Date;
      satisfaction: number;
      /** `satisfaction` on the 0–100 survey scale. */
      satisfactionScore: number;
      productRunningOk: boolean;
      otherFaults: string | null;
      suggestions: string | null;
      outcome: FollowUpOutcome;
    };

/** The four scored items of the satisfaction survey (R-FUP-02), each an integer 0–100. */
export interface SurveyAnswers {
  responseTime: number;
  onSiteTime: number;
  repairResult: number;
  attitude: number;
}
export const SURVEY_ITEMS = ['responseTime', 'onSiteTime', 'repairResult', 'attitude'] as const;

export interface SurveyResult {
  items: SurveyAnswers;
  /** Mean of the four items, rounded half up to an integer 0–100. */
  overall: number;
  /** Overall reaches the policy target (R-FUP-02: 90). */
  meetsTarget: boolean;
  outcome: FollowUpOutcome;
}
