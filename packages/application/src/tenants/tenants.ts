import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError, getPolicyPreset, isRole, type PresetName, type Role } from '@aftercare/domain';
import { tenants, users, type Executor } from '@aftercare/db';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from '../auth/login';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';

export type TenantRow = typeof tenants.$inferSelect;

export async function getTenant(db: Executor, tenantId: string): Promise<TenantRow> {
  const [row] = await db.select().from(tenants).where(eq(tenants.tenantId, tenantId));
  if (!row) throw notFound('Company');
  return row;
}

export async function findTenantByCode(db: Executor, code: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.code, code));
  return row;
}

/** Creates a company with the policy of a preset (R-NF-05: everything hangs off its tenant id). */
export async function createTenant(
  tx: Executor,
  input: {
    code: string;
    name: string;
    preset: PresetName;
    timeZone?: string;
    locale?: string;
    isDemo?: boolean;
  },
  now: Date,
): Promise<TenantRow> {
  const code = input.code.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,31}$/.test(code)) {
    throw new DomainError(
      'TENANT_CODE_INVALID',
      'A company code is 2–32 lower-case letters, digits or dashes.',
      { field: 'code' },
    );
  }
  if (await findTenantByCode(tx, code)) {
    throw new DomainError('TENANT_CODE_TAKEN', `The company code "${code}" is taken.`, { field: 'code' });
  }
  const policy = getPolicyPreset(input.preset);
  const row = {
    tenantId: randomUUID(),
    code,
    name: input.name,
    timeZone: input.timeZone ?? policy.timeZone,
    locale: input.locale ?? 'zh-CN',
    preset: input.preset,
    policy,
    isDemo: input.isDemo ?? false,
    createdAt: now,
  };
  await tx.insert(tenants).values(row);
  return row;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  phone?: string | undefined;
  customerId?: string | undefined;
}

/** Adds a user with one or more roles (R-ROLE-01); the password is stored as an argon2id hash. */
export async function addUser(tx: Executor, meta: CommandMeta, tenant: TenantRow, input: NewUser, now: Date) {
  const username = input.username.trim().toLowerCase();
  const roles = [...new Set(input.roles)];
  const bad = roles.find((r) => !isRole(r));
  if (bad) throw new DomainError('USER_ROLE_UNKNOWN', `Unknown role "${bad}".`, { field: 'roles' });
  if (roles.length === 0)
    throw new DomainError('USER_ROLE_REQUIRED', 'A user needs at least one role.', { field: 'roles' });
  if (input.password.length < 8) {
    throw new DomainError('USER_PASSWORD_WEAK', 'A password has at least 8 characters.', {
      field: 'password',
    });
  }
  if (!tenant.isDemo && input.password === DEMO_PASSWORD) {
    throw new DomainError(
      'USER_PASSWORD_WEAK',
      'The demo password may not be used outside the demo company.',
      {
        field: 'password',
      },
    );
  }
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenant.tenantId), eq(users.username, username)));
  if (existing)
    throw new DomainError('USER_NAME_TAKEN', `The user name "${username}" is taken.`, { field: 'username' });
  const row = {
    tenantId: tenant.tenantId,
    id: randomUUID(),
    username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: roles as Role[],
    phone: input.phone ?? null,
    customerId: input.customerId ?? null,
    active: true,
    createdAt: now,
  };
  await tx.insert(users).values(row);
  const { passwordHash: _omit, ...visible } = row;
  await writeAudit(tx, meta, now, {
    entityType: 'user',
    entityId: row.id,
    action: 'user.create',
    after: visible,
  });
  return visible;
}
