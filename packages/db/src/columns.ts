import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** An instant, stored as timestamptz (UTC) and read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The tenant key every table carries (R-NF-05). */
export const tenantId = () => uuid('tenant_id').notNull();
