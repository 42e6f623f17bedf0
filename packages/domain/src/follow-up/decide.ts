import { DomainError, type Result } from '../shared/errors';
import { FollowUpErrors } from './errors';
import {
  SURVEY_ITEMS,
  type EpochMs,
  type FollowUpCalendar,
  type FollowUpCallInput,
  type FollowUpCallRecord,
  type FollowUpOrderContext,
  type FollowUpOutcome,
  type FollowUpPolicy,
  type FollowUpTask,
  type SurveyAnswers,
  type SurveyResult,
} from './follow-up';

/** Longest free text kept from a call (suggestions, other faults, notes). */
export const FOLLOW_UP_TEXT_MAX = 2000;

const refuse = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, field === undefined ? {} : { field }),
});
const toMs = (t: Date | EpochMs): EpochMs => (typeof t === 'number' ? t : t.getTime());

/**
 * R-FUP-01: the follow-up call task created when a work order is completed, due after the policy's
 * call target (3 working days in the presets) counted on the tenant's calendar.
 */
export function followUpTaskFor(
  workOrderId: string,
  completedAt: Date | EpochMs,
  policy: FollowUpPolicy,
  calendar: FollowUpCalendar,
): Result<FollowUpTask> {
  const start = toMs(completedAt);
  if (!Number.isFinite(start)) {
    return refuse(
      FollowUpErrors.instantInvalid,
      'The completion time is not a valid instant.',
      'completedAt',
    );
  }
  const targetKey = policy.followUp.callTarget;
  const target = policy.sla.targets[targetKey];
  if (!target) return refuse(FollowUpErrors.targetMissing, `The policy has no SLA target "${targetKey}".`);
  let due: EpochMs;
  switch (target.basis) {
    case 'working_days':
      due = calendar.addWorkingDays(start, target.days, target.calendar);
      break;
    case 'clock_minutes':
      due = start + target.minutes * 60_000;
      break;
    case 'working_minutes':
      if (!calendar.addWorkingMinutes) {
        return refuse(
          FollowUpErrors.calendarMissing,
          'The follow-up target counts working minutes; pass addWorkingMinutes.',
        );
      }
      due = calendar.addWorkingMinutes(start, target.minutes, target.calendar);
      break;
  }
  return { ok: true, value: { workOrderId, kind: 'follow_up_call', dueAt: new Date(due), targetKey } };
}

/** A five-step answer (1–5) on the 0–100 scale: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100. */
export function stepsToScore(step: number): number {
  return (step - 1) * 25;
}

/**
 * What an unsatisfied customer gets (R-FUP-02, R-WO-08): the policy's action; with `rework`, a free
 * second service while the order has had fewer than `freeReworksBeforeComplaint`, else a complaint.
 */
export function lowScoreOutcome(
  previousReworks: number,
  policy: FollowUpPolicy,
): Exclude<FollowUpOutcome, 'none'> {
  if (policy.followUp.lowScoreAction === 'complaint') return 'open_complaint';
  const { reworkFree, freeReworksBeforeComplaint } = policy.workOrder;
  return reworkFree && previousReworks < freeReworksBeforeComplaint ? 'open_rework' : 'open_complaint';
}

function checkReworks(previousReworks: number): Result<true> {
  if (!Number.isSafeInteger(previousReworks) || previousReworks < 0) {
    return refuse(
      FollowUpErrors.reworkCountInvalid,
      'The rework count is a whole number ≥ 0.',
      'previousReworks',
    );
  }
  return { ok: true, value: true };
}

function text(value: string | null | undefined, field: string): Result<string | null> {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > FOLLOW_UP_TEXT_MAX) {
    return refuse(FollowUpErrors.textTooLong, `At most ${FOLLOW_UP_TEXT_MAX} characters.`, field);
  }
  return { ok: true, value: trimmed === '' ? null : trimmed };
}

