import { randomUUID } from 'node:crypto';
import { addUser, createTenant, type CommandMeta, type TenantRow } from '@aftercare/application';
import type { Database } from '@aftercare/db';
import type { PresetName, Role } from '@aftercare/domain';

export const TEST_PASSWORD = 'correct-horse-9';

/** The staff of a test company: one user per role of R-ROLE-01, plus a second technician. */
export const STAFF: { username: string; roles: Role[]; customerId?: string }[] = [
  { username: 'admin', roles: ['admin'] },
  { username: 'agent', roles: ['agent'] },
  { username: 'engineer', roles: ['engineer'] },
  { username: 'tech1', roles: ['technician'] },
  { username: 'tech2', roles: ['technician'] },
  { username: 'qc', roles: ['qc'] },
  { username: 'supervisor', roles: ['supervisor'] },
  { username: 'manager', roles: ['manager'] },
  { username: 'guide', roles: ['guide'] },
];

export interface TestTenant {
  tenant: TenantRow;
  userIds: Record<string, string>;
}

/** Creates a company with its staff; every user has the password TEST_PASSWORD. */
export async function buildTenant(
  db: Database,
  options: {
    code: string;
    preset?: PresetName;
    users?: { username: string; roles: Role[]; customerId?: string }[];
    now?: Date;
  },
): Promise<TestTenant> {
  const now = options.now ?? new Date('2026-11-01T00:00:00Z');
  return db.transaction(async (tx) => {
    const tenant = await createTenant(
      tx,
      { code: options.code, name: `Test ${options.code}`, preset: options.preset ?? 'appliance' },
      now,
    );
    const meta: CommandMeta = {
      actor: { userId: randomUUID(), tenantId: tenant.tenantId, roles: ['admin'] },
      requestId: 'test-setup',
      channel: 'system',
    };
    const userIds: Record<string, string> = {};
    for (const u of options.users ?? STAFF) {
      const user = await addUser(
        tx,
        meta,
        tenant,
        {
          username: u.username,
          displayName: u.username,
          password: TEST_PASSWORD,
          roles: u.roles,
          customerId: u.customerId,
        },
        now,
      );
      userIds[u.username] = user.id;
    }
    return { tenant, userIds };
  });
}
