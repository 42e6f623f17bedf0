import { PRIORITIES, REQUEST_TYPES, type Priority } from '../policy';
import { DomainError, type Result } from '../shared/errors';
import { TriageErrors } from './errors';
import { containsKeyword, normaliseText } from './text';
import {
  DEFAULT_PRIORITY_BY_TYPE,
  type TriageDecision,
  type TriageInput,
  type TriagePolicy,
  type TriageReason,
  type TriageTarget,
  type TriageTargetPurpose,
} from './triage';

const refuse = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, field === undefined ? {} : { field }),
});

/** The policy's hazard keywords (Chinese and English) found in a problem description (R-IN-04). */
export function findHazardKeywords(problemText: string, policy: TriagePolicy): string[] {
  const text = normaliseText(problemText);
  const { zh, en } = policy.intake.safetyHazardKeywords;
  return [...new Set([...zh, ...en])].filter((k) => containsKeyword(text, k));
}

function target(policy: TriagePolicy, purpose: TriageTargetPurpose, key: string): Result<TriageTarget> {
  const found = policy.sla.targets[key];
  if (!found) return refuse(TriageErrors.targetMissing, `The policy has no SLA target "${key}".`);
  return { ok: true, value: { purpose, key, target: found } };
}

/** The response target of a priority (R-IN-04): the policy names an SLA target per priority. */
export function responseTargetFor(priority: Priority, policy: TriagePolicy): Result<TriageTarget> {
  return target(policy, 'response', policy.intake.responseTargets[priority]);
}

/**
 * Triage of a new request (R-IN-04, R-IN-06, R-IN-07): a safety hazard — a policy keyword in the
 * text or the agent's flag — makes it urgent and returns the stop-use advice; otherwise the requested
 * priority, else the type's default. Also names the SLA targets whose clocks start now.
 */
export function triageRequest(input: TriageInput, policy: TriagePolicy): Result<TriageDecision> {
  if (!(REQUEST_TYPES as readonly string[]).includes(input.type)) {
    return refuse(TriageErrors.typeUnknown, `Unknown request type "${String(input.type)}".`, 'type');
  }
  const requested = input.requestedPriority ?? null;
  if (requested !== null && !(PRIORITIES as readonly string[]).includes(requested)) {
    return refuse(
      TriageErrors.priorityUnknown,
      `Unknown priority "${String(requested)}".`,
      'requestedPriority',
    );
  }

  const matchedKeywords = findHazardKeywords(input.problemText, policy);
  const flagged = input.agentHazardFlag === true;
  const safetyHazard = flagged || matchedKeywords.length > 0;
  const reasons: TriageReason[] = [];
  let priority: Priority;
  if (safetyHazard) {
    priority = 'urgent';
    if (matchedKeywords.length > 0) {
      reasons.push({ code: 'safety_hazard_keyword', params: { keywords: matchedKeywords.join(', ') } });
    }
    if (flagged) reasons.push({ code: 'agent_hazard_flag', params: {} });
    if (requested !== null && requested !== 'urgent') {
      reasons.push({ code: 'hazard_overrides_requested', params: { requested } });
    }
  } else if (requested !== null) {
    priority = requested;
    reasons.push({ code: 'requested_priority', params: { priority } });
  } else {
    priority = policy.intake.defaultPriorityByType?.[input.type] ?? DEFAULT_PRIORITY_BY_TYPE[input.type];
    reasons.push({ code: 'type_default', params: { type: input.type, priority } });
  }

  const wanted: Array<[TriageTargetPurpose, string]> = [
    ['response', policy.intake.responseTargets[priority]],
  ];
  if (input.type === 'consultation')
    wanted.push(['consultation_answer', policy.intake.consultationAnswerTarget]);
  if (input.receivedOutsideServiceDepartment) wanted.push(['forward', policy.intake.forwardTarget]);
  if (input.channel === 'store') wanted.push(['store_callback', policy.intake.storeHandoffCallbackTarget]);
  const targets: TriageTarget[] = [];
  for (const [purpose, key] of wanted) {
    const found = target(policy, purpose, key);
    if (!found.ok) return found;
    targets.push(found.value);
  }

  return {
    ok: true,
    value: {
      priority,
      reasons,
      safetyHazard,
      matchedKeywords,
      stopUseAdvice: safetyHazard ? { ...policy.intake.stopUseAdvice } : null,
      targets,
    },
  };
}
