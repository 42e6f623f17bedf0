import {
  applyOverrides,
  dayRejections,
  qualificationRejections,
  timeRejections,
  type Rejection,
} from './eligibility';
import { explainProposal, type ProposalFacts } from './explain';
import { greatCircleTravel, type TravelMatrixProvider } from './travel';
import type {
  Assignment,
  DispatchPolicy,
  GeoPoint,
  Interval,
  RejectionCode,
  RuleOverride,
  ServiceDay,
  Technician,
  Visit,
} from './types';

/** Relative weights of the soft criteria of auto-assignment (R-DIS-03). */
export interface ScoreWeights {
  readonly travel: number;
  readonly slaSlack: number;
  readonly workload: number;
  readonly skill: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  travel: 0.4,
  slaSlack: 0.25,
  workload: 0.2,
  skill: 0.15,
};

/** What auto-assignment needs besides the visit, the slot and the technicians. */
export interface RankContext {
  readonly day: ServiceDay;
  readonly policy: DispatchPolicy;
  /** Travel data; defaults to great-circle × the policy's road factor at its city speed. */
  readonly travel?: TravelMatrixProvider;
  /** Visits already given to technicians that day. */
  readonly assignments?: readonly Assignment[];
  /** Hard rules a supervisor sets aside for this assignment, with a reason. */
  readonly overrides?: readonly RuleOverride[];
  readonly weights?: Partial<ScoreWeights>;
}

/** One eligible technician, scored (0–100, higher is better) and explained. */
export interface Proposal {
  readonly technicianId: string;
  readonly name: string;
  readonly score: number;
  readonly facts: ProposalFacts;
  /** Hard rules that would have excluded the technician but were overridden. */
  readonly overridden: readonly RuleOverride[];
  readonly explanation: { readonly zh: string; readonly en: string };
}

/** A technician ruled out, with every hard rule that failed. */
export interface RejectedTechnician {
  readonly technicianId: string;
  readonly name: string;
  readonly rejections: readonly Rejection[];
}

export interface RankResult {
  readonly proposals: readonly Proposal[];
  readonly rejected: readonly RejectedTechnician[];
}

interface Candidate {
  tech: Technician;
  facts: ProposalFacts;
  overridden: RuleOverride[];
}

/**
 * Ranks the technicians for a visit in a booked slot (R-DIS-03, R-WO-02, R-WO-04): hard filters
 * with coded reasons (skill, certificate, assessment, area, shift, leave, free slot, weekday rule,
 * customer's rest hours), then a score from travel time, SLA slack, workload and skill level.
 */
export function rankTechnicians(
  visit: Visit,
  slot: Interval,
  technicians: readonly Technician[],
  context: RankContext,
): RankResult {
  const travel = context.travel ?? greatCircleTravel(context.policy.roadFactor, context.policy.citySpeedKmh);
  const assignments = (context.assignments ?? []).filter((a) => a.visitId !== visit.id);
  const jobsOf = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const list = jobsOf.get(a.technicianId) ?? [];
    list.push(a);
    jobsOf.set(a.technicianId, list);
  }
  const origins: GeoPoint[] = [...technicians.map((t) => t.home), ...assignments.map((a) => a.location)];
  const toVisit = travel.between(origins, [visit.location]);
  const fromVisit = travel.between(
    [visit.location],
    assignments.map((a) => a.location),
  );
  const indexOf = new Map(assignments.map((a, i) => [a, i]));
  const dayRules = dayRejections(visit, context.day, context.policy);
  const serviceMs = visit.serviceMinutes * 60_000;
  const candidates: Candidate[] = [];
  const rejected: RejectedTechnician[] = [];
  technicians.forEach((tech, ti) => {
    const overrides = (context.overrides ?? []).filter(
      (o) => o.technicianId === undefined || o.technicianId === tech.id,
    );
    const codes = new Set<RejectionCode>(overrides.map((o) => o.code));
    const jobs = jobsOf.get(tech.id) ?? [];
    const busy = jobs.map((j) => {
      const i = indexOf.get(j)!;
      return {
        start: j.start - fromVisit.minutes[i]! * 60_000,
        end: j.end + toVisit.minutes[technicians.length + i]! * 60_000,
      };
    });
    const time = timeRejections(
      { slot, serviceMs, shifts: tech.shifts, leave: tech.leave, avoid: visit.avoid ?? [], busy },
      codes,
    );
    const all = [...qualificationRejections(tech, visit, slot.start), ...dayRules, ...time.rejections];
    const { holding, overridden } = applyOverrides(all, overrides);
    const first = time.starts[0];
    if (holding.length > 0 || !first) {
      rejected.push({ technicianId: tech.id, name: tech.name, rejections: holding });
      return;
    }
    const startAt = first.start;
    const before = jobs.filter((j) => j.end <= startAt).sort((a, b) => b.end - a.end)[0];
    const row = before ? technicians.length + indexOf.get(before)! : ti;
    const shift = tech.shifts.find((s) => s.start <= startAt && startAt + serviceMs <= s.end);
    candidates.push({
      tech,
      overridden,
      facts: {
        distanceKm: toVisit.km[row]!,
        travelMinutes: toVisit.minutes[row]!,
        startAt,
        shiftEndsAt: shift ? shift.end : null,
        jobsToday: jobs.length,
        slaSlackMinutes: visit.slaDeadline === undefined ? null : (visit.slaDeadline - startAt) / 60_000,
        skillLevel: tech.skills.find((s) => s.productLine === visit.productLine)?.level ?? 0,
      },
    });
  });
  const proposals = score(candidates, { ...DEFAULT_SCORE_WEIGHTS, ...context.weights }, context.day);
  return { proposals, rejected };
}

function score(candidates: Candidate[], w: ScoreWeights, day: ServiceDay): Proposal[] {
  const maxJobs = Math.max(0, ...candidates.map((c) => c.facts.jobsToday));
  const total = w.travel + w.slaSlack + w.workload + w.skill || 1;
  const out = candidates.map((c) => {
    const f = c.facts;
    const travel = 1 / (1 + f.travelMinutes / 30);
    const sla = f.slaSlackMinutes === null ? 1 : Math.min(1, Math.max(0, f.slaSlackMinutes / 240));
    const workload = 1 - f.jobsToday / (maxJobs + 1);
    const skill = Math.min(1, f.skillLevel / 5);
    const value =
      (100 * (w.travel * travel + w.slaSlack * sla + w.workload * workload + w.skill * skill)) / total;
    return {
      technicianId: c.tech.id,
      name: c.tech.name,
      score: Math.round(value * 10) / 10,
      facts: f,
      overridden: c.overridden,
      explanation: explainProposal(c.tech.name, f, day),
    };
  });
  return out.sort((a, b) => b.score - a.score || a.facts.travelMinutes - b.facts.travelMinutes);
}
