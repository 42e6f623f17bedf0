import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { DomainError, isRole, type Actor, type Role } from '@aftercare/domain';
import { loginThrottle, sessions, tenants, users, type Database } from '@aftercare/db';
import type { AppContext } from '../context';
import { dummyPasswordHash, verifyPassword } from './password';
import { DEFAULT_THROTTLE, lockUntilAfterFailures } from './throttle';

export const AuthErrors = {
  invalid: 'AUTH_INVALID_CREDENTIALS',
  tooMany: 'AUTH_TOO_MANY_ATTEMPTS',
  unauthenticated: 'AUTH_REQUIRED',
} as const;

export const SESSION_HOURS = 12;

/** The password of every demo account (README). Refused in any tenant not created by the demo seed. */
export const DEMO_PASSWORD = 'demo1234';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  customerId: string | null;
  tenant: { id: string; code: string; name: string; timeZone: string; locale: string; isDemo: boolean };
}

export function actorOf(user: SessionUser): Actor & { displayName: string } {
  return {
    userId: user.id,
    tenantId: user.tenant.id,
    roles: user.roles,
    customerId: user.customerId,
    displayName: user.displayName,
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Logs a user in (R-ROLE-03): returns an opaque bearer token `<tenantId>.<secret>` whose hash is
 * stored, so a stolen database does not yield usable tokens. Wrong credentials and unknown tenants
 * or users all answer AUTH_INVALID_CREDENTIALS; repeated failures lock the name for a while.
 */
export async function login(
  ctx: AppContext,
  input: { tenant: string; username: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const [tenant] = await ctx.db
    .select()
    .from(tenants)
    .where(eq(tenants.code, input.tenant.trim().toLowerCase()));
  if (!tenant) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new DomainError(AuthErrors.invalid, 'Company, user name or password is wrong.');
  }
  const [throttle] = await ctx.db
    .select()
    .from(loginThrottle)
    .where(and(eq(loginThrottle.tenantId, tenant.tenantId), eq(loginThrottle.username, username)));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const retryAfter = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new DomainError(AuthErrors.tooMany, `Too many failed attempts; try again in ${retryAfter} s.`, {
      details: { retryAfterSeconds: retryAfter },
    });
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.tenantId), eq(users.username, username), eq(users.active, true)));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // The well-known demo password opens accounts only in a tenant made by the demo seed.
  const demoPasswordOutsideDemo = !tenant.isDemo && input.password === DEMO_PASSWORD;
  if (!user || !valid || demoPasswordOutsideDemo) {
    await recordFailure(ctx.db, tenant.tenantId, username, now, throttle);
    throw new DomainError(AuthErrors.invalid, 'Company, user name or password is wrong.');
  }
  const token = `${tenant.tenantId}.${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(loginThrottle)
      .where(and(eq(loginThrottle.tenantId, tenant.tenantId), eq(loginThrottle.username, username)));
    await tx.insert(sessions).values({
      tenantId: tenant.tenantId,
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
  });
  return { token, expiresAt, user: toSessionUser(user, tenant) };
}

async function recordFailure(
  db: Database,
  tenantId: string,
  username: string,
  now: Date,
  previous: { failures: number; lastFailureAt: Date | null } | undefined,
): Promise<void> {
  const stale =
    previous?.lastFailureAt &&
    now.getTime() - previous.lastFailureAt.getTime() > DEFAULT_THROTTLE.resetAfterSeconds * 1000;
  const failures = (stale ? 0 : (previous?.failures ?? 0)) + 1;
  const lockedUntil = lockUntilAfterFailures(failures, now);
  await db
    .insert(loginThrottle)
    .values({ tenantId, username, failures, lastFailureAt: now, lockedUntil })
    .onConflictDoUpdate({
      target: [loginThrottle.tenantId, loginThrottle.username],
      set: { failures, lastFailureAt: now, lockedUntil },
    });
}

/** Resolves a bearer token to its user, or null when unknown, expired or revoked. */
export async function authenticate(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const dot = token.indexOf('.');
  const tenantId = token.slice(0, dot);
  if (dot !== 36 || !/^[0-9a-f-]{36}$/.test(tenantId)) return null;
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ user: users, tenant: tenants })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.tenantId, sessions.tenantId))
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
      ),
    );
  const row = rows[0];
  return row ? toSessionUser(row.user, row.tenant) : null;
}

/** Revokes the session of this token (logout). */
export async function logout(ctx: AppContext, token: string): Promise<void> {
  const tenantId = token.slice(0, token.indexOf('.'));
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) return;
  await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(
      and(eq(sessions.tenantId, tenantId), eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt)),
    );
}

function toSessionUser(user: typeof users.$inferSelect, tenant: typeof tenants.$inferSelect): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.filter(isRole),
    customerId: user.customerId,
    tenant: {
      id: tenant.tenantId,
      code: tenant.code,
      name: tenant.name,
      timeZone: tenant.timeZone,
      locale: tenant.locale,
      isDemo: tenant.isDemo,
    },
  };
}
