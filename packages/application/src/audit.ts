import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { auditEntries, outbox, type Executor } from '@aftercare/db';
import type { CommandMeta } from './context';

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry (R-NF-02) in the caller's transaction. */
export async function writeAudit(
  tx: Executor,
  meta: CommandMeta,
  at: Date,
  input: AuditInput,
): Promise<void> {
  await tx.insert(auditEntries).values({
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    at,
    actorId: meta.actor.userId || null,
    actorName: meta.actor.displayName ?? null,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: toJson(input.before),
    after: toJson(input.after),
    channel: meta.channel ?? null,
    requestId: meta.requestId,
  });
}

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Puts a domain event in the outbox in the caller's transaction, so it is never lost nor invented. */
export async function enqueueEvent(
  tx: Executor,
  tenantId: string,
  at: Date,
  event: DomainEvent,
): Promise<void> {
  await tx.insert(outbox).values({
    tenantId,
    id: randomUUID(),
    at,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: toJson(event.payload) as Record<string, unknown>,
  });
}

/** The history of one entity, oldest first, paginated. */
export async function listAudit(
  db: Executor,
  tenantId: string,
  query: { entityType: string; entityId: string; page: number; pageSize: number },
) {
  const where = and(
    eq(auditEntries.tenantId, tenantId),
    eq(auditEntries.entityType, query.entityType),
    eq(auditEntries.entityId, query.entityId),
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(auditEntries)
      .where(where)
      .orderBy(asc(auditEntries.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditEntries).where(where),
  ]);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** JSON-safe copy: Dates become ISO strings, undefined becomes null. */
export function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}
