import { sql } from 'drizzle-orm';
import { formatDocumentNumber, localDate } from '@aftercare/domain';
import { counters, type Executor } from '@aftercare/db';

/**
 * The next human-readable number of a kind for the tenant's local day (SR-20261123-0042). The
 * counter row is incremented inside the caller's transaction, so numbers are unique and gap-free
 * for committed documents of a day.
 */
export async function nextDocumentNumber(
  tx: Executor,
  tenantId: string,
  prefix: string,
  now: Date,
  timeZone: string,
): Promise<string> {
  const day = localDate(now, timeZone);
  const rows = await tx
    .insert(counters)
    .values({ tenantId, kind: prefix, day, value: 1 })
    .onConflictDoUpdate({
      target: [counters.tenantId, counters.kind, counters.day],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value });
  const value = rows[0]?.value ?? 1;
  return formatDocumentNumber(prefix, day, value);
}
