import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { DomainError, type Actor } from '@aftercare/domain';
import { productLines, productModels, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission } from '../guards';

export async function createProductLine(
  tx: Executor,
  meta: CommandMeta,
  input: { code: string; name: string; category: string; warrantyMonths?: number | undefined },
  now: Date,
) {
  requirePermission(meta.actor, 'catalog.write');
  const [dup] = await tx
    .select({ id: productLines.id })
    .from(productLines)
    .where(and(eq(productLines.tenantId, meta.actor.tenantId), eq(productLines.code, input.code)));
  if (dup)
    throw new DomainError('CATALOG_CODE_TAKEN', `Product line code "${input.code}" exists.`, {
      field: 'code',
    });
  const row = {
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    code: input.code,
    name: input.name,
    category: input.category,
    warrantyMonths: input.warrantyMonths ?? null,
    createdAt: now,
  };
  await tx.insert(productLines).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'product_line',
    entityId: row.id,
    action: 'product_line.create',
    after: row,
  });
  return row;
}

export async function createProductModel(
  tx: Executor,
  meta: CommandMeta,
  input: { productLineId: string; code: string; name: string; warrantyMonths?: number | undefined },
  now: Date,
) {
  requirePermission(meta.actor, 'catalog.write');
  const [line] = await tx
    .select({ id: productLines.id })
    .from(productLines)
    .where(and(eq(productLines.tenantId, meta.actor.tenantId), eq(productLines.id, input.productLineId)));
  if (!line) throw notFound('Product line', 'productLineId');
  const [dup] = await tx
    .select({ id: productModels.id })
    .from(productModels)
    .where(and(eq(productModels.tenantId, meta.actor.tenantId), eq(productModels.code, input.code)));
  if (dup)
    throw new DomainError('CATALOG_CODE_TAKEN', `Model code "${input.code}" exists.`, { field: 'code' });
  const row = {
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    productLineId: input.productLineId,
    code: input.code,
    name: input.name,
    warrantyMonths: input.warrantyMonths ?? null,
    createdAt: now,
  };
  await tx.insert(productModels).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'product_model',
    entityId: row.id,
    action: 'product_model.create',
    after: row,
  });
  return row;
}

export async function listProductLines(db: Executor, actor: Actor) {
  requirePermission(actor, 'catalog.read');
  return db
    .select()
    .from(productLines)
    .where(eq(productLines.tenantId, actor.tenantId))
    .orderBy(asc(productLines.code));
}

export async function listProductModels(db: Executor, actor: Actor, productLineId?: string) {
  requirePermission(actor, 'catalog.read');
  const conds = [eq(productModels.tenantId, actor.tenantId)];
  if (productLineId) conds.push(eq(productModels.productLineId, productLineId));
  return db
    .select()
    .from(productModels)
    .where(and(...conds))
    .orderBy(asc(productModels.code));
}