/**
 * Validates a follow-up call (R-FUP-01) made after completion and not in the future. A reached
 * customer gives satisfaction 1–5, whether the product runs, and optional other faults and
 * suggestions; low satisfaction or a product that does not run opens rework or a complaint.
 */
export function recordFollowUpCall(
  input: FollowUpCallInput,
  context: FollowUpOrderContext,
  now: Date | EpochMs,
  policy: FollowUpPolicy,
): Result<FollowUpCallRecord> {
  const calledAt = toMs(input.calledAt);
  if (!Number.isFinite(calledAt)) {
    return refuse(FollowUpErrors.instantInvalid, 'The call time is not a valid instant.', 'calledAt');
  }
  if (calledAt < toMs(context.completedAt)) {
    return refuse(
      FollowUpErrors.callBeforeCompletion,
      'A follow-up call comes after completion.',
      'calledAt',
    );
  }
  if (calledAt > toMs(now))
    return refuse(FollowUpErrors.callInFuture, 'The call time is in the future.', 'calledAt');
  const reworks = checkReworks(context.previousReworks);
  if (!reworks.ok) return reworks;

  if (!input.reached) {
    const note = text(input.note, 'note');
    if (!note.ok) return note;
    return { ok: true, value: { reached: false, calledAt: new Date(calledAt), note: note.value } };
  }
  const { satisfaction } = input;
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    return refuse(
      FollowUpErrors.satisfactionInvalid,
      'Satisfaction is 1 (very dissatisfied) to 5 (very satisfied).',
      'satisfaction',
    );
  }
  if (typeof input.productRunningOk !== 'boolean') {
    return refuse(
      FollowUpErrors.runningStateRequired,
      'Say whether the product runs well.',
      'productRunningOk',
    );
  }
  const otherFaults = text(input.otherFaults, 'otherFaults');
  if (!otherFaults.ok) return otherFaults;
  const suggestions = text(input.suggestions, 'suggestions');
  if (!suggestions.ok) return suggestions;

  const satisfactionScore = stepsToScore(satisfaction);
  const unsatisfied = satisfactionScore < policy.followUp.lowScoreThreshold || !input.productRunningOk;
  return {
    ok: true,
    value: {
      reached: true,
      calledAt: new Date(calledAt),
      satisfaction,
      satisfactionScore,
      productRunningOk: input.productRunningOk,
      otherFaults: otherFaults.value,
      suggestions: suggestions.value,
      outcome: unsatisfied ? lowScoreOutcome(context.previousReworks, policy) : 'none',
    },
  };
}

/**
 * Scores a satisfaction survey (R-FUP-02): four items 0–100, overall their mean rounded half up;
 * below the policy's low-score threshold it opens rework or a complaint.
 */
export function scoreSurvey(
  answers: SurveyAnswers,
  context: Pick<FollowUpOrderContext, 'previousReworks'>,
  policy: FollowUpPolicy,
): Result<SurveyResult> {
  for (const item of SURVEY_ITEMS) {
    const score = answers[item];
    if (!Number.isInteger(score) || score < 0 || score > 100) {
      return refuse(FollowUpErrors.scoreInvalid, 'Each survey item is scored 0 to 100.', `answers.${item}`);
    }
  }
  const reworks = checkReworks(context.previousReworks);
  if (!reworks.ok) return reworks;
  const sum = SURVEY_ITEMS.reduce((s, item) => s + answers[item], 0);
  const overall = Math.floor((sum + 2) / 4);
  const items: SurveyAnswers = {
    responseTime: answers.responseTime,
    onSiteTime: answers.onSiteTime,
    repairResult: answers.repairResult,
    attitude: answers.attitude,
  };
  return {
    ok: true,
    value: {
      items,
      overall,
      meetsTarget: overall >= policy.followUp.surveyTarget,
      outcome:
        overall < policy.followUp.lowScoreThreshold
          ? lowScoreOutcome(context.previousReworks, policy)
          : 'none',
    },
  };
}
