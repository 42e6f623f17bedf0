import { createHash } from 'node:crypto';
import {
  DomainError,
  addWorkingDays,
  compilePolicyCalendars,
  parsePolicy,
  type CompiledCalendar,
  type FollowUpCalendar,
  type Policy,
} from '@aftercare/domain';
import type { Executor } from '@aftercare/db';
import { getTenant } from '../tenants/tenants';

const MAX_ENTRIES = 200;
/** Compiled calendars per tenant and calendar policy, kept in memory (compiling takes up to ~200 ms). */
const cache = new Map<string, Readonly<Record<string, CompiledCalendar>>>();

/** The tenant's compiled business calendars, compiled once per tenant and calendar policy. */
export function followUpCalendarsFor(
  tenantId: string,
  policy: Pick<Policy, 'timeZone' | 'calendars'>,
): Readonly<Record<string, CompiledCalendar>> {
  const key = `${tenantId}:${createHash('sha1')
    .update(JSON.stringify([policy.timeZone, policy.calendars]))
    .digest('hex')}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compilePolicyCalendars(policy);
    // The oldest entry goes first: an edited policy leaves its old version behind.
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}

/** The follow-up module's view of the tenant's calendars (R-FUP-01 counts working days). */
export function followUpCalendar(
  tenantId: string,
  policy: Pick<Policy, 'timeZone' | 'calendars'>,
): FollowUpCalendar {
  const calendars = followUpCalendarsFor(tenantId, policy);
  return {
    addWorkingDays(instant, days, name) {
      const cal = calendars[name];
      if (!cal) throw new DomainError('POLICY_INVALID', `The policy has no calendar "${name}".`);
      return addWorkingDays(cal, instant, days);
    },
  };
}

/** The tenant's policy, validated. */
export async function tenantPolicyOf(db: Executor, tenantId: string): Promise<Policy> {
  const parsed = parsePolicy((await getTenant(db, tenantId)).policy);
  if (!parsed.ok)
    throw new DomainError('POLICY_INVALID', `The company policy is invalid: ${parsed.error.message}`);
  return parsed.value;
}
