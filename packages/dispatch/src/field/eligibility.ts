import { freeStarts } from './intervals';
import { haversineKm } from './travel';
import type {
  DispatchPolicy,
  Interval,
  RejectionCode,
  RuleOverride,
  ServiceDay,
  Technician,
  Visit,
} from './types';

/** One hard rule that rules a technician out for a visit, with a human-readable detail. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly detail: string;
}

/** Rules on the technician's qualification for the visit's product line (R-DIS-01). */
export function qualificationRejections(tech: Technician, visit: Visit, at: number): Rejection[] {
  const out: Rejection[] = [];
  const skill = tech.skills.find((s) => s.productLine === visit.productLine);
  if (!skill) out.push({ code: 'SKILL_MISSING', detail: `no skill for ${visit.productLine}` });
  else if (visit.minSkillLevel !== undefined && skill.level < visit.minSkillLevel)
    out.push({ code: 'SKILL_LEVEL_LOW', detail: `level ${skill.level} < required ${visit.minSkillLevel}` });
  const certs = tech.certificates.filter((c) => c.productLine === visit.productLine);
  if (certs.length === 0)
    out.push({ code: 'CERTIFICATE_MISSING', detail: `no certificate for ${visit.productLine}` });
  else if (!certs.some((c) => c.expiresAt > at))
    out.push({
      code: 'CERTIFICATE_EXPIRED',
      detail: `certificate ${certs.map((c) => c.code).join(', ')} expired`,
    });
  if (!tech.assessment.passed || tech.assessment.validUntil <= at)
    out.push({ code: 'ASSESSMENT_NOT_PASSED', detail: 'annual technical assessment not passed or lapsed' });
  if (tech.serviceArea) {
    const d = haversineKm(tech.serviceArea.centre, visit.location);
    if (d > tech.serviceArea.radiusKm)
      out.push({
        code: 'OUTSIDE_SERVICE_AREA',
        detail: `${d.toFixed(1)} km from area centre > ${tech.serviceArea.radiusKm} km`,
      });
  }
  return out;
}

/** Rules on the visit itself for that day: the weekday rule of the policy (R-WO-04). */
export function dayRejections(visit: Visit, day: ServiceDay, policy: DispatchPolicy): Rejection[] {
  const allowed = policy.allowedWeekdays?.[visit.productLine] ?? policy.allowedWeekdays?.['*'];
  if (allowed && !allowed.includes(day.weekday))
    return [
      { code: 'WEEKDAY_NOT_ALLOWED', detail: `${visit.productLine} not served on weekday ${day.weekday}` },
    ];
  return [];
}

/** Inputs of the time checks of one technician for one visit. */
export interface TimeCheck {
  readonly slot: Interval;
  readonly serviceMs: number;
  readonly shifts: readonly Interval[];
  readonly leave: readonly Interval[];
  readonly avoid: readonly Interval[];
  /** The technician's other jobs, widened by the travel to and from this visit. */
  readonly busy: readonly Interval[];
}

/** Result of the time checks: the rejections and the possible service start times. */
export interface TimeCheckResult {
  readonly rejections: Rejection[];
  readonly starts: Interval[];
}

/**
 * Time rules (R-DIS-02, R-WO-04): on shift, not on leave, slot free, customer's rest hours avoided.
 * Each rule is checked alone so that its code is precise; overridden rules are left out of the
 * combined check, which yields the start times that satisfy all the others together.
 */
export function timeRejections(c: TimeCheck, overridden: ReadonlySet<RejectionCode>): TimeCheckResult {
  const out: Rejection[] = [];
  const d = c.serviceMs;
  if (freeStarts(c.slot, c.shifts, [], d).length === 0)
    out.push({ code: 'OFF_SHIFT', detail: 'no shift covers the slot and the service time' });
  if (freeStarts(c.slot, null, c.leave, d).length === 0)
    out.push({ code: 'ON_LEAVE', detail: 'on leave during the slot' });
  if (freeStarts(c.slot, null, c.avoid, d).length === 0)
    out.push({ code: 'CUSTOMER_REST_TIME', detail: "the slot falls in the customer's rest or meal hours" });
  if (freeStarts(c.slot, null, c.busy, d).length === 0)
    out.push({ code: 'SLOT_TAKEN', detail: 'other jobs (with travel) fill the slot' });
  const starts = freeStarts(
    c.slot,
    overridden.has('OFF_SHIFT') ? null : c.shifts,
    [
      ...(overridden.has('ON_LEAVE') ? [] : c.leave),
      ...(overridden.has('CUSTOMER_REST_TIME') ? [] : c.avoid),
      ...(overridden.has('SLOT_TAKEN') ? [] : c.busy),
    ],
    d,
  );
  if (starts.length === 0 && out.every((r) => overridden.has(r.code)))
    out.push({
      code: 'NO_COMMON_TIME',
      detail: 'shift, leave, rest hours and other jobs leave no common start time',
    });
  return { rejections: out, starts };
}

/** Splits rejections into those set aside by an override and those that still hold. */
export function applyOverrides(
  rejections: readonly Rejection[],
  overrides: readonly RuleOverride[],
): { holding: Rejection[]; overridden: RuleOverride[] } {
  const holding: Rejection[] = [];
  const overridden: RuleOverride[] = [];
  for (const r of rejections) {
    const o = overrides.find((x) => x.code === r.code);
    if (o) {
      if (!overridden.includes(o)) overridden.push(o);
    } else holding.push(r);
  }
  return { holding, overridden };
}
