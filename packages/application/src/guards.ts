import { can, type Action, type Actor } from '@aftercare/domain';
import { forbidden } from './errors';

/** Throws FORBIDDEN unless the actor's roles allow the action (R-ROLE-03). */
export function requirePermission(actor: Actor, action: Action): void {
  if (!can(actor.roles, action)) throw forbidden(`Your roles may not perform ${action}.`);
}

/** Unwraps a domain Result, throwing its coded error. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}
