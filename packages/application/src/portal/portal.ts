import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, arrayContains, eq } from 'drizzle-orm';
import { DomainError } from '@aftercare/domain';
import { customers, portalCodes, sessions, tenants, users } from '@aftercare/db';
import type { AppContext } from '../context';
import { AuthErrors, SESSION_HOURS, type SessionUser } from '../auth/login';
import { hashPassword } from '../auth/password';

/** Issue 5 §3: how the portal's one-time codes behave. */
export const PORTAL_CODE = {
  digits: 6,
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  /** At least this long between two codes to one phone. */
  resendAfterSeconds: 60,
  /** At most `maxPerWindow` codes to one phone per window. */
  windowSeconds: 3600,
  maxPerWindow: 5,
} as const;

/** The port through which a code reaches the customer (SMS in production). */
export interface CodeNotifier {
  sendLoginCode(message: { tenantId: string; phone: string; code: string; expiresAt: Date }): Promise<void>;
}

/** A notifier that only logs that a code was sent (never the code itself) — until an SMS gateway is wired. */
export function loggingCodeNotifier(log: { info: (obj: object, msg: string) => void }): CodeNotifier {
  return {
    async sendLoginCode({ tenantId, phone, expiresAt }) {
      log.info(
        { tenantId, phone: `${phone.slice(0, 5)}****${phone.slice(-2)}`, expiresAt },
        'portal login code sent',
      );
    },
  };
}

/** A phone as typed (138 1234 5678, +86-138…) in the E.164 form customers are stored with. */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  if (/^861\d{10}$/.test(digits)) return `+${digits}`;
  if (/^0\d{9,11}$/.test(digits)) return `+86${digits.slice(1)}`;
  return null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (tenantId: string, phone: string, code: string) => sha256(`${tenantId}:${phone}:${code}`);

async function tenantByCode(ctx: AppContext, code: string) {
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.code, code.trim().toLowerCase()));
  return tenant;
}

async function customerByPhone(ctx: AppContext, tenantId: string, phone: string) {
  return ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), arrayContains(customers.phones, [phone])));
}

/**
 * Sends a one-time code to a phone. Unknown companies and phones get the same answer as known ones
 * (nothing is sent), so the form does not reveal who is a customer. In a demo company the answer
 * also carries the code, so the demo page can show it.
 */
export async function requestPortalCode(
  ctx: AppContext,
  notifier: CodeNotifier,
  input: { tenant: string; phone: string },
): Promise<{ expiresAt: Date; demoCode: string | null }> {
  const now = ctx.clock.now();
  const phone = normalisePhone(input.phone);
  if (!phone) throw new DomainError('VALIDATION_FAILED', 'This is not a phone number.', { field: 'phone' });
  const expiresAt = new Date(now.getTime() + PORTAL_CODE.ttlSeconds * 1000);
  const tenant = await tenantByCode(ctx, input.tenant);
  if (!tenant) return { expiresAt, demoCode: null };

  const [previous] = await ctx.db
    .select()
    .from(portalCodes)
    .where(and(eq(portalCodes.tenantId, tenant.tenantId), eq(portalCodes.phone, phone)));
  let windowStartedAt = now;
  let sentInWindow = 1;
  if (previous) {
    const sinceLast = (now.getTime() - previous.createdAt.getTime()) / 1000;
    if (sinceLast < PORTAL_CODE.resendAfterSeconds) {
      throw new DomainError('RATE_LIMITED', 'A code was sent a moment ago; wait before asking again.', {
        details: { retryAfterSeconds: Math.ceil(PORTAL_CODE.resendAfterSeconds - sinceLast) },
      });
    }
    const windowAge = (now.getTime() - previous.windowStartedAt.getTime()) / 1000;
    if (windowAge < PORTAL_CODE.windowSeconds) {
      if (previous.sentInWindow >= PORTAL_CODE.maxPerWindow) {
        throw new DomainError('RATE_LIMITED', 'Too many codes to this phone; try again later.', {
          details: { retryAfterSeconds: Math.ceil(PORTAL_CODE.windowSeconds - windowAge) },
        });
      }
      windowStartedAt = previous.windowStartedAt;
      sentInWindow = previous.sentInWindow + 1;
    }
  }

  const known = (await customerByPhone(ctx, tenant.tenantId, phone)).length > 0;
  const code = String(randomInt(0, 10 ** PORTAL_CODE.digits)).padStart(PORTAL_CODE.digits, '0');
  const row = {
    tenantId: tenant.tenantId,
    phone,
    // An unknown phone gets a row too (for the rate limit), with a hash no code can match.
    codeHash: known ? codeHash(tenant.tenantId, phone, code) : `none:${randomBytes(16).toString('hex')}`,
    createdAt: now,
    expiresAt,
    attempts: 0,
    consumedAt: null,
    windowStartedAt,
    sentInWindow,
  };
  await ctx.db
    .insert(portalCodes)
    .values(row)
    .onConflictDoUpdate({ target: [portalCodes.tenantId, portalCodes.phone], set: row });
  if (!known) return { expiresAt, demoCode: null };
  await notifier.sendLoginCode({ tenantId: tenant.tenantId, phone, code, expiresAt });
  return { expiresAt, demoCode: tenant.isDemo ? code : null };
}

