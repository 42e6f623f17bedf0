import { and, eq } from 'drizzle-orm';
import { DomainError, parsePolicy, scopeFor, type Actor, type Policy } from '@aftercare/domain';
import { workOrders, type Executor } from '@aftercare/db';
import { notFound } from '../errors';
import { unwrap } from '../guards';
import { getTenant, type TenantRow } from '../tenants/tenants';

export type WorkOrderRow = typeof workOrders.$inferSelect;

/** The tenant and its validated policy (`tenants.policy`, typed by `policySchema`). */
export async function tenantPolicy(
  db: Executor,
  tenantId: string,
): Promise<{ tenant: TenantRow; policy: Policy }> {
  const tenant = await getTenant(db, tenantId);
  return { tenant, policy: unwrap(parsePolicy(tenant.policy)) };
}

/**
 * A work order the actor may see (R-ROLE-03: a technician only assigned ones, a customer only their
 * own), locked for update when asked; 404 otherwise, as for any order outside the scope.
 */
export async function findOrderInScope(
  db: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<WorkOrderRow> {
  const scope = scopeFor(actor);
  const where = and(
    eq(workOrders.tenantId, actor.tenantId),
    eq(workOrders.id, id),
    scope.kind === 'assigned' ? eq(workOrders.assigneeId, scope.userId) : undefined,
    scope.kind === 'own' ? eq(workOrders.customerId, scope.customerId) : undefined,
  );
  const query = db.select().from(workOrders).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Work order');
  return row;
}

/** The domain names fields `lines[2].quantity`; the API names them like zod does: `lines.2.quantity`. */
export function dottedField(field: string | undefined): string | undefined {
  return field?.replace(/\[(\d+)\]/g, '.$1');
}

/** Re-throws a domain refusal with its field in the API's dotted form (and an optional prefix). */
export function withApiField(error: Error, prefix = ''): Error {
  if (!(error instanceof DomainError)) return error;
  const field = dottedField(error.field);
  return new DomainError(error.code, error.message, {
    ...(field === undefined ? {} : { field: `${prefix}${field}` }),
    ...(error.details === undefined ? {} : { details: error.details }),
  });
}

/** Unwraps a domain Result, naming the field the API way. */
export function unwrapApi<T>(result: { ok: true; value: T } | { ok: false; error: Error }, prefix = ''): T {
  if (!result.ok) throw withApiField(result.error, prefix);
  return result.value;
}

/** The validated policy of a tenant row already read. */
export function policyOf(tenant: TenantRow): Policy {
  return unwrap(parsePolicy(tenant.policy));
}
