import { DomainError } from '../shared/errors';
import type { Policy, Priority, SlaTarget } from '../policy/schema';

/** A named SLA target of the policy, or a coded error naming the missing key. */
export function slaTarget(policy: Pick<Policy, 'sla'>, key: string): SlaTarget {
  const t = policy.sla.targets[key];
  if (!t)
    throw new DomainError('SLA_TARGET_UNKNOWN', `Unknown SLA target "${key}"`, {
      field: `sla.targets.${key}`,
    });
  return t;
}

/** R-IN-04 the response target key for a priority. */
export function responseTargetKey(policy: Pick<Policy, 'intake'>, priority: Priority): string {
  return policy.intake.responseTargets[priority];
}

/** R-WO-03 the on-site target key by zone. */
export function onSiteTargetKeyByZone(policy: Pick<Policy, 'workOrder'>, zone: 'urban' | 'suburban'): string {
  return policy.workOrder.onSiteTargets[zone];
}

/** R-WO-03 the on-site target key for a distance (km) from the service base: the first tier that holds it. */
export function onSiteTargetKeyByDistance(policy: Pick<Policy, 'workOrder'>, distanceKm: number): string {
  if (!(distanceKm >= 0))
    throw new DomainError('DISTANCE_INVALID', 'Distance must be ≥ 0 km', { field: 'distanceKm' });
  const tiers = policy.workOrder.distanceTiers;
  const tier = tiers.find((t) => t.upToKm === null || distanceKm <= t.upToKm) ?? tiers[tiers.length - 1];
  if (!tier) throw new DomainError('SLA_TARGET_UNKNOWN', 'No distance tiers in the policy');
  return tier.target;
}

/** Keys of the targets that a domain event starts (the application starts one clock per key). */
export function targetsStartedBy(policy: Pick<Policy, 'sla'>, event: SlaTarget['start']): string[] {
  return Object.entries(policy.sla.targets)
    .filter(([, t]) => t.start === event)
    .map(([k]) => k);
}
