import { fail, ok, type Result } from '../shared/errors';
import { policySchema, type Policy } from './schema';

/** Validates a tenant policy; on failure the error names the first bad field as a dotted path. */
export function parsePolicy(input: unknown): Result<Policy> {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return fail(
    'POLICY_INVALID',
    `Invalid policy at ${field || '(root)'}: ${issue?.message ?? 'invalid'}`,
    field,
  );
}
