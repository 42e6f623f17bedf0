import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { DomainError, checkIntakeDates, localDate, scopeFor, type Actor } from '@aftercare/domain';
import { productLines, productModels, units, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { escapeLike, getCustomerRow } from '../customers/customers';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';

export interface UnitInput {
  modelId: string;
  serialNumber: string;
  purchaseDate?: string | undefined;
  proofOfPurchase?: string | undefined;
}

export type UnitRow = typeof units.$inferSelect;

/** Registers a sold unit (serial number, model, purchase date, proof of purchase, owner). */
export async function createUnit(
  tx: Executor,
  meta: CommandMeta,
  input: UnitInput & { ownerId: string; addressId?: string | null },
  now: Date,
  timeZone: string,
  fieldPrefix = '',
): Promise<UnitRow> {
  requirePermission(meta.actor, 'unit.write');
  const tenantId = meta.actor.tenantId;
  unwrap(
    checkIntakeDates(
      { purchaseDate: input.purchaseDate ?? null },
      now,
      localDate(now, timeZone),
      fieldPrefix,
    ),
  );
  const [model] = await tx
    .select({ id: productModels.id })
    .from(productModels)
    .where(and(eq(productModels.tenantId, tenantId), eq(productModels.id, input.modelId)));
  if (!model) throw notFound('Product model', `${fieldPrefix}modelId`);
  await getCustomerRow(tx, tenantId, input.ownerId, 'ownerId');
  const serial = input.serialNumber.trim().toUpperCase();
  const [dup] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.serialNumber, serial)));
  if (dup) {
    throw new DomainError('UNIT_SERIAL_TAKEN', `Serial number ${serial} is already registered.`, {
      field: `${fieldPrefix}serialNumber`,
      details: { unitId: dup.id },
    });
  }
  const row: UnitRow = {
    tenantId,
    id: randomUUID(),
    modelId: input.modelId,
    serialNumber: serial,
    purchaseDate: input.purchaseDate ?? null,
    proofOfPurchase: input.proofOfPurchase ?? null,
    ownerId: input.ownerId,
    addressId: input.addressId ?? null,
    createdAt: now,
  };
  await tx.insert(units).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'unit',
    entityId: row.id,
    action: 'unit.create',
    after: row,
  });
  return row;
}

const unitSelect = {
  unit: units,
  modelCode: productModels.code,
  modelName: productModels.name,
  lineName: productLines.name,
};

function toView(r: { unit: UnitRow; modelCode: string; modelName: string; lineName: string }) {
  return {
    id: r.unit.id,
    serialNumber: r.unit.serialNumber,
    purchaseDate: r.unit.purchaseDate,
    proofOfPurchase: r.unit.proofOfPurchase,
    ownerId: r.unit.ownerId,
    model: { id: r.unit.modelId, code: r.modelCode, name: r.modelName, productLine: r.lineName },
  };
}

function joined(db: Executor) {
  return db
    .select(unitSelect)
    .from(units)
    .innerJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .innerJoin(
      productLines,
      and(eq(productLines.tenantId, units.tenantId), eq(productLines.id, productModels.productLineId)),
    );
}

/** Lists units by serial number or model; a customer sees only their own (R-ROLE-03). */
export async function listUnits(
  db: Executor,
  actor: Actor,
  query: { q?: string | undefined; ownerId?: string | undefined; page: number; pageSize: number },
) {
  requirePermission(actor, 'unit.read');
  const scope = scopeFor(actor);
  const q = query.q?.trim();
  const where = and(
    eq(units.tenantId, actor.tenantId),
    scope.kind === 'own' ? eq(units.ownerId, scope.customerId) : undefined,
    query.ownerId ? eq(units.ownerId, query.ownerId) : undefined,
    q
      ? or(ilike(units.serialNumber, `%${escapeLike(q)}%`), ilike(productModels.code, `%${escapeLike(q)}%`))
      : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(asc(units.serialNumber))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: count() })
      .from(units)
      .innerJoin(
        productModels,
        and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
      )
      .where(where),
  ]);
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

export async function getUnit(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'unit.read');
  const scope = scopeFor(actor);
  const [row] = await joined(db).where(
    and(
      eq(units.tenantId, actor.tenantId),
      eq(units.id, id),
      scope.kind === 'own' ? eq(units.ownerId, scope.customerId) : undefined,
    ),
  );
  if (!row) throw notFound('Unit');
  return toView(row);
}
