import { createHash } from 'node:crypto';
import { compilePolicyCalendars, parsePolicy, type Policy, type SlaCalendars } from '@aftercare/domain';
import { DomainError } from '@aftercare/domain';

/**
 * Compiled business calendars per tenant policy. Compiling takes tens of milliseconds, so each
 * distinct policy is compiled once per process and kept (a changed policy hashes differently).
 */
const cache = new Map<string, SlaCalendars>();
const MAX_ENTRIES = 500;

export function parseTenantPolicy(raw: unknown): Policy {
  const parsed = parsePolicy(raw);
  if (!parsed.ok)
    throw new DomainError('POLICY_INVALID', `The company policy is invalid: ${parsed.error.message}`);
  return parsed.value;
}

export function calendarsFor(tenantId: string, policy: Policy): SlaCalendars {
  const key = `${tenantId}:${createHash('sha1').update(JSON.stringify(policy)).digest('hex')}`;
  let calendars = cache.get(key);
  if (!calendars) {
    calendars = compilePolicyCalendars(policy);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, calendars);
  }
  return calendars;
}

/** Short name used inside the application package. */
export const policyOf = parseTenantPolicy;