/**
 * Logs a customer in with the code: the phone must be one of a customer record's phones; the
 * customer's portal user is used, or made on the first login. The session is the same as `login`'s.
 */
export async function portalLogin(
  ctx: AppContext,
  input: { tenant: string; phone: string; code: string; ip?: string; userAgent?: string },
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const now = ctx.clock.now();
  const invalid = () => new DomainError(AuthErrors.invalid, 'Phone number or code is wrong or expired.');
  const phone = normalisePhone(input.phone);
  const tenant = await tenantByCode(ctx, input.tenant);
  if (!phone || !tenant) throw invalid();

  const [row] = await ctx.db
    .select()
    .from(portalCodes)
    .where(and(eq(portalCodes.tenantId, tenant.tenantId), eq(portalCodes.phone, phone)));
  if (!row || row.consumedAt || row.expiresAt <= now) throw invalid();
  if (row.attempts >= PORTAL_CODE.maxAttempts) {
    throw new DomainError(AuthErrors.tooMany, 'Too many wrong codes; ask for a new one.', {
      details: { retryAfterSeconds: PORTAL_CODE.resendAfterSeconds },
    });
  }
  if (row.codeHash !== codeHash(tenant.tenantId, phone, input.code.trim())) {
    await ctx.db
      .update(portalCodes)
      .set({ attempts: row.attempts + 1 })
      .where(and(eq(portalCodes.tenantId, tenant.tenantId), eq(portalCodes.phone, phone)));
    throw invalid();
  }

  const matches = await customerByPhone(ctx, tenant.tenantId, phone);
  if (matches.length === 0) throw invalid();
  const portalUsers = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenant.tenantId),
        arrayContains(users.roles, ['customer']),
        eq(users.active, true),
      ),
    );
  let user = portalUsers.find((u) => matches.some((c) => c.id === u.customerId));
  const customer = matches.find((c) => c.id === user?.customerId) ?? matches[0]!;
  const token = `${tenant.tenantId}.${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  // The portal user has no usable password: it signs in with codes only.
  const newUser = user
    ? null
    : {
        tenantId: tenant.tenantId,
        id: randomUUID(),
        username: `portal-${phone.replace(/\D/g, '')}`,
        displayName: customer.name,
        passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
        roles: ['customer'],
        phone,
        customerId: customer.id,
        active: true,
        createdAt: now,
      };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(portalCodes)
      .set({ consumedAt: now })
      .where(and(eq(portalCodes.tenantId, tenant.tenantId), eq(portalCodes.phone, phone)));
    if (newUser) await tx.insert(users).values(newUser);
    await tx.insert(sessions).values({
      tenantId: tenant.tenantId,
      id: randomUUID(),
      userId: user?.id ?? newUser!.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
  });
  user ??= { ...newUser!, active: true };
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: ['customer'],
      customerId: customer.id,
      tenant: {
        id: tenant.tenantId,
        code: tenant.code,
        name: tenant.name,
        timeZone: tenant.timeZone,
        locale: tenant.locale,
        isDemo: tenant.isDemo,
      },
    },
  };
}
