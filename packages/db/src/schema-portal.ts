/**
 * The customer portal (issue 5 §3): one-time login codes sent to a customer's phone. One row per
 * phone and company: a new code replaces the previous one. Only the code's hash is stored.
 */
import { foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './schema';
import { ts } from './columns';

export const portalCodes = pgTable(
  'portal_codes',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The phone as digits only (normalised), e.g. 13812345678. */
    phone: text('phone').notNull(),
    /** SHA-256 of tenant, phone and code. */
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** Wrong codes tried against this code; at the limit the code is dead. */
    attempts: integer('attempts').notNull().default(0),
    consumedAt: ts('consumed_at'),
    /** Rate limit per phone: codes sent in the window that started at `windowStartedAt`. */
    windowStartedAt: ts('window_started_at').notNull(),
    sentInWindow: integer('sent_in_window').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.phone] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);
