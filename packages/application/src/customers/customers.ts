import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { can, maskPhone, nameSearchKey, normalizePhone, type Actor } from '@aftercare/domain';
import { customerAddresses, customers, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';

export interface AddressInput {
  province: string;
  city: string;
  district?: string | undefined;
  line: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

export interface CustomerInput {
  kind: 'person' | 'organisation';
  name: string;
  contactName?: string | undefined;
  phones: string[];
  email?: string | undefined;
  organisation?: string | undefined;
  address?: AddressInput | undefined;
}

export type CustomerRow = typeof customers.$inferSelect;
export type AddressRow = typeof customerAddresses.$inferSelect;

/** Creates a customer with normalised phones and an optional default address (R-IN-03). */
export async function createCustomer(
  tx: Executor,
  meta: CommandMeta,
  input: CustomerInput,
  now: Date,
  fieldPrefix = '',
): Promise<{ customer: CustomerRow; address: AddressRow | null }> {
  requirePermission(meta.actor, 'customer.write');
  const phones = input.phones.map((p, i) => unwrap(normalizePhone(p, `${fieldPrefix}phones.${i}`)));
  const customer: CustomerRow = {
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    kind: input.kind,
    name: input.name.trim(),
    nameKey: nameSearchKey(input.name),
    contactName: input.contactName ?? null,
    phones: [...new Set(phones)],
    email: input.email ?? null,
    organisation: input.organisation ?? null,
    notes: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(customers).values(customer);
  let address: AddressRow | null = null;
  if (input.address)
    address = await addAddress(tx, meta.actor.tenantId, customer.id, input.address, true, now);
  await writeAudit(tx, meta, now, {
    entityType: 'customer',
    entityId: customer.id,
    action: 'customer.create',
    after: { ...customer, address },
  });
  return { customer, address };
}

export async function addAddress(
  tx: Executor,
  tenantId: string,
  customerId: string,
  input: AddressInput,
  isDefault: boolean,
  now: Date,
): Promise<AddressRow> {
  const row: AddressRow = {
    tenantId,
    id: randomUUID(),
    customerId,
    province: input.province,
    city: input.city,
    district: input.district ?? null,
    line: input.line,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    isDefault,
    createdAt: now,
  };
  await tx.insert(customerAddresses).values(row);
  return row;
}

export async function getCustomerRow(
  db: Executor,
  tenantId: string,
  id: string,
  field?: string,
): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
  if (!row) throw notFound('Customer', field);
  return row;
}

/** The customer as an API view; phones masked unless the role may see them (R-NF-03). */
export function customerView(actor: Actor, row: CustomerRow, addresses: AddressRow[]) {
  const reveal =
    can(actor.roles, 'customer.reveal_pii') ||
    (actor.customerId !== undefined && actor.customerId === row.id);
  return {
    id: row.id,
    kind: row.kind as 'person' | 'organisation',
    name: row.name,
    contactName: row.contactName,
    phones: reveal ? row.phones : row.phones.map(maskPhone),
    phonesMasked: !reveal,
    email: row.email,
    organisation: row.organisation,
    addresses: addresses.map((a) => ({
      id: a.id,
      province: a.province,
      city: a.city,
      district: a.district ?? undefined,
      line: a.line,
      latitude: a.latitude ?? undefined,
      longitude: a.longitude ?? undefined,
      isDefault: a.isDefault,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getCustomer(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'customer.read');
  const row = await getCustomerRow(db, actor.tenantId, id);
  const addresses = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, actor.tenantId), eq(customerAddresses.customerId, id)))
    .orderBy(asc(customerAddresses.createdAt));
  return customerView(actor, row, addresses);
}

/** Lists customers; `q` matches name, pinyin ("zs" finds 张三) or phone digits. Paginated. */
export async function listCustomers(
  db: Executor,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  requirePermission(actor, 'customer.read');
  const q = query.q?.trim().toLowerCase();
  let match: SQL | undefined;
  if (q) {
    const digits = q.replace(/\D/g, '');
    match = or(
      ilike(customers.nameKey, `%${escapeLike(q)}%`),
      ilike(customers.name, `%${escapeLike(q)}%`),
      digits.length >= 3 ? sql`array_to_string(${customers.phones}, ' ') like ${`%${digits}%`}` : undefined,
    );
  }
  const conditions = [eq(customers.tenantId, actor.tenantId), match];
  const where = and(...conditions);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(asc(customers.nameKey), asc(customers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  const addresses = rows.length
    ? await db
        .select()
        .from(customerAddresses)
        .where(
          and(
            eq(customerAddresses.tenantId, actor.tenantId),
            inArray(
              customerAddresses.customerId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return {
    items: rows.map((r) =>
      customerView(
        actor,
        r,
        addresses.filter((a) => a.customerId === r.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
