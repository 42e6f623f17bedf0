import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@aftercare/domain';
import { idempotencyKeys, type Database, type Transaction } from '@aftercare/db';
import type { AppContext, CommandMeta } from './context';
import { AppErrors } from './errors';

export interface IdempotencyRequest {
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}

export interface CommandResult<T> {
  statusCode: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs a command in one transaction. With an Idempotency-Key, the first answer is stored in the same
 * transaction and a retry with the same key returns it instead of acting twice; the same key with a
 * different request is refused. Concurrent retries are settled by the primary key.
 */
export async function runCommand<T>(
  ctx: AppContext,
  meta: CommandMeta,
  request: IdempotencyRequest,
  statusCode: number,
  run: (tx: Transaction, now: Date) => Promise<T>,
): Promise<CommandResult<T>> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const key = request.key?.trim();
  if (!key) return { statusCode, body: await db.transaction((tx) => run(tx, now)), replayed: false };
  if (key.length > 200) {
    throw new DomainError(AppErrors.validation, 'An Idempotency-Key has at most 200 characters.', {
      field: 'Idempotency-Key',
    });
  }
  const hash = createHash('sha256')
    .update(JSON.stringify([request.method, request.path, request.body ?? null]))
    .digest('hex');
  const scope = and(
    eq(idempotencyKeys.tenantId, meta.actor.tenantId),
    eq(idempotencyKeys.userId, meta.actor.userId),
    eq(idempotencyKeys.key, key),
  );
  const replay = async (tx: Pick<Database, 'select'>): Promise<CommandResult<T> | null> => {
    const [row] = await tx.select().from(idempotencyKeys).where(scope);
    if (!row) return null;
    if (row.requestHash !== hash) {
      throw new DomainError(
        AppErrors.idempotencyMismatch,
        'This Idempotency-Key was used for a different request.',
        {
          field: 'Idempotency-Key',
        },
      );
    }
    return { statusCode: row.statusCode, body: row.response as T, replayed: true };
  };
  try {
    return await db.transaction(async (tx) => {
      // Retries with the same key wait for each other here, so the second sees the first's answer
      // (without this, a retry could fail on the first's committed rows, e.g. a serial number taken).
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`${meta.actor.tenantId}:${meta.actor.userId}:${key}`}, 0))`,
      );
      const earlier = await replay(tx);
      if (earlier) return earlier;
      const body = await run(tx, now);
      await tx.insert(idempotencyKeys).values({
        tenantId: meta.actor.tenantId,
        userId: meta.actor.userId,
        key,
        method: request.method,
        path: request.path,
        requestHash: hash,
        statusCode,
        response: JSON.parse(JSON.stringify(body)) as object,
        createdAt: now,
      });
      return { statusCode, body, replayed: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const earlier = await replay(db);
      if (earlier) return earlier;
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
